"""The data behind every figure of an evaluation report, as plain JSON-ready values.

Plots and tables are drawn from these values only, and ``figures.json`` holds them, so a
reader can check a picture against ``metrics.json`` or redraw it elsewhere.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from sklearn.metrics import precision_recall_curve

from winnow.features.vocabulary import BOILERPLATE, CONTENT, LABEL_NAMES
from winnow.train.metrics import (
    binary_prf,
    calibration_bins,
    expected_calibration_error,
    mean,
)
from winnow.train.review_labels import normalise
from winnow.train.scored import ScoredSplit, TopicScores

CURVE_POINTS = 200  # most points kept per precision-recall curve
RELIABILITY_BINS = 15  # the bins of ``expected_calibration_error``
WORST = 15  # mistakes shown each way
CONTEXT_CHARS = 400  # of a mistake's text, and of each neighbour
MIN_DOMAIN_PARAGRAPHS = 20  # a domain needs this many labelled paragraphs to be called worst


def figures_of(scored: ScoredSplit, metrics: dict[str, Any]) -> dict[str, Any]:
    """Every figure and table of the report for one scored split; the confusion matrices are
    those of its ``metrics`` (``evaluate.split_metrics``), not counted again."""
    paragraphs = scored.paragraphs
    labelled = paragraphs[paragraphs["label"] >= 0]
    figures: dict[str, Any] = {
        "split": scored.split,
        "precision_recall": {
            kind: precision_recall(rows) for kind, rows in labelled.groupby("kind")
        },
        "by_domain": by_group(scored, "domain"),
        "by_page_type": by_group(scored, "page_type"),
        "mistakes": worst_mistakes(paragraphs),
    }
    if len(labelled):
        figures["paragraph_confusion"] = {
            "labels": [LABEL_NAMES[BOILERPLATE], LABEL_NAMES[CONTENT]],
            "matrix": metrics["paragraph"]["confusion"],
        }
    if scored.topic is not None:
        topic = metrics["topic"]["article_text"]
        figures["topic"] = {
            "labels": topic["labels"],
            "confusion": topic["confusion"],
            "per_topic": per_class(topic["confusion"], topic["labels"]),
            "reliability": reliability(scored.topic.confidence, scored.topic.correct),
            "mistakes": worst_topics(scored.topic),
        }
    return figures


def precision_recall(rows: pd.DataFrame) -> dict[str, Any]:
    """The content class's precision-recall curve over P(content), and the point at the
    threshold the model uses for this kind of page."""
    truth = rows["label"].to_numpy() == CONTENT
    scores = rows["score"].to_numpy()
    threshold = float(rows["threshold"].iloc[0])
    kept = binary_prf(truth, scores >= threshold, True)
    point = {"threshold": threshold, "precision": kept["precision"], "recall": kept["recall"]}
    if truth.all() or not truth.any():
        return {"precision": [], "recall": [], "thresholds": [], "at_threshold": point}
    precision, recall, thresholds = precision_recall_curve(truth, scores)
    # The last point (recall 0, precision 1) has no threshold; keep the curve's ends.
    keep = np.unique(np.linspace(0, len(thresholds) - 1, CURVE_POINTS).round().astype(int))
    return {
        "precision": _rounded(precision[keep]),
        "recall": _rounded(recall[keep]),
        "thresholds": _rounded(thresholds[keep]),
        "at_threshold": point,
    }


def reliability(confidence: np.ndarray, correct: np.ndarray) -> dict[str, Any]:
    """The reliability diagram's bins and the expected calibration error they add up to."""
    bins = calibration_bins(confidence, correct, RELIABILITY_BINS)
    ece = expected_calibration_error(confidence, correct, RELIABILITY_BINS)
    return {
        "bins": [{k: round(v, 4) if k != "count" else v for k, v in b.items()} for b in bins],
        "ece": round(ece, 4) if len(confidence) else None,
    }


def by_group(scored: ScoredSplit, column: str) -> list[dict[str, Any]]:
    """Per domain (or page type): pages, labelled paragraphs, paragraph accuracy, and page
    token F1 where pages have gold text; largest groups first."""
    paragraphs, pages = scored.paragraphs, scored.pages
    if column not in paragraphs:
        paragraphs = paragraphs.merge(
            pages[["id", column]], left_on="page_id", right_on="id", how="left"
        )
    labelled = paragraphs[paragraphs["label"] >= 0]
    right = (labelled["keep"].to_numpy()) == (labelled["label"].to_numpy() == CONTENT)
    accuracy = (
        pd.Series(right, index=labelled.index).groupby(labelled[column]).agg(["size", "mean"])
    )
    kept_boilerplate = (
        (labelled["keep"] & (labelled["label"] != CONTENT)).groupby(labelled[column]).sum()
    )
    dropped_content = (
        (~labelled["keep"] & (labelled["label"] == CONTENT)).groupby(labelled[column]).sum()
    )
    rows = []
    for name, group in pages.groupby(column, sort=False):
        gold = group[group["f1"].notna()]
        labelled_n = int(accuracy["size"].get(name, 0))
        rows.append(
            {
                column: str(name),
                "pages": len(group),
                "labelled_paragraphs": labelled_n,
                "paragraph_accuracy": round(float(accuracy["mean"][name]), 4)
                if labelled_n
                else None,
                "boilerplate_kept": int(kept_boilerplate.get(name, 0)),
                "content_dropped": int(dropped_content.get(name, 0)),
                "gold_pages": len(gold),
                "page_f1": mean(gold["f1"]) if len(gold) else None,
                "keep_all_f1": mean(gold["keep_all_f1"]) if len(gold) else None,
            }
        )
    rows.sort(key=lambda r: (-r["labelled_paragraphs"], -r["pages"], r[column]))
    return rows


def worst_domains(rows: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """The ``n`` domains with the lowest paragraph accuracy among those with enough labels."""
    judged = [
        r
        for r in rows
        if r["paragraph_accuracy"] is not None and r["labelled_paragraphs"] >= MIN_DOMAIN_PARAGRAPHS
    ]
    return sorted(judged, key=lambda r: (r["paragraph_accuracy"], -r["labelled_paragraphs"]))[:n]


def worst_mistakes(paragraphs: pd.DataFrame, n: int = WORST) -> dict[str, list[dict[str, Any]]]:
    """The labelled paragraphs the model gets wrong by the widest margin, each way, with the
    paragraphs before and after them on their page."""
    frame = paragraphs.sort_values(["page_id", "index"], kind="stable")
    texts = frame["text"].to_numpy()
    same_before = np.r_[False, frame["page_id"].to_numpy()[1:] == frame["page_id"].to_numpy()[:-1]]
    same_after = np.r_[same_before[1:], False]
    label = frame["label"].to_numpy()
    keep = frame["keep"].to_numpy()
    margin = np.abs(frame["score"].to_numpy() - frame["threshold"].to_numpy())
    out = {}
    for name, wrong in (
        ("boilerplate_kept", keep & (label == BOILERPLATE)),
        ("content_dropped", ~keep & (label == CONTENT)),
    ):
        where = np.flatnonzero(wrong)
        where = where[np.argsort(-margin[where], kind="stable")][:n]
        out[name] = [
            {
                "page_id": str(frame["page_id"].iat[i]),
                "domain": str(frame["domain"].iat[i]),
                "index": int(frame["index"].iat[i]),
                "score": round(float(frame["score"].iat[i]), 4),
                "threshold": float(frame["threshold"].iat[i]),
                "text": clip(texts[i]),
                "before": clip(texts[i - 1]) if same_before[i] else "",
                "after": clip(texts[i + 1]) if same_after[i] else "",
            }
            for i in where
        ]
    return out


def worst_topics(topic: TopicScores, n: int = WORST) -> list[dict[str, Any]]:
    """The pages whose topic the model gets wrong most confidently."""
    wrong = np.flatnonzero(~topic.correct)
    wrong = wrong[np.argsort(-topic.confidence[wrong], kind="stable")][:n]
    predicted = topic.predicted
    return [
        {
            "truth": topic.truth[i],
            "predicted": str(predicted[i]),
            "confidence": round(float(topic.confidence[i]), 4),
            "text": clip(topic.texts[i]) if topic.texts else "",
        }
        for i in wrong
    ]


def per_class(confusion: list[list[int]], labels: list[str]) -> list[dict[str, Any]]:
    """Precision, recall, F1 and support of each class, from its confusion matrix."""
    m = np.asarray(confusion, dtype=float)
    rows = []
    for i, label in enumerate(labels):
        tp, predicted, support = m[i, i], m[:, i].sum(), m[i, :].sum()
        p = tp / predicted if predicted else 0.0
        r = tp / support if support else 0.0
        rows.append(
            {
                "label": label,
                "precision": round(float(p), 4),
                "recall": round(float(r), 4),
                "f1": round(float(2 * p * r / (p + r)) if p + r else 0.0, 4),
                "support": int(support),
            }
        )
    return rows


def _rounded(values: np.ndarray) -> list[float]:
    return [round(float(v), 4) for v in values]


def clip(text: str, limit: int = CONTEXT_CHARS) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    text = normalise(str(text))
    return text if len(text) <= limit else text[: limit - 1] + "…"
