"""What every bench script does with its figures: print the Markdown, and write it with the
same figures as JSON beside it, each through a temporary name."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from winnow.models.atomic import write_text_atomic  # noqa: E402


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
