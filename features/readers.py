"""Read pages from files, folders, JSONL and WARC, optionally gzipped, one ``Page`` per record.

A record that cannot be read becomes a ``Page`` with ``error`` set ("kind: detail") and the
batch goes on. Only a missing input path is an exception: that is a usage error, not bad data.
"""

from __future__ import annotations

import glob
import gzip
import itertools
import json
import os
import sys
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from winnow.features.decoding import DEFAULT_MAX_BYTES, ReadError, page_from_bytes, sniff_format
from winnow.features.page import Page
from winnow.features.warc import is_warc, read_warc

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
STDIN, STDIN_NAME = "-", "<stdin>"

_PAGE_FIELDS = {"id", "url", "html", "text", "path"}


def read_pages(
    inputs: Iterable[str | os.PathLike],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    skipped: Counter | None = None,
    domain: str | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Page]:
    """Yield every page in ``inputs``: files, folders (walked in sorted order), JSONL, WARC,
    glob patterns (``crawl/*.warc.gz``, ``**`` too) matched in sorted order, or ``-`` for
    standard input (``stdin``, else the process's): JSONL when it starts with ``{``, else one
    page.

    The order is the same on every run, which is what lets a sharded run resume. Records that
    hold no page (WARC requests, images...) are counted in ``skipped`` by kind.

    A page with no URL of its own, given or declared, still needs an outlet, or every saved
    file would be an outlet alone: ``domain`` names it, else a page file found in a folder
    belongs to its folder (``Page.domain``).
    """
    for given in inputs:
        if str(given) == STDIN:
            pages = _read_stdin(stdin or sys.stdin.buffer, max_bytes)
        else:
            pages = _read_given(given, max_bytes, skipped)
        for page in pages:
            if domain:
                page.meta["outlet"] = domain
            yield page


def _read_given(given: str | os.PathLike, max_bytes: int, skipped: Counter | None):
    for path, page_id in _expand(given):
        if path.is_dir():
            for file in _walk(path):
                for page in _read_file(file, str(file.relative_to(path)), max_bytes, skipped):
                    if page_format(file) in ("html", "text"):
                        page.meta["outlet"] = _folder_outlet(path, file)
                    yield page
        else:
            yield from _read_file(path, page_id, max_bytes, skipped)


def _folder_outlet(root: Path, file: Path) -> str:
    """The folder a page file sits in, relative to the folder given (its name at the top)."""
    parent = file.parent.relative_to(root).as_posix()
    return parent if parent != "." else root.resolve().name


def _read_stdin(stream: BinaryIO, max_bytes: int) -> Iterator[Page]:
    """JSONL from a stream, one line at a time, or the whole stream as one page."""
    lines = _bounded_lines(stream, max_bytes)
    first = next(lines, b"")
    if first.lstrip().startswith(b"{"):
        where = Path(STDIN_NAME)  # relative ``path`` records are read from the working folder
        for lineno, raw in enumerate(itertools.chain([first], lines), start=1):
            if raw.strip():
                yield _page_from_line(where, lineno, raw, max_bytes)
        return
    chunks, size = [first], len(first)
    for line in lines:
        if size > max_bytes:
            break
        chunks.append(line)
        size += len(line)
    try:
        if size > max_bytes:
            raise ReadError("too_large", f"standard input: over {max_bytes:,} bytes")
        data = b"".join(chunks)
        page = page_from_bytes(STDIN_NAME, data, sniff_format(data))
    except ReadError as err:
        page = Page(id=STDIN_NAME, error=str(err))
    page.source = STDIN_NAME
    yield page


def _bounded_lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes]:
    """The stream's lines, none longer than ``max_bytes + 1`` (the rest of a longer one is
    read past, so it is reported as too large rather than held in memory); reading stops
    after ``max_bytes + 1`` bytes of a stream with no newline."""
    while line := stream.readline(max_bytes + 1):
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(max_bytes + 1)) and not rest.endswith(b"\n"):
                pass
        yield line


def _expand(given: str | os.PathLike) -> Iterator[tuple[Path, str]]:
    path = Path(given)
    if path.exists():
        yield path, str(given)
        return
    pattern = str(given)
    if glob.has_magic(pattern):
        matches = sorted(glob.glob(pattern, recursive=True))
        if matches:
            for match in matches:
                yield Path(match), match
            return
        raise FileNotFoundError(f"no file matches {given}")
    raise FileNotFoundError(f"no such file or folder: {given}")


def page_format(path: Path) -> str | None:
    """``html``, ``text``, ``jsonl`` or ``warc`` from the file name (``.gz`` looked through),
    else None."""
    if is_warc(path):
        return "warc"
    name = path.name.lower().removesuffix(".gz")
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    return None


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            file = Path(root, name)
            if page_format(file) is not None:
                yield file


def _read_file(
    path: Path, page_id: str, max_bytes: int, skipped: Counter | None = None
) -> Iterator[Page]:
    fmt = page_format(path)
    if fmt == "warc":
        yield from read_warc(path, max_bytes=max_bytes, skipped=skipped)
        return
    if fmt == "jsonl":
        yield from _read_jsonl(path, max_bytes)
        return
    try:
        data = read_bytes(path, max_bytes)
        page = page_from_bytes(page_id, data, fmt or "html")
    except ReadError as err:
        page = Page(id=page_id, error=str(err))
    page.source = str(path)
    yield page


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, gunzipped when named ``.gz``, refusing more than ``max_bytes``."""
    try:
        if path.name.lower().endswith(".gz"):
            with gzip.open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
        else:
            with open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
    except (EOFError, gzip.BadGzipFile, zlib.error) as err:
        raise ReadError("gzip", f"{path.name}: {err or 'truncated'}") from None
    except OSError as err:
        raise ReadError("io", f"{path.name}: {err.strerror or err}") from None
    if len(data) > max_bytes:
        raise ReadError("too_large", f"{path.name}: over {max_bytes:,} bytes")
    return data


def _read_jsonl(path: Path, max_bytes: int) -> Iterator[Page]:
    """One page a line; a bad line is an error record, a truncated gzip ends the file with one."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    lineno = 0
    try:
        with opener(path, "rb") as fh:
            for lineno, raw in enumerate(fh, start=1):
                if not raw.strip():
                    continue
                yield _page_from_line(path, lineno, raw, max_bytes)
    except (EOFError, gzip.BadGzipFile, zlib.error) as err:
        yield Page(
            id=f"{path}:{lineno + 1}",
            source=str(path),
            error=f"gzip: {path.name} ends early after line {lineno} ({err or 'truncated'})",
        )
    except OSError as err:
        yield Page(id=f"{path}:{lineno + 1}", source=str(path), error=f"io: {err}")


def _page_from_line(path: Path, lineno: int, raw: bytes, max_bytes: int) -> Page:
    fallback_id = f"{path}:{lineno}"
    if len(raw) > max_bytes:
        return Page(id=fallback_id, source=str(path), error=f"too_large: line {lineno}")
    try:
        record = json.loads(raw)
    except (ValueError, RecursionError) as err:  # JSON errors, decoding, digit limits
        return Page(id=fallback_id, source=str(path), error=f"json: line {lineno}: {err}")
    if not isinstance(record, dict):
        return Page(id=fallback_id, source=str(path), error=f"schema: line {lineno}: not an object")
    try:
        return page_from_record(
            record, base=path.parent, fallback_id=fallback_id, source=path, max_bytes=max_bytes
        )
    except ReadError as err:
        page_id = record.get("id")
        return Page(
            id=str(page_id) if isinstance(page_id, str | int) else fallback_id,
            source=str(path),
            error=f"{err} (line {lineno})",
        )


def page_from_record(
    record: dict,
    *,
    base: Path | None = None,
    fallback_id: str = "",
    source: Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Page:
    """A ``Page`` from a JSON record: ``id``, ``url``, and ``html``, ``text`` or ``path``.

    Every other field (``gold_text``, ``topic``, ``with``, ``without``, ``labels`` ...) is kept
    in ``meta`` for the dataset builder. ``path`` is read relative to ``base``, and refused
    (``too_large``) past ``max_bytes`` as a page file named on the command line is.
    """
    page_id = record.get("id", fallback_id)
    if not isinstance(page_id, str | int) or page_id == "":
        raise ReadError("schema", "'id' must be a non-empty string")
    url = record.get("url")
    if url is not None and not isinstance(url, str):
        raise ReadError("schema", "'url' must be a string")
    meta = {k: v for k, v in record.items() if k not in _PAGE_FIELDS}
    page = Page(id=str(page_id), url=url, meta=meta, source=str(source) if source else None)
    for name in ("html", "text"):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise ReadError("schema", f"'{name}' must be a string")
    if isinstance(record.get("html"), str):
        page.html = record["html"]
    elif isinstance(record.get("text"), str):
        page.text = record["text"]
    elif isinstance(record.get("path"), str):
        file = Path(record["path"])
        if base is not None and not file.is_absolute():
            file = base / file
        fmt = page_format(file) or "html"
        try:
            data = read_bytes(file, max_bytes)
        except (ValueError, UnicodeError) as err:
            raise ReadError("path", f"unusable path {record['path']!r} ({err})") from None
        read = page_from_bytes(page.id, data, fmt)
        page.html, page.text = read.html, read.text
    elif "paragraphs" in record:
        paragraphs = record["paragraphs"]
        if not isinstance(paragraphs, list) or not all(isinstance(p, str) for p in paragraphs):
            raise ReadError("schema", "'paragraphs' must be a list of strings")
        page.text = "\n".join(paragraphs)
    else:
        raise ReadError("schema", "needs one of 'html', 'text', 'path' or 'paragraphs'")
    if not (page.html or page.text or "").strip():
        raise ReadError("empty", "no content")
    if "\x00" in (page.html or page.text or ""):
        raise ReadError("binary", "NUL characters in content")
    return page
