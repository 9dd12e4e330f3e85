"""Page-level token F1 of a winnow model and of trafilatura on the same held-out pages.

The pages are the chosen split of a dataset built by `winnow build` (by default the test split
of the one `make default-model` builds): their HTML is read again from the dataset's sources,
run through `winnow predict`'s code path and through trafilatura, and scored against the gold
article text with the WCXB metric (lowercased \\w+ tokens, multiset overlap, macro-averaged over
pages, an empty output scores 0). Speed is pages per second of wall time on one core.

    python bench/heldout.py --dataset data/built/default --model models/default
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

from winnow.features.readers import read_pages
from winnow.features.segment import segment_html
from winnow.models.artifact import load_artifact
from winnow.train.dataset import load_frame
from winnow.train.metrics import token_prf


def heldout_pages(dataset: Path, split: str):
    """The split's HTML pages with gold, read again from the dataset's sources."""
    manifest = json.loads((dataset / "manifest.json").read_text())
    table = load_frame(dataset, "pages", split)
    wanted = {
        row.id: row.gold_text
        for row in table.itertuples()
        if row.kind == "html" and row.gold_text and "#" not in row.id
    }
    sources = [s["path"] for s in manifest["sources"] if not s["path"].startswith("hf:")]
    pages = []
    for page in read_pages(sources):
        if page.id in wanted and page.html is not None and not page.error:
            pages.append(page)
    return pages, wanted


def group_of(page) -> str:
    return str(page.meta.get("dataset") or page.id.split("/", 1)[0])


def run(args) -> str:
    pages, gold = heldout_pages(Path(args.dataset), args.split)
    if args.limit:
        pages = pages[: args.limit]
    cleaner = load_artifact(args.model)
    outputs: dict[str, list[str]] = {}
    seconds: dict[str, float] = {}

    start = time.perf_counter()
    outputs["winnow"] = [r["text"] for r in cleaner.predict(pages)]
    seconds["winnow"] = time.perf_counter() - start

    start = time.perf_counter()
    outputs["all visible text"] = ["\n".join(p.text for p in segment_html(pg.html)) for pg in pages]
    seconds["all visible text"] = time.perf_counter() - start

    try:
        import trafilatura

        for name, kwargs in (
            ("trafilatura", {}),
            ("trafilatura, favor_precision", {"favor_precision": True}),
        ):
            start = time.perf_counter()
            outputs[name] = [
                trafilatura.extract(p.html, include_comments=False, **kwargs) or "" for p in pages
            ]
            seconds[name] = time.perf_counter() - start
    except ImportError:
        print("trafilatura is not installed (pip install 'winnow-news[render]'); skipping it")

    groups = sorted({group_of(p) for p in pages})
    scores: dict[str, dict[str, list[float]]] = {t: defaultdict(list) for t in outputs}
    for tool, texts in outputs.items():
        for page, text in zip(pages, texts, strict=True):
            f1 = token_prf(text, gold[page.id])[2]
            scores[tool][group_of(page)].append(f1)
            scores[tool]["all"].append(f1)

    def mean(values):
        return sum(values) / len(values) if values else float("nan")

    counts = {g: len(scores["winnow"][g]) for g in groups}
    header = "| tool | " + " | ".join(f"{g} ({counts[g]})" for g in groups) + " | all | pages/s |"
    lines = [
        f"Held-out pages: split `{args.split}` of `{args.dataset}`, model `{args.model}`; "
        "page token F1 (macro over pages).",
        "",
        header,
        "|" + "---|" * (len(groups) + 3),
    ]
    for tool in outputs:
        cells = [f"{mean(scores[tool][g]):.3f}" for g in groups]
        speed = len(pages) / seconds[tool] if seconds[tool] else float("nan")
        lines.append(
            f"| {tool} | "
            + " | ".join(cells)
            + f" | {mean(scores[tool]['all']):.3f} | {speed:.1f} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", default="data/built/default")
    parser.add_argument("--model", default="models/default")
    parser.add_argument("--split", default="test")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N pages")
    parser.add_argument("--out", help="also write the Markdown table here")
    args = parser.parse_args()
    table = run(args)
    print(table)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(table)


if __name__ == "__main__":
    main()
