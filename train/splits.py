"""Splits grouped by outlet, so that no domain is in two splits."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

SPLITS = ("train", "validation", "test")


def split_group(page) -> str:
    """What keeps pages together in one split: the outlet, or the page alone without one."""
    return page.domain or page.id


def lone_groups_warning(groups: Sequence[str], minimum: int = 10) -> str | None:
    """A warning when every one of at least ``minimum`` pages is its own group: then the
    splits hold out pages, not outlets, and the test split measures outlets the model saw."""
    if len(groups) >= minimum and len(set(groups)) == len(groups):
        return (
            f"every one of the {len(groups):,} pages is its own outlet (no URL, declared URL, "
            "`domain` field or folder groups them), so the splits hold out pages, not outlets; "
            "give each record a `url` or `domain`, put each outlet's files in a folder, or pass "
            "--domain"
        )
    return None


def assign_splits(
    groups: Sequence[str], *, seed: int = 0, fractions: Sequence[float] = (0.7, 0.15, 0.15)
) -> dict[str, str]:
    """Map each group (domain) to a split, aiming at ``fractions`` of the items.

    Deterministic for a seed. With at least three groups every split gets one.
    """
    if len(fractions) != len(SPLITS) or abs(sum(fractions) - 1) > 1e-6 or min(fractions) < 0:
        raise ValueError("fractions must be three non-negative numbers that sum to 1")
    sizes = Counter(groups)
    names = sorted(sizes)
    order = [names[i] for i in np.random.default_rng(seed).permutation(len(names))]
    total = sum(sizes.values())
    targets = [f * total for f in fractions]
    filled = [0.0, 0.0, 0.0]
    assignment: dict[str, str] = {}
    # The smaller splits take their share first, so a few big outlets cannot starve them.
    for split in (2, 1):
        if fractions[split] > 0 and len(order) >= 3:
            group = order.pop()
            assignment[group] = SPLITS[split]
            filled[split] += sizes[group]
    for group in order:
        gaps = [targets[i] - filled[i] for i in range(3)]
        split = int(np.argmax(gaps))
        assignment[group] = SPLITS[split]
        filled[split] += sizes[group]
    return assignment
