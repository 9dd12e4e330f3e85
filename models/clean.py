"""One page in, one record out: ``winnow.clean``, as ``trafilatura.extract`` is one call.

The record is exactly what ``winnow predict`` writes for a page, so code written against one
reads the other. Models are loaded (and verified) once per process and path, and shared with
batch prediction in the same process.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from winnow.features.decoding import DEFAULT_MAX_BYTES, ReadError, page_from_bytes, sniff_format
from winnow.features.page import Page
from winnow.models.cleaner import FAVORS, Cleaner, empty_record
from winnow.models.defaults import default_model_path
from winnow.models.predict import PredictOptions, load_cleaner

KINDS = ("html", "text")


def load(path: str | os.PathLike | None = None, *, allow_version_mismatch: bool = False) -> Cleaner:
    """The model in artifact folder ``path`` (the shipped one when None), verified, loaded once
    per process; ``ArtifactError`` when it does not verify, ``FileNotFoundError`` when absent."""
    options = PredictOptions(allow_version_mismatch=allow_version_mismatch)
    return load_cleaner(_model_path(path), options)


def clean(
    page: str | bytes,
    url: str | None = None,
    model: Cleaner | str | os.PathLike | None = None,
    *,
    kind: str | None = None,
    favor: str = "balanced",
) -> dict[str, Any]:
    """Clean one page and label its topic; returns its ``predict`` record.

    ``page`` is HTML or plain text, as ``str`` or undecoded ``bytes`` (decoded by BOM, the
    page's declared charset, then UTF-8). Whether it is markup is sniffed from its start;
    ``kind`` (``html`` or ``text``) says so instead. ``model`` is a ``Cleaner``
    (``winnow.load``) or an artifact folder; the shipped model when None. ``favor`` picks the
    thresholds (``balanced``, ``precision`` or ``recall``). A page that cannot be read or
    cleaned is not an exception: its record says why in ``error``, as in a batch.
    """
    if kind is not None and kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if favor not in FAVORS:
        raise ValueError(f"favor must be one of {', '.join(FAVORS)}, not {favor!r}")
    if not isinstance(page, str | bytes):
        raise TypeError(f"page must be str or bytes, not {type(page).__name__}")
    if url is not None and not isinstance(url, str):
        raise TypeError(f"url must be a str, not {type(url).__name__}")
    chosen = model if isinstance(model, Cleaner) else _model_path(model)
    cleaner = load_cleaner(chosen, PredictOptions(favor=favor))
    item = _page(page, url, kind)
    if item.error:
        return empty_record(item)
    return next(iter(cleaner.predict([item])))


def _model_path(model: str | os.PathLike | None) -> Path:
    return default_model_path() if model is None else Path(model)


def _page(page: str | bytes, url: str | None, kind: str | None) -> Page:
    page_id = url or "page"
    if len(page) > DEFAULT_MAX_BYTES:
        return Page(id=page_id, url=url, error=f"too_large: over {DEFAULT_MAX_BYTES:,} bytes")
    if isinstance(page, bytes):
        try:
            read = page_from_bytes(page_id, page, kind or sniff_format(page))
        except ReadError as err:
            return Page(id=page_id, url=url, error=str(err))
        read.url = url
        return read
    if not page.strip():
        return Page(id=page_id, url=url, error="empty: no content")
    if "\x00" in page:
        return Page(id=page_id, url=url, error="binary: NUL characters in content")
    if (kind or sniff_format(page)) == "html":
        return Page(id=page_id, url=url, html=page)
    return Page(id=page_id, url=url, text=page)
