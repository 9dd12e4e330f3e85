"""The options of a prediction run, in a module light enough for the command line to read
its defaults from without loading a model library."""

from __future__ import annotations

from dataclasses import dataclass

from winnow.features.decoding import DEFAULT_MAX_BYTES

OUTPUT_FORMATS = (".jsonl", ".jsonl.gz", ".parquet")


@dataclass
class PredictOptions:
    """How a run reads, limits and spreads its work (each field is a ``predict`` option).

    ``favor`` picks the model's thresholds (``Cleaner.favor``): ``balanced``, ``precision``
    (cleaner text, some article lost) or ``recall`` (more article, more chaff let through),
    each chosen on the validation split when the model was trained. A model trained before
    favors existed has only balanced ones: asking it for another is a ``ValueError`` before
    any page is read.
    """

    batch_size: int = 64
    workers: int = 1
    executor: str = "local"
    scheduler: str | None = None
    shard_size: int = 1000
    shard_format: str = ".jsonl.gz"
    max_bytes: int = DEFAULT_MAX_BYTES
    max_paragraphs: int = 20_000
    max_seconds: float = 30.0
    allow_version_mismatch: bool = False
    favor: str = "balanced"
    domain: str | None = None  # the outlet of pages that name none (``read_pages``)
