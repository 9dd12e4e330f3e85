"""The terms every part of winnow must agree on, each defined once: the paragraph labels, how
many words make a run of article text, and log-odds.

Each was once written out in two to five modules that agreed only by hand (the labels were
strings in ``models`` and integers in ``train``). This module sits in ``features``, the lowest
layer, so that features, models, training and the benchmarks all import it and it imports
none of them.
"""

from __future__ import annotations

import numpy as np

from winnow import _core

# --- paragraph labels -----------------------------------------------------------------------

# Datasets, their Parquet files and the boilerplate models' ``classes_`` hold the integer
# codes; output records and reviewed-label files hold the names.
CONTENT, BOILERPLATE, UNLABELLED = 1, 0, -1
LABEL_NAMES = {BOILERPLATE: "boilerplate", CONTENT: "content"}  # in class order
LABEL_CODES = {name: code for code, name in LABEL_NAMES.items()}

# The fewest words of a run of article text, rather than a headline that shares a phrase with
# the body: the content side of a glued line, where build splits one (``train.labels``),
# augmentation makes one (``train.augment``) and the cutter proposes a seam (``models.glued``,
# in the core, whose value this is).
MIN_CONTENT_WORDS: int = _core.MIN_CONTENT_WORDS

# What ends a sentence, a line or a block of prose, as each feature reads it, lives with the
# features in the compiled core: ``core/src/vocabulary.rs``.


def logit(p: float) -> float:
    """Log-odds of a probability, which is first kept within 1e-6 of 0 and 1."""
    p = min(max(p, 1e-6), 1 - 1e-6)
    return float(np.log(p / (1 - p)))
