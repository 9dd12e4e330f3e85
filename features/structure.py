"""Where a paragraph stands in its page's block structure: the signals readability and
trafilatura build on, as numbers for every markup paragraph.

The segmenter keeps a ``Block`` for each block element it enters and hands each paragraph the
block its text was collected under. From these, per paragraph:

- **the main block**: the element holding the most article-like text, found as readability
  finds it (each prose paragraph scores its parent fully and its grandparent half; a
  candidate's score is weighed by its class names and discounted by its link density);
  whether the paragraph is inside it, how far up the tree the two meet, and how many
  paragraphs lie between it and the main block in reading order;
- **its enclosing blocks** one, two and three levels up: their link density, prose share,
  text size and paragraph count, and how many siblings of the same shape (tag and classes)
  each has, which is what a list of story cards (a heading, a summary, a link, repeated) looks
  like from inside one of them.

All of it is computed from the page alone, so it carries to outlets never trained on.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from winnow.features.vocabulary import ENDS_PROSE_BLOCK

LEVELS = (1, 2, 3)
MAIN_COLUMNS = ["in_main", "main_meet", "main_before", "main_after", "main_share"]
LEVEL_COLUMNS = [
    f"up{level}_{name}"
    for level in LEVELS
    for name in ("link", "prose", "chars", "paragraphs", "repeats")
]
# Marks of text a reader may not see as the article: schema.org metadata values, text hidden
# by style or class (and how much of the page is), copies of an earlier paragraph.
MARK_COLUMNS = ["microdata", "hidden", "page_hidden", "copy"]
STRUCTURE_COLUMNS = ["own_repeats", *MARK_COLUMNS, *MAIN_COLUMNS, *LEVEL_COLUMNS]
# Which block is each paragraph's ancestor at each level (a number unique within the page, -1
# above the root): not a feature, but what lets the second pass read scores block by block.
BLOCK_COLUMNS = [f"up{level}_block" for level in LEVELS]

# A paragraph that reads as prose: long enough, mostly not links, ending as sentences end.
PROSE_CHARS = 80
# Class and id words that readability weighs a candidate container by.
_POSITIVE = re.compile(r"article|body|content|entry|main|page|post|text|blog|story")
_NEGATIVE = re.compile(
    r"comment|meta|footer|footnote|foot|masthead|related|recommend|more|promo|sidebar|"
    r"sponsor|shopping|tags|tool|widget|share|social|nav|menu|header|teaser|card|banner|ad"
)
_CLASS_WEIGHT = 25.0


class Block:
    """A block element as the segmenter met it: its shape, its parent block, and the text
    totals of the paragraphs under it (filled by ``structure_features``)."""

    __slots__ = (
        "parent",
        "signature",
        "weight",
        "depth",
        "chars",
        "link_chars",
        "prose_chars",
        "paragraphs",
        "score",
        "first",
        "last",
        "number",
    )

    def __init__(self, parent: Block | None, tag: str, classes: str, tokens: Sequence[str]):
        self.parent = parent
        self.signature = f"{tag}.{' '.join(sorted(classes.lower().split()))}"
        words = " ".join(tokens)
        self.weight = 0.0
        if words:
            self.weight = _CLASS_WEIGHT * (
                bool(_POSITIVE.search(words)) - bool(_NEGATIVE.search(words))
            )
        self.depth = 0 if parent is None else parent.depth + 1
        self.chars = self.link_chars = self.prose_chars = 0.0
        self.paragraphs = 0
        self.score = 0.0
        self.first = self.last = -1
        self.number = -1


def structure_features(
    texts: Sequence[str],
    link_density: Sequence[float],
    marks: Sequence[tuple[float, float, float]],
    blocks: Sequence[Block],
    all_blocks: Sequence[Block],
) -> list[tuple[float, ...]]:
    """One tuple of ``STRUCTURE_COLUMNS`` then ``BLOCK_COLUMNS`` per paragraph; ``blocks[i]``
    is the block paragraph ``i``'s text was collected under, ``all_blocks`` every block of the
    page (parents before children), ``marks[i]`` the shares of its characters that are
    schema.org values and that are hidden by style or class, and whether it copies an
    earlier paragraph."""
    n = len(texts)
    if n == 0:
        return []
    chars = [float(len(t)) for t in texts]
    prose = [
        c >= PROSE_CHARS and ld < 0.5 and t.rstrip().endswith(ENDS_PROSE_BLOCK)
        for t, c, ld in zip(texts, chars, link_density, strict=True)
    ]
    for i, block in enumerate(blocks):
        node = block
        while node is not None:
            node.chars += chars[i]
            node.link_chars += chars[i] * link_density[i]
            node.prose_chars += chars[i] * prose[i]
            node.paragraphs += 1
            if node.first < 0:
                node.first = i
            node.last = i
            node = node.parent
    # Readability's candidate scores: a prose paragraph credits its parent and grandparent.
    for i, block in enumerate(blocks):
        if not prose[i]:
            continue
        credit = 1.0 + texts[i].count(",") + min(chars[i] // 100, 3)
        parent = block.parent
        if parent is not None:
            parent.score += credit
            if parent.parent is not None:
                parent.parent.score += credit / 2
    main = None
    best = 0.0
    for block in all_blocks:
        if block.score <= 0 or block.chars <= 0:
            continue
        value = (block.score + block.weight) * (1 - block.link_chars / block.chars)
        if value > best:
            main, best = block, value
    for number, block in enumerate(all_blocks):
        block.number = number
    siblings = Counter((id(b.parent), b.signature) for b in all_blocks)
    page_chars = sum(chars) or 1.0
    page_hidden = sum(c * m[1] for c, m in zip(chars, marks, strict=True)) / page_chars
    main_depths = {}
    node = main
    while node is not None:
        main_depths[id(node)] = node.depth
        node = node.parent
    main_share = main.chars / page_chars if main is not None else 0.0

    out = []
    for i, block in enumerate(blocks):
        meta, hidden, copy = marks[i]
        row = [
            math.log1p(siblings[(id(block.parent), block.signature)] - 1),
            meta,
            hidden,
            page_hidden,
            copy,
        ]
        if main is None:
            row += [0.0, 0.0, 0.0, 0.0, 0.0]
        else:
            node, meet = block, None
            while node is not None:
                if id(node) in main_depths:
                    meet = node
                    break
                node = node.parent
            inside = meet is main
            up = main.depth - meet.depth if meet is not None else main.depth + 1
            row += [
                float(inside),
                math.log1p(up),
                math.log1p(max(0, main.first - i)),
                math.log1p(max(0, i - main.last)),
                main_share,
            ]
        ancestor = block
        numbers = []
        for _level in LEVELS:
            ancestor = ancestor.parent if ancestor is not None else None
            numbers.append(float(ancestor.number) if ancestor is not None else -1.0)
            if ancestor is None or ancestor.chars <= 0:
                row += [1.0, 0.0, 0.0, 0.0, 0.0]
                continue
            row += [
                ancestor.link_chars / ancestor.chars,
                ancestor.prose_chars / ancestor.chars,
                math.log1p(ancestor.chars),
                math.log1p(ancestor.paragraphs),
                math.log1p(siblings[(id(ancestor.parent), ancestor.signature)] - 1),
            ]
        out.append(tuple(row + numbers))
    return out
