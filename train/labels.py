"""Paragraph labels from whatever a page carries: explicit labels or its gold article text.

Alignment works on lowercased word k-grams, so it does not care about whitespace, quotes,
entities or markup, and a gold text that misses a few words still labels its paragraphs.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from winnow.features.vocabulary import (
    BOILERPLATE,
    CONTENT,
    LABEL_NAMES,
    MIN_CONTENT_WORDS,
    UNLABELLED,
)

_WORD = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> list[str]:
    """Lowercased word tokens after entity decoding and Unicode normalisation."""
    return _WORD.findall(unicodedata.normalize("NFKC", html.unescape(text)).casefold())


@dataclass(frozen=True)
class AlignOptions:
    """``k``: the shingle length; a paragraph is content when at least ``content_min`` of its
    shingles are in the gold, boilerplate at most ``boilerplate_max``, unlabelled between."""

    k: int = 3
    content_min: float = 0.5
    boilerplate_max: float = 0.2


class GoldIndex:
    """The gold text's word n-grams of every length up to ``k``, and its whole paragraphs."""

    def __init__(self, gold_text: str, k: int = 3):
        self.k = k
        self.grams: list[set[tuple[str, ...]]] = [set() for _ in range(k + 1)]
        self.paragraphs: set[tuple[str, ...]] = set()
        for block in re.split(r"\n\s*\n|\n", gold_text):
            words = tuple(tokens(block))
            if not words:
                continue
            self.paragraphs.add(words)
            for n in range(1, k + 1):
                for i in range(len(words) - n + 1):
                    self.grams[n].add(words[i : i + n])

    def covered(self, words: Sequence[str]) -> list[bool]:
        """For each word, whether some gold k-gram covers it."""
        k, n = self.k, len(words)
        mask = [False] * n
        for i in range(n - k + 1):
            if tuple(words[i : i + k]) in self.grams[k]:
                for j in range(i, i + k):
                    mask[j] = True
        return mask

    def label(self, text: str, options: AlignOptions) -> int:
        words = tokens(text)
        if not words:
            return BOILERPLATE
        if len(words) < self.k:
            if tuple(words) in self.paragraphs:
                return CONTENT
            return UNLABELLED if tuple(words) in self.grams[len(words)] else BOILERPLATE
        mask = self.covered(words)
        share = sum(mask) / len(mask)
        if share >= options.content_min:
            return CONTENT
        if share <= options.boilerplate_max:
            return BOILERPLATE
        return UNLABELLED


def align_gold(
    texts: Sequence[str], gold_text: str, options: AlignOptions | None = None
) -> list[int]:
    """Label each paragraph text against the page's gold article text."""
    options = options or AlignOptions()
    index = GoldIndex(gold_text, options.k)
    return [index.label(text, options) for text in texts]


def split_glued(text: str, index: GoldIndex) -> list[str] | None:
    """Cut a piece where gold coverage switches once (chaff glued to content), else None.

    Used on plain-text pages at build time so that the chaff a scraper glued onto an article's
    first or last line becomes a training example of its own.
    """
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    words = tokens(text)
    if len(words) != len(spans) or len(words) < 2 * index.k:
        return None
    mask = index.covered(words)
    switches = [i for i in range(1, len(mask)) if mask[i] != mask[i - 1]]
    if len(switches) != 1:
        return None
    cut = switches[0]
    content_words = len(mask) - cut if mask[-1] else cut
    # A headline that shares a name or phrase with the body is not glued chaff: the content
    # side must be a real run of article text.
    if content_words < MIN_CONTENT_WORDS or len(mask) - content_words < 2:
        return None
    at = spans[cut][0]
    left, right = text[:at].strip(), text[at:].strip()
    return [left, right] if left and right else None


def labels_from_record(values: Sequence, n: int) -> list[int] | None:
    """Explicit per-paragraph labels (``content``/``boilerplate``/1/0/None) as ints."""
    if len(values) != n:
        return None
    out = []
    for value in values:
        if value in (CONTENT, True, LABEL_NAMES[CONTENT], str(CONTENT)):
            out.append(CONTENT)
        elif value in (BOILERPLATE, False, LABEL_NAMES[BOILERPLATE], str(BOILERPLATE)):
            out.append(BOILERPLATE)
        else:
            out.append(UNLABELLED)
    return out


def snippet_labels(texts: Sequence[str], keep: Sequence[str], drop: Sequence[str]) -> list[int]:
    """Partial labels from snippets that must (``keep``) or must not (``drop``) be in the
    output: a paragraph holding a ``drop`` snippet is boilerplate, one holding (or held by) a
    ``keep`` snippet is content, the rest stay unlabelled."""

    def joined(text: str) -> str:
        return " " + " ".join(tokens(text)) + " "

    keep_j = [j for j in map(joined, keep) if j.strip()]
    drop_j = [j for j in map(joined, drop) if j.strip()]
    labels = []
    for text in texts:
        t = joined(text)
        if not t.strip():
            labels.append(UNLABELLED)
        elif any(d in t for d in drop_j):
            labels.append(BOILERPLATE)
        elif any(k in t or (len(t) > 12 and t in k) for k in keep_j):
            labels.append(CONTENT)
        else:
            labels.append(UNLABELLED)
    return labels
