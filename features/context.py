"""The paragraph table: one row per paragraph with its text, markup context and neighbours.

The numeric columns are computed by the compiled core (``core/src/table.rs``), for a whole
batch of pages as they are segmented (``features.segment``, ``models.cleaner``) or here for
paragraphs given one by one (a dataset's labelled pages, pieces cut from a line). Training and
inference both read the same columns from the same code.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from winnow import _core
from winnow.features.page import Paragraph

STRING_COLUMNS = ["text", "edges", "tag", "path", "attrs", "block_attrs"]
NUMERIC_COLUMNS = list(_core.NUMERIC_COLUMNS)
# Where the paragraph sits and what surrounds it.
PLACE_COLUMNS = list(_core.PLACE_COLUMNS)
# The line's own shape, and how often it recurs on its page and its outlet's other pages
# (``features.repetition``: the outlet columns are zero until a batch fills them).
SHAPE_COLUMNS = [f"shape_{name}" for name in _core.LINE_SHAPE]
REPEAT_COLUMNS = ["page_repeats", *_core.OUTLET_COLUMNS]
# Context that plain text also has.
TEXT_CONTEXT_COLUMNS = PLACE_COLUMNS + SHAPE_COLUMNS + REPEAT_COLUMNS
# Context that only markup has: links around the paragraph, and its place in the page's
# block structure (``features.structure``), which only the second pass reads.
LINK_COLUMNS = list(_core.LINK_COLUMNS)
MARKUP_CONTEXT_COLUMNS = [*LINK_COLUMNS, *_core.STRUCTURE_COLUMNS]
assert NUMERIC_COLUMNS == TEXT_CONTEXT_COLUMNS + MARKUP_CONTEXT_COLUMNS + list(
    _core.BLOCK_COLUMNS
), "the core's table columns are not the ones named here"


def paragraph_table(paragraphs: Sequence[Paragraph]) -> pd.DataFrame:
    """A DataFrame of the page's paragraphs with the columns the models read."""
    numeric, edges = _core.paragraph_table(
        [p.text for p in paragraphs],
        [float(p.link_density) for p in paragraphs],
        [int(p.depth) for p in paragraphs],
        [list(p.structure) for p in paragraphs],
    )
    strings = {
        "text": [p.text for p in paragraphs],
        "edges": edges,
        "tag": [p.tag for p in paragraphs],
        "path": [f"^ {p.path}" for p in paragraphs],
        "attrs": [f"^ {p.attrs}" for p in paragraphs],
        "block_attrs": [f"^ {p.block_attrs}" for p in paragraphs],
    }
    return table_from(strings, numeric)


def table_from(strings: dict[str, list[str]], numeric: np.ndarray) -> pd.DataFrame:
    """The table of ``STRING_COLUMNS`` (``path``, ``attrs`` and ``block_attrs`` already led
    by their ``^`` marker) and the core's ``NUMERIC_COLUMNS`` matrix."""
    frame = pd.DataFrame(numeric, columns=NUMERIC_COLUMNS, copy=False)
    for position, name in enumerate(STRING_COLUMNS):
        frame.insert(position, name, strings[name])
    return frame


def batch_table(columns: dict) -> pd.DataFrame:
    """The table of every paragraph of a batch the core segmented (``_core.segment_pages``)."""
    strings = {name: columns[name] for name in ("text", "edges", "tag")}
    for name in ("path", "attrs", "block_attrs"):
        # A leading marker keeps every token column non-empty, so a vectorizer never sees an
        # empty vocabulary on pages without classes or ids.
        strings[name] = ["^ " + value for value in columns[name]]
    return table_from(strings, columns["numeric"])


def own_columns(texts: Sequence[str]) -> dict[str, list]:
    """The columns that depend on a paragraph's text alone (edge words and shape): what a
    piece cut from a line gets afresh."""
    shapes = _core.line_shapes(list(texts))
    columns: dict[str, list] = {"edges": _core.edge_tokens(list(texts))}
    for j, name in enumerate(SHAPE_COLUMNS):
        columns[name] = shapes[:, j].tolist()
    return columns
