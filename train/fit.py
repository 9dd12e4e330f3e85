"""``winnow train``: fit the classifiers a built dataset can train and save them as an artifact."""

from __future__ import annotations

import json
import logging
import os
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.model_selection import GroupKFold
from sklearn.pipeline import Pipeline

from winnow.features.sequence import sequence_features
from winnow.features.vocabulary import CONTENT, LABEL_NAMES
from winnow.models.artifact import save_artifact
from winnow.models.cleaner import Cleaner, content_margin
from winnow.models.events import event
from winnow.models.glued import best_cuts
from winnow.models.pipelines import (
    make_boilerplate_pipeline,
    make_cutter_model,
    make_sequence_model,
    make_topic_pipeline,
)
from winnow.train.augment import cut_examples
from winnow.train.card import model_card
from winnow.train.dataset import load_frame, read_manifest
from winnow.train.evaluate import (
    evaluate_split,
    paragraph_margins,
    score_paragraphs,
    score_split,
    split_metrics,
)
from winnow.train.metrics import token_counts, token_prf
from winnow.train.options import TrainOptions
from winnow.train.report import report_files

log = logging.getLogger("winnow.train")

THRESHOLD_GRID = np.round(np.arange(0.05, 0.951, 0.05), 2)
# Where the ``--favor`` thresholds are chosen: the balanced grid and a few cuts beyond its ends,
# so a favor still has somewhere to go when the balanced cut sits at an end of it (as the
# sample model's did, 0.05 for markup and 0.95 for text, when this was written).
FAVOR_GRID = np.round(np.concatenate([[0.01, 0.02, 0.03], THRESHOLD_GRID, [0.97, 0.98, 0.99]]), 2)
_ON_BALANCED_GRID = np.isin(FAVOR_GRID, THRESHOLD_GRID)
# The F-beta each favor maximises: beta < 1 weighs precision of the kept text, > 1 its recall.
FAVOR_BETAS = {"precision": 0.5, "recall": 2.0}


STAGES = (
    "fitting the text model",
    "fitting the markup model",
    "fitting the topic model",
    "choosing passes and thresholds",
    "scoring validation",
    "scoring test",
    "drawing the report",
    "saving",
)


def fit_cleaner(
    dataset: str | os.PathLike,
    options: TrainOptions,
    *,
    stage: Callable[[str], None] = lambda name: None,
) -> tuple[Cleaner, dict]:
    """Fit what the training split can teach, and choose the passes and thresholds on the
    validation split.

    Paragraphs labelled both content and boilerplate train the boilerplate models (both
    passes per page kind); pages of two or more topics train the topic model. A dataset with
    only one of these (a topic corpus built alone, a boilerplate corpus without topics)
    trains that part alone, and ``info["training"]["parts"]`` says why the other is missing;
    one with neither is a ``ValueError`` naming both reasons.
    """
    data = training_data(dataset)
    timings: dict[str, float] = {}
    cleaner = Cleaner(boilerplate={}, topic_threshold=options.topic_threshold)
    if data.why_not["boilerplate"] is None:
        _fit_boilerplate_models(cleaner, data.paragraphs, options, stage, timings)
    else:
        cleaner.thresholds = {}  # nothing is cut: there is no threshold to speak of
    stage("fitting the topic model")
    if data.why_not["topic"] is None:
        cleaner.topic = _fit_topic_part(data.topic_pages, options, timings)
    stage("choosing passes and thresholds")
    chosen = choose_on_validation(cleaner, dataset, options)
    return cleaner, {"training": _training_info(cleaner, data, chosen, timings)}


@dataclass
class TrainingData:
    """What the training split can teach: its paragraphs (labelled or not, whole pages in page
    order), the labels of the labelled ones, the topic pages and the topics left out, and why
    each part cannot be trained (None: it can)."""

    paragraphs: pd.DataFrame
    labels: np.ndarray
    topic_pages: pd.DataFrame
    topics_dropped: list[str]
    why_not: dict[str, str | None]


def training_data(dataset: str | os.PathLike) -> TrainingData:
    """The training split of ``dataset``; ``ValueError`` naming both reasons when it can
    train neither a boilerplate nor a topic model."""
    paragraphs = load_frame(dataset, "paragraphs", "train")
    labels = paragraphs.loc[paragraphs["label"] >= 0, "label"].to_numpy()
    pages, too_few = _topic_pages(load_frame(dataset, "pages", "train"))
    why_not = {"boilerplate": _why_no_boilerplate(labels), "topic": _why_no_topic(pages, too_few)}
    if all(why_not.values()):
        raise ValueError(
            f"nothing to train in {dataset}: no boilerplate model ({why_not['boilerplate']}) "
            f"and no topic model ({why_not['topic']})"
        )
    return TrainingData(paragraphs, labels, pages, too_few, why_not)


def _fit_topic_part(pages: pd.DataFrame, options: TrainOptions, timings: dict) -> Pipeline:
    """The topic model on the training split's topic pages; its fitting time goes in
    ``timings``."""
    start = time.perf_counter()
    model = fit_topic_model(pages["content_text"].tolist(), pages["topic"].tolist(), options)
    timings["topic"] = round(time.perf_counter() - start, 2)
    event(log, "topic model fitted", pages=len(pages), seconds=timings["topic"])
    return model


@dataclass
class ValidationChoices:
    """What ``choose_on_validation`` chose: per page kind the passes and thresholds
    (``choose_passes``), the glued-chaff cutter's threshold (``choose_cut_threshold``), and
    on how many validation pages."""

    passes: dict[str, Any]
    cutter: dict[str, Any]
    pages: int


def choose_on_validation(
    cleaner: Cleaner, dataset: str | os.PathLike, options: TrainOptions
) -> ValidationChoices:
    """Set, in ``cleaner``, the passes and thresholds chosen on the validation split (nothing
    to choose without a boilerplate model)."""
    validation = load_frame(dataset, "paragraphs", "validation")
    pages = load_frame(dataset, "pages", "validation")
    chosen = ValidationChoices(passes={}, cutter={}, pages=len(pages))
    if cleaner.boilerplate:
        chosen.passes = choose_passes(cleaner, validation, pages)
        event(log, "passes chosen", passes=chosen.passes)
        chosen.cutter = choose_cut_threshold(cleaner, validation, options.seed)
        if chosen.cutter:
            event(log, "cut threshold chosen", **chosen.cutter)
    return chosen


def _training_info(
    cleaner: Cleaner, data: TrainingData, chosen: ValidationChoices, timings: dict
) -> dict[str, Any]:
    """The manifest's ``training``: what each part learnt from, or why it is missing, and
    what validation chose."""
    y, pages = data.labels, data.topic_pages
    return {
        "parts": {
            "boilerplate": _part(data.why_not["boilerplate"], _labels_line(y)),
            "topic": _part(data.why_not["topic"], f"{len(pages)} pages"),
        },
        "paragraphs": int(len(y)),
        "labels": {str(k): int(v) for k, v in Counter(y.tolist()).items()},
        "topic_pages": int(len(pages)) if cleaner.topic is not None else 0,
        "topics_dropped": [str(t) for t in data.topics_dropped],
        "topics": {str(k): int(v) for k, v in pages["topic"].value_counts().sort_index().items()}
        if cleaner.topic is not None
        else {},
        "seconds": timings,
        "passes": chosen.passes,
        "thresholds_tuned": tuning_note(chosen.passes, chosen.pages),
        "glued_cutter": chosen.cutter,
    }


def _fit_boilerplate_models(
    cleaner: Cleaner,
    train: pd.DataFrame,
    options: TrainOptions,
    stage: Callable[[str], None],
    timings: dict[str, float],
) -> None:
    """Fit, into ``cleaner``, the text model on every training paragraph (markup pages' text
    is text too) and the markup model on markup pages when they hold both labels."""

    def fit_kind(kind: str, rows: pd.DataFrame) -> None:
        start = time.perf_counter()
        fitted = fit_boilerplate(kind, rows, options)
        cleaner.boilerplate[kind] = fitted.first
        if fitted.second is not None:
            cleaner.sequence[kind] = fitted.second
        if fitted.cutter is not None:
            cleaner.cutter[kind] = fitted.cutter
        timings[f"boilerplate_{kind}"] = round(time.perf_counter() - start, 2)
        event(
            log,
            "boilerplate model fitted",
            kind=kind,
            rows=len(rows),
            seconds=timings[f"boilerplate_{kind}"],
        )

    stage("fitting the text model")
    fit_kind("text", train)
    stage("fitting the markup model")
    html = train[train["kind"] == "html"]
    if html.loc[html["label"] >= 0, "label"].nunique() == 2:
        fit_kind("html", html)


def fit_topic_model(
    texts: list[str], topics: list[str], options: TrainOptions | None = None
) -> Pipeline:
    """The topic model ``winnow train`` fits, on article texts and their topics (the
    benchmark fits it through here too, so it measures what ships)."""
    options = options or TrainOptions()
    model = make_topic_pipeline(
        C=options.topic_C,
        max_features=options.topic_max_features,
        cv=int(min(3, min(Counter(topics).values()))),
        seed=options.seed,
    )
    return model.fit(texts, topics)


def _topic_pages(pages: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """The training pages the topic model learns from, and the topics left out for having a
    single page (calibration scores each topic out of fold: a topic needs two pages).

    One article a URL: a page and its renders as text (``build --render``, extractor outputs)
    share the URL and the topic, and would otherwise count one article several times.
    """
    pages = pages[(pages["topic"] != "") & (pages["content_text"].str.strip() != "")]
    if "url" in pages:
        longest = pages.loc[
            pages["content_text"].str.len().sort_values(ascending=False, kind="stable").index
        ]
        keep = (longest["url"] == "") | ~longest["url"].duplicated()
        pages = longest[keep].sort_index()
    counts = pages["topic"].value_counts()
    too_few = sorted(counts[counts < 2].index)
    return pages[~pages["topic"].isin(too_few)], too_few


def _why_no_boilerplate(y: np.ndarray) -> str | None:
    """Why the labelled training paragraphs ``y`` cannot train a boilerplate model, or None."""
    if len(y) == 0:
        return (
            "no paragraph of the training split is labelled content or boilerplate (its pages "
            "carry no gold_text, labels or with/without snippets)"
        )
    if len(np.unique(y)) < 2:
        only = LABEL_NAMES[int(y[0])]
        return f"the training split's {len(y)} labelled paragraphs are all {only}"
    return None


def _why_no_topic(pages: pd.DataFrame, too_few: list[str]) -> str | None:
    """Why the topic pages of the training split cannot train a topic model, or None."""
    single = f"; left out for having a single page: {', '.join(too_few)}" if too_few else ""
    if pages.empty:
        return f"no page of the training split has a topic{single}"
    if pages["topic"].nunique() < 2:
        return f"the training split's topic pages are all {pages['topic'].iloc[0]}{single}"
    return None


def _part(why_not: str | None, trained: str) -> dict[str, Any]:
    return {"trained": why_not is None, "detail": why_not or trained}


def _labels_line(y: np.ndarray) -> str:
    return (
        f"{len(y)} labelled paragraphs (content {int((y == CONTENT).sum())}, "
        f"boilerplate {int((y != CONTENT).sum())})"
    )


def tuning_note(passes: dict[str, Any], validation_pages: int) -> str:
    """In plain words, whether the thresholds were tuned on validation: a kind with no
    validation page to score keeps the untuned 0.5 (and its second pass untested)."""
    if not passes:
        return "no thresholds: no boilerplate model"
    if validation_pages == 0:
        return (
            "not tuned: the validation split is empty, so every threshold is the untuned 0.5 "
            "and no second pass was tested against the first"
        )
    untuned = sorted(kind for kind, p in passes.items() if not p.get("tuned", True))
    if not untuned:
        return f"tuned on the validation split ({validation_pages} pages)"
    tuned = sorted(set(passes) - set(untuned))
    why = f"no validation {' or '.join(untuned)} page with content labels to score"
    if tuned:
        return (
            f"tuned on the validation split for {', '.join(tuned)}; not for "
            f"{', '.join(untuned)} ({why}), cut at the untuned 0.5"
        )
    return f"not tuned: {why}, so every threshold is the untuned 0.5"


@dataclass
class FittedKind:
    """What ``fit_boilerplate`` fits for one page kind: the first pass, the second pass read
    along the page (None: too few outlets), and the glued-chaff cutter (text only)."""

    first: Pipeline
    second: Any = None
    cutter: Any = None


def fit_boilerplate(kind: str, rows: pd.DataFrame, options: TrainOptions) -> FittedKind:
    """The first-pass pipeline for ``kind``, the second pass fitted on its scores and, for
    text, the glued-chaff cutter.

    ``rows`` are whole pages in page order, unlabelled rows included: they are the neighbours
    the second pass reads. The second pass must learn from scores like those it will get on
    new outlets, so it is fitted on out-of-fold scores, with folds grouped by domain; so is
    the cutter, on glued lines made from each fold's held-out rows. The vectorizers are
    fitted once on all rows (no labels involved) and shared by the folds.
    """
    pipeline = make_boilerplate_pipeline(
        kind,
        alpha=options.boilerplate_alpha,
        min_df=options.min_df,
        max_features=options.max_features,
        seed=options.seed,
    )
    # Every step before the classifier, fitted as scikit-learn fits a pipeline's steps (a
    # slice shares them with ``pipeline``), on all rows; the classifier on the labelled ones.
    features, classifier = pipeline[:-1], pipeline[-1]
    X = features.fit_transform(rows)
    y = rows["label"].to_numpy()
    labelled = y >= 0
    classifier.fit(X[labelled], y[labelled])
    fitted = FittedKind(pipeline)
    groups = rows["domain"].where(rows["domain"] != "", rows["page_id"]).to_numpy()
    folds = options.sequence_folds
    if folds < 2 or len(np.unique(groups[labelled])) < folds:
        return fitted
    margins = np.zeros(len(rows))
    rng = np.random.default_rng(options.seed)
    cut_X, cut_y = [], []
    for fit_rows, held_out in GroupKFold(folds).split(X, groups=groups):
        fit_rows = fit_rows[labelled[fit_rows]]
        if len(np.unique(y[fit_rows])) < 2:
            return fitted
        fold = clone(classifier).fit(X[fit_rows], y[fit_rows])
        margins[held_out] = content_margin(fold, X[held_out])
        if kind == "text":
            examples = cut_examples(
                rows.iloc[held_out],
                lambda frame, fold=fold: content_margin(fold, features.transform(frame)),
                rng,
            )
            cut_X.append(examples[0])
            cut_y.append(examples[1])
    table = sequence_features(rows, margins, rows["page_id"].to_numpy(), markup=kind == "html")
    fitted.second = make_sequence_model(seed=options.seed).fit(table[labelled], y[labelled])
    if cut_y and len(np.unique(np.concatenate(cut_y))) == 2:
        fitted.cutter = make_cutter_model(seed=options.seed).fit(
            np.vstack(cut_X), np.concatenate(cut_y)
        )
    return fitted


CUT_GRID = np.round(np.arange(0.3, 0.951, 0.05), 2)
MAX_FALSE_CUTS = 0.05  # of the article lines that need no cut, the share a cutter may cut


def choose_cut_threshold(cleaner: Cleaner, paragraphs: pd.DataFrame, seed: int = 0) -> dict:
    """The P(seam) above which the text cutter cuts, on glued lines made from the validation
    text pages (outlets the models never saw): the best F1 of glued lines cut exactly at
    their seam among thresholds that cut at most ``MAX_FALSE_CUTS`` of the article lines that
    need no cut.

    Glued lines are a few in a hundred on real pages and most of these, so F1 alone picks a
    cutter that cuts almost half of the article's lines (43% at 0.3 on the default dataset).
    A false cut costs less than it looks, since pieces of one line that are both kept are
    joined again in the output text, but each piece is a chance to drop part of a sentence.
    """
    cutter = cleaner.cutter.get("text")
    paragraphs = paragraphs[paragraphs["kind"] == "text"] if len(paragraphs) else paragraphs
    if cutter is None or len(paragraphs) == 0:
        return {}
    rng = np.random.default_rng(seed)
    X, _, labels, lines = cut_examples(
        paragraphs, lambda frame: cleaner.paragraph_margins(frame, "text"), rng
    )
    if not labels:
        return {}
    proba = cutter.predict_proba(X)[:, 1]
    article = paragraphs["label"].to_numpy()[[line.row for line in lines]] == CONTENT
    examples, at = [], 0
    for line in labels:
        examples.append((X[at : at + len(line)], proba[at : at + len(line)], line))
        at += len(line)
    glued = sum(bool(line.any()) for *_, line in examples)
    whole = sum(a and not line.any() for (*_, line), a in zip(examples, article, strict=True))
    chosen, best = None, (False, -1.0)
    for threshold in CUT_GRID:
        tp = cut = false = 0
        for (rows, p, line), whole_article in zip(examples, article, strict=True):
            picked = best_cuts(np.arange(len(line)), rows, p, threshold)
            if line.any():
                cut += bool(picked)
                tp += picked == [int(np.argmax(line))]
            elif whole_article and picked:
                cut += 1
                false += 1
        precision = tp / cut if cut else 0.0
        recall = tp / glued if glued else 0.0
        f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
        false_share = false / whole if whole else 0.0
        within = false_share <= MAX_FALSE_CUTS
        key = (within, f1 if within else -false_share)
        if chosen is None or key > best:
            chosen, best = float(threshold), key
            scores = {
                "validation_f1": round(f1, 4),
                "precision": round(precision, 4),
                "recall": round(recall, 4),
                "article_lines_cut": round(false_share, 4),
            }
    cleaner.cut_threshold = chosen
    return {"threshold": chosen, **scores, "lines": len(labels)}


def choose_passes(cleaner: Cleaner, paragraphs: pd.DataFrame, pages: pd.DataFrame) -> dict:
    """Keep each kind's second pass only where it beats the first alone on validation, and
    set the thresholds of what is kept: the balanced ones (``thresholds``) and those of
    ``--favor precision`` and ``--favor recall`` (``favor_thresholds``, see ``_tune``). A
    second pass fitted on a handful of outlets can do worse than none; this is model selection
    on validation data, never on test data."""
    margins = paragraph_margins(cleaner, paragraphs)  # the first pass, shared by both choices
    with_second = _tune(cleaner, paragraphs, pages, margins)
    first_only = replace(cleaner, sequence={})
    alone = _tune(first_only, paragraphs, pages, margins) if cleaner.sequence else with_second
    chosen = {}
    for kind, tuned in with_second.items():
        if kind in cleaner.sequence and alone[kind].value > tuned.value:
            del cleaner.sequence[kind]
            tuned = alone[kind]
        chosen[kind] = {
            "threshold": tuned.threshold,
            "validation_f1": round(tuned.value, 4),
            "first_pass_f1": round(alone[kind].value, 4),
            "second_pass": kind in cleaner.sequence,
            # False: no validation page to score, 0.5 kept (``tuning_note`` says so).
            "tuned": tuned.tuned,
            "favors": tuned.favors,
        }
    cleaner.thresholds = {kind: c["threshold"] for kind, c in chosen.items()}
    cleaner.favor_thresholds = {
        favor: {kind: c["favors"][favor]["threshold"] for kind, c in chosen.items()}
        for favor in FAVOR_BETAS
    }
    return chosen


@dataclass
class Tuned:
    """One page kind's cuts chosen on validation: the balanced ``threshold`` with the figure
    it maximises (``value``), and per favor (``balanced``, ``precision``, ``recall``) the
    threshold with the validation page token precision, recall and F1 there."""

    threshold: float
    value: float
    favors: dict[str, dict[str, Any]]
    tuned: bool = True


def _tune(
    cleaner: Cleaner, paragraphs: pd.DataFrame, pages: pd.DataFrame, margins: np.ndarray
) -> dict[str, Tuned]:
    """Per page kind, the P(content) cuts chosen on validation, and their figures.

    Balanced, on ``THRESHOLD_GRID``: for pages with markup, the cut that maximises mean page
    token F1; pages without gold text are scored on their labelled paragraphs (F1 of the kept
    content words), and pages with no content label say nothing about the cut and are left
    out. For text, ``_with_line_objective``.

    The favors, on ``FAVOR_GRID``, for both kinds on the same pages and the same per-page
    token counts as page token F1: ``precision`` the cut that maximises mean page token
    F0.5, ``recall`` the one that maximises mean page token F2 (``FAVOR_BETAS``); of equal
    cuts, the highest for precision and the lowest for recall. For text this is page tokens
    too, not the line objective: the favors trade article words kept against chaff words let
    through, which is what their names promise. A favor never crosses the balanced cut: the
    precision cut is at least it and the recall cut at most it, clipped to it (``clipped``)
    where the F-beta curve says otherwise. A kind with no page to score keeps 0.5 for all.
    """
    tuned = {kind: _untuned() for kind in cleaner.boilerplate}
    if len(paragraphs) == 0:
        return tuned
    scores = score_paragraphs(cleaner, paragraphs, margins)
    gold = {p.id: token_counts(p.gold_text) for p in pages.itertuples() if p.gold_text}
    frame = paragraphs.assign(_score=scores)
    for kind in tuned:
        rows = frame[frame["kind"] == kind]
        if rows.empty:
            continue
        prf = _page_prf(rows, gold)
        if prf is None:
            continue
        curve = _mean_over_pages(prf[2][_ON_BALANCED_GRID])  # mean page token F1
        if kind == "text":
            curve = _with_line_objective(curve, rows[rows["label"] >= 0], _articles(pages))
        best = int(np.argmax(curve))  # the first of equals: the lowest cut
        tuned[kind] = Tuned(
            float(THRESHOLD_GRID[best]),
            float(curve[best]),
            _favor_cuts(prf, float(THRESHOLD_GRID[best])),
        )
    return tuned


def _untuned() -> Tuned:
    unmeasured = {"threshold": 0.5, "precision": None, "recall": None, "f1": None}
    return Tuned(0.5, 0.0, {f: dict(unmeasured) for f in ("balanced", *FAVOR_BETAS)}, False)


def _favor_cuts(prf: np.ndarray, balanced: float) -> dict[str, dict[str, Any]]:
    """The balanced cut and each favor's, with their mean page token precision, recall and
    F1 (and the favor's F-beta), from ``_page_prf``'s figures on ``FAVOR_GRID``."""
    precision, recall, f1 = (_mean_over_pages(m) for m in prf)
    at = int(np.flatnonzero(FAVOR_GRID == balanced)[0])

    def figures(k: int) -> dict[str, Any]:
        return {
            "threshold": float(FAVOR_GRID[k]),
            "precision": round(float(precision[k]), 4),
            "recall": round(float(recall[k]), 4),
            "f1": round(float(f1[k]), 4),
        }

    out = {"balanced": figures(at)}
    for favor, beta in FAVOR_BETAS.items():
        curve = _mean_over_pages(_f_beta(prf[0], prf[1], beta))
        if favor == "precision":  # the last of equals: the highest cut
            k = max(len(curve) - 1 - int(np.argmax(curve[::-1])), at)
        else:  # the first of equals: the lowest cut
            k = min(int(np.argmax(curve)), at)
        out[favor] = {
            **figures(k),
            f"f{beta:g}": round(float(curve[k]), 4),
            "clipped": bool(curve[k] < curve.max()),  # its best lies across the balanced cut
        }
    return out


def _f_beta(precision: np.ndarray, recall: np.ndarray, beta: float) -> np.ndarray:
    b2 = beta * beta
    denominator = b2 * precision + recall
    safe = np.where(denominator > 0, denominator, 1.0)
    return np.where(denominator > 0, (1 + b2) * precision * recall / safe, 0.0)


def _mean_over_pages(values: np.ndarray) -> np.ndarray:
    """Each row's mean (one row a cut, one column a page), row by row as one array each, so
    the sums are made in the same order as ``np.mean`` of that row's list."""
    return np.asarray([np.mean(row) for row in values])


def _page_prf(rows: pd.DataFrame, gold: dict) -> np.ndarray | None:
    """Page token precision, recall and F1 of each of ``rows``' pages at each cut of
    ``FAVOR_GRID``: shape (3, cuts, pages); None when no page can be scored."""
    per_page = []
    for page_id, group in rows.groupby("page_id", sort=False):
        reference = gold.get(page_id)
        if reference is None:  # no gold text: scored on its labelled paragraphs only
            group = group[group["label"] >= 0]
        counts = [token_counts(t) for t in group["text"]]
        if reference is None:
            reference = Counter()
            for c, label in zip(counts, group["label"], strict=True):
                if label == 1:
                    reference.update(c)
            if not reference:  # nothing known to be content (topic-only or snippet pages):
                continue  # keeping nothing would score best, which says nothing
        per_page.append((counts, group["_score"].to_numpy(), reference))
    if not per_page:
        return None
    figures = np.asarray(
        [
            [_page_tokens_prf(c, s >= threshold, ref) for c, s, ref in per_page]
            for threshold in FAVOR_GRID
        ]
    )  # (cuts, pages, 3)
    return np.ascontiguousarray(figures.transpose(2, 0, 1))


MAX_CONTENT_LOST = 0.01
EXTRACTED_MAX_CHAFF = 0.3
PAGE_F1_SLACK = 0.01


def _articles(pages: pd.DataFrame) -> set[str] | None:
    """The ids of the pages their source calls articles, or None when it names no genres."""
    if "genre" not in pages or not (pages["genre"] == "article").any():
        return None
    return set(pages.loc[pages["genre"] == "article", "id"])


def _with_line_objective(
    page_f1: np.ndarray, rows: pd.DataFrame, articles: set[str] | None = None
) -> np.ndarray:
    """For text, at each cut: the boilerplate-line F1 on pages an extractor has already
    cleaned (at most ``EXTRACTED_MAX_CHAFF`` of their labelled lines chaff; articles only,
    where the dataset says which pages are, as winnow is for news), among the cuts that lose
    at most ``MAX_CONTENT_LOST`` of those pages' article characters and keep mean page
    token F1 within ``PAGE_F1_SLACK`` of its best; page token F1 alone where no cut (or no
    such page) qualifies.

    Text arrives either as whole pages, where page token F1 says how well the article was
    found, or as an extractor's output, a few chaff lines among long article lines: there a
    "Sign up" line hardly moves page token F1, and page F1 alone chose a cut that removed a
    fifth of such chaff on validation (line F1 0.21 at 0.16% of the article lost).
    """
    chaff_share = (rows["label"] == 0).groupby(rows["page_id"]).transform("mean")
    extracted = rows[chaff_share.to_numpy() <= EXTRACTED_MAX_CHAFF]
    if articles is not None:
        extracted = extracted[extracted["page_id"].isin(articles)]
    if extracted.empty or not (extracted["label"] == 0).any():
        return page_f1
    scores = extracted["_score"].to_numpy()
    chaff = (extracted["label"] == 0).to_numpy()
    chars = extracted["text"].str.len().to_numpy(dtype=np.float64)
    content_chars = chars[~chaff].sum() or 1.0
    line_f1, lost = np.zeros(len(THRESHOLD_GRID)), np.zeros(len(THRESHOLD_GRID))
    for k, threshold in enumerate(THRESHOLD_GRID):
        removed = scores < threshold
        tp = int((removed & chaff).sum())
        precision = tp / removed.sum() if removed.any() else 0.0
        recall = tp / chaff.sum()
        line_f1[k] = 2 * precision * recall / (precision + recall) if tp else 0.0
        lost[k] = chars[removed & ~chaff].sum() / content_chars
    allowed = (lost <= MAX_CONTENT_LOST) & (page_f1 >= page_f1.max() - PAGE_F1_SLACK)
    return np.where(allowed, line_f1, -1.0) if allowed.any() else page_f1


def _page_tokens_prf(counts, keep, reference) -> tuple[float, float, float]:
    kept = Counter()
    for c, k in zip(counts, keep, strict=True):
        if k:
            kept.update(c)
    return token_prf(kept, reference)


def train_run(
    dataset: str | os.PathLike,
    out: str | os.PathLike,
    options: TrainOptions | None = None,
    *,
    overwrite: bool = False,
    progress: Callable[[str], None] | None = None,
) -> tuple[Path, dict[str, Any]]:
    """Fit, evaluate on validation and test, and save the artifact with its card and the
    test split's report. ``progress`` is called with each of ``STAGES`` as it starts."""
    options = options or TrainOptions()
    stage = progress or (lambda name: None)
    data_manifest = read_manifest(dataset)
    cleaner, info = fit_cleaner(dataset, options, stage=stage)
    stage("scoring validation")
    metrics = {"validation": evaluate_split(cleaner, dataset, "validation")}
    stage("scoring test")
    scored = score_split(cleaner, dataset, "test")
    metrics["test"] = split_metrics(scored)
    stage("drawing the report")
    # The model card is the artifact's Markdown: no report.md beside it.
    report = report_files(
        scored, metrics["test"], title="test split", dataset=str(dataset), markdown=False
    )
    manifest_info = {
        "dataset": {
            "path": str(dataset),
            "fingerprint": data_manifest.get("fingerprint"),
            "splits": {k: v["pages"] for k, v in data_manifest.get("splits", {}).items()},
            # How each source's topic labels were folded into the taxonomy the model predicts.
            "label_map": (data_manifest.get("options") or {}).get("label_map") or {},
            # Training pages whose topic came from their URL's section (weak labels), by topic.
            "url_topics": (data_manifest.get("splits") or {}).get("train", {}).get("url_topics")
            or {},
        },
        "options": asdict(options),
        **info,
    }
    card = model_card(
        manifest_info,
        metrics,
        cleaner,
        data_manifest=data_manifest,
        plots=sorted(n for n in report if n.endswith(".png")),
    )
    files = {
        "metrics.json": (json.dumps(metrics, indent=2) + "\n").encode(),
        "README.md": card.encode(),
        **report,
    }
    stage("saving")
    path = save_artifact(
        out,
        cleaner,
        info=manifest_info,
        extra_files={name: partial(Path.write_bytes, data=data) for name, data in files.items()},
        overwrite=overwrite,
    )
    return path, metrics
