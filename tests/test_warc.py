import gzip
import io
import zlib
from collections import Counter
from pathlib import Path

import pytest
from fuzzing import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from winnow.features.page import Page
from winnow.features.warc import is_warc, read_warc

PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
DATE = "2024-05-01T12:00:00Z"


# --- building archives --------------------------------------------------------------------


def uuid(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


def record(
    warc_type: str,
    block: bytes,
    *,
    n: int,
    uri: str | None = "https://news.example/",
    content_type: str | None = None,
    extra: dict[str, str] | None = None,
) -> bytes:
    """One WARC record: version line, named fields, block, and the two closing CRLFs."""
    fields = {"WARC-Type": warc_type, "WARC-Record-ID": f"<urn:uuid:{uuid(n)}>", "WARC-Date": DATE}
    if uri is not None:
        fields["WARC-Target-URI"] = uri
    if content_type is not None:
        fields["Content-Type"] = content_type
    fields.update(extra or {})
    fields["Content-Length"] = str(len(block))
    head = "WARC/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in fields.items()) + "\r\n"
    return head.encode() + block + b"\r\n\r\n"


def http(body: bytes, *, status: str = "200 OK", headers: dict[str, str] | None = None) -> bytes:
    """An HTTP response as a crawler stores it; Content-Length added unless chunked."""
    headers = dict(headers or {})
    if "Transfer-Encoding" not in headers:
        headers["Content-Length"] = str(len(body))
    head = f"HTTP/1.1 {status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    return head.encode("latin-1") + b"\r\n" + body


def response(n: int, url: str, body: bytes, **http_kwargs) -> bytes:
    return record(
        "response",
        http(body, **http_kwargs),
        n=n,
        uri=url,
        content_type="application/http; msgtype=response",
    )


def html_page(n: int, text: str = "") -> bytes:
    return response(
        n,
        f"https://news.example/{n}",
        f"<html><body><p>{text or f'Story {n}'}</p></body></html>".encode(),
        headers={"Content-Type": "text/html; charset=utf-8"},
    )


def chunked(data: bytes, size: int = 7) -> bytes:
    parts = [data[i : i + size] for i in range(0, len(data), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in parts) + b"0\r\n\r\n"


def standard_records() -> list[bytes]:
    """Every kind of record a crawl writes: three HTML pages among things to skip."""
    gz_body = gzip.compress(
        b"<html><body><p>Second story, chunked and gzipped</p></body></html>", mtime=0
    )
    return [
        record("warcinfo", b"software: test\r\nformat: WARC 1.1\r\n", n=1, uri=None,
               content_type="application/warc-fields"),
        record("request", b"GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n", n=2,
               uri="https://news.example/a", content_type="application/http; msgtype=request"),
        response(3, "https://news.example/a", b"<html><body><p>First story</p></body></html>",
                 headers={"Content-Type": "text/html; charset=utf-8"}),
        response(4, "https://news.example/logo.png", PNG_BYTES, headers={"Content-Type": "image/png"}),
        record("metadata", b"outlink: https://news.example/b\r\n", n=5,
               uri="https://news.example/a", content_type="application/warc-fields"),
        response(6, "https://news.example/b", chunked(gz_body),
                 headers={"Content-Type": "text/html", "Transfer-Encoding": "chunked",
                          "Content-Encoding": "gzip"}),
        record("revisit", http(b""), n=7, uri="https://news.example/a",
               content_type="application/http; msgtype=response",
               extra={"WARC-Profile": "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"}),
        record("resource", b"<html>a resource</html>", n=8, uri="file:///x.html",
               content_type="text/html"),
        response(9, "https://news.example/c",
                 "<html><body><p>Caf\u00e9 au lait</p></body></html>".encode("cp1252"),
                 status="404 Not Found", headers={"Content-Type": "text/html; charset=windows-1252"}),
    ]  # fmt: skip


def plain(records: list[bytes]) -> bytes:
    return b"".join(records)


def gzip_per_record(records: list[bytes]) -> bytes:
    return b"".join(gzip.compress(r, mtime=0) for r in records)


def gzip_whole(records: list[bytes]) -> bytes:
    return gzip.compress(b"".join(records), mtime=0)


def offsets_whole_gzip(records: list[bytes]) -> tuple[bytes, list[int]]:
    """One gzip member, flushed at every record so the compressed offsets are known."""
    buf = io.BytesIO()
    ends = []
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as fh:
        for r in records:
            fh.write(r)
            fh.flush()
            ends.append(buf.tell())
    return buf.getvalue(), ends


LAYOUTS = {"plain": (".warc", plain), "per_record": (".warc.gz", gzip_per_record),
           "whole": (".warc.gz", gzip_whole)}  # fmt: skip


def write_archive(tmp_path: Path, records: list[bytes], layout: str = "plain") -> Path:
    suffix, pack = LAYOUTS[layout]
    path = tmp_path / f"crawl-{layout}{suffix}"
    path.write_bytes(pack(records))
    return path


def read(path: Path, **kwargs) -> tuple[list[Page], Counter]:
    skipped: Counter = Counter()
    return list(read_warc(path, skipped=skipped, **kwargs)), skipped


# --- what comes out -----------------------------------------------------------------------


@pytest.mark.parametrize("layout", LAYOUTS)
def test_html_responses_come_out_in_order_and_everything_else_is_counted(tmp_path, layout):
    path = write_archive(tmp_path, standard_records(), layout)
    pages, skipped = read(path)

    assert [p.error for p in pages] == [None, None, None]
    assert [p.id for p in pages] == [uuid(3), uuid(6), uuid(9)]
    assert [p.url for p in pages] == [f"https://news.example/{c}" for c in "abc"]
    assert "First story" in pages[0].html
    assert all(p.source == str(path) for p in pages)
    assert pages[0].meta == {"warc_date": DATE, "http_status": 200}
    assert skipped == Counter(warcinfo=1, request=1, metadata=1, revisit=1, resource=1, non_html=1)


def test_the_same_pages_from_plain_and_both_gzip_layouts(tmp_path):
    records = standard_records()
    results = [read(write_archive(tmp_path, records, layout)) for layout in LAYOUTS]
    first_pages, first_skipped = results[0]
    for pages, skipped in results[1:]:
        assert [(p.id, p.url, p.html, p.meta) for p in pages] == [
            (p.id, p.url, p.html, p.meta) for p in first_pages
        ]
        assert skipped == first_skipped


def test_chunked_and_gzip_encoded_body_is_decoded(tmp_path):
    pages, _ = read(write_archive(tmp_path, standard_records()))
    assert pages[1].html == "<html><body><p>Second story, chunked and gzipped</p></body></html>"


def test_charset_from_the_http_header_is_honoured_and_a_404_is_still_a_page(tmp_path):
    pages, _ = read(write_archive(tmp_path, standard_records()))
    assert "Caf\u00e9 au lait" in pages[2].html
    assert pages[2].meta["http_status"] == 404


def test_a_header_charset_that_does_not_fit_falls_back_to_the_meta_charset(tmp_path):
    body = '<html><head><meta charset="windows-1252"></head><p>Caf\u00e9</p></html>'
    records = [response(1, "https://x.example/", body.encode("cp1252"),
                        headers={"Content-Type": "text/html; charset=utf-8"})]  # fmt: skip
    pages, _ = read(write_archive(tmp_path, records))
    assert "Caf\u00e9" in pages[0].html


def test_missing_content_type_is_sniffed(tmp_path):
    records = [
        response(1, "https://x.example/a", b"\n  <!DOCTYPE html><html><p>sniffed</p></html>"),
        response(2, "https://x.example/b", b'{"not": "html"}'),
    ]
    pages, skipped = read(write_archive(tmp_path, records))
    assert [p.id for p in pages] == [uuid(1)] and "sniffed" in pages[0].html
    assert skipped == Counter(non_html=1)


def test_redirect_without_a_body_is_skipped_as_empty(tmp_path):
    records = [
        response(1, "https://x.example/a", b"", status="301 Moved Permanently",
                 headers={"Content-Type": "text/html", "Location": "https://x.example/b"}),
        html_page(2),
    ]  # fmt: skip
    pages, skipped = read(write_archive(tmp_path, records))
    assert [p.id for p in pages] == [uuid(2)]
    assert skipped == Counter(empty=1)


def test_is_warc_goes_by_name():
    assert is_warc(Path("a.warc")) and is_warc(Path("dir/CRAWL-01.WARC.GZ"))
    assert not is_warc(Path("a.arc")) and not is_warc(Path("a.arc.gz"))
    assert not is_warc(Path("a.html")) and not is_warc(Path("warc.jsonl"))


# --- bad input ----------------------------------------------------------------------------


def simple_records() -> list[bytes]:
    return [record("warcinfo", b"software: test\r\n", n=1, uri=None)] + [
        html_page(n, f"Story {n} " + "words " * 40) for n in range(2, 6)
    ]


@pytest.mark.parametrize("layout", ["per_record", "whole"])
def test_truncated_gzip_gives_the_records_before_it_then_one_error(tmp_path, layout):
    records = simple_records()
    if layout == "per_record":
        members = [gzip.compress(r, mtime=0) for r in records]
        data = b"".join(members)
        cut = sum(map(len, members[:2])) + len(members[2]) // 2
    else:
        data, ends = offsets_whole_gzip(records)
        cut = (ends[1] + ends[2]) // 2
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[:cut])

    pages, _ = read(path)

    assert [p.id for p in pages[:-1]] == [uuid(2)]
    assert pages[0].error is None
    assert pages[-1].error.startswith("gzip: ") and "ends early" in pages[-1].error


def test_truncated_plain_warc_gives_the_records_before_it_then_one_error(tmp_path):
    records = simple_records()
    cut = sum(map(len, records[:2])) + len(records[2]) * 2 // 3  # inside record 3's block
    path = tmp_path / "cut.warc"
    path.write_bytes(plain(records)[:cut])

    pages, _ = read(path)

    assert [p.id for p in pages[:-1]] == [uuid(2)]
    assert pages[-1].id == uuid(3)
    assert pages[-1].error.startswith("warc: truncated record 3")


@pytest.mark.parametrize("name", ["junk.warc", "junk.warc.gz"])
@pytest.mark.parametrize("gzipped", [False, True])
def test_a_file_that_is_not_a_warc_gives_one_error_page(tmp_path, name, gzipped):
    data = b"<html><body>just a page</body></html>\n" * 20
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if gzipped else data)
    pages, _ = read(path)
    assert len(pages) == 1
    assert pages[0].error == "warc: not a WARC file"
    assert pages[0].id == f"{path}:1"


@pytest.mark.parametrize("data", [b"", b"\r\n\r\n", gzip.compress(b"")])
def test_an_empty_file_gives_no_pages(tmp_path, data):
    path = tmp_path / "empty.warc.gz"
    path.write_bytes(data)
    assert read(path) == ([], Counter())


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_record_over_max_bytes_is_an_error_and_the_next_record_is_read(tmp_path, layout):
    records = [html_page(1, "x" * 5000), html_page(2)]
    pages, _ = read(write_archive(tmp_path, records, layout), max_bytes=2000)
    assert pages[0].id == uuid(1) and pages[0].error.startswith("too_large: ")
    assert pages[1].id == uuid(2) and "Story 2" in pages[1].html


def test_a_compressed_body_that_inflates_over_max_bytes_is_too_large(tmp_path):
    bomb = gzip.compress(b"<html>" + b" " * 200_000)
    records = [
        response(1, "https://x.example/", bomb,
                 headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}),
        html_page(2),
    ]  # fmt: skip
    pages, _ = read(write_archive(tmp_path, records), max_bytes=50_000)
    assert pages[0].error.startswith("too_large: ")
    assert pages[1].error is None


def test_an_unsupported_content_encoding_is_an_error_and_the_batch_goes_on(tmp_path):
    records = [
        response(1, "https://x.example/a", b"\x1b\x2a\x00brotli-bytes",
                 headers={"Content-Type": "text/html", "Content-Encoding": "br"}),
        html_page(2),
    ]  # fmt: skip
    pages, _ = read(write_archive(tmp_path, records))
    assert pages[0].id == uuid(1) and pages[0].url == "https://x.example/a"
    assert pages[0].error == "encoding: content-encoding br not supported"
    assert pages[1].id == uuid(2) and pages[1].error is None


def test_a_malformed_record_header_is_reported_and_reading_resumes(tmp_path):
    bad = b"WARC/1.1\r\nWARC-Type response\r\nContent-Length: 12\r\n\r\nhello world!\r\n\r\n"
    records = [html_page(1), bad, html_page(3)]
    pages, _ = read(write_archive(tmp_path, records))
    assert [p.error is None for p in pages] == [True, False, True]
    assert pages[1].error.startswith("warc: record 2: bad header line")
    assert pages[1].id == f"{tmp_path / 'crawl-plain.warc'}:2"
    assert pages[2].id == uuid(3)


def test_a_wrong_content_length_is_reported_and_reading_resumes(tmp_path):
    wrong = html_page(1).replace(b"Content-Length: ", b"Content-Length: 1", 1)  # ~1 KB too long
    records = [html_page(0), wrong] + [html_page(n) for n in range(2, 10)]
    pages, _ = read(write_archive(tmp_path, records))
    # Record 1's block runs into a later record; reading resumes at the record after that.
    errors = [p.error for p in pages if p.error]
    assert len(errors) == 1 and errors[0].startswith("warc: record 3: expected a WARC/1.x line")
    assert pages[0].id == uuid(0) and pages[-1].id == uuid(9)
    assert all(p.error is None for p in pages[-3:])


def test_a_malformed_http_header_is_an_error_and_the_batch_goes_on(tmp_path):
    records = [
        record("response", b"HTTP/1.1 OK\r\nContent-Type: text/html\r\n\r\n<html></html>", n=1,
               content_type="application/http; msgtype=response"),
        record("response", b"HTTP/1.1 200 OK\r\nno colon here\r\n\r\n<html></html>", n=2,
               content_type="application/http; msgtype=response"),
        html_page(3),
    ]  # fmt: skip
    pages, _ = read(write_archive(tmp_path, records))
    assert pages[0].error.startswith("http: bad status line")
    assert pages[1].error.startswith("http: bad header line")
    assert pages[2].error is None


def test_html_that_is_really_binary_is_an_error(tmp_path):
    records = [response(1, "https://x.example/", PNG_BYTES, headers={"Content-Type": "text/html"})]
    pages, _ = read(write_archive(tmp_path, records))
    assert pages[0].error.startswith("binary: ")


def test_deflate_raw_and_zlib_both_decode(tmp_path):
    text = b"<html><body><p>deflated</p></body></html>"
    raw = zlib.compressobj(wbits=-15)
    records = [
        response(1, "https://x.example/z", zlib.compress(text),
                 headers={"Content-Type": "text/html", "Content-Encoding": "deflate"}),
        response(2, "https://x.example/r", raw.compress(text) + raw.flush(),
                 headers={"Content-Type": "text/html", "Content-Encoding": "deflate"}),
    ]  # fmt: skip
    pages, _ = read(write_archive(tmp_path, records))
    assert [p.html for p in pages] == [text.decode(), text.decode()]


# --- property -----------------------------------------------------------------------------


RESPONSE_START = (
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 60\r\n\r\n"
    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n"
)


@st.composite
def archive_bytes(draw) -> tuple[str, bytes]:
    """Random bytes (some after a record's start), or a real archive damaged: bytes replaced, inserted, or cut off."""
    if draw(st.booleans()):
        prefix = draw(st.sampled_from([b"", b"WARC/1.1\r\n", RESPONSE_START]))
        data = prefix + draw(st.binary(max_size=2000))
    else:
        records = standard_records()
        layout = draw(st.sampled_from(list(LAYOUTS)))
        data = LAYOUTS[layout][1](records)
        for _ in range(draw(st.integers(0, 3))):
            at = draw(st.integers(0, len(data)))
            junk = draw(st.binary(max_size=16))
            drop = draw(st.integers(0, 16))
            data = data[:at] + junk + data[at + drop :]
        if draw(st.booleans()):
            data = data[: draw(st.integers(0, len(data)))]
    return draw(st.sampled_from([".warc", ".warc.gz"])), data


@settings(
    max_examples=examples(200),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(case=archive_bytes())
def test_any_bytes_never_raise_and_every_page_has_html_or_an_error(tmp_path, case):
    suffix, data = case
    path = tmp_path / f"any{suffix}"
    path.write_bytes(data)
    for page in read_warc(path, skipped=Counter(), max_bytes=100_000):
        assert (page.error is None) != (page.html is None)
        assert isinstance(page.id, str) and page.id
        if page.html is not None:
            assert page.html.strip()
