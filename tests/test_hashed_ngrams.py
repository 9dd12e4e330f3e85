"""HashedNgrams gives what scikit-learn's vectorizers give, up to the order of the columns.

Hashing puts each n-gram in a column of its own (2**22 columns and a few hundred n-grams leave
no collision here), so the matrices agree once the columns are matched: each row's values
sorted, and every pair of rows' dot products.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from winnow.features.transformers import HashedNgrams

DOCS = [
    "Subscribe to our newsletter for the latest news",
    "The minister said the budget would be cut, the minister said",
    "Read more: the budget",
    "",
    "Ünïcödé wörds and DIGITS 2026 too",
    "the latest news the latest news the latest news",
]


def _same_up_to_columns(a, b):
    a, b = a.toarray(), b.toarray()
    assert a.shape[0] == b.shape[0]
    for row_a, row_b in zip(a, b, strict=True):
        np.testing.assert_allclose(np.sort(row_a[row_a != 0]), np.sort(row_b[row_b != 0]))
    np.testing.assert_allclose(a @ a.T, b @ b.T, atol=1e-12)


@pytest.mark.parametrize(
    ("analyzer", "ngrams", "sklearn_analyzer"),
    [("words", (1, 2), "word"), ("char_wb", (3, 5), "char_wb")],
)
def test_tfidf_is_sublinear_tfidf_vectorizers(analyzer, ngrams, sklearn_analyzer):
    ours = HashedNgrams(analyzer, ngrams, bits=22).fit(DOCS)
    theirs = TfidfVectorizer(analyzer=sklearn_analyzer, ngram_range=ngrams, sublinear_tf=True)
    theirs.fit(DOCS)
    assert len(ours.columns_) == len(theirs.vocabulary_)
    np.testing.assert_allclose(np.sort(ours.idf_), np.sort(theirs.idf_))
    unseen = ["the budget news", "nothing known here at all", "Subscribe subscribe"]
    for docs in (DOCS, unseen):
        _same_up_to_columns(ours.transform(docs), theirs.transform(docs))


def test_binary_tokens_are_a_binary_count_vectorizers():
    paths = ["html body div p", "html body div div p", "html body nav ul li a", ""]
    ours = HashedNgrams("tokens", (1, 3), bits=20, binary=True, use_idf=False, norm=None)
    theirs = CountVectorizer(token_pattern=r"\S+", lowercase=False, ngram_range=(1, 3), binary=True)
    _same_up_to_columns(ours.fit(paths).transform(paths), theirs.fit(paths).transform(paths))


def test_other_norms_and_raw_counts_follow_sklearn():
    for params in ({"norm": "l1"}, {"norm": None}, {"use_idf": False}, {"sublinear_tf": False}):
        ours = HashedNgrams("words", (1, 1), bits=22, **params).fit(DOCS)
        theirs = TfidfVectorizer(**{"sublinear_tf": True, **params}).fit(DOCS)
        _same_up_to_columns(ours.transform(DOCS), theirs.transform(DOCS))


def test_min_df_and_max_features_keep_what_the_vectorizer_keeps():
    ours = HashedNgrams("words", (1, 1), bits=22, min_df=2).fit(DOCS)
    theirs = TfidfVectorizer(min_df=2, sublinear_tf=True).fit(DOCS)
    assert len(ours.columns_) == len(theirs.vocabulary_)
    _same_up_to_columns(ours.transform(DOCS), theirs.transform(DOCS))
    assert len(HashedNgrams("words", (1, 1), max_features=3).fit(DOCS).columns_) == 3
    with pytest.raises(ValueError, match="min_df"):
        HashedNgrams("words", (1, 1), min_df=99).fit(DOCS)


def test_a_table_column_with_missing_values_reads_them_as_empty():
    column = pd.Series(["the budget", None, "the news"], dtype="string")
    model = HashedNgrams("words", (1, 1), bits=22).fit(column)
    X = model.transform(column)
    assert X.shape == (3, len(model.columns_)) and X[1].nnz == 0
    _same_up_to_columns(X, model.transform(["the budget", "", "the news"]))
