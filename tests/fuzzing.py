"""How hard the property tests try: ``make test`` runs each a few hundred times, ``make fuzz``
sets ``WINNOW_FUZZ_SCALE`` and runs them that many times longer."""

import os

SCALE = max(1, int(os.environ.get("WINNOW_FUZZ_SCALE", "1")))


def examples(n: int) -> int:
    """``n`` inputs per property under ``make test``, ``n * SCALE`` under ``make fuzz``."""
    return n * SCALE
