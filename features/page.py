"""The two records that flow through winnow: a page as read, and a paragraph as segmented."""

from __future__ import annotations

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
        """The outlet: ``meta['domain']`` if given, else the URL's host without ``www.``."""
        if self.meta.get("domain"):
            return str(self.meta["domain"]).lower().removeprefix("www.")
        if self.url:
            try:
                host = urlsplit(self.url).hostname or ""
            except ValueError:  # a malformed URL names no outlet
                return ""
            return host.removeprefix("www.")
        return ""

    @property
    def kind(self) -> str:
        """``html`` when there is markup to use, ``text`` otherwise."""
        return "html" if self.html is not None else "text"


@dataclass
class Paragraph:
    """A block of text and the context it stood in.

    ``path`` holds the tag names from the root to the block, ``attrs`` the class and id word
    tokens of those ancestors, ``block_attrs`` those of the block and its parent only. Text
    paragraphs have empty markup context.
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
