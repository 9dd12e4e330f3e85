"""Read HTML pages out of WARC 1.0/1.1 web archives, plain or gzipped, one ``Page`` per page.

What is read: ``response`` records whose payload is HTML (``text/html`` or
``application/xhtml+xml``, or no Content-Type and a payload that starts like HTML). The HTTP
status line and headers are parsed, ``Transfer-Encoding: chunked`` and ``Content-Encoding:
gzip``/``deflate`` are undone, and the bytes are decoded with the charset the HTTP header names,
else by ``decoding.decode`` (BOM, ``<meta charset>``, UTF-8). A page's ``id`` is the uuid of its
``WARC-Record-ID``, ``url`` its ``WARC-Target-URI``, ``meta`` holds ``warc_date`` and
``http_status`` (a 404 page is still a page), plus ``warc_truncated`` when the crawler cut it.

What is skipped, and counted by reason in ``skipped``: every record that is not a response, by
its type (``warcinfo``, ``request``, ``metadata``, ``revisit``, ``resource``, ``conversion``,
``continuation``), responses with another content type (``non_html``) and responses with no
payload, such as redirects (``empty``).

Bad data never raises: as in ``readers``, a record that cannot be read becomes a ``Page`` with
``error`` ("kind: detail") and the archive goes on. A malformed record header is reported once
and reading resumes at the next ``WARC/1.`` line; a truncated file or gzip stream ends the
archive with one error page after everything before it. An empty file gives no pages. Reading
streams: memory is bounded by one record (``max_bytes``), also after decompression.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from winnow.features.decoding import (
    DEFAULT_MAX_BYTES,
    ReadError,
    codec_name,
    decode,
    looks_binary,
)
from winnow.features.page import Page

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")

_LINE_LIMIT = 65_536  # one header line; longer is not a header
_HEADER_LIMIT = 1_048_576  # one record's or response's header block
_SKIP_CHUNK = 1_048_576
_GZIP_MAGIC = b"\x1f\x8b"
_HTTP_STATUS = re.compile(rb"HTTP/\d(?:\.\d)?\s+(\d{3})(?:\s.*)?")
_HEADER_END = re.compile(rb"\r?\n\r?\n")
_PLAIN_BYTES = bytes([9, 10, 12, 13, 27, *range(32, 256)])  # what looks_binary never counts
_SNIFF_SKIP = b"\xef\xbb\xbf \t\r\n\x0c"


def is_warc(path: Path) -> bool:
    """Whether the file name says WARC (``.warc`` or ``.warc.gz``), so callers can dispatch."""
    return Path(path).name.lower().endswith(WARC_SUFFIXES)


def read_warc(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, skipped: Counter | None = None
) -> Iterator[Page]:
    """Yield a ``Page`` for every HTML response in the archive at ``path``, in file order.

    Gzip is recognised by its magic bytes, not the name, and may be one member per record or
    one for the whole file. Records that are not HTML responses are counted in ``skipped`` by
    reason. A record over ``max_bytes`` becomes a ``too_large`` error page and is skipped
    without being held in memory.
    """
    path = Path(path)
    counts = skipped if skipped is not None else Counter()
    try:
        fh = _open(path)
    except OSError as err:
        yield Page(id=f"{path}:1", source=str(path), error=f"io: {err.strerror or err}")
        return
    reader = _Reader(fh, path, max_bytes, counts)
    with fh:
        yield from reader.pages()


def _open(path: Path):
    raw = open(path, "rb")  # closed by the caller's ``with``
    try:
        magic = raw.read(2)
        raw.seek(0)
    except OSError:
        raw.close()
        raise
    if magic == _GZIP_MAGIC:
        return gzip.GzipFile(fileobj=raw, mode="rb")
    return raw


class _Fatal(Exception):
    """The archive cannot be read further: the error page ends it."""


class _Reader:
    """Walks the records of one open archive; ``number`` counts records from 1."""

    def __init__(self, fh, path: Path, max_bytes: int, skipped: Counter):
        self.fh = fh
        self.path = path
        self.max_bytes = max_bytes
        self.skipped = skipped
        self.number = 0
        self.pending: bytes | None = None  # a version line found while resynchronising

    def pages(self) -> Iterator[Page]:
        record_id = None
        started = 0  # records begun before this read; an error between records is the next's
        try:
            while True:
                record_id = None
                started = self.number
                try:
                    headers = self._record_header()
                    if headers is None:
                        return
                    record_id = _record_id(headers.get("warc-record-id"))
                    page = self._record(headers, record_id)
                except ReadError as err:
                    page = self._error(record_id, str(err))
                if page is not None:
                    yield page
        except _Fatal as err:
            yield self._error(record_id, str(err))
        except (EOFError, gzip.BadGzipFile, zlib.error) as err:
            if self.number > started:
                where = f"in record {self.number}"
            else:
                where = f"after record {started}" if started else "at the start"
            what = "ends early" if isinstance(err, EOFError) else "has bad gzip data"
            yield self._error(
                record_id,
                f"gzip: {self.path.name} {what} {where} ({str(err) or 'truncated'})",
                number=started + 1,
            )
        except OSError as err:
            yield self._error(record_id, f"io: {err.strerror or err}", number=started + 1)

    def _error(self, record_id: str | None, error: str, number: int | None = None) -> Page:
        page_id = record_id or f"{self.path}:{number or max(self.number, 1)}"
        return Page(id=page_id, source=str(self.path), error=error)

    # --- record framing -------------------------------------------------------------------

    def _record_header(self) -> dict[str, str] | None:
        """The next record's named fields (lower-case keys), or None at the end of the file.

        A malformed header raises ``ReadError`` after moving to the next ``WARC/1.`` line, so
        the caller reports it and the loop goes on from there.
        """
        line = self._version_line()
        if line is None:
            return None
        self.number += 1
        version = line.rstrip(b"\r\n")
        if not version.startswith(b"WARC/1."):
            if self.number == 1:
                if version.startswith(b"WARC/"):
                    raise _Fatal(f"warc: unsupported version {_show(version)}")
                raise _Fatal("warc: not a WARC file")
            self._resync()
            raise ReadError(
                "warc", f"record {self.number}: expected a WARC/1.x line, got {_show(version)}"
            )
        headers: dict[str, str] = {}
        name = None
        size = len(line)
        while True:
            line = self.fh.readline(_LINE_LIMIT)
            size += len(line)
            if not line:
                raise _Fatal(f"warc: truncated header in record {self.number}")
            if line in (b"\r\n", b"\n"):
                return headers
            if not line.endswith(b"\n") and len(line) < _LINE_LIMIT:
                raise _Fatal(f"warc: truncated header in record {self.number}")
            if size > _HEADER_LIMIT or not line.endswith(b"\n"):
                self._resync()
                raise ReadError("warc", f"record {self.number}: header too long")
            text = line.decode("utf-8", "replace").rstrip("\r\n")
            if text[:1] in (" ", "\t") and name is not None:
                headers[name] += " " + text.strip()  # folded continuation line
                continue
            name, sep, value = text.partition(":")
            name = name.strip().lower()
            if not sep or not name:
                self._resync()
                raise ReadError("warc", f"record {self.number}: bad header line {_show(line)}")
            headers[name] = value.strip()

    def _version_line(self) -> bytes | None:
        if self.pending is not None:
            line, self.pending = self.pending, None
            return line
        while True:
            line = self.fh.readline(_LINE_LIMIT)
            if not line:
                return None
            if line.strip():
                return line

    def _resync(self) -> None:
        """Scan forward to the next line that starts a record; keep it for the next read."""
        while True:
            line = self.fh.readline(_LINE_LIMIT)
            if not line:
                return
            if line.startswith(b"WARC/1."):
                self.pending = line
                return

    def _block(self, length: int) -> bytes:
        data = self.fh.read(length)
        if len(data) < length:
            raise _Fatal(f"warc: truncated record {self.number}: {len(data):,} of {length:,} bytes")
        return data

    def _skip(self, length: int) -> None:
        """Pass over a block without keeping it: memory stays bounded by one chunk."""
        left = length
        while left > 0:
            got = len(self.fh.read(min(left, _SKIP_CHUNK)))
            if got == 0:
                raise _Fatal(
                    f"warc: truncated record {self.number}: {length - left:,} of {length:,} bytes"
                )
            left -= got

    # --- one record -----------------------------------------------------------------------

    def _record(self, headers: dict[str, str], record_id: str | None) -> Page | None:
        length_field = headers.get("content-length", "")
        if not (length_field.isascii() and length_field.isdigit()):
            # Without a length the block's end is unknown: resume at the next record.
            self._resync()
            raise ReadError("warc", f"record {self.number}: bad Content-Length {length_field!r}")
        length = int(length_field)
        kind = headers.get("warc-type", "").lower()
        if kind != "response":
            self._skip(length)
            if not kind:
                raise ReadError("warc", f"record {self.number}: no WARC-Type")
            self.skipped[kind] += 1
            return None
        if length > self.max_bytes:
            self._skip(length)
            raise ReadError("too_large", f"record {self.number}: over {self.max_bytes:,} bytes")
        block = self._block(length)
        url = _unbracket(headers.get("warc-target-uri", "")) or None
        meta: dict = {"warc_date": headers.get("warc-date"), "http_status": None}
        if headers.get("warc-truncated"):
            meta["warc_truncated"] = headers["warc-truncated"]
        try:
            html = self._payload(block, headers.get("content-type", ""), meta)
        except ReadError as err:
            return Page(
                id=record_id or f"{self.path}:{self.number}",
                url=url,
                meta=meta,
                source=str(self.path),
                error=str(err),
            )
        if html is None:
            return None
        return Page(
            id=record_id or f"{self.path}:{self.number}",
            url=url,
            html=html,
            source=str(self.path),
            meta=meta,
        )

    def _payload(self, block: bytes, warc_type: str, meta: dict) -> str | None:
        """The response's HTML text, or None (counted) when it is not an HTML page."""
        if block.startswith(b"HTTP/") or _media_type(warc_type) == "application/http":
            status, http, body_at = _http_head(block)
            meta["http_status"] = status
            body = block[body_at:]
        else:
            # A response for another protocol: the block is the payload, typed by the record.
            http = {"content-type": warc_type}
            body = block
        content_type = http.get("content-type", "")
        media = _media_type(content_type)
        if media and media not in HTML_TYPES:
            self.skipped["non_html"] += 1
            return None
        body = _undo_transfer(body, http.get("transfer-encoding", ""), self.max_bytes)
        body = _undo_content(body, http.get("content-encoding", ""), self.max_bytes)
        if not body.strip():
            self.skipped["empty"] += 1
            return None
        if not media and not _sniff_html(body):
            self.skipped["non_html"] += 1
            return None
        if _looks_binary(body):
            raise ReadError("binary", "HTML response with binary content")
        text = _decode_html(body, _charset(content_type))
        if not text.strip():
            self.skipped["empty"] += 1
            return None
        return text


# --- HTTP ---------------------------------------------------------------------------------


def _http_head(block: bytes) -> tuple[int, dict[str, str], int]:
    """Status code, headers (lower-case keys, repeats joined by ", ") and where the body
    starts."""
    end = _HEADER_END.search(block, 0, _HEADER_LIMIT)
    if end is None:
        if len(block) >= _HEADER_LIMIT or b"\n" not in block:
            raise ReadError("http", "no end of headers")
        head, body_at = block, len(block)  # headers only, the final blank line missing
    else:
        head, body_at = block[: end.start()], end.end()
    lines = head.split(b"\n")
    status_line = lines[0].rstrip(b"\r")
    match = _HTTP_STATUS.fullmatch(status_line)
    if match is None:
        raise ReadError("http", f"bad status line {_show(status_line)}")
    headers: dict[str, str] = {}
    name = None
    for raw in lines[1:]:
        if not raw.strip():
            continue  # only possible in headers whose closing blank line is missing
        text = raw.rstrip(b"\r").decode("latin-1")
        if text[:1] in (" ", "\t") and name is not None:
            headers[name] += " " + text.strip()
            continue
        name, sep, value = text.partition(":")
        name = name.strip().lower()
        if not sep or not name:
            raise ReadError("http", f"bad header line {_show(raw)}")
        value = value.strip()
        headers[name] = f"{headers[name]}, {value}" if name in headers else value
    return int(match.group(1)), headers, body_at


def _codings(field: str) -> list[str]:
    return [c.strip().lower() for c in field.split(",") if c.strip()]


def _undo_transfer(body: bytes, field: str, max_bytes: int) -> bytes:
    for coding in reversed(_codings(field)):
        if coding == "chunked":
            body = _dechunk(body)
        elif coding != "identity":
            body = _undo_content(body, coding, max_bytes, "transfer-encoding")
    return body


def _dechunk(body: bytes) -> bytes:
    """Undo chunked transfer coding. A body that does not start with a chunk size was stored
    already de-chunked (some crawlers keep the header), so it is returned as it is; a body cut
    short keeps the chunks it has, as a crawler's size cap leaves it."""
    out = []
    pos = 0
    first = True
    while pos < len(body):
        eol = body.find(b"\n", pos, pos + 1024)
        size_field = body[pos:eol].split(b";", 1)[0].strip() if eol >= 0 else b""
        try:
            size = int(size_field, 16) if size_field else -1
        except ValueError:
            size = -1
        if size < 0:
            if first:
                return body
            break
        first = False
        if size == 0:
            break
        start = eol + 1
        out.append(body[start : start + size])
        pos = start + size
        if body.startswith(b"\r\n", pos):
            pos += 2
        elif body.startswith(b"\n", pos):
            pos += 1
    return b"".join(out)


def _undo_content(
    body: bytes, field: str, max_bytes: int, header: str = "content-encoding"
) -> bytes:
    for coding in reversed(_codings(field)):
        if coding == "identity":
            continue
        if coding in ("gzip", "x-gzip", "deflate"):
            body = _inflate(body, coding, max_bytes, header)
        else:
            raise ReadError("encoding", f"{header} {coding} not supported")
    return body


def _inflate(body: bytes, coding: str, max_bytes: int, header: str) -> bytes:
    """Decompress gzip or deflate (zlib-wrapped or raw, as servers send both), refusing output
    over ``max_bytes``. A stream cut short keeps what it gave. A body that is not compressed
    at all was stored decoded under its original header, so it is returned as it is."""
    if body.startswith(_GZIP_MAGIC) or _zlib_header(body):
        wbits = 47  # gzip or zlib header, detected by zlib
    elif coding == "deflate" and body:
        wbits = -15
    else:
        return body
    out = []
    total = 0
    data = body
    while data:
        inflater = zlib.decompressobj(wbits)
        try:
            chunk = inflater.decompress(data, max_bytes + 1 - total)
        except zlib.error as err:
            if not out and not body.startswith(_GZIP_MAGIC):
                return body  # not compressed after all
            raise ReadError("encoding", f"bad {coding} {header} ({err})") from None
        out.append(chunk)
        total += len(chunk)
        if total > max_bytes:
            raise ReadError("too_large", f"{coding} payload over {max_bytes:,} bytes")
        data = inflater.unused_data if inflater.eof else b""
        if not data.startswith(_GZIP_MAGIC):
            break  # trailing bytes other than another gzip member are ignored
    return b"".join(out)


def _zlib_header(body: bytes) -> bool:
    return len(body) >= 2 and body[0] & 0x0F == 8 and (body[0] << 8 | body[1]) % 31 == 0


# --- content ------------------------------------------------------------------------------


def _media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def _charset(content_type: str) -> str | None:
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def _looks_binary(body: bytes) -> bool:
    """``decoding.looks_binary``, without its per-byte count when the first 4 KiB hold no
    control bytes at all (the usual page): that count was most of the reading time. Such a
    head can only be binary by its magic number, which the first 64 bytes show."""
    head = body[:4096]
    if head.translate(None, _PLAIN_BYTES):
        return looks_binary(body)
    return looks_binary(head[:64])


def _sniff_html(body: bytes) -> bool:
    head = body[:1024].lstrip(_SNIFF_SKIP).lower()
    return head.startswith(b"<!doctype html") or b"<html" in head


def _decode_html(body: bytes, charset: str | None) -> str:
    """The HTTP header's charset first, as browsers read it; a BOM still wins over it, and a
    header charset that does not fit the bytes falls back to ``decoding.decode``."""
    codec = codec_name(charset) if charset else None
    if codec and not body.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return body.decode(codec)
        except (UnicodeError, LookupError):
            pass
    return decode(body)


def _record_id(field: str | None) -> str | None:
    """``<urn:uuid:X>`` → ``X``; other ids lose only their angle brackets."""
    if not field:
        return None
    value = _unbracket(field)
    return (value[9:] if value.lower().startswith("urn:uuid:") else value) or None


def _unbracket(value: str) -> str:
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1].strip()
    return value


def _show(raw: bytes) -> str:
    return repr(raw[:60].decode("utf-8", "replace").rstrip("\r\n"))
