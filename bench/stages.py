"""Where a page's time goes: CPU milliseconds per page for each stage of one page kind's path
through a model, on pages of a built dataset's split read back from their source files:
HTML pages (``--kind html``) or labelled text pages such as extractor output (``--kind text``).

    OMP_NUM_THREADS=1 python bench/stages.py --dataset data/built/default \\
        --pages ../shared/data/boilerplate --model models/default --limit 300
    OMP_NUM_THREADS=1 python bench/stages.py --dataset data/built/default --kind text \\
        --pages ../shared/data/scraped_text --model models/default --limit 300
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from winnow.features.readers import read_pages  # noqa: E402
from winnow.models.artifact import load_artifact  # noqa: E402
from winnow.models.cleaner import Window  # noqa: E402
from winnow.train.dataset import load_frame  # noqa: E402


def profile(
    dataset: str, sources: list[str], model: str, split: str, limit: int, kind: str = "html"
) -> dict:
    """Stage name -> CPU ms per page, and the end-to-end ``Cleaner.predict`` figure."""
    cleaner = load_artifact(model)
    frame = load_frame(dataset, "pages", split)
    wanted = set(frame[(frame["kind"] == kind) & frame["has_labels"]]["id"].head(limit))
    pages = [p for p in read_pages(sources) if p.id in wanted]
    if not pages:
        raise SystemExit(f"none of the {split} {kind} pages of {dataset} is in {sources}")
    cpu: dict[str, float] = {}

    def clock(name, fn):
        start = time.process_time()
        result = fn()
        cpu[name] = cpu.get(name, 0.0) + time.process_time() - start
        return result

    window = clock("segment and table (core)", lambda: Window.segment(pages, 0, 0.0))
    clock("outlet repetition", window.fill_outlet)
    if kind == "text" and "text" in cleaner.cutter:
        clock("glued-chaff cutter", lambda: cleaner._cut_glued(window))
    table = window.table
    pipeline = cleaner.boilerplate[cleaner._kind(kind)]
    features, classifier = pipeline.steps[0][1], pipeline.steps[-1][1]
    for name, transformer, columns in features.transformers_:
        if not isinstance(transformer, str):  # "drop" and "passthrough" cost nothing
            clock(f"features: {name}", lambda t=transformer, c=columns: t.transform(table[c]))
    X = features.transform(table)
    margins = clock("first pass", lambda: classifier.decision_function(X))
    keys = np.repeat(np.arange(len(pages)), np.diff(window.offsets))
    clock("second pass", lambda: cleaner.scores_from_margins(table, margins, kind, keys))
    start = time.process_time()
    records = list(cleaner.predict(pages))
    end_to_end = time.process_time() - start
    texts = [r["text"] for r in records if r["text"]]
    if cleaner.topic is not None:
        clock("topic model", lambda: cleaner.topic.predict_proba(texts))
    n = len(pages)
    result = {name: round(seconds / n * 1000, 2) for name, seconds in cpu.items()}
    result["end to end (Cleaner.predict)"] = round(end_to_end / n * 1000, 2)
    result["pages"] = n
    result["paragraphs per page"] = round(len(table) / n, 1)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", required=True)
    parser.add_argument("--pages", nargs="+", required=True, help="the dataset's source files")
    parser.add_argument("--model", default="models/default")
    parser.add_argument("--split", default="validation")
    parser.add_argument("--kind", choices=("html", "text"), default="html")
    parser.add_argument("--limit", type=int, default=300)
    args = parser.parse_args()
    result = profile(args.dataset, args.pages, args.model, args.split, args.limit, args.kind)
    pages, per_page = result.pop("pages"), result.pop("paragraphs per page")
    print(f"{pages} {args.kind} pages, {per_page} paragraphs a page, CPU ms per page:")
    for name, ms in result.items():
        print(f"  {name}: {ms}")


if __name__ == "__main__":
    main()
