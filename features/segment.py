"""Split a page into paragraphs that keep the context they stood in.

HTML is walked once, iteratively (deep nesting cannot overflow the stack): every block element
starts a new paragraph, inline text accumulates into the current one, and each paragraph
records its tag, the tag path and class/id tokens above it, and its link density. Plain text is
split at blank lines and line breaks, and a line that glues chaff to content is further cut at
sentence boundaries so that each piece can be labelled on its own.
"""

from __future__ import annotations

import re
import unicodedata

from selectolax.lexbor import LexborHTMLParser

from winnow.features.page import Page, Paragraph
from winnow.features.structure import Block, structure_features

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
_WS = re.compile(r"\s+")
_ATTR_TOKEN = re.compile(r"[a-z]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def segment_page(page: Page) -> list[Paragraph]:
    """Paragraphs of a page: from its markup, else its pre-split lines, else its text."""
    if page.html is not None:
        return segment_html(page.html)
    lines = page.meta.get("paragraphs")
    if isinstance(lines, list) and all(isinstance(line, str) for line in lines):
        return segment_lines(lines)
    return segment_text(page.text or "")


def segment_lines(lines: list[str]) -> list[Paragraph]:
    """Lines that arrive already split (and maybe labelled), cut into sentences as plain text
    is, so the models see the same pieces at training and at prediction; ``line`` keeps each
    piece's input line so that line labels follow it. Blank lines drop out."""
    paragraphs = []
    for line_no, line in enumerate(lines):
        for piece in split_sentences(clean_text(line)):
            paragraphs.append(Paragraph(text=piece, index=len(paragraphs), line=line_no))
    return paragraphs


def clean_text(text: str) -> str:
    """NFC, no control characters, whitespace collapsed to single spaces."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch if ch.isprintable() or ch.isspace() else " " for ch in text)
    return _WS.sub(" ", text).strip()


def _visible_chars(text: str) -> int:
    """Characters that are not white space: link density must not depend on spacing."""
    return len(text) - sum(ch.isspace() for ch in text)


def attr_tokens(value: str) -> list[str]:
    """Word tokens of a class or id value: ``storyBody__promo-2`` -> story, body, promo."""
    return _ATTR_TOKEN.findall(_CAMEL.sub(" ", value).lower())


class _Block:
    """The block element a paragraph's text is collected under."""

    __slots__ = ("tag", "path", "attrs", "own", "block_attrs", "depth", "node")

    def __init__(self, tag, path, attrs, own, parent_own, depth, node):
        self.node = node
        self.tag = tag
        self.path = path
        self.attrs = attrs
        self.own = own
        self.block_attrs = " ".join(list(own) + [f"parent_{t}" for t in parent_own])
        self.depth = depth


MAX_NESTING = 10_000
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^>]*?(/?)>")
_VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)


class MarkupTooDeep(ValueError):
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


def segment_html(html: str) -> list[Paragraph]:
    """Paragraphs of an HTML document, in reading order, with their markup context.

    What no browser shows is not text: elements marked ``hidden`` or ``aria-hidden``. What a
    stylesheet or script may keep from view (an inline ``display:none``, a hiding class of
    ``HIDDEN_CLASSES``) is kept and marked, with schema.org metadata values and copies of
    earlier paragraphs, in the paragraph's place in the page's block structure
    (``features.structure``): dropping it outright lost whole articles that scripts reveal
    (the validation pages' gold recall fell from 0.974 to 0.963 on WCXB).

    Raises ``MarkupTooDeep`` for markup nested over ``MAX_NESTING`` levels."""
    if html.count("<") > MAX_NESTING and markup_depth(html) > MAX_NESTING:
        raise MarkupTooDeep(f"markup nested over {MAX_NESTING:,} levels deep")
    tree = LexborHTMLParser(html)
    root = tree.root
    paragraphs: list[Paragraph] = []
    if root is None:
        return paragraphs
    parts: list[str] = []
    link_chars = meta_chars = hidden_chars = 0
    top = _Block("", (), (), (), (), 0, Block(None, "", "", ()))
    block = top
    all_blocks: list[Block] = [top.node]
    owners: list[Block] = []
    marks: list[tuple[float, float, float]] = []
    seen: set[str] = set()

    def flush() -> None:
        nonlocal parts, link_chars, meta_chars, hidden_chars
        if parts:
            text = clean_text("".join(parts))
            if text:
                copy = len(text) >= COPY_MIN_CHARS and text in seen
                if len(text) >= COPY_MIN_CHARS:
                    seen.add(text)
                visible = max(1, _visible_chars(text))
                paragraphs.append(
                    Paragraph(
                        text=text,
                        index=len(paragraphs),
                        tag=block.tag,
                        path=" ".join(block.path),
                        attrs=" ".join(block.attrs),
                        block_attrs=block.block_attrs,
                        link_density=round(min(1.0, link_chars / visible), 4),
                        depth=block.depth,
                    )
                )
                owners.append(block.node)
                marks.append(
                    (
                        round(min(1.0, meta_chars / visible), 4),
                        round(min(1.0, hidden_chars / visible), 4),
                        float(copy),
                    )
                )
        parts = []
        link_chars = meta_chars = hidden_chars = 0

    # Iterative depth-first walk. Entries: (node, block context, flags, exiting), flags
    # saying whether the node is inside a link (1), a schema.org metadata value (2) or an
    # element hidden by style or class (4); an exiting entry closes its block and restores
    # the enclosing one.
    stack: list[tuple] = [(root, top, 0, False)]
    while stack:
        node, ctx, flags, exiting = stack.pop()
        if exiting:
            flush()
            block = ctx
            continue
        tag = node.tag
        if tag == "-text":
            value = node.text_content or ""
            if value:
                parts.append(value)
                if flags:
                    chars = _visible_chars(value)
                    if flags & 1:
                        link_chars += chars
                    if flags & 2:
                        meta_chars += chars
                    if flags & 4:
                        hidden_chars += chars
            continue
        if tag is None or tag.startswith("-") or tag in SKIP_TAGS:
            continue
        attributes = node.attributes
        if "hidden" in attributes or attributes.get("aria-hidden") == "true":
            continue
        if tag in BREAK_TAGS:
            flush()
            continue
        child_ctx = ctx
        if tag in BLOCK_TAGS and ctx.depth < MAX_BLOCK_DEPTH:
            flush()
            classes = attributes.get("class") or ""
            own = tuple(attr_tokens(f"{classes} {attributes.get('id') or ''}"))
            child_ctx = _Block(
                tag,
                (ctx.path + (tag,))[-MAX_PATH_TAGS:],
                (ctx.attrs + tuple(t for t in own if t not in ctx.attrs))[-MAX_ATTR_TOKENS:],
                own,
                ctx.own,
                ctx.depth + 1,
                Block(ctx.node, tag, classes, own),
            )
            all_blocks.append(child_ctx.node)
            block = child_ctx
            stack.append((node, ctx, flags, True))
        if tag == "a":
            parts.append(" ")  # adjacent links are separate words, as a reader sees them
            flags |= 1
        prop = attributes.get("itemprop")
        if prop and MICRODATA_PROPS.intersection(prop.lower().split()):
            flags |= 2
        if _styled_hidden(attributes):
            flags |= 4
        children = []
        child = node.first_child
        while child is not None:
            children.append(child)
            child = child.next
        for child in reversed(children):
            stack.append((child, child_ctx, flags, False))
    flush()
    shape = structure_features(
        [p.text for p in paragraphs],
        [p.link_density for p in paragraphs],
        marks,
        owners,
        all_blocks,
    )
    for p, values in zip(paragraphs, shape, strict=True):
        p.structure = values
    return paragraphs


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
_SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*(\s+)(?=["'“‘(\[]?[A-Z0-9])""")
_HARD_WRAP_MIN = 50


def segment_text(text: str) -> list[Paragraph]:
    """Paragraphs of plain text: one per line, or per blank-line block when lines are wrapped.

    Long lines are cut into sentences; pieces from one line share its ``line`` number, so the
    labelled pieces can be joined back into the paragraph they came from.
    """
    return segment_lines(_lines(text))


def _lines(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        rows = [r for r in block.split("\n") if r.strip()]
        if _hard_wrapped(rows):
            rows = [" ".join(rows)]
        lines.extend(c for c in (clean_text(r) for r in rows) if c)
    return lines


def _hard_wrapped(rows: list[str]) -> bool:
    """Lines of a similar width that end mid-sentence were wrapped by a tool, not by the writer."""
    if len(rows) < 3:
        return False
    body = rows[:-1]
    widths = [len(r.rstrip()) for r in body]
    if min(widths) < _HARD_WRAP_MIN or max(widths) - min(widths) > 25:
        return False
    open_ends = sum(1 for r in body if not r.rstrip().endswith((".", "!", "?", ":", '"', "”")))
    return open_ends >= len(body) * 0.6


def split_sentences(line: str) -> list[str]:
    """Sentences of a line, at terminal punctuation followed by a capital or digit."""
    pieces, start = [], 0
    for match in _SENTENCE_END.finditer(line):
        pieces.append(line[start : match.start(1)].strip())
        start = match.end(1)
    pieces.append(line[start:].strip())
    return [p for p in pieces if p]
