"""Features of a paragraph's place in its page's run of first-pass scores.

Content comes in runs: an article's paragraphs sit together, in one container, between the
navigation above and the related links below. A first model scores each paragraph on its own;
these features let a second model read those scores along the page, so a weak paragraph
inside a confident article run is kept and a confident-looking promo after the article's end
is dropped.

The features are computed by the compiled core (``core/src/sequence.rs``): a paragraph's margin
and its neighbours', windows of word-weighted scores, the page's best and mean, content mass
before and after, distance to the nearest confident paragraph, the mean score of paragraphs
with the same tag path or classes, the run of kept words it sits in, where the page's prose is,
its own shape and repetition (plain text only), hints from class and id words ("comment",
"related", "social", "navigation", "article": on grouped cross-validation over the default
training pages they raised page token F1 from 0.877 to 0.885), its place in the page's blocks
and the first pass's mean score of the blocks around it (markup only).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from winnow import _core
from winnow.features.context import REPEAT_COLUMNS, SHAPE_COLUMNS
from winnow.features.structure import BLOCK_COLUMNS, STRUCTURE_COLUMNS

SEQUENCE_COLUMNS = list(_core.SEQUENCE_COLUMNS)
_OWN = SHAPE_COLUMNS + REPEAT_COLUMNS


def sequence_features(
    table: pd.DataFrame, margins: np.ndarray, pages: np.ndarray, *, markup: bool = True
) -> np.ndarray:
    """One row of ``SEQUENCE_COLUMNS`` per paragraph.

    ``table`` is a paragraph table (``paragraph_table`` columns) of one or more pages in page
    order, ``margins`` the first model's log-odds of content for its rows, and ``pages`` a
    page key per row; rows of one page must be contiguous. ``markup=False`` blanks what plain
    text lacks (tag paths, classes, links), so a text model trained on markup pages' text sees
    them as it will see text pages; ``markup=True`` blanks the text-only columns (the line's
    prose, shape and repetition), which made the markup model's second pass worse on
    validation (page F1 0.906-0.907 against 0.912).
    """
    n = len(table)
    keys = pd.factorize(np.asarray(pages))[0].astype(np.int64)
    own = table[_OWN].to_numpy(dtype=np.float64)
    if markup:
        strings = [table[name].tolist() for name in ("path", "block_attrs", "attrs")]
        links = table["link_density"].to_numpy(dtype=np.float64)
        structure = table[STRUCTURE_COLUMNS].to_numpy(dtype=np.float64)
        blocks = table[BLOCK_COLUMNS].to_numpy(dtype=np.int64)
    else:
        strings = [[], [], []]
        links, structure = np.zeros(0), np.zeros((0, len(STRUCTURE_COLUMNS)))
        blocks = np.zeros((0, len(BLOCK_COLUMNS)), dtype=np.int64)
    return _core.sequence_features(
        table["text"].tolist() if n else [],
        *strings,
        own,
        links,
        structure,
        blocks,
        np.asarray(margins, dtype=np.float64),
        keys,
        markup,
    )
