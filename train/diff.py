"""Two models on the same split: where they disagree, and which of them is right there.

Before shipping a retrained model an engineer wants more than two F1 figures: the paragraphs
the new model labels differently, how many of those it gets right, and the pages where the
change helps or hurts most.
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np

from winnow.features.vocabulary import BOILERPLATE, CONTENT, LABEL_NAMES
from winnow.models.cleaner import Cleaner
from winnow.train.evaluate import require_split, score_split, split_metrics
from winnow.train.gates import compared_figures
from winnow.train.scored import ScoredSplit

WORST = 10  # pages listed each way, disagreements shown each way


def diff_models(
    a: Cleaner, b: Cleaner, dataset: str | os.PathLike, split: str = "test"
) -> dict[str, Any]:
    """Paragraph disagreements (with who is right, where labels exist) and page token F1 per
    page for models ``a`` and ``b`` on one split; topics too when both have a topic model.

    Both are scored by ``evaluate.score_split``, so every figure here is the one
    ``winnow evaluate`` reports; ``compared`` holds those ``diff --fail-if-worse`` checks.
    """
    require_split(dataset, split)
    scored_a, scored_b = score_split(a, dataset, split), score_split(b, dataset, split)
    metrics_a, metrics_b = split_metrics(scored_a), split_metrics(scored_b)
    paragraphs = scored_a.paragraphs
    keep_a = paragraphs["keep"].to_numpy()
    keep_b = scored_b.paragraphs["keep"].to_numpy()
    differ = keep_a != keep_b
    labels = paragraphs["label"].to_numpy()
    labelled = labels >= 0
    truth = labels == CONTENT
    a_right = differ & labelled & (keep_a == truth)
    b_right = differ & labelled & (keep_b == truth)
    result: dict[str, Any] = {
        "split": split,
        "paragraphs": int(len(paragraphs)),
        "disagree": int(differ.sum()),
        "disagree_labelled": int((differ & labelled).sum()),
        "a_right": int(a_right.sum()),
        "b_right": int(b_right.sum()),
        "examples": {
            "a_right": _examples(paragraphs, a_right, keep_a),
            "b_right": _examples(paragraphs, b_right, keep_b),
        },
        "compared": compared_figures(metrics_a, metrics_b),
    }
    pages = _page_changes(scored_a, scored_b, metrics_a, metrics_b)
    if pages:
        result["pages"] = pages
    topics = _topic_changes(scored_a, scored_b)
    if topics:
        result["topics"] = topics
    return result


def _page_changes(
    scored_a: ScoredSplit, scored_b: ScoredSplit, metrics_a: dict, metrics_b: dict
) -> dict[str, Any] | None:
    """Page token F1 page by page, as ``score_split`` measured it, with the means
    ``split_metrics`` reports; None when no page has gold text."""
    gold = scored_a.pages["f1"].notna().to_numpy()
    if not gold.any():
        return None
    frame = scored_a.pages[gold]
    f_a, f_b = frame["f1"].to_numpy(), scored_b.pages["f1"].to_numpy()[gold]
    rows = [
        {"page": page, "domain": domain, "a_f1": float(x), "b_f1": float(y)}
        for page, domain, x, y in zip(frame["id"], frame["domain"], f_a, f_b, strict=True)
    ]
    change = f_b - f_a
    order = np.argsort(change, kind="stable")
    return {
        "with_gold": len(rows),
        "a_f1": metrics_a["page_tokens"]["f1"],
        "b_f1": metrics_b["page_tokens"]["f1"],
        "b_better": int((change > 1e-9).sum()),
        "a_better": int((change < -1e-9).sum()),
        "b_worst": [_rounded(rows[i]) for i in order[:WORST] if change[i] < -1e-9],
        "b_best": [_rounded(rows[i]) for i in order[::-1][:WORST] if change[i] > 1e-9],
    }


def _topic_changes(scored_a: ScoredSplit, scored_b: ScoredSplit) -> dict[str, Any] | None:
    if scored_a.topic is None or scored_b.topic is None:
        return None
    truth = np.asarray(scored_a.topic.truth)
    pred_a, pred_b = scored_a.topic.predicted, scored_b.topic.predicted
    other = pred_a != pred_b
    return {
        "pages": int(len(truth)),
        "disagree": int(other.sum()),
        "a_right": int((other & (pred_a == truth)).sum()),
        "b_right": int((other & (pred_b == truth)).sum()),
    }


def _examples(paragraphs, chosen: np.ndarray, keep: np.ndarray) -> list[dict]:
    rows = np.flatnonzero(chosen)[:WORST]
    return [
        {
            "page": str(paragraphs["page_id"].iloc[i]),
            "text": str(paragraphs["text"].iloc[i])[:300],
            "right_label": LABEL_NAMES[CONTENT if keep[i] else BOILERPLATE],
        }
        for i in rows
    ]


def _rounded(row: dict) -> dict:
    return {**row, "a_f1": round(row["a_f1"], 4), "b_f1": round(row["b_f1"], 4)}


def diff_report(result: dict[str, Any], name_a: str, name_b: str) -> str:
    """The comparison as Markdown."""
    lines = [
        f"# {name_a} (A) against {name_b} (B), split `{result['split']}`",
        "",
        f"Paragraphs: {result['paragraphs']}; labelled differently: {result['disagree']}, "
        f"of which {result['disagree_labelled']} carry a label: A right on {result['a_right']}, "
        f"B right on {result['b_right']}.",
    ]
    pages = result.get("pages")
    if pages:
        lines += [
            "",
            f"Pages with gold: {pages['with_gold']}; mean page token F1 A {pages['a_f1']}, "
            f"B {pages['b_f1']}; B better on {pages['b_better']}, A better on "
            f"{pages['a_better']}.",
            "",
            "| where B loses most | domain | A F1 | B F1 |",
            "|---|---|---|---|",
            *(
                f"| {r['page']} | {r['domain']} | {r['a_f1']} | {r['b_f1']} |"
                for r in pages["b_worst"]
            ),
            "",
            "| where B gains most | domain | A F1 | B F1 |",
            "|---|---|---|---|",
            *(
                f"| {r['page']} | {r['domain']} | {r['a_f1']} | {r['b_f1']} |"
                for r in pages["b_best"]
            ),
        ]
    topics = result.get("topics")
    if topics:
        accuracy = result["compared"]["topic_accuracy"]
        lines += [
            "",
            f"Topics: {topics['pages']} pages, accuracy A {accuracy['a']}, "
            f"B {accuracy['b']}; {topics['disagree']} disagreements, A right on "
            f"{topics['a_right']}, B right on {topics['b_right']}.",
        ]
    for who in ("a", "b"):
        examples = result["examples"][f"{who}_right"]
        if examples:
            lines += ["", f"Paragraphs where only {who.upper()} is right:", ""]
            lines += [f"- `{e['page']}` ({e['right_label']}): {e['text']}" for e in examples]
    return "\n".join(lines) + "\n"
