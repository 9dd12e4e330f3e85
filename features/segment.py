"""Split a page into paragraphs that keep the context they stood in.

HTML is walked once, iteratively (deep nesting cannot overflow the stack): every block element
starts a new paragraph, inline text accumulates into the current one, and each paragraph
records its tag, the tag path and class/id tokens above it, and its link density. Plain text is
split at blank lines and line breaks, and a line that glues chaff to content is further cut at
sentence boundaries so that each piece can be labelled on its own.

A page's cost is bounded whatever it holds (``PageTooLarge``): too many elements or too deep a
nesting is refused before parsing, too much text or too many paragraphs while segmenting, and a
paragraph longer than ``MAX_PARAGRAPH_CHARS`` is cut into pieces, so that no feature, and no
model after it, ever reads one string of megabytes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator

from selectolax.lexbor import LexborHTMLParser

from winnow.features.page import Page, Paragraph
from winnow.features.structure import Block, structure_features
from winnow.features.vocabulary import ENDS_LINE, SENTENCE_END_CLASS

BLOCK_TAGS = frozenset(
    """address article aside blockquote body center dd details dialog dir div dl dt fieldset
    figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html legend li
    main menu nav noframes ol p pre section summary table tbody td tfoot th thead tr ul
    caption option""".split()
)
SKIP_TAGS = frozenset(
    """head script style noscript template svg math iframe object embed canvas select
    textarea input button video audio map title meta link base""".split()
)
BREAK_TAGS = frozenset({"br", "hr", "img"})
# Class names that CSS frameworks and screen-reader conventions hide from the eye.
HIDDEN_CLASSES = frozenset(
    """hidden hide d-none is-hidden u-hidden display-none invisible sr-only sr-only-focusable
    visually-hidden visuallyhidden screen-reader-text screen-reader-only screenreader-only
    offscreen element-invisible""".split()
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# schema.org properties whose values are metadata about the story, not the story.
MICRODATA_PROPS = frozenset(
    """datepublished datemodified datecreated dateline publisher author creator image
    thumbnailurl logo url keywords wordcount inlanguage copyrightholder copyrightyear
    sourceorganization provider contributor editor""".split()
)
# A paragraph this long whose text is already on the page is marked as a copy (a hidden or
# repeated second rendering of the article, or a pull quote). Marked, not dropped: dropping
# such copies lost up to a fifth of the article on validation pages whose gold repeats them.
COPY_MIN_CHARS = 40
MAX_PATH_TAGS = 12
MAX_ATTR_TOKENS = 48
MAX_BLOCK_DEPTH = 256
# Per-page bounds, each far above what real pages reach: over the 8,317 pages of the shared
# boilerplate and scraped-text sets the longest paragraph is 50,618 characters, the most text
# on a page 246,214 characters and the most elements 15,793. Without them one 10 MB paragraph
# took a worker from 420 MB to 1.7 GB (``bench/hostile.py``); at these bounds the costliest
# page adds some 40 MB. (Parsing takes about 370 bytes an element; 200,000 elements in one
# flat block added 100 MB.)
MAX_PARAGRAPH_CHARS = 100_000
MAX_PAGE_CHARS = 2_000_000
MAX_ELEMENTS = 100_000
_WS = re.compile(r"\s+")
_ATTR_TOKEN = re.compile(r"[a-z]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


class PageTooLarge(ValueError):
    """A page over one of the segmenter's bounds (elements, nesting, characters of text,
    paragraphs): refused, so that the batch gets an error record for it (``limit: ...``)
    rather than a worker spending gigabytes or minutes on it."""


class _Budget:
    """What a page's text has cost so far. Past ``MAX_PAGE_CHARS`` characters of clean text
    the page is refused at once, before the rest is cleaned; past ``max_paragraphs`` (0: no
    limit) paragraphs are only counted, and ``check`` refuses the page with their number, so
    the walk holds no more than that."""

    def __init__(self, max_paragraphs: int = 0):
        self.max_paragraphs = max_paragraphs
        self.chars = 0
        self.paragraphs = 0

    def clean(self, text: str) -> str:
        """``clean_text(text)``, counted against the page's characters."""
        slices: list[str] = []
        for piece in _clean_slices(text):
            self.chars += len(piece) + bool(slices)
            if self.chars > MAX_PAGE_CHARS:
                raise PageTooLarge(f"over {MAX_PAGE_CHARS:,} characters of text")
            slices.append(piece)
        return " ".join(slices)

    def take(self) -> bool:
        """Count a paragraph; whether to keep it."""
        self.paragraphs += 1
        return not self.max_paragraphs or self.paragraphs <= self.max_paragraphs

    @property
    def over(self) -> bool:
        return bool(self.max_paragraphs) and self.paragraphs > self.max_paragraphs

    def check(self) -> None:
        if self.over:
            raise PageTooLarge(f"{self.paragraphs:,} paragraphs, over {self.max_paragraphs:,}")


def segment_page(page: Page, *, max_paragraphs: int = 0) -> list[Paragraph]:
    """Paragraphs of a page: from its markup, else its pre-split lines, else its text.

    Raises ``PageTooLarge`` for a page over a bound, or over ``max_paragraphs`` paragraphs
    (0: no limit)."""
    if page.html is not None:
        return segment_html(page.html, max_paragraphs=max_paragraphs)
    lines = page.meta.get("paragraphs")
    if isinstance(lines, list) and all(isinstance(line, str) for line in lines):
        return segment_lines(lines, max_paragraphs=max_paragraphs)
    return segment_text(page.text or "", max_paragraphs=max_paragraphs)


def segment_lines(lines: Iterable[str], *, max_paragraphs: int = 0) -> list[Paragraph]:
    """Lines that arrive already split (and maybe labelled), cut into sentences as plain text
    is, so the models see the same pieces at training and at prediction; ``line`` keeps each
    piece's input line so that line labels follow it. Blank lines drop out."""
    budget = _Budget(max_paragraphs)
    return _split_lines(map(budget.clean, lines), budget)


def _split_lines(lines: Iterable[str], budget: _Budget) -> list[Paragraph]:
    """Paragraphs of clean lines: their sentences, each cut to ``MAX_PARAGRAPH_CHARS``."""
    paragraphs = []
    for line_no, line in enumerate(lines):
        for sentence in split_sentences(line):
            for piece in cut_long(sentence):
                if budget.take():
                    paragraphs.append(Paragraph(text=piece, index=len(paragraphs), line=line_no))
    budget.check()
    return paragraphs


class _Printable(dict):
    """``str.translate`` table: a character neither printable nor white space becomes a space,
    every other one stays. Worked out once per character and kept, up to ``SIZE`` characters
    (a page of every code point must not grow it for the life of the process)."""

    SIZE = 65_536

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        value = ch if ch.isprintable() or ch.isspace() else " "
        if len(self) < self.SIZE:
            self[code] = value
        return value


_PRINTABLE = _Printable()


_CLEAN_SLICE = 1 << 18
_SPACE = re.compile(r"\s")


def clean_text(text: str) -> str:
    """NFC, no control characters, whitespace collapsed to single spaces."""
    return " ".join(_clean_slices(text))


def _clean_slices(text: str) -> Iterator[str]:
    """The non-empty clean text of ``text`` cut into slices of about ``_CLEAN_SLICE``
    characters, each cut just before white space: joined by single spaces they are the
    whole text cleaned at once (white space neither composes nor is reordered under NFC),
    while collapsing white space, which takes some 50 bytes a word, holds one slice's words.
    Characters are blanked through a translation table rather than a character-by-character
    join, which held eight bytes a character."""
    start = 0
    while start < len(text):
        end = start + _CLEAN_SLICE
        if end < len(text):
            space = _SPACE.search(text, end)
            end = space.start() if space else len(text)
        piece = unicodedata.normalize("NFC", text[start:end]).translate(_PRINTABLE)
        piece = _WS.sub(" ", piece).strip()
        if piece:
            yield piece
        start = end


def cut_long(text: str, limit: int = MAX_PARAGRAPH_CHARS) -> list[str]:
    """``text`` as pieces of at most ``limit`` characters, each cut at its last space (or at
    the limit, in a run without one): a real paragraph is one piece, a megabyte-long one many
    that each get their own label."""
    if len(text) <= limit:
        return [text]
    pieces, start = [], 0
    while len(text) - start > limit:
        cut = text.rfind(" ", start + 1, start + limit + 1)
        end = cut if cut > start else start + limit
        pieces.append(text[start:end].strip())
        start = end
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


def _visible_chars(text: str) -> int:
    """Characters that are not white space: link density must not depend on spacing."""
    return len(text) - sum(ch.isspace() for ch in text)


def attr_tokens(value: str) -> list[str]:
    """Word tokens of a class or id value: ``storyBody__promo-2`` -> story, body, promo."""
    return _ATTR_TOKEN.findall(_CAMEL.sub(" ", value).lower())


class _Block:
    """The block element a paragraph's text is collected under: its tag, the tag path and
    class/id tokens above it, and its ``structure.Block`` (``node``)."""

    __slots__ = ("tag", "path", "attrs", "own", "block_attrs", "depth", "node")

    def __init__(self, tag, path, attrs, own, parent_own, depth, node):
        self.node = node
        self.tag = tag
        self.path = path
        self.attrs = attrs
        self.own = own
        self.block_attrs = " ".join(list(own) + [f"parent_{t}" for t in parent_own])
        self.depth = depth

    @classmethod
    def top(cls) -> _Block:
        """The page itself, above every element."""
        return cls("", (), (), (), (), 0, Block(None, "", "", ()))

    def child(self, tag: str, attributes: dict) -> _Block:
        """The block a ``tag`` element with ``attributes`` opens inside this one."""
        classes = attributes.get("class") or ""
        own = tuple(attr_tokens(f"{classes} {attributes.get('id') or ''}"))
        return _Block(
            tag,
            (self.path + (tag,))[-MAX_PATH_TAGS:],
            (self.attrs + tuple(t for t in own if t not in self.attrs))[-MAX_ATTR_TOKENS:],
            own,
            self.own,
            self.depth + 1,
            Block(self.node, tag, classes, own),
        )


MAX_NESTING = 10_000
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^>]*?(/?)>")
_VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)


class MarkupTooDeep(PageTooLarge):
    """The markup nests deeper than a parser can build in reasonable time: lexbor's tree
    building is quadratic in depth (100,000 levels take 9 s inside one C call, which no
    time limit can interrupt), so such a page is refused before parsing."""


def markup_depth(html: str, stop: int = MAX_NESTING) -> int:
    """How deep the tags nest, counted from the raw markup in one linear scan (void and
    self-closed tags do not nest; an unmatched close tag never goes below zero). Stops
    counting once past ``stop``. An overestimate where tags are left open, which real pages
    do far less than ``MAX_NESTING`` times."""
    depth = deepest = 0
    for match in _TAG.finditer(html):
        closing, name, self_closed = match.groups()
        if closing:
            depth = max(0, depth - 1)
        elif not self_closed and name.lower() not in _VOID_TAGS:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > stop:
                    break
    return deepest


_OPEN_TAG = re.compile(r"<[A-Za-z]")


def _check_markup(html: str) -> None:
    """Refuse markup over ``MAX_ELEMENTS`` elements or ``MAX_NESTING`` levels deep, counted
    from the raw text only when it holds enough ``<`` to be either."""
    tags = html.count("<")
    if tags > MAX_ELEMENTS:
        elements = sum(1 for _ in _OPEN_TAG.finditer(html))
        if elements > MAX_ELEMENTS:
            raise PageTooLarge(f"markup of {elements:,} elements, over {MAX_ELEMENTS:,}")
    if tags > MAX_NESTING and markup_depth(html) > MAX_NESTING:
        raise MarkupTooDeep(f"markup nested over {MAX_NESTING:,} levels deep")


def segment_html(html: str, *, max_paragraphs: int = 0) -> list[Paragraph]:
    """Paragraphs of an HTML document, in reading order, with their markup context.

    What no browser shows is not text: elements marked ``hidden`` or ``aria-hidden``. What a
    stylesheet or script may keep from view (an inline ``display:none``, a hiding class of
    ``HIDDEN_CLASSES``) is kept and marked, with schema.org metadata values and copies of
    earlier paragraphs, in the paragraph's place in the page's block structure
    (``features.structure``): dropping it outright lost whole articles that scripts reveal
    (the validation pages' gold recall fell from 0.974 to 0.963 on WCXB).

    Raises ``MarkupTooDeep`` for markup nested over ``MAX_NESTING`` levels, and
    ``PageTooLarge`` for one of over ``MAX_ELEMENTS`` elements (both before parsing), over
    ``MAX_PAGE_CHARS`` characters of text or over ``max_paragraphs`` paragraphs (0: none)."""
    _check_markup(html)
    root = LexborHTMLParser(html).root
    if root is None:
        return []
    page = _PageText(_Budget(max_paragraphs))
    _walk(root, page)
    page.budget.check()
    return page.with_structure()


# What the walk knows of a node's text beyond its block: inside a link, a schema.org metadata
# value, an element hidden by style or class.
_IN_LINK, _IN_MICRODATA, _IN_HIDDEN = 1, 2, 4


def _walk(root, page: _PageText) -> None:
    """Read the tree into ``page`` depth first, iteratively (deep nesting cannot overflow the
    stack): what no reader sees is passed over, a break ends the paragraph, a block element
    opens a block of its own, text joins the paragraph being collected.

    Stack entries are ``(node, block context, flags, exiting)``; an exiting entry closes its
    node's block and restores the enclosing one."""
    stack: list[tuple] = [(root, page.block, 0, False)]
    while stack:
        node, ctx, flags, exiting = stack.pop()
        if exiting:
            page.close_block(ctx)
            continue
        tag = node.tag
        if tag == "-text":
            page.add_text(node.text_content or "", flags)
            continue
        if tag is None or tag.startswith("-") or tag in SKIP_TAGS:
            continue  # comments, the doctype, and elements that hold no reader's text
        attributes = node.attributes
        if "hidden" in attributes or attributes.get("aria-hidden") == "true":
            continue
        if tag in BREAK_TAGS:
            page.flush()
            continue
        child_ctx = ctx
        if tag in BLOCK_TAGS and ctx.depth < MAX_BLOCK_DEPTH:
            child_ctx = ctx.child(tag, attributes)
            page.open_block(child_ctx)
            stack.append((node, ctx, flags, True))
        if tag == "a":
            page.add_text(" ", 0)  # adjacent links are separate words, as a reader sees them
        flags = _child_flags(tag, attributes, flags)
        for child in reversed(_children(node)):
            stack.append((child, child_ctx, flags, False))
    page.flush()


def _child_flags(tag: str, attributes: dict, flags: int) -> int:
    """The flags an element's children are read with."""
    if tag == "a":
        flags |= _IN_LINK
    prop = attributes.get("itemprop")
    if prop and MICRODATA_PROPS.intersection(prop.lower().split()):
        flags |= _IN_MICRODATA
    if _styled_hidden(attributes):
        flags |= _IN_HIDDEN
    return flags


def _children(node) -> list:
    children = []
    child = node.first_child
    while child is not None:
        children.append(child)
        child = child.next
    return children


class _PageText:
    """What the walk has read of one page: the text being collected under the current block,
    with how much of it is in links, metadata values and hidden elements, and the paragraphs
    emitted so far, with the block each came from and its marks for ``structure``."""

    def __init__(self, budget: _Budget):
        self.budget = budget
        self.block = _Block.top()
        self.all_blocks: list[Block] = [self.block.node]
        self.paragraphs: list[Paragraph] = []
        self.owners: list[Block] = []
        self.marks: list[tuple[float, float, float]] = []
        self.seen: set[str] = set()
        self._reset()

    def _reset(self) -> None:
        self.parts: list[str] = []
        self.link_chars = self.meta_chars = self.hidden_chars = 0

    def add_text(self, value: str, flags: int) -> None:
        if not value:
            return
        self.parts.append(value)
        if flags:
            chars = _visible_chars(value)
            if flags & _IN_LINK:
                self.link_chars += chars
            if flags & _IN_MICRODATA:
                self.meta_chars += chars
            if flags & _IN_HIDDEN:
                self.hidden_chars += chars

    def open_block(self, block: _Block) -> None:
        """End the paragraph before ``block`` and collect text under it."""
        self.flush()
        if not self.budget.over:  # past the limit paragraphs are only counted
            self.all_blocks.append(block.node)
        self.block = block

    def close_block(self, enclosing: _Block) -> None:
        """End the block's last paragraph and collect text under ``enclosing`` again."""
        self.flush()
        self.block = enclosing

    def flush(self) -> None:
        """Emit the text collected so far as paragraphs (more than one when it is long)."""
        if self.parts:
            whole = self.budget.clean("".join(self.parts))
            visible = max(1, _visible_chars(whole))
            for text in cut_long(whole) if whole else ():
                if self.budget.take():
                    self._emit(text, visible)
        self._reset()

    def _emit(self, text: str, visible: int) -> None:
        block = self.block
        copy = len(text) >= COPY_MIN_CHARS and text in self.seen
        if len(text) >= COPY_MIN_CHARS:
            self.seen.add(text)
        self.paragraphs.append(
            Paragraph(
                text=text,
                index=len(self.paragraphs),
                tag=block.tag,
                path=" ".join(block.path),
                attrs=" ".join(block.attrs),
                block_attrs=block.block_attrs,
                link_density=round(min(1.0, self.link_chars / visible), 4),
                depth=block.depth,
            )
        )
        self.owners.append(block.node)
        self.marks.append(
            (
                round(min(1.0, self.meta_chars / visible), 4),
                round(min(1.0, self.hidden_chars / visible), 4),
                float(copy),
            )
        )

    def with_structure(self) -> list[Paragraph]:
        """The paragraphs, each given its place in the page's blocks."""
        shape = structure_features(
            [p.text for p in self.paragraphs],
            [p.link_density for p in self.paragraphs],
            self.marks,
            self.owners,
            self.all_blocks,
        )
        for p, values in zip(self.paragraphs, shape, strict=True):
            p.structure = values
        return self.paragraphs


def _styled_hidden(attributes: dict) -> bool:
    """Whether an element's inline style or a hiding class keeps it from view until a
    script says otherwise."""
    style = attributes.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    classes = attributes.get("class")
    return bool(classes) and not HIDDEN_CLASSES.isdisjoint(classes.lower().split())


# --- plain text -----------------------------------------------------------------------------

# A sentence ends at terminal punctuation, maybe closed by quotes or brackets, then white space
# and a capital or digit; the cut is in the white space, so nothing visible is lost.
_SENTENCE_END = re.compile(rf"""{SENTENCE_END_CLASS}["'”’)\]]*(\s+)(?=["'“‘(\[]?[A-Z0-9])""")
_HARD_WRAP_MIN = 50


def segment_text(text: str, *, max_paragraphs: int = 0) -> list[Paragraph]:
    """Paragraphs of plain text: one per line, or per blank-line block when lines are wrapped.

    Long lines are cut into sentences; pieces from one line share its ``line`` number, so the
    labelled pieces can be joined back into the paragraph they came from.
    """
    budget = _Budget(max_paragraphs)
    return _split_lines(_lines(text, budget.clean), budget)


def _lines(text: str, clean: Callable[[str], str]) -> Iterator[str]:
    """The non-empty lines, cleaned by ``clean`` one at a time: a page refused part way is
    never cleaned whole."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for block in re.split(r"\n\s*\n", text):
        rows = [r for r in block.split("\n") if r.strip()]
        if _hard_wrapped(rows):
            rows = [" ".join(rows)]
        yield from (c for c in map(clean, rows) if c)


def _hard_wrapped(rows: list[str]) -> bool:
    """Lines of a similar width that end mid-sentence were wrapped by a tool, not by the writer."""
    if len(rows) < 3:
        return False
    body = rows[:-1]
    widths = [len(r.rstrip()) for r in body]
    if min(widths) < _HARD_WRAP_MIN or max(widths) - min(widths) > 25:
        return False
    open_ends = sum(1 for r in body if not r.rstrip().endswith(ENDS_LINE))
    return open_ends >= len(body) * 0.6


def split_sentences(line: str) -> list[str]:
    """Sentences of a line, at terminal punctuation followed by a capital or digit."""
    pieces, start = [], 0
    for match in _SENTENCE_END.finditer(line):
        pieces.append(line[start : match.start(1)].strip())
        start = match.end(1)
    pieces.append(line[start:].strip())
    return [p for p in pieces if p]
