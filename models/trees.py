"""The second pass's and the cutter's gradient-boosted trees, scored by the compiled core.

The models stay scikit-learn's ``HistGradientBoostingClassifier``: fitted, calibrated and
saved as they were. Only scoring moves: scikit-learn walks each tree over every row of a
batch in turn, the core walks every tree for one row while the row is in cache (0.70
against 2.46 ms of CPU a page, in one run over 300 shared validation pages), with the same
sums to the bit. A model the core cannot walk (more than two classes, categorical splits)
is scored by scikit-learn.
"""

from __future__ import annotations

import weakref

import numpy as np
from scipy.special import expit
from sklearn.ensemble import HistGradientBoostingClassifier

from winnow import _core

# Each fitted model's trees as the core holds them, built on first use. Keyed by the model
# (dropped with it) and checked against its ``_predictors``, which a refit replaces.
_FORESTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
# The columns of scikit-learn's ``predictor.nodes`` the core reads, in ``_core.Forest``'s order.
NODE_FIELDS = (
    "value",
    "feature_idx",
    "num_threshold",
    "missing_go_to_left",
    "left",
    "right",
    "is_leaf",
)


def predict_proba(model, X) -> np.ndarray:
    """``model.predict_proba(X)``, from the core's trees when it can walk them."""
    forest = _forest(model)
    if forest is None:
        return model.predict_proba(X)
    X = np.ascontiguousarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be a 2-d array, not {X.ndim}-d")
    positive = expit(forest.raw_predict(X))
    return np.column_stack([1.0 - positive, positive])


def compile_trees(model: HistGradientBoostingClassifier) -> _core.Forest | None:
    """The core's copy of a fitted binary ``model``'s trees; None when it has categorical
    splits or more than one tree an iteration."""
    if model.n_trees_per_iteration_ != 1 or model.is_categorical_ is not None:
        return None
    trees = []
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        if nodes["is_categorical"].any():
            return None
        trees.append(tuple(np.ascontiguousarray(nodes[name]) for name in NODE_FIELDS))
    baseline = float(np.asarray(model._baseline_prediction).ravel()[0])
    return _core.Forest(trees, baseline, int(model.n_features_in_))


def _forest(model) -> _core.Forest | None:
    if type(model) is not HistGradientBoostingClassifier or not hasattr(model, "_predictors"):
        return None
    cached = _FORESTS.get(model)
    if cached is None or cached[0] is not model._predictors:
        cached = (model._predictors, compile_trees(model))
        _FORESTS[model] = cached
    return cached[1]
