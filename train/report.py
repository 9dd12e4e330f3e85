"""The evaluation report: ``report.md`` for a terminal or a pull request, and ``report.html``,
one self-contained page (plots inlined, no network) for a browser."""

from __future__ import annotations

import base64
import html
import json
from pathlib import Path
from typing import Any

from winnow.models.atomic import write_bytes_atomic
from winnow.train.figures import figures_of, worst_domains
from winnow.train.gates import lookup
from winnow.train.plots import plots
from winnow.train.scored import ScoredSplit

DOMAINS_SHOWN = 20  # largest and worst domains in the HTML tables; figures.json has them all


def report_files(
    scored: ScoredSplit,
    metrics: dict[str, Any],
    *,
    title: str = "",
    dataset: str = "",
    markdown: bool = True,
) -> dict[str, bytes]:
    """File name -> contents: ``figures.json``, the PNG plots, ``report.html`` and, with
    ``markdown``, ``report.md``."""
    figures = figures_of(scored, metrics)
    images = plots(figures)
    files = {
        "figures.json": (json.dumps(figures, indent=2) + "\n").encode(),
        **images,
        "report.html": report_html(metrics, figures, images, title=title, dataset=dataset).encode(),
    }
    if markdown:
        md = report_markdown(metrics, run_name=title, dataset=dataset, images=sorted(images))
        files["report.md"] = md.encode()
    return files


def write_report(
    scored: ScoredSplit, metrics: dict[str, Any], out: Path, *, title: str = "", dataset: str = ""
) -> list[str]:
    """Write the report's files into ``out``, each whole or not at all; their names."""
    files = report_files(scored, metrics, title=title, dataset=dataset)
    for name, data in files.items():
        write_bytes_atomic(out / name, data)
    return list(files)


def report_markdown(
    metrics: dict[str, Any], *, run_name: str = "", dataset: str = "", images: list[str] = ()
) -> str:
    """The evaluation as a Markdown page; ``images`` are PNG files beside it."""
    lines = [f"# winnow evaluation{': ' + run_name if run_name else ''}", ""]
    lines.append(
        f"Dataset `{dataset}` (fingerprint `{metrics.get('dataset_fingerprint')}`), split "
        f"`{metrics['split']}`: {metrics['pages']} pages, {metrics['paragraphs']} paragraphs."
    )
    para = metrics.get("paragraph")
    if para:
        lines += [
            "",
            "## Paragraphs",
            "",
            f"{para['labelled']} labelled paragraphs, accuracy {para['accuracy']}.",
            "",
            "| class | precision | recall | F1 | support |",
            "|---|---|---|---|---|",
        ]
        for name in ("boilerplate", "content"):
            m = para[name]
            lines.append(
                f"| {name} | {m['precision']} | {m['recall']} | {m['f1']} | {m['support']} |"
            )
        if para["confusion"]:
            (tn, fp), (fn, tp) = para["confusion"]
            lines += [
                "",
                "Confusion (rows true, columns predicted): boilerplate kept as content "
                f"{fp}, content dropped {fn}, boilerplate dropped {tn}, content kept {tp}.",
            ]
        by_kind = para.get("by_kind") or {}
        if by_kind:
            lines += [
                "",
                "| page kind | threshold | content precision | content recall | boilerplate F1 "
                "| average precision |",
                "|---|---|---|---|---|---|",
            ]
            for kind, m in sorted(by_kind.items()):
                lines.append(
                    f"| {kind} | {m['threshold']} | {m['content']['precision']} | "
                    f"{m['content']['recall']} | {m['boilerplate']['f1']} | "
                    f"{m['content_average_precision']} |"
                )
    tokens = metrics.get("page_tokens")
    if tokens:
        lines += [
            "",
            "## Pages: bag-of-tokens against the gold text",
            "",
            "| pages | kind | precision | recall | F1 | keeping everything |",
            "|---|---|---|---|---|---|",
            f"| {tokens['pages']} | all | {tokens['precision']} | {tokens['recall']} | "
            f"{tokens['f1']} | {tokens['keep_all_f1']} |",
        ]
        for kind, m in tokens["by_kind"].items():
            lines.append(f"| {m['pages']} | {kind} | | | {m['f1']} | {m['keep_all_f1']} |")
    topic = metrics.get("topic")
    if topic:
        lines += [
            "",
            "## Topics",
            "",
            "| input | pages | accuracy | macro-F1 | calibration error |",
            "|---|---|---|---|---|",
            f"| article text | {topic['pages']} | {topic['article_text']['accuracy']} | "
            f"{topic['article_text']['macro_f1']} | {topic['article_text']['ece']} |",
        ]
        for group, m in (topic.get("by_group") or {}).items():
            lines.append(f"| {group} | {m['pages']} | {m['accuracy']} | | {m['ece']} |")
        if "cleaned_text" in topic:
            lines.append(
                f"| text kept by winnow (end to end) | {sum(map(sum, topic['cleaned_text']['confusion']))} "
                f"| {topic['cleaned_text']['accuracy']} | {topic['cleaned_text']['macro_f1']} "
                f"| {topic['cleaned_text']['ece']} |"
            )
        abstain = topic["article_text"]["abstain"]
        if abstain["threshold"]:
            lines += [
                "",
                f"Below a topic probability of {abstain['threshold']} the topic is `other`: "
                f"{abstain['coverage']:.1%} of pages get a topic, and "
                f"{abstain['accuracy_answered']} of those are right.",
            ]
        mistakes = topic["article_text"]["mistakes"]
        if mistakes:
            lines += [
                "",
                "Most frequent mistakes (true->predicted): "
                + ", ".join(f"{k} {v}" for k, v in mistakes.items())
                + ".",
            ]
    if images:
        lines += ["", "## Plots", ""] + [f"![{name[:-4]}]({name})" for name in images]
        lines += ["", "Tables per domain and page type, and the worst mistakes: `report.html`."]
    return "\n".join(lines) + "\n"


# The page loads nothing: a Content-Security-Policy forbids every fetch, so a report that
# opens without errors is one that needs no network and no files beside it.
_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'"

_STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 1100px;
       padding: 0 1em; color: #222; }
h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.92em; }
th, td { padding: 0.25em 0.7em; border-bottom: 1px solid #eee; text-align: right; }
th { background: #f5f5f5; cursor: pointer; user-select: none; }
td:first-child, th:first-child { text-align: left; }
.plots { display: flex; flex-wrap: wrap; gap: 1em; }
.plots img { max-width: min(100%, 560px); border: 1px solid #eee; }
.mistake { border-left: 4px solid #c0392b; margin: 0.8em 0; padding: 0.3em 0.8em;
           background: #fcf6f5; }
.mistake.dropped { border-color: #1f6f8b; background: #f3f8fa; }
.context { color: #888; font-size: 0.9em; }
.meta { color: #666; font-size: 0.85em; }
.note { color: #555; }
"""

# Click a header to sort its table; the last line marks the page as rendered, which the
# tests read back from a headless browser.
_SCRIPT = """
document.querySelectorAll("table.sortable th").forEach((th, col) => {
  th.addEventListener("click", () => {
    const body = th.closest("table").tBodies[0];
    const rows = Array.from(body.rows);
    const key = r => { const t = r.cells[col].textContent; const n = parseFloat(t);
                       return isNaN(n) ? t : n; };
    const dir = th.dataset.dir === "asc" ? -1 : 1;
    th.dataset.dir = dir === 1 ? "asc" : "desc";
    rows.sort((a, b) => (key(a) > key(b) ? 1 : key(a) < key(b) ? -1 : 0) * dir);
    rows.forEach(r => body.appendChild(r));
  });
});
const images = Array.from(document.images);
document.body.dataset.images = images.length;
document.body.dataset.imagesDecoded = images.filter(i => i.complete && i.naturalWidth > 0).length;
document.body.dataset.ready = "yes";
"""


def report_html(
    metrics: dict[str, Any],
    figures: dict[str, Any],
    images: dict[str, bytes],
    *,
    title: str = "",
    dataset: str = "",
) -> str:
    """The whole evaluation as one HTML page with its plots inlined as data URIs."""
    e = html.escape
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        f"<title>winnow evaluation{': ' + e(title) if title else ''}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>winnow evaluation{': ' + e(title) if title else ''}</h1>",
        f'<p class="meta">Dataset <code>{e(dataset)}</code> (fingerprint '
        f"<code>{e(str(metrics.get('dataset_fingerprint')))}</code>), split "
        f"<code>{e(metrics['split'])}</code>: {metrics['pages']} pages, "
        f"{metrics['paragraphs']} paragraphs.</p>",
        _headline(metrics),
    ]
    para = metrics.get("paragraph") or {}
    if para.get("labelled"):
        parts += [
            "<h2>Paragraphs: content or boilerplate</h2>",
            _images(images, ["paragraph_confusion.png", "precision_recall.png"]),
            '<p class="note">The dot on each curve is the threshold the model uses for that '
            "kind of page, chosen on the validation split.</p>",
            _table(
                [
                    "page kind",
                    "threshold",
                    "labelled",
                    "content precision",
                    "content recall",
                    "boilerplate F1",
                    "average precision",
                ],
                [
                    [
                        kind,
                        m["threshold"],
                        m["labelled"],
                        m["content"]["precision"],
                        m["content"]["recall"],
                        m["boilerplate"]["f1"],
                        m["content_average_precision"],
                    ]
                    for kind, m in sorted((para.get("by_kind") or {}).items())
                ],
                metric_paths=[
                    [
                        None,
                        None,
                        f"paragraph.by_kind.{kind}.labelled",
                        f"paragraph.by_kind.{kind}.content.precision",
                        f"paragraph.by_kind.{kind}.content.recall",
                        f"paragraph.by_kind.{kind}.boilerplate.f1",
                        None,
                    ]
                    for kind in sorted(para.get("by_kind") or {})
                ],
            ),
        ]
    parts += _group_sections(figures)
    parts += _topic_section(metrics, figures, images)
    parts += _mistakes_section(figures.get("mistakes") or {})
    parts += [f"<script>{_SCRIPT}</script>", "</body></html>"]
    return "\n".join(parts) + "\n"


def _headline(metrics: dict[str, Any]) -> str:
    """The figures people quote, each cell tagged with its path in ``metrics.json``."""
    rows = [
        ("labelled paragraphs", "paragraph.labelled"),
        ("paragraph accuracy", "paragraph.accuracy"),
        ("boilerplate F1", "paragraph.boilerplate.f1"),
        ("content F1", "paragraph.content.f1"),
        ("pages with gold text", "page_tokens.pages"),
        ("page token F1", "page_tokens.f1"),
        ("page token F1 keeping everything", "page_tokens.keep_all_f1"),
        ("topic accuracy", "topic.article_text.accuracy"),
        ("topic macro-F1", "topic.article_text.macro_f1"),
        ("topic calibration error", "topic.article_text.ece"),
        ("topic accuracy end to end (text winnow kept)", "topic.cleaned_text.accuracy"),
    ]
    shown = [(name, path, lookup(metrics, path)) for name, path in rows]
    shown = [(n, p, v) for n, p, v in shown if v is not None]
    return _table(
        ["measure", "value"],
        [[name, value] for name, _, value in shown],
        metric_paths=[[None, path] for _, path, _ in shown],
        sortable=False,
    )


def _group_sections(figures: dict[str, Any]) -> list[str]:
    columns = [
        "pages",
        "labelled paragraphs",
        "paragraph accuracy",
        "boilerplate kept",
        "content dropped",
        "pages with gold",
        "page F1",
        "keep-all F1",
    ]
    keys = [
        "pages",
        "labelled_paragraphs",
        "paragraph_accuracy",
        "boilerplate_kept",
        "content_dropped",
        "gold_pages",
        "page_f1",
        "keep_all_f1",
    ]

    def rows(items, name):
        return [[r[name]] + [r[k] for k in keys] for r in items]

    types = figures.get("by_page_type") or []
    domains = figures.get("by_domain") or []
    out = [
        "<h2>By page type</h2>",
        _table(["page type"] + columns, rows(types, "page_type")),
        "<h2>By domain</h2>",
        f'<p class="note">{len(domains)} domains. The {min(DOMAINS_SHOWN, len(domains))} with '
        "the most labelled paragraphs; every domain is in <code>figures.json</code>.</p>",
        _table(["domain"] + columns, rows(domains[:DOMAINS_SHOWN], "domain")),
    ]
    worst = worst_domains(domains, DOMAINS_SHOWN)
    if worst:
        out += [
            "<h3>Lowest paragraph accuracy</h3>",
            _table(["domain"] + columns, rows(worst, "domain")),
        ]
    return out


def _topic_section(
    metrics: dict[str, Any], figures: dict[str, Any], images: dict[str, bytes]
) -> list[str]:
    topic = metrics.get("topic")
    if not topic:
        return []
    article = topic["article_text"]
    out = [
        "<h2>Topics</h2>",
        _images(images, ["topic_confusion.png", "reliability.png"]),
    ]
    abstain = article["abstain"]
    if abstain["threshold"]:
        out.append(
            f'<p class="note">Below a topic probability of {abstain["threshold"]} the topic is '
            f"<code>other</code>: {abstain['coverage']:.1%} of pages get a topic, and "
            f"{abstain['accuracy_answered']} of those are right.</p>"
        )
    out.append(
        _table(
            ["topic", "precision", "recall", "F1", "pages"],
            [
                [r["label"], r["precision"], r["recall"], r["f1"], r["support"]]
                for r in figures["topic"]["per_topic"]
            ],
        )
    )
    bins = figures["topic"]["reliability"]["bins"]
    out.append(
        _table(
            ["probability bin", "pages", "mean probability", "share right"],
            [
                [f"{b['low']:.2f}-{b['high']:.2f}", b["count"], b["confidence"], b["accuracy"]]
                for b in bins
            ],
            sortable=False,
        )
    )
    mistakes = figures["topic"]["mistakes"]
    if mistakes:
        out.append("<h3>Most confident topic mistakes</h3>")
        for m in mistakes:
            out.append(
                f'<div class="mistake"><div class="meta">true <b>{html.escape(m["truth"])}</b>, '
                f"predicted <b>{html.escape(m['predicted'])}</b> with probability "
                f"{m['confidence']}</div>{html.escape(m['text'])}</div>"
            )
    return out


def _mistakes_section(mistakes: dict[str, list[dict[str, Any]]]) -> list[str]:
    out = []
    for name, heading, css in (
        ("boilerplate_kept", "Boilerplate kept as content, most confidently", "mistake"),
        ("content_dropped", "Content dropped as boilerplate, most confidently", "mistake dropped"),
    ):
        items = mistakes.get(name) or []
        if not items:
            continue
        out.append(f"<h2>{heading}</h2>")
        for m in items:
            e = html.escape
            out.append(
                f'<div class="{css}"><div class="meta">{e(m["page_id"])} · paragraph '
                f"{m['index']} · P(content) {m['score']} against threshold {m['threshold']}</div>"
                + (f'<div class="context">{e(m["before"])}</div>' if m["before"] else "")
                + f"<div>{e(m['text'])}</div>"
                + (f'<div class="context">{e(m["after"])}</div>' if m["after"] else "")
                + "</div>"
            )
    return out


def _images(images: dict[str, bytes], names: list[str]) -> str:
    tags = [
        f'<img alt="{name[:-4]}" src="data:image/png;base64,'
        f'{base64.b64encode(images[name]).decode("ascii")}">'
        for name in names
        if name in images
    ]
    return f'<div class="plots">{"".join(tags)}</div>' if tags else ""


def _table(
    header: list[str],
    rows: list[list[Any]],
    *,
    metric_paths: list[list[str | None]] | None = None,
    sortable: bool = True,
) -> str:
    e = html.escape
    head = "".join(f"<th>{e(h)}</th>" for h in header)
    body = []
    for i, row in enumerate(rows):
        cells = []
        for j, value in enumerate(row):
            path = metric_paths[i][j] if metric_paths else None
            attr = f' data-metric="{e(path)}"' if path else ""
            cells.append(f"<td{attr}>{e(_cell(value))}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    cls = ' class="sortable"' if sortable else ""
    return f"<table{cls}><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    return str(value)
