"""Property tests: readers never raise on bad bytes, segmenters never lose or invent text."""

import gzip
import json
import math
import string
import tempfile
import unicodedata
from pathlib import Path

from fuzzing import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from winnow.features.page import Page
from winnow.features.readers import read_pages
from winnow.features.segment import segment_html, segment_text
from winnow.features.structure import BLOCK_COLUMNS, STRUCTURE_COLUMNS

SETTINGS = settings(max_examples=examples(200), deadline=None)

# Prefixes that steer arbitrary bytes down the decoder's BOM and <meta charset> branches.
PREFIXES = [
    b"",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b'<meta charset="windows-1252">',
    b'<meta charset="iso-8859-1">',
    b"<meta charset=utf-8>",
    b'<meta charset="shift_jis">',
    b'<meta charset="koi8-r">',
    b'<meta charset="utf-16">',
    b'<meta charset="no-such-charset">',
    b"\x89PNG",
]
page_bytes = st.builds(lambda prefix, rest: prefix + rest, st.sampled_from(PREFIXES), st.binary())


def read_all(name: str, data: bytes) -> list[Page]:
    """Read ``data`` stored as ``name``, both as a single file and through its folder."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, name)
        path.write_bytes(data)
        direct = list(read_pages([path]))
        walked = list(read_pages([folder]))
    assert [p.error for p in direct] == [p.error for p in walked]
    return direct


def assert_well_formed(pages: list) -> None:
    for page in pages:
        assert isinstance(page, Page)
        has_content = page.html is not None or page.text is not None
        assert has_content != (page.error is not None), page
        if page.error is not None:
            kind, sep, _ = page.error.partition(": ")
            assert sep and kind.isidentifier() and kind.islower(), page.error
        else:
            # Exactly one of the two is set, and a page that reads has something in it.
            assert (page.html is None) != (page.text is None)
            assert (page.html or page.text).strip()


@SETTINGS
@given(data=page_bytes, suffix=st.sampled_from([".html", ".htm", ".txt"]))
def test_reading_arbitrary_bytes_as_a_page_never_raises(data, suffix):
    pages = read_all("page" + suffix, data)

    assert len(pages) == 1
    assert_well_formed(pages)


@SETTINGS
@given(data=page_bytes, suffix=st.sampled_from([".html.gz", ".txt.gz"]))
def test_reading_gzipped_arbitrary_bytes_never_raises(data, suffix):
    pages = read_all("page" + suffix, gzip.compress(data))

    assert len(pages) == 1
    assert_well_formed(pages)


@SETTINGS
@given(data=st.binary(), cut=st.floats(0, 1), raw=st.binary(max_size=64))
def test_reading_truncated_or_fake_gzip_never_raises(data, cut, raw):
    whole = gzip.compress(data)
    truncated = whole[: int(len(whole) * cut)]

    for blob in (truncated, raw):
        pages = read_all("page.html.gz", blob)
        assert len(pages) == 1
        assert_well_formed(pages)


@SETTINGS
@given(data=st.binary())
def test_reading_arbitrary_bytes_as_jsonl_never_raises(data):
    assert_well_formed(read_all("pages.jsonl", data))


# Any integer and any string, NUL and lone surrogates included: the reader must turn all of
# them into pages or error records.
json_scalars = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
records = st.dictionaries(
    st.sampled_from(["id", "url", "html", "text", "path", "paragraphs", "domain", "topic"]),
    json_values,
    max_size=5,
)


@SETTINGS
@given(
    lines=st.lists(records | json_values, max_size=6), compress=st.booleans(), cut=st.floats(0, 1)
)
def test_reading_jsonl_of_arbitrary_json_never_raises(lines, compress, cut):
    data = "".join(json.dumps(line) + "\n" for line in lines).encode()
    name = "pages.jsonl"
    if compress:
        whole = gzip.compress(data)
        data, name = whole[: max(1, int(len(whole) * cut))], "pages.jsonl.gz"

    pages = read_all(name, data)

    assert_well_formed(pages)
    if not compress:
        assert len(pages) == len(lines)
    for page in pages:
        if page.error is None:
            _ = page.domain


# --- segmentation -----------------------------------------------------------------------------


def no_ws(text: str) -> str:
    return "".join(text.split())


def is_subsequence(needle: str, haystack: str) -> bool:
    remaining = iter(haystack)
    return all(ch in remaining for ch in needle)


def test_is_subsequence_helper():
    assert is_subsequence("ace", "abcde")
    assert is_subsequence("", "abc")
    assert not is_subsequence("ca", "abc")
    assert not is_subsequence("aa", "a")


def assert_clean_paragraphs(paragraphs) -> None:
    assert [p.index for p in paragraphs] == list(range(len(paragraphs)))
    for paragraph in paragraphs:
        assert paragraph.text
        assert paragraph.text == paragraph.text.strip()
        assert " ".join(paragraph.text.split()) == paragraph.text, repr(paragraph.text)


markupish = st.text(alphabet=st.sampled_from(list("<>/!-=\"' &;#\n\tapdivbrscriptstyle")))
any_text = (
    st.text()
    | markupish
    | st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<div>",
                "</div>",
                "<a href=x>",
                "</a>",
                "<br>",
                "<!--",
                "-->",
                "<script>",
                "</script>",
                "&amp;",
                "&#0;",
                "&#x110000;",
                "<b>",
                "<table>",
                "<td>",
                "word",
                " ",
                "\n",
            ]
        )
    ).map("".join)
)


@SETTINGS
@given(text=any_text)
def test_segment_html_of_arbitrary_text_never_raises_and_gives_clean_paragraphs(text):
    paragraphs = segment_html(text)

    assert_clean_paragraphs(paragraphs)
    assert_sound_structure(paragraphs)


def assert_sound_structure(paragraphs) -> None:
    """Every markup paragraph has every structure column, finite, shares within [0, 1],
    and at most one main block, holding a contiguous run of paragraphs."""
    width = len(STRUCTURE_COLUMNS) + len(BLOCK_COLUMNS)
    column = {name: i for i, name in enumerate(STRUCTURE_COLUMNS + BLOCK_COLUMNS)}
    for paragraph in paragraphs:
        assert len(paragraph.structure) == width
        assert all(math.isfinite(v) for v in paragraph.structure)
        for name in ("microdata", "hidden", "page_hidden", "copy", "in_main", "main_share"):
            assert 0.0 <= paragraph.structure[column[name]] <= 1.0
    inside = [i for i, p in enumerate(paragraphs) if p.structure[column["in_main"]] == 1.0]
    assert inside == list(range(inside[0], inside[-1] + 1)) if inside else True


@SETTINGS
@given(text=st.text() | markupish)
def test_segment_text_gives_clean_paragraphs_that_come_from_the_input_in_order(text):
    paragraphs = segment_text(text)

    assert_clean_paragraphs(paragraphs)
    # Text is NFC-normalised on the way, so compare against the normalised input.
    source = no_ws(unicodedata.normalize("NFC", text))
    assert is_subsequence(no_ws("".join(p.text for p in paragraphs)), source)


@SETTINGS
@given(
    lines=st.lists(
        st.text(alphabet=string.ascii_letters + " .!?\"')(", min_size=1, max_size=120), max_size=6
    ),
    breaks=st.sampled_from(["\n", "\n\n", "\r\n"]),
)
def test_segment_text_pieces_of_one_line_share_its_line_number(lines, breaks):
    paragraphs = segment_text(breaks.join(lines))

    line_numbers = [p.line for p in paragraphs]
    assert line_numbers == sorted(line_numbers)


# Text without markup characters, and without characters that NFC would change or combine.
VISIBLE_ALPHABET = (
    string.ascii_letters
    + string.digits
    + "!\"#$%'()*+,-./:;=?@[]^_`{|}~"
    + "éßø中—“”…"
    + " \n\t\u00a0"
)
visible_text = st.text(alphabet=VISIBLE_ALPHABET, max_size=15)


def _element(children):
    return st.builds(
        lambda tag, kids: (
            f"<{tag}>" + "".join(html for html, _ in kids) + f"</{tag}>",
            "".join(text for _, text in kids),
        ),
        st.sampled_from(["div", "p", "span", "a"]),
        st.lists(children, max_size=4),
    )


documents = st.recursive(visible_text.map(lambda t: (t, t)), _element, max_leaves=25)


@SETTINGS
@given(doc=st.lists(documents, max_size=4))
def test_segment_html_keeps_all_visible_text_in_order(doc):
    html = "".join(h for h, _ in doc)
    visible = no_ws("".join(t for _, t in doc))

    paragraphs = segment_html(html)

    assert_clean_paragraphs(paragraphs)
    for paragraph in paragraphs:
        assert no_ws(paragraph.text) in visible
    assert "".join(no_ws(p.text) for p in paragraphs) == visible
    assert_sound_structure(paragraphs)
