"""scikit-learn transformers that turn paragraph text into numbers.

They follow the estimator conventions: nothing happens in ``__init__``, ``fit`` learns what it
needs into attributes ending in ``_``, and ``transform`` is a pure function of the fitted state.
"""

from __future__ import annotations

from numbers import Integral

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.preprocessing import normalize
from sklearn.utils.validation import _check_feature_names_in, check_is_fitted, validate_data

from winnow import _core

TEXT_STATISTICS = tuple(_core.TEXT_STATISTICS)


def text_statistics(text: str) -> list[float]:
    """Shape of a piece of text, independent of its vocabulary (``TEXT_STATISTICS``):
    lengths, stopword, case and punctuation ratios, computed by the core."""
    return _core.text_statistics([text])[0].tolist()


class TextStatistics(TransformerMixin, BaseEstimator):
    """Vocabulary-free statistics of text: lengths, stopword, case and punctuation ratios.

    Takes a 2-D array or DataFrame of text columns (anything else is read as its ``str``) and
    returns, for each column, one float per name in ``TEXT_STATISTICS``.
    """

    def fit(self, X, y=None):
        validate_data(self, X, dtype=None, reset=True)
        return self

    def transform(self, X):
        check_is_fitted(self)
        X = validate_data(self, X, dtype=None, reset=False)
        if X.shape[1] == 0:
            return np.zeros((X.shape[0], 0))
        return np.hstack([_core.text_statistics([_as_text(v) for v in column]) for column in X.T])

    def get_feature_names_out(self, input_features=None):
        check_is_fitted(self)
        names = _check_feature_names_in(self, input_features)
        return np.asarray([f"{n}__{s}" for n in names for s in TEXT_STATISTICS], dtype=object)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        return tags


def _as_text(value) -> str:
    """A table cell as text: a missing one (None, NaN, pandas' NA) is empty, not "<NA>"."""
    if isinstance(value, str):
        return value
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    return str(value)


ANALYZERS = ("words", "char_wb", "tokens")


class HashedNgrams(TransformerMixin, BaseEstimator):
    """N-gram features of one text column, counted by the compiled core: TF-IDF (or binary
    presence) over hashed n-grams, keeping the columns that training saw often enough.

    The n-grams are scikit-learn's: ``words`` as ``TfidfVectorizer``'s word analyzer makes
    them (lowercased, two or more word characters), ``char_wb`` its character n-grams inside
    word boundaries, ``tokens`` space-separated tokens as they are (tag paths, class names,
    edge tokens). They are hashed into ``2**bits`` columns, so no vocabulary is stored or
    looked up; ``fit`` keeps the columns in ``min_df`` or more documents, the
    ``max_features`` most frequent of them (``columns_``), and learns their smoothed
    ``idf_``. ``transform`` then gives what ``TfidfVectorizer`` with ``sublinear_tf`` would
    (``binary`` with ``use_idf=False, norm=None``: what ``CountVectorizer(binary=True)``
    would), up to hash collisions among the columns kept.
    """

    def __init__(
        self,
        analyzer: str = "words",
        ngram_range: tuple[int, int] = (1, 1),
        *,
        bits: int = 20,
        min_df: int = 1,
        max_features: int | None = None,
        binary: bool = False,
        sublinear_tf: bool = True,
        use_idf: bool = True,
        norm: str | None = "l2",
    ):
        self.analyzer = analyzer
        self.ngram_range = ngram_range
        self.bits = bits
        self.min_df = min_df
        self.max_features = max_features
        self.binary = binary
        self.sublinear_tf = sublinear_tf
        self.use_idf = use_idf
        self.norm = norm

    def _counts(self, X, **weights) -> tuple:
        """The core's CSR arrays (float64 values, columns, row pointers) and shape."""
        if self.analyzer not in ANALYZERS:
            raise ValueError(f"analyzer must be one of {ANALYZERS}, not {self.analyzer!r}")
        if isinstance(X, str):
            raise ValueError("HashedNgrams takes an iterable of texts, not one string")
        column = _column(X)
        values = column.tolist() if hasattr(column, "tolist") else list(column)
        texts = [v if type(v) is str else _as_text(v) for v in values]
        lo, hi = self.ngram_range
        return _core.hashed_counts(
            texts, self.analyzer, (int(lo), int(hi)), int(self.bits), binary=self.binary, **weights
        )

    def fit(self, X, y=None):
        data, indices, indptr, shape = self._counts(X)
        counts = sp.csr_matrix((data, indices, indptr), shape=shape)
        if not isinstance(self.min_df, Integral) or self.min_df < 1:
            raise ValueError(f"min_df must be a positive integer, not {self.min_df!r}")
        df = np.bincount(counts.indices, minlength=counts.shape[1])
        keep = np.flatnonzero(df >= self.min_df)
        if self.max_features is not None and len(keep) > self.max_features:
            frequency = np.bincount(counts.indices, weights=counts.data, minlength=counts.shape[1])
            order = np.argsort(-frequency[keep], kind="mergesort")[: self.max_features]
            keep = np.sort(keep[order])
        if len(keep) == 0:
            raise ValueError("no n-gram is in min_df documents: nothing to learn from")
        self.columns_ = keep.astype(np.int64)
        n = counts.shape[0]
        self.idf_ = np.log((1.0 + n) / (1.0 + df[keep])) + 1.0 if self.use_idf else None
        self.n_features_in_ = 1
        return self

    def transform(self, X):
        check_is_fitted(self, "columns_")
        data, indices, indptr, shape = self._counts(
            X,
            columns=self.columns_,
            idf=self.idf_,
            sublinear=self.sublinear_tf and not self.binary,
            l2=self.norm == "l2",
        )
        counts = sp.csr_matrix((data, indices, indptr), shape=shape)
        if self.norm not in (None, "l2"):  # the core weighs as TfidfTransformer, l2 only
            counts = normalize(counts, norm=self.norm, copy=False)
        return counts

    def get_feature_names_out(self, input_features=None):
        check_is_fitted(self, "columns_")
        return np.asarray([f"{self.analyzer}_{c}" for c in self.columns_], dtype=object)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        tags.input_tags.one_d_array = True
        return tags


def _column(X):
    """The texts of a 1-D input, or of a one-column 2-D one."""
    if hasattr(X, "ndim") and X.ndim == 2:
        if X.shape[1] != 1:
            raise ValueError(f"HashedNgrams reads one text column, not {X.shape[1]}")
        return X.iloc[:, 0] if hasattr(X, "iloc") else X[:, 0]
    return X
