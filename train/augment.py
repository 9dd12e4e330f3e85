"""Glued lines made from real ones, to teach the glued-chaff cutter where a seam is.

Scrapers glue an outlet's chaff onto the article's first or last line. Real chaff lines (the
boilerplate rows of the training pages) are glued onto real article lines of other pages, at
the start or at the end, without the punctuation that would let the sentence splitter find
the seam; beside them go article and chaff lines left whole, where no cut is right.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from winnow.features.vocabulary import BOILERPLATE, CONTENT, MIN_CONTENT_WORDS
from winnow.models.glued import CUT_COLUMNS, candidate_cuts, cut_candidates

_END_PUNCT = ".!?;:,"
MAX_CHAFF_WORDS = 40


@dataclass
class GluedLine:
    """A line, the row of the paragraph table whose context it takes, and the character
    offset of its seam (None: no cut is right)."""

    text: str
    row: int
    seam: int | None


def glued_lines(
    rows: pd.DataFrame,
    rng: np.random.Generator,
    *,
    start: int = 3000,
    end: int = 1500,
    whole: int = 3000,
) -> list[GluedLine]:
    """``start`` lines with chaff glued before an article line, ``end`` with chaff glued
    after one, and ``whole`` article and chaff lines left whole (three article lines to one
    of chaff), drawn from the labelled rows of ``rows``; fewer where there are few article
    lines to draw from (a quarter of them at most for each)."""
    words = rows["text"].str.split().str.len().to_numpy()
    labels = rows["label"].to_numpy()
    first = rows["text"].str[:1]
    content = np.flatnonzero(
        (labels == CONTENT) & (words >= MIN_CONTENT_WORDS) & first.str.isupper().to_numpy()
    )
    chaff = np.flatnonzero((labels == BOILERPLATE) & (words >= 2) & (words <= MAX_CHAFF_WORDS))
    if len(content) == 0 or len(chaff) == 0:
        return []
    texts = rows["text"].tolist()
    cap = max(1, len(content) // 4)
    start, end, whole = min(start, cap), min(end, cap), min(whole, cap)
    out: list[GluedLine] = []
    for k in range(start + end):
        i = int(content[rng.integers(len(content))])
        body = texts[i]
        extra = texts[chaff[rng.integers(len(chaff))]].rstrip(_END_PUNCT).strip()
        if not extra:
            continue
        if k < start:
            text = f"{extra} {body}"
            seam = len(extra) + 1
        else:
            if not extra[:1].isupper():
                continue
            body = body.rstrip(_END_PUNCT).rstrip()
            text = f"{body} {extra}"
            seam = len(body) + 1
        out.append(GluedLine(text, i, seam))
    plain = np.concatenate(
        [
            rng.choice(content, size=min(len(content), whole * 3 // 4), replace=False),
            rng.choice(chaff, size=min(len(chaff), whole // 4), replace=False),
        ]
    )
    out += [GluedLine(texts[i], int(i), None) for i in plain]
    return out


def cut_labels(lines: list[GluedLine]) -> tuple[list[list[int]], list[np.ndarray]]:
    """Each line's candidate cuts and, per cut, 1 where it is the seam."""
    cuts = [candidate_cuts(line.text) for line in lines]
    labels = [
        np.asarray([c == line.seam for c in cs], dtype=int)
        for line, cs in zip(lines, cuts, strict=True)
    ]
    return cuts, labels


def cut_examples(
    rows: pd.DataFrame, margin, rng: np.random.Generator, **sizes
) -> tuple[np.ndarray, np.ndarray, list[np.ndarray], list[GluedLine]]:
    """``CUT_COLUMNS`` rows and seam labels for the candidate cuts of glued lines made from
    ``rows`` (``glued_lines``), scored by ``margin``; also each line's labels and the lines,
    in order."""
    lines = [line for line in glued_lines(rows, rng, **sizes) if candidate_cuts(line.text)]
    if not lines:
        return np.zeros((0, len(CUT_COLUMNS))), np.zeros(0, dtype=int), [], []
    cuts, labels = cut_labels(lines)
    features = cut_candidates(
        [line.text for line in lines], rows.iloc[[line.row for line in lines]], cuts, margin
    )
    return np.vstack(features), np.concatenate(labels), labels, lines
