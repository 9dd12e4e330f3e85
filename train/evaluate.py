"""Scoring a ``Cleaner`` on a built dataset split: every paragraph's score, every page's token
F1 and every topic's probability, kept together so metrics, figures and reports agree."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, average_precision_score, confusion_matrix, f1_score

from winnow.features.vocabulary import BOILERPLATE, CONTENT
from winnow.models.atomic import write_text_atomic
from winnow.models.cleaner import Cleaner
from winnow.train.dataset import load_frame, read_manifest
from winnow.train.label_map import URL_TOPIC_SOURCE
from winnow.train.metrics import (
    binary_prf,
    expected_calibration_error,
    mean,
    token_counts,
    token_prf,
)
from winnow.train.report import write_report
from winnow.train.scored import ScoredSplit, TopicScores


def paragraph_margins(cleaner: Cleaner, paragraphs: pd.DataFrame) -> np.ndarray:
    """First-pass log-odds of content for every row of a dataset's paragraph frame, each row
    by its page kind's model."""
    return cleaner.margins_by_kind(paragraphs, paragraphs["kind"].to_numpy())


def score_paragraphs(
    cleaner: Cleaner, paragraphs: pd.DataFrame, margins: np.ndarray | None = None
) -> np.ndarray:
    """P(content) for every row of a dataset's paragraph frame, each row by its page kind's
    models.

    ``margins`` (from ``paragraph_margins``) saves the first pass when it is already done.
    """
    return cleaner.scores_by_kind(
        paragraphs, paragraphs["kind"].to_numpy(), paragraphs["page_id"].to_numpy(), margins
    )


def paragraph_thresholds(cleaner: Cleaner, paragraphs: pd.DataFrame) -> np.ndarray:
    """Each row's cut on P(content): its page kind's threshold, by the cleaner's favor."""
    cuts = {kind: cleaner.threshold(kind) for kind in paragraphs["kind"].unique()}
    return paragraphs["kind"].map(cuts).to_numpy(dtype=np.float64)


def kept_texts(paragraphs: pd.DataFrame, keep: np.ndarray) -> dict[str, str]:
    """Each page's kept paragraphs joined, in page order."""
    frame = paragraphs.assign(_keep=keep)
    out: dict[str, str] = {}
    for page_id, group in frame.groupby("page_id", sort=False):
        group = group.sort_values("index")
        out[page_id] = "\n\n".join(group["text"][group["_keep"]])
    return out


def page_type(kind: str, has_gold: bool, has_labels: bool) -> str:
    """What a page is and how it is labelled, the rows of the per-page-type tables."""
    if has_gold:
        return f"{kind}, gold text"
    return f"{kind}, paragraph labels" if has_labels else f"{kind}, topic only"


def require_split(dataset: str | os.PathLike, split: str) -> None:
    """A ValueError, naming the splits there are, unless ``split`` of ``dataset`` holds pages:
    a report on no pages would read as a pass."""
    splits = read_manifest(dataset).get("splits", {})
    there = ", ".join(f"{name} ({s.get('pages', 0)} pages)" for name, s in splits.items())
    if split not in splits:
        raise ValueError(f"{dataset} has no split {split!r}; the splits there are: {there}")
    if not splits[split].get("pages"):
        raise ValueError(
            f"the {split} split of {dataset} holds no pages; the splits there are: {there}"
        )


def score_split(cleaner: Cleaner, dataset: str | os.PathLike, split: str) -> ScoredSplit:
    """Score every paragraph, page and topic of one split of a dataset."""
    paragraphs = load_frame(dataset, "paragraphs", split)
    pages = load_frame(dataset, "pages", split).copy()
    if len(paragraphs):
        scores = score_paragraphs(cleaner, paragraphs)
        thresholds = paragraph_thresholds(cleaner, paragraphs)
    else:
        scores = thresholds = np.zeros(0)
    paragraphs = paragraphs.assign(score=scores, threshold=thresholds, keep=scores >= thresholds)
    has_gold = (pages["gold_text"] != "").to_numpy()
    pages["page_type"] = [
        page_type(k, g, bool(h))
        for k, g, h in zip(pages["kind"], has_gold, pages["has_labels"], strict=True)
    ]
    texts = kept_texts(paragraphs, paragraphs["keep"].to_numpy())
    everything = kept_texts(paragraphs, np.ones(len(paragraphs), dtype=bool))
    prf = np.full((len(pages), 4), np.nan)
    for i, page in enumerate(pages.itertuples()):
        if has_gold[i]:
            gold = token_counts(page.gold_text)
            prf[i, :3] = token_prf(texts.get(page.id, ""), gold)
            prf[i, 3] = token_prf(everything.get(page.id, ""), gold)[2]
    pages[["p", "r", "f1", "keep_all_f1"]] = prf
    scored = ScoredSplit(split=split, paragraphs=paragraphs, pages=pages)
    topic_pages = pages[pages["topic"] != ""]
    if cleaner.topic is not None and len(topic_pages):
        truth = topic_pages["topic"].tolist()
        scored.topic_unknown = sorted(set(truth) - set(map(str, cleaner.topic.classes_)))
        # The article text: gold where the page has it, the document for topic datasets.
        scored.topic = _topic_scores(cleaner, topic_pages["content_text"].tolist(), truth)
        scored.topic.groups = [
            topic_group(text, source)
            for text, source in zip(
                topic_pages["content_text"],
                topic_pages.get("topic_source", [""] * len(topic_pages)),
                strict=True,
            )
        ]
        # End to end: the text winnow kept, on pages whose paragraphs are labelled.
        with_markup = topic_pages[topic_pages["has_labels"]]
        if len(with_markup):
            scored.topic_cleaned = _topic_scores(
                cleaner,
                [texts.get(i, "") for i in with_markup["id"]],
                with_markup["topic"].tolist(),
            )
    return scored


SNIPPET_WORDS = 100  # AG News documents are a headline and a sentence; articles run to hundreds


def topic_group(text: str, topic_source: str) -> str:
    """The kind of topic document: weakly labelled by its URL, or a short or long text."""
    if topic_source.startswith(URL_TOPIC_SOURCE):
        return "URL-section articles"
    return "snippets" if len(text.split()) < SNIPPET_WORDS else "labelled articles"


def _topic_scores(cleaner: Cleaner, texts: list[str], truth: list[str]) -> TopicScores:
    return TopicScores(
        truth=truth,
        classes=np.asarray([str(c) for c in cleaner.topic.classes_]),
        proba=np.asarray(cleaner.topic.predict_proba(texts)),
        threshold=cleaner.topic_threshold,
        texts=texts,
    )


def evaluate_split(cleaner: Cleaner, dataset: str | os.PathLike, split: str) -> dict[str, Any]:
    """Paragraph, page and topic metrics of ``cleaner`` on one split of a dataset."""
    return split_metrics(score_split(cleaner, dataset, split))


def split_metrics(scored: ScoredSplit) -> dict[str, Any]:
    """The figures ``metrics.json`` holds, from a scored split."""
    paragraphs, pages = scored.paragraphs, scored.pages
    result: dict[str, Any] = {
        "split": scored.split,
        "pages": len(pages),
        "paragraphs": len(paragraphs),
    }
    if len(paragraphs) == 0:
        return result
    labelled = paragraphs[paragraphs["label"] >= 0]
    if len(labelled):  # none on a topic-only split: no paragraph figures rather than zeros
        result["paragraph"] = _paragraph_metrics(labelled)
        result["paragraph"]["by_kind"] = {
            kind: {"threshold": float(rows["threshold"].iloc[0]), **_paragraph_metrics(rows)}
            for kind, rows in labelled.groupby("kind")
        }
    frame = pages[pages["f1"].notna()]
    if len(frame):
        result["page_tokens"] = {
            "pages": len(frame),
            "precision": mean(frame["p"]),
            "recall": mean(frame["r"]),
            "f1": mean(frame["f1"]),
            "keep_all_f1": mean(frame["keep_all_f1"]),
            "by_kind": {
                kind: {"pages": len(g), "f1": mean(g["f1"]), "keep_all_f1": mean(g["keep_all_f1"])}
                for kind, g in frame.groupby("kind")
            },
        }
    if scored.topic is not None:
        result["topic"] = {
            "pages": len(scored.topic.truth),
            "unknown_labels": scored.topic_unknown,
            "article_text": _topic_metrics(scored.topic),
            "by_group": _topic_groups(scored.topic),
        }
        if scored.topic_cleaned is not None:
            result["topic"]["cleaned_text"] = _topic_metrics(scored.topic_cleaned)
    return result


def _paragraph_metrics(labelled: pd.DataFrame) -> dict[str, Any]:
    y_true = labelled["label"].to_numpy()
    y_pred = np.where(labelled["keep"].to_numpy(), CONTENT, BOILERPLATE)
    both = len(np.unique(y_true)) == 2
    return {
        "labelled": len(labelled),
        "accuracy": round(float(accuracy_score(y_true, y_pred)), 4) if len(y_true) else None,
        "boilerplate": binary_prf(y_true, y_pred, BOILERPLATE),
        "content": binary_prf(y_true, y_pred, CONTENT),
        # How well the score ranks content above boilerplate, whatever the threshold.
        "content_average_precision": round(
            float(average_precision_score(y_true == CONTENT, labelled["score"])), 4
        )
        if both
        else None,
        "confusion": confusion_matrix(y_true, y_pred, labels=[BOILERPLATE, CONTENT]).tolist()
        if len(y_true)
        else [],
    }


def _topic_groups(topic: TopicScores) -> dict[str, dict[str, Any]]:
    """Accuracy and calibration error per kind of document (``topic_group``)."""
    out = {}
    groups = np.asarray(topic.groups)
    for group in sorted(set(topic.groups)):
        mask = groups == group
        correct = topic.correct[mask]
        out[group] = {
            "pages": int(mask.sum()),
            "accuracy": round(float(correct.mean()), 4),
            "ece": round(expected_calibration_error(topic.confidence[mask], correct), 4),
        }
    return out


def _topic_metrics(topic: TopicScores) -> dict[str, Any]:
    """Accuracy of the top topic, how well its probability is calibrated, and what the
    abstain threshold (``other`` below it) costs in coverage and buys in accuracy."""
    truth, predicted = topic.truth, topic.predicted.tolist()
    confidence, correct = topic.confidence, topic.correct
    labels = sorted(set(truth) | set(predicted))
    answered = confidence >= topic.threshold
    return {
        "accuracy": round(float(accuracy_score(truth, predicted)), 4),
        "macro_f1": round(float(f1_score(truth, predicted, average="macro", labels=labels)), 4),
        "ece": round(expected_calibration_error(confidence, correct), 4),
        "abstain": {
            "threshold": topic.threshold,
            "coverage": round(float(answered.mean()), 4),
            "accuracy_answered": round(float(correct[answered].mean()), 4)
            if answered.any()
            else None,
        },
        "labels": labels,
        "confusion": confusion_matrix(truth, predicted, labels=labels).tolist(),
        "mistakes": dict(
            Counter(
                f"{t}->{p}" for t, p in zip(truth, predicted, strict=True) if t != p
            ).most_common(10)
        ),
    }


def evaluate_run(
    cleaner: Cleaner,
    dataset: str | os.PathLike,
    out: str | os.PathLike,
    split: str = "test",
    *,
    run_name: str = "",
) -> dict[str, Any]:
    """Evaluate, and write ``metrics.json``, ``figures.json``, the PNG plots, ``report.md``
    and the self-contained ``report.html`` to ``out``."""
    require_split(dataset, split)
    scored = score_split(cleaner, dataset, split)
    metrics = split_metrics(scored)
    metrics["dataset_fingerprint"] = read_manifest(dataset).get("fingerprint")
    metrics["favor"] = cleaner.favor  # whose thresholds ``keep`` and the figures use
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    write_text_atomic(out / "metrics.json", json.dumps(metrics, indent=2) + "\n")
    write_report(scored, metrics, out, title=run_name, dataset=str(dataset))
    return metrics
