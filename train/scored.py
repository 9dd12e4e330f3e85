"""A dataset split scored by one model: what ``evaluate`` computes, and the figures, reports
and diffs drawn from it read."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd


@dataclass
class TopicScores:
    """Topic probabilities of a set of pages beside their true topics."""

    truth: list[str]
    classes: np.ndarray
    proba: np.ndarray
    threshold: float
    texts: list[str] = field(default_factory=list)
    # What kind of document each is (``topic_group``): calibration must hold for each.
    groups: list[str] = field(default_factory=list)

    @property
    def predicted(self) -> np.ndarray:
        return self.classes[self.proba.argmax(axis=1)]

    @property
    def confidence(self) -> np.ndarray:
        return self.proba.max(axis=1)

    @property
    def correct(self) -> np.ndarray:
        return np.asarray(self.truth) == self.predicted


@dataclass
class ScoredSplit:
    """One split scored by one model.

    ``paragraphs`` gains ``score`` (P(content)), ``threshold`` (its kind's cut) and ``keep``;
    ``pages`` gains ``page_type`` and, on pages with gold text, token ``p``, ``r``, ``f1`` and
    ``keep_all_f1`` (NaN elsewhere).
    """

    split: str
    paragraphs: pd.DataFrame
    pages: pd.DataFrame
    topic: TopicScores | None = None
    topic_cleaned: TopicScores | None = None
    topic_unknown: list[str] = field(default_factory=list)
