"""winnow's topic pipeline beside a tuned TF-IDF + LinearSVC baseline and fastText.

Every tool is fitted and scored on the same documents in the same run, so the figures compare:

- **AG News**: the 16k-document train subset, scored on the official 7,600-document test set.
- **BBC**: 5-fold cross-validation, stratified and grouped so that exact-duplicate articles
  (same text once whitespace and case are normalised) always share a fold; means over folds.
- **20 Newsgroups**: the official bydate train, scored on its test split.

Per tool: accuracy, macro-F1, expected calibration error (15 equal-width bins over the top-class
probability), fit seconds (wall clock), documents per CPU-second for ``predict_proba`` over the
whole test set on one thread, and serialised model size. The baselines' hyperparameters are
chosen on a validation split carved from train (inside each training fold for BBC), then the
model is refitted on all of train; the test sets are never used for choosing.

    python bench/topics.py --data /work/shared/data/topic --out bench/results/topics.md
"""

from __future__ import annotations

import os

# One core per job: the predict speed is a single-core figure and the machine is shared.
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import argparse  # noqa: E402
import gzip  # noqa: E402
import hashlib  # noqa: E402
import json  # noqa: E402
import pickle  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import zipfile  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.metrics import accuracy_score, f1_score  # noqa: E402
from sklearn.model_selection import StratifiedGroupKFold  # noqa: E402
from sklearn.pipeline import Pipeline  # noqa: E402
from sklearn.svm import LinearSVC  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.report import cpu_timed, publish  # noqa: E402
from winnow.models.artifact import compact  # noqa: E402
from winnow.models.pipelines import make_topic_pipeline  # noqa: E402
from winnow.train.metrics import expected_calibration_error as calibration_error  # noqa: E402

N_BINS = 15
SVM_C_GRID = (0.1, 0.25, 0.5, 1.0, 2.0, 4.0)
# fastText: a small grid around the settings of the fastText paper (lr 0.05-0.5, 5 epochs, dim 10)
# and the longer runs that small training sets need.
FASTTEXT_GRID = tuple(
    {"lr": lr, "epoch": epoch, "dim": dim}
    for lr in (0.25, 1.0)
    for epoch in (5, 25)
    for dim in (50, 100)
)
DATASETS = ("ag_news_16k", "bbc", "20newsgroups")
_SPACE = re.compile(r"\s+")
_FT_TOKEN = re.compile(r"\w+|[^\w\s]")


# --- data and splits ----------------------------------------------------------------------


def read_jsonl(path: Path, limit: int = 0) -> tuple[list[str], list[str]]:
    """Texts and labels of a gzipped JSON-lines file. ``limit`` keeps a seeded random N in file
    order for smoke runs: the first N lines of a file sorted by label would hold one class."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    if limit and limit < len(rows):
        keep = np.sort(np.random.default_rng(0).choice(len(rows), limit, replace=False))
        rows = [rows[i] for i in keep]
    return [r["text"] for r in rows], [str(r["label"]) for r in rows]


def normalise(text: str) -> str:
    """Whitespace and case folded, so copies that differ only in layout count as duplicates."""
    return _SPACE.sub(" ", text).strip().lower()


def duplicate_groups(texts: Sequence[str]) -> np.ndarray:
    """One integer per document, equal for documents whose normalised texts are identical."""
    keys = [hashlib.sha1(normalise(t).encode("utf-8")).hexdigest() for t in texts]
    return np.unique(keys, return_inverse=True)[1]


def grouped_folds(
    texts: Sequence[str], labels: Sequence[str], n_splits: int = 5, seed: int = 0
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Stratified folds in which duplicates share a fold: a test copy of a training document
    would be scored as if the model generalised when it only remembered."""
    splitter = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    groups = duplicate_groups(texts)
    return list(splitter.split(np.zeros(len(texts)), np.asarray(labels), groups))


def validation_split(
    texts: Sequence[str], labels: Sequence[str], share: float = 0.1, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Train and validation indices: a stratified, duplicate-grouped ~``share`` held out of
    train, where the baselines choose their hyperparameters (never on the test set)."""
    smallest = int(np.unique(np.asarray(labels), return_counts=True)[1].min())
    n_splits = max(2, min(round(1 / share), smallest))  # tiny training folds: fewer, larger
    return grouped_folds(texts, labels, n_splits=n_splits, seed=seed)[0]


def subset(items: Sequence, index: np.ndarray) -> list:
    return [items[i] for i in index]


# --- measures -----------------------------------------------------------------------------


def expected_calibration_error(
    proba: np.ndarray, y_true: np.ndarray, n_bins: int = N_BINS
) -> float:
    """winnow's calibration error (``train.metrics``) of probabilities whose columns are the
    classes; ``y_true`` holds column indices."""
    proba = np.asarray(proba, dtype=float)
    correct = proba.argmax(axis=1) == np.asarray(y_true)
    return calibration_error(proba.max(axis=1), correct, bins=n_bins)


def softmax(scores: np.ndarray) -> np.ndarray:
    """Decision scores as probabilities (a binary score becomes two columns), so a margin
    classifier can be given an ECE at all; it is not calibrated."""
    scores = np.asarray(scores, dtype=float)
    if scores.ndim == 1:
        scores = np.column_stack([-scores, scores])
    scores = scores - scores.max(axis=1, keepdims=True)
    exp = np.exp(scores)
    return exp / exp.sum(axis=1, keepdims=True)


def score(proba: np.ndarray, classes: Sequence[str], labels: Sequence[str]) -> dict[str, float]:
    """Accuracy, macro-F1 and ECE of probabilities whose columns follow ``classes``."""
    index = {c: i for i, c in enumerate(classes)}
    y_true = np.array([index.get(label, -1) for label in labels])
    y_pred = proba.argmax(axis=1)
    return {
        "accuracy": float(accuracy_score(y_true, y_pred)),
        "macro_f1": float(f1_score(y_true, y_pred, average="macro")),
        "ece": expected_calibration_error(proba, y_true),
    }


def wall_timed(fn: Callable[[], object]) -> tuple[object, float]:
    """Result and wall seconds: fit time is what a user waits for."""
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


def serialised_mb(model: object) -> tuple[float, str]:
    """Size of the model as winnow's artifact saves it: vectorisers compacted, then skops with
    deflate (pickle when skops is not installed). ``compact`` returns a copy that predicts
    the same; without it skops writes each vocabulary entry as its own node, which takes
    minutes and inflates the size."""
    model = compact(model)
    try:
        from skops.io import dumps
    except ImportError:
        return len(pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL)) / 1e6, "pickle"
    return len(dumps(model, compression=zipfile.ZIP_DEFLATED)) / 1e6, "skops"


# --- tools --------------------------------------------------------------------------------


class Tool:
    """A classifier under test: fit on texts, probabilities per class, a serialised size."""

    name = "tool"

    def fit(self, texts: list[str], labels: list[str]) -> None:
        raise NotImplementedError

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    def size(self) -> tuple[float, str]:
        raise NotImplementedError

    def params(self) -> dict:
        return {}


class WinnowTool(Tool):
    """The shipped ``make_topic_pipeline()`` with its defaults (only the seed fixed)."""

    name = "winnow"

    def fit(self, texts, labels):
        self.model = make_topic_pipeline(seed=0)
        self.model.fit(texts, labels)
        self.classes = list(self.model.classes_)

    def predict_proba(self, texts):
        return self.model.predict_proba(texts)

    def size(self):
        return serialised_mb(self.model)


def svm_pipeline(C: float) -> Pipeline:
    """The baseline everyone reaches for: word 1-2 gram TF-IDF, sublinear tf, linear SVM."""
    return Pipeline(
        [
            ("tfidf", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)),
            ("svm", LinearSVC(C=C)),
        ]
    )


def tune_svm_c(texts: list[str], labels: list[str], grid: Sequence[float] = SVM_C_GRID) -> float:
    """C with the best validation accuracy (ties: the smaller C); the vectoriser is fitted once
    on the validation split's training part and shared by every C."""
    train, val = validation_split(texts, labels)
    vectoriser = svm_pipeline(1.0).named_steps["tfidf"]
    x_train = vectoriser.fit_transform(subset(texts, train))
    x_val = vectoriser.transform(subset(texts, val))
    y_train, y_val = subset(labels, train), subset(labels, val)
    accuracy = {c: LinearSVC(C=c).fit(x_train, y_train).score(x_val, y_val) for c in grid}
    return max(grid, key=lambda c: (accuracy[c], -c))


class SvmTool(Tool):
    """TF-IDF + LinearSVC, C tuned on validation; probabilities are a softmax of its margins."""

    name = "TF-IDF + LinearSVC"

    def fit(self, texts, labels):
        self.C = tune_svm_c(texts, labels)
        self.model = svm_pipeline(self.C).fit(texts, labels)
        self.classes = list(self.model.classes_)

    def predict_proba(self, texts):
        return softmax(self.model.decision_function(texts))

    def size(self):
        return serialised_mb(self.model)

    def params(self):
        return {"C": self.C}


def fasttext_line(text: str) -> str:
    """fastText reads whitespace-separated tokens one document a line: lowercase, punctuation
    split off words (as the fastText examples preprocess), no newlines."""
    return " ".join(_FT_TOKEN.findall(text.lower()))


def fasttext_available() -> bool:
    try:
        import fasttext  # noqa: F401
    except ImportError:
        return False
    return True


class FastTextTool(Tool):
    """fastText supervised with word bigrams, lr/epoch/dim tuned on validation, one thread."""

    name = "fastText"

    def __init__(self, grid: Sequence[dict] = FASTTEXT_GRID):
        self.grid = grid

    def _train(self, texts: list[str], labels: list[str], config: dict):
        import fasttext

        with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as f:
            for text, label in zip(texts, labels, strict=True):
                # Labels by index: a class name with a space would end the label token.
                f.write(f"__label__{self.index[label]} {fasttext_line(text)}\n")
            f.flush()
            return fasttext.train_supervised(
                f.name, wordNgrams=2, thread=1, verbose=0, seed=0, **config
            )

    def _proba(self, model, texts: list[str]) -> np.ndarray:
        # The binding's own per-line predict: fastText 0.9.2's Python wrapper breaks under
        # numpy 2 (``np.array(copy=False)`` for one text; for a list, every class gets the top
        # probability).
        out = np.zeros((len(texts), len(self.classes)))
        for row, text in enumerate(texts):
            for value, name in model.f.predict(fasttext_line(text) + "\n", -1, 0.0, "strict"):
                out[row, int(name.removeprefix("__label__"))] = value
        return out

    def fit(self, texts, labels):
        self.classes = sorted(set(labels))
        self.index = {c: i for i, c in enumerate(self.classes)}
        train, val = validation_split(texts, labels)
        val_labels = subset(labels, val)
        best, best_accuracy = self.grid[0], -1.0
        for config in self.grid:
            model = self._train(subset(texts, train), subset(labels, train), config)
            proba = self._proba(model, subset(texts, val))
            accuracy = score(proba, self.classes, val_labels)["accuracy"]
            if accuracy > best_accuracy:
                best, best_accuracy = config, accuracy
        self.config = best
        self.model = self._train(texts, labels, best)

    def predict_proba(self, texts):
        return self._proba(self.model, texts)

    def size(self):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "model.bin"
            self.model.save_model(str(path))
            return path.stat().st_size / 1e6, "fastText .bin"

    def params(self):
        return dict(self.config)


def make_tools(with_fasttext: bool = True) -> list[Callable[[], Tool]]:
    """Factories for every tool that can run here; fastText only when it imports."""
    tools: list[Callable[[], Tool]] = [WinnowTool, SvmTool]
    if with_fasttext and fasttext_available():
        tools.append(FastTextTool)
    return tools


# --- running ------------------------------------------------------------------------------


def evaluate(
    factory: Callable[[], Tool],
    train: tuple[list[str], list[str]],
    test: tuple[list[str], list[str]],
) -> dict:
    """Fit one fresh tool on train and measure it on test."""
    tool = factory()
    _, fit_seconds = wall_timed(lambda: tool.fit(*train))
    proba, predict_seconds = cpu_timed(lambda: tool.predict_proba(test[0]))
    size, serialiser = tool.size()
    result = score(proba, tool.classes, test[1])
    result.update(
        fit_seconds=fit_seconds,
        docs_per_second=len(test[0]) / predict_seconds if predict_seconds else float("nan"),
        size_mb=size,
        serialiser=serialiser,
        params=tool.params(),
    )
    return result


MEASURES = ("accuracy", "macro_f1", "ece", "fit_seconds", "docs_per_second", "size_mb")


def mean_over_folds(folds: list[dict]) -> dict:
    """BBC's figure per measure is the mean over folds; the folds are kept for the JSON."""
    out = {m: float(np.mean([f[m] for f in folds])) for m in MEASURES}
    out.update(serialiser=folds[0]["serialiser"], folds=folds)
    return out


def evaluate_cv(
    factory: Callable[[], Tool], texts: list[str], labels: list[str], n_splits: int = 5
) -> dict:
    """Grouped, stratified k-fold cross-validation of one tool (BBC has no test split)."""
    folds = []
    for train, test in grouped_folds(texts, labels, n_splits=n_splits, seed=0):
        folds.append(
            evaluate(
                factory,
                (subset(texts, train), subset(labels, train)),
                (subset(texts, test), subset(labels, test)),
            )
        )
    return mean_over_folds(folds)


def run_dataset(name: str, root: Path, tools: list[Callable[[], Tool]], limit: int = 0) -> dict:
    """Every tool's figures on one dataset, keyed by tool name."""
    folder = root / name
    train = read_jsonl(folder / "train.jsonl.gz", limit)
    results = {}
    for factory in tools:
        if (folder / "test.jsonl.gz").exists():
            test = read_jsonl(folder / "test.jsonl.gz", limit)
            results[factory.name] = evaluate(factory, train, test)
        else:
            results[factory.name] = evaluate_cv(factory, *train)
        print(f"  {name} / {factory.name}: {results[factory.name]['accuracy']:.4f}", flush=True)
    return results


DESCRIPTIONS = {
    "ag_news_16k": "AG News: 16k train subset, official test set",
    "bbc": "BBC: 5-fold CV, duplicate-grouped and stratified (means over folds)",
    "20newsgroups": "20 Newsgroups: official bydate train, test",
}


def param_text(params: dict) -> str:
    return ", ".join(f"{k}={v}" for k, v in params.items()) or "defaults"


def dataset_table(name: str, results: dict) -> str:
    rows = []
    for tool, r in results.items():
        folds = r.get("folds") or [r]
        params = "; ".join(param_text(f["params"]) for f in folds)
        rows.append(
            f"| {tool} | {100 * r['accuracy']:.2f} | {100 * r['macro_f1']:.2f} | {r['ece']:.4f} "
            f"| {r['fit_seconds']:.1f} | {r['docs_per_second']:,.0f} | {r['size_mb']:.1f} "
            f"({r['serialiser']}) | {params} |"
        )
    return "\n".join(
        [
            f"### {DESCRIPTIONS.get(name, name)}",
            "",
            "| tool | accuracy % | macro-F1 % | ECE | fit s | docs per CPU-second "
            "| size MB | chosen on validation |",
            "|---|---|---|---|---|---|---|---|",
            *rows,
        ]
    )


def run(args) -> tuple[str, dict]:
    root = Path(args.data)
    tools = make_tools(with_fasttext=not args.no_fasttext)
    names = [n for n in DATASETS if (root / n / "train.jsonl.gz").exists()]
    parts = [
        f"Command: `{' '.join(sys.argv)}`.",
        "",
        "ECE: 15 equal-width bins over the top-class probability (LinearSVC: softmax of its "
        "decision function, not calibrated). Fit: wall seconds. Speed: `predict_proba` over "
        "the whole test set, documents per CPU-second, one thread. Size: the serialised model "
        "(scikit-learn: compacted as winnow's artifact does, then skops with deflate, or pickle "
        "when skops is missing; fastText: its own .bin). "
        "Hyperparameters of the baselines are chosen on a stratified, duplicate-grouped 10% of "
        "train (of each training fold for BBC), then refitted on all of train.",
    ]
    if args.limit:
        parts.append(f"\nSmoke run: at most {args.limit} train and test documents per dataset.")
    if not any(t.name == "fastText" for t in tools):
        parts.append("\nfastText: not installed, not run.")
        print("fastText: not installed, not run", flush=True)
    results = {}
    for name in names:
        results[name] = run_dataset(name, root, tools, args.limit)
        parts += ["", dataset_table(name, results[name])]
    return "\n".join(parts) + "\n", results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default="/work/shared/data/topic")
    parser.add_argument("--out", default="bench/results/topics.md")
    parser.add_argument("--limit", type=int, default=0, help="at most N train/test docs each")
    parser.add_argument("--no-fasttext", action="store_true", help="skip fastText")
    args = parser.parse_args()
    publish(*run(args), args.out)


if __name__ == "__main__":
    main()
