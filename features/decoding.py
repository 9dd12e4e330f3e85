"""One page's bytes to a ``Page``: the size bound, the read errors, and how binary data,
formats and character sets are told apart.

Every reader goes through here, the file and JSONL readers (``readers``), the WARC reader
(``warc``) and cleaning one page from memory (``models.clean``), so that they refuse and
decode alike; it imports no reader, so the readers import each other one way only
(``readers`` dispatches to ``warc``).
"""

from __future__ import annotations

import codecs
import re

from winnow.features.page import Page

DEFAULT_MAX_BYTES = 20_000_000

_BINARY_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"%PDF",
    b"PK\x03\x04",
    b"\x7fELF",
    b"RIFF",
    b"\x00\x00\x01\x00",
    b"BM",
    b"OggS",
    b"\x1a\x45\xdf\xa3",
    b"ID3",
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# Markup a page of HTML shows in its first kilobytes, and a plain-text page does not.
_MARKUP = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|span|br|h[1-6]|ul|"
    r"table|a\s)[\s>/]",
    re.IGNORECASE,
)
_SNIFF_BYTES = 4096


class ReadError(Exception):
    """A record could not be read; ``kind`` names the failure for reports."""

    def __init__(self, kind: str, detail: str):
        super().__init__(f"{kind}: {detail}")
        self.kind = kind


def page_from_bytes(page_id: str, data: bytes, fmt: str) -> Page:
    """Decode a page file's bytes into a ``Page`` of the given format (``html`` or ``text``)."""
    if not data.strip():
        raise ReadError("empty", "no content")
    if looks_binary(data):
        raise ReadError("binary", "not a text file")
    text = decode(data, sniff_meta=fmt == "html")
    if not text.strip():
        raise ReadError("empty", "no content")
    if fmt == "html":
        return Page(id=page_id, html=text)
    return Page(id=page_id, text=text)


def looks_binary(data: bytes) -> bool:
    """Known binary signatures, NUL bytes, or mostly control characters in the first 4 KiB."""
    head = data[:4096]
    if head.startswith(_BINARY_MAGIC):
        return True
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(head) * 0.1


def decode(data: bytes, *, sniff_meta: bool = True) -> str:
    """Decode by BOM, then a declared ``<meta charset>``, then UTF-8; else a ``ReadError``."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _decode_with(data, codec)
    declared = None
    if sniff_meta:
        match = _META_CHARSET.search(data[:4096])
        if match:
            declared = codec_name(match.group(1).decode("ascii", "ignore"))
    if declared and declared != "utf-8":
        return _decode_with(data, declared)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ReadError(
            "encoding", f"not valid UTF-8 at byte {err.start} and no other charset declared"
        ) from None


def codec_name(label: str) -> str | None:
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True):
        return None  # base64, hex, rot13...: not a character set
    name = info.name
    # A page that declares UTF-16 or UTF-32 in ASCII markup is not either: read it as UTF-8,
    # as browsers do.
    if name.startswith(("utf-16", "utf-32")):
        return "utf-8"
    # Browsers read latin-1 labels as windows-1252; so do we.
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def _decode_with(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        raise ReadError("encoding", f"not valid {codec} at byte {err.start}") from None
    except (LookupError, UnicodeError) as err:
        raise ReadError("encoding", f"cannot decode as {codec} ({err})") from None


def sniff_format(data: bytes | str) -> str:
    """``html`` when the start of a page shows markup, else ``text``."""
    head = data[:_SNIFF_BYTES]
    if isinstance(head, bytes):
        head = head.decode("latin-1")
    return "html" if _MARKUP.search(head) else "text"
