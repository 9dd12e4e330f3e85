"""The reviewed-labels file: JSONL that ``winnow review`` appends to and ``winnow build`` reads.

One record per answer, never rewritten, so a review killed at any keypress loses nothing:

    {"page_id": ..., "url": ..., "domain": ..., "index": 3, "text": ..., "label": "content",
     "score": 0.52, "threshold": 0.75, "at": "2026-11-29T14:00:00+00:00"}

``label`` is ``content``, ``boilerplate``, ``skip`` (seen, left unlabelled) or null (an undo,
or a paragraph selected by ``--batch`` and not labelled yet). The last record for a paragraph
wins. A paragraph is known by its page id and its text, whitespace-normalised, not by its
position, so a label still finds its paragraph when segmentation shifts the numbering.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from winnow.features.vocabulary import LABEL_CODES


def normalise(text: str) -> str:
    """Whitespace collapsed: how a paragraph's text is compared across segmentations."""
    return " ".join(text.split())


def paragraph_key(page_id: str, text: str) -> tuple[str, str]:
    return str(page_id), normalise(str(text))


@dataclass
class ReviewedLabels:
    """Reviewed paragraph labels by page, and what was read to get them."""

    by_page: dict[str, dict[str, int]] = field(default_factory=dict)
    records: int = 0
    problems: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_page.values())

    def for_page(self, page_id: str) -> dict[str, int]:
        """Normalised paragraph text -> label for one page (empty when none)."""
        return self.by_page.get(str(page_id), {})


def read_answers(path: str | os.PathLike) -> tuple[dict[tuple[str, str], dict], list[str]]:
    """The last record per paragraph in one file, and a line per malformed record."""
    last: dict[tuple[str, str], dict] = {}
    problems = []
    path = Path(path)
    with open(path, encoding="utf-8", errors="replace") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                key = paragraph_key(record["page_id"], record["text"])
            except (json.JSONDecodeError, KeyError, TypeError) as err:
                problems.append(f"{path}:{n}: not a reviewed label ({type(err).__name__})")
                continue
            last[key] = record
    return last, problems


def read_reviewed(paths: Iterable[str | os.PathLike]) -> ReviewedLabels:
    """Every file's answers, later files winning; only content and boilerplate are labels."""
    merged: dict[tuple[str, str], dict] = {}
    out = ReviewedLabels()
    for path in paths:
        answers, problems = read_answers(path)
        merged.update(answers)
        out.records += len(answers)
        out.problems += problems
    for (page_id, text), record in merged.items():
        label = LABEL_CODES.get(record.get("label"))
        if label is not None:
            out.by_page.setdefault(page_id, {})[text] = label
    return out


def append_answer(fh, record: dict[str, Any]) -> None:
    """Append one answer and push it to disk before the next keypress is read."""
    fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    fh.flush()
    os.fsync(fh.fileno())
