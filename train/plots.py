"""The report's plots as PNG bytes, drawn from ``figures.json`` values only.

Figures are built with matplotlib's object API on the Agg canvas: no display, no pyplot
global state, so a report can be drawn from a worker process or a headless CI job.
"""

from __future__ import annotations

import io
from typing import Any

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

DPI = 110
KIND_COLOURS = {"html": "#1f6f8b", "text": "#c0392b"}


def plots(figures: dict[str, Any]) -> dict[str, bytes]:
    """File name -> PNG for every plot the figures support."""
    out: dict[str, bytes] = {}
    if figures.get("precision_recall"):
        out["precision_recall.png"] = precision_recall_png(figures["precision_recall"])
    if "paragraph_confusion" in figures:
        c = figures["paragraph_confusion"]
        out["paragraph_confusion.png"] = confusion_png(
            c["matrix"], c["labels"], "Paragraphs (rows: true, columns: predicted)"
        )
    topic = figures.get("topic")
    if topic:
        out["topic_confusion.png"] = confusion_png(
            topic["confusion"], topic["labels"], "Topics (rows: true, columns: predicted)"
        )
        out["reliability.png"] = reliability_png(topic["reliability"])
    return out


def precision_recall_png(curves: dict[str, dict[str, Any]]) -> bytes:
    fig = Figure(figsize=(5.2, 4.2), dpi=DPI)
    ax = fig.add_subplot()
    for kind, curve in sorted(curves.items()):
        colour = KIND_COLOURS.get(kind, "#555555")
        if curve["recall"]:
            ax.plot(curve["recall"], curve["precision"], color=colour, label=f"{kind} pages")
        point = curve["at_threshold"]
        ax.plot(
            point["recall"],
            point["precision"],
            "o",
            color=colour,
            markersize=8,
            markeredgecolor="black",
            label=f"{kind}: threshold {point['threshold']:g}",
        )
    ax.set(xlabel="recall (content)", ylabel="precision (content)", xlim=(0, 1.01), ylim=(0, 1.01))
    ax.set_title("Content paragraphs: precision against recall")
    ax.grid(alpha=0.3)
    ax.legend(loc="lower left", fontsize=8)
    return _png(fig)


def confusion_png(matrix: list[list[int]], labels: list[str], title: str) -> bytes:
    m = np.asarray(matrix, dtype=float)
    size = min(7.0, max(3.6, 0.45 * len(labels) + 2.4))
    fig = Figure(figsize=(size + 0.8, size), dpi=DPI)
    ax = fig.add_subplot()
    # Colour by each true class's share, so rare classes' errors show; print the counts.
    share = m / np.maximum(m.sum(axis=1, keepdims=True), 1)
    ax.imshow(share, cmap="Blues", vmin=0, vmax=1)
    for i in range(len(labels)):
        for j in range(len(labels)):
            ax.text(
                j,
                i,
                f"{int(m[i, j])}",
                ha="center",
                va="center",
                fontsize=8,
                color="white" if share[i, j] > 0.6 else "black",
            )
    ax.set_xticks(range(len(labels)), labels, rotation=45, ha="right", fontsize=8)
    ax.set_yticks(range(len(labels)), labels, fontsize=8)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    ax.set_title(title, fontsize=9)
    fig.tight_layout()
    return _png(fig)


def reliability_png(reliability: dict[str, Any]) -> bytes:
    fig = Figure(figsize=(5.2, 4.2), dpi=DPI)
    ax = fig.add_subplot()
    bins = reliability["bins"]
    ax.plot([0, 1], [0, 1], "--", color="grey", label="perfect calibration")
    if bins:
        centres = [(b["low"] + b["high"]) / 2 for b in bins]
        width = bins[0]["high"] - bins[0]["low"]
        ax.bar(
            centres,
            [b["accuracy"] for b in bins],
            width=width * 0.9,
            color="#1f6f8b",
            alpha=0.75,
            label="accuracy in bin",
        )
        ax.plot(
            [b["confidence"] for b in bins],
            [b["accuracy"] for b in bins],
            "o",
            color="black",
            markersize=4,
            label="mean confidence",
        )
    ax.set(xlabel="topic probability", ylabel="share right", xlim=(0, 1), ylim=(0, 1.01))
    ax.set_title(f"Topic reliability (calibration error {reliability['ece']})")
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left", fontsize=8)
    return _png(fig)


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    FigureCanvasAgg(fig).print_png(buffer)
    return buffer.getvalue()
