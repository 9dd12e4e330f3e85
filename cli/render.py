"""What the commands show a person: tables, progress on stderr, the build report, the review
screen. Records and files are the library's; this module only draws."""

from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from winnow.features.vocabulary import CONTENT, LABEL_NAMES

out_console = Console()
err_console = Console(stderr=True)

BUILD_DROPPED_SHOWN = 10  # dropped records `build` prints; the manifest keeps the first 100


def error(message: str) -> None:
    err_console.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)


def say(text: str, **style) -> None:
    """A line on standard output."""
    out_console.print(text, **style)


def _bar(*columns):
    """A transient rich bar on stderr: a spinner, ``columns``, the elapsed time. Off when
    stderr is not a terminal: a log file gets the summary, not a bar."""
    from rich.progress import Progress, SpinnerColumn, TimeElapsedColumn

    return Progress(
        SpinnerColumn(),
        *columns,
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        disable=not err_console.is_terminal,
    )


@contextmanager
def progress(quiet: bool):
    """A progress line on stderr (pages done, pages per second); yields its advance call."""
    if quiet:
        yield lambda n: None
        return
    from rich.progress import TextColumn

    with _bar(TextColumn("{task.completed:,.0f} pages"), TextColumn("{task.fields[rate]}")) as bar:
        task = bar.add_task("predict", total=None, rate="")

        def advance(n: int) -> None:
            bar.advance(task, n)
            speed = bar.tasks[task].speed
            bar.update(task, rate=f"{speed:,.0f} pages/s" if speed else "")

        yield advance


@contextmanager
def stages(quiet: bool, names: tuple[str, ...]):
    """A bar over a command's stages on stderr, naming the one running; yields the call that
    starts a stage."""
    if quiet:
        yield lambda name: None
        return
    from rich.progress import BarColumn, TextColumn

    with _bar(
        BarColumn(bar_width=24),
        TextColumn("{task.completed:.0f}/{task.total:.0f} {task.description}"),
    ) as bar:
        task = bar.add_task(names[0], total=len(names))

        def start(name: str) -> None:
            done = names.index(name) if name in names else 0
            bar.update(task, completed=done, description=name)

        yield start


@contextmanager
def working(quiet: bool, what: str):
    """A spinner with the elapsed time on stderr while a long step runs (not with --quiet)."""
    if quiet:
        yield
        return
    from rich.progress import TextColumn

    with _bar(TextColumn(what)) as bar:
        bar.add_task(what, total=None)
        yield


def dataset_built(manifest: dict, out: Path) -> None:
    """The splits' counts, reviewed labels applied, pages kept and dropped, then the build
    report."""
    table = Table(title=f"dataset {out} (fingerprint {manifest['fingerprint']})")
    columns = ("split", "pages", "domains", "paragraphs", "content", "boilerplate", "unlabelled")
    for column in columns:
        table.add_column(column, justify="right" if column != "split" else "left")
    for name, s in manifest["splits"].items():
        lab = s["labels"]
        counts = (s["pages"], s["domains"], s["paragraphs"])
        table.add_row(
            name, *map(str, counts + (lab["content"], lab["boilerplate"], lab["unlabelled"]))
        )
    out_console.print(table)
    reviewed = manifest["reviewed_labels"]
    if reviewed["files"]:
        out_console.print(
            f"reviewed labels: {reviewed['applied']} of {reviewed['labels']} applied, "
            f"on {reviewed['pages']} pages"
        )
    dropped = manifest["pages_dropped"]
    out_console.print(
        f"pages read {manifest['pages_read']}, kept {manifest['pages_kept']}, dropped "
        + (", ".join(f"{k} {v}" for k, v in dropped.items()) or "none")
    )
    build_report(manifest, out / "manifest.json")


def build_report(manifest: dict, where: Path) -> None:
    """On stderr: the first dropped records with their reasons, then the warnings and notes
    about the data (all of them are also in the manifest)."""
    from winnow.train.dataset import dropped_lines

    lines = dropped_lines(manifest, BUILD_DROPPED_SHOWN, str(where))
    if lines:
        err_console.print("dropped records:", highlight=False)
    for line in lines:
        err_console.print(f"  {escape(line)}", highlight=False, soft_wrap=True)
    for warning in manifest.get("warnings") or []:
        err_console.print(
            f"[yellow]warning:[/yellow] {escape(warning)}", highlight=False, soft_wrap=True
        )
    for note in manifest.get("notes") or []:
        err_console.print(f"note: {escape(note)}", highlight=False, soft_wrap=True)


def trained(path: Path, metrics: dict) -> None:
    """The new artifact's metrics per split, and what it trained."""
    metrics_table(metrics, title=f"artifact {path}")
    parts(json.loads((path / "manifest.json").read_text()))


def parts(manifest: dict, indent: str = "", warnings: bool = True) -> None:
    """What a run trained and what it could not, and whether its thresholds were tuned (a
    missing part or an untuned threshold is a warning)."""
    from winnow.train.card import parts_summary

    for line, warn in parts_summary(manifest):
        style = "[yellow]warning:[/yellow] " if warn and warnings else ""
        out_console.print(f"{indent}{style}{escape(line)}", highlight=False, soft_wrap=True)


def metrics_table(metrics: dict, title: str) -> None:
    table = Table(title=title)
    for column in ("split", "pages", "boilerplate F1", "page token F1", "keep-all F1", "topic acc"):
        table.add_column(column, justify="left" if column == "split" else "right")
    for split, m in metrics.items():
        para = (m.get("paragraph") or {}).get("boilerplate", {}).get("f1", "-")
        tok = m.get("page_tokens") or {}
        topic = ((m.get("topic") or {}).get("article_text") or {}).get("accuracy", "-")
        table.add_row(
            split,
            str(m.get("pages", 0)),
            str(para),
            str(tok.get("f1", "-")),
            str(tok.get("keep_all_f1", "-")),
            str(topic),
        )
    out_console.print(table)


def evaluated(metrics: dict, title: str, target: Path) -> None:
    metrics_table(metrics, title)
    out_console.print(f"report: {target / 'report.html'} (and report.md, figures.json)")


def checks(outcomes: list, quiet: bool) -> None:
    """Each check on stdout; with --quiet only the failed ones, on stderr."""
    for outcome in outcomes:
        if not quiet:
            out_console.print(outcome.line(), markup=False, highlight=False, soft_wrap=True)
        elif outcome.failed:
            err_console.print(outcome.line(), markup=False, highlight=False, soft_wrap=True)


def plain(text: str) -> None:
    """Text as it is (a report in Markdown): no markup, no highlighting."""
    out_console.print(text, markup=False, highlight=False, soft_wrap=True)


class FirstRecords(list):
    """The first ``n`` records a run writes, kept for the predictions table."""

    def __init__(self, n: int):
        super().__init__()
        self.n = n

    def keep(self, record: dict) -> None:
        if len(self) < self.n:
            self.append(record)


def predicted(records: list[dict], summary, out: Path) -> None:
    """The first records as a table, then the run's counts. With the records on standard
    output, everything said to a person goes to stderr."""
    from winnow.models.predict import STDOUT

    console = err_console if str(out) == STDOUT else out_console
    if records:
        records_table(records, console)
    s = summary.as_dict()
    skipped = ", ".join(f"{k} {v}" for k, v in s["skipped_records"].items())
    resumed = f"; {s['shards_resumed']} shards already done" if s["shards_resumed"] else ""
    console.print(
        f"{s['pages']} pages, {s['ok']} ok, {s['failed']} failed "
        f"({', '.join(f'{k} {v}' for k, v in s['errors'].items()) or 'no errors'})"
        f"{'; records skipped: ' + skipped if skipped else ''}{resumed}; "
        f"{s['pages_per_second']} pages/s; wrote {s['out']}",
        soft_wrap=True,
        highlight=False,
    )


def records_table(records: list[dict], console: Console = out_console) -> None:
    table = Table(title="predictions")
    for column in ("page", "topic", "score", "kept", "words", "error"):
        table.add_column(
            column, justify="left" if column in ("page", "topic", "error") else "right"
        )
    for r in records:
        kept = sum(p["label"] == LABEL_NAMES[CONTENT] for p in r["paragraphs"])
        table.add_row(
            r["id"][-48:],
            r["topic"] or "-",
            f"{r['topic_score']:.2f}" if r["topic_score"] else "-",
            f"{kept}/{len(r['paragraphs'])}",
            str(len(r["text"].split())),
            r["error"] or "",
        )
    console.print(table)


def review_item(item, position: int, total: int) -> None:
    """The review screen: the paragraph in bold between its neighbours, its page and score,
    and the keys."""
    from rich.panel import Panel
    from rich.text import Text

    from winnow.train.figures import clip

    body = Text()
    for text in item.before:
        body.append(clip(text, 300) + "\n\n", style="dim")
    body.append(item.text + "\n", style="bold")
    for text in item.after:
        body.append("\n" + clip(text, 300), style="dim")
    out_console.print(
        Panel(
            body,
            title=f"{position + 1}/{total} · {item.domain} · P(content) {item.score:.2f}, "
            f"threshold {item.threshold:g}",
            subtitle=escape("[c]ontent  [b]oilerplate  [s]kip  [u]ndo  [q]uit"),
            title_align="left",
        ),
        highlight=False,
    )
    out_console.print(f"{item.page_id}  {item.url}", style="dim", highlight=False)


def reviewed(result, out: Path) -> None:
    out_console.print(
        f"content {result.content}, boilerplate {result.boilerplate}, skipped {result.skipped}, "
        f"undone {result.undone}, left {result.left}; answers in {out}"
    )


def artifact_check(run: Path, check, as_json: bool) -> None:
    """``info``: the verification as JSON, or what the artifact holds and what is wrong."""
    m = check.manifest
    if as_json:
        out_console.print_json(
            json.dumps(
                {
                    "path": str(run),
                    "ok": check.ok,
                    "problems": check.problems,
                    "warnings": check.warnings,
                    "types": check.types,
                    "manifest": m,
                }
            )
        )
        return
    status = "[green]verified[/green]" if check.ok else "[red]NOT verified[/red]"
    out_console.print(f"{run}: {status}")
    if m:
        _artifact_manifest(m)
    for problem in check.problems:
        out_console.print(f"  [red]problem:[/red] {problem}", highlight=False)
    for warning in check.warnings:
        out_console.print(f"  [yellow]warning:[/yellow] {warning}", highlight=False)


def _artifact_manifest(m: dict) -> None:
    from winnow.models.artifact import parts_from_files

    out_console.print(
        f"  format {m.get('format')} v{m.get('format_version')}, created {m.get('created')}"
    )
    out_console.print(f"  versions {m.get('versions')}")
    parts(m, indent="  ", warnings=False)
    if (m.get("parts") or parts_from_files(m.get("files") or {}))["boilerplate"]:
        out_console.print(f"  boilerplate thresholds {m.get('thresholds')} (--favor balanced)")
        favors = m.get("favor_thresholds") or {}
        for name in ("precision", "recall"):
            out_console.print(
                f"  --favor {name} thresholds "
                + (str(favors[name]) if name in favors else "none (trained before --favor)")
            )
    ds = m.get("dataset") or {}
    out_console.print(f"  dataset {ds.get('path')} fingerprint {ds.get('fingerprint')}")
    for name, digest in (m.get("files") or {}).items():
        out_console.print(f"  {name}  sha256 {digest[:16]}…")
