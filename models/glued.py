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

The candidates, their features and the choice of seams are computed by the compiled core
(``core/src/glued.rs``); the models in between (the text model's scores of the pieces, the
cutter's P(seam)) are scikit-learn's, called here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from winnow import _core
from winnow.features.context import own_columns
from winnow.features.page import Paragraph
from winnow.models.trees import predict_proba

CUT_COLUMNS = list(_core.CUT_COLUMNS)


def candidate_cuts(text: str, *, at_start: bool = True, at_end: bool = True) -> list[int]:
    """Character offsets where chaff could end (``at_start``) or begin (``at_end``): before
    a capitalised word (or an opening quote) that does not follow sentence punctuation or a
    function word, with a sentence's worth of words on the longer side, in a line that is not
    written in Title Case."""
    return _core.candidate_cuts(text, at_start, at_end)


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
    rows = _core.cut_features(list(texts), [list(c) for c in cuts], sides, wholes.tolist())
    return np.split(rows, np.cumsum([len(c) for c in cuts])[:-1]) if len(cuts) else []


def best_cuts(cuts: Sequence[int], rows: np.ndarray, p_seam: np.ndarray, threshold: float):
    """The most likely seam near the start and the most likely near the end, each kept when
    at least ``threshold`` likely.

    The piece a seam cuts off (before it near the start, after it near the end) must score
    below the piece it leaves: chaff is what the text model likes less. (Asking that it score
    as chaff outright kept only a third of the right seams on validation: a call to action
    alone is hard to tell from a subheading.)
    """
    return _core.best_cuts(
        [int(c) for c in cuts],
        np.asarray(rows, dtype=np.float64).reshape(-1, len(CUT_COLUMNS)),
        np.asarray(p_seam, dtype=np.float64),
        float(threshold),
    )


def cut_glued(
    table: pd.DataFrame,
    spans: Sequence[tuple[int, int]],
    margin: Callable[[pd.DataFrame], np.ndarray],
    cutter,
    threshold: float,
) -> list[list[Paragraph] | None]:
    """For each page, its rows ``lo:hi`` of the paragraph ``table`` (``spans``), the page's
    paragraphs with glued chaff cut off, or None where nothing was cut. All the pages'
    candidates are scored together.

    Chaff is glued where a line starts or ends, or where a sentence cut left a seam: the core
    proposes cuts there only. ``cutter`` gives P(seam) for rows of ``CUT_COLUMNS``
    (``models.pipelines``); the seams ``best_cuts`` picks are cut.
    """
    texts, lines = table["text"].tolist(), table["line"].tolist()
    owners: list[tuple[int, int, list[int]]] = []  # (page, row of the table, cuts)
    for page, (lo, hi) in enumerate(spans):
        found = _core.glued_candidates(texts[lo:hi], lines[lo:hi])
        owners += [(page, lo + i, cuts) for i, cuts in enumerate(found) if cuts]
    results: list[list[Paragraph] | None] = [None] * len(spans)
    if not owners:
        return results
    rows = cut_candidates(
        [texts[row] for _, row, _ in owners],
        table.iloc[[row for _, row, _ in owners]],
        [cuts for _, _, cuts in owners],
        margin,
    )
    proba = predict_proba(cutter, np.vstack(rows))[:, 1]
    chosen: dict[int, list[int]] = {}
    at = 0
    for (_, row, cuts), r in zip(owners, rows, strict=True):
        picked = best_cuts(cuts, r, proba[at : at + len(cuts)], threshold)
        at += len(cuts)
        if picked:
            chosen[row] = picked
    for page in sorted({page for page, row, _ in owners if row in chosen}):
        lo, hi = spans[page]
        out: list[Paragraph] = []
        for row in range(lo, hi):
            text = texts[row]
            bounds = [0, *chosen.get(row, []), len(text)]
            for a, b in zip(bounds, bounds[1:], strict=False):
                piece = text[a:b].strip()
                if piece:
                    out.append(Paragraph(text=piece, index=len(out), line=int(lines[row])))
        results[page] = out
    return results
