"""Two models on the same split: where they disagree, and which of them is right there.

Before shipping a retrained model an engineer wants more than two F1 figures: the paragraphs
the new model labels differently, how many of those it gets right, and the pages where the
change helps or hurts most.
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np

from winnow.models.cleaner import Cleaner
from winnow.train.dataset import load_frame
from winnow.train.evaluate import keep_paragraphs, kept_texts
from winnow.train.labels import CONTENT
from winnow.train.metrics import token_prf

WORST = 10  # pages listed each way, disagreements shown each way


def diff_models(
    a: Cleaner, b: Cleaner, dataset: str | os.PathLike, split: str = "test"
) -> dict[str, Any]:
    """Paragraph disagreements (with who is right, where labels exist) and page token F1 per
    page for models ``a`` and ``b`` on one split; topics too when both have a topic model."""
    paragraphs = load_frame(dataset, "paragraphs", split)
    pages = load_frame(dataset, "pages", split)
    keep_a, keep_b = keep_paragraphs(a, paragraphs), keep_paragraphs(b, paragraphs)
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
    }
    texts_a, texts_b = kept_texts(paragraphs, keep_a), kept_texts(paragraphs, keep_b)
    rows = []
    for page in pages[pages["gold_text"] != ""].itertuples():
        f_a = token_prf(texts_a.get(page.id, ""), page.gold_text)[2]
        f_b = token_prf(texts_b.get(page.id, ""), page.gold_text)[2]
        rows.append({"page": page.id, "domain": page.domain, "a_f1": f_a, "b_f1": f_b})
    if rows:
        change = np.array([r["b_f1"] - r["a_f1"] for r in rows])
        order = np.argsort(change)
        result["pages"] = {
            "with_gold": len(rows),
            "a_f1": round(float(np.mean([r["a_f1"] for r in rows])), 4),
            "b_f1": round(float(np.mean([r["b_f1"] for r in rows])), 4),
            "b_better": int((change > 1e-9).sum()),
            "a_better": int((change < -1e-9).sum()),
            "b_worst": [_rounded(rows[i]) for i in order[:WORST] if change[i] < -1e-9],
            "b_best": [_rounded(rows[i]) for i in order[::-1][:WORST] if change[i] > 1e-9],
        }
    topic_pages = pages[pages["topic"] != ""]
    if a.topic is not None and b.topic is not None and len(topic_pages):
        texts = topic_pages["content_text"].tolist()
        truth_topics = topic_pages["topic"].to_numpy()
        pred_a = np.asarray(a.topic.predict(texts)).astype(str)
        pred_b = np.asarray(b.topic.predict(texts)).astype(str)
        other = pred_a != pred_b
        result["topics"] = {
            "pages": int(len(topic_pages)),
            "disagree": int(other.sum()),
            "a_right": int((other & (pred_a == truth_topics)).sum()),
            "b_right": int((other & (pred_b == truth_topics)).sum()),
        }
    return result


def _examples(paragraphs, chosen: np.ndarray, keep: np.ndarray) -> list[dict]:
    rows = np.flatnonzero(chosen)[:WORST]
    return [
        {
            "page": str(paragraphs["page_id"].iloc[i]),
            "text": str(paragraphs["text"].iloc[i])[:300],
            "right_label": "content" if keep[i] else "boilerplate",
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
        lines += [
            "",
            f"Topics: {topics['pages']} pages, {topics['disagree']} disagreements; A right on "
            f"{topics['a_right']}, B right on {topics['b_right']}.",
        ]
    for who in ("a", "b"):
        examples = result["examples"][f"{who}_right"]
        if examples:
            lines += ["", f"Paragraphs where only {who.upper()} is right:", ""]
            lines += [f"- `{e['page']}` ({e['right_label']}): {e['text']}" for e in examples]
    return "\n".join(lines) + "\n"
