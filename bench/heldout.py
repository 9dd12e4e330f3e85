"""winnow beside the extractors and text filters people use, on outlets held out from training.

The pages are the test split of a dataset built by `winnow build` (by default the one `make
default-model` builds, split by domain, so no test outlet was trained on); the model is the one
trained on its train split. Every tool runs on the same pages in the same run. Three benchmarks:

- **HTML pages**: winnow, trafilatura (default and `favor_precision`), jusText, readability-lxml,
  boilerpy3, resiliparse and all visible text. Page-level bag-of-tokens P/R/F1 against
  `gold_text` (the WCXB metric: lowercased \\w+ tokens, multiset overlap, macro over pages, an
  empty output scores 0); paragraph-level content P/R/F1 on the dataset's labelled paragraphs
  (a paragraph counts as kept when most of its word 3-grams are in the output); the share of `with`
  snippets kept and `without` snippets leaked (trafilatura's evaluation); pages per CPU-second.
- **Whole pages as text**: the same pages rendered to one block per line, as scrapers that keep
  everything render them; winnow's text model beside the published line filters.
- **Chaff inside extractor output** (`scraped_text`): lines of trafilatura's and full-page text,
  each labelled; boilerplate-line P/R/F1 (a removed line is a positive) and the share of content
  characters lost, for winnow and the line filters.

    python bench/heldout.py --dataset data/built/default --model models/default \\
        --out bench/results/heldout.md
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.extractors import EXTRACTORS, available, extract  # noqa: E402
from bench.report import cpu_timed as timed  # noqa: E402
from bench.report import publish  # noqa: E402
from bench.text_filters import TEXT_FILTERS  # noqa: E402
from winnow.features.page import Page  # noqa: E402
from winnow.features.readers import read_pages  # noqa: E402
from winnow.features.segment import clean_text, segment_html, split_sentences  # noqa: E402
from winnow.features.vocabulary import CONTENT, LABEL_NAMES  # noqa: E402
from winnow.models.artifact import load_artifact  # noqa: E402
from winnow.models.cleaner import Cleaner  # noqa: E402
from winnow.train.dataset import load_frame, read_manifest  # noqa: E402
from winnow.train.metrics import token_counts, token_prf  # noqa: E402

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
KEPT_SHARE = 0.5  # a paragraph or line counts as kept when this share of it is in the output


@dataclass
class HeldOut:
    """The test split's pages, read again from the dataset's sources, with their labels."""

    html: list[Page] = field(default_factory=list)
    gold: dict[str, str] = field(default_factory=dict)
    paragraphs: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    lines: list[Page] = field(default_factory=list)


def held_out(dataset: Path, split: str) -> HeldOut:
    manifest = read_manifest(dataset)
    pages = load_frame(dataset, "pages", split)
    frame = load_frame(dataset, "paragraphs", split)
    html_ids = set(pages.loc[pages["kind"] == "html", "id"])
    text_ids = set(pages.loc[pages["kind"] == "text", "id"])
    result = HeldOut(gold={i: g for i, g in zip(pages["id"], pages["gold_text"], strict=True) if g})
    labelled = frame[frame["page_id"].isin(html_ids) & (frame["label"] >= 0)]
    for page_id, group in labelled.groupby("page_id", sort=False):
        result.paragraphs[page_id] = list(zip(group["text"], group["label"], strict=True))
    sources = [s["path"] for s in manifest["sources"] if not s["path"].startswith("hf:")]
    for page in read_pages(sources):
        if page.error:
            continue
        if page.id in html_ids and page.html is not None:
            result.html.append(page)
        elif page.id in text_ids and page.meta.get("labels") and page.meta.get("paragraphs"):
            result.lines.append(page)
    return result


def dataset_of(page: Page) -> str:
    return str(page.meta.get("dataset") or page.id.split("/", 1)[0])


def groups_of(page: Page) -> list[str]:
    """The table columns a page counts in: its dataset, and WCXB articles on their own."""
    name = dataset_of(page)
    groups = [name]
    if name.startswith("wcxb") and page.meta.get("page_type") == "article":
        groups.append(f"{name} article")
    return groups


NEWS_ARTICLES = "news articles"


def is_news_article(page: Page) -> bool:
    """Pages that are one news or blog story: Dragnet's and CleanPortalEval's, and WCXB's
    article pages (Readability's and CleanEval's mix genres and synthetic pages)."""
    name = dataset_of(page)
    if name.startswith("wcxb"):
        return page.meta.get("page_type") == "article"
    return name in ("dragnet", "cleanportaleval")


def normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def snippet_scores(page: Page, output: str) -> tuple[list[bool], list[bool]]:
    """Per snippet: `with` snippets found in the output, `without` snippets found in it."""
    text = normalise(output)
    found = [normalise(s) in text for s in page.meta.get("with") or [] if normalise(s)]
    leaked = [normalise(s) in text for s in page.meta.get("without") or [] if normalise(s)]
    return found, leaked


def word_ngrams(text: str, k: int = 3) -> tuple[list[str], set[tuple[str, ...]]]:
    words = _WORD.findall(text.lower())
    return words, {tuple(words[i : i + k]) for i in range(len(words) - k + 1)}


def paragraph_kept(paragraph: str, output: tuple[list[str], set], k: int = 3) -> bool:
    """Most of the paragraph's word 3-grams are in the output (short ones: all its words, in
    order). Bags of words would count a "Share" button as kept whenever the article says share.
    """
    words, grams = word_ngrams(paragraph, k)
    if not words:
        return False
    if len(words) < k:
        return f" {' '.join(words)} " in f" {' '.join(output[0])} "
    return sum(g in output[1] for g in grams) / len(grams) >= KEPT_SHARE


def prf(tp: int, predicted: int, actual: int) -> tuple[float, float, float]:
    p = tp / predicted if predicted else 0.0
    r = tp / actual if actual else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


FIRST_SENTENCE_WORDS = 5


def first_sentence(paragraphs: Sequence[str]) -> str | None:
    """The article's opening sentence: the first sentence of at least five words in its
    first paragraphs (a shorter one is a subheading or a dateline)."""
    for paragraph in paragraphs:
        for sentence in split_sentences(clean_text(paragraph)):
            if len(_WORD.findall(sentence)) >= FIRST_SENTENCE_WORDS:
                return sentence
    return None


def sentence_kept(sentence: str, output: str) -> bool:
    """All of the sentence's words, in order and together, are in the output."""
    words = " ".join(_WORD.findall(sentence.lower()))
    return f" {words} " in f" {' '.join(_WORD.findall(output.lower()))} "


def first_sentence_share(sentences: Sequence[str | None], outputs: Sequence[str]) -> float:
    """Share of the pages with an opening sentence whose output keeps it."""
    kept = [sentence_kept(s, o) for s, o in zip(sentences, outputs, strict=True) if s]
    return float(np.mean(kept)) if kept else float("nan")


# --- HTML pages -------------------------------------------------------------------------


def html_outputs(cleaner: Cleaner, pages: list[Page]) -> tuple[dict, dict, dict]:
    """Each tool's text per page, CPU seconds, and error counts."""
    outputs: dict[str, list[str]] = {}
    seconds: dict[str, float] = {}
    errors: dict[str, int] = {}
    outputs["winnow"], seconds["winnow"] = timed(
        lambda: [r["text"] for r in cleaner.predict(pages)]
    )
    for favor in ("precision", "recall"):
        if favor in getattr(cleaner, "favor_thresholds", {}):
            name = f"winnow, favor {favor}"
            favored = replace(cleaner, favor=favor)
            outputs[name], seconds[name] = timed(
                lambda favored=favored: [r["text"] for r in favored.predict(pages)]
            )
    for name in available():
        failures = 0

        def run(name=name) -> list[str]:
            nonlocal failures
            texts = []
            for page in pages:
                text, error = extract(name, page.html, page.url, page.meta.get("lang"))
                failures += error is not None
                texts.append(text)
            return texts

        outputs[name], seconds[name] = timed(run)
        errors[name] = failures
    outputs["all visible text"], seconds["all visible text"] = timed(
        lambda: ["\n".join(p.text for p in segment_html(page.html)) for page in pages]
    )
    return outputs, seconds, errors


def html_table(data: HeldOut, outputs: dict, seconds: dict, errors: dict) -> tuple[str, dict]:
    pages = data.html
    gold_groups = sorted({g for p in pages if p.id in data.gold for g in groups_of(p)})
    counts = Counter(g for p in pages if p.id in data.gold for g in groups_of(p))
    news_count = sum(p.id in data.gold and is_news_article(p) for p in pages)
    results: dict = {}
    f1_rows, prf_rows, para_rows, snippet_rows = [], [], [], []
    gold_pages = [i for i, p in enumerate(pages) if p.id in data.gold]
    openings = [first_sentence(data.gold[pages[i].id].split("\n")) for i in gold_pages]
    for tool, texts in outputs.items():
        per_group: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
        para = [0, 0, 0]  # kept content, kept, content
        found: list[bool] = []
        leaked: list[bool] = []
        for page, text in zip(pages, texts, strict=True):
            counted = token_counts(text)
            if page.id in data.gold:
                scores = token_prf(counted, data.gold[page.id])
                for g in groups_of(page):
                    per_group[g].append(scores)
                per_group["all"].append(scores)
                if is_news_article(page):
                    per_group[NEWS_ARTICLES].append(scores)
            output_grams = word_ngrams(text) if page.id in data.paragraphs else None
            for paragraph, label in data.paragraphs.get(page.id, []):
                kept = paragraph_kept(paragraph, output_grams)
                para[0] += kept and label == 1
                para[1] += kept
                para[2] += label == 1
            f, leak = snippet_scores(page, text)
            found += f
            leaked += leak

        def mean(values, k):
            return float(np.mean([v[k] for v in values])) if values else float("nan")

        speed = len(pages) / seconds[tool] if seconds[tool] else float("nan")
        results[tool] = {
            "f1": {g: mean(per_group[g], 2) for g in [*gold_groups, "all"]},
            "precision": mean(per_group["all"], 0),
            "recall": mean(per_group["all"], 1),
            NEWS_ARTICLES: {
                "pages": len(per_group[NEWS_ARTICLES]),
                "precision": mean(per_group[NEWS_ARTICLES], 0),
                "recall": mean(per_group[NEWS_ARTICLES], 1),
                "f1": mean(per_group[NEWS_ARTICLES], 2),
            },
            "paragraph": prf(*para),
            "with_kept": float(np.mean(found)) if found else float("nan"),
            "without_leaked": float(np.mean(leaked)) if leaked else float("nan"),
            "pages_per_cpu_second": speed,
            "errors": errors.get(tool, 0),
            "first_sentence_kept": first_sentence_share(openings, [texts[i] for i in gold_pages]),
        }
        cells = " | ".join(f"{results[tool]['f1'][g]:.3f}" for g in gold_groups)
        f1_rows.append(f"| {tool} | {cells} | {results[tool]['f1']['all']:.3f} | {speed:.1f} |")
        news = results[tool][NEWS_ARTICLES]
        prf_rows.append(
            f"| {tool} | {results[tool]['precision']:.3f} | {results[tool]['recall']:.3f} "
            f"| {results[tool]['f1']['all']:.3f} "
            f"| {news['precision']:.3f} / {news['recall']:.3f} / {news['f1']:.3f} "
            f"| {100 * results[tool]['first_sentence_kept']:.1f}% |"
        )
        pp, pr, pf = results[tool]["paragraph"]
        para_rows.append(f"| {tool} | {pp:.3f} | {pr:.3f} | {pf:.3f} |")
        snippet_rows.append(
            f"| {tool} | {results[tool]['with_kept']:.3f} ({len(found)}) "
            f"| {results[tool]['without_leaked']:.3f} ({len(leaked)}) | {errors.get(tool, 0)} |"
        )
    header = " | ".join(f"{g} ({counts[g]})" for g in gold_groups)
    lines = [
        "### HTML pages: page token F1 against the gold article text",
        "",
        f"| tool | {header} | all | pages per CPU-second |",
        "|---|" + "---|" * (len(gold_groups) + 2),
        *f1_rows,
        "",
        "Macro-averaged precision and recall over the same pages and over the news article "
        f"pages among them ({news_count}: Dragnet's, CleanPortalEval's and "
        "WCXB's article pages), and the share of pages whose article's opening sentence (the "
        "gold's first of five words or more) is kept whole:",
        "",
        "| tool | precision | recall | F1 | news articles: P / R / F1 | first sentence kept |",
        "|---|---|---|---|---|---|",
        *prf_rows,
        "",
        "Paragraph level, content class, on "
        f"{sum(len(data.paragraphs.get(p.id, [])) for p in pages)} "
        "labelled paragraphs (kept when most of a paragraph's word 3-grams are in the output):",
        "",
        "| tool | precision | recall | F1 |",
        "|---|---|---|---|",
        *para_rows,
        "",
        "Snippets (trafilatura's evaluation; `with` must be kept, `without` must not leak), "
        "counts in brackets, and pages the tool failed on:",
        "",
        "| tool | `with` kept | `without` leaked | failures |",
        "|---|---|---|---|",
        *snippet_rows,
    ]
    return "\n".join(lines), results


# --- text ---------------------------------------------------------------------------------


def text_page(page_id: str, lines: Sequence[str], meta: dict | None = None) -> Page:
    """A page that arrives as text, one line per block, as winnow reads pre-split lines."""
    return Page(
        id=page_id,
        text="\n".join(lines),
        meta={**(meta or {}), "paragraphs": list(lines)},
    )


@dataclass
class LineOutput:
    """What a tool kept of text pages: per line, the share of its characters kept, and per
    page, the kept text (for the opening-sentence check)."""

    masks: list[list[float]]
    texts: list[str]
    seconds: float = 0.0


def winnow_lines(cleaner: Cleaner, pages: list[Page], context_size: int = 1000) -> LineOutput:
    """winnow's output on text pages, in shards of ``context_size`` pages (1: each page alone,
    with no other page of its outlet to compare with)."""
    cleaner.context_size = context_size

    def run():
        masks, texts = [], []
        for page, record in zip(pages, cleaner.predict(pages), strict=True):
            lines = page.meta["paragraphs"]
            kept = [0] * len(lines)
            total = [0] * len(lines)
            for p in record["paragraphs"]:
                total[p["line"]] += len(p["text"])
                if p["label"] == LABEL_NAMES[CONTENT]:
                    kept[p["line"]] += len(p["text"])
            masks.append([k / t if t else 0.0 for k, t in zip(kept, total, strict=True)])
            texts.append(record["text"])
        return masks, texts

    (masks, texts), seconds = timed(run)
    return LineOutput(masks, texts, seconds)


def kept_lines(page: Page, mask: Sequence[float]) -> str:
    return "\n".join(
        line for line, k in zip(page.meta["paragraphs"], mask, strict=True) if k >= KEPT_SHARE
    )


def filter_outputs(pages: list[Page], names: Sequence[str] = ()) -> dict[str, LineOutput]:
    """Each published filter's (or those ``names``) keep mask over the lines, its output, and
    its CPU seconds."""
    lines = [p.meta["paragraphs"] for p in pages]
    out = {}
    for name in names or TEXT_FILTERS:
        fn = TEXT_FILTERS[name]
        masks, seconds = timed(lambda fn=fn: fn(lines))
        masks = [[float(k) for k in m] for m in masks]
        texts = [kept_lines(p, m) for p, m in zip(pages, masks, strict=True)]
        out[name] = LineOutput(masks, texts, seconds)
    return out


def by_extractor(pages: list[Page], run) -> LineOutput:
    """``run(pages)`` on one extractor's pages at a time, put back in order: a crawl comes out
    of one extractor, and the same article rendered by two must not look like a line an
    outlet repeats (to winnow's outlet context or CCNet's dedup)."""
    masks: list = [None] * len(pages)
    texts: list = [None] * len(pages)
    seconds = 0.0
    for extractor in sorted({str(p.meta.get("extractor")) for p in pages}):
        chosen = [i for i, p in enumerate(pages) if str(p.meta.get("extractor")) == extractor]
        output = run([pages[i] for i in chosen])
        for j, i in enumerate(chosen):
            masks[i], texts[i] = output.masks[j], output.texts[j]
        seconds += output.seconds
    return LineOutput(masks, texts, seconds)


def whole_page_table(cleaner: Cleaner, data: HeldOut) -> tuple[str, dict]:
    """The held-out HTML pages as plain text, one block a line; page token F1 against gold."""
    pages = []
    for page in data.html:
        if page.id in data.gold:
            blocks = [p.text for p in segment_html(page.html)]
            if blocks:
                pages.append(text_page(page.id, blocks, page.meta))
    outputs = {
        "winnow (text model)": winnow_lines(cleaner, pages),
        "winnow, each page alone": winnow_lines(cleaner, pages, context_size=1),
        **filter_outputs(pages),
    }
    openings = [first_sentence(data.gold[p.id].split("\n")) for p in pages]
    groups = sorted({g for p in pages for g in groups_of(p)})
    results = {}
    rows = []
    for tool, output in outputs.items():
        per: dict[str, list[float]] = defaultdict(list)
        for page, mask in zip(pages, output.masks, strict=True):
            f1 = token_prf(kept_lines(page, mask), data.gold[page.id])[2]
            for g in groups_of(page):
                per[g].append(f1)
            per["all"].append(f1)
        results[tool] = {g: float(np.mean(v)) for g, v in per.items()}
        results[tool]["first_sentence_kept"] = first_sentence_share(openings, output.texts)
        cells = " | ".join(f"{results[tool].get(g, float('nan')):.3f}" for g in groups)
        speed = len(pages) / output.seconds if output.seconds else float("nan")
        rows.append(
            f"| {tool} | {cells} | {results[tool]['all']:.3f} "
            f"| {100 * results[tool]['first_sentence_kept']:.1f}% | {speed:.0f} |"
        )
    counts = Counter(g for p in pages for g in groups_of(p))
    header = " | ".join(f"{g} ({counts[g]})" for g in groups)
    lines = [
        "### Whole pages as text: page token F1",
        "",
        "The same held-out pages with gold, every visible block on its own line (no markup); "
        "winnow compares each page with the other pages of its outlet among them, and, in "
        "the row below it, sees each page alone.",
        "",
        f"| tool | {header} | all | first sentence kept | pages per CPU-second |",
        "|---|" + "---|" * (len(groups) + 3),
        *rows,
    ]
    return "\n".join(lines), results


def scraped_lines_table(cleaner: Cleaner, data: HeldOut) -> tuple[str, dict]:
    """Boilerplate-line P/R/F1, content characters lost and the article's opening sentence
    kept, on labelled extractor output."""
    pages = [
        text_page(
            p.id,
            p.meta["paragraphs"],
            {"extractor": p.meta.get("extractor"), "page_type": p.meta.get("page_type")},
        )
        for p in data.lines
    ]
    labels = [p.meta["labels"] for p in data.lines]
    openings = [
        first_sentence(
            [line for line, lab in zip(p.meta["paragraphs"], ls, strict=True) if lab == "content"]
        )
        for p, ls in zip(pages, labels, strict=True)
    ]
    outputs = {"winnow (text model)": by_extractor(pages, lambda ps: winnow_lines(cleaner, ps))}
    for name in TEXT_FILTERS:
        outputs[name] = by_extractor(pages, lambda ps, name=name: filter_outputs(ps, [name])[name])
    extractors = sorted({str(p.meta.get("extractor")) for p in pages})
    counts = Counter(str(p.meta.get("extractor")) for p in pages)
    articles = Counter(
        str(p.meta.get("extractor")) for p in pages if p.meta.get("page_type") == "article"
    )
    results: dict = {}
    tables = []
    for subset, wanted, n in (
        ("article pages (news and blog posts)", "article", articles),
        ("all page types", None, counts),
    ):
        rows = []
        for tool, output in outputs.items():
            cells = []
            for extractor in extractors:
                chosen = [
                    i
                    for i, p in enumerate(pages)
                    if p.meta.get("extractor") == extractor
                    and (wanted is None or p.meta.get("page_type") == wanted)
                ]
                scores = line_scores(
                    [pages[i].meta["paragraphs"] for i in chosen],
                    [output.masks[i] for i in chosen],
                    [labels[i] for i in chosen],
                )
                scores["first_sentence_kept"] = first_sentence_share(
                    [openings[i] for i in chosen], [output.texts[i] for i in chosen]
                )
                results.setdefault(subset, {}).setdefault(tool, {})[extractor] = scores
                cells.append(
                    f"{scores['precision']:.3f} / {scores['recall']:.3f} / "
                    f"**{scores['f1']:.3f}** | {100 * scores['content_lost']:.2f}% "
                    f"| {100 * scores['first_sentence_kept']:.1f}%"
                )
            rows.append(f"| {tool} | " + " | ".join(cells) + " |")
        header = " | ".join(
            f"{e} ({n[e]} pages): P / R / F1 | content lost | first sentence kept"
            for e in extractors
        )
        tables += [
            f"{subset.capitalize()}:",
            "",
            f"| tool | {header} |",
            "|---|" + "---|---|---|" * len(extractors),
            *rows,
            "",
        ]
    lines = [
        "### Chaff inside extractor output: boilerplate lines removed",
        "",
        "Held-out `scraped_text` pages (WCXB pages as trafilatura's recall and default modes and "
        "full-page text render them), with the reviewed labels: each line content or "
        "boilerplate (title and unsure lines are not scored). A removed line is a positive; "
        "content lost is the share of content characters removed; first sentence kept, the "
        "share of pages whose article's opening sentence (the first of five words or more in "
        "its content lines) is kept whole. Every tool sees one extractor's pages at a time.",
        "",
        *tables,
    ]
    return "\n".join(lines).rstrip() + "\n", results


def line_scores(
    lines: list[list[str]], masks: list[list[float]], labels: list[list[str]]
) -> dict[str, float]:
    """Boilerplate-line P/R/F1 (a line is removed when less than half of it is kept) and the
    share of content characters removed, pooled over the lines of the pages."""
    tp = removed = chaff = 0
    lost = content = 0.0
    for page_lines, mask, page_labels in zip(lines, masks, labels, strict=True):
        for line, kept, label in zip(page_lines, mask, page_labels, strict=True):
            if label not in ("content", "boilerplate"):
                continue
            gone = kept < KEPT_SHARE
            removed += gone
            chaff += label == "boilerplate"
            tp += gone and label == "boilerplate"
            if label == "content":
                content += len(line)
                lost += (1.0 - kept) * len(line)
    p, r, f = prf(tp, removed, chaff)
    share = lost / content if content else float("nan")
    return {"precision": p, "recall": r, "f1": f, "content_lost": share}


def run(args) -> tuple[str, dict]:
    logging.disable(logging.CRITICAL)  # readability and boilerpy3 log every failure
    dataset = Path(args.dataset)
    data = held_out(dataset, args.split)
    if args.limit:
        data.html = data.html[: args.limit]
        data.lines = data.lines[: args.limit]
    cleaner = load_artifact(args.model)
    model_manifest = json.loads((Path(args.model) / "manifest.json").read_text())
    trained_on = (model_manifest.get("dataset") or {}).get("fingerprint")
    built = read_manifest(dataset).get("fingerprint")
    note = (
        "the model was trained on this dataset's train split"
        if trained_on == built
        else f"WARNING: the model was trained on dataset {trained_on}, not this one ({built})"
    )
    missing = [name for name in EXTRACTORS if name not in available()]
    parts = [
        f"Held-out pages: split `{args.split}` of `{dataset}` ({note}); model `{args.model}`. "
        f"Thresholds {cleaner.thresholds}. Command: `{' '.join(sys.argv)}`.",
    ]
    if missing:
        parts.append(f"Not installed, so not run: {', '.join(missing)}.")
    html_text, html_results = html_table(data, *html_outputs(cleaner, data.html))
    whole_text, whole_results = whole_page_table(cleaner, data)
    lines_text, lines_results = scraped_lines_table(cleaner, data)
    parts += [html_text, whole_text, lines_text]
    results = {"html": html_results, "whole_page_text": whole_results, "lines": lines_results}
    return "\n\n".join(parts) + "\n", results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", default="data/built/default")
    parser.add_argument("--model", default="models/default")
    parser.add_argument("--split", default="test")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N pages")
    parser.add_argument("--out", help="also write the Markdown tables here (and .json beside)")
    args = parser.parse_args()
    publish(*run(args), args.out)


if __name__ == "__main__":
    main()
