"""Cost and coverage of ``winnow.features.metadata`` on the sample corpus and the shared data.

HTML pages: how often each field is found, how often the title is the gold headline (the
sample manifest's and WCXB's ``title``), agreement with trafilatura's ``extract_metadata``
(which dates with htmldate) on the first pages of each set, and CPU milliseconds per page
beside ``segment_html`` on the same pages. Text pages (WCXB's pages as scrapers render them):
how often the title is a line labelled ``title``, and how often the byline and date agree with
those read from the same page's HTML, with the gold labels as ``kept``, with none, and with a
model's labels (``--model``).

    python bench/metadata.py --shared ../shared [--per-set 300] [--reference 100] [--model models/default]
"""

from __future__ import annotations

import argparse
import gzip
import html as html_lib
import json
import re
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.report import publish  # noqa: E402
from winnow.features.metadata import FIELDS, html_metadata, text_metadata  # noqa: E402
from winnow.features.page import Page  # noqa: E402
from winnow.features.segment import segment_html  # noqa: E402
from winnow.features.vocabulary import CONTENT, LABEL_NAMES  # noqa: E402

SHARED_SETS = (
    "dragnet",
    "cleaneval",
    "cleanportaleval",
    "readability",
    "wcxb_dev",
    "trafilatura_eval",
)


def norm(text: str | None) -> str | None:
    """A title or name as compared: entities, case, quotes, dashes and spacing aside."""
    if not text:
        return None
    text = unicodedata.normalize("NFKC", html_lib.unescape(text)).casefold()
    text = re.sub(r"[’‘`]", "'", re.sub(r"[“”]", '"', re.sub(r"[–—]", "-", text)))
    return re.sub(r"\s+", " ", text).strip(" .!?\"'") or None


def names(byline: str | None) -> frozenset[str]:
    parts = re.split(r"\s*(?:,|;|\band\b|&)\s*", norm(byline) or "")
    return frozenset(p for p in parts if p)


def sample_pages() -> list[dict]:
    rows = []
    for manifest in (
        ROOT / "data/sample/manifest.jsonl",
        ROOT / "data/sample/unseen/manifest.jsonl",
    ):
        for line in manifest.read_text().splitlines():
            row = json.loads(line)
            if ".html" not in row["path"]:
                continue
            data = (manifest.parent / row["path"]).read_bytes()
            if row["path"].endswith(".gz"):
                data = gzip.decompress(data)
            rows.append({"url": row["url"], "html": data.decode(), "title": row["title"]})
    return rows


def shared_pages(shared: Path, name: str, limit: int) -> list[dict]:
    rows = []
    with gzip.open(shared / "data/boilerplate" / f"{name}.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            url = row.get("url") if str(row.get("url") or "").startswith("http") else None
            article = row.get("page_type") == "article"
            rows.append(
                {"url": url, "html": row["html"], "title": row.get("title"), "article": article}
            )
            if limit and len(rows) >= limit:
                break
    return rows


def measure_html(pages: list[dict], reference: int) -> dict:
    found = dict.fromkeys(FIELDS, 0)
    titled = matched = articles = articles_matched = 0
    meta_s = seg_s = 0.0
    results = []
    for page in pages:
        start = time.process_time()
        result = html_metadata(page["html"], page["url"])
        meta_s += time.process_time() - start
        start = time.process_time()
        try:
            segment_html(page["html"])
        except ValueError:  # markup too deep: segmentation refuses it
            pass
        seg_s += time.process_time() - start
        results.append(result)
        for field in FIELDS:
            found[field] += bool(result[field])
        if page["title"]:
            titled += 1
            same = norm(result["title"]) == norm(page["title"])
            matched += same
            if page.get("article"):
                articles += 1
                articles_matched += same
    n = len(pages)
    out = {
        "pages": n,
        "found": {field: round(count / n, 3) for field, count in found.items()},
        "title_gold_pages": titled,
        "title_match": round(matched / titled, 3) if titled else None,
        "title_match_articles": round(articles_matched / articles, 3) if articles else None,
        "title_gold_articles": articles,
        "ms_per_page": round(1000 * meta_s / n, 2),
        "segment_ms_per_page": round(1000 * seg_s / n, 2),
    }
    if reference:
        out["trafilatura"] = agreement(pages[:reference], results[:reference])
    return out


def agreement(pages: list[dict], results: list[dict]) -> dict:
    """Per field: pages where both tools give a value, and the share of those that agree;
    and pages where only one does."""
    from trafilatura.metadata import extract_metadata

    counts = {f: {"both": 0, "agree": 0, "only_winnow": 0, "only_trafilatura": 0} for f in FIELDS}
    seconds = 0.0
    for page, ours in zip(pages, results, strict=True):
        start = time.process_time()
        try:
            doc = extract_metadata(page["html"], default_url=page["url"])
            theirs = {
                "title": doc.title,
                "byline": doc.author,
                "date": doc.date,
                "site": doc.sitename,
            }
        except Exception:  # noqa: BLE001 - a reference tool's failure is a missing value
            theirs = dict.fromkeys(FIELDS)
        seconds += time.process_time() - start
        for field in FIELDS:
            a, b = ours[field], theirs[field]
            c = counts[field]
            if a and b:
                c["both"] += 1
                same = names(a) == names(b) if field == "byline" else norm(a) == norm(b)
                c["agree"] += same
            elif a:
                c["only_winnow"] += 1
            elif b:
                c["only_trafilatura"] += 1
    for c in counts.values():
        c["agree_share"] = round(c["agree"] / c["both"], 3) if c["both"] else None
    counts["pages"] = len(pages)
    counts["trafilatura_ms_per_page"] = round(1000 * seconds / max(1, len(pages)), 2)
    return counts


def measure_text(shared: Path, limit: int, model: str | None) -> dict:
    """WCXB article pages as text (all visible text, trafilatura's default output): the title
    against lines labelled ``title``, byline and date against those of the page's HTML."""
    html_by_id = {}
    with gzip.open(shared / "data/boilerplate/wcxb_dev.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row["page_type"] == "article":
                html_by_id[row["id"].split("/")[-1]] = (row["html"], row["url"])
    records = []
    with gzip.open(
        shared / "data/scraped_text/wcxb_dev_text.jsonl.gz", "rt", encoding="utf-8"
    ) as f:
        for line in f:
            row = json.loads(line)
            key = row["id"].split(":")[0].removeprefix("wcxb-")
            if row["extractor"] in ("full", "traf_default") and key in html_by_id:
                records.append((row, html_by_id[key]))
    if limit:
        records = records[: 2 * limit]
    cleaner = None
    if model:
        from winnow.models.artifact import load_artifact

        cleaner = load_artifact(model)
    predicted = {}
    if cleaner is not None:
        pages = [Page(id=row["id"], meta={"paragraphs": row["paragraphs"]}) for row, _ in records]
        predicted = {record["id"]: record["paragraphs"] or [] for record in cleaner.predict(pages)}
    from_html = {}
    out = {}
    for extractor in ("full", "traf_default"):
        modes = {"gold kept": [], "no kept": []}
        if cleaner is not None:
            modes.update({"model kept, lines": [], "model kept, pieces": []})
        for row, (html, url) in records:
            if row["extractor"] != extractor:
                continue
            if url not in from_html:
                from_html[url] = html_metadata(html, url)
            lines = row["paragraphs"]
            gold_kept = [label == "content" for label in row["labels"]]
            modes["gold kept"].append((row, from_html[url], text_metadata(lines, gold_kept)))
            modes["no kept"].append((row, from_html[url], text_metadata(lines)))
            if cleaner is not None:
                pieces = predicted[row["id"]]
                line_kept = [False] * len(lines)
                for piece in pieces:
                    line_kept[piece["line"]] |= piece["label"] == LABEL_NAMES[CONTENT]
                by_line = text_metadata(lines, line_kept)
                modes["model kept, lines"].append((row, from_html[url], by_line))
                by_piece = text_metadata(
                    [p["text"] for p in pieces],
                    [p["label"] == LABEL_NAMES[CONTENT] for p in pieces],
                )
                modes["model kept, pieces"].append((row, from_html[url], by_piece))
        out[extractor] = {mode: score_text(rows) for mode, rows in modes.items()}
    return out


def score_text(rows: list) -> dict:
    n = len(rows)
    title_gold = title_found = title_right = title_unasked = 0
    stats = {f: {"found": 0, "html_has": 0, "both": 0, "agree": 0} for f in ("byline", "date")}
    for row, html_fields, found in rows:
        gold = {
            norm(p)
            for p, label in zip(row["paragraphs"], row["labels"], strict=True)
            if label == "title"
        }
        if gold:
            title_gold += 1
            title_found += bool(found["title"])
            title_right += norm(found["title"]) in gold
        else:
            title_unasked += bool(found["title"])
        for field, s in stats.items():
            s["found"] += bool(found[field])
            s["html_has"] += bool(html_fields[field])
            if found[field] and html_fields[field]:
                s["both"] += 1
                same = (
                    names(found[field]) == names(html_fields[field])
                    if field == "byline"
                    else found[field] == html_fields[field]
                )
                s["agree"] += same
    for s in stats.values():
        s["agree_share"] = round(s["agree"] / s["both"], 3) if s["both"] else None
        s["found"] = round(s["found"] / n, 3)
        s["html_has"] = round(s["html_has"] / n, 3)
    return {
        "pages": n,
        "title_gold_pages": title_gold,
        "title_found": round(title_found / title_gold, 3) if title_gold else None,
        "title_right": round(title_right / title_gold, 3) if title_gold else None,
        "title_right_when_found": round(title_right / title_found, 3) if title_found else None,
        "title_on_pages_without_one": round(title_unasked / (n - title_gold), 3)
        if n > title_gold
        else None,
        **stats,
    }


def markdown(results: dict) -> str:
    lines = [
        "| set | pages | title | byline | date | site | title = gold | ms/page | segment ms/page |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, r in results["html"].items():
        f = r["found"]
        match = (
            "" if r["title_match"] is None else f"{r['title_match']:.3f} ({r['title_gold_pages']})"
        )
        if r.get("title_match_articles") is not None:
            match += f"; articles {r['title_match_articles']:.3f} ({r['title_gold_articles']})"
        lines.append(
            f"| {name} | {r['pages']} | {f['title']:.3f} | {f['byline']:.3f} | {f['date']:.3f} | "
            f"{f['site']:.3f} | {match} | {r['ms_per_page']} | {r['segment_ms_per_page']} |"
        )
    lines += [
        "",
        "Agreement with trafilatura.metadata.extract_metadata (both found / agree share):",
        "",
    ]
    lines += ["| set | pages | title | byline | date | site |", "|---|---|---|---|---|---|"]
    for name, r in results["html"].items():
        t = r.get("trafilatura")
        if t:
            cells = [f"{t[f]['both']} / {t[f]['agree_share']}" for f in FIELDS]
            lines.append(f"| {name} | {t['pages']} | " + " | ".join(cells) + " |")
    for extractor, modes in results.get("text", {}).items():
        lines += ["", f"Text pages ({extractor}):", ""]
        lines += [
            "| kept | pages | title found | title right | right when found | title where none | byline found | byline agree | date found | date agree |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for mode, r in modes.items():
            lines.append(
                f"| {mode} | {r['pages']} | {r['title_found']} | {r['title_right']} | "
                f"{r['title_right_when_found']} | {r['title_on_pages_without_one']} | {r['byline']['found']} | "
                f"{r['byline']['agree_share']} ({r['byline']['both']}) | {r['date']['found']} | "
                f"{r['date']['agree_share']} ({r['date']['both']}) |"
            )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--per-set", type=int, default=0, help="pages per shared set (0: all)")
    parser.add_argument(
        "--reference", type=int, default=100, help="pages per set compared with trafilatura"
    )
    parser.add_argument(
        "--model", default=None, help="artifact whose labels text pages are read with"
    )
    parser.add_argument(
        "--out", default=None, help="write the Markdown here, and the JSON beside it"
    )
    args = parser.parse_args(argv)
    shared = Path(args.shared)
    results: dict = {"html": {"sample": measure_html(sample_pages(), args.reference)}}
    if (shared / "data").is_dir():
        for name in SHARED_SETS:
            results["html"][name] = measure_html(
                shared_pages(shared, name, args.per_set), args.reference
            )
        results["text"] = measure_text(shared, args.per_set, args.model)
    publish(markdown(results), results, args.out)


if __name__ == "__main__":
    main()
