"""Batch prediction: pages in, one JSON record (or Parquet row) per page out, written whole.

``predict_file`` is the entry point for scripts and the CLI; ``Cleaner.predict`` is the
per-partition call for Spark, Ray or any other runner.
"""

from __future__ import annotations

import gzip
import io
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from winnow.features.readers import read_pages
from winnow.models.cleaner import Cleaner

OUTPUT_FORMATS = (".jsonl", ".jsonl.gz", ".parquet")


@dataclass
class PredictSummary:
    """Counts of a prediction run: pages, failures by kind, and time."""

    pages: int = 0
    failed: int = 0
    errors: Counter = field(default_factory=Counter)
    topics: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    out: str = ""

    @property
    def ok(self) -> int:
        return self.pages - self.failed

    def as_dict(self) -> dict[str, Any]:
        return {
            "pages": self.pages,
            "ok": self.ok,
            "failed": self.failed,
            "errors": dict(self.errors),
            "topics": dict(self.topics),
            "seconds": round(self.seconds, 3),
            "pages_per_second": round(self.pages / self.seconds, 1) if self.seconds else None,
            "out": self.out,
        }


def output_format(out: Path) -> str:
    name = out.name.lower()
    for suffix in OUTPUT_FORMATS:
        if name.endswith(suffix):
            return suffix
    raise ValueError(f"--out must end in {', '.join(OUTPUT_FORMATS)}: {out}")


def predict_file(
    inputs: Iterable[str | os.PathLike],
    out: str | os.PathLike,
    cleaner: Cleaner,
    *,
    on_record: Callable[[dict], None] | None = None,
) -> PredictSummary:
    """Run ``cleaner`` over every page in ``inputs`` and write ``out`` atomically."""
    import time

    out = Path(out)
    fmt = output_format(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    summary = PredictSummary(out=str(out))
    start = time.perf_counter()

    def counted(records: Iterator[dict]) -> Iterator[dict]:
        for record in records:
            summary.pages += 1
            if record["error"]:
                summary.failed += 1
                summary.errors[record["error"].split(":", 1)[0]] += 1
            elif record["topic"]:
                summary.topics[record["topic"]] += 1
            if on_record:
                on_record(record)
            yield record

    records = counted(cleaner.predict(read_pages(inputs)))
    try:
        if fmt == ".parquet":
            _write_parquet(records, tmp)
        else:
            _write_jsonl(records, tmp, compress=fmt == ".jsonl.gz")
        tmp.replace(out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    summary.seconds = time.perf_counter() - start
    return summary


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
            ("text", pa.string()),
            ("topic", pa.string()),
            ("topic_score", pa.float64()),
            (
                "paragraphs",
                pa.list_(
                    pa.struct(
                        [("text", pa.string()), ("label", pa.string()), ("score", pa.float64())]
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
