"""Repetition on the page and across an outlet's pages, counted the same way at build time
and at prediction, with copies of a page never counted as its company."""

import math

import numpy as np
import pandas as pd
from fuzzing import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from winnow.features.context import paragraph_table
from winnow.features.page import Page
from winnow.features.repetition import (
    OUTLET_COLUMNS,
    normalise_line,
    outlet_columns,
    page_repeats,
    url_key,
)
from winnow.features.segment import segment_page
from winnow.models.cleaner import Cleaner

SHARE = OUTLET_COLUMNS.index("outlet_share")
APPEAL = "Your support keeps the Harbour Courier free for every reader. Support us today"


PLACES = ["Ashby", "Brent", "Carrow", "Dunmore", "Elswick", "Farley", "Gorran", "Holt", "Ives"]


def article(n: int) -> list[str]:
    """A story of its own (numbers alone would not do: lines are compared with digits as 0)
    with the outlet's appeal at the end."""
    place = PLACES[n]
    return [
        f"The council in {place} met on Monday and agreed a plan for the river.",
        f"Residents of {place} said the plan had been discussed for years.",
        APPEAL,
    ]


def test_normalised_lines_ignore_case_digits_spacing_and_outer_punctuation():
    assert normalise_line("Updated 3 hours ago.") == normalise_line("  updated 12 HOURS ago ")
    assert normalise_line("- Share this -") == "share this"


def test_page_repeats_count_the_other_copies_on_the_page():
    # Two other copies each: log1p(2), as the module computes it (numpy's log1p can differ from
    # the C library's in the last bit, and does on some CPUs).
    assert page_repeats(["Buy now", "Text", "buy now.", "Buy now"]) == [
        math.log1p(2),
        0.0,
        math.log1p(2),
        math.log1p(2),
    ]


def test_url_key_drops_scheme_www_query_and_trailing_slash():
    assert url_key("https://www.harbour.example/news/a/?utm=1#top") == "harbour.example/news/a"
    assert url_key(None) == url_key("") == url_key("not a url") == ""


def test_a_line_on_every_other_page_of_the_outlet_is_shared_and_the_article_is_not():
    texts = [article(n) for n in range(4)]
    urls = [f"https://harbour.example/{n}" for n in range(4)]
    columns = outlet_columns(["harbour.example"] * 4, urls, texts)
    for rows in columns:
        assert (rows[:, 0] == np.log1p(3)).all()
        assert rows[2, SHARE] == 1.0  # the appeal, on the 3 other pages
        assert rows[0, SHARE] == rows[1, SHARE] == 0.0  # the article's own lines


def test_other_outlets_and_pages_without_a_domain_are_no_company():
    texts = [article(0), article(1), article(2)]
    columns = outlet_columns(["a.example", "b.example", ""], [None, None, None], texts)
    assert all((rows == 0).all() for rows in columns)


def test_copies_of_a_page_are_one_document():
    original = article(7)
    # The same URL crawled twice, and the same text under another URL, with a line dropped.
    texts = [original, original, original[:2], article(8)]
    urls = ["https://h.example/7", "https://h.example/7?ref=rss", "https://h.example/amp/7", None]
    columns = outlet_columns(["h.example"] * 4, urls, texts)
    for rows in columns:
        assert rows[0, 0] == np.log1p(1)  # one other document: the other story
    assert columns[0][0, SHARE] == 0.0  # its sentences are not "repeated" by its copies
    assert columns[0][2, SHARE] == 1.0 and columns[3][2, SHARE] == 1.0


def test_runs_of_pages_are_counted_apart_beyond_max_pages():
    texts = [article(n) for n in range(5)]
    columns = outlet_columns(["h.example"] * 5, [None] * 5, texts, max_pages=2)
    assert [rows[0, 0] for rows in columns] == [np.log1p(1)] * 4 + [0.0]


@settings(max_examples=examples(150), deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["", "a.example", "b.example"]),
            st.sampled_from([None, "https://a.example/1", "https://a.example/2"]),
            st.lists(st.sampled_from(["Share", "Read more", "x", "", "The council met."])),
        ),
        max_size=8,
    )
)
def test_outlet_columns_are_finite_bounded_and_shaped_like_the_pages(pages):
    domains, urls, texts = zip(*pages, strict=True) if pages else ((), (), ())
    columns = outlet_columns(list(domains), list(urls), list(texts))
    assert len(columns) == len(pages)
    for rows, lines in zip(columns, texts, strict=True):
        assert rows.shape == (len(lines), len(OUTLET_COLUMNS))
        assert np.isfinite(rows).all() and (rows >= 0).all() and (rows[:, SHARE] <= 1).all()


def test_prediction_compares_each_page_with_its_shard_not_its_batch(trained_run):
    from winnow.models import load_artifact

    cleaner: Cleaner = load_artifact(trained_run)
    pages = [
        Page(id=f"p{n}", url=f"https://harbour.example/{n}", text="\n".join(article(n)))
        for n in range(6)
    ]

    def records(context_size: int, batch_size: int) -> list[dict]:
        cleaner.context_size, cleaner.batch_size = context_size, batch_size
        return list(cleaner.predict(pages))

    assert records(6, 2) == records(6, 64)
    # A shard of one page is each page on its own.
    assert records(1, 64) == [next(cleaner.predict([page])) for page in pages]
    # The model reads the evidence: the appeal's log-odds move once its outlet is counted.
    tables = [paragraph_table(segment_page(p)) for p in pages]
    alone = cleaner.paragraph_margins(pd.concat(tables), "text")
    for table, rows in zip(
        tables,
        outlet_columns(
            ["harbour.example"] * 6, [p.url for p in pages], [t["text"].tolist() for t in tables]
        ),
        strict=True,
    ):
        table[OUTLET_COLUMNS] = rows
    counted = cleaner.paragraph_margins(pd.concat(tables), "text")
    assert not np.allclose(alone, counted)
