"""Factories for the two classifiers; training, inference and the artifact all start here."""

from __future__ import annotations

from sklearn.calibration import CalibratedClassifierCV
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import SGDClassifier
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from winnow.features.context import LINK_COLUMNS, PLACE_COLUMNS, TEXT_CONTEXT_COLUMNS
from winnow.features.transformers import HashedNgrams, TextStatistics
from winnow.models.ensemble import ProbabilityAverage
from winnow.models.nbsvm import NBSVMClassifier

# Hashed columns per n-gram block (``2**bits``) before ``min_df`` and ``max_features`` choose
# what to keep. Of the n-grams in two or more of the shared pages' paragraphs, these bits put
# 9% of word 1-2-grams and 6% of char_wb 3-5-grams, and 1.4-6.5% of the token n-grams, in a
# column another one already holds (an ideal hash does the same); 20 bits put 31% and 22%.
TEXT_BITS = 22
TOKEN_BITS = 20


def _tfidf(analyzer: str, ngrams: tuple[int, int], min_df: int, max_features: int):
    """Sublinear TF-IDF of hashed ``words`` or ``char_wb`` n-grams, counted by the core."""
    return HashedNgrams(analyzer, ngrams, bits=TEXT_BITS, min_df=min_df, max_features=max_features)


def _text_features(min_df: int, max_features: int, chars: bool = True) -> list[tuple]:
    words = [("words", _tfidf("words", (1, 2), min_df, max_features), "text")]
    if chars:
        words.append(("chars", _tfidf("char_wb", (3, 5), min_df, max_features), "text"))
    return [
        *words,
        ("stats", Pipeline([("stats", TextStatistics()), ("scale", StandardScaler())]), ["text"]),
    ]


def _tokens(ngrams: tuple[int, int], min_df: int, max_features: int | None = None):
    """Presence of space-separated tokens (tag paths, class names, edge words) as they are."""
    return HashedNgrams(
        "tokens",
        ngrams,
        bits=TOKEN_BITS,
        min_df=min_df,
        max_features=max_features,
        binary=True,
        use_idf=False,
        norm=None,
    )


def _markup_features(min_df: int) -> list[tuple]:
    return [
        ("tag", OneHotEncoder(handle_unknown="ignore"), ["tag"]),
        ("path", _tokens((1, 3), min_df), "path"),
        ("attrs", _tokens((1, 1), min_df), "attrs"),
        ("block_attrs", _tokens((1, 1), min_df), "block_attrs"),
    ]


def make_boilerplate_pipeline(
    kind: str = "html",
    *,
    alpha: float = 1e-5,
    min_df: int = 2,
    max_features: int = 200_000,
    seed: int = 0,
) -> Pipeline:
    """Paragraph table -> P(content). ``kind="text"`` uses only what plain text also has.

    Logistic loss fitted by SGD: as accurate as L-BFGS on these features (content F1 0.747
    vs 0.742 on Dragnet paragraphs) and seven times faster, which matters at 10^5-10^6 rows.

    Markup pages do without character n-grams: with the markup features beside them they
    added 0.001 to the first pass's page token F1 on the default dataset's validation pages
    (0.8843 vs 0.8834) and took 55% of its prediction time (8.5 s vs 3.6 s for 79k paragraphs).
    Plain text keeps them, as it has nothing else to go on. Only the text model reads the
    line's shape, its edge words and its repetition (``features.context``): they raised its
    boilerplate-line F1 on extractor output by 0.03-0.06 at the same content lost (grouped
    3-fold cross-validation over the training outlets), and on the markup model they lowered
    validation page F1 (0.9071-0.9108 against 0.9117 without them). The page-structure
    columns (``features.structure``) are read by the second pass only: in the markup first
    pass they moved the default dataset's validation page F1 by 0.001, and on the sample
    corpus, a dozen outlets, they made it learn each outlet's template (test page token F1
    0.909 against 0.994 without them).
    """
    if kind not in ("html", "text"):
        raise ValueError(f"kind must be 'html' or 'text', not {kind!r}")
    columns = _text_features(min_df, max_features, chars=kind == "text")
    if kind == "text":
        columns.append(("edges", _tokens((1, 1), min_df, max_features), "edges"))
    if kind == "html":
        columns += _markup_features(min_df)
        columns.append(("context", StandardScaler(), PLACE_COLUMNS + LINK_COLUMNS))
    else:
        columns.append(("context", StandardScaler(), TEXT_CONTEXT_COLUMNS))
    return Pipeline(
        [
            ("features", ColumnTransformer(columns, sparse_threshold=1.0)),
            (
                "classifier",
                SGDClassifier(
                    loss="log_loss", alpha=alpha, class_weight="balanced", random_state=seed
                ),
            ),
        ]
    )


def make_sequence_model(*, seed: int = 0) -> HistGradientBoostingClassifier:
    """Second pass: a paragraph's first-pass score read along its page -> P(content).

    Gradient-boosted trees over ``features.sequence`` columns: they learn rules such as "a
    short line inside a confident run is content" that a linear model on one paragraph
    cannot. On the default dataset's validation pages this raised page token F1 from 0.816
    to 0.859 on WCXB and from 0.928 to 0.955 on Readability.
    """
    return HistGradientBoostingClassifier(
        max_iter=300, learning_rate=0.1, max_leaf_nodes=31, early_stopping=False, random_state=seed
    )


def make_cutter_model(*, seed: int = 0) -> HistGradientBoostingClassifier:
    """Glued-chaff cutter: a candidate cut (``models.glued.CUT_COLUMNS``) -> P(it is the seam
    between chaff and article). Small trees: the rule is mostly "the sides score apart and
    the left side does not end on a function word"."""
    return HistGradientBoostingClassifier(
        max_iter=150, learning_rate=0.1, max_leaf_nodes=15, early_stopping=False, random_state=seed
    )


def make_topic_pipeline(
    *,
    C: float = 0.3,
    min_df: int = 2,
    max_features: int = 300_000,
    alphas: tuple[float, ...] = (1.0, 0.25),
    cv: int = 3,
    seed: int = 0,
) -> Pipeline:
    """Article text -> calibrated topic probabilities.

    Word 1-2-grams and char_wb 3-4-grams (TF-IDF) into NB-SVMs (``models.nbsvm``) that differ
    only in how much their naive-Bayes ratios are smoothed (``alphas``), each calibrated by
    isotonic regression on ``cv``-fold out-of-fold scores and refitted on everything
    (``ensemble=False``: one model each to run), their probabilities averaged
    (``models.ensemble``). Chosen on validation data only, never a test set: a 10% grouped
    split of the AG News 16k train subset (accuracy, calibration error, docs per CPU-second),

    - word 1-2 TF-IDF into a plain LinearSVC: 89.5%
    - word 1-2 into NB-SVM: 91.1%, 0.022, 24,600/s
    - and char_wb 3-4: 91.5%, 0.024, 6,200/s (3-5: 91.6%, 4,600/s; 4 alone: 91.4%, 9,400/s)
    - two NB-SVMs, alpha 1 and 0.25, averaged: 91.7%, 0.017, 7,000/s

    and, for the last step, nested grouped validation inside BBC's folds (97.7% -> 97.8%) and
    a 10% split of 20 Newsgroups' train (94.9% -> 95.1%). Calibrated LinearSVC, logistic
    regression, ComplementNB, ridge, stacking and other NB-SVM mixtures did no better there.
    """

    def calibrated(alpha: float) -> CalibratedClassifierCV:
        return CalibratedClassifierCV(
            NBSVMClassifier(C=C, alpha=alpha, random_state=seed),
            method="isotonic",
            cv=cv,
            ensemble=False,
        )

    return Pipeline(
        [
            (
                "features",
                FeatureUnion(
                    [
                        ("words", _tfidf("words", (1, 2), min_df, max_features)),
                        ("chars", _tfidf("char_wb", (3, 4), min_df, max_features)),
                    ]
                ),
            ),
            ("classifier", ProbabilityAverage([calibrated(a) for a in alphas])),
        ]
    )
