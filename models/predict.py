"""Batch prediction: pages in, one JSON record (or Parquet row) per page out, nothing lost.

``predict`` is the entry point for scripts and the CLI. ``out`` ending in ``.jsonl``,
``.jsonl.gz`` or ``.parquet`` is one file, written whole or not at all; any other path is a
folder of shards of ``shard_size`` pages, each written under a temporary name and renamed when
whole, so a run killed at any moment and started again with the same arguments skips the
shards already done and ends with every page exactly once; ``-`` is JSONL on standard output,
and an input ``-`` is standard input, so ``winnow predict - --out -`` is a Unix filter. Work runs in this process, in a
pool of processes (``workers``) or on a Dask cluster (``executor="dask"``); each worker loads
the model once. ``Cleaner.predict`` is the per-partition call for Spark, Ray or any other
runner.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import logging
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO

from winnow.features.metadata import FIELDS as METADATA_FIELDS
from winnow.features.page import Page
from winnow.features.readers import STDIN, read_pages
from winnow.models.atomic import write_text_atomic
from winnow.models.cleaner import Cleaner
from winnow.models.events import event
from winnow.models.executors import make_executor
from winnow.models.exit_codes import EXIT_MOSTLY_FAILED, EXIT_OK, EXIT_SOME_FAILED
from winnow.models.options import OUTPUT_FORMATS, PredictOptions

__all__ = ["OUTPUT_FORMATS", "PredictOptions", "PredictSummary", "predict"]

log = logging.getLogger("winnow.predict")

JOB_FILE = "_job.json"
STDOUT, STDOUT_NAME = "-", "<stdout>"


@dataclass
class PredictSummary:
    """Counts of a prediction run: pages, failures by kind, records skipped, and time."""

    pages: int = 0
    failed: int = 0
    errors: Counter = field(default_factory=Counter)
    topics: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    shards_written: int = 0
    shards_resumed: int = 0
    seconds: float = 0.0
    out: str = ""

    @property
    def ok(self) -> int:
        return self.pages - self.failed

    def count(self, record: dict) -> None:
        self.pages += 1
        if record["error"]:
            self.failed += 1
            self.errors[record["error"].split(":", 1)[0]] += 1
        elif record["topic"]:
            self.topics[record["topic"]] += 1

    def merge(self, counts: dict) -> None:
        """Add a shard's counts (``shard_counts``) to the run's."""
        self.pages += counts["pages"]
        self.failed += counts["failed"]
        self.errors.update(counts["errors"])
        self.topics.update(counts["topics"])

    def exit_code(self) -> int:
        """0 when every page went well, 1 when some failed, 3 when nearly all did."""
        if self.pages and self.failed > 1 and self.failed >= 0.9 * self.pages:
            return EXIT_MOSTLY_FAILED
        return EXIT_SOME_FAILED if self.failed else EXIT_OK

    def as_dict(self) -> dict[str, Any]:
        return {
            "pages": self.pages,
            "ok": self.ok,
            "failed": self.failed,
            "errors": dict(self.errors),
            "topics": dict(self.topics),
            "skipped_records": dict(self.skipped),
            "shards_written": self.shards_written,
            "shards_resumed": self.shards_resumed,
            "seconds": round(self.seconds, 3),
            "pages_per_second": round(self.pages / self.seconds, 1) if self.seconds else None,
            "out": self.out,
        }


def output_format(out: Path) -> str | None:
    """The single-file format ``out`` names, or None for a folder of shards."""
    name = Path(out).name.lower()
    for suffix in OUTPUT_FORMATS:
        if name.endswith(suffix):
            return suffix
    return None


def predict(
    inputs: Iterable[str | os.PathLike],
    out: str | os.PathLike,
    model: str | os.PathLike | Cleaner,
    options: PredictOptions | None = None,
    *,
    overwrite: bool = False,
    on_record: Callable[[dict], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> PredictSummary:
    """Clean and label every page in ``inputs`` with ``model`` (an artifact folder, or a
    loaded ``Cleaner`` when the work stays in this process) and write ``out``.

    An input ``-`` is standard input (JSONL, or one page); ``out`` ``-`` is JSONL on
    standard output, a record as soon as its shard is done. A one-file ``out`` that exists is
    replaced only with ``overwrite``; a folder of shards is resumed, or with ``overwrite``
    started again. ``on_record`` sees each record of a single-file run as it is written;
    ``on_progress`` gets the number of pages done since its last call.
    """
    options = options or PredictOptions()
    if options.shard_format not in OUTPUT_FORMATS:
        raise ValueError(f"--shard-format must be one of {', '.join(OUTPUT_FORMATS)}")
    if options.shard_size < 1 or options.batch_size < 1:
        raise ValueError("--shard-size and --batch-size must be at least 1")
    if isinstance(model, Cleaner) and (options.workers > 1 or options.executor != "local"):
        raise ValueError("workers load the model from its folder: pass the artifact's path")
    inputs = [str(i) for i in inputs]
    to_stdout = str(out) == STDOUT
    out = Path(out)
    _check_out(out, inputs, overwrite=overwrite, to_stdout=to_stdout)
    summary = PredictSummary(out=STDOUT_NAME if to_stdout else str(out))
    pages = read_pages(
        inputs, max_bytes=options.max_bytes, skipped=summary.skipped, domain=options.domain
    )
    load_cleaner(model, options)  # a bad model or favor is a usage error before any work starts
    start = time.perf_counter()
    executor = make_executor(options.executor, options.workers, options.scheduler)
    try:
        if to_stdout or output_format(out):
            write = partial(write_stream, stream=sys.stdout.buffer) if to_stdout else None
            _predict_file(
                pages, out, model, options, executor, summary, on_record, on_progress, write
            )
        else:
            if overwrite:
                _clear_shards(out)
            job = _job(inputs, model, options)
            _predict_shards(pages, out, model, options, executor, summary, job, on_progress)
    finally:
        executor.close()
    summary.seconds = time.perf_counter() - start
    event(log, "predict done", **summary.as_dict())
    return summary


# --- what a worker runs ---------------------------------------------------------------------

_LOADED: dict[tuple[str, bool], Cleaner] = {}


def load_cleaner(model: str | os.PathLike | Cleaner, options: PredictOptions) -> Cleaner:
    """The model for this process: loaded (and verified) once per process and path."""
    if isinstance(model, Cleaner):
        return _configure(model, options)
    from winnow.models.artifact import load_artifact

    key = (str(Path(model).resolve()), options.allow_version_mismatch)
    if key not in _LOADED:
        _LOADED[key] = load_artifact(model, allow_version_mismatch=options.allow_version_mismatch)
    return _configure(_LOADED[key], options)


def _configure(cleaner: Cleaner, options: PredictOptions) -> Cleaner:
    """A copy of ``cleaner`` with this run's settings; the fitted models are shared, and the
    cleaner handed in (often the process's cached one) is left as it was."""
    return replace(
        cleaner,
        context_size=options.shard_size,
        batch_size=options.batch_size,
        max_paragraphs=options.max_paragraphs,
        max_seconds=options.max_seconds,
    ).use_favor(options.favor)


def clean_chunk(model, options: PredictOptions, pages: list[Page]) -> list[dict]:
    """Records for a list of pages (one task of a single-file run)."""
    return list(load_cleaner(model, options).predict(pages))


def clean_shard(model, options: PredictOptions, folder: str, index: int, pages: list[Page]) -> dict:
    """Write shard ``index`` of a folder run and return its counts.

    The counts file is written first and the shard renamed into place last: a shard file
    that exists is whole, and its counts are beside it.
    """
    records = clean_chunk(model, options, pages)
    counts = shard_counts(records)
    path = shard_path(Path(folder), index, options.shard_format)
    write_text_atomic(_counts_path(path), json.dumps(counts) + "\n")
    write_records(records, path)
    return counts


def _indexed_shard(model, options, folder, index, pages) -> tuple[int, dict]:
    return index, clean_shard(model, options, folder, index, pages)


def shard_counts(records: list[dict]) -> dict:
    summary = PredictSummary()
    for record in records:
        summary.count(record)
    return {
        "pages": summary.pages,
        "failed": summary.failed,
        "errors": dict(summary.errors),
        "topics": dict(summary.topics),
    }


# --- single file and shards -----------------------------------------------------------------


def _check_out(out: Path, inputs: list[str], *, overwrite: bool, to_stdout: bool) -> None:
    """Usage errors of ``out``, before any page is read."""
    if to_stdout:
        return
    if output_format(out) is None:
        if out.suffix and not out.is_dir():
            raise ValueError(
                f"--out must end in {', '.join(OUTPUT_FORMATS)}, name a folder for shards "
                f"(no suffix), or be - for standard output: {out}"
            )
        if STDIN in inputs:
            raise ValueError(
                "standard input (-) goes to one file or to standard output (--out -): a "
                "folder of shards resumes, and a rerun cannot know its input is the same"
            )
        return
    if out.exists() and not overwrite:
        raise FileExistsError(f"{out} exists; choose another --out or pass --overwrite")
    if out.is_dir():
        raise ValueError(f"--out {out} is a folder; a one-file --out needs a file name")


def _clear_shards(folder: Path) -> None:
    """Remove a previous run's shards, counts and job file (and nothing else) from ``folder``."""
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if path.name == JOB_FILE or path.name.startswith(("part-", ".part-")):
            path.unlink()


def _predict_file(
    pages, out, model, options, executor, summary, on_record, on_progress, write=None
):
    # One task per shard's worth of pages, as in a folder run: a page's outlet context is
    # the shard it falls in, so one file and a folder of shards hold the same records.
    def tasks():
        for chunk in _chunks(pages, options.shard_size):
            yield (model, options, chunk)

    def records() -> Iterator[dict]:
        for chunk in executor.map_ordered(clean_chunk, tasks()):
            for record in chunk:
                summary.count(record)
                if on_record:
                    on_record(record)
                yield record
            if on_progress:
                on_progress(len(chunk))

    (write or partial(write_records, out=out))(records())


def _predict_shards(pages, folder: Path, model, options, executor, summary, job, on_progress):
    folder.mkdir(parents=True, exist_ok=True)
    _claim(folder, job)
    for stale in folder.glob(".*.tmp"):
        stale.unlink(missing_ok=True)  # left by a run that was killed mid-shard

    def tasks():
        for index, chunk in enumerate(_chunks(pages, options.shard_size)):
            path = shard_path(folder, index, options.shard_format)
            counts = _done(path)
            if counts is not None:
                summary.merge(counts)
                summary.shards_resumed += 1
                if on_progress:
                    on_progress(len(chunk))
                event(log, "shard already done", shard=index, **counts)
                continue
            yield (model, options, str(folder), index, chunk)

    for index, counts in executor.map_ordered(_indexed_shard, tasks()):
        summary.merge(counts)
        summary.shards_written += 1
        event(log, "shard written", shard=index, **counts)
        if on_progress:
            on_progress(counts["pages"])


def shard_path(folder: Path, index: int, fmt: str) -> Path:
    return folder / f"part-{index:05d}{fmt}"


def _counts_path(shard: Path) -> Path:
    return shard.with_name(f".{shard.name}.counts.json")


def _done(shard: Path) -> dict | None:
    """A finished shard's counts, or None when it has to be (re)done."""
    if not shard.exists():
        return None
    try:
        return json.loads(_counts_path(shard).read_text())
    except (OSError, ValueError):
        return None


def _job(inputs: list[str], model, options: PredictOptions) -> dict:
    """What makes a folder's shards this run's: the inputs, the model and how pages are cut."""
    if isinstance(model, Cleaner):
        model_id = "in-memory model"
    else:
        manifest = Path(model) / "manifest.json"
        model_id = hashlib.sha256(manifest.read_bytes()).hexdigest() if manifest.exists() else ""
    return {
        "inputs": [str(Path(i).resolve()) for i in inputs],
        "model": model_id,
        "shard_size": options.shard_size,
        "shard_format": options.shard_format,
        "max_bytes": options.max_bytes,
        "max_paragraphs": options.max_paragraphs,
        **({"domain": options.domain} if options.domain else {}),
        # Only when set, so that folders begun before it was recorded still resume: a page
        # that timed out in one shard would have been cleaned in another.
        **(
            {"max_seconds": options.max_seconds}
            if options.max_seconds != PredictOptions.max_seconds
            else {}
        ),
        # Only when not balanced, so that folders begun before favors existed still resume.
        **({"favor": options.favor} if options.favor != "balanced" else {}),
    }


def _claim(folder: Path, job: dict) -> None:
    """Refuse a folder holding another run's shards: mixing them would lose or repeat pages."""
    path = folder / JOB_FILE
    if path.exists():
        try:
            previous = json.loads(path.read_text())
        except ValueError:
            previous = None
        if previous != job:
            changed = (
                sorted(k for k in job if (previous or {}).get(k) != job[k])
                if isinstance(previous, dict)
                else ["unreadable job file"]
            )
            raise ValueError(
                f"{folder} holds shards of a different run ({', '.join(changed)} differ); "
                "use another --out folder, or remove this one to start again"
            )
        return
    if any(folder.glob("part-*")):
        raise ValueError(f"{folder} holds shards that no run of winnow recorded; use another --out")
    write_text_atomic(path, json.dumps(job, indent=2) + "\n")


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def write_records(records: Iterable[dict], out: Path) -> None:
    """Write records to ``out`` in the format its name gives, through a temporary name."""
    fmt = output_format(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    try:
        if fmt == ".parquet":
            _write_parquet(records, tmp)
        else:
            _write_jsonl(records, tmp, compress=fmt == ".jsonl.gz")
        tmp.replace(out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_stream(records: Iterable[dict], stream: BinaryIO) -> None:
    """Records as JSONL on a byte stream (standard output), flushed a record at a time so a
    reader downstream sees each one when it is done."""
    for record in records:
        stream.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
        stream.flush()


def _write_jsonl(records: Iterable[dict], path: Path, *, compress: bool) -> None:
    raw = open(path, "wb")
    try:
        stream = gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) if compress else raw
        text = io.TextIOWrapper(stream, encoding="utf-8", newline="\n")
        for record in records:
            text.write(json.dumps(record, ensure_ascii=False) + "\n")
        text.flush()
        text.detach()
        if compress:
            stream.close()
        raw.flush()
        os.fsync(raw.fileno())
    finally:
        raw.close()


def _write_parquet(records: Iterable[dict], path: Path, batch: int = 1000) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema(
        [
            ("id", pa.string()),
            ("url", pa.string()),
            *((name, pa.string()) for name in METADATA_FIELDS),
            ("text", pa.string()),
            ("topic", pa.string()),
            ("topic_score", pa.float64()),
            (
                "paragraphs",
                pa.list_(
                    pa.struct(
                        [
                            ("text", pa.string()),
                            ("label", pa.string()),
                            ("score", pa.float64()),
                            ("line", pa.int64()),  # text pages only; null for HTML
                        ]
                    )
                ),
            ),
            ("error", pa.string()),
        ]
    )
    with pq.ParquetWriter(path, schema) as writer:
        rows: list[dict] = []
        for record in records:
            rows.append(record)
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                rows = []
        if rows:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
