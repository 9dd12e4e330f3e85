"""Cutting chaff that a scraper glued onto article text.

Plain text from scrapers often runs a call to action into the article with no punctuation
between ("... tell the story Support Now The council voted on Monday ..."). The segmenter cuts
at sentence boundaries only. Here every place near the start or end of a piece where chaff
could end or begin is a candidate: before a capitalised word (or an opening quote) that does
not follow sentence punctuation or a function word, with a sentence's worth of words on the
longer side, in a line that is not written in Title Case. Each is described by how the text model scores the two sides and the piece
whole, and by the words either side of it; a small classifier, trained on real chaff glued
onto real article lines (``train.augment``), says which candidate is the seam, and a seam
is cut only where the piece it cuts off scores below the rest. A piece whose
sides score alike, an appeal through and through or a sentence of the article, stays whole.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from winnow.features.context import own_columns
from winnow.features.lineshape import line_shape
from winnow.features.page import Paragraph
from winnow.features.transformers import STOPWORDS
from winnow.features.vocabulary import (
    CLAUSE_BREAKS,
    ENDS_SPLIT_SENTENCE,
    MARGIN_CLIP,
    MIN_CONTENT_WORDS,
)

EDGE_WORDS = 16  # how far from the piece's start (or end) a seam may sit, in words
MIN_SIDE_WORDS = 2  # the shorter side: a lone word is no piece of chaff
HEADING_CAPITALS = 0.6  # a line with this share of capitalised words is a heading: no seams
_TOKEN = re.compile(r"\S+")
_OPENERS = '"“‘(['
CUT_COLUMNS = [
    "left_margin",
    "right_margin",
    "whole_margin",
    "near_start",
    "left_words",
    "right_words",
    "prev_capital",
    "next_stopword",
    "next_quote",
    "left_call",
    "left_second_person",
    "left_date",
    "right_call",
    "right_second_person",
]


def candidate_cuts(text: str, *, at_start: bool = True, at_end: bool = True) -> list[int]:
    """Character offsets where chaff could end (``at_start``) or begin (``at_end``)."""
    words = list(_TOKEN.finditer(text))
    n = len(words)
    cuts: list[int] = []
    lettered = [w.group() for w in words if w.group()[0].isalpha()]
    if lettered and sum(w[0].isupper() for w in lettered) >= HEADING_CAPITALS * len(lettered):
        return cuts  # Title Case: every capital would be a candidate, and none is a seam
    for i in range(MIN_SIDE_WORDS, n - MIN_SIDE_WORDS + 1):
        if max(i, n - i) < MIN_CONTENT_WORDS:
            continue
        if not ((at_start and i <= EDGE_WORDS) or (at_end and n - i <= EDGE_WORDS)):
            continue
        word, prev = words[i].group(), words[i - 1].group()
        if (
            (word[0].isupper() or word[0] in _OPENERS)
            and not prev.endswith(CLAUSE_BREAKS)
            and prev.lower() not in STOPWORDS
        ):
            cuts.append(words[i].start())
    return cuts


def cut_features(text: str, cuts: Sequence[int], sides: np.ndarray, whole: float) -> np.ndarray:
    """One row of ``CUT_COLUMNS`` per cut of ``text``; ``sides`` holds the text model's
    log-odds of content for each cut's left and right piece (shape ``(len(cuts), 2)``) and
    ``whole`` that of the uncut text."""
    rows = np.zeros((len(cuts), len(CUT_COLUMNS)))
    total = len(text.split())
    for k, cut in enumerate(cuts):
        left, right = text[:cut].split(), text[cut:].split()
        nxt = right[0]
        left_shape = line_shape(" ".join(left))
        right_shape = line_shape(" ".join(right))
        rows[k] = [
            np.clip(sides[k, 0], -MARGIN_CLIP, MARGIN_CLIP),
            np.clip(sides[k, 1], -MARGIN_CLIP, MARGIN_CLIP),
            np.clip(whole, -MARGIN_CLIP, MARGIN_CLIP),
            float(len(left) <= total - len(left)),
            math.log1p(len(left)),
            math.log1p(len(right)),
            float(left[-1][:1].isupper()),
            float(nxt.lower().strip(_OPENERS) in STOPWORDS),
            float(nxt[0] in _OPENERS),
            left_shape[0],
            left_shape[1],
            left_shape[4],
            right_shape[0],
            right_shape[1],
        ]
    return rows


def cut_candidates(
    texts: Sequence[str],
    base: pd.DataFrame,
    cuts: Sequence[Sequence[int]],
    margin: Callable[[pd.DataFrame], np.ndarray],
) -> list[np.ndarray]:
    """``CUT_COLUMNS`` rows for the cuts of each text, scored in one call of ``margin``.

    ``base`` has one paragraph-table row per text, whose context (place on the page,
    repetition) its pieces keep; ``margin(frame)`` gives the text model's log-odds of content
    for rows of a paragraph table.
    """
    pieces: list[tuple[int, str]] = []
    for k, (text, cs) in enumerate(zip(texts, cuts, strict=True)):
        for c in cs:
            pieces += [(k, text[:c].strip()), (k, text[c:].strip())]
    frame = base.iloc[[k for k, _ in pieces] + list(range(len(texts)))].reset_index(drop=True)
    frame["text"] = [t for _, t in pieces] + list(texts)
    # A piece has its own words and shape; its repetition is taken as the whole line's.
    for name, values in own_columns(frame["text"].tolist()).items():
        frame[name] = values
    scores = np.asarray(margin(frame), dtype=np.float64)
    sides, wholes = scores[: len(pieces)].reshape(-1, 2), scores[len(pieces) :]
    out, at = [], 0
    for text, cs, whole in zip(texts, cuts, wholes, strict=True):
        out.append(cut_features(text, cs, sides[at : at + len(cs)], whole))
        at += len(cs)
    return out


def best_cuts(cuts: Sequence[int], rows: np.ndarray, p_seam: np.ndarray, threshold: float):
    """The most likely seam near the start and the most likely near the end, each kept when
    at least ``threshold`` likely.

    The piece a seam cuts off (before it near the start, after it near the end) must score
    below the piece it leaves: chaff is what the text model likes less. (Asking that it score
    as chaff outright kept only a third of the right seams on validation: a call to action
    alone is hard to tell from a subheading.)
    """
    left = rows[:, CUT_COLUMNS.index("left_margin")]
    right = rows[:, CUT_COLUMNS.index("right_margin")]
    near_start = rows[:, CUT_COLUMNS.index("near_start")] > 0
    parts = np.where(near_start, left < right, right < left)
    picked = []
    for side in (near_start & parts, ~near_start & parts):
        if side.any():
            k = int(np.flatnonzero(side)[np.argmax(p_seam[side])])
            if p_seam[k] >= threshold:
                picked.append(cuts[k])
    return sorted(set(picked))


def cut_glued(
    pages: Sequence[tuple[list[Paragraph], pd.DataFrame]],
    margin: Callable[[pd.DataFrame], np.ndarray],
    cutter,
    threshold: float,
) -> list[list[Paragraph] | None]:
    """For each page (its paragraphs and their table), the paragraphs with glued chaff cut
    off, or None where nothing was cut. All the pages' candidates are scored together.

    ``cutter`` gives P(seam) for rows of ``CUT_COLUMNS`` (``models.pipelines``); the seams
    ``best_cuts`` picks are cut.
    """
    owners: list[tuple[int, int, list[int]]] = []  # (page, paragraph, cuts)
    for page, (paragraphs, _) in enumerate(pages):
        n = len(paragraphs)
        for i, p in enumerate(paragraphs):
            # Chaff is glued where a line starts or ends, or where a sentence cut left a seam.
            prev_seam = (
                i == 0
                or paragraphs[i - 1].line != p.line
                or not _ends_sentence(paragraphs[i - 1].text)
            )
            next_seam = i == n - 1 or paragraphs[i + 1].line != p.line or not _ends_sentence(p.text)
            cuts = candidate_cuts(p.text, at_start=prev_seam, at_end=next_seam)
            if cuts:
                owners.append((page, i, cuts))
    results: list[list[Paragraph] | None] = [None] * len(pages)
    if not owners:
        return results
    offsets = np.cumsum([0] + [len(table) for _, table in pages])
    base = pd.concat([table for _, table in pages]).iloc[[offsets[p] + i for p, i, _ in owners]]
    rows = cut_candidates(
        [pages[page][0][i].text for page, i, _ in owners],
        base,
        [cuts for _, _, cuts in owners],
        margin,
    )
    proba = cutter.predict_proba(np.vstack(rows))[:, 1]
    chosen: dict[tuple[int, int], list[int]] = {}
    at = 0
    for (page, i, cuts), r in zip(owners, rows, strict=True):
        picked = best_cuts(cuts, r, proba[at : at + len(cuts)], threshold)
        at += len(cuts)
        if picked:
            chosen[page, i] = picked
    for page in {page for page, _ in chosen}:
        out: list[Paragraph] = []
        for i, p in enumerate(pages[page][0]):
            bounds = [0, *chosen.get((page, i), []), len(p.text)]
            for lo, hi in zip(bounds, bounds[1:], strict=False):
                text = p.text[lo:hi].strip()
                if text:
                    out.append(Paragraph(text=text, index=len(out), line=p.line))
        results[page] = out
    return results


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(ENDS_SPLIT_SENTENCE)
