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

All of it is computed from the page alone, so it carries to outlets never trained on, by the
compiled core as it segments the page (``core/src/structure.rs``); this module names the columns.
"""

from __future__ import annotations

from winnow import _core

STRUCTURE_COLUMNS = list(_core.STRUCTURE_COLUMNS)
# Which block is each paragraph's ancestor at each level (a number unique within the page, -1
# above the root): not a feature, but what lets the second pass read scores block by block.
BLOCK_COLUMNS = list(_core.BLOCK_COLUMNS)
