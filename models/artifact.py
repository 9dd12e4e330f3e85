"""The artifact: a directory of skops files plus a manifest that pins and verifies them.

Loading never unpickles. Every file's sha256 must match the manifest, every type inside a skops
file must be on ``ALLOWED_TYPES``, the format version must be one this code reads, and the
scikit-learn version must be the one the artifact was made with (unless allowed otherwise).
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import platform
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
import skops.io as sio

from winnow.features.sequence import SEQUENCE_COLUMNS
from winnow.features.vocabulary import LABEL_NAMES
from winnow.models.atomic import atomic_dir
from winnow.models.cleaner import FAVORS, Cleaner
from winnow.models.glued import CUT_COLUMNS

FORMAT = "winnow-artifact"
# 2: vectorizer vocabularies stored as arrays of terms (``compact``). Version 1 artifacts,
# with vocabularies as dicts, are still read.
FORMAT_VERSION = 2
READABLE_VERSIONS = (1, 2)
MANIFEST = "manifest.json"
MODEL_FILES = {
    "boilerplate_html": "boilerplate_html.skops",
    "boilerplate_text": "boilerplate_text.skops",
    "sequence_html": "sequence_html.skops",
    "sequence_text": "sequence_text.skops",
    "cutter_text": "cutter_text.skops",
    "topic": "topic.skops",
}

# Every type winnow writes into a skops file. Anything else in a file is refused on load.
ALLOWED_TYPES = frozenset(
    {
        "builtins.slice",
        "numpy.dtype",
        "numpy.ndarray",
        "numpy.float64",
        "numpy.int64",
        "numpy.str_",
        "numpy.random.mtrand.RandomState",
        "scipy.sparse._csr.csr_matrix",
        "sklearn.calibration._CalibratedClassifier",
        "sklearn.compose._column_transformer.ColumnTransformer",
        "sklearn.ensemble._hist_gradient_boosting.predictor.TreePredictor",
        "sklearn.feature_extraction.text.CountVectorizer",
        "sklearn.feature_extraction.text.TfidfTransformer",
        "sklearn.feature_extraction.text.TfidfVectorizer",
        "sklearn.linear_model._logistic.LogisticRegression",
        "sklearn.linear_model._stochastic_gradient.SGDClassifier",
        "sklearn.pipeline.FeatureUnion",
        "sklearn.pipeline.Pipeline",
        "sklearn.preprocessing._data.StandardScaler",
        "sklearn.preprocessing._encoders.OneHotEncoder",
        "winnow.features.transformers.HashedNgrams",
        "winnow.features.transformers.TextStatistics",
        "winnow.models.nbsvm.NBSVMClassifier",
        "winnow.models.ensemble.ProbabilityAverage",
    }
)
VERSIONED_PACKAGES = ("scikit-learn", "skops", "numpy", "scipy", "winnow-news")


class ArtifactError(Exception):
    """An artifact that cannot be trusted or read; the message is a one-line reason."""


@dataclass
class Verification:
    """What ``verify_artifact`` found: the manifest, and the problems (none when ``ok``)."""

    path: Path
    manifest: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    types: dict[str, list[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def package_versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for name in VERSIONED_PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "unknown"
    return versions


def compact(estimator: Any) -> Any:
    """A copy of ``estimator`` that saves small and loads fast: each vectorizer's vocabulary
    as one array of terms in index order (as a dict, skops writes and audits every entry as
    a node of its own: 350,000 of them made loading take 9 s) and no ``stop_words_`` (kept
    only for introspection). ``expand`` undoes it after loading."""
    estimator = copy.deepcopy(estimator)
    for part in _walk(estimator):
        if hasattr(part, "stop_words_"):
            del part.stop_words_
        vocabulary = getattr(part, "vocabulary_", None)
        if not isinstance(vocabulary, dict):
            continue
        terms = np.empty(len(vocabulary), dtype=object)
        for term, index in vocabulary.items():
            terms[int(index)] = str(term)
        array = np.asarray(terms.tolist(), dtype=str) if len(terms) else np.zeros(0, dtype=str)
        if array.tolist() == terms.tolist():  # NumPy strips trailing NULs; keep the dict then
            part.vocabulary_terms_ = array
            del part.vocabulary_
        else:
            part.vocabulary_ = {str(k): int(v) for k, v in vocabulary.items()}
    return estimator


def expand(estimator: Any) -> Any:
    """Rebuild the vocabularies ``compact`` stored as arrays, in place."""
    for part in _walk(estimator):
        terms = getattr(part, "vocabulary_terms_", None)
        if terms is not None:
            part.vocabulary_ = {term: index for index, term in enumerate(terms.tolist())}
            del part.vocabulary_terms_
    return estimator


def _walk(estimator: Any):
    """The estimator and every fitted estimator inside it (pipelines, unions, column
    transformers, whose fitted parts are clones kept in ``transformers_``)."""
    yield estimator
    children = []
    if hasattr(estimator, "steps"):
        children = [step for _, step in estimator.steps]
    elif hasattr(estimator, "transformers_"):
        children = [t for _, t, _ in estimator.transformers_]
    elif hasattr(estimator, "transformer_list"):
        children = [t for _, t in estimator.transformer_list]
    for child in children:
        if hasattr(child, "fit"):
            yield from _walk(child)


def save_artifact(
    out: str | os.PathLike,
    cleaner: Cleaner,
    *,
    info: dict[str, Any] | None = None,
    extra_files: dict[str, Callable[[Path], None]] | None = None,
    overwrite: bool = False,
) -> Path:
    """Write ``cleaner`` as an artifact at ``out``, whole or not at all.

    ``info`` goes into the manifest (labels, dataset fingerprint, parameters); ``extra_files``
    maps file names to writers (metrics, model card, plots) whose output is hashed too.
    """
    out = Path(out)
    if out.exists() and not overwrite:
        raise ArtifactError(f"{out} exists; choose another --out or pass --overwrite")
    with atomic_dir(out, overwrite=overwrite) as tmp:
        models = {
            "boilerplate_html": cleaner.boilerplate.get("html"),
            "boilerplate_text": cleaner.boilerplate.get("text"),
            "sequence_html": cleaner.sequence.get("html"),
            "sequence_text": cleaner.sequence.get("text"),
            "cutter_text": cleaner.cutter.get("text"),
            "topic": cleaner.topic,
        }
        for name, model in models.items():
            if model is not None:
                sio.dump(compact(model), tmp / MODEL_FILES[name], compression=zipfile.ZIP_DEFLATED)
        for name, write in (extra_files or {}).items():
            write(tmp / name)
        files = {
            p.relative_to(tmp).as_posix(): sha256_file(p)
            for p in sorted(tmp.rglob("*"))
            if p.is_file()
        }
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "versions": package_versions(),
            "labels": {
                "boilerplate": list(LABEL_NAMES.values()),
                "topic": [str(c) for c in cleaner.topic.classes_]
                if cleaner.topic is not None
                else [],
            },
            # What it holds: a dataset with one kind of label trains one part (``model_parts``).
            "parts": model_parts(cleaner),
            "thresholds": cleaner.thresholds,
            # --favor precision | recall; none in artifacts made before favors existed.
            "favor_thresholds": cleaner.favor_thresholds,
            "cut_threshold": cleaner.cut_threshold,
            "topic_threshold": cleaner.topic_threshold,
            "sequence_columns": list(cleaner.sequence_columns) if cleaner.sequence else [],
            "cut_columns": list(CUT_COLUMNS) if cleaner.cutter else [],
            **(info or {}),
            "files": files,
        }
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=False) + "\n")
    return out


def verify_artifact(
    path: str | os.PathLike, *, allow_version_mismatch: bool = False
) -> Verification:
    """Check an artifact without loading any model: manifest, hashes, types, versions."""
    path = Path(path)
    result = Verification(path=path)
    if not path.exists():
        result.problems.append(f"no model at {path}: no such folder (`winnow train` writes one)")
        return result
    if not path.is_dir():
        result.problems.append(f"{path} is a file, not an artifact directory")
        return result
    try:
        manifest = json.loads((path / MANIFEST).read_text())
    except FileNotFoundError:
        result.problems.append(
            f"{path} is not an artifact directory: it has no {MANIFEST} (`winnow train` writes one)"
        )
        return result
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        result.problems.append(f"{MANIFEST} is not valid JSON ({err})")
        return result
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        result.problems.append(f"{MANIFEST} does not describe a {FORMAT}")
        return result
    result.manifest = manifest
    if manifest.get("format_version") not in READABLE_VERSIONS:
        result.problems.append(
            f"format version {manifest.get('format_version')!r} is not one this winnow reads "
            f"({', '.join(map(str, READABLE_VERSIONS))})"
        )
        return result
    files = manifest.get("files") or {}
    for name, expected in sorted(files.items()):
        file = path / name
        if not file.is_file():
            result.problems.append(f"{name} is listed in the manifest but missing")
        elif sha256_file(file) != expected:
            result.problems.append(f"{name} does not match its sha256 in the manifest")
    for file in sorted(path.glob("*.skops")):
        if file.name not in files:
            result.problems.append(f"{file.name} is not listed in the manifest")
    for name in MODEL_FILES.values():
        file = path / name
        if name in files and file.is_file() and not result.problems:
            try:
                untrusted = sio.get_untrusted_types(file=file)
            except Exception as err:
                result.problems.append(f"{name} is not a readable skops file ({err})")
                continue
            refused = sorted(set(untrusted) - ALLOWED_TYPES)
            result.types[name] = sorted(untrusted)
            if refused:
                result.problems.append(
                    f"{name} holds types outside the allow-list: {', '.join(refused)}"
                )
    result.problems += _parts_problems(manifest.get("parts"), files)
    has_second_pass = any(name.startswith("sequence_") for name in files)
    # A second pass reads the page features it was trained on, by name: an artifact made
    # before features were added still loads; one that needs a feature gone does not.
    unknown = sorted(set(manifest.get("sequence_columns") or []) - set(SEQUENCE_COLUMNS))
    if has_second_pass and (unknown or not manifest.get("sequence_columns")):
        result.problems.append(
            "its second pass was trained on page features this winnow does not compute "
            f"(sequence_columns {', '.join(unknown) or 'missing'}); retrain it with this version"
        )
    if "cutter_text.skops" in files and manifest.get("cut_columns") != list(CUT_COLUMNS):
        result.problems.append(
            "its glued-chaff cutter was trained on cut features this winnow does not compute "
            "(cut_columns differ); retrain it with this version"
        )
    favors = manifest.get("favor_thresholds")
    if favors is not None and not _is_favor_thresholds(favors):
        result.problems.append(
            "its favor_thresholds are not thresholds between 0 and 1 per page kind for "
            f"{' and '.join(f for f in FAVORS if f != 'balanced')}"
        )
    made_with = (manifest.get("versions") or {}).get("scikit-learn")
    have = package_versions()["scikit-learn"]
    if made_with != have:
        message = f"made with scikit-learn {made_with}, this is {have}"
        if allow_version_mismatch:
            result.warnings.append(message)
        else:
            result.problems.append(f"{message} (pass --allow-version-mismatch to load anyway)")
    return result


def model_parts(cleaner: Cleaner) -> dict[str, Any]:
    """The parts a model holds: the page kinds of its boilerplate models (none: it keeps every
    paragraph) and whether it has a topic model (no: every topic is None)."""
    return {"boilerplate": sorted(cleaner.boilerplate), "topic": cleaner.topic is not None}


def parts_from_files(files: dict[str, str]) -> dict[str, Any]:
    """``model_parts`` read from an artifact's file list (artifacts made before ``parts``)."""
    kinds = [k for k in ("html", "text") if MODEL_FILES[f"boilerplate_{k}"] in files]
    return {"boilerplate": kinds, "topic": MODEL_FILES["topic"] in files}


def _parts_problems(parts: Any, files: dict[str, str]) -> list[str]:
    """An artifact must hold a boilerplate or a topic model, and, where its manifest names its
    parts, exactly those."""
    held = parts_from_files(files)
    if not held["boilerplate"] and not held["topic"]:
        return ["it holds neither a boilerplate model nor a topic model"]
    if parts is not None and parts != held:
        return [f"its manifest says it holds {parts} but its files hold {held}"]
    return []


def _is_favor_thresholds(favors: Any) -> bool:
    """Whether a manifest's ``favor_thresholds`` is a threshold in [0, 1] per page kind for
    some of the favors other than balanced, and nothing else."""
    return isinstance(favors, dict) and all(
        favor in FAVORS
        and favor != "balanced"
        and isinstance(by_kind, dict)
        and all(
            isinstance(v, int | float) and not isinstance(v, bool) and 0 <= v <= 1
            for v in by_kind.values()
        )
        for favor, by_kind in favors.items()
    )


def load_artifact(path: str | os.PathLike, *, allow_version_mismatch: bool = False) -> Cleaner:
    """A ``Cleaner`` from a verified artifact; ``ArtifactError`` with the first problem else."""
    check = verify_artifact(path, allow_version_mismatch=allow_version_mismatch)
    if not check.ok:
        if not (Path(path) / MANIFEST).is_file():  # not an artifact at all: say only that
            raise ArtifactError(check.problems[0])
        raise ArtifactError(f"refusing {path}: {check.problems[0]}")
    path = Path(path)
    manifest = check.manifest
    models = {}
    for name, file in MODEL_FILES.items():
        if (path / file).is_file():
            models[name] = expand(sio.load(path / file, trusted=check.types.get(file, [])))
    boilerplate = {
        k: models[f"boilerplate_{k}"] for k in ("html", "text") if f"boilerplate_{k}" in models
    }
    sequence = {k: models[f"sequence_{k}"] for k in boilerplate if f"sequence_{k}" in models}
    columns = list(manifest.get("sequence_columns") or SEQUENCE_COLUMNS)
    for kind, model in sequence.items():
        if getattr(model, "n_features_in_", len(columns)) != len(columns):
            raise ArtifactError(
                f"refusing {path}: its {kind} second pass reads {model.n_features_in_} page "
                f"features and its manifest names {len(columns)}; retrain it"
            )
    return Cleaner(
        boilerplate=boilerplate,
        topic=models.get("topic"),
        sequence=sequence,
        sequence_columns=columns,
        cutter={"text": models["cutter_text"]} if "cutter_text" in models else {},
        cut_threshold=float(manifest.get("cut_threshold") or 0.5),
        thresholds={k: float(v) for k, v in (manifest.get("thresholds") or {}).items()},
        favor_thresholds={
            favor: {k: float(v) for k, v in by_kind.items()}
            for favor, by_kind in (manifest.get("favor_thresholds") or {}).items()
        },
        topic_threshold=float(manifest.get("topic_threshold") or 0.0),
    )
