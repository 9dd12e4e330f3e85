"""The paragraph table: one row per paragraph with its text, markup context and neighbours.

Training and inference both go through ``paragraph_table``, so a feature computed here is the
same at fit and at predict time.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

from winnow.features.lineshape import LINE_SHAPE, edge_tokens, line_shape
from winnow.features.page import Paragraph
from winnow.features.repetition import OUTLET_COLUMNS, page_repeats
from winnow.features.structure import BLOCK_COLUMNS, STRUCTURE_COLUMNS
from winnow.features.vocabulary import ENDS_LINE

STRING_COLUMNS = ["text", "edges", "tag", "path", "attrs", "block_attrs"]
# Where the paragraph sits and what surrounds it.
PLACE_COLUMNS = [
    "position",
    "from_end",
    "log_paragraphs",
    "prev_words",
    "next_words",
    "prev_terminal",
    "next_terminal",
    "window_words",
]
# The line's own shape, and how often it recurs on its page and its outlet's other pages
# (``features.repetition``: the outlet columns are zero until a batch fills them).
SHAPE_COLUMNS = [f"shape_{name}" for name in LINE_SHAPE]
REPEAT_COLUMNS = ["page_repeats", *OUTLET_COLUMNS]
# Context that plain text also has.
TEXT_CONTEXT_COLUMNS = PLACE_COLUMNS + SHAPE_COLUMNS + REPEAT_COLUMNS
# Context that only markup has: links around the paragraph, and its place in the page's
# block structure (``features.structure``), which only the second pass reads.
LINK_COLUMNS = ["link_density", "rel_depth", "prev_link", "next_link", "window_link"]
MARKUP_CONTEXT_COLUMNS = [*LINK_COLUMNS, *STRUCTURE_COLUMNS]
NUMERIC_COLUMNS = TEXT_CONTEXT_COLUMNS + MARKUP_CONTEXT_COLUMNS + BLOCK_COLUMNS
_NO_STRUCTURE = (0.0,) * len(STRUCTURE_COLUMNS) + (-1.0,) * len(BLOCK_COLUMNS)


def paragraph_table(paragraphs: Sequence[Paragraph]) -> pd.DataFrame:
    """A DataFrame of the page's paragraphs with the columns the models read."""
    n = len(paragraphs)
    words = [math.log1p(len(p.text.split())) for p in paragraphs]
    terminal = [float(p.text.rstrip().endswith(ENDS_LINE)) for p in paragraphs]
    links = [p.link_density for p in paragraphs]
    max_depth = max((p.depth for p in paragraphs), default=0) or 1
    log_n = math.log1p(n)
    own = own_columns([p.text for p in paragraphs])
    repeats = page_repeats([p.text for p in paragraphs])

    def at(values: list[float], i: int, default: float) -> float:
        return values[i] if 0 <= i < n else default

    def window(values: list[float], i: int, radius: int = 2) -> float:
        lo, hi = max(0, i - radius), min(n, i + radius + 1)
        return sum(values[lo:hi]) / (hi - lo)

    rows = {name: [] for name in STRING_COLUMNS + NUMERIC_COLUMNS if name not in own}
    for i, p in enumerate(paragraphs):
        rows["text"].append(p.text)
        rows["tag"].append(p.tag)
        # A leading marker keeps every token column non-empty, so a vectorizer never sees an
        # empty vocabulary on pages without classes or ids.
        rows["path"].append(f"^ {p.path}")
        rows["attrs"].append(f"^ {p.attrs}")
        rows["block_attrs"].append(f"^ {p.block_attrs}")
        rows["position"].append(i / (n - 1) if n > 1 else 0.0)
        rows["from_end"].append(math.log1p(n - 1 - i))
        rows["log_paragraphs"].append(log_n)
        rows["prev_words"].append(at(words, i - 1, 0.0))
        rows["next_words"].append(at(words, i + 1, 0.0))
        rows["prev_terminal"].append(at(terminal, i - 1, 0.0))
        rows["next_terminal"].append(at(terminal, i + 1, 0.0))
        rows["window_words"].append(window(words, i))
        rows["page_repeats"].append(repeats[i])
        for name in OUTLET_COLUMNS:
            rows[name].append(0.0)
        rows["link_density"].append(p.link_density)
        rows["rel_depth"].append(p.depth / max_depth)
        rows["prev_link"].append(at(links, i - 1, 1.0))
        rows["next_link"].append(at(links, i + 1, 1.0))
        rows["window_link"].append(window(links, i))
        structure = p.structure or _NO_STRUCTURE
        for name, value in zip(STRUCTURE_COLUMNS + BLOCK_COLUMNS, structure, strict=True):
            rows[name].append(value)
    rows.update(own)
    return pd.DataFrame(rows, columns=STRING_COLUMNS + NUMERIC_COLUMNS)


def own_columns(texts: Sequence[str]) -> dict[str, list]:
    """The columns that depend on a paragraph's text alone (edge words and shape): what a
    piece cut from a line gets afresh."""
    shapes = [line_shape(t) for t in texts]
    columns: dict[str, list] = {"edges": [edge_tokens(t) for t in texts]}
    for j, name in enumerate(SHAPE_COLUMNS):
        columns[name] = [s[j] for s in shapes]
    return columns
