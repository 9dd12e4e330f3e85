"""scikit-learn transformers that turn paragraph text into numbers.

They follow the estimator conventions: nothing happens in ``__init__``, ``fit`` learns what it
needs into attributes ending in ``_``, and ``transform`` is a pure function of the fitted state.
"""

from __future__ import annotations

import re

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

# Function words of the languages in the training data; their share separates prose from
# menus and buttons, which have almost none.
STOPWORDS = frozenset(
    """a about after all also an and are as at be been but by can could did do does for from had
    has have he her his how i if in into is it its more most my no not of on one or our out over
    said she so some than that the their them then there these they this those to up was we were
    what when which who will with would you your der die das und ist nicht mit von den zu ein eine
    auf für sich des dem im le la les et des un une est pour dans que qui el los las y en por con
    para""".split()
)
_WORD = re.compile(r"\w+", re.UNICODE)
_SENTENCE = re.compile(r"[.!?…]+(?:\s|$)")
_URLISH = re.compile(r"https?://|www\.|\.com\b|@\w+\.", re.I)
_SEPARATORS = re.compile(r"[|•·»›©®™]|\s[-–—/]\s")

TEXT_STATISTICS = (
    "log_chars",
    "log_words",
    "mean_word_length",
    "stopword_ratio",
    "upper_ratio",
    "digit_ratio",
    "punct_ratio",
    "title_ratio",
    "sentences",
    "ends_terminal",
    "starts_upper",
    "has_quote",
    "has_url",
    "separator_count",
)


def text_statistics(text: str) -> list[float]:
    """Shape of a piece of text, independent of its vocabulary."""
    words = _WORD.findall(text)
    n_chars = len(text)
    n_words = len(words)
    letters = sum(ch.isalpha() for ch in text) or 1
    if n_words:
        lower = [w.lower() for w in words]
        stop = sum(w in STOPWORDS for w in lower) / n_words
        title = sum(w[0].isupper() for w in words) / n_words
        mean_len = sum(map(len, words)) / n_words
    else:
        stop = title = mean_len = 0.0
    stripped = text.rstrip()
    return [
        np.log1p(n_chars),
        np.log1p(n_words),
        min(mean_len, 20.0) / 10.0,
        stop,
        sum(ch.isupper() for ch in text) / letters,
        sum(ch.isdigit() for ch in text) / max(1, n_chars),
        sum((not ch.isalnum()) and (not ch.isspace()) for ch in text) / max(1, n_chars),
        title,
        np.log1p(len(_SENTENCE.findall(text))),
        float(stripped.endswith((".", "!", "?", '"', "”", "…", "'", "’"))),
        float(stripped[:1].isupper()),
        float(any(q in text for q in ('"', "“", "”", "«"))),
        float(bool(_URLISH.search(text))),
        min(len(_SEPARATORS.findall(text)), 10) / 10.0,
    ]


class TextStatistics(TransformerMixin, BaseEstimator):
    """Vocabulary-free statistics of each text: lengths, stopword, case and punctuation ratios.

    Input is a sequence of strings (or a one-column 2-D array of them); output is a dense float
    array with one column per name in ``get_feature_names_out``.
    """

    def fit(self, X, y=None):
        self._texts(X)
        self.n_features_out_ = len(TEXT_STATISTICS)
        return self

    def transform(self, X):
        check_is_fitted(self, "n_features_out_")
        texts = self._texts(X)
        if not texts:
            return np.zeros((0, len(TEXT_STATISTICS)))
        return np.asarray([text_statistics(t) for t in texts], dtype=np.float64)

    def get_feature_names_out(self, input_features=None):
        check_is_fitted(self, "n_features_out_")
        return np.asarray(TEXT_STATISTICS, dtype=object)

    @staticmethod
    def _texts(X) -> list[str]:
        if hasattr(X, "iloc") and getattr(X, "ndim", 1) == 2:
            X = X.iloc[:, 0]
        arr = np.asarray(X, dtype=object)
        if arr.ndim == 2:
            if arr.shape[1] != 1:
                raise ValueError(f"TextStatistics takes one text column, got {arr.shape[1]}")
            arr = arr[:, 0]
        if arr.ndim != 1:
            raise ValueError("TextStatistics takes a sequence of strings")
        return ["" if v is None else str(v) for v in arr]

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.requires_fit = True
        return tags
