"""Pages from Hugging Face datasets, by hub name or by a local builder (json, parquet, csv).

``datasets.load_dataset`` does the loading, so a hub name works for users with internet and the
same code path reads local files (``--hf json --hf-data-files pages.jsonl``) everywhere else.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from winnow.features.decoding import ReadError
from winnow.features.page import Page
from winnow.features.readers import page_from_record


@dataclass
class HubSource:
    """One dataset to read: ``name`` (hub id or builder), ``config``, ``split``, data files."""

    name: str
    split: str = "train"
    config: str | None = None
    data_files: list[str] = field(default_factory=list)
    # The loaded dataset's own fingerprint, set by ``read_hub`` for the manifest.
    fingerprint: str | None = field(default=None, init=False, compare=False)

    def describe(self) -> dict:
        return {
            "hf": self.name,
            "config": self.config,
            "split": self.split,
            "data_files": list(self.data_files),
        }


def read_hub(source: HubSource) -> Iterator[Page]:
    """One ``Page`` per row; a row that is not a page becomes an error record."""
    import datasets

    dataset = datasets.load_dataset(
        source.name,
        source.config,
        split=source.split,
        data_files=source.data_files or None,
    )
    source.fingerprint = getattr(dataset, "_fingerprint", None)
    for i, row in enumerate(dataset):
        fallback = f"{source.name}:{source.split}:{i}"
        try:
            yield page_from_record(dict(row), fallback_id=fallback)
        except ReadError as err:
            yield Page(id=str(row.get("id") or fallback), error=str(err))
