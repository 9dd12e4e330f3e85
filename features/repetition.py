"""Repetition: how often a paragraph's text recurs on its page and on other pages of its outlet.

An appeal, a newsletter prompt, a "Read more" or a footer is written once and printed on every
page of an outlet; an article's sentences are printed on one. So a normalised line seen on
other pages of the same domain is strong evidence of chaff, whatever its words.

The evidence is counted the same way everywhere, by ``outlet_columns``: at build time over each
outlet's pages in the dataset, at prediction over the pages of a shard (the page itself left
out both times). A page alone in its outlet gets zeros: the models learn from pages with and
without company, and a shard's output does not depend on what else runs beside it.

Copies do not count as company: pages with the same URL, or that share most of their text
(the same article crawled twice, or rendered by two extractors), form one document.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import numpy as np

OUTLET_COLUMNS = ["outlet_pages", "outlet_share", "outlet_seen"]

COPY_SHARE = 0.8  # pages sharing this much of the smaller one's text are copies
_COPY_LINE_CHARS = 40  # lines long enough to say two pages are the same article...
_COPY_LINE_PAGES = 8  # ...when they are on this few pages of the outlet
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")
_EDGE_PUNCT = " \t.,;:!?-–—|•·»›«‹()[]{}\"'“”‘’*"


def normalise_line(text: str) -> str:
    """The form lines are compared in: case-folded, digits as 0, spaces collapsed, outer
    punctuation dropped ("Updated 3 hours ago" and "Updated 5 hours ago" are one line)."""
    return _SPACE.sub(" ", _DIGITS.sub("0", text.casefold())).strip(_EDGE_PUNCT)


def page_repeats(texts: Sequence[str]) -> list[float]:
    """Per paragraph, log1p of how many other paragraphs of the same page read the same."""
    keys = [normalise_line(t) for t in texts]
    counts = Counter(keys)
    return [math.log1p(counts[k] - 1) for k in keys]


def url_key(url: str | None) -> str:
    """A URL without scheme, ``www.``, query, fragment or trailing slash; "" for none."""
    if not url:
        return ""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    host = (parts.hostname or "").removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}" if host else ""


@dataclass
class _Doc:
    lines: list[str]
    url: str
    distinct: frozenset[str] = field(init=False)
    chars: int = field(init=False)

    def __post_init__(self):
        self.distinct = frozenset(line for line in self.lines if line)
        self.chars = sum(map(len, self.distinct))


def _same_text(a: _Doc, b: _Doc) -> bool:
    """Most of the smaller page's text is on the other: a copy, whatever its URL."""
    smaller = min(a.chars, b.chars)
    if smaller == 0:
        return False
    shared = sum(len(line) for line in a.distinct & b.distinct)
    return shared >= COPY_SHARE * smaller


def _clusters(docs: list[_Doc]) -> list[int]:
    """A cluster id per document: copies share one (union-find over candidate pairs)."""
    parent = list(range(len(docs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_url: dict[str, int] = {}
    by_line: dict[str, list[int]] = {}
    for i, doc in enumerate(docs):
        if doc.url:
            if doc.url in by_url:
                parent[find(i)] = find(by_url[doc.url])
            else:
                by_url[doc.url] = i
        for line in doc.distinct:
            if len(line) >= _COPY_LINE_CHARS:
                by_line.setdefault(line, []).append(i)
    checked: set[tuple[int, int]] = set()
    for members in by_line.values():
        if len(members) < 2 or len(members) > _COPY_LINE_PAGES:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if (i, j) in checked or find(i) == find(j):
                    continue
                checked.add((i, j))
                if _same_text(docs[i], docs[j]):
                    parent[find(j)] = find(i)
    return [find(i) for i in range(len(docs))]


def _pool_columns(pool: list[_Doc]) -> list[np.ndarray]:
    """For each document of ``pool`` (one outlet's pages): one row per paragraph of
    ``OUTLET_COLUMNS``, counting the other documents of the pool that hold its line."""
    cluster = _clusters(pool)
    holders: dict[str, set[int]] = {}
    for doc, c in zip(pool, cluster, strict=True):
        for line in doc.distinct:
            holders.setdefault(line, set()).add(c)
    others = len(set(cluster)) - 1
    out = []
    for doc, own in zip(pool, cluster, strict=True):
        rows = np.zeros((len(doc.lines), len(OUTLET_COLUMNS)))
        if others > 0:
            rows[:, 0] = math.log1p(others)
            for i, line in enumerate(doc.lines):
                if line:
                    seen = len(holders[line]) - (own in holders[line])
                    rows[i, 1] = seen / others
                    rows[i, 2] = math.log1p(seen)
        out.append(rows)
    return out


def outlet_columns(
    domains: Sequence[str],
    urls: Sequence[str | None],
    texts: Sequence[Sequence[str]],
    *,
    max_pages: int = 1000,
) -> list[np.ndarray]:
    """``OUTLET_COLUMNS`` for each page of a collection (a shard at prediction, a dataset at
    build time), given its domain, URL and paragraph texts: each page counted against the
    other pages of its domain, in runs of at most ``max_pages`` of them. A page without a
    domain has no outlet and gets zeros."""
    out: list[np.ndarray] = [np.zeros((len(t), len(OUTLET_COLUMNS))) for t in texts]
    members: dict[str, list[int]] = {}
    for i, domain in enumerate(domains):
        if domain:
            members.setdefault(domain, []).append(i)
    for indices in members.values():
        for start in range(0, len(indices), max_pages):
            chunk = indices[start : start + max_pages]
            if len(chunk) < 2:
                continue
            pool = [_Doc([normalise_line(t) for t in texts[i]], url_key(urls[i])) for i in chunk]
            for i, rows in zip(chunk, _pool_columns(pool), strict=True):
                out[i] = rows
    return out
