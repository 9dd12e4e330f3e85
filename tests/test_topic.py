"""The topic half: calibrated scores, abstaining as `other`, and label maps kept with the model."""

import json

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.utils.estimator_checks import parametrize_with_checks

from winnow.features.page import Page
from winnow.models.artifact import load_artifact
from winnow.models.cleaner import OTHER_TOPIC
from winnow.models.ensemble import ProbabilityAverage
from winnow.models.nbsvm import NBSVMClassifier
from winnow.train.evaluate import evaluate_split
from winnow.train.metrics import expected_calibration_error

ARTICLE = (
    "<html><body><article><h1>Striker scores twice as the home side wins the cup final</h1>"
    "<p>The home side won the cup final on Saturday after their striker scored twice in the "
    "second half, sealing a season in which the club also topped the league table.</p>"
    "<p>The manager praised the defence, which kept a clean sheet for the fifth match in a "
    "row, and said the players had earned their place among the club's great teams.</p>"
    "</article></body></html>"
)


def test_calibration_error_is_zero_when_confidence_matches_accuracy():
    rng = np.random.default_rng(0)
    confidence = np.full(20_000, 0.7)
    correct = rng.random(20_000) < 0.7
    assert expected_calibration_error(confidence, correct) < 0.01


def test_calibration_error_measures_overconfidence():
    confidence = np.full(1000, 0.99)
    correct = np.arange(1000) < 600  # 60% right while claiming 99%
    assert expected_calibration_error(confidence, correct) == pytest.approx(0.39, abs=1e-9)
    assert np.isnan(expected_calibration_error([], []))


def test_below_the_topic_threshold_the_topic_is_other(trained_run):
    cleaner = load_artifact(trained_run)
    page = Page(id="p", html=ARTICLE)
    sure = next(cleaner.predict([page]))
    assert sure["topic"] not in (None, OTHER_TOPIC)

    cleaner.topic_threshold = min(1.0, sure["topic_score"] + 1e-3)
    unsure = next(cleaner.predict([page]))
    assert unsure["topic"] == OTHER_TOPIC
    assert unsure["topic_score"] == sure["topic_score"]  # the score is still reported
    assert unsure["text"] == sure["text"]


def test_evaluation_reports_calibration_and_what_abstaining_costs(trained_run, built_sample):
    cleaner = load_artifact(trained_run)
    cleaner.topic_threshold = 0.5
    topic = evaluate_split(cleaner, built_sample, "test")["topic"]["article_text"]
    assert 0.0 <= topic["ece"] <= 1.0
    abstain = topic["abstain"]
    assert abstain["threshold"] == 0.5
    assert 0.0 <= abstain["coverage"] <= 1.0
    # Abstaining on the least sure pages never makes the answered ones less accurate here.
    if abstain["coverage"] > 0:
        assert abstain["accuracy_answered"] >= topic["accuracy"] - 1e-9


def test_the_label_map_travels_with_the_model(tmp_path, sample_manifest):
    from winnow.train.dataset import build_dataset
    from winnow.train.fit import train_run
    from winnow.train.options import BuildOptions, TrainOptions

    label_map = {"science": "science_technology", "technology": "science_technology"}
    dataset = tmp_path / "data"
    build_dataset([sample_manifest], dataset, BuildOptions(seed=0, label_map=label_map))
    run, _ = train_run(dataset, tmp_path / "run", TrainOptions(seed=0, sequence_folds=0))

    manifest = json.loads((run / "manifest.json").read_text())
    assert manifest["dataset"]["label_map"] == label_map
    topics = manifest["labels"]["topic"]
    assert "science_technology" in topics
    assert "science" not in topics and "technology" not in topics
    card = (run / "README.md").read_text()
    assert "science, technology -> science_technology" in card


@parametrize_with_checks(
    [
        ProbabilityAverage([LogisticRegression(), LogisticRegression(C=0.1)]),
        NBSVMClassifier(),
    ],
)
def test_topic_estimators_follow_sklearn_conventions(estimator, check):
    check(estimator)


def test_probability_average_is_the_weighted_mean_of_its_members():
    rng = np.random.default_rng(0)
    X = rng.random((80, 5))
    y = (X[:, 0] + 0.3 * rng.random(80) > 0.6).astype(int)
    members = [LogisticRegression(C=0.1), LogisticRegression(C=10.0)]
    model = ProbabilityAverage(members, weights=[3, 1]).fit(X, y)
    expected = 0.75 * members[0].fit(X, y).predict_proba(X) + 0.25 * members[1].fit(
        X, y
    ).predict_proba(X)
    assert np.allclose(model.predict_proba(X), expected)
    assert list(model.classes_) == [0, 1] and model.n_features_in_ == 5
    with pytest.raises(ValueError, match="weights"):
        ProbabilityAverage(members, weights=[1]).fit(X, y)


def test_nbsvm_learns_which_words_mark_a_topic():
    from winnow.models.pipelines import make_topic_pipeline

    topics = {
        "sport": "match goal striker league season coach cup",
        "business": "shares profit market bank investors quarter prices",
        "science": "researchers study telescope species experiment data lab",
    }
    rng = np.random.default_rng(0)
    texts, labels = [], []
    for label, vocabulary in topics.items():
        words = vocabulary.split()
        for _ in range(30):
            texts.append(" ".join(rng.choice(words, 8)) + " the said on monday")
            labels.append(label)
    model = make_topic_pipeline().fit(texts, labels)
    assert model.predict(["the striker scored in the cup match"])[0] == "sport"
    assert model.predict(["bank shares and market prices fell"])[0] == "business"
    proba = model.predict_proba(["researchers and their telescope data"])
    assert proba.shape == (1, 3) and abs(proba.sum() - 1) < 1e-9

    binary = NBSVMClassifier().fit(model.named_steps["features"].transform(texts[:60]), labels[:60])
    assert binary.decision_function(model.named_steps["features"].transform(texts[:2])).ndim == 1
    assert list(binary.predict(model.named_steps["features"].transform(texts[:1]))) == ["sport"]


def test_topics_with_a_single_training_page_are_left_out(tmp_path, sample_manifest, built_sample):
    from winnow.train.dataset import build_dataset, load_frame
    from winnow.train.fit import fit_cleaner
    from winnow.train.options import BuildOptions, TrainOptions

    # One page of a new topic, from an outlet whose pages all go to the train split.
    outlet = load_frame(built_sample, "pages", "train")["domain"].value_counts().index[0]
    row = {
        "id": "lonely",
        "domain": outlet,
        "text": "A lonely article about gardening and roses in the spring.",
        "topic": "gardening",
    }
    extra = tmp_path / "extra.jsonl"
    extra.write_text(json.dumps(row) + "\n")
    dataset = tmp_path / "data"
    build_dataset([sample_manifest, extra], dataset, BuildOptions(seed=0))
    assert "lonely" in set(load_frame(dataset, "pages", "train")["id"])

    cleaner, info = fit_cleaner(dataset, TrainOptions(seed=0, sequence_folds=0))
    assert info["training"]["topics_dropped"] == ["gardening"]
    assert "gardening" not in cleaner.topic.classes_
    assert len(cleaner.topic.classes_) == 7
