"""Hostile pages in one batch: each bad record gets an error naming its kind, the good page
comes through, and the run ends with exit code 1 (some failed)."""

import gzip
import json
import random
import re
import time
import unicodedata
from pathlib import Path

import pytest

from winnow.features.segment import (
    MAX_ELEMENTS,
    MAX_NESTING,
    MAX_PAGE_CHARS,
    MAX_PARAGRAPH_CHARS,
    MarkupTooDeep,
    PageTooLarge,
    clean_text,
    markup_depth,
    segment_html,
    segment_text,
)
from winnow.models.artifact import load_artifact
from winnow.models.limits import MAX_TOPIC_CHARS
from winnow.models.predict import PredictOptions, predict

GOOD = (
    "<html><body><article><h1>Council approves the new harbour wall</h1>"
    + "<p>The council approved the new harbour wall on Monday after a long debate.</p>" * 5
    + "</article></body></html>"
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    """A crawl folder of bad pages beside one good one, all generated here."""
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "good.html").write_text(GOOD)
    (folder / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    (folder / "nul.html").write_bytes(b"<p>text\x00with NUL bytes</p>" * 50)
    (folder / "lying-charset.html").write_bytes(
        b'<meta charset="utf-8"><p>caf\xe9 cr\xe8me, declared UTF-8 but Latin-1</p>'
    )
    (folder / "empty.html").write_bytes(b"")
    with open(folder / "huge.html", "wb") as fh:  # 50 MB, over the 20 MB default
        fh.write(b"<p>" + b"x" * (50 * 1024 * 1024) + b"</p>")
    with gzip.open(folder / "bomb.html.gz", "wb", compresslevel=9) as fh:  # 1 GB unpacked
        for _ in range(1024):
            fh.write(b"\0" * (1024 * 1024))
    (folder / "truncated.html.gz").write_bytes(gzip.compress(GOOD.encode())[:40])
    (folder / "deep.html").write_text("<div>" * 100_000 + "Deep." + "</div>" * 100_000)
    (folder / "one-line.txt").write_text("word " * 400_000)  # 2 MB on a single line
    (folder / "broken.jsonl").write_text('{"id": "j1", "html": 5}\nnot json\n{"id": "j2"}\n')
    (folder / "gone.html").symlink_to(folder / "nowhere.html")  # listed, cannot be read
    return folder


def test_a_hostile_batch_gives_an_error_per_bad_page_and_goes_on(hostile, trained_run, tmp_path):
    out = tmp_path / "out.jsonl"
    start = time.perf_counter()
    summary = predict([hostile], out, trained_run, PredictOptions(max_seconds=20))
    elapsed = time.perf_counter() - start
    records = {r["id"]: r for r in map(json.loads, out.read_text().splitlines())}
    errors = {k: (r["error"] or "").split(":", 1)[0] for k, r in records.items()}

    assert records["good.html"]["error"] is None and records["good.html"]["text"]
    assert errors["image.html"] == "binary"
    assert errors["nul.html"] == "binary"
    assert errors["lying-charset.html"] == "encoding"
    assert errors["empty.html"] == "empty"
    assert errors["huge.html"] == "too_large"
    assert errors["bomb.html.gz"] == "too_large"
    assert errors["truncated.html.gz"] == "gzip"
    assert errors["deep.html"] == "limit"
    assert errors["gone.html"] == "io"
    assert errors["j1"] == "schema" and errors["j2"] == "schema"
    assert errors[f"{hostile / 'broken.jsonl'}:2"] == "json"
    # The single 2 MB line is read; it either cleans or hits the paragraph limit, never crashes.
    assert errors["one-line.txt"] in ("", "limit")
    assert summary.exit_code() == 1
    assert summary.pages == len(records)
    assert elapsed < 120  # no page stalls the batch (generous: the machine is shared)


def test_an_empty_folder_is_an_empty_run_not_an_error(tmp_path, trained_run):
    (tmp_path / "crawl").mkdir()
    summary = predict([tmp_path / "crawl"], tmp_path / "out.jsonl", trained_run)
    assert summary.pages == 0 and summary.exit_code() == 0
    assert (tmp_path / "out.jsonl").read_text() == ""


def test_deep_markup_is_refused_before_parsing():
    html = "<div>" * 100_000 + "Deep." + "</div>" * 100_000
    start = time.perf_counter()
    with pytest.raises(MarkupTooDeep):
        segment_html(html)
    assert time.perf_counter() - start < 1.0
    assert markup_depth("<div><p>a<br><img src=x></p><span/></div>") == 2
    assert markup_depth("</div></div><b>x</b>") == 1
    # Deep but under the limit still parses.
    ok = "<div>" * (MAX_NESTING // 2) + "Inside." + "</div>" * (MAX_NESTING // 2)
    assert [p.text for p in segment_html(ok)] == ["Inside."]


def test_the_hostile_batch_runs_in_bounded_memory(hostile, trained_run, tmp_path):
    """Peak memory of a fresh process running the batch: the 50 MB page and the 1 GB bomb are
    read only up to the 20 MB limit, so the peak stays near the model's own footprint."""
    import subprocess
    import sys

    # The child's own high-water mark, VmHWM: on Linux its ru_maxrss carries over the peak of
    # the process that started it (here pytest, some 900 MB late in the suite).
    script = (
        "import resource, sys\n"
        "from winnow.models.predict import predict\n"
        "predict([sys.argv[1]], sys.argv[2], sys.argv[3])\n"
        "try:\n"
        "    hwm = next(l for l in open('/proc/self/status') if l.startswith('VmHWM'))\n"
        "    print(hwm.split()[1])\n"
        "except OSError:\n"
        "    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(hostile), str(tmp_path / "o.jsonl"), str(trained_run)],
        capture_output=True,
        text=True,
        check=True,
    )
    peak_mb = int(done.stdout.split()[-1]) / 1024
    assert peak_mb < 800, f"peak memory {peak_mb:.0f} MB"


# Words with no sentence end, so that plain text keeps them as one line.
LONG = ("harbour wall council debate " * 10_000).strip()  # 279,999 characters


def records_of(out: Path) -> dict[str, dict]:
    return {r["id"]: r for r in map(json.loads, out.read_text().splitlines())}


def test_an_over_long_paragraph_is_cut_into_pieces_that_lose_nothing():
    html = segment_html(f"<body><p>{LONG}</p></body>")
    text = segment_text(LONG)
    for paragraphs in (html, text):
        assert [len(p.text) <= MAX_PARAGRAPH_CHARS for p in paragraphs] == [True] * 3
        assert " ".join(p.text for p in paragraphs) == LONG
    assert {p.tag for p in html} == {"p"}
    assert {p.line for p in text} == {0}  # pieces of one line keep its number
    # A run without a space is cut at the limit.
    pieces = segment_html("<p>" + "x" * (2 * MAX_PARAGRAPH_CHARS + 5) + "</p>")
    assert [len(p.text) for p in pieces] == [MAX_PARAGRAPH_CHARS, MAX_PARAGRAPH_CHARS, 5]


def test_an_over_long_paragraph_gets_labelled_pieces_not_an_error(trained_run, tmp_path):
    pages = tmp_path / "pages.jsonl"
    rows = [{"id": "html", "html": f"<p>{LONG}</p>"}, {"id": "text", "text": LONG}]
    pages.write_text("".join(json.dumps(r) + "\n" for r in rows))
    predict([pages], tmp_path / "out.jsonl", trained_run)
    for record in records_of(tmp_path / "out.jsonl").values():
        assert record["error"] is None
        assert len(record["paragraphs"]) == 3
        assert " ".join(p["text"] for p in record["paragraphs"]) == LONG
        assert {p["label"] for p in record["paragraphs"]} <= {"content", "boilerplate"}


def test_pages_over_a_bound_get_an_error_naming_it_and_the_batch_goes_on(trained_run, tmp_path):
    folder = tmp_path / "crawl"
    folder.mkdir()
    words = "word " * (MAX_PAGE_CHARS // 5 + 1_000)
    (folder / "much-text.html").write_text(f"<p>{words}</p>")
    (folder / "much-text.txt").write_text(words)
    (folder / "many-lines.txt").write_text("word\n" * (MAX_PAGE_CHARS // 4 + 1_000))
    (folder / "many-elements.html").write_text("<b>x</b>" * (MAX_ELEMENTS + 1))
    (folder / "many-paragraphs.html").write_text("<p>A line.</p>" * 30)
    (folder / "good.html").write_text(GOOD)
    predict([folder], tmp_path / "out.jsonl", trained_run, PredictOptions(max_paragraphs=20))
    errors = {k: r["error"] for k, r in records_of(tmp_path / "out.jsonl").items()}

    too_much = f"limit: over {MAX_PAGE_CHARS:,} characters of text"
    assert errors["much-text.html"] == errors["much-text.txt"] == too_much
    assert errors["many-lines.txt"] == too_much
    assert errors["many-elements.html"] == (
        f"limit: markup of {MAX_ELEMENTS + 1:,} elements, over {MAX_ELEMENTS:,}"
    )
    assert errors["many-paragraphs.html"] == "limit: 30 paragraphs, over 20"
    assert errors["good.html"] is None


def test_a_page_over_max_paragraphs_is_refused_with_its_whole_count():
    for segment, page in ((segment_html, "<p>A line.</p>" * 30), (segment_text, "A line.\n" * 30)):
        with pytest.raises(PageTooLarge, match="^30 paragraphs, over 20$"):
            segment(page, max_paragraphs=20)
        assert len(segment(page, max_paragraphs=30)) == 30
        assert len(segment(page)) == 30


def _cleaned(text: str) -> str:
    """What ``clean_text`` means, one character at a time."""
    nfc = unicodedata.normalize("NFC", text)
    blanked = "".join(ch if ch.isprintable() or ch.isspace() else " " for ch in nfc)
    return re.sub(r"\s+", " ", blanked).strip()


def test_clean_text_blanks_exactly_the_characters_neither_printable_nor_white_space():
    every = "".join(map(chr, range(0x110000)))
    assert clean_text(every) == _cleaned(every)
    assert clean_text(every) == _cleaned(every)  # and again, from what the first call kept
    # A long text is cleaned a slice at a time: white space, controls, combining marks and
    # composing jamo at every slice boundary come out as if it were cleaned whole.
    pool = [" ", "\n", "\t", "\u00a0", "\u3000", "\x01", "\u0301", "e", "\u1100", "\u1161", "x"]
    mixed = "".join(random.Random(0).choices(pool, k=3_000_000))
    assert clean_text(mixed) == _cleaned(mixed)


class _Recording:
    """A topic model that remembers how long each text it was asked about was."""

    def __init__(self, model):
        self.model, self.lengths = model, []
        self.classes_ = model.classes_

    def predict_proba(self, texts):
        self.lengths += [len(t) for t in texts]
        return self.model.predict_proba(texts)


def test_the_topic_reads_at_most_the_first_max_topic_chars_of_the_text(trained_run, tmp_path):
    rng = random.Random(0)
    vocab = "council harbour wall budget vote mayor river school road bridge plan tax".split()

    def paragraph() -> str:
        return " ".join(
            " ".join(rng.choice(vocab) for _ in range(12)).capitalize() + "." for _ in range(100)
        )

    html = "<article>" + "".join(f"<p>{paragraph()}</p>" for _ in range(60)) + "</article>"
    (tmp_path / "long-article.html").write_text(html)
    cleaner = load_artifact(trained_run)
    cleaner.topic = _Recording(cleaner.topic)
    predict([tmp_path / "long-article.html"], tmp_path / "out.jsonl", cleaner)
    (record,) = records_of(tmp_path / "out.jsonl").values()

    assert len(record["text"]) > MAX_TOPIC_CHARS and record["topic"]
    assert cleaner.topic.lengths == [MAX_TOPIC_CHARS]
