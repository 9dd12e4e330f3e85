"""The measures winnow is judged by: page-level bag-of-tokens P/R/F1 and paragraph P/R/F1."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

_WORD = re.compile(r"\w+", re.UNICODE)


def token_counts(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text.lower()))


def token_prf(predicted: str | Counter, gold: str | Counter) -> tuple[float, float, float]:
    """Bag-of-tokens precision, recall, F1 (lowercased ``\\w+``, multiset overlap).

    An empty prediction scores 0 against a non-empty gold, as in the WCXB benchmark.
    """
    pred = predicted if isinstance(predicted, Counter) else token_counts(predicted)
    ref = gold if isinstance(gold, Counter) else token_counts(gold)
    n_pred, n_ref = sum(pred.values()), sum(ref.values())
    if n_ref == 0:
        return (1.0, 1.0, 1.0) if n_pred == 0 else (0.0, 1.0, 0.0)
    if n_pred == 0:
        return 0.0, 0.0, 0.0
    overlap = sum((pred & ref).values())
    p, r = overlap / n_pred, overlap / n_ref
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def binary_prf(y_true: Sequence[int], y_pred: Sequence[int], positive: int) -> dict[str, float]:
    """Precision, recall, F1 and support of one class."""
    t = np.asarray(y_true) == positive
    p = np.asarray(y_pred) == positive
    tp = int((t & p).sum())
    precision = tp / p.sum() if p.sum() else 0.0
    recall = tp / t.sum() if t.sum() else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(float(precision), 4),
        "recall": round(float(recall), 4),
        "f1": round(float(f1), 4),
        "support": int(t.sum()),
    }


def mean(values: Sequence[float]) -> float:
    return round(float(np.mean(values)), 4) if len(values) else float("nan")


def calibration_bins(
    confidence: Sequence[float], correct: Sequence[bool], bins: int = 15
) -> list[dict[str, float]]:
    """Top-class probabilities in equal-width bins: for each non-empty bin its edges, how
    many predictions fell in it, their mean confidence and the share of them that is right
    (the reliability diagram)."""
    confidence = np.asarray(confidence, dtype=float)
    correct = np.asarray(correct, dtype=float)
    which = np.minimum((confidence * bins).astype(int), bins - 1)
    out = []
    for b in np.unique(which):
        chosen = which == b
        out.append(
            {
                "low": b / bins,
                "high": (b + 1) / bins,
                "count": int(chosen.sum()),
                "confidence": float(confidence[chosen].mean()),
                "accuracy": float(correct[chosen].mean()),
            }
        )
    return out


def expected_calibration_error(
    confidence: Sequence[float], correct: Sequence[bool], bins: int = 15
) -> float:
    """Expected calibration error of top-class probabilities: the gap between confidence and
    accuracy in equal-width bins, weighted by the share of predictions in each bin. A score a
    user thresholds is only meaningful when this is small."""
    if len(confidence) == 0:
        return float("nan")
    gap = sum(
        b["count"] * abs(b["confidence"] - b["accuracy"])
        for b in calibration_bins(confidence, correct, bins)
    )
    return float(gap / len(confidence))
