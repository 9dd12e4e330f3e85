"""The compiled core (``winnow._core``) as Python sees it: one featurizer behind two routes,
limits that hold inside compiled code, no panic and no held GIL."""

from __future__ import annotations

import gzip
import itertools
import json
import threading
from pathlib import Path

import numpy as np
import pytest

from winnow import _core
from winnow.features.context import NUMERIC_COLUMNS, STRING_COLUMNS, paragraph_table
from winnow.features.page import Page
from winnow.features.readers import read_pages
from winnow.features.segment import PageTooLarge, segment_page
from winnow.models.cleaner import Window

SAMPLE_PAGES = Path(__file__).resolve().parents[1] / "data" / "sample" / "pages"


def _routes_agree(pages: list[Page]) -> None:
    """The table a batch gets at prediction (``Window``, one core call for all the pages)
    equals the one each page gets at training (``segment_page`` then ``paragraph_table``)."""
    window = Window.segment(pages, 0, 0.0)
    numeric = window.table[NUMERIC_COLUMNS].to_numpy()
    strings = {name: window.table[name].tolist() for name in STRING_COLUMNS}
    for i, page in enumerate(pages):
        error = window.errors[i]
        if error is not None and error.startswith("empty"):
            assert segment_page(page) == [], page.id
            continue
        if error is not None:
            with pytest.raises(PageTooLarge):
                segment_page(page)
            continue
        lo, hi = window.offsets[i], window.offsets[i + 1]
        one = paragraph_table(segment_page(page))
        assert np.array_equal(numeric[lo:hi], one[NUMERIC_COLUMNS].to_numpy()), page.id
        for name in STRING_COLUMNS:
            assert strings[name][lo:hi] == one[name].tolist(), (page.id, name)


def test_a_batch_and_its_pages_one_by_one_get_the_same_table():
    pages = [p for p in read_pages([SAMPLE_PAGES]) if p.error is None][:40]
    pages.append(Page(id="text", text="A headline\n\nThe first line. The second one.\nMenu"))
    pages.append(Page(id="lines", meta={"paragraphs": ["Home", "", "A sentence. Another."]}))
    assert any(p.html for p in pages)
    _routes_agree(pages)


@pytest.mark.shared
def test_the_two_routes_agree_on_every_shared_page(shared_data):
    """The first 150 pages of each shared boilerplate and scraped-text set (all of them took
    six minutes here; the helpers' comparisons covered every page)."""
    files = sorted((shared_data / "boilerplate").glob("*.jsonl.gz"))
    files += sorted((shared_data / "scraped_text").glob("*.jsonl.gz"))
    seen = 0
    for path in files:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            batch = []
            for line in itertools.islice(fh, 150):
                record = json.loads(line)
                if record.get("html"):
                    batch.append(Page(id=record["id"], html=record["html"]))
                elif isinstance(record.get("paragraphs"), list):
                    batch.append(Page(id=record["id"], meta={"paragraphs": record["paragraphs"]}))
                if len(batch) == 200:
                    _routes_agree(batch)
                    seen, batch = seen + len(batch), []
            _routes_agree(batch)
            seen += len(batch)
    assert seen > 800


def test_a_bad_page_gets_its_error_and_the_rest_of_the_batch_goes_on():
    deep = "<div>" * 20_000
    columns = _core.segment_pages(
        [("html", deep), ("html", "<p>Fine text.</p>"), ("text", "   "), ("lines", ["One."])]
    )
    errors = columns["errors"]
    assert errors[0].startswith("limit: markup nested over")
    assert errors[1] is None and errors[2] == "empty: no text found on the page"
    assert errors[3] is None
    assert columns["text"] == ["Fine text.", "One."]
    assert columns["offsets"].tolist() == [0, 0, 1, 1, 2]
    assert columns["numeric"].shape == (2, len(NUMERIC_COLUMNS))


def test_a_page_over_max_paragraphs_is_refused_with_the_count():
    html = "<ul>" + "<li>item</li>" * 30 + "</ul>"
    errors = _core.segment_pages([("html", html)], max_paragraphs=10)["errors"]
    assert errors == ["limit: 30 paragraphs, over 10"]
    with pytest.raises(PageTooLarge, match="30 paragraphs, over 10"):
        segment_page(Page(id="p", html=html), max_paragraphs=10)


def test_a_time_limit_must_be_seconds_and_infinity_sets_none():
    page = [("text", "One plain sentence of text.")]
    for bad in (float("nan"), -1.0):
        with pytest.raises(ValueError, match="max_seconds"):
            _core.segment_pages(page, 0, bad)
    assert _core.segment_pages(page, 0, float("inf"))["errors"] == [None]
    assert _core.segment_pages(page, 0, 1e300)["errors"] == [None]


def test_mismatched_inputs_are_refused_not_read_past_or_padded():
    with pytest.raises(ValueError, match="rows of shape"):
        _core.best_cuts([3], np.zeros((2, len(_core.CUT_COLUMNS))), np.zeros(1), 0.5)
    with pytest.raises(ValueError, match="not inside"):
        _core.cut_features(["Two words"], [[9]], np.zeros((1, 2)), [0.0])
    with pytest.raises(ValueError, match="do not match"):
        _core.cut_features(["Two words"], [[3]], np.zeros((2, 1)), [0.0])
    with pytest.raises(ValueError, match="lines differ"):
        _core.glued_candidates(["a", "b"], [0])
    with pytest.raises(ValueError, match="structure"):
        _core.paragraph_table(["a", "b"], [0.0, 0.0], [1, 1], [[0.0], []])
    with pytest.raises(ValueError, match="max_pages"):
        _core.outlet_columns(["d"], [None], [["a"]], 0)


def test_strings_python_allows_and_utf8_does_not_are_read_not_refused():
    columns = _core.segment_pages([("text", "caf\udce9 au lait is hot")])
    assert columns["errors"] == [None] and columns["text"][0].startswith("caf")


def test_a_panic_in_the_core_is_an_error_not_a_crash():
    with pytest.raises(RuntimeError, match="winnow core: a test asked for a panic"):
        _core._panic("a test asked for a panic")


def test_the_core_releases_the_gil_while_it_works():
    html = "<html><body>" + "<div><p>Words of a paragraph, long enough.</p></div>" * 4000
    pages = [("html", html)] * 30
    done = threading.Event()
    ticks = 0

    def work():
        _core.segment_pages(pages)
        done.set()

    worker = threading.Thread(target=work)
    worker.start()
    while not done.is_set():
        ticks += 1
    worker.join()
    # Holding the GIL for the whole call would leave this thread a handful of turns at most.
    assert ticks > 10_000


def test_hashed_counts_are_a_csr_of_ngram_counts():
    data, indices, indptr, shape = _core.hashed_counts(["Read more read", ""], "words", (1, 1), 10)
    assert shape == (2, 1024) and indptr.tolist() == [0, 2, 2]
    assert sorted(data.tolist()) == [1.0, 2.0]  # "read" twice, "more" once
    binary = _core.hashed_counts(["Read more read"], "words", (1, 1), 10, binary=True)[0]
    assert binary.tolist() == [1.0, 1.0]
    with pytest.raises(ValueError, match="analyzer"):
        _core.hashed_counts(["x"], "bytes", (1, 1), 10)
    assert np.all(np.diff(indices) > 0)
