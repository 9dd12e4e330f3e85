"""The topic benchmark's own measures: calibration error, duplicate-grouped folds, one tiny run.

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
    cpu_timed,
    duplicate_groups,
    expected_calibration_error,
    grouped_folds,
    run,
    score,
    softmax,
    validation_split,
)

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
    args = Namespace(data=str(root), out=None, limit=0, no_fasttext=True)
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
