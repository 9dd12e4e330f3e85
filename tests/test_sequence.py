"""The second pass: features of a paragraph's first-pass score read along its page, and the
choice, on validation data, of whether to use it."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from fuzzing import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from winnow.features.context import paragraph_table
from winnow.features.page import Page, Paragraph, declared_url
from winnow.features.sequence import SEQUENCE_COLUMNS, sequence_features


def _table(texts, paths=None):
    paths = paths or ["html body div p"] * len(texts)
    return paragraph_table(
        [
            Paragraph(text=t, index=i, tag="p", path=p)
            for i, (t, p) in enumerate(zip(texts, paths, strict=True))
        ]
    )


def _column(features, name):
    return features[:, SEQUENCE_COLUMNS.index(name)]


def test_one_row_per_paragraph_with_every_column():
    table = _table(["Home", "A long article paragraph here.", "More article text follows."])
    features = sequence_features(table, np.array([-3.0, 2.0, 1.0]), np.zeros(3))
    assert features.shape == (3, len(SEQUENCE_COLUMNS))
    assert np.isfinite(features).all()


def test_pages_do_not_leak_into_each_other():
    one = _table(["Nav", "Article text one.", "Footer"])
    margins = np.array([-2.0, 3.0, -1.0])
    alone = sequence_features(one, margins, np.zeros(3))
    two = pd.concat([one, _table(["Other page text.", "Other page more."])], ignore_index=True)
    together = sequence_features(two, np.r_[margins, 5.0, 5.0], np.array([0, 0, 0, 1, 1]))
    np.testing.assert_allclose(together[:3], alone)


def test_neighbours_and_mass_describe_where_the_article_run_is():
    texts = ["Menu", "First article paragraph.", "Second.", "Third paragraph.", "Related"]
    margins = np.array([-4.0, 4.0, -0.5, 4.0, -4.0])
    features = sequence_features(_table(texts), margins, np.zeros(5))
    # The weak middle paragraph sits between two confident ones.
    assert _column(features, "margin_-1")[2] == 4.0 and _column(features, "margin_+1")[2] == 4.0
    assert _column(features, "window_1")[2] > 0.5
    # Nearly all the content mass comes after the menu and before the related links.
    assert _column(features, "mass_after")[0] > 0.9
    assert _column(features, "mass_before")[4] > 0.9
    # Off the page's edge counts as confidently not content.
    assert _column(features, "margin_-1")[0] == -8.0


def test_without_markup_the_path_columns_say_nothing():
    texts = ["Share this", "Article text.", "More article."]
    table = _table(texts, paths=["html body nav a", "html body article p", "html body article p"])
    margins = np.array([-3.0, 3.0, 3.0])
    plain = sequence_features(table, margins, np.zeros(3), markup=False)
    assert len(set(_column(plain, "path_mean"))) == 1
    marked = sequence_features(table, margins, np.zeros(3))
    assert _column(marked, "path_mean")[0] < _column(marked, "path_mean")[1]


def test_empty_table():
    assert sequence_features(_table([]), np.zeros(0), np.zeros(0)).shape == (
        0,
        len(SEQUENCE_COLUMNS),
    )


@settings(max_examples=examples(50), deadline=None)
@given(
    st.lists(
        st.tuples(st.text(max_size=40), st.floats(-1e6, 1e6), st.integers(0, 3)),
        min_size=1,
        max_size=30,
    )
)
def test_features_are_finite_for_any_scores_and_pages(rows):
    rows.sort(key=lambda r: r[2])
    table = _table([r[0] for r in rows])
    features = sequence_features(
        table, np.array([r[1] for r in rows]), np.array([r[2] for r in rows])
    )
    assert features.shape == (len(rows), len(SEQUENCE_COLUMNS))
    assert np.isfinite(features).all()


def test_a_page_without_a_url_is_grouped_by_the_url_it_declares():
    head = '<head><link rel="canonical" href="https://www.Example.org/2012/a.html"></head>'
    assert Page(id="a", html=head + "<p>x</p>").domain == "example.org"
    og = '<meta property="og:url" content="http://news.example.net/b" />'
    assert declared_url(og) == "http://news.example.net/b"
    assert Page(id="b", html="<p>no url</p>").domain == ""
    # A URL given with the page wins over the declared one.
    assert Page(id="c", url="https://other.example/x", html=head).domain == "other.example"


def test_a_second_pass_that_does_worse_on_validation_is_dropped(built_sample):
    from sklearn.dummy import DummyClassifier

    from winnow.train.dataset import load_frame
    from winnow.train.fit import choose_passes, fit_cleaner
    from winnow.train.options import TrainOptions

    cleaner, info = fit_cleaner(built_sample, TrainOptions(seed=0))
    assert set(info["training"]["passes"]) == set(cleaner.boilerplate)
    # A second pass that always answers "boilerplate" cannot beat the first pass alone.
    dummy = DummyClassifier(strategy="constant", constant=0)
    dummy.fit(np.zeros((2, len(SEQUENCE_COLUMNS))), [0, 1])
    cleaner.sequence = {"html": dummy}
    validation = load_frame(built_sample, "paragraphs", "validation")
    pages = load_frame(built_sample, "pages", "validation")
    chosen = choose_passes(cleaner, validation, pages)
    assert chosen["html"]["second_pass"] is False
    assert "html" not in cleaner.sequence


@pytest.mark.parametrize("kind", ["html", "text"])
def test_trained_second_pass_survives_the_artifact(trained_run, kind):
    import json

    from winnow.models.artifact import load_artifact

    manifest = json.loads((trained_run / "manifest.json").read_text())
    passes = manifest["training"]["passes"]
    cleaner = load_artifact(trained_run)
    assert (kind in cleaner.sequence) == passes[kind]["second_pass"]
    assert (f"sequence_{kind}.skops" in manifest["files"]) == passes[kind]["second_pass"]
    assert cleaner.thresholds[kind] == passes[kind]["threshold"]


def test_class_and_id_words_become_hints_only_with_markup():
    paragraphs = [
        Paragraph(
            text="Great piece, thanks.",
            index=0,
            tag="p",
            attrs="comments list",
            block_attrs="comment body",
        ),
        Paragraph(
            text="The article's own text.",
            index=1,
            tag="p",
            attrs="main article",
            block_attrs="story",
        ),
    ]
    table = paragraph_table(paragraphs)
    marked = sequence_features(table, np.zeros(2), np.zeros(2))
    assert _column(marked, "hint_comment").tolist() == [1.0, 0.0]
    assert _column(marked, "hint_article")[1] >= 1.0
    plain = sequence_features(table, np.zeros(2), np.zeros(2), markup=False)
    assert not plain[
        :, [SEQUENCE_COLUMNS.index(c) for c in SEQUENCE_COLUMNS if c.startswith("hint_")]
    ].any()
