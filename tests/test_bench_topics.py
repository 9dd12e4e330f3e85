"""The topic benchmark's own measures: calibration error, duplicate-grouped folds, news pages
held out by domain, one tiny run.

No shared data and no downloads: the documents below are written for these tests.
"""

from __future__ import annotations

import gzip
import json
import sys
from argparse import Namespace
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.topics import (  # noqa: E402
    DATASETS,
    Tool,
    cpu_timed,
    domain_folds,
    duplicate_groups,
    error_counts,
    evaluate_news_pages,
    expected_calibration_error,
    grouped_folds,
    host_domain,
    pooled_scores,
    read_news_pages,
    run,
    score,
    sections,
    softmax,
    validation_split,
)
from winnow.train.label_map import LabelMap  # noqa: E402

TOPICS = {
    "sport": "the striker scored twice as the home team won the league match in extra time",
    "money": "shares fell after the bank cut its profit forecast and the central bank held rates",
    "science": "the telescope found water on a distant planet orbiting a small cool red star",
}
FILLERS = ["on monday", "last night", "this week", "according to reports", "officials said"]


def documents(copies: int = 8) -> tuple[list[str], list[str]]:
    """Short synthetic articles, each topic's sentence with varied words around it."""
    texts, labels = [], []
    for i in range(copies):
        for label, sentence in TOPICS.items():
            words = sentence.split()
            texts.append(f"{FILLERS[i % len(FILLERS)]} {' '.join(words[i % 3 :])} story {i}")
            labels.append(label)
    return texts, labels


def test_ece_is_zero_when_confidence_matches_accuracy():
    # 80% confident everywhere and right on exactly 80% of the documents.
    proba = np.tile([0.8, 0.2], (10, 1))
    y_true = np.array([0] * 8 + [1] * 2)
    assert expected_calibration_error(proba, y_true) == pytest.approx(0.0, abs=1e-12)


def test_ece_measures_over_confidence():
    proba = np.tile([0.99, 0.01], (10, 1))
    y_true = np.array([0] * 5 + [1] * 5)
    assert expected_calibration_error(proba, y_true) == pytest.approx(0.49)


def test_ece_weights_bins_by_their_share_of_documents():
    # Bin of 0.6: right 3 times out of 4 (gap 0.15); bin of 1.0: always right (gap 0).
    proba = np.array([[0.6, 0.4]] * 4 + [[1.0, 0.0]] * 4)
    y_true = np.array([0, 0, 0, 1, 0, 0, 0, 0])
    assert expected_calibration_error(proba, y_true) == pytest.approx(0.5 * 0.15)


def test_softmax_rows_are_probabilities_and_keep_the_argmax():
    scores = np.array([[2.0, -1.0, 0.5], [-3.0, 4.0, 1.0]])
    proba = softmax(scores)
    assert np.allclose(proba.sum(axis=1), 1.0)
    assert (proba.argmax(axis=1) == scores.argmax(axis=1)).all()
    assert softmax(np.array([1.5, -0.5])).shape == (2, 2)


def test_score_follows_the_class_columns():
    proba = np.array([[0.9, 0.1], [0.2, 0.8], [0.7, 0.3]])
    result = score(proba, ["a", "b"], ["a", "b", "b"])
    assert result["accuracy"] == pytest.approx(2 / 3)
    assert 0.0 <= result["macro_f1"] <= 1.0


def test_duplicates_differing_only_in_case_and_spacing_share_a_group():
    groups = duplicate_groups(["A  story\n", "a story", "another story"])
    assert groups[0] == groups[1] != groups[2]


def test_duplicates_never_split_across_folds():
    texts, labels = documents(10)
    # Every fourth document copied, re-spaced and re-cased, some several times.
    for i in range(0, len(texts), 4):
        for _ in range(1 + i % 3):
            texts.append("  " + texts[i].upper())
            labels.append(labels[i])
    groups = duplicate_groups(texts)
    folds = grouped_folds(texts, labels, n_splits=5, seed=0)
    assert len(folds) == 5
    seen = np.concatenate([test for _, test in folds])
    assert sorted(seen) == list(range(len(texts)))  # each document tested exactly once
    for train, test in folds:
        assert not set(groups[train]) & set(groups[test])
    train, val = validation_split(texts, labels, share=0.2)
    assert not set(groups[train]) & set(groups[val])


def test_cpu_timed_returns_the_result():
    out, seconds = cpu_timed(lambda: sum(range(1000)))
    assert out == 499500
    assert seconds >= 0.0


def write_jsonl(path: Path, texts: list[str], labels: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for i, (text, label) in enumerate(zip(texts, labels, strict=True)):
            f.write(json.dumps({"id": str(i), "title": "", "text": text, "label": label}) + "\n")


def test_a_tiny_run_writes_one_table_per_dataset(tmp_path):
    texts, labels = documents(10)
    root = tmp_path / "topic"
    for name in DATASETS:
        write_jsonl(root / name / "train.jsonl.gz", texts, labels)
        if name != "bbc":  # BBC has no test split: it is cross-validated
            write_jsonl(root / name / "test.jsonl.gz", texts[:9], labels[:9])
    args = Namespace(data=str(root), out=None, limit=0, no_fasttext=True, sections=DATASETS)
    table, results = run(args)
    assert set(results) == set(DATASETS)
    for name in DATASETS:
        assert set(results[name]) == {"winnow", "TF-IDF + LinearSVC"}
        for figures in results[name].values():
            assert 0.0 <= figures["ece"] <= 1.0
            assert figures["accuracy"] > 0.5
            assert figures["size_mb"] > 0
    assert len(results["bbc"]["winnow"]["folds"]) == 5
    assert table.count("### ") == 3
    assert "Command:" in table


LABEL_MAP = LabelMap(
    labels={"Sports": "sport"}, url_sections={"sport": "sport", "business": "business"}
)


def page(url: str, gold: str = "an article", **fields) -> dict:
    return {"id": url, "url": url, "html": "<p>x</p>", "gold_text": gold, **fields}


def write_pages(path: Path, pages: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.writelines(json.dumps(p) + "\n" for p in pages)


def test_a_domain_is_the_host_without_www():
    assert host_domain("https://WWW.Example.co.uk/sport/a.html") == "example.co.uk"
    assert host_domain("http://news.example.com/x") == "news.example.com"


def test_news_pages_are_those_with_gold_and_a_url_topic_once_per_url(tmp_path):
    write_pages(
        tmp_path / "a.jsonl.gz",
        [
            page("https://www.one.com/sport/match-report.html", "the match", lang="en"),
            page("https://one.com/business/", ""),  # no gold: not an article
            page("https://two.com/opinion/view.html"),  # the URL names no topic
            page("https://two.com/business/shares-fall-123", "shares fell", page_type="article"),
        ],
    )
    write_pages(tmp_path / "b.jsonl.gz", [page("https://www.one.com/sport/match-report.html")])
    pages = read_news_pages(tmp_path, LABEL_MAP)
    assert [(p["domain"], p["topic"], p["text"]) for p in pages] == [
        ("one.com", "sport", "the match"),
        ("two.com", "business", "shares fell"),
    ]
    assert pages[0]["lang"] == "en" and pages[1]["page_type"] == "article"


def news_pages(n_domains: int = 10, per_domain: int = 3) -> list[dict]:
    topics = list(TOPICS)
    return [
        {
            "domain": f"site{d}.com",
            "topic": topics[d % len(topics)],
            "text": f"{TOPICS[topics[d % len(topics)]]} page {d}-{i}",
            "lang": "en" if d % 2 else "de",
            "page_type": None if i else "listing",
        }
        for d in range(n_domains)
        for i in range(per_domain)
    ]


def test_every_domain_is_held_out_in_exactly_one_fold():
    pages = news_pages()
    folds = domain_folds(pages, n_splits=5)
    assert len(folds) == 5
    assert sorted(np.concatenate(folds)) == list(range(len(pages)))
    fold_of = {}
    for k, test in enumerate(folds):
        for i in test:
            assert fold_of.setdefault(pages[i]["domain"], k) == k


class RecordingTool(Tool):
    """Predicts the first class always, and remembers what it was trained on."""

    name = "recording"
    trained: list[list[str]] = []

    def fit(self, texts, labels):
        RecordingTool.trained.append(list(texts))
        self.classes = sorted(set(labels))

    def predict_proba(self, texts):
        proba = np.zeros((len(texts), len(self.classes)))
        proba[:, 0] = 1.0
        return proba


def test_each_fold_trains_on_the_base_and_the_other_folds_never_its_own():
    pages = news_pages()
    folds = domain_folds(pages, n_splits=5)
    base = (["base sport text", "base money text"], ["sport", "money"])
    RecordingTool.trained = []
    result = evaluate_news_pages(RecordingTool, base, pages, folds)
    assert len(RecordingTool.trained) == len(folds)
    for trained, test in zip(RecordingTool.trained, folds, strict=True):
        held_out = {pages[i]["text"] for i in test}
        assert set(base[0]) <= set(trained)
        assert not held_out & set(trained)
        assert len(trained) == len(base[0]) + len(pages) - len(test)
    assert result["pages"] == len(pages)
    truth = [p["topic"] for p in pages]
    assert result["accuracy"] == pytest.approx(truth.count("money") / len(pages))


def test_pooled_scores_give_each_subset_its_own_accuracy():
    pages = news_pages(n_domains=2, per_domain=2)  # de listing, de, en listing, en
    truth = [p["topic"] for p in pages]
    predicted = [truth[0], truth[1], "wrong", truth[3]]
    out = pooled_scores(pages, predicted, [1.0, 1.0, 1.0, 1.0])
    assert out["accuracy"] == pytest.approx(0.75)
    assert out["ece"] == pytest.approx(0.25)
    assert (out["english_pages"], out["english_accuracy"]) == (2, pytest.approx(0.5))
    assert (out["article_pages"], out["article_accuracy"]) == (2, pytest.approx(1.0))
    assert error_counts(pages, predicted) == {f"{truth[2]} -> wrong": 1}


def test_unknown_sections_are_refused():
    assert sections("bbc, news_pages") == ["bbc", "news_pages"]
    with pytest.raises(Exception, match="unknown sections"):
        sections("bbc,news")
