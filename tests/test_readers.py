import gzip
import json
from pathlib import Path

import pytest

from winnow.features.page import Page
from winnow.features.readers import page_format, read_pages

PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def write_jsonl(path: Path, records: list) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    return write(path, "\n".join(lines) + "\n")


def read_one(path: Path, **kwargs) -> Page:
    pages = list(read_pages([path], **kwargs))
    assert len(pages) == 1
    return pages[0]


def error_kind(page: Page) -> str | None:
    return page.error.split(":", 1)[0] if page.error else None


# --- folders ----------------------------------------------------------------------------------


def test_folder_gives_one_page_per_supported_file_in_sorted_order(tmp_path):
    write(tmp_path / "b.html", "<p>bee</p>")
    write(tmp_path / "a.txt", "ay")
    write(tmp_path / "c.htm", "<p>sea</p>")
    write(tmp_path / "d.html.gz", gzip.compress(b"<p>dee</p>"))
    write(tmp_path / "e.txt.gz", gzip.compress(b"ee"))

    pages = list(read_pages([tmp_path]))

    assert [p.id for p in pages] == ["a.txt", "b.html", "c.htm", "d.html.gz", "e.txt.gz"]
    assert all(p.error is None for p in pages)


def test_folder_html_pages_set_html_and_text_pages_set_text(tmp_path):
    write(tmp_path / "page.html", "<p>markup</p>")
    write(tmp_path / "page.htm", "<p>short suffix</p>")
    write(tmp_path / "notes.txt", "plain words")
    write(tmp_path / "zipped.html.gz", gzip.compress(b"<p>zipped markup</p>"))
    write(tmp_path / "zipped.txt.gz", gzip.compress(b"zipped words"))

    pages = {p.id: p for p in read_pages([tmp_path])}

    assert pages["page.html"].html == "<p>markup</p>"
    assert pages["page.htm"].html == "<p>short suffix</p>"
    assert pages["zipped.html.gz"].html == "<p>zipped markup</p>"
    assert pages["notes.txt"].text == "plain words"
    assert pages["zipped.txt.gz"].text == "zipped words"
    for page_id in ("page.html", "page.htm", "zipped.html.gz"):
        assert pages[page_id].text is None
        assert pages[page_id].kind == "html"
    for page_id in ("notes.txt", "zipped.txt.gz"):
        assert pages[page_id].html is None
        assert pages[page_id].kind == "text"


def test_folder_ignores_files_of_other_suffixes(tmp_path):
    write(tmp_path / "keep.html", "<p>kept</p>")
    write(tmp_path / "image.png", PNG_BYTES)
    write(tmp_path / "data.csv", "a,b\n1,2\n")
    write(tmp_path / "README", "no suffix")
    write(tmp_path / "archive.gz", gzip.compress(b"<p>not a page</p>"))

    assert [p.id for p in read_pages([tmp_path])] == ["keep.html"]


def test_nested_folders_are_walked_with_ids_relative_to_the_given_folder(tmp_path):
    """Each folder's files come in name order, then its subfolders in name order."""
    write(tmp_path / "z" / "last.txt", "last")
    write(tmp_path / "a" / "b" / "deepest.html", "<p>deepest</p>")
    write(tmp_path / "top.html", "<p>top</p>")
    write(tmp_path / "a" / "inner.txt", "inner")

    pages = list(read_pages([tmp_path]))

    assert [p.id for p in pages] == ["top.html", "a/inner.txt", "a/b/deepest.html", "z/last.txt"]
    assert pages[1].text == "inner"
    assert pages[2].source == str(tmp_path / "a" / "b" / "deepest.html")


def test_several_inputs_are_read_in_the_order_given(tmp_path):
    first = write(tmp_path / "z.txt", "zed")
    second = write(tmp_path / "a.txt", "ay")

    assert [p.text for p in read_pages([first, second])] == ["zed", "ay"]


def test_missing_input_path_raises_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        list(read_pages([tmp_path / "nowhere"]))


# --- JSONL ------------------------------------------------------------------------------------


def test_jsonl_gives_one_page_per_line_with_html_text_path_or_paragraphs(tmp_path):
    write(tmp_path / "pages" / "stored.html", "<p>stored on disk</p>")
    manifest = write_jsonl(
        tmp_path / "manifest.jsonl",
        [
            {"id": "h", "url": "https://example.org/h", "html": "<p>inline markup</p>"},
            {"id": "t", "text": "inline text"},
            {"id": "p", "path": "pages/stored.html"},
            {"id": "g", "paragraphs": ["First paragraph.", "Second paragraph."]},
        ],
    )

    pages = list(read_pages([manifest]))

    assert [p.id for p in pages] == ["h", "t", "p", "g"]
    assert all(p.error is None for p in pages)
    assert pages[0].html == "<p>inline markup</p>"
    assert pages[0].url == "https://example.org/h"
    assert pages[1].text == "inline text"
    assert pages[1].html is None
    assert pages[2].html == "<p>stored on disk</p>"
    assert pages[3].text.splitlines() == ["First paragraph.", "Second paragraph."]


def test_jsonl_path_is_relative_to_the_jsonl_folder_not_the_working_directory(
    tmp_path, monkeypatch
):
    write(tmp_path / "data" / "notes.txt", "relative text")
    manifest = write_jsonl(tmp_path / "data" / "m.jsonl", [{"id": "n", "path": "notes.txt"}])
    monkeypatch.chdir(tmp_path)

    page = read_one(manifest)

    assert page.error is None
    assert page.text == "relative text"


def test_jsonl_gz_is_read_like_jsonl(tmp_path):
    lines = [{"id": "one", "text": "first"}, {"id": "two", "html": "<p>second</p>"}]
    data = "".join(json.dumps(r) + "\n" for r in lines).encode()
    manifest = write(tmp_path / "m.jsonl.gz", gzip.compress(data))

    pages = list(read_pages([manifest]))

    assert [(p.id, p.text, p.html) for p in pages] == [
        ("one", "first", None),
        ("two", None, "<p>second</p>"),
    ]


def test_jsonl_extra_fields_land_in_meta(tmp_path):
    manifest = write_jsonl(
        tmp_path / "m.jsonl",
        [
            {
                "id": "x",
                "url": "https://example.org/x",
                "html": "<p>body</p>",
                "gold_text": "body",
                "topic": "politics",
            }
        ],
    )

    page = read_one(manifest)

    assert page.meta["gold_text"] == "body"
    assert page.meta["topic"] == "politics"
    for page_field in ("id", "url", "html"):
        assert page_field not in page.meta


def test_jsonl_blank_lines_are_skipped(tmp_path):
    manifest = write(
        tmp_path / "m.jsonl",
        '\n{"id": "a", "text": "ay"}\n\n   \n{"id": "b", "text": "bee"}\n\n',
    )

    pages = list(read_pages([manifest]))

    assert [p.id for p in pages] == ["a", "b"]
    assert all(p.error is None for p in pages)


def test_domain_comes_from_domain_field_or_url_host_without_www(tmp_path):
    manifest = write_jsonl(
        tmp_path / "m.jsonl",
        [
            {"id": "a", "url": "https://www.example.org/news/1", "text": "a"},
            {"id": "b", "url": "http://news.example.com:8080/x?y=1", "text": "b"},
            {"id": "c", "url": "https://www.example.org/2", "domain": "Outlet.Net", "text": "c"},
            {"id": "d", "text": "no url"},
        ],
    )

    domains = [p.domain for p in read_pages([manifest])]

    assert domains == ["example.org", "news.example.com", "outlet.net", ""]


def test_domain_of_a_malformed_url_is_empty_rather_than_an_exception():
    assert Page(id="x", url="http://[::1/broken", text="t").domain == ""


# --- bad records ------------------------------------------------------------------------------


def test_binary_file_named_html_is_a_binary_error_and_the_batch_goes_on(tmp_path):
    write(tmp_path / "a.html", PNG_BYTES)
    write(tmp_path / "b.html", "<p>fine</p>")

    pages = list(read_pages([tmp_path]))

    assert [p.id for p in pages] == ["a.html", "b.html"]
    assert error_kind(pages[0]) == "binary"
    assert pages[0].html is None and pages[0].text is None
    assert pages[1].html == "<p>fine</p>"


def test_invalid_utf8_without_a_charset_is_an_encoding_error(tmp_path):
    write(tmp_path / "a.html", b"<p>caf\xe9 \xff\xfe broken</p>")
    write(tmp_path / "b.txt", "after")

    pages = list(read_pages([tmp_path]))

    assert error_kind(pages[0]) == "encoding"
    assert pages[1].text == "after"


def test_declared_windows_1252_charset_is_used_to_decode(tmp_path):
    data = b'<html><head><meta charset="windows-1252"></head><body><p>caf\xe9</p></body></html>'
    page = read_one(write(tmp_path / "cp.html", data))

    assert page.error is None
    assert "<p>café</p>" in page.html


def test_declared_latin1_is_read_as_windows_1252_like_browsers_do(tmp_path):
    data = (
        b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>\x93q\x94</p>'
    )
    page = read_one(write(tmp_path / "l1.html", data))

    assert page.error is None
    assert "<p>\u201cq\u201d</p>" in page.html


def test_utf8_bom_is_removed_and_the_rest_decoded(tmp_path):
    page = read_one(write(tmp_path / "bom.html", b"\xef\xbb\xbf<p>na\xc3\xafve</p>"))

    assert page.error is None
    assert page.html == "<p>naïve</p>"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_decoded(tmp_path, codec):
    bom = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
    data = bom + "<p>Grüße aus Köln</p>".encode(codec)

    page = read_one(write(tmp_path / "wide.html", data))

    assert page.error is None
    assert page.html == "<p>Grüße aus Köln</p>"


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n  "], ids=["empty", "whitespace"])
def test_empty_and_whitespace_only_files_are_empty_errors(tmp_path, content):
    write(tmp_path / "a.txt", content)
    write(tmp_path / "b.txt", "after")

    pages = list(read_pages([tmp_path]))

    assert error_kind(pages[0]) == "empty"
    assert pages[1].text == "after"


@pytest.mark.parametrize(
    "content",
    [b"\xef\xbb\xbf", b"\xef\xbb\xbf \n", b"\xff\xfe", "\ufeff  \n".encode("utf-16-le")],
    ids=["utf8-bom", "utf8-bom-whitespace", "utf16-bom", "utf16-whitespace"],
)
def test_file_of_only_a_bom_and_whitespace_is_an_empty_error(tmp_path, content):
    page = read_one(write(tmp_path / "a.html", content))

    assert error_kind(page) == "empty"


def test_file_larger_than_max_bytes_is_too_large(tmp_path):
    write(tmp_path / "big.html", "<p>" + "x" * 200 + "</p>")
    write(tmp_path / "small.html", "<p>ok</p>")

    pages = list(read_pages([tmp_path], max_bytes=100))

    assert error_kind(pages[0]) == "too_large"
    assert pages[1].html == "<p>ok</p>"


def test_gzipped_file_over_max_bytes_once_decompressed_is_too_large(tmp_path):
    """The limit is on what the page expands to, not on the compressed size."""
    path = write(tmp_path / "bomb.html.gz", gzip.compress(b"<p>" + b"x" * 10_000 + b"</p>"))
    assert path.stat().st_size < 1_000

    assert error_kind(read_one(path, max_bytes=1_000)) == "too_large"


def test_jsonl_record_pointing_to_a_file_over_max_bytes_is_too_large(tmp_path):
    """The limit holds for a page a JSONL line points to with ``path``, gzipped or not."""
    write(tmp_path / "big.html", "<p>" + "x" * 2_000 + "</p>")
    write(tmp_path / "bomb.html.gz", gzip.compress(b"<p>" + b"x" * 10_000 + b"</p>"))
    write(tmp_path / "small.html", "<p>ok</p>")
    manifest = write_jsonl(
        tmp_path / "m.jsonl",
        [
            {"id": "big", "path": "big.html"},
            {"id": "bomb", "path": "bomb.html.gz"},
            {"id": "small", "path": "small.html"},
        ],
    )

    pages = {p.id: p for p in read_pages([manifest], max_bytes=1_000)}

    assert error_kind(pages["big"]) == "too_large"
    assert error_kind(pages["bomb"]) == "too_large"
    assert pages["small"].html == "<p>ok</p>"


def test_truncated_html_gz_is_a_gzip_error(tmp_path):
    whole = gzip.compress(b"<p>" + b"lorem ipsum " * 200 + b"</p>")
    write(tmp_path / "a.html.gz", whole[: len(whole) // 2])
    write(tmp_path / "b.html", "<p>after</p>")

    pages = list(read_pages([tmp_path]))

    assert error_kind(pages[0]) == "gzip"
    assert pages[1].html == "<p>after</p>"


def test_html_gz_that_is_not_gzip_at_all_is_a_gzip_error(tmp_path):
    page = read_one(write(tmp_path / "fake.html.gz", b"<p>plain, not compressed</p>"))

    assert error_kind(page) == "gzip"


def test_error_pages_keep_their_id_and_source(tmp_path):
    path = write(tmp_path / "broken.html", PNG_BYTES)

    page = read_one(path)

    assert page.id == str(path)
    assert page.source == str(path)
    assert page.error.startswith("binary: ")


def test_malformed_json_line_is_a_json_error_and_later_lines_are_read(tmp_path):
    manifest = write_jsonl(
        tmp_path / "m.jsonl",
        [{"id": "a", "text": "ay"}, '{"id": "b", "text": ', {"id": "c", "text": "sea"}],
    )

    pages = list(read_pages([manifest]))

    assert len(pages) == 3
    assert pages[0].text == "ay"
    assert error_kind(pages[1]) == "json"
    assert pages[1].id == f"{manifest}:2"
    assert pages[2].text == "sea"


def test_json_line_that_is_a_list_is_a_schema_error(tmp_path):
    manifest = write_jsonl(
        tmp_path / "m.jsonl", ['["not", "an", "object"]', {"id": "b", "text": "b"}]
    )

    pages = list(read_pages([manifest]))

    assert error_kind(pages[0]) == "schema"
    assert pages[1].text == "b"


@pytest.mark.parametrize(
    "record",
    [
        {"id": "n", "html": 42},
        {"id": "n", "text": ["not", "a", "string"]},
        {"id": "n", "url": 7, "text": "t"},
        {"id": "n", "paragraphs": "not a list"},
        {"id": "n", "topic": "no content field"},
    ],
    ids=["html-number", "text-list", "url-number", "paragraphs-string", "no-content"],
)
def test_wrongly_typed_or_missing_fields_are_schema_errors_keeping_the_id(tmp_path, record):
    manifest = write_jsonl(tmp_path / "m.jsonl", [record, {"id": "next", "text": "fine"}])

    pages = list(read_pages([manifest]))

    assert error_kind(pages[0]) == "schema"
    assert pages[0].id == "n"
    assert pages[1].text == "fine"


def test_jsonl_path_to_a_missing_file_is_an_error_record(tmp_path):
    manifest = write_jsonl(
        tmp_path / "m.jsonl", [{"id": "gone", "path": "missing.html"}, {"id": "b", "text": "b"}]
    )

    pages = list(read_pages([manifest]))

    assert pages[0].id == "gone"
    assert error_kind(pages[0]) == "io"
    assert pages[1].text == "b"


@pytest.mark.parametrize("bad_path", ["a\u0000b.html", "\ud800.html"], ids=["nul", "surrogate"])
def test_jsonl_path_that_cannot_be_a_file_name_is_an_error_record(tmp_path, bad_path):
    manifest = write(
        tmp_path / "m.jsonl",
        json.dumps({"id": "bad", "path": bad_path}) + "\n" + '{"id": "b", "text": "b"}\n',
    )

    pages = list(read_pages([manifest]))

    assert pages[0].id == "bad"
    assert pages[0].error is not None
    assert pages[1].text == "b"


def test_jsonl_line_with_empty_content_is_an_empty_error(tmp_path):
    manifest = write_jsonl(tmp_path / "m.jsonl", [{"id": "blank", "html": "  \n "}])

    assert error_kind(read_one(manifest)) == "empty"


def test_truncated_jsonl_gz_yields_lines_before_the_cut_then_a_gzip_error(tmp_path):
    records = [{"id": f"r{i}", "text": f"record number {i} " + "filler " * 40} for i in range(200)]
    whole = gzip.compress("".join(json.dumps(r) + "\n" for r in records).encode())
    manifest = write(tmp_path / "m.jsonl.gz", whole[: len(whole) // 2])

    pages = list(read_pages([manifest]))

    *good, last = pages
    assert good, "lines before the cut should be yielded"
    assert [p.id for p in good] == [f"r{i}" for i in range(len(good))]
    assert all(p.error is None for p in good)
    assert len(good) < len(records)
    assert error_kind(last) == "gzip"


def test_pages_after_a_truncated_jsonl_gz_are_still_read(tmp_path):
    whole = gzip.compress(b'{"id": "a", "text": "ay"}\n' * 500)
    manifest = write(tmp_path / "m.jsonl.gz", whole[:-12])
    after = write(tmp_path / "after.txt", "after")

    pages = list(read_pages([manifest, after]))

    assert error_kind(pages[-2]) == "gzip"
    assert pages[-1].text == "after"


def test_deeply_nested_json_line_is_an_error_record_not_an_exception(tmp_path):
    manifest = write_jsonl(tmp_path / "m.jsonl", ["[" * 100_000, {"id": "b", "text": "b"}])

    pages = list(read_pages([manifest]))

    assert error_kind(pages[0]) == "json"
    assert pages[1].text == "b"


def test_json_line_with_a_huge_integer_is_an_error_record_not_an_exception(tmp_path):
    manifest = write_jsonl(
        tmp_path / "m.jsonl", ['{"id": "a", "n": ' + "9" * 5000 + "}", {"id": "b", "text": "b"}]
    )

    pages = list(read_pages([manifest]))

    assert pages[0].error is not None
    assert pages[1].text == "b"


@pytest.mark.parametrize("label", ["base64", "hex", "rot13", "undefined"])
def test_meta_charset_naming_a_non_text_codec_does_not_abort_the_batch(tmp_path, label):
    write(tmp_path / "a.html", f'<meta charset="{label}"><p>hello</p>')
    write(tmp_path / "b.html", "<p>after</p>")

    pages = list(read_pages([tmp_path]))

    assert len(pages) == 2
    assert pages[1].html == "<p>after</p>"


@pytest.mark.parametrize("body", ["<p>hello there</p>", "<p>hello there!</p>"], ids=["odd", "even"])
def test_ascii_page_declaring_utf16_in_meta_is_not_decoded_as_utf16(tmp_path, body):
    page = read_one(write(tmp_path / "a.html", '<meta charset="utf-16">' + body))

    assert page.html is not None and "hello there" in page.html


# --- page_format ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.html", "html"),
        ("a.HTM", "html"),
        ("a.xhtml", "html"),
        ("a.html.gz", "html"),
        ("a.txt", "text"),
        ("a.TXT.GZ", "text"),
        ("a.jsonl", "jsonl"),
        ("a.ndjson", "jsonl"),
        ("a.jsonl.gz", "jsonl"),
        ("a.json", None),
        ("a.gz", None),
        ("a.png", None),
        ("html", None),
        ("a.html.bak", None),
    ],
)
def test_page_format_from_file_name(name, fmt):
    assert page_format(Path(name)) == fmt


def test_page_format_looks_only_at_the_name_not_the_folders():
    assert page_format(Path("pages.html") / "notes.txt") == "text"
    assert page_format(Path("site.txt") / "README") is None
