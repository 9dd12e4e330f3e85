"""Repetition: how often a paragraph's text recurs on its page and on other pages of its outlet.

An appeal, a newsletter prompt, a "Read more" or a footer is written once and printed on every
page of an outlet; an article's sentences are printed on one. So a normalised line seen on
other pages of the same domain is strong evidence of chaff, whatever its words.

The evidence is counted the same way everywhere, by ``outlet_columns`` (``core/src/
repetition.rs``): at build time over each outlet's pages in the dataset, at prediction over the
pages of a shard (the page itself left out both times). A page alone in its outlet gets zeros:
the models learn from pages with and without company, and a shard's output does not depend on
what else runs beside it.

Copies do not count as company: pages with the same URL, or that share most of their text
(the same article crawled twice, or rendered by two extractors), form one document.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from winnow import _core

OUTLET_COLUMNS = list(_core.OUTLET_COLUMNS)


def normalise_line(text: str) -> str:
    """The form lines are compared in: case-folded, digits as 0, spaces collapsed, outer
    punctuation dropped ("Updated 3 hours ago" and "Updated 5 hours ago" are one line)."""
    return _core.normalise_lines([text])[0]


def page_repeats(texts: Sequence[str]) -> list[float]:
    """Per paragraph, log1p of how many other paragraphs of the same page read the same."""
    return _core.page_repeats(list(texts)).tolist()


def url_key(url: str | None) -> str:
    """A URL without scheme, ``www.``, query, fragment or trailing slash; "" for none."""
    return _core.url_key(url or None)


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
    return _core.outlet_columns(
        [d or "" for d in domains], [u or None for u in urls], [list(t) for t in texts], max_pages
    )
