"""Features of a paragraph's place in its page's run of first-pass scores.

Content comes in runs: an article's paragraphs sit together, in one container, between the
navigation above and the related links below. A first model scores each paragraph on its own;
these features let a second model read those scores along the page, so a weak paragraph
inside a confident article run is kept and a confident-looking promo after the article's end
is dropped.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from scipy.special import expit

from winnow.features.context import REPEAT_COLUMNS, SHAPE_COLUMNS
from winnow.features.structure import BLOCK_COLUMNS, LEVELS, STRUCTURE_COLUMNS
from winnow.features.vocabulary import ENDS_PROSE, MARGIN_CLIP

# Words in class and id names that say what a box holds. Alone they are weak (a "comments" box is
# chaff on a news page and the content of a forum thread); the trees combine them with where
# the box sits and how it scores. On grouped cross-validation over the default training pages
# they raised page token F1 from 0.877 to 0.885 (Dragnet, with its reader comments: 0.887 to
# 0.900); adding more word groups, or the block's own classes, did not help further.
MARKUP_HINTS = {
    "comment": re.compile(r"\b(?:comments?|commentlist|reply|replies|respond|disqus|discussion)"),
    "related": re.compile(r"\b(?:related|recommended|more|popular|trending|teaser|promo)"),
    "social": re.compile(r"\b(?:share|sharing|social|follow|newsletter|subscribe|signup)"),
    "navigation": re.compile(
        r"\b(?:nav|navigation|menu|breadcrumbs?|sidebar|widget|footer|header)"
    ),
    "article": re.compile(r"\b(?:article|story|post|entry|content|body|main|text)"),
}
OFFSETS = (-3, -2, -1, 1, 2, 3)
PROSE_COLUMNS = ["prose_before", "prose_after", "prose_gap"]
# A line of prose: a sentence of some length that ends as sentences do.
PROSE_WORDS = 10
WINDOWS = (1, 3, 8)
SEQUENCE_COLUMNS = (
    ["margin"]
    + [f"margin_{o:+d}" for o in OFFSETS]
    + [f"window_{r}" for r in WINDOWS]
    + [
        "page_max",
        "page_mean",
        "below_max",
        "mass_before",
        "mass_after",
        "gap_before",
        "gap_after",
        "path_mean",
        "path_count",
        "path_mass",
        "attrs_mean",
        "run_words",
        "words",
        "position",
        "link_density",
        "paragraphs",
    ]
    + PROSE_COLUMNS
    # The paragraph's own shape and repetition, read beside its score: "a short line in a
    # confident run" is a subheading, unless it opens with "Read more:" or is on every page.
    + SHAPE_COLUMNS
    + REPEAT_COLUMNS
    + [f"hint_{name}" for name in MARKUP_HINTS]
    # Where the paragraph stands in the page's blocks (markup only): read beside its score,
    # "a confident summary in the third of ten same-shaped cards" is a teaser.
    + STRUCTURE_COLUMNS
    # How the first pass scored the blocks around it, one to three levels up: the mean score
    # of the block's paragraphs and its share of the page's content.
    + [f"up{level}_{name}" for level in LEVELS for name in ("score", "mass")]
)
_OWN_AT = SEQUENCE_COLUMNS.index(SHAPE_COLUMNS[0])
_HINTS_AT = SEQUENCE_COLUMNS.index(f"hint_{next(iter(MARKUP_HINTS))}")
_STRUCTURE_AT = SEQUENCE_COLUMNS.index(STRUCTURE_COLUMNS[0])
_BLOCKS_AT = _STRUCTURE_AT + len(STRUCTURE_COLUMNS)
# What only the text model's second pass reads.
TEXT_ONLY = PROSE_COLUMNS + SHAPE_COLUMNS + REPEAT_COLUMNS
_TEXT_ONLY_AT = [SEQUENCE_COLUMNS.index(c) for c in TEXT_ONLY]


def sequence_features(
    table: pd.DataFrame, margins: np.ndarray, pages: np.ndarray, *, markup: bool = True
) -> np.ndarray:
    """One row of ``SEQUENCE_COLUMNS`` per paragraph.

    ``table`` is a paragraph table (``paragraph_table`` columns) of one or more pages in page
    order, ``margins`` the first model's log-odds of content for its rows, and ``pages`` a
    page key per row; rows of one page must be contiguous. ``markup=False`` blanks what plain
    text lacks (tag paths, classes, links), so a text model trained on markup pages' text sees
    them as it will see text pages; ``markup=True`` blanks ``TEXT_ONLY`` columns, which made
    the markup model's second pass worse on validation (page F1 0.906-0.907 against 0.912).
    """
    n = len(table)
    out = np.zeros((n, len(SEQUENCE_COLUMNS)), dtype=np.float64)
    if n == 0:
        return out
    margins = np.clip(np.asarray(margins, dtype=np.float64), -MARGIN_CLIP, MARGIN_CLIP)
    words = table["text"].str.split().str.len().fillna(0).to_numpy(dtype=np.float64)
    terminal = table["text"].str.rstrip().str[-1:].isin(list(ENDS_PROSE)).to_numpy()
    prose = (words >= PROSE_WORDS) & terminal
    out[:, _OWN_AT:_HINTS_AT] = table[SHAPE_COLUMNS + REPEAT_COLUMNS].to_numpy(dtype=np.float64)
    if markup:
        paths = table["path"].to_numpy()
        attrs = table["block_attrs"].to_numpy()
        links = table["link_density"].to_numpy(dtype=np.float64)
        out[:, _HINTS_AT:_STRUCTURE_AT] = _markup_hints(table)
        out[:, _STRUCTURE_AT:_BLOCKS_AT] = table[STRUCTURE_COLUMNS].to_numpy(dtype=np.float64)
        blocks = table[BLOCK_COLUMNS].to_numpy(dtype=np.int64)
    else:
        paths = attrs = np.zeros(n, dtype=np.int8)
        links = np.zeros(n)
    keys = np.asarray(pages)
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    ends = np.r_[starts[1:], n]
    for lo, hi in zip(starts, ends, strict=True):
        out[lo:hi, :_OWN_AT] = _page_features(
            margins[lo:hi],
            words[lo:hi],
            paths[lo:hi],
            attrs[lo:hi],
            links[lo:hi],
            prose[lo:hi],
        )
        if markup:
            out[lo:hi, _BLOCKS_AT:] = _block_scores(margins[lo:hi], words[lo:hi], blocks[lo:hi])
    if markup:
        out[:, _TEXT_ONLY_AT] = 0.0
    return out


def _page_features(m, words, paths, attrs, links, prose) -> np.ndarray:
    n = len(m)
    p = expit(m)
    weight = np.log1p(words) + 1e-3
    mass = p * words
    total = mass.sum() or 1.0
    cols: list[np.ndarray] = [m]
    padded = np.r_[np.full(3, -MARGIN_CLIP), m, np.full(3, -MARGIN_CLIP)]
    cols += [padded[3 + o : 3 + o + n] for o in OFFSETS]
    cum_w = np.r_[0.0, np.cumsum(weight)]
    cum_pw = np.r_[0.0, np.cumsum(p * weight)]
    idx = np.arange(n)
    for r in WINDOWS:
        lo, hi = np.maximum(idx - r, 0), np.minimum(idx + r + 1, n)
        cols.append((cum_pw[hi] - cum_pw[lo]) / (cum_w[hi] - cum_w[lo]))
    cols.append(np.full(n, m.max()))
    cols.append(np.full(n, (p * weight).sum() / weight.sum()))
    cols.append(m - m.max())
    cum_mass = np.cumsum(mass)
    cols.append((cum_mass - mass) / total)
    cols.append((total - cum_mass) / total)
    confident = np.flatnonzero(p >= 0.9)
    cols.append(_gaps(confident, n, before=True))
    cols.append(_gaps(confident, n, before=False))
    for key, with_mass in ((paths, True), (attrs, False)):
        codes, inverse = np.unique(key, return_inverse=True)
        count = np.bincount(inverse, minlength=len(codes)).astype(np.float64)
        mean = np.bincount(inverse, weights=p, minlength=len(codes)) / count
        cols.append(mean[inverse])
        if with_mass:
            cols.append(np.log1p(count[inverse]))
            cols.append(np.bincount(inverse, weights=mass, minlength=len(codes))[inverse] / total)
    cols.append(np.log1p(_run_words(p >= 0.5, words)))
    cols.append(np.log1p(words))
    cols.append(idx / (n - 1) if n > 1 else np.zeros(n))
    cols.append(links)
    cols.append(np.full(n, np.log1p(n)))
    # Where the page's prose is: the article's opening sentence is usually its first.
    cum_prose = np.cumsum(prose)
    cols.append(np.log1p(cum_prose - prose))
    cols.append(np.log1p(cum_prose[-1] - cum_prose))
    cols.append(_gaps(np.flatnonzero(prose), n, before=False))
    return np.column_stack(cols)


def _block_scores(m: np.ndarray, words: np.ndarray, blocks: np.ndarray) -> np.ndarray:
    """Per level of ``blocks`` (one column of block numbers per level, -1 for none): the
    word-weighted mean first-pass P(content) of the block's paragraphs, and its share of the
    page's content mass."""
    p = expit(m)
    weight = np.log1p(words) + 1e-3
    mass = p * words
    total = mass.sum() or 1.0
    cols = []
    for level in range(blocks.shape[1]):
        codes, inverse = np.unique(blocks[:, level], return_inverse=True)
        w = np.bincount(inverse, weights=weight, minlength=len(codes))
        cols.append((np.bincount(inverse, weights=p * weight, minlength=len(codes)) / w)[inverse])
        cols.append(np.bincount(inverse, weights=mass, minlength=len(codes))[inverse] / total)
    return np.column_stack(cols)


def _markup_hints(table: pd.DataFrame) -> np.ndarray:
    """Per paragraph and hint: 1 if a class or id of the block's ancestors has the word."""
    ancestors = table["attrs"].str.lower()
    hints = np.zeros((len(table), len(MARKUP_HINTS)))
    for j, pattern in enumerate(MARKUP_HINTS.values()):
        hints[:, j] = ancestors.str.contains(pattern).to_numpy(dtype=np.float64)
    return hints


def _gaps(confident: np.ndarray, n: int, *, before: bool) -> np.ndarray:
    """log1p of the distance to the nearest confident paragraph on one side (itself counts)."""
    idx = np.arange(n)
    far = np.full(n, np.log1p(n))
    if len(confident) == 0:
        return far
    if before:
        pos = np.searchsorted(confident, idx, side="right") - 1
        ok = pos >= 0
        far[ok] = np.log1p(idx[ok] - confident[pos[ok]])
    else:
        pos = np.searchsorted(confident, idx, side="left")
        ok = pos < len(confident)
        far[ok] = np.log1p(confident[pos[ok]] - idx[ok])
    return far


def _run_words(kept: np.ndarray, words: np.ndarray) -> np.ndarray:
    """Words in the run of consecutive kept paragraphs each paragraph belongs to (0 if dropped)."""
    out = np.zeros(len(kept))
    start = None
    for i, k in enumerate(np.r_[kept, False]):
        if k and start is None:
            start = i
        elif not k and start is not None:
            out[start:i] = words[start:i].sum()
            start = None
    return out
