"""The fitted models together, and what they do to a page: label paragraphs, keep the article,
name its topic."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from scipy.special import expit
from sklearn.pipeline import Pipeline

from winnow import _core
from winnow.features.context import STRING_COLUMNS, batch_table, paragraph_table
from winnow.features.metadata import FIELDS as METADATA_FIELDS
from winnow.features.metadata import html_metadata, text_metadata
from winnow.features.page import Page, Paragraph
from winnow.features.repetition import OUTLET_COLUMNS, outlet_columns
from winnow.features.segment import page_input, paragraphs_from
from winnow.features.sequence import SEQUENCE_COLUMNS, sequence_features
from winnow.features.vocabulary import BOILERPLATE, CONTENT, LABEL_NAMES
from winnow.models.glued import cut_glued
from winnow.models.limits import MAX_TOPIC_CHARS
from winnow.models.trees import predict_proba

OTHER_TOPIC = "other"
# What ``Cleaner.favor`` may be: the thresholds training chose as best overall, or those it
# chose on validation to keep cleaner text (precision) or more of the article (recall).
FAVORS = ("balanced", "precision", "recall")


@dataclass
class Cleaner:
    """Boilerplate pipelines per page kind (``html``, ``text``), a topic pipeline, thresholds.

    ``boilerplate[kind]`` scores each paragraph on its own; ``sequence[kind]``, when present,
    rescores it from those scores read along the page (``features.sequence``);
    ``cutter["text"]``, when present, finds where chaff was glued onto a line of a text page
    (``models.glued``) and cuts there when P(seam) is at least ``cut_threshold``.
    ``sequence_columns`` names the page features the second passes read (an artifact made
    before newer ones were added reads its own). ``thresholds[kind]`` is the P(content)
    above which a paragraph is kept; ``favor_thresholds[favor][kind]`` the same for
    ``favor`` ``precision`` (higher or equal: cleaner text) and ``recall`` (lower or equal:
    more of the article), chosen on the validation split by training (``train.fit._tune``);
    ``topic_threshold`` the topic probability below which the topic is ``other`` (0 never
    abstains).
    ``favor`` (``FAVORS``: ``balanced``, the default, ``precision`` or ``recall``) picks which
    thresholds ``predict`` keeps paragraphs by (``threshold``). A model saved before favors
    existed has no ``favor_thresholds``: asking it for ``precision`` or ``recall`` raises
    ``ValueError`` (``use_favor``, or ``threshold`` when ``favor`` was set by hand) rather
    than quietly giving the balanced output under another name.
    ``max_paragraphs`` and ``max_seconds`` (0: none) turn a page that goes over them into an
    error record (``limit: ...``) instead of letting it stall the batch; they, ``favor``,
    ``context_size`` and ``batch_size`` are run-time settings, not saved with the model.

    A model is trained on what its dataset holds, so either part may be missing. With no
    topic model (``topic`` None: paragraph labels only) every record's ``topic`` and
    ``topic_score`` are None. With no boilerplate model (``boilerplate`` empty: topic labels
    only, BBC News built alone, say) nothing is removed: every paragraph is ``content`` with
    score 1.0, the record's ``text`` is all of the page's text and the topic is labelled on it,
    as a topic classifier handed the page would label it; the favors change nothing then.
    That is what such a model can honestly do: it was never shown what boilerplate is, and
    guessing would throw away article text without saying so.
    """

    boilerplate: dict[str, Pipeline]
    topic: Pipeline | None = None
    sequence: dict[str, Any] = field(default_factory=dict)
    sequence_columns: list[str] = field(default_factory=lambda: list(SEQUENCE_COLUMNS))
    cutter: dict[str, Any] = field(default_factory=dict)
    cut_threshold: float = 0.5
    thresholds: dict[str, float] = field(default_factory=lambda: {"html": 0.5, "text": 0.5})
    favor_thresholds: dict[str, dict[str, float]] = field(default_factory=dict)
    topic_threshold: float = 0.0
    favor: str = "balanced"
    context_size: int = 1000
    batch_size: int = 64
    max_paragraphs: int = 0
    max_seconds: float = 0.0

    def use_favor(self, favor: str) -> Cleaner:
        """Keep paragraphs by ``favor``'s thresholds from now on; ``ValueError`` when it is
        not one of ``FAVORS`` or this model has no thresholds for it."""
        self._favor_thresholds(favor)
        self.favor = favor
        return self

    def threshold(self, kind: str) -> float:
        """The P(content) at or above which a paragraph of a ``kind`` page is kept, by
        ``favor``; a kind with no threshold of its own is cut at 0.5 (as when balanced)."""
        balanced = float(self.thresholds.get(kind, 0.5))
        return float(self._favor_thresholds(self.favor).get(kind, balanced))

    def _favor_thresholds(self, favor: str) -> dict[str, float]:
        if favor not in FAVORS:
            raise ValueError(f"favor must be one of {', '.join(FAVORS)}, not {favor!r}")
        if favor == "balanced" or not self.boilerplate:  # nothing to cut: every favor keeps all
            return self.thresholds
        if favor not in self.favor_thresholds:
            raise ValueError(
                f"this model has no {favor} thresholds (it was trained before --favor "
                "existed); retrain it with `winnow train`, or use --favor balanced"
            )
        return self.favor_thresholds[favor]

    def predict(self, pages: Iterable[Page]) -> Iterator[dict[str, Any]]:
        """One output record per page, in input order; a page that fails gets ``error``.

        Pages are read ``context_size`` at a time (a shard), and each is counted against the
        other pages of its outlet in its shard (``features.repetition``): the same pages in the
        same shards give the same records, whatever runs them. ``batch_size`` pages go
        through the models at once, which changes speed and memory, never the output.
        """
        window: list[Page] = []
        for page in pages:
            window.append(page)
            if len(window) >= self.context_size:
                yield from self._predict_window(window)
                window = []
        if window:
            yield from self._predict_window(window)

    def page_scores(self, tables: list[pd.DataFrame], kinds: list[str]) -> list[np.ndarray]:
        """P(content) for the paragraph table of each page, by the models of its kind.

        Pages go through the models ``batch_size`` at a time, those of one kind together: one
        call for many pages is much faster than one a page, and changes no score.
        """
        scores: list[np.ndarray] = [np.zeros(0)] * len(tables)
        # Sorted by kind (html, then text), each kind in input order.
        order = sorted(range(len(tables)), key=kinds.__getitem__)
        for start in range(0, len(order), self.batch_size):
            batch = order[start : start + self.batch_size]
            sizes = [len(tables[k]) for k in batch]
            keys = np.repeat(np.arange(len(batch)), sizes)
            row_kinds = np.repeat([kinds[k] for k in batch], sizes)
            flat = self.scores_by_kind(pd.concat([tables[k] for k in batch]), row_kinds, keys)
            for k, page in zip(batch, np.split(flat, np.cumsum(sizes)[:-1]), strict=True):
                scores[k] = page
        return scores

    def scores_by_kind(
        self,
        table: pd.DataFrame,
        kinds: np.ndarray,
        pages: np.ndarray,
        margins: np.ndarray | None = None,
    ) -> np.ndarray:
        """P(content) for each row of a paragraph table of several pages, each row by the
        models of its page's kind (``kinds``, one a row).

        ``pages`` names each row's page (rows of a page contiguous); ``margins``
        (``margins_by_kind``) saves the first pass when it is already done.
        """
        if margins is None:
            margins = self.margins_by_kind(table, kinds)
        scores = np.zeros(len(table))
        for kind, mask, rows in _rows_by_kind(table, kinds):
            scores[mask] = self.scores_from_margins(rows, margins[mask], kind, pages[mask])
        return scores

    def margins_by_kind(self, table: pd.DataFrame, kinds: np.ndarray) -> np.ndarray:
        """First-pass log-odds of content for each row, by the model of its page's kind."""
        margins = np.zeros(len(table))
        for kind, mask, rows in _rows_by_kind(table, kinds):
            margins[mask] = self.paragraph_margins(rows, kind)
        return margins

    def scores_from_margins(
        self, table: pd.DataFrame, margins: np.ndarray, kind: str, pages: np.ndarray | None = None
    ) -> np.ndarray:
        """P(content) from first-pass margins: reread along the page by ``kind``'s second pass
        when it has one, else their logistic."""
        model_kind = self._kind(kind)
        second = self.sequence.get(model_kind)
        if second is None or len(table) == 0:
            return expit(margins)
        keys = np.zeros(len(table), dtype=np.int8) if pages is None else np.asarray(pages)
        features = sequence_features(table, margins, keys, markup=model_kind == "html")
        if self.sequence_columns != SEQUENCE_COLUMNS:  # made before newer page features
            features = features[:, [SEQUENCE_COLUMNS.index(c) for c in self.sequence_columns]]
        proba = predict_proba(second, features)
        return proba[:, content_column(second)]

    def paragraph_margins(self, table: pd.DataFrame, kind: str) -> np.ndarray:
        """Log-odds of content for each row (unsaturated, for comparing close candidates);
        +inf, certain content, for every row when there is no boilerplate model."""
        if not self.boilerplate:
            return np.full(len(table), np.inf)
        return content_margin(self._model(kind), table)

    def _kind(self, kind: str) -> str:
        """The model kind that serves a page kind: the text model serves a kind it lacks."""
        return kind if kind in self.boilerplate else "text"

    def _model(self, kind: str) -> Pipeline:
        return self.boilerplate[self._kind(kind)]

    def _predict_window(self, pages: list[Page]) -> list[dict[str, Any]]:
        records = [empty_record(page) for page in pages]
        window = Window.segment(pages, self.max_paragraphs, self.max_seconds, self.batch_size)
        for record, error in zip(records, window.errors, strict=True):
            record["error"] = error
        window.fill_outlet()
        if "text" in self.cutter:
            self._cut_glued(window)
        cuts = {kind: self.threshold(kind) for kind in ("html", "text")}
        texts, lines, tags = (window.table[name].tolist() for name in ("text", "line", "tag"))
        for chunk in window.chunks(self.batch_size):
            lo, hi = window.offsets[chunk[0]], window.offsets[chunk[-1] + 1]
            rows = window.table.iloc[lo:hi]
            sizes = [window.offsets[i + 1] - window.offsets[i] for i in chunk]
            kinds = np.repeat([pages[i].kind for i in chunk], sizes)
            keys = np.repeat(np.arange(len(chunk)), sizes)
            scores = self.scores_by_kind(rows, kinds, keys)
            for i in chunk:
                a, b = window.offsets[i], window.offsets[i + 1]
                kind = pages[i].kind
                self._fill(
                    records[i],
                    texts[a:b],
                    lines[a:b],
                    tags[a:b],
                    scores[a - lo : b - lo],
                    cuts[kind],
                    kind,
                )
                records[i].update(page_metadata(pages[i], records[i]["paragraphs"]))
        self._label_topics([r for r in records if r["error"] is None and r["text"]])
        return records

    def _cut_glued(self, window: Window) -> None:
        """Cut glued chaff off the paragraphs of the window's text pages, once at most at
        each end of a paragraph, and count the pieces against the outlet again."""
        text = [i for i in window.good if window.pages[i].kind == "text"]
        replaced: dict[int, pd.DataFrame] = {}
        for start in range(0, len(text), self.batch_size):
            chosen = text[start : start + self.batch_size]
            cut = cut_glued(
                window.table,
                [(window.offsets[i], window.offsets[i + 1]) for i in chosen],
                lambda frame: self.paragraph_margins(frame, "text"),
                self.cutter["text"],
                self.cut_threshold,
            )
            for i, paragraphs in zip(chosen, cut, strict=True):
                if paragraphs is not None:
                    table = paragraph_table(paragraphs)
                    table.insert(len(STRING_COLUMNS), "line", [q.line for q in paragraphs])
                    replaced[i] = table
        if replaced:
            window.replace(replaced)
            window.fill_outlet()

    @staticmethod
    def _fill(
        record: dict,
        texts: list[str],
        lines: list[int],
        tags: list[str],
        scores: np.ndarray,
        threshold: float,
        kind: str,
    ):
        """Text pages' paragraphs also name their input ``line`` (0-based): a line can be cut
        into sentences or split where chaff was glued on, and callers map labels back."""
        out = []
        kept: list[Paragraph] = []
        for text, line, tag, score in zip(texts, lines, tags, scores, strict=True):
            keep = bool(score >= threshold)
            item = {
                "text": text,
                "label": LABEL_NAMES[CONTENT if keep else BOILERPLATE],
                "score": round(float(score), 4),
            }
            if kind == "text":
                item["line"] = line
            out.append(item)
            if keep:
                kept.append(Paragraph(text=text, tag=tag, line=line))
        record["paragraphs"] = out
        record["text"] = join_paragraphs(kept)

    def _label_topics(self, records: list[dict]) -> None:
        if self.topic is None or not records:
            return
        proba = self.topic.predict_proba([r["text"][:MAX_TOPIC_CHARS] for r in records])
        labels = self.topic.classes_
        for record, row in zip(records, proba, strict=True):
            best = int(np.argmax(row))
            score = float(row[best])
            record["topic"] = str(labels[best]) if score >= self.topic_threshold else OTHER_TOPIC
            record["topic_score"] = round(score, 4)


def content_column(classifier) -> int:
    """Where content (``CONTENT``) is in a fitted classifier's ``classes_``: looked up, so
    that a model fitted on other labels fails here rather than scoring the wrong class."""
    classes = list(classifier.classes_)
    if CONTENT not in classes:
        raise ValueError(f"the classifier's classes {classes} do not include content ({CONTENT})")
    return classes.index(CONTENT)


def content_margin(classifier, X) -> np.ndarray:
    """Log-odds of content from a fitted binary classifier, whatever its class order."""
    margins = classifier.decision_function(X)
    return margins if content_column(classifier) == 1 else -margins


def segment_or_error(
    page: Page, *, max_paragraphs: int = 0, max_seconds: float = 0.0
) -> tuple[list[Paragraph], str | None]:
    """A page's paragraphs, or the error its record gets instead: the page's own when it
    could not be read, else the core's as ``predict`` gives it (``limit: ...`` past a bound,
    ``max_paragraphs`` or ``max_seconds``, 0 for none; ``empty: ...`` when it holds no text;
    ``segment: ...`` when the engine fails)."""
    if page.error:
        return [], page.error
    kind, content = page_input(page)
    columns = _core.segment_pages([(kind, content)], max_paragraphs, max_seconds)
    if columns["errors"][0] is not None:
        return [], columns["errors"][0]
    return paragraphs_from(columns, markup=kind == "html"), None


def _rows_by_kind(table: pd.DataFrame, kinds: np.ndarray):
    """Each page kind present in ``kinds`` (one a row of ``table``), its row mask and rows."""
    kinds = np.asarray(kinds)
    for kind in ("html", "text"):
        mask = kinds == kind
        if mask.any():
            yield kind, mask, table if mask.all() else table[mask]


class Window:
    """A window of pages as the core segmented them: one paragraph table for all of them
    (``features.context.batch_table``), the rows of page ``i`` at ``offsets[i]:offsets[i+1]``,
    and each page's error (None for the pages in ``good``)."""

    def __init__(self, pages: list[Page], table: pd.DataFrame, offsets: np.ndarray, errors):
        self.pages = pages
        self.table = table
        self.offsets = [int(o) for o in offsets]
        self.errors = list(errors)
        self.good = [i for i, error in enumerate(self.errors) if error is None]

    @classmethod
    def segment(
        cls, pages: list[Page], max_paragraphs: int, max_seconds: float, batch_size: int = 64
    ) -> Window:
        """The pages segmented by the core ``batch_size`` at a time (each call copies its
        pages' markup into the core, so a whole window at once held all of it twice); a page
        that could not be read keeps its own error and is not segmented."""
        tables, offsets, errors = [], [0], []
        for start in range(0, max(1, len(pages)), max(1, batch_size)):  # once with no pages
            chunk = pages[start : start + batch_size]
            inputs = [("text", "") if page.error else page_input(page) for page in chunk]
            columns = _core.segment_pages(inputs, max_paragraphs, max_seconds)
            errors += [page.error or e for page, e in zip(chunk, columns["errors"], strict=True)]
            table = batch_table(columns)
            table.insert(len(STRING_COLUMNS), "line", columns["line"])
            tables.append(table)
            offsets += [offsets[-1] + int(o) for o in columns["offsets"][1:]]
        table = pd.concat(tables, ignore_index=True) if len(tables) > 1 else tables[0]
        return cls(pages, table, offsets, errors)

    def chunks(self, size: int) -> Iterator[list[int]]:
        """The good pages, ``size`` at a time, in order."""
        for start in range(0, len(self.good), max(1, size)):
            yield self.good[start : start + size]

    def replace(self, tables: dict[int, pd.DataFrame]) -> None:
        """Put new tables in place of some pages' rows (the pages between them are taken
        as one slice each)."""
        parts, kept_from = [], 0
        for i in sorted(tables):
            if kept_from < i:
                parts.append(self.table.iloc[self.offsets[kept_from] : self.offsets[i]])
            parts.append(tables[i])
            kept_from = i + 1
        parts.append(self.table.iloc[self.offsets[kept_from] :])
        sizes = [
            len(tables[i]) if i in tables else self.offsets[i + 1] - self.offsets[i]
            for i in range(len(self.pages))
        ]
        self.table = pd.concat(parts, ignore_index=True)
        self.offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(int).tolist()

    def fill_outlet(self) -> None:
        """Set the outlet columns, each page counted against the window's others."""
        texts = self.table["text"].tolist()
        good = self.good
        columns = outlet_columns(
            [self.pages[i].domain for i in good],
            [self.pages[i].url for i in good],
            [texts[self.offsets[i] : self.offsets[i + 1]] for i in good],
            max_pages=len(self.pages),
        )
        if columns:
            self.table[OUTLET_COLUMNS] = np.vstack(columns)


def join_paragraphs(paragraphs: list[Paragraph]) -> str:
    """Kept paragraphs joined by blank lines; sentence pieces of one text line stay one line."""
    blocks: list[str] = []
    last_line = None
    for p in paragraphs:
        if p.tag == "" and last_line is not None and p.line == last_line and blocks:
            blocks[-1] = f"{blocks[-1]} {p.text}"
        else:
            blocks.append(p.text)
        last_line = p.line if p.tag == "" else None
    return "\n\n".join(blocks)


def page_metadata(page: Page, paragraphs: list[dict]) -> dict[str, str | None]:
    """Title, byline, date and site of a cleaned page: from the markup's head and JSON-LD for
    HTML, from the lines for text (bylines and datelines among those the model dropped
    first), so that a user who wants them need not keep the chaff."""
    if page.html is not None:
        return html_metadata(page.html, page.url)
    # Whole input lines, kept when any piece of them was: sentence pieces would split a
    # headline such as "Need a change? 7 tips" (titles right 0.993 by line, 0.970 by piece,
    # on extractor text; features/metadata.py's bench).
    lines: dict[int, list[dict]] = {}
    for p in paragraphs:
        lines.setdefault(p.get("line", len(lines)), []).append(p)
    return text_metadata(
        [" ".join(p["text"] for p in pieces) for pieces in lines.values()],
        [any(p["label"] == LABEL_NAMES[CONTENT] for p in pieces) for pieces in lines.values()],
    )


def empty_record(page: Page) -> dict[str, Any]:
    """The output record of a page before (or instead of) prediction."""
    return {
        "id": page.id,
        "url": page.url,
        **dict.fromkeys(METADATA_FIELDS),
        "text": "",
        "topic": None,
        "topic_score": None,
        "paragraphs": [],
        "error": page.error,
    }
