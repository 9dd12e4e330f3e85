"""``winnow train``: fit both classifiers on a built dataset and save them as an artifact."""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from winnow.models.artifact import save_artifact
from winnow.models.cleaner import Cleaner
from winnow.models.pipelines import make_boilerplate_pipeline, make_topic_pipeline
from winnow.train.dataset import load_frame, read_manifest
from winnow.train.evaluate import evaluate_split, score_paragraphs
from winnow.train.metrics import token_counts, token_prf

THRESHOLD_GRID = np.round(np.arange(0.05, 0.951, 0.05), 2)


@dataclass
class TrainOptions:
    """Hyperparameters and the seed; all recorded in the artifact's manifest."""

    seed: int = 0
    boilerplate_alpha: float = 1e-5
    topic_C: float = 10.0
    min_df: int = 2
    max_features: int = 200_000  # per n-gram vectorizer; smaller makes smaller artifacts
    topic_threshold: float = 0.0


def fit_cleaner(dataset: str | os.PathLike, options: TrainOptions) -> tuple[Cleaner, dict]:
    """Fit the boilerplate models per page kind and the topic model; tune thresholds."""
    train = load_frame(dataset, "paragraphs", "train")
    labelled = train[train["label"] >= 0]
    if labelled["label"].nunique() < 2:
        raise ValueError("the training split needs both content and boilerplate paragraphs")
    y = labelled["label"].to_numpy()
    boilerplate = {}
    timings = {}

    def fit_kind(kind: str, rows: pd.DataFrame) -> None:
        start = time.perf_counter()
        boilerplate[kind] = make_boilerplate_pipeline(
            kind,
            alpha=options.boilerplate_alpha,
            min_df=options.min_df,
            max_features=options.max_features,
            seed=options.seed,
        ).fit(rows, rows["label"].to_numpy())
        timings[f"boilerplate_{kind}"] = round(time.perf_counter() - start, 2)

    # The text model learns from every paragraph, since markup pages' text is text too.
    fit_kind("text", labelled)
    html = labelled[labelled["kind"] == "html"]
    if html["label"].nunique() == 2:
        fit_kind("html", html)

    topic = None
    pages = load_frame(dataset, "pages", "train")
    pages = pages[(pages["topic"] != "") & (pages["content_text"].str.strip() != "")]
    if pages["topic"].nunique() >= 2:
        start = time.perf_counter()
        topic = make_topic_pipeline(
            C=options.topic_C, min_df=1, max_features=options.max_features, seed=options.seed
        ).fit(pages["content_text"].tolist(), pages["topic"].tolist())
        timings["topic"] = round(time.perf_counter() - start, 2)

    cleaner = Cleaner(boilerplate=boilerplate, topic=topic, topic_threshold=options.topic_threshold)
    validation = load_frame(dataset, "paragraphs", "validation")
    val_pages = load_frame(dataset, "pages", "validation")
    cleaner.thresholds = tune_thresholds(cleaner, validation, val_pages)
    info = {
        "training": {
            "paragraphs": int(len(labelled)),
            "labels": {str(k): int(v) for k, v in Counter(y.tolist()).items()},
            "topic_pages": int(len(pages)),
            "topics": {
                str(k): int(v) for k, v in pages["topic"].value_counts().sort_index().items()
            },
            "seconds": timings,
        }
    }
    return cleaner, info


def tune_thresholds(
    cleaner: Cleaner, paragraphs: pd.DataFrame, pages: pd.DataFrame
) -> dict[str, float]:
    """Per page kind, the P(content) cut that maximises mean page token F1 on validation.

    Pages without gold text fall back to paragraph labels (F1 of kept content words).
    """
    thresholds = {kind: 0.5 for kind in cleaner.boilerplate}
    if len(paragraphs) == 0:
        return thresholds
    scores = score_paragraphs(cleaner, paragraphs)
    gold = {p.id: token_counts(p.gold_text) for p in pages.itertuples() if p.gold_text}
    frame = paragraphs.assign(_score=scores)
    for kind in thresholds:
        rows = frame[frame["kind"] == kind]
        if rows.empty:
            continue
        per_page = []
        for page_id, group in rows.groupby("page_id", sort=False):
            counts = [token_counts(t) for t in group["text"]]
            reference = gold.get(page_id)
            if reference is None:  # no gold text: the words of the labelled content
                reference = Counter()
                for c, label in zip(counts, group["label"], strict=True):
                    if label == 1:
                        reference.update(c)
            per_page.append((counts, group["_score"].to_numpy(), reference))
        best, best_value = 0.5, -1.0
        for threshold in THRESHOLD_GRID:
            value = np.mean([_page_f1(c, s >= threshold, ref) for c, s, ref in per_page])
            if value > best_value + 1e-9:
                best, best_value = float(threshold), float(value)
        thresholds[kind] = best
    return thresholds


def _page_f1(counts, keep, reference) -> float:
    kept = Counter()
    for c, k in zip(counts, keep, strict=True):
        if k:
            kept.update(c)
    return token_prf(kept, reference)[2]


def train_run(
    dataset: str | os.PathLike,
    out: str | os.PathLike,
    options: TrainOptions | None = None,
    *,
    overwrite: bool = False,
) -> tuple[Path, dict[str, Any]]:
    """Fit, evaluate on validation and test, and save the artifact with its card."""
    options = options or TrainOptions()
    data_manifest = read_manifest(dataset)
    cleaner, info = fit_cleaner(dataset, options)
    metrics = {split: evaluate_split(cleaner, dataset, split) for split in ("validation", "test")}
    manifest_info = {
        "dataset": {
            "path": str(dataset),
            "fingerprint": data_manifest.get("fingerprint"),
            "splits": {k: v["pages"] for k, v in data_manifest.get("splits", {}).items()},
        },
        "options": asdict(options),
        **info,
    }
    card = model_card(manifest_info, metrics, cleaner)
    path = save_artifact(
        out,
        cleaner,
        info=manifest_info,
        extra_files={
            "metrics.json": lambda p: p.write_text(json.dumps(metrics, indent=2) + "\n"),
            "README.md": lambda p: p.write_text(card),
        },
        overwrite=overwrite,
    )
    return path, metrics


def model_card(info: dict[str, Any], metrics: dict[str, Any], cleaner: Cleaner) -> str:
    """The artifact's README: what it was trained on, how well it does, what it is for."""
    train = info["training"]
    lines = [
        "# winnow model",
        "",
        "Separates article text from boilerplate on scraped news pages and labels the topic.",
        "",
        "## Training data",
        "",
        f"Dataset `{info['dataset']['path']}`, fingerprint `{info['dataset']['fingerprint']}`, "
        f"pages per split {info['dataset']['splits']}.",
        f"Boilerplate model: {train['paragraphs']} labelled paragraphs "
        f"(content {train['labels'].get('1', 0)}, boilerplate {train['labels'].get('0', 0)}).",
        f"Topic model: {train['topic_pages']} pages; topics {train['topics'] or 'none'}.",
        "",
        "## Parameters",
        "",
        f"Options {info['options']}; thresholds on P(content) {cleaner.thresholds} "
        "(tuned on the validation split).",
        "",
        "## Metrics",
        "",
        "| split | paragraph boilerplate F1 | page token F1 | keep-everything F1 | topic accuracy |",
        "|---|---|---|---|---|",
    ]
    for split, m in metrics.items():
        para = (m.get("paragraph") or {}).get("boilerplate", {}).get("f1", "")
        tok = m.get("page_tokens") or {}
        topic = ((m.get("topic") or {}).get("article_text") or {}).get("accuracy", "")
        lines.append(
            f"| {split} | {para} | {tok.get('f1', '')} | {tok.get('keep_all_f1', '')} | {topic} |"
        )
    lines += [
        "",
        "## Intended use and limits",
        "",
        "Batch cleaning of scraped news pages like those it was trained on. Outlets whose "
        "markup or chaff differ from the training data will score lower; retrain with "
        "`winnow build` and `winnow train` on labelled pages from them. Topics outside "
        "the trained label set are mapped to the nearest trained topic unless a topic "
        "threshold is set.",
    ]
    return "\n".join(lines) + "\n"
