"""The terms every part of winnow must agree on, each defined once: the paragraph labels, how
many words make a run of article text, which marks end a sentence, and log-odds.

Each was once written out in two to five modules that agreed only by hand (the labels were
strings in ``models`` and integers in ``train``). This module sits in ``features``, the lowest
layer, so that features, models, training and the benchmarks all import it and it imports
none of them.
"""

from __future__ import annotations

import re

import numpy as np

# --- paragraph labels -----------------------------------------------------------------------

# Datasets, their Parquet files and the boilerplate models' ``classes_`` hold the integer
# codes; output records and reviewed-label files hold the names.
CONTENT, BOILERPLATE, UNLABELLED = 1, 0, -1
LABEL_NAMES = {BOILERPLATE: "boilerplate", CONTENT: "content"}  # in class order
LABEL_CODES = {name: code for code, name in LABEL_NAMES.items()}

# The fewest words of a run of article text, rather than a headline that shares a phrase with
# the body: the content side of a glued line, where build splits one (``train.labels``),
# augmentation makes one (``train.augment``) and the cutter proposes a seam (``models.glued``).
MIN_CONTENT_WORDS = 8

# --- where a sentence ends ------------------------------------------------------------------

SENTENCE_END = (".", "!", "?", "…")
# The same marks as a regular-expression character class, for the splitter and the counter.
SENTENCE_END_CLASS = f"[{re.escape(''.join(SENTENCE_END))}]"

# What a paragraph's (or line's) last character says, as each feature reads it. The sets
# differ by a mark or two for no measured reason, but the shipped model was trained on each as
# it is: made one, they change its predictions (35 of the 190 sample pages), which waits for a
# retrain that measures the change. Until then each is defined here, from the same parts.
#
# A sentence, maybe inside closing quotes (``TextStatistics``' ends_terminal).
ENDS_SENTENCE = SENTENCE_END + ('"', "”", "’", "'")
# A sentence, or a lead-in line whose colon opens a list or a quote: the neighbours' terminal
# columns of the paragraph table, and a plain-text line that was not wrapped mid-sentence.
ENDS_LINE = ENDS_SENTENCE + (":",)
# A piece of a line that the sentence splitter ended, after which the next piece starts no
# glued chaff (``models.glued``); single closing quotes do not count here.
ENDS_SPLIT_SENTENCE = SENTENCE_END + ('"', "”")
# A line of prose, as the second pass reads it: a sentence, a quotation or an aside in
# parentheses (the straight quote is not counted here).
ENDS_PROSE = SENTENCE_END + ('"', "”", "’", ")")
# A block of prose, as the readability-style structure scores read it: prose or a lead-in.
ENDS_PROSE_BLOCK = ENDS_PROSE + (":",)
# After these a capital word starts a new clause or sentence, not chaff glued on.
CLAUSE_BREAKS = SENTENCE_END + (":", ";", ",", "—", "–", "-")

# --- log-odds -------------------------------------------------------------------------------

# Log-odds of content beyond this are as sure as a feature needs: margins are clipped to it.
MARGIN_CLIP = 8.0


def logit(p: float) -> float:
    """Log-odds of a probability, which is first kept within 1e-6 of 0 and 1."""
    p = min(max(p, 1e-6), 1 - 1e-6)
    return float(np.log(p / (1 - p)))
