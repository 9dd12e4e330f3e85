"""Soft voting that an artifact can hold: the weighted mean of the members' probabilities.

scikit-learn's ``VotingClassifier`` also works, but it keeps a LabelEncoder and a Bunch of
named estimators, and skops audited and wrote it slowly; this keeps a list of fitted members,
``weights_`` and ``classes_``, all plain arrays.
"""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.utils.validation import check_is_fitted


class ProbabilityAverage(ClassifierMixin, BaseEstimator):
    """The (weighted) mean of ``predict_proba`` over ``estimators``, each a fresh clone fitted
    on the same data. When every member is calibrated the mean stays close to calibrated; the
    topic bench reports its calibration error."""

    def __init__(self, estimators, weights=None):
        self.estimators = estimators
        self.weights = weights

    def fit(self, X, y):
        if not self.estimators:
            raise ValueError("ProbabilityAverage needs at least one estimator")
        weights = np.ones(len(self.estimators)) if self.weights is None else self.weights
        weights = np.asarray(weights, dtype=float)
        if weights.shape != (len(self.estimators),) or (weights < 0).any() or weights.sum() <= 0:
            raise ValueError("weights must be one non-negative number per estimator")
        self.estimators_ = [clone(e).fit(X, y) for e in self.estimators]
        self.classes_ = np.asarray(self.estimators_[0].classes_)
        for member in self.estimators_[1:]:
            if not np.array_equal(np.asarray(member.classes_), self.classes_):
                raise ValueError("the estimators learnt different classes")
        self.weights_ = weights / weights.sum()
        if hasattr(self.estimators_[0], "n_features_in_"):
            self.n_features_in_ = self.estimators_[0].n_features_in_
        return self

    def predict_proba(self, X):
        check_is_fitted(self)
        proba = self.weights_[0] * self.estimators_[0].predict_proba(X)
        for weight, member in zip(self.weights_[1:], self.estimators_[1:], strict=True):
            proba += weight * member.predict_proba(X)
        return proba

    def predict(self, X):
        check_is_fitted(self)
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.sparse = True  # what its members take, as the topic pipeline's do
        return tags
