"""Scoring a ``Cleaner`` on a built dataset split, and the report that shows it."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score

from winnow.models.atomic import write_text_atomic
from winnow.models.cleaner import Cleaner
from winnow.train.dataset import load_frame, read_manifest
from winnow.train.labels import BOILERPLATE, CONTENT
from winnow.train.metrics import (
    binary_prf,
    expected_calibration_error,
    mean,
    token_counts,
    token_prf,
)


def paragraph_margins(cleaner: Cleaner, paragraphs: pd.DataFrame) -> np.ndarray:
    """First-pass log-odds of content for every row, each row by its page kind's model."""
    margins = np.zeros(len(paragraphs))
    for kind, mask, rows in _by_kind(paragraphs):
        margins[mask] = cleaner.paragraph_margins(rows, kind)
    return margins


def score_paragraphs(
    cleaner: Cleaner, paragraphs: pd.DataFrame, margins: np.ndarray | None = None
) -> np.ndarray:
    """P(content) for every row of a paragraph frame, each row by its page kind's models.

    ``margins`` (from ``paragraph_margins``) saves the first pass when it is already done.
    """
    if margins is None:
        margins = paragraph_margins(cleaner, paragraphs)
    scores = np.zeros(len(paragraphs))
    for kind, mask, rows in _by_kind(paragraphs):
        scores[mask] = cleaner.scores_from_margins(
            rows, margins[mask], kind, rows["page_id"].to_numpy()
        )
    return scores


def keep_paragraphs(cleaner: Cleaner, paragraphs: pd.DataFrame) -> np.ndarray:
    """Which rows ``cleaner`` keeps: P(content) at or above its threshold for the row's kind."""
    scores = score_paragraphs(cleaner, paragraphs)
    thresholds = paragraphs["kind"].map(lambda k: cleaner.thresholds.get(k, 0.5)).to_numpy()
    return scores >= thresholds


def _by_kind(paragraphs: pd.DataFrame):
    for kind in ("html", "text"):
        mask = (paragraphs["kind"] == kind).to_numpy()
        if mask.any():
            yield kind, mask, paragraphs[mask]


def kept_texts(paragraphs: pd.DataFrame, keep: np.ndarray) -> dict[str, str]:
    """Each page's kept paragraphs joined, in page order."""
    frame = paragraphs.assign(_keep=keep)
    out: dict[str, str] = {}
    for page_id, group in frame.groupby("page_id", sort=False):
        group = group.sort_values("index")
        out[page_id] = "\n\n".join(group["text"][group["_keep"]])
    return out


def evaluate_split(cleaner: Cleaner, dataset: str | os.PathLike, split: str) -> dict[str, Any]:
    """Paragraph, page and topic metrics of ``cleaner`` on one split of a dataset."""
    paragraphs = load_frame(dataset, "paragraphs", split)
    pages = load_frame(dataset, "pages", split)
    result: dict[str, Any] = {"split": split, "pages": len(pages), "paragraphs": len(paragraphs)}
    if len(paragraphs) == 0:
        return result
    keep = keep_paragraphs(cleaner, paragraphs)
    labelled = (paragraphs["label"] >= 0).to_numpy()
    y_true = paragraphs["label"].to_numpy()[labelled]
    y_pred = np.where(keep, CONTENT, BOILERPLATE)[labelled]
    result["paragraph"] = {
        "labelled": int(labelled.sum()),
        "accuracy": round(float(accuracy_score(y_true, y_pred)), 4) if len(y_true) else None,
        "boilerplate": binary_prf(y_true, y_pred, BOILERPLATE),
        "content": binary_prf(y_true, y_pred, CONTENT),
        "confusion": confusion_matrix(y_true, y_pred, labels=[BOILERPLATE, CONTENT]).tolist()
        if len(y_true)
        else [],
    }
    texts = kept_texts(paragraphs, keep)
    everything = kept_texts(paragraphs, np.ones(len(paragraphs), dtype=bool))
    gold_pages = pages[pages["gold_text"] != ""]
    if len(gold_pages):
        rows = []
        for page in gold_pages.itertuples():
            gold = token_counts(page.gold_text)
            p, r, f = token_prf(texts.get(page.id, ""), gold)
            rows.append((page.kind, p, r, f, token_prf(everything.get(page.id, ""), gold)[2]))
        frame = pd.DataFrame(rows, columns=["kind", "p", "r", "f1", "keep_all_f1"])
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
    topic_pages = pages[pages["topic"] != ""]
    if cleaner.topic is not None and len(topic_pages):
        truth = topic_pages["topic"].tolist()
        known = set(map(str, cleaner.topic.classes_))
        result["topic"] = {
            "pages": len(topic_pages),
            "unknown_labels": sorted(set(truth) - known),
            # The article text: gold where the page has it, the document for topic datasets.
            "article_text": _topic_scores(cleaner, topic_pages["content_text"].tolist(), truth),
        }
        # End to end: the text winnow kept, on pages whose paragraphs are labelled.
        pages_with_markup = topic_pages[topic_pages["has_labels"]]
        if len(pages_with_markup):
            result["topic"]["cleaned_text"] = _topic_scores(
                cleaner,
                [texts.get(i, "") for i in pages_with_markup["id"]],
                pages_with_markup["topic"].tolist(),
            )
    return result


def _topic_scores(cleaner: Cleaner, texts: list[str], truth: list[str]) -> dict[str, Any]:
    """Accuracy of the top topic, how well its probability is calibrated, and what the
    abstain threshold (``other`` below it) costs in coverage and buys in accuracy."""
    proba = cleaner.topic.predict_proba(texts)
    classes = np.asarray([str(c) for c in cleaner.topic.classes_])
    predicted = classes[proba.argmax(axis=1)].tolist()
    confidence = proba.max(axis=1)
    correct = np.asarray(truth) == np.asarray(predicted)
    labels = sorted(set(truth) | set(predicted))
    answered = confidence >= cleaner.topic_threshold
    return {
        "accuracy": round(float(accuracy_score(truth, predicted)), 4),
        "macro_f1": round(float(f1_score(truth, predicted, average="macro", labels=labels)), 4),
        "ece": round(expected_calibration_error(confidence, correct), 4),
        "abstain": {
            "threshold": cleaner.topic_threshold,
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
    """Evaluate and write ``metrics.json`` and ``report.md`` to ``out``."""
    metrics = evaluate_split(cleaner, dataset, split)
    metrics["dataset_fingerprint"] = read_manifest(dataset).get("fingerprint")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    write_text_atomic(out / "metrics.json", json.dumps(metrics, indent=2) + "\n")
    write_text_atomic(
        out / "report.md", report_markdown(metrics, run_name=run_name, dataset=str(dataset))
    )
    return metrics


def report_markdown(metrics: dict[str, Any], *, run_name: str = "", dataset: str = "") -> str:
    """The evaluation as a Markdown page."""
    lines = [f"# winnow evaluation{': ' + run_name if run_name else ''}", ""]
    lines.append(
        f"Dataset `{dataset}` (fingerprint `{metrics.get('dataset_fingerprint')}`), split "
        f"`{metrics['split']}`: {metrics['pages']} pages, {metrics['paragraphs']} paragraphs."
    )
    para = metrics.get("paragraph")
    if para:
        lines += [
            "",
            "## Paragraphs",
            "",
            f"{para['labelled']} labelled paragraphs, accuracy {para['accuracy']}.",
            "",
            "| class | precision | recall | F1 | support |",
            "|---|---|---|---|---|",
        ]
        for name in ("boilerplate", "content"):
            m = para[name]
            lines.append(
                f"| {name} | {m['precision']} | {m['recall']} | {m['f1']} | {m['support']} |"
            )
        if para["confusion"]:
            (tn, fp), (fn, tp) = para["confusion"]
            lines += [
                "",
                "Confusion (rows true, columns predicted): boilerplate kept as content "
                f"{fp}, content dropped {fn}, boilerplate dropped {tn}, content kept {tp}.",
            ]
    tokens = metrics.get("page_tokens")
    if tokens:
        lines += [
            "",
            "## Pages: bag-of-tokens against the gold text",
            "",
            "| pages | kind | precision | recall | F1 | keeping everything |",
            "|---|---|---|---|---|---|",
            f"| {tokens['pages']} | all | {tokens['precision']} | {tokens['recall']} | "
            f"{tokens['f1']} | {tokens['keep_all_f1']} |",
        ]
        for kind, m in tokens["by_kind"].items():
            lines.append(f"| {m['pages']} | {kind} | | | {m['f1']} | {m['keep_all_f1']} |")
    topic = metrics.get("topic")
    if topic:
        lines += [
            "",
            "## Topics",
            "",
            "| input | pages | accuracy | macro-F1 | calibration error |",
            "|---|---|---|---|---|",
            f"| article text | {topic['pages']} | {topic['article_text']['accuracy']} | "
            f"{topic['article_text']['macro_f1']} | {topic['article_text']['ece']} |",
        ]
        if "cleaned_text" in topic:
            lines.append(
                f"| text kept by winnow (end to end) | {sum(map(sum, topic['cleaned_text']['confusion']))} "
                f"| {topic['cleaned_text']['accuracy']} | {topic['cleaned_text']['macro_f1']} "
                f"| {topic['cleaned_text']['ece']} |"
            )
        abstain = topic["article_text"]["abstain"]
        if abstain["threshold"]:
            lines += [
                "",
                f"Below a topic probability of {abstain['threshold']} the topic is `other`: "
                f"{abstain['coverage']:.1%} of pages get a topic, and "
                f"{abstain['accuracy_answered']} of those are right.",
            ]
        mistakes = topic["article_text"]["mistakes"]
        if mistakes:
            lines += [
                "",
                "Most frequent mistakes (true->predicted): "
                + ", ".join(f"{k} {v}" for k, v in mistakes.items())
                + ".",
            ]
    return "\n".join(lines) + "\n"
