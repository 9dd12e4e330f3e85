"""What every bench script shares: CPU timing, and what it does with its figures (print the
Markdown, and write it with the same figures as JSON beside it, through temporary names)."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from winnow.models.atomic import write_text_atomic  # noqa: E402

T = TypeVar("T")


def cpu_timed(fn: Callable[[], T]) -> tuple[T, float]:
    """Result and CPU seconds of this process (all its threads): on a shared, noisy machine
    that is the tool's own time, not what other jobs took from it."""
    start = time.process_time()
    out = fn()
    return out, time.process_time() - start


def publish(text: str, results: dict, out: str | None) -> None:
    """Print ``text``; with ``out``, write it there and ``results`` to the ``.json`` beside."""
    print(text)
    if out:
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(path, text)
        write_text_atomic(
            path.with_suffix(".json"), json.dumps(results, indent=2, default=str) + "\n"
        )
