"""The core scores the second pass's and the cutter's trees exactly as scikit-learn does."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
from conftest import SAMPLE
from sklearn.ensemble import HistGradientBoostingClassifier

from winnow import _core
from winnow.features.readers import read_pages
from winnow.features.sequence import sequence_features
from winnow.models import load_artifact, trees
from winnow.models.cleaner import Window
from winnow.models.defaults import default_model_path


def _fitted(seed: int = 0, **params) -> tuple[HistGradientBoostingClassifier, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(600, 7))
    X[rng.random(X.shape) < 0.1] = np.nan  # missing values take the node's side
    y = (np.nan_to_num(X[:, 0]) + np.nan_to_num(X[:, 3]) ** 2 > 0.5).astype(int)
    model = HistGradientBoostingClassifier(max_iter=40, random_state=seed, **params).fit(X, y)
    return model, rng.normal(size=(300, 7)) * np.where(rng.random((300, 7)) < 0.1, np.nan, 1)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_probabilities_are_sklearns_to_the_bit(seed):
    model, X = _fitted(seed)
    assert trees.compile_trees(model) is not None
    np.testing.assert_array_equal(trees.predict_proba(model, X), model.predict_proba(X))


def test_a_fortran_ordered_or_integer_matrix_is_read_alike():
    model, X = _fitted()
    expected = model.predict_proba(X)
    np.testing.assert_array_equal(trees.predict_proba(model, np.asfortranarray(X)), expected)
    ints = np.nan_to_num(X).round().astype(np.int64)
    np.testing.assert_array_equal(trees.predict_proba(model, ints), model.predict_proba(ints))


def test_a_refit_model_is_compiled_again():
    model, X = _fitted()
    trees.predict_proba(model, X)
    rng = np.random.default_rng(5)
    model.fit(rng.normal(size=(200, 7)), rng.integers(0, 2, 200))
    np.testing.assert_array_equal(trees.predict_proba(model, X), model.predict_proba(X))


def test_models_the_core_cannot_walk_are_scored_by_sklearn():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(300, 3))
    multi = HistGradientBoostingClassifier(max_iter=5).fit(X, rng.integers(0, 3, 300))
    assert trees.compile_trees(multi) is None
    np.testing.assert_array_equal(trees.predict_proba(multi, X), multi.predict_proba(X))
    X[:, 0] = rng.integers(0, 4, 300)
    categorical = HistGradientBoostingClassifier(max_iter=5, categorical_features=[0])
    categorical.fit(X, rng.integers(0, 2, 300))
    assert trees.compile_trees(categorical) is None
    np.testing.assert_array_equal(trees.predict_proba(categorical, X), categorical.predict_proba(X))


def test_wrong_widths_and_broken_trees_are_refused():
    model, X = _fitted()
    with pytest.raises(ValueError, match="columns"):
        trees.predict_proba(model, X[:, :5])
    nodes = model._predictors[0][0].nodes
    columns = [nodes[n].copy() for n in trees.NODE_FIELDS]
    columns[4][0] = 0  # the root's left child is the root: a walk that never ends
    with pytest.raises(ValueError, match="children"):
        _core.Forest([tuple(columns)], 0.0, 7)


def test_the_model_still_pickles_after_scoring():
    """Dask sends the cleaner to its workers: the compiled trees must not ride along."""
    model, X = _fitted()
    trees.predict_proba(model, X)
    again = pickle.loads(pickle.dumps(model))
    np.testing.assert_array_equal(trees.predict_proba(again, X), model.predict_proba(X))


def test_an_empty_batch_gives_no_rows():
    model, X = _fitted()
    assert trees.predict_proba(model, X[:0]).shape == (0, 2)


def test_the_shipped_second_passes_score_sample_pages_as_sklearn_does():
    """The default model's own trees on the unseen sample outlets' pages: the cleaner's
    scores through the core equal scikit-learn's (the first pass's margins as input)."""
    cleaner = load_artifact(default_model_path())
    pages = list(read_pages([SAMPLE / "unseen" / "manifest.jsonl"]))
    window = Window.segment(pages, 0, 0.0)
    window.fill_outlet()
    keys = np.repeat(np.arange(len(pages)), np.diff(window.offsets))
    for kind in sorted(cleaner.sequence):
        margins = cleaner.paragraph_margins(window.table, kind)
        X = sequence_features(window.table, margins, keys, markup=kind == "html")
        model = cleaner.sequence[kind]
        assert trees.compile_trees(model) is not None
        np.testing.assert_array_equal(trees.predict_proba(model, X), model.predict_proba(X))
