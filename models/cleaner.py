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

from winnow.features.context import paragraph_table
from winnow.features.metadata import FIELDS as METADATA_FIELDS
from winnow.features.metadata import html_metadata, text_metadata
from winnow.features.page import Page, Paragraph
from winnow.features.repetition import OUTLET_COLUMNS, outlet_columns
from winnow.features.segment import PageTooLarge, segment_page
from winnow.features.sequence import SEQUENCE_COLUMNS, sequence_features
from winnow.features.vocabulary import BOILERPLATE, CONTENT, LABEL_NAMES
from winnow.models.glued import cut_glued
from winnow.models.limits import MAX_TOPIC_CHARS, PageLimitError, time_limit

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
        proba = second.predict_proba(features)
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
        segmented: list[tuple[int, list[Paragraph], pd.DataFrame]] = []
        for i, page in enumerate(pages):
            paragraphs, error = segment_or_error(
                page, max_paragraphs=self.max_paragraphs, max_seconds=self.max_seconds
            )
            if error is None:
                segmented.append((i, paragraphs, paragraph_table(paragraphs)))
            else:
                records[i]["error"] = error
        self._add_outlet_context(segmented, pages)
        cuts = {kind: self.threshold(kind) for kind in ("html", "text")}
        kinds = [pages[i].kind for i, _, _ in segmented]
        scores = self.page_scores([table for _, _, table in segmented], kinds)
        for (i, paragraphs, _), kind, page_scores in zip(segmented, kinds, scores, strict=True):
            self._fill(records[i], paragraphs, page_scores, cuts[kind], kind)
            records[i].update(page_metadata(pages[i], records[i]["paragraphs"]))
        self._label_topics([r for r in records if r["error"] is None and r["text"]])
        return records

    def _add_outlet_context(self, segmented: list, pages: list[Page]) -> None:
        """Count each paragraph against the other pages of its outlet in the window, cut
        glued chaff off text pages with that evidence in view, and count the pieces again."""
        _fill_outlet(segmented, pages)
        text = [k for k, (i, _, _) in enumerate(segmented) if pages[i].kind == "text"]
        if "text" in self.cutter and text:
            for start in range(0, len(text), self.batch_size):
                self._cut_glued(segmented, text[start : start + self.batch_size])
            _fill_outlet(segmented, pages)

    def _cut_glued(self, segmented: list, chosen: list[int]) -> None:
        """Cut glued chaff off the paragraphs of the text pages ``segmented[k]`` for ``k`` in
        ``chosen``, in place, once at most at each end of a paragraph."""
        cut = cut_glued(
            [(segmented[k][1], segmented[k][2]) for k in chosen],
            lambda frame: self.paragraph_margins(frame, "text"),
            self.cutter["text"],
            self.cut_threshold,
        )
        for k, paragraphs in zip(chosen, cut, strict=True):
            if paragraphs is not None:
                segmented[k] = (segmented[k][0], paragraphs, paragraph_table(paragraphs))

    @staticmethod
    def _fill(
        record: dict,
        paragraphs: list[Paragraph],
        scores: np.ndarray,
        threshold: float,
        kind: str,
    ):
        """Text pages' paragraphs also name their input ``line`` (0-based): a line can be cut
        into sentences or split where chaff was glued on, and callers map labels back."""
        out = []
        kept: list[Paragraph] = []
        for p, score in zip(paragraphs, scores, strict=True):
            keep = bool(score >= threshold)
            item = {
                "text": p.text,
                "label": LABEL_NAMES[CONTENT if keep else BOILERPLATE],
                "score": round(float(score), 4),
            }
            if kind == "text":
                item["line"] = p.line
            out.append(item)
            if keep:
                kept.append(p)
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
    could not be read, ``limit: ...`` past ``max_paragraphs`` or ``max_seconds`` (0: none),
    ``segment: ...`` when the parser fails (a parser bug must not take the batch down) and
    ``empty: ...`` when it holds no text."""
    if page.error:
        return [], page.error
    try:
        with time_limit(max_seconds, "segmenting the page"):
            paragraphs = segment_page(page, max_paragraphs=max_paragraphs)
    except (PageLimitError, PageTooLarge) as err:
        return [], f"limit: {err}"
    except Exception as err:
        return [], f"segment: {type(err).__name__}: {err}"
    if not paragraphs:
        return [], "empty: no text found on the page"
    return paragraphs, None


def _rows_by_kind(table: pd.DataFrame, kinds: np.ndarray):
    """Each page kind present in ``kinds`` (one a row of ``table``), its row mask and rows."""
    kinds = np.asarray(kinds)
    for kind in ("html", "text"):
        mask = kinds == kind
        if mask.any():
            yield kind, mask, table if mask.all() else table[mask]


def _fill_outlet(segmented, pages: list[Page]) -> None:
    """Set the outlet columns of each segmented page's table, counted over the window."""
    columns = outlet_columns(
        [pages[i].domain for i, _, _ in segmented],
        [pages[i].url for i, _, _ in segmented],
        [t["text"].tolist() for _, _, t in segmented],
        max_pages=len(pages),
    )
    for (_, _, table), values in zip(segmented, columns, strict=True):
        table[OUTLET_COLUMNS] = values


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
