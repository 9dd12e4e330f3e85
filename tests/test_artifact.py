import json
import shutil
import zipfile

import pytest

from winnow.features.page import Page
from winnow.models.artifact import (
    ArtifactError,
    load_artifact,
    sha256_file,
    verify_artifact,
)


@pytest.fixture
def run_copy(trained_run, tmp_path):
    target = tmp_path / "run"
    shutil.copytree(trained_run, target)
    return target


def _rewrite_manifest(run, **changes):
    manifest = json.loads((run / "manifest.json").read_text())
    manifest.update(changes)
    (run / "manifest.json").write_text(json.dumps(manifest))


def test_artifact_round_trip_predicts_the_same(trained_run):
    check = verify_artifact(trained_run)
    assert check.ok, check.problems
    manifest = check.manifest
    assert manifest["format_version"] == 2
    assert set(manifest["files"]) >= {
        "boilerplate_html.skops",
        "boilerplate_text.skops",
        "topic.skops",
        "metrics.json",
        "README.md",
    }
    assert manifest["labels"]["topic"] == sorted(manifest["labels"]["topic"])
    assert manifest["dataset"]["fingerprint"]
    page = Page(
        id="p",
        html="<ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul>"
        "<article><h1>Harbour bridge to close for repairs</h1>"
        "<p>The harbour council voted on Monday to close the old bridge for repairs, after "
        "engineers found cracks in two of its supports during a routine inspection.</p>"
        "<p>Ferries will carry foot passengers across the harbour while the work goes on, "
        "and the council expects the bridge to reopen before the summer season.</p>"
        "<p>Traders on the north quay said they feared losing custom during the closure.</p>"
        "</article><div class='newsletter'><p>Subscribe to our newsletter</p></div>",
    )
    first = list(load_artifact(trained_run).predict([page]))
    second = list(load_artifact(trained_run).predict([page]))
    assert first == second
    assert first[0]["error"] is None and first[0]["topic"] in manifest["labels"]["topic"]


def test_a_file_whose_hash_differs_is_refused(run_copy):
    with open(run_copy / "topic.skops", "ab") as fh:
        fh.write(b"\0")
    check = verify_artifact(run_copy)
    assert not check.ok
    assert "topic.skops does not match its sha256" in check.problems[0]
    with pytest.raises(ArtifactError, match="sha256"):
        load_artifact(run_copy)


def test_a_type_outside_the_allow_list_is_refused(run_copy, tmp_path):
    """A skops file that names a type winnow never writes (here os.system) is refused even when
    the manifest's hash was updated to match it."""
    original = run_copy / "topic.skops"
    evil = tmp_path / "evil.skops"
    with zipfile.ZipFile(original) as src, zipfile.ZipFile(evil, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "schema.json":
                schema = json.loads(data)
                schema["__class__"] = "system"
                schema["__module__"] = "os"
                data = json.dumps(schema).encode()
            dst.writestr(item, data)
    shutil.copy(evil, original)
    manifest = json.loads((run_copy / "manifest.json").read_text())
    manifest["files"]["topic.skops"] = sha256_file(original)
    (run_copy / "manifest.json").write_text(json.dumps(manifest))
    check = verify_artifact(run_copy)
    assert not check.ok
    assert "outside the allow-list" in check.problems[0] and "os.system" in check.problems[0]


def test_unknown_format_version_and_sklearn_version_are_refused(run_copy):
    _rewrite_manifest(run_copy, format_version=99)
    assert "format version 99" in verify_artifact(run_copy).problems[0]
    _rewrite_manifest(run_copy, format_version=1, versions={"scikit-learn": "0.1"})
    check = verify_artifact(run_copy)
    assert "scikit-learn 0.1" in check.problems[0]
    relaxed = verify_artifact(run_copy, allow_version_mismatch=True)
    assert relaxed.ok and relaxed.warnings


def test_missing_and_unlisted_files_are_refused(run_copy, tmp_path):
    (run_copy / "boilerplate_text.skops").rename(tmp_path / "moved.skops")
    assert "missing" in verify_artifact(run_copy).problems[0]
    (tmp_path / "moved.skops").rename(run_copy / "boilerplate_text.skops")
    shutil.copy(run_copy / "topic.skops", run_copy / "extra.skops")
    assert "extra.skops is not listed" in verify_artifact(run_copy).problems[0]


def test_not_an_artifact(tmp_path):
    assert "no model at" in verify_artifact(tmp_path / "nope").problems[0]
    (tmp_path / "empty").mkdir()
    assert "no manifest.json" in verify_artifact(tmp_path / "empty").problems[0]
    (tmp_path / "manifest.json").write_text("{broken")
    assert "not valid JSON" in verify_artifact(tmp_path).problems[0]


def test_a_second_pass_trained_on_other_page_features_is_refused(trained_run, tmp_path):
    import numpy as np

    from winnow.features.sequence import SEQUENCE_COLUMNS
    from winnow.models.artifact import save_artifact
    from winnow.models.pipelines import make_sequence_model

    # An artifact with a second pass, whatever the sample run chose.
    cleaner = load_artifact(trained_run)
    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, len(SEQUENCE_COLUMNS)))
    cleaner.sequence = {"html": make_sequence_model().set_params(max_iter=5).fit(X, X[:, 0] > 0)}
    run = save_artifact(tmp_path / "run", cleaner)
    assert load_artifact(run).sequence

    manifest = json.loads((run / "manifest.json").read_text())
    _rewrite_manifest(run, sequence_columns=[*manifest["sequence_columns"][:-1], "gone_feature"])
    check = verify_artifact(run)
    assert not check.ok and "gone_feature" in check.problems[0]
    with pytest.raises(ArtifactError, match="second pass"):
        load_artifact(run)
    # Naming fewer features than the model reads is refused when loading.
    _rewrite_manifest(run, sequence_columns=manifest["sequence_columns"][:-1])
    with pytest.raises(ArtifactError, match="second pass reads"):
        load_artifact(run)


def test_an_artifact_made_before_newer_page_features_reads_its_own(trained_run, tmp_path):
    import numpy as np

    from winnow.features.sequence import SEQUENCE_COLUMNS
    from winnow.models.artifact import save_artifact
    from winnow.models.pipelines import make_sequence_model

    older = [c for c in SEQUENCE_COLUMNS if not c.startswith("shape_")]
    cleaner = load_artifact(trained_run)
    X = np.random.default_rng(0).normal(size=(200, len(older)))
    cleaner.sequence = {"text": make_sequence_model().set_params(max_iter=5).fit(X, X[:, 0] > 0)}
    cleaner.sequence_columns = older
    run = save_artifact(tmp_path / "run", cleaner)
    loaded = load_artifact(run)
    assert loaded.sequence_columns == older
    record = next(loaded.predict([Page(id="t", text="Sign up now\nThe council met on Monday.")]))
    assert record["error"] is None and len(record["paragraphs"]) == 2


def test_vocabularies_are_stored_as_arrays_and_come_back_whole():
    """Models trained before the core's hashed n-grams hold vocabularies; they still pack."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import Pipeline

    from winnow.models.artifact import _walk, compact, expand

    texts = ["Sign up for the newsletter", "The council met on Monday", "Sign in"]
    pipeline = Pipeline([("words", TfidfVectorizer(ngram_range=(1, 2)).fit(texts))])
    before = [dict(p.vocabulary_) for p in _walk(pipeline) if hasattr(p, "vocabulary_")]
    assert before
    packed = compact(pipeline)
    assert not any(hasattr(p, "vocabulary_") for p in _walk(packed))
    # compact works on a copy: the model in memory keeps its vocabularies
    assert [p.vocabulary_ for p in _walk(pipeline) if hasattr(p, "vocabulary_")] == before
    after = [p.vocabulary_ for p in _walk(expand(packed)) if hasattr(p, "vocabulary_")]
    assert after == before


def test_a_format_1_artifact_with_dict_vocabularies_still_loads(run_copy):
    import skops.io as sio

    from winnow.models.artifact import expand, sha256_file

    # Rewrite one model file as format 1 wrote it: vocabularies as dicts.
    file = run_copy / "boilerplate_html.skops"
    model = expand(sio.load(file, trusted=sio.get_untrusted_types(file=file)))
    sio.dump(model, file)
    manifest = json.loads((run_copy / "manifest.json").read_text())
    manifest["format_version"] = 1
    manifest["files"]["boilerplate_html.skops"] = sha256_file(file)
    (run_copy / "manifest.json").write_text(json.dumps(manifest))
    page = Page(id="p", html="<article><p>" + "The council met on Monday. " * 6 + "</p></article>")
    assert next(load_artifact(run_copy).predict([page]))["error"] is None


def test_the_cli_refuses_a_tampered_artifact_in_one_line_with_exit_2(run_copy, tmp_path):
    from typer.testing import CliRunner

    from winnow.cli import app

    with open(run_copy / "topic.skops", "ab") as fh:
        fh.write(b"tampered")
    page = tmp_path / "p.html"
    page.write_text("<p>The council met on Monday to discuss the harbour wall.</p>")
    runner = CliRunner()
    predicted = runner.invoke(
        app, ["predict", str(page), "--out", str(tmp_path / "o.jsonl"), "--model", str(run_copy)]
    )
    assert predicted.exit_code == 2
    message = [line for line in predicted.output.splitlines() if line.strip()]
    assert len(message) == 1 and "topic.skops does not match its sha256" in message[0]
    assert not (tmp_path / "o.jsonl").exists()

    info = runner.invoke(app, ["info", str(run_copy)])
    assert info.exit_code == 2
    assert "NOT verified" in info.output and "sha256" in info.output


def test_favor_thresholds_round_trip_through_the_artifact(trained_run, tmp_path):
    from winnow.models.artifact import save_artifact

    manifest = json.loads((trained_run / "manifest.json").read_text())
    cleaner = load_artifact(trained_run)
    assert cleaner.favor_thresholds == manifest["favor_thresholds"]
    assert set(cleaner.favor_thresholds) == {"precision", "recall"}
    chosen = {"precision": {"html": 0.7, "text": 0.9}, "recall": {"html": 0.2, "text": 0.3}}
    cleaner.favor_thresholds = chosen
    run = save_artifact(tmp_path / "run", cleaner)
    check = verify_artifact(run)
    assert check.ok, check.problems
    assert check.manifest["favor_thresholds"] == chosen
    loaded = load_artifact(run)
    assert loaded.favor_thresholds == chosen and loaded.thresholds == cleaner.thresholds
    assert loaded.favor == "balanced"  # a run-time setting, never saved
    assert loaded.use_favor("precision").threshold("html") == 0.7
    assert loaded.use_favor("recall").threshold("text") == 0.3
    assert loaded.use_favor("balanced").threshold("html") == cleaner.thresholds["html"]


def test_an_artifact_made_before_favors_loads_balanced_and_refuses_the_others(
    trained_run, run_copy, tmp_path
):
    from winnow.models.predict import PredictOptions, predict

    manifest = json.loads((run_copy / "manifest.json").read_text())
    del manifest["favor_thresholds"]
    for passes in manifest["training"]["passes"].values():
        del passes["favors"]
    (run_copy / "manifest.json").write_text(json.dumps(manifest))
    assert verify_artifact(run_copy).ok
    old = load_artifact(run_copy)
    assert old.favor_thresholds == {}
    page = Page(id="p", html="<article><p>" + "The council met on Monday. " * 6 + "</p></article>")
    assert list(old.predict([page])) == list(load_artifact(trained_run).predict([page]))
    with pytest.raises(ValueError, match="no precision thresholds.*--favor balanced"):
        old.use_favor("precision")
    old.favor = "recall"  # set by hand, past use_favor: predicting says the same
    with pytest.raises(ValueError, match="no recall thresholds"):
        list(old.predict([page]))
    with pytest.raises(ValueError, match="favor must be one of balanced, precision, recall"):
        load_artifact(trained_run).use_favor("foo")

    pages = tmp_path / "p.html"
    pages.write_text(page.html)
    out = tmp_path / "o.jsonl"
    with pytest.raises(ValueError, match="no recall thresholds"):
        predict([pages], out, run_copy, PredictOptions(favor="recall"))
    assert not out.exists()
    assert predict([pages], out, run_copy, PredictOptions()).exit_code() == 0


def test_malformed_favor_thresholds_are_refused(run_copy):
    for bad in ({"precision": {"html": 7}}, {"strict": {"html": 0.5}}, {"recall": 0.5}):
        _rewrite_manifest(run_copy, favor_thresholds=bad)
        check = verify_artifact(run_copy)
        assert not check.ok and "favor_thresholds" in check.problems[0], bad
    _rewrite_manifest(run_copy, favor_thresholds={"precision": {"html": 0.6}})
    assert verify_artifact(run_copy).ok


def test_the_model_card_shows_each_kinds_favor_thresholds(trained_run):
    from winnow.train.card import model_card

    manifest = json.loads((trained_run / "manifest.json").read_text())
    metrics = json.loads((trained_run / "metrics.json").read_text())
    cleaner = load_artifact(trained_run)
    lines = []
    for kind, passes in manifest["training"]["passes"].items():
        f = passes["favors"]
        lines.append(
            f"- {kind}: "
            + ", ".join(
                f"{name} {f[name]['threshold']} (P {f[name]['precision']}, R {f[name]['recall']})"
                for name in ("balanced", "precision", "recall")
            )
            + "."
        )
    for card in ((trained_run / "README.md").read_text(), model_card(manifest, metrics, cleaner)):
        assert "Thresholds of `winnow predict --favor`" in card
        assert all(line in card for line in lines)
    # A run made before favors existed has no such line.
    for passes in manifest["training"]["passes"].values():
        del passes["favors"]
    assert "--favor" not in model_card(manifest, metrics, cleaner)


def test_the_model_card_counts_topics_learnt_from_url_sections(trained_run):
    from winnow.train.card import model_card

    manifest = json.loads((trained_run / "manifest.json").read_text())
    metrics = json.loads((trained_run / "metrics.json").read_text())
    cleaner = load_artifact(trained_run)
    assert manifest["dataset"]["url_topics"] == {}  # the sample's pages carry their topics
    assert "URL sections" not in model_card(manifest, metrics, cleaner)
    manifest["dataset"]["url_topics"] = {"sport": 3, "world": 2}
    assert (
        "Weak topics from URL sections (the label map's url_sections): 5 training pages "
        "(sport 3, world 2)." in model_card(manifest, metrics, cleaner)
    )
