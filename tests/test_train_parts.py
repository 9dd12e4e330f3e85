"""A dataset trains what it has labels for: topic labels alone a topic model, paragraph labels
alone a cleaner; `train`, the artifact, its card and `info` say which, and why the other is
missing; thresholds are never said to be tuned on a validation split that was empty."""

from __future__ import annotations

import gzip
import itertools
import json
import random
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from winnow.cli import app
from winnow.features.page import Page
from winnow.models.artifact import ArtifactError, load_artifact, verify_artifact

runner = CliRunner(env={"COLUMNS": "200", "NO_COLOR": "1"})

TOPIC_WORDS = {
    "sport": "match goal striker league coach season stadium keeper penalty derby fans".split(),
    "business": "shares profit market investors bank quarter revenue merger prices trade".split(),
    "science": "researchers species telescope climate genome experiment fossil orbit cells".split(),
}
COMMON = "the a of and in on said that was for with at by this after from".split()
CHAFF = [
    "Home",
    "Subscribe to our newsletter for the latest updates",
    "Accept all cookies",
    "Share this story on social media",
    "Related stories",
    "Copyright 2024 All rights reserved",
    "Sign in to your account",
    "Most read today",
]
ARTICLE_WORDS = (
    "council bridge river workers residents mayor road repairs budget school town".split()
)
PAGE = (
    "<html><body><nav><a href='/'>Home</a> <a href='/s'>Subscribe to our newsletter for the "
    "latest updates</a></nav><article><p>The striker scored a late goal in the derby match as "
    "the fans in the stadium cheered the coach.</p></article><footer><p>Copyright 2024 All "
    "rights reserved</p></footer></body></html>"
)


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def sentences(rng: random.Random, words: list[str], n: int, length: int = 14) -> list[str]:
    return [
        " ".join(rng.choice(words if rng.random() < 0.5 else COMMON) for _ in range(length))
        .capitalize()
        .rstrip()
        + "."
        for _ in range(n)
    ]


def topic_records(per_topic: int = 10) -> list[dict]:
    """Plain-text documents with a ``label`` and no paragraph labels, as a topic corpus."""
    rng = random.Random(0)
    return [
        {
            "id": f"{topic}-{i}",
            "title": f"{topic} story {i}",
            "text": "\n\n".join(sentences(rng, words, 4)),
            "label": topic,
        }
        for topic, words in TOPIC_WORDS.items()
        for i in range(per_topic)
    ]


def boilerplate_records(outlets: int = 6, per_outlet: int = 4) -> list[dict]:
    """Markup pages with their gold article text and no topic, as a boilerplate corpus."""
    rng = random.Random(1)
    records = []
    for d, i in itertools.product(range(outlets), range(per_outlet)):
        article = sentences(rng, ARTICLE_WORDS, 5, 18)
        chaff = rng.sample(CHAFF, 6)
        html = (
            "<html><body><nav>"
            + "".join(f"<a href='/x'>{c}</a>" for c in chaff[:3])
            + "</nav><article>"
            + "".join(f"<p>{p}</p>" for p in article)
            + "</article><footer>"
            + "".join(f"<p>{c}</p>" for c in chaff[3:])
            + "</footer></body></html>"
        )
        records.append(
            {
                "id": f"d{d}-{i}",
                "url": f"https://outlet{d}.example/story-{i}",
                "html": html,
                "gold_text": "\n\n".join(article),
            }
        )
    return records


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def build_and_train(tmp: Path, name: str, records: list[dict], *train_args):
    source = write_jsonl(tmp / f"{name}.jsonl", records)
    dataset, run = tmp / f"{name}-data", tmp / f"{name}-run"
    built = invoke("build", source, "--out", dataset)
    assert built.exit_code == 0, built.output
    trained = invoke("train", dataset, "--out", run, *train_args)
    assert trained.exit_code == 0, trained.output
    return dataset, run, trained.output


@pytest.fixture(scope="module")
def topic_only(tmp_path_factory):
    return build_and_train(tmp_path_factory.mktemp("topic"), "topics", topic_records())


@pytest.fixture(scope="module")
def boilerplate_only(tmp_path_factory):
    return build_and_train(tmp_path_factory.mktemp("boilerplate"), "pages", boilerplate_records())


def manifest_of(run: Path) -> dict:
    return json.loads((run / "manifest.json").read_text())


def test_a_topic_only_dataset_trains_a_topic_model_and_says_the_cleaner_is_missing(topic_only):
    _, run, output = topic_only
    assert "boilerplate model: none, so every paragraph is kept" in output
    assert "no paragraph of the training split is labelled content or boilerplate" in output
    assert "topic model: 3 topics (business, science, sport)" in output
    manifest = manifest_of(run)
    assert manifest["parts"] == {"boilerplate": [], "topic": True}
    parts = manifest["training"]["parts"]
    assert parts["boilerplate"]["trained"] is False and parts["topic"]["trained"] is True
    assert not list(run.glob("boilerplate_*.skops")) and (run / "topic.skops").is_file()
    assert verify_artifact(run).ok
    card = (run / "README.md").read_text()
    assert "No boilerplate model: no paragraph of the training split is labelled" in card
    assert "Separates article text" not in card
    # No paragraph figures from a split with no paragraph labels, rather than zeros.
    metrics = json.loads((run / "metrics.json").read_text())
    assert "paragraph" not in metrics["test"] and metrics["test"]["topic"]["pages"]

    info = invoke("info", run)
    assert info.exit_code == 0 and "verified" in info.output
    assert "boilerplate model: none" in info.output and "topic model: 3 topics" in info.output
    assert "boilerplate thresholds" not in info.output


def test_a_topic_only_model_keeps_every_paragraph_and_labels_the_whole_text(topic_only, tmp_path):
    _, run, _ = topic_only
    cleaner = load_artifact(run)
    assert cleaner.boilerplate == {}
    (record,) = cleaner.predict([Page(id="p", html=PAGE)])
    assert record["error"] is None and record["topic"] == "sport"
    assert [p["score"] for p in record["paragraphs"]] == [1.0] * len(record["paragraphs"])
    assert {p["label"] for p in record["paragraphs"]} == {"content"}
    assert "Subscribe to our newsletter" in record["text"] and "late goal" in record["text"]

    page = tmp_path / "page.html"
    page.write_text(PAGE)
    for favor in ("balanced", "precision", "recall"):
        out = tmp_path / f"{favor}.jsonl"
        result = invoke("predict", page, "--model", run, "--out", out, "--favor", favor)
        assert result.exit_code == 0, result.output
        (line,) = out.read_text().splitlines()
        assert json.loads(line)["text"] == record["text"]
        assert json.loads(line)["topic"] == "sport"


def test_a_boilerplate_only_dataset_trains_the_cleaner_and_says_topics_are_missing(
    boilerplate_only, tmp_path
):
    _, run, output = boilerplate_only
    assert "boilerplate model: page kinds html, text; trained on" in output
    assert "topic model: none, so every topic is null: no page of the training split" in output
    manifest = manifest_of(run)
    assert manifest["parts"] == {"boilerplate": ["html", "text"], "topic": False}
    assert manifest["labels"]["topic"] == [] and not (run / "topic.skops").exists()
    assert (
        "No topic model: no page of the training split has a topic."
        in (run / "README.md").read_text()
    )
    info = invoke("info", run)
    assert info.exit_code == 0 and "topic model: none" in info.output

    (record,) = load_artifact(run).predict([Page(id="p", html=PAGE)])
    assert record["topic"] is None and record["topic_score"] is None
    assert "late goal" in record["text"] and "Copyright" not in record["text"]
    page = tmp_path / "page.html"
    page.write_text(PAGE)
    out = tmp_path / "out.jsonl"
    result = invoke("predict", page, "--model", run, "--out", out)
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["text"] == record["text"]


def test_a_dataset_that_teaches_neither_part_is_refused_naming_both_reasons(tmp_path):
    # Every labelled paragraph content, every page the same topic.
    rows = [
        {
            "id": f"p{i}",
            "url": f"https://outlet{i}.example/a",
            "text": f"Story number {i} about the council budget and the river bridge.",
            "labels": ["content"],
            "topic": "local",
        }
        for i in range(6)
    ]
    source = write_jsonl(tmp_path / "pages.jsonl", rows)
    assert invoke("build", source, "--out", tmp_path / "data").exit_code == 0
    result = runner.invoke(app, ["train", str(tmp_path / "data"), "--out", str(tmp_path / "run")])
    assert result.exit_code == 2
    message = " ".join(result.output.split())
    assert "nothing to train" in message
    assert "labelled paragraphs are all content" in message
    assert "topic pages are all local" in message
    assert not (tmp_path / "run").exists()


def test_thresholds_are_not_called_tuned_when_the_validation_split_is_empty(tmp_path):
    source = write_jsonl(tmp_path / "pages.jsonl", boilerplate_records())
    dataset, run = tmp_path / "data", tmp_path / "run"
    assert invoke("build", source, "--out", dataset, "--fractions", "0.8,0,0.2").exit_code == 0
    result = invoke("train", dataset, "--out", run, "--sequence-folds", 0)
    assert result.exit_code == 0, result.output
    assert "warning: thresholds: not tuned: the validation split is empty" in result.output
    training = manifest_of(run)["training"]
    assert training["thresholds_tuned"].startswith("not tuned: the validation split is empty")
    assert all(p["tuned"] is False for p in training["passes"].values())
    card = (run / "README.md").read_text()
    assert "(tuned on" not in card and "not tuned: the validation split is empty" in card
    assert "Thresholds: not tuned" in card  # and among the known limits


def test_tuned_thresholds_say_so(boilerplate_only):
    _, run, output = boilerplate_only
    training = manifest_of(run)["training"]
    assert training["passes"]["html"]["tuned"] is True
    # The pages are all markup: there is no text page in validation to tune the text cut on.
    assert training["passes"]["text"]["tuned"] is False
    assert training["thresholds_tuned"].startswith("tuned on the validation split for html; not")
    assert "warning: thresholds: tuned on the validation split for html; not for text" in output


def test_an_artifact_with_no_model_or_parts_other_than_its_files_is_refused(topic_only, tmp_path):
    _, run, _ = topic_only
    copy = tmp_path / "run"
    shutil.copytree(run, copy)
    manifest = manifest_of(copy)
    manifest["parts"] = {"boilerplate": ["html"], "topic": True}
    (copy / "manifest.json").write_text(json.dumps(manifest))
    check = verify_artifact(copy)
    assert not check.ok and "its manifest says it holds" in check.problems[0]

    (copy / "topic.skops").unlink()
    del manifest["files"]["topic.skops"], manifest["parts"]
    (copy / "manifest.json").write_text(json.dumps(manifest))
    check = verify_artifact(copy)
    assert check.problems == ["it holds neither a boilerplate model nor a topic model"]
    with pytest.raises(ArtifactError, match="neither a boilerplate model nor a topic model"):
        load_artifact(copy)


@pytest.mark.shared
def test_bbc_news_built_alone_trains_a_topic_model(shared_data, tmp_path):
    with gzip.open(shared_data / "topic" / "bbc" / "train.jsonl.gz", "rt") as fh:
        lines = list(itertools.islice(fh, 200))
    subset = tmp_path / "bbc.jsonl.gz"
    with gzip.open(subset, "wt") as fh:
        fh.writelines(lines)
    dataset, run = tmp_path / "data", tmp_path / "run"
    assert invoke("build", subset, "--out", dataset).exit_code == 0
    result = invoke("train", dataset, "--out", run)
    assert result.exit_code == 0, result.output
    assert "boilerplate model: none" in result.output and "topic model: 5 topics" in result.output
    metrics = json.loads((run / "metrics.json").read_text())
    assert metrics["test"]["topic"]["article_text"]["accuracy"] >= 0.8
    (record,) = load_artifact(run).predict(
        [Page(id="x", text="The striker scored twice as the club won the cup final.")]
    )
    assert record["topic"] == "sport"


def test_review_refuses_a_model_with_no_paragraph_labels(topic_only, tmp_path):
    _, run, _ = topic_only
    page = tmp_path / "page.html"
    page.write_text(PAGE)
    result = invoke("review", run, page, "--out", tmp_path / "labels.jsonl", "--batch")
    assert result.exit_code == 2
    assert "no boilerplate model" in result.output
    assert not (tmp_path / "labels.jsonl").exists()


def test_every_step_before_the_classifier_is_fitted_on_all_rows(built_sample, monkeypatch):
    """``fit_boilerplate`` fits the steps before the classifier on every row and the classifier
    on the labelled ones: a step added between them is fitted too, never left as it was."""
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import MaxAbsScaler
    from sklearn.utils.validation import check_is_fitted

    from winnow.train import fit
    from winnow.train.dataset import load_frame

    made = fit.make_boilerplate_pipeline

    def with_a_step_between(kind, **params):
        steps = made(kind, **params).steps
        return Pipeline([steps[0], ("scale", MaxAbsScaler()), steps[-1]])

    monkeypatch.setattr(fit, "make_boilerplate_pipeline", with_a_step_between)
    rows = load_frame(built_sample, "paragraphs", "train")
    fitted = fit.fit_boilerplate("text", rows, fit.TrainOptions(seed=0, sequence_folds=0))
    for _, step in fitted.first.steps:
        check_is_fitted(step)
    assert fitted.first["scale"].n_samples_seen_ == len(rows)
    assert fitted.first.predict_proba(rows.head(5)).shape == (5, 2)
