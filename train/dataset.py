"""``winnow build``: pages plus their labels to a dataset on disk.

A dataset is a folder: ``paragraphs/<split>.parquet`` (one row per paragraph: page id, domain,
page kind, the paragraph table's columns and a label: 1 content, 0 boilerplate, -1 unlabelled),
``pages/<split>.parquet`` (one row per page: id, domain, url, kind, topic, gold and content
text, genre), ``manifest.json`` (sources with sha256, options, counts, fingerprint) and ``README.md``.
Both tables load as Hugging Face ``DatasetDict``s.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import datasets
import numpy as np
import pandas as pd
import pyarrow.parquet as pq

from winnow.features.context import paragraph_table
from winnow.features.page import Page, Paragraph
from winnow.features.readers import read_pages
from winnow.features.repetition import OUTLET_COLUMNS, outlet_columns
from winnow.features.segment import MarkupTooDeep, PageTooLarge, segment_page
from winnow.features.vocabulary import BOILERPLATE, CONTENT, UNLABELLED
from winnow.models.artifact import package_versions
from winnow.models.atomic import atomic_dir
from winnow.models.events import event
from winnow.train.build_report import BuildReport, split_warnings
from winnow.train.hub import HubSource, read_hub
from winnow.train.label_map import URL_TOPIC_SOURCE, LabelMap
from winnow.train.labels import (
    GoldIndex,
    labels_from_record,
    snippet_labels,
    split_glued,
)
from winnow.train.options import BuildOptions
from winnow.train.render import render_page
from winnow.train.review_labels import ReviewedLabels, normalise, read_reviewed
from winnow.train.splits import SPLITS, assign_splits, lone_groups_warning, split_group

FORMAT = "winnow-dataset"
FORMAT_VERSION = 1
log = logging.getLogger("winnow.build")
TABLES = ("paragraphs", "pages")


class Skip(Exception):
    """A page that gives no training example: ``reason`` is counted, ``detail`` tells the
    user what is missing from it."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(reason)
        self.reason, self.detail = reason, detail


def page_examples(
    page: Page,
    options: BuildOptions,
    *,
    cut_glued: bool = False,
    reviewed: dict[str, int] | None = None,
) -> tuple[dict, pd.DataFrame]:
    """The page row and the labelled paragraph table of one page.

    ``cut_glued`` cuts text pieces where the gold starts or stops (chaff glued to content by a
    scraper) into separate examples. Only training pages get it: validation and test keep the
    segmentation that prediction sees, so their scores are honest.

    ``reviewed`` (normalised paragraph text -> label, from ``winnow review``) overrides
    whatever else labels those paragraphs: a person's answer beats an alignment.
    """
    if page.error:
        raise Skip(page.error.split(":", 1)[0])
    try:
        paragraphs = segment_page(page)
    except MarkupTooDeep as err:
        raise Skip("too_deep", str(err)) from None
    except PageTooLarge as err:
        raise Skip("too_large", str(err)) from None
    if not paragraphs:
        raise Skip("no_text", "no text found on the page")
    gold = page.meta.get("gold_text")
    gold = gold if isinstance(gold, str) and gold.strip() else None
    explicit = page.meta.get(options.label_field)
    labels: list[int] | None = None
    source = None
    if isinstance(explicit, list):
        source = "reviewed lines" if page.meta.get("reviewed") is True else "explicit labels"
        lines = page.meta.get("paragraphs")
        if isinstance(lines, list) and page.html is None:
            # Pre-split lines: labels follow each line's input position.
            expected, what = len(lines), "lines"
            per_line = labels_from_record(explicit, len(lines))
            labels = [per_line[p.line] for p in paragraphs] if per_line is not None else None
        else:
            expected, what = len(paragraphs), "paragraphs"
            labels = labels_from_record(explicit, len(paragraphs))
        if labels is None:
            raise Skip(
                "labels_mismatch",
                f"`{options.label_field}` has {len(explicit)} label{'' if len(explicit) == 1 else 's'} for {expected} {what}",
            )
    elif gold is not None:
        source = "gold alignment"
        index = GoldIndex(gold, options.align.k)
        if page.kind == "text" and cut_glued:
            paragraphs = _split_glued(paragraphs, index)
        labels = [index.label(p.text, options.align) for p in paragraphs]
    elif _snippets(page.meta.get("with")) or _snippets(page.meta.get("without")):
        source = "snippets"
        labels = snippet_labels(
            [p.text for p in paragraphs],
            _snippets(page.meta.get("with")),
            _snippets(page.meta.get("without")),
        )
    if reviewed:
        found = [reviewed.get(normalise(p.text)) for p in paragraphs]
        if any(label is not None for label in found):
            base = labels if labels is not None else [UNLABELLED] * len(paragraphs)
            labels = [b if r is None else r for b, r in zip(base, found, strict=True)]
            source = "review answers" if source is None else f"{source} and review answers"
    topic = page.meta.get(options.topic_field, page.meta.get("label"))
    mapping = LabelMap(options.label_map, options.url_sections)
    topic = mapping.fold(str(topic) if isinstance(topic, str | int) and str(topic) else None)
    topic_source = "label" if topic is not None else ""
    # Only a page whose article text is known: the whole text of a page is not an article.
    if topic is None and labels is not None:
        found = mapping.url_topic(page.known_url, str(page.meta.get("page_type") or "") or None)
        if found is not None:
            topic, topic_source = found[0], f"{URL_TOPIC_SOURCE} {found[1]}"
    if labels is None and topic is None:
        raise Skip(
            "no_labels",
            f"nothing to learn from: no `gold_text`, `{options.label_field}`, `with`/`without` "
            f"snippets or `{options.topic_field}`",
        )
    table = paragraph_table(paragraphs)
    table.insert(0, "page_id", page.id)
    group = split_group(page)
    table.insert(1, "domain", group)
    table.insert(2, "kind", page.kind)
    table.insert(3, "index", range(len(paragraphs)))
    table.insert(4, "line", [p.line for p in paragraphs])
    table["label"] = labels if labels is not None else [UNLABELLED] * len(paragraphs)
    if gold:
        content = gold
    elif labels is not None:
        content = "\n\n".join(
            p.text for p, lab in zip(paragraphs, table["label"], strict=True) if lab == CONTENT
        )
    else:  # a topic document: all of it is the article
        content = "\n\n".join(p.text for p in paragraphs)
    row = {
        "id": page.id,
        "domain": group,
        "url": page.url or "",
        "kind": page.kind,
        "topic": topic or "",
        "topic_source": topic_source,
        "gold_text": gold or "",
        "content_text": content,
        "n_paragraphs": len(paragraphs),
        "has_labels": labels is not None,
        # What kind of page it is, as its source says (WCXB's page_type: article, product...).
        "genre": str(page.meta.get("page_type") or ""),
        "label_source": source or ("topic only" if labels is None else ""),
    }
    return row, table


def _all_pages(
    inputs: list[Path], hub: Sequence[HubSource], domain: str | None = None
) -> Iterator[Page]:
    yield from read_pages(inputs, domain=domain)
    for source in hub:
        yield from read_hub(source)


def _with_renderings(pages: Iterable[Page], render: Sequence[str]) -> Iterator[Page]:
    """Each page, followed by its text renderings when it has markup and labels to align."""
    for page in pages:
        yield page
        if not render or page.html is None or page.error:
            continue
        if not (page.meta.get("gold_text") or page.meta.get("with") or page.meta.get("without")):
            continue
        for how in render:
            rendered = render_page(page, how)
            if rendered is not None:
                yield rendered


def _describe_hub(source: HubSource) -> dict[str, Any]:
    return {
        **source.describe(),
        "path": f"hf:{source.name}",
        "files": 0,
        "bytes": 0,
        "sha256": source.fingerprint or "",
    }


def weak_labels(pages: list[dict], tables: list[pd.DataFrame], repeat_min: int) -> dict:
    """Label, in place, paragraphs of unlabelled pages that recur on ``repeat_min`` or more
    pages of their domain as boilerplate; returns what it did for the manifest."""
    result = {"repeat_min": repeat_min, "pages": 0, "paragraphs": 0}
    if repeat_min <= 0:
        return result
    by_domain: dict[str, list[int]] = {}
    for i, row in enumerate(pages):
        if not row["has_labels"]:
            by_domain.setdefault(row["domain"], []).append(i)
    for members in by_domain.values():
        if len(members) < repeat_min:
            continue
        seen: Counter[str] = Counter()
        for i in members:
            seen.update(set(tables[i]["text"].str.lower()))
        for i in members:
            repeated = tables[i]["text"].str.lower().map(seen).to_numpy() >= repeat_min
            if repeated.any():
                tables[i].loc[repeated, "label"] = BOILERPLATE
                pages[i]["has_labels"] = True
                pages[i]["label_source"] = "repeated in domain"
                result["pages"] += 1
                result["paragraphs"] += int(repeated.sum())
    return result


def add_outlet_columns(pages: list[dict], tables: list[pd.DataFrame]) -> None:
    """Fill, in place, each paragraph's repetition across the other pages of its outlet
    (``features.repetition``), counted as prediction counts it in a batch."""
    columns = outlet_columns(
        [p["domain"] for p in pages],
        [p["url"] for p in pages],
        [t["text"].tolist() for t in tables],
    )
    for table, values in zip(tables, columns, strict=True):
        table[OUTLET_COLUMNS] = values


def _snippets(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def _split_glued(paragraphs: list[Paragraph], index: GoldIndex) -> list[Paragraph]:
    out: list[Paragraph] = []
    for p in paragraphs:
        pieces = split_glued(p.text, index) or [p.text]
        for piece in pieces:
            out.append(Paragraph(text=piece, index=len(out), line=p.line))
    return out


def build_dataset(
    inputs: Iterable[str | os.PathLike],
    out: str | os.PathLike,
    options: BuildOptions | None = None,
    *,
    overwrite: bool = False,
    progress: Callable[[Page], None] | None = None,
    hub: Sequence[HubSource] = (),
    labels: Sequence[str | os.PathLike] = (),
) -> dict[str, Any]:
    """Read, label, split and write a dataset; returns its manifest.

    ``labels`` are reviewed-labels files (``winnow review``); their answers override the
    labels of the paragraphs they name, and make pages that had none usable.
    """
    options = options or BuildOptions()
    inputs, label_files, out = [Path(p) for p in inputs], [Path(p) for p in labels], Path(out)
    reviewed = read_reviewed(label_files)
    report = BuildReport(topic_field=options.topic_field, label_field=options.label_field)
    for problem in reviewed.problems:
        log.warning(problem)
        report.extra_warnings.append(problem)
    _check_destination(inputs, hub, out, overwrite)

    pages = _with_renderings(_all_pages(inputs, hub, options.domain), options.render)
    found = collect_examples(pages, options, reviewed, report, progress)
    _require_pages(found, inputs, report)
    event(log, "pages read", pages=found.seen, kept=len(found.pages), dropped=dict(found.dropped))
    assignment = split_outlets(found, options, report)
    weak = relabel(found, assignment, options, reviewed)
    add_outlet_columns(found.pages, found.tables)
    frames = _split_frames(found, assignment)
    sources = [_describe_source(p) for p in inputs + label_files] + [_describe_hub(h) for h in hub]
    manifest = _manifest(options, sources, found, frames, report, weak, reviewed, label_files)
    write_dataset(out, frames, manifest, overwrite)
    return manifest


def _check_destination(
    inputs: list[Path], hub: Sequence[HubSource], out: Path, overwrite: bool
) -> None:
    if not inputs and not hub:
        raise ValueError("nothing to build from: give page files, folders or --hf datasets")
    if out.exists() and not overwrite:
        raise FileExistsError(f"{out} exists; choose another --out or pass --overwrite")


def _require_pages(found: Examples, inputs: list[Path], report: BuildReport) -> None:
    """No page gave an example: say why, with the first few reasons, before splitting."""
    if found.pages:
        return
    first = "; ".join(f"{d['where']}: {d['reason']}: {d['detail']}" for d in report.dropped[:3])
    raise ValueError(
        f"no usable pages in {', '.join(map(str, inputs))} ({dict(found.dropped)})"
        + (f"; first: {first}" if first else "")
    )


def _split_frames(found: Examples, assignment: dict[str, str]) -> dict[str, pd.DataFrame]:
    """The pages and paragraphs tables, each row with its outlet's split."""
    pages = pd.DataFrame(found.pages)
    pages["split"] = pages["domain"].map(assignment)
    paragraphs = pd.concat(found.tables, ignore_index=True)
    paragraphs["split"] = paragraphs["domain"].map(assignment)
    return {"paragraphs": paragraphs, "pages": pages}


def _manifest(
    options: BuildOptions,
    sources: list[dict],
    found: Examples,
    frames: dict[str, pd.DataFrame],
    report: BuildReport,
    weak: dict,
    reviewed: ReviewedLabels,
    label_files: list[Path],
) -> dict[str, Any]:
    """What the dataset is and how it was made; logs its warnings and dropped records."""
    manifest = {
        **_manifest_head(options),
        "sources": sources,
        "pages_read": found.seen,
        "pages_kept": len(found.pages),
        "pages_dropped": dict(sorted(found.dropped.items())),
        # Each dropped record with its reason (the first ``MAX_DROPPED``), and the record keys
        # build does not read.
        **report.manifest(),
        "weak_labels": weak,
        # Answers from `winnow review`: how many there were, and how many found their paragraph.
        "reviewed_labels": {
            "files": [str(p) for p in label_files],
            "labels": len(reviewed),
            "applied": found.applied["labels"],
            "pages": found.applied["pages"],
        },
        "splits": split_counts(frames["pages"], frames["paragraphs"]),
    }
    outlets = int(frames["pages"]["domain"].nunique())
    manifest["warnings"] = report.warnings() + split_warnings(
        manifest["splits"], outlets, options.fractions
    )
    manifest["notes"] = report.notes()
    for warning in manifest["warnings"]:
        event(log, "build warning", warning=warning)
    for record in report.dropped:
        event(log, "record dropped", **record)
    manifest["fingerprint"] = _fingerprint(manifest)
    return manifest


@dataclass
class Examples:
    """The usable pages read: a row and a labelled paragraph table each, in reading order,
    with what was dropped and what build comes back to once the splits are known."""

    pages: list[dict] = field(default_factory=list)
    tables: list[pd.DataFrame] = field(default_factory=list)
    seen: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    # Review answers that found their paragraph: pages and labels.
    applied: Counter[str] = field(default_factory=Counter)
    # Text pages with gold text, by position: cut where chaff was glued on if they train.
    text_pages: dict[int, Page] = field(default_factory=dict)
    # The positions of text renderings of markup pages (``--render``).
    rendered: set[int] = field(default_factory=set)


def collect_examples(
    pages: Iterable[Page],
    options: BuildOptions,
    reviewed: ReviewedLabels,
    report: BuildReport,
    progress: Callable[[Page], None] | None = None,
) -> Examples:
    """Each page's row and labelled table (``page_examples``), the review answers
    (``read_reviewed``) applied; a page that gives no example is counted and reported."""
    found = Examples()
    for page in pages:
        found.seen += 1
        if progress:
            progress(page)
        answers = reviewed.for_page(page.id)
        notes = report.check(page)
        try:
            row, table = page_examples(page, options, reviewed=answers)
        except Skip as skip:
            found.dropped[skip.reason] += 1
            report.drop(page, skip.reason, skip.detail, notes)
            continue
        if answers:
            used = {normalise(t) for t in table["text"]} & answers.keys()
            found.applied.update(pages=1, labels=len(used))
        if page.kind == "text" and row["gold_text"]:
            found.text_pages[len(found.pages)] = page
        if page.meta.get("rendered"):
            found.rendered.add(len(found.pages))
        found.pages.append(row)
        found.tables.append(table)
    return found


def split_outlets(found: Examples, options: BuildOptions, report: BuildReport) -> dict[str, str]:
    """Each outlet's split (grouped by domain: no outlet is in two splits).

    Renderings follow their page into its split and do not move the split of any other: a
    dataset built with --render holds out the same outlets as one built without.
    """
    sources = [p["domain"] for i, p in enumerate(found.pages) if i not in found.rendered]
    assignment = assign_splits(sources, seed=options.seed, fractions=options.fractions)
    if lone := lone_groups_warning(sources):
        report.extra_warnings.append(lone)
    orphans = [p["domain"] for p in found.pages if p["domain"] not in assignment]
    if orphans:
        assignment |= assign_splits(orphans, seed=options.seed, fractions=options.fractions)
    return assignment


def relabel(
    found: Examples, assignment: dict[str, str], options: BuildOptions, reviewed: ReviewedLabels
) -> dict:
    """What the splits and the other pages change, in place: paragraphs repeated across an
    outlet's unlabelled pages become boilerplate (``weak_labels``, whose summary this
    returns), and training text pages with gold text are cut where chaff was glued on."""
    weak = weak_labels(found.pages, found.tables, options.repeat_min)
    for i, page in found.text_pages.items():
        if assignment[found.pages[i]["domain"]] == "train":
            found.pages[i], found.tables[i] = page_examples(
                page, options, cut_glued=True, reviewed=reviewed.for_page(page.id)
            )
    return weak


def _manifest_head(options: BuildOptions) -> dict[str, Any]:
    """What the manifest opens with: the format, when and by what it was built, and how."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "winnow_version": package_versions()["winnow-news"],
        "options": {
            **asdict(options),
            "fractions": list(options.fractions),
            "render": list(options.render),
        },
    }


def split_counts(page_frame: pd.DataFrame, para_frame: pd.DataFrame) -> dict[str, Any]:
    """Per split, the manifest's counts of pages, outlets, paragraphs, labels, page kinds,
    label sources and topics."""
    counts = {}
    for split in SPLITS:
        sp = page_frame[page_frame["split"] == split]
        pa = para_frame[para_frame["split"] == split]
        counts[split] = {
            "pages": len(sp),
            "domains": int(sp["domain"].nunique()),
            "paragraphs": len(pa),
            "labels": {
                "content": int((pa["label"] == CONTENT).sum()),
                "boilerplate": int((pa["label"] == BOILERPLATE).sum()),
                "unlabelled": int((pa["label"] == UNLABELLED).sum()),
            },
            "kinds": {k: int(v) for k, v in sp["kind"].value_counts().sort_index().items()},
            # Where each page's paragraph labels came from (pages, not paragraphs).
            "label_sources": {
                k: int(v) for k, v in sp["label_source"].value_counts().sort_index().items()
            },
            "topics": {
                k: int(v)
                for k, v in sp["topic"][sp["topic"] != ""].value_counts().sort_index().items()
            },
            # Topics the pages' URL sections gave (weak labels), by topic.
            "url_topics": {
                k: int(v)
                for k, v in sp["topic"][sp["topic_source"].str.startswith(URL_TOPIC_SOURCE)]
                .value_counts()
                .sort_index()
                .items()
            },
        }
    return counts


def write_dataset(
    out: Path, frames: dict[str, pd.DataFrame], manifest: dict, overwrite: bool = False
) -> None:
    """The dataset folder, whole or not at all: each table's splits as Parquet (HF
    ``datasets`` Arrow tables), the manifest and the card."""
    with atomic_dir(out, overwrite=overwrite) as tmp:
        for name, frame in frames.items():
            (tmp / name).mkdir()
            for split in SPLITS:
                part = frame[frame["split"] == split].drop(columns="split").reset_index(drop=True)
                table = datasets.Dataset.from_pandas(part, preserve_index=False).data.table
                pq.write_table(table, tmp / name / f"{split}.parquet")
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
        (tmp / "README.md").write_text(dataset_card(manifest))


def load_built(path: str | os.PathLike, table: str = "paragraphs") -> datasets.DatasetDict:
    """One table of a built dataset as a ``DatasetDict`` of its splits (read in memory)."""
    path = Path(path)
    return datasets.DatasetDict({split: _load_split(path, table, split) for split in SPLITS})


def load_frame(path: str | os.PathLike, table: str, split: str) -> pd.DataFrame:
    """One split of one table as a DataFrame, the form the pipelines take.

    Paragraph rows come grouped by page and in page order, as the second pass reads them.
    """
    frame = _load_split(Path(path), table, split).to_pandas()
    if table == "paragraphs" and len(frame):
        first = pd.factorize(frame["page_id"])[0]
        frame = frame.iloc[np.lexsort((frame["index"].to_numpy(), first))]
        frame = frame.reset_index(drop=True)
    return frame


def _load_split(path: Path, table: str, split: str) -> datasets.Dataset:
    if table not in TABLES:
        raise ValueError(f"table must be one of {TABLES}")
    require_dataset(path)
    return datasets.Dataset(
        datasets.table.InMemoryTable(pq.read_table(path / table / f"{split}.parquet"))
    )


def read_manifest(path: str | os.PathLike) -> dict[str, Any]:
    """A built dataset's manifest; ``FileNotFoundError`` in plain words when ``path`` holds
    none."""
    require_dataset(path)
    return json.loads((Path(path) / "manifest.json").read_text())


def require_dataset(path: str | os.PathLike) -> None:
    """``FileNotFoundError`` saying what ``path`` is, unless it is a dataset ``build`` wrote."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"no dataset at {path}: no such folder (`winnow build` writes one)")
    if not (path / "manifest.json").is_file():
        raise FileNotFoundError(
            f"{path} is not a winnow dataset: it has no manifest.json (`winnow build` writes one)"
        )


def _describe_source(path: Path) -> dict[str, Any]:
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    digest = hashlib.sha256()
    size = 0
    for file in files:
        digest.update(file.relative_to(path if path.is_dir() else path.parent).as_posix().encode())
        with open(file, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
                size += len(chunk)
    return {"path": str(path), "files": len(files), "bytes": size, "sha256": digest.hexdigest()}


def _fingerprint(manifest: dict) -> str:
    """Changes when any input byte, option or count changes; not with the build time."""
    # What build says about the records names them by path; their counts are kept.
    said = ("created", "fingerprint", "dropped_records", "unknown_keys", "warnings", "notes")
    stable = {k: v for k, v in manifest.items() if k not in said}
    stable["sources"] = [
        {k: s[k] for k in ("sha256", "bytes", "files")} for s in manifest["sources"]
    ]
    return hashlib.sha256(json.dumps(stable, sort_keys=True).encode()).hexdigest()[:16]


def dataset_card(manifest: dict) -> str:
    """A short Markdown card: where the data came from and what is in each split."""
    lines = [
        "# winnow dataset",
        "",
        f"Fingerprint `{manifest['fingerprint']}`, built {manifest['created']} with winnow "
        f"{manifest['winnow_version']}, seed {manifest['options']['seed']}.",
        "",
        "## Sources",
        "",
        "| path | files | bytes | sha256 |",
        "|---|---|---|---|",
    ]
    for s in manifest["sources"]:
        lines.append(f"| `{s['path']}` | {s['files']} | {s['bytes']:,} | `{s['sha256'][:16]}` |")
    lines += [
        "",
        f"Explicit paragraph labels read from the `{manifest['options'].get('label_field', 'labels')}` "
        "field.",
        "",
        f"Pages read {manifest['pages_read']}, kept {manifest['pages_kept']}; dropped: "
        + (", ".join(f"{k} {v}" for k, v in manifest["pages_dropped"].items()) or "none")
        + ".",
        "",
        *_said_lines(manifest),
        "## Splits (grouped by domain)",
        "",
        "| split | pages | domains | paragraphs | content | boilerplate | unlabelled "
        "| labels from (pages) | topics |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, s in manifest["splits"].items():
        topics = ", ".join(f"{k} {v}" for k, v in s["topics"].items())
        sources = ", ".join(f"{k} {v}" for k, v in s.get("label_sources", {}).items())
        lab = s["labels"]
        lines.append(
            f"| {name} | {s['pages']} | {s['domains']} | {s['paragraphs']} | {lab['content']} "
            f"| {lab['boilerplate']} | {lab['unlabelled']} | {sources} | {topics} |"
        )
    return "\n".join(lines) + "\n"


CARD_DROPPED = 10  # dropped records listed on the dataset card (the manifest keeps more)


def dropped_lines(
    manifest: dict, limit: int = CARD_DROPPED, where: str = "manifest.json"
) -> list[str]:
    """The first ``limit`` dropped records, one line each ("file:line: reason: detail"), and
    where the rest are (``where``, the manifest); nothing when none was dropped."""
    dropped = manifest.get("dropped_records") or {}
    records = dropped.get("records") or []
    lines = [f"{d['where']}: {d['reason']}: {d['detail']}" for d in records[:limit]]
    total = dropped.get("total", len(records))
    if total > len(lines):
        lines.append(
            f"... and {total - len(lines)} more; the first {len(records)} are in {where} "
            "under dropped_records"
        )
    return lines


def _said_lines(manifest: dict) -> list[str]:
    """The card's dropped records, warnings and notes, as Markdown lists."""
    lines: list[str] = []
    for title, items in (
        ("Dropped records", dropped_lines(manifest)),
        ("Warnings", manifest.get("warnings") or []),
        ("Notes", manifest.get("notes") or []),
    ):
        if items:
            lines += [f"{title}:", "", *(f"- {item}" for item in items), ""]
    return lines
