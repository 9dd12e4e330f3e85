"""scikit-learn transformers that turn paragraph text into numbers.

They follow the estimator conventions: nothing happens in ``__init__``, ``fit`` learns what it
needs into attributes ending in ``_``, and ``transform`` is a pure function of the fitted state.
"""

from __future__ import annotations

import re

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import _check_feature_names_in, check_is_fitted, validate_data

from winnow.features.vocabulary import ENDS_SENTENCE, SENTENCE_END_CLASS

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
_SENTENCE = re.compile(rf"{SENTENCE_END_CLASS}+(?:\s|$)")
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
        float(stripped.endswith(ENDS_SENTENCE)),
        float(stripped[:1].isupper()),
        float(any(q in text for q in ('"', "“", "”", "«"))),
        float(bool(_URLISH.search(text))),
        min(len(_SEPARATORS.findall(text)), 10) / 10.0,
    ]


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
        width = len(TEXT_STATISTICS)
        out = np.zeros((X.shape[0], X.shape[1] * width), dtype=np.float64)
        for j in range(X.shape[1]):
            for i, value in enumerate(X[:, j]):
                out[i, j * width : (j + 1) * width] = text_statistics(_as_text(value))
        return out

    def get_feature_names_out(self, input_features=None):
        check_is_fitted(self)
        names = _check_feature_names_in(self, input_features)
        return np.asarray([f"{n}__{s}" for n in names for s in TEXT_STATISTICS], dtype=object)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        return tags


def _as_text(value) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)
