"""The two records that flow through winnow: a page as read, and a paragraph as segmented."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit


@dataclass
class Page:
    """One scraped page: markup or text, where it came from, and whatever labels it carries.

    A page that could not be read keeps its id and gets ``error`` ("kind: detail") instead of
    content, so a batch can report it in place and carry on.
    """

    id: str
    url: str | None = None
    html: str | None = None
    text: str | None = None
    source: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    error: str | None = None

    @property
    def domain(self) -> str:
        """The outlet: ``meta['domain']`` if given, else the host without ``www.`` of the URL,
        or of the URL the page declares for itself (canonical link, ``og:url``) when it came
        without one, else ``meta['outlet']`` (the reader's ``--domain``, or the folder a saved
        page was found in). Splits group pages by it, so saved pages of one outlet stay
        together, and chaff an outlet repeats is counted across its pages."""
        if self.meta.get("domain"):
            return str(self.meta["domain"]).lower().removeprefix("www.")
        url = self.known_url
        if url:
            try:
                host = urlsplit(url).hostname or ""
            except ValueError:  # a malformed URL names no outlet
                host = ""
            if host:
                return host.removeprefix("www.")
        return str(self.meta.get("outlet") or "")

    @property
    def known_url(self) -> str | None:
        """The page's URL, or the one it declares for itself when it came without one."""
        return self.url or (declared_url(self.html) if self.html else None)

    @property
    def kind(self) -> str:
        """``html`` when there is markup to use, ``text`` otherwise."""
        return "html" if self.html is not None else "text"


_HEAD_CHARS = 65_536
_LINK_TAG = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_META_TAG = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_CANONICAL = re.compile(r"""\brel\s*=\s*["']?canonical\b""", re.IGNORECASE)
_OG_URL = re.compile(r"""\bproperty\s*=\s*["']?og:url\b""", re.IGNORECASE)
_HREF = re.compile(r"""\b(?:href|content)\s*=\s*["']?(https?://[^"'\s>]+)""", re.IGNORECASE)


def declared_url(html: str) -> str | None:
    """The absolute URL a page names for itself in its head: canonical link, then og:url."""
    head = html[:_HEAD_CHARS]
    for tags, marker in ((_LINK_TAG, _CANONICAL), (_META_TAG, _OG_URL)):
        for tag in tags.finditer(head):
            if marker.search(tag.group()) and (found := _HREF.search(tag.group())):
                return found.group(1)
    return None


@dataclass
class Paragraph:
    """A block of text and the context it stood in.

    ``path`` holds the tag names from the root to the block, ``attrs`` the class and id word
    tokens of those ancestors, ``block_attrs`` those of the block and its parent only,
    ``structure`` its place in the page's blocks (``features.structure.STRUCTURE_COLUMNS``).
    Text paragraphs have empty markup context.
    """

    text: str
    index: int = 0
    tag: str = ""
    path: str = ""
    attrs: str = ""
    block_attrs: str = ""
    link_density: float = 0.0
    depth: int = 0
    line: int = 0
    structure: tuple[float, ...] = ()
