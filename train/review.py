"""``winnow review``: the paragraphs a model is least sure of, labelled by a person.

Labels are worth most where the model hesitates: a paragraph scored near its threshold is one
whose label moves the boundary. Picking them round-robin over domains keeps one odd outlet
from filling the whole session. The answers go to a reviewed-labels file
(``train/review_labels.py``) that ``winnow build --labels`` reads.
"""

from __future__ import annotations

import heapq
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from winnow.features.context import paragraph_table
from winnow.features.page import Page
from winnow.features.vocabulary import logit
from winnow.models.atomic import write_text_atomic
from winnow.models.cleaner import Cleaner, segment_or_error
from winnow.train.options import REVIEW_PARAGRAPHS
from winnow.train.review_labels import append_answer, paragraph_key, read_answers
from winnow.train.splits import split_group

NEIGHBOURS = 2  # paragraphs of context shown before and after
CHUNK = 64  # pages scored together
MIN_WORDS = 2  # shorter paragraphs are not worth a person's keypress


@dataclass
class ReviewItem:
    """One paragraph to label, with where it sits on its page."""

    page_id: str
    url: str
    domain: str
    index: int
    text: str
    score: float
    threshold: float
    before: list[str]
    after: list[str]

    @property
    def doubt(self) -> float:
        """How far the score is from the threshold in log-odds: 0 is a coin toss. Log-odds,
        because with a threshold of 0.05 a score of 0.0001 is sure, not close."""
        return abs(logit(self.score) - logit(self.threshold))

    def record(self, label: str | None) -> dict[str, Any]:
        out = {k: v for k, v in asdict(self).items() if k not in ("before", "after")}
        out["score"] = round(out["score"], 4)
        return {**out, "label": label, "at": datetime.now(UTC).isoformat(timespec="seconds")}


def select_for_review(
    cleaner: Cleaner,
    pages: Iterable[Page],
    n: int = REVIEW_PARAGRAPHS,
    *,
    exclude: set[tuple[str, str]] = frozenset(),
) -> list[ReviewItem]:
    """The ``n`` paragraphs nearest their threshold, taken in turn from each domain (the domain
    with the most doubtful paragraph first), skipping those in ``exclude`` (already answered).

    Pages stream through in chunks; each domain keeps only its ``n`` most doubtful candidates,
    so memory stays flat whatever the number of pages. A model with no boilerplate model
    (trained on topics alone) has no doubts to ask about: ``ValueError``.
    """
    if not cleaner.boilerplate:
        raise ValueError(
            "this model has no boilerplate model (it was trained on topics alone), so it has "
            "no paragraph labels to review"
        )
    best: dict[str, list[tuple[float, int, ReviewItem]]] = {}
    counter = 0
    for item in _candidates(cleaner, pages):
        if paragraph_key(item.page_id, item.text) in exclude:
            continue
        heap = best.setdefault(item.domain, [])
        counter += 1
        entry = (-item.doubt, counter, item)  # a max-heap on doubt: the least doubtful on top
        if len(heap) < n:
            heapq.heappush(heap, entry)
        elif entry > heap[0]:
            heapq.heapreplace(heap, entry)
    queues = {d: sorted(h, key=lambda e: (-e[0], e[1])) for d, h in best.items()}
    queues = {d: [e[2] for e in q] for d, q in queues.items()}
    order = sorted(queues, key=lambda d: (queues[d][0].doubt, d))
    chosen: list[ReviewItem] = []
    depth = 0
    while len(chosen) < n and any(depth < len(queues[d]) for d in order):
        for domain in order:
            if depth < len(queues[domain]) and len(chosen) < n:
                chosen.append(queues[domain][depth])
        depth += 1
    return chosen


def _candidates(cleaner: Cleaner, pages: Iterable[Page]) -> Iterator[ReviewItem]:
    """Every paragraph worth asking about, scored the way ``build`` segments it (a page that
    cannot be segmented has nothing to ask about)."""
    chunk: list[tuple[Page, list]] = []
    for page in pages:
        paragraphs, error = segment_or_error(page)
        if error is None:
            chunk.append((page, paragraphs))
        if len(chunk) >= CHUNK:
            yield from _score_chunk(cleaner, chunk)
            chunk = []
    if chunk:
        yield from _score_chunk(cleaner, chunk)


def _score_chunk(cleaner: Cleaner, chunk: list[tuple[Page, list]]) -> Iterator[ReviewItem]:
    # Pages of a kind together, html first: of paragraphs equally in doubt (sure ones all clip
    # to the same log-odds) ``select_for_review`` keeps the first it sees.
    chunk = sorted(chunk, key=lambda item: item[0].kind)
    tables = [paragraph_table(paragraphs) for _, paragraphs in chunk]
    scores = cleaner.page_scores(tables, [page.kind for page, _ in chunk])
    for (page, paragraphs), page_scores in zip(chunk, scores, strict=True):
        threshold = cleaner.threshold(page.kind)
        texts = [p.text for p in paragraphs]
        for i, text in enumerate(texts):
            if len(text.split()) < MIN_WORDS:
                continue
            yield ReviewItem(
                page_id=page.id,
                url=page.url or "",
                domain=split_group(page),
                index=i,
                text=text,
                score=float(page_scores[i]),
                threshold=threshold,
                before=texts[max(0, i - NEIGHBOURS) : i],
                after=texts[i + 1 : i + 1 + NEIGHBOURS],
            )


def answered(path: str | os.PathLike) -> set[tuple[str, str]]:
    """Paragraphs a labels file already answers (labelled or skipped), not to be asked again."""
    if not Path(path).exists():
        return set()
    answers, _ = read_answers(path)
    return {key for key, record in answers.items() if record.get("label") is not None}


def write_batch(items: list[ReviewItem], out: str | os.PathLike) -> None:
    """The selection as JSONL with empty labels and its context, for labelling elsewhere."""
    lines = [
        json.dumps(
            {**item.record(None), "before": item.before, "after": item.after}, ensure_ascii=False
        )
        for item in items
    ]
    write_text_atomic(out, "".join(line + "\n" for line in lines))


KEYS = {"c": "content", "b": "boilerplate", "s": "skip", "u": "undo", "q": "quit"}


@dataclass
class SessionResult:
    content: int = 0
    boilerplate: int = 0
    skipped: int = 0
    undone: int = 0
    left: int = 0


def run_session(
    items: list[ReviewItem],
    out: str | os.PathLike,
    read_key: Callable[[], str],
    show: Callable[[ReviewItem, int, int], None],
    say: Callable[[str], None] = lambda text: None,
) -> SessionResult:
    """Ask about each item in turn and append every answer to ``out`` as it is given.

    ``read_key`` returns one keypress (``c``ontent, ``b``oilerplate, ``s``kip, ``u``ndo,
    ``q``uit; an empty string or end of input quits); ``show`` draws an item. Undo retracts the
    last answer with a null record and asks that paragraph again.
    """
    result = SessionResult()
    done: list[tuple[int, str]] = []  # (item position, answer), for undo
    position = 0
    with open(out, "a", encoding="utf-8") as fh:
        while position < len(items):
            item = items[position]
            show(item, position, len(items))
            try:
                key = read_key()
            except (EOFError, KeyboardInterrupt):
                key = "q"
            action = KEYS.get((key or "q").lower()[:1])
            if action is None:
                say("c content · b boilerplate · s skip · u undo · q quit")
                continue
            if action == "quit":
                break
            if action == "undo":
                if not done:
                    say("nothing to undo")
                    continue
                position, answer = done.pop()
                append_answer(fh, items[position].record(None))
                setattr(result, _counter(answer), getattr(result, _counter(answer)) - 1)
                result.undone += 1
                continue
            append_answer(fh, item.record(action))
            setattr(result, _counter(action), getattr(result, _counter(action)) + 1)
            done.append((position, action))
            position += 1
    result.left = len(items) - position
    return result


def _counter(answer: str) -> str:
    return "skipped" if answer == "skip" else answer
