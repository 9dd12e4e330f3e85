"""Gates for CI: `evaluate --fail-under/--thresholds` and `diff --fail-if-worse` exit 1 when a
model falls short, 2 on a bound or split that cannot be used; never a silent pass."""

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from winnow.cli import app
from winnow.models.artifact import load_artifact, save_artifact
from winnow.train.evaluate import evaluate_split
from winnow.train.gates import (
    METRICS,
    GateError,
    check_metrics,
    compare_runs,
    gather_bounds,
    parse_check,
    read_thresholds,
)

ROOT = Path(__file__).resolve().parents[1]
REPO_THRESHOLDS = ROOT / "data" / "thresholds" / "sample.toml"
runner = CliRunner(env={"COLUMNS": "200", "NO_COLOR": "1"})

# What split_metrics writes for a split of HTML pages with gold text and no topic model.
METRICS_JSON = {
    "split": "test",
    "paragraph": {"boilerplate": {"f1": 0.95, "support": 40}, "content": {"f1": 0.9}},
    "page_tokens": {"f1": 0.9, "precision": 0.92, "by_kind": {"html": {"f1": 0.9}}},
}


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def figure(value: float) -> str:
    return f"{value:g}"


@pytest.fixture(scope="module")
def unseen_only_test(tmp_path_factory) -> Path:
    """The two unseen sample outlets, all in the test split: train and validation are empty,
    every page is HTML."""
    out = tmp_path_factory.mktemp("gates") / "unseen"
    manifest = ROOT / "data" / "sample" / "unseen" / "manifest.jsonl"
    result = invoke("build", manifest, "--out", out, "--fractions", "0,0,1", "-q")
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def worse_run(tmp_path_factory, trained_run) -> Path:
    """The sample model with thresholds that drop nearly every paragraph."""
    worse = load_artifact(trained_run)
    worse.thresholds = {kind: 1.0 for kind in worse.thresholds}
    return save_artifact(tmp_path_factory.mktemp("gates") / "worse", worse)


@pytest.fixture(scope="module")
def no_topic_run(tmp_path_factory, trained_run) -> Path:
    """The sample model without its topic model."""
    cleaner = load_artifact(trained_run)
    cleaner.topic = None
    return save_artifact(tmp_path_factory.mktemp("gates") / "no-topic", cleaner)


# The library: reading bounds.


def test_a_check_is_a_metric_and_a_share():
    assert parse_check("page_f1=0.9") == ("page_f1", 0.9)
    assert parse_check(" topic_accuracy = 1 ") == ("topic_accuracy", 1.0)


@pytest.mark.parametrize(
    ("spec", "says"),
    [
        ("page_f1", "is not METRIC=VALUE"),
        ("page_f1=", "is not METRIC=VALUE"),
        ("=0.9", "is not METRIC=VALUE"),
        ("page_f1:0.9", "is not METRIC=VALUE"),
        ("page_f1=high", "is not a number"),
        ("page_f1=90", "not a share between 0 and 1"),
        ("page_f1=-0.1", "not a share between 0 and 1"),
    ],
)
def test_a_malformed_check_says_what_is_wrong(spec, says):
    with pytest.raises(GateError, match=re.escape(says)):
        parse_check(spec)


def test_an_unknown_metric_lists_the_metrics_and_suggests_the_nearest():
    with pytest.raises(GateError) as err:
        parse_check("topic_acuracy=0.9")
    message = str(err.value)
    assert "did you mean topic_accuracy?" in message
    assert all(name in message for name in METRICS)


def test_a_thresholds_file_is_read_and_the_command_line_replaces_its_bounds(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text("# from today's model\npage_f1 = 0.9\ntopic_accuracy = 0.85\n")
    assert read_thresholds(path) == {"page_f1": 0.9, "topic_accuracy": 0.85}
    bounds = gather_bounds(["page_f1=0.8", "boilerplate_f1=0.7"], path)
    assert bounds == {"page_f1": 0.8, "topic_accuracy": 0.85, "boilerplate_f1": 0.7}


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("page_f1.html = 0.9\n", "unknown metric 'page_f1.html' (did you mean page_f1_html?)"),
        ('page_f1 = "high"\n', "page_f1: the bound 'high' is not a number"),
        ("page_f1 = true\n", "page_f1: the bound must be a number"),
        ("page_f1 = 0.9\npage_f1 0.8\n", "not TOML"),
    ],
)
def test_a_bad_thresholds_file_is_named_with_its_fault(tmp_path, text, says):
    path = tmp_path / "t.toml"
    path.write_text(text)
    with pytest.raises(GateError) as err:
        read_thresholds(path)
    assert str(err.value).startswith(f"{path}: ") and says in str(err.value)


def test_a_missing_thresholds_file_is_named(tmp_path):
    with pytest.raises(GateError, match="does not exist"):
        read_thresholds(tmp_path / "none.toml")


# The library: checking figures.


def test_a_figure_at_its_bound_passes_and_under_it_fails():
    outcomes = check_metrics(METRICS_JSON, {"page_f1": 0.9, "page_precision": 0.93})
    assert [(o.metric, o.failed) for o in outcomes] == [
        ("page_f1", False),
        ("page_precision", True),
    ]
    assert outcomes[1].line() == "FAIL  page_precision  0.92 < 0.93"


def test_a_metric_this_evaluation_lacks_fails_and_says_what_it_needs():
    metrics = {**METRICS_JSON, "paragraph": {"boilerplate": {"f1": 0.0, "support": 0}}}
    bounds = {"topic_accuracy": 0.5, "page_f1_text": 0.5, "boilerplate_f1": 0.0}
    outcomes = {o.metric: o for o in check_metrics(metrics, bounds)}
    assert all(o.failed for o in outcomes.values())
    assert "not measured on the test split" in outcomes["topic_accuracy"].detail
    assert "a model with a topic model" in outcomes["topic_accuracy"].detail
    assert "plain-text pages with gold text" in outcomes["page_f1_text"].detail
    # A split with no boilerplate label has a boilerplate F1 of 0 in metrics.json: no figure.
    assert "paragraphs labelled boilerplate" in outcomes["boilerplate_f1"].detail


def test_b_worse_than_a_fails_unless_within_the_tolerance():
    compared = {"page_f1": {"a": 0.95, "b": 0.94}, "topic_accuracy": {"a": 0.9, "b": 0.92}}
    strict = {o.metric: o for o in compare_runs(compared)}
    assert strict["page_f1"].failed and not strict["topic_accuracy"].failed
    assert strict["page_f1"].detail == "B 0.94 < A 0.95"
    assert not any(o.failed for o in compare_runs(compared, tolerance=0.01))
    with pytest.raises(GateError):
        compare_runs(compared, tolerance=-0.1)


def test_a_figure_b_lacks_fails_one_a_lacks_is_skipped_and_nothing_compared_fails():
    lost_topics = {"page_f1": {"a": 0.9, "b": 0.9}, "topic_accuracy": {"a": 0.8, "b": None}}
    assert [o.status for o in compare_runs(lost_topics)] == ["pass", "FAIL"]
    gained_topics = {"page_f1": {"a": 0.9, "b": 0.9}, "topic_accuracy": {"a": None, "b": 0.8}}
    assert [o.status for o in compare_runs(gained_topics)] == ["pass", "skip"]
    nothing = {"page_f1": {"a": None, "b": None}, "topic_accuracy": {"a": None, "b": None}}
    outcomes = compare_runs(nothing)
    assert outcomes[-1].failed and "nothing to compare" in outcomes[-1].detail


# The repository's thresholds: what `make evaluate` holds the sample model to.


def test_the_sample_model_passes_the_repository_thresholds(trained_run, built_sample):
    bounds = read_thresholds(REPO_THRESHOLDS)
    assert {"page_f1", "boilerplate_f1", "topic_accuracy"} <= set(bounds)
    metrics = evaluate_split(load_artifact(trained_run), built_sample, "test")
    outcomes = check_metrics(metrics, bounds)
    assert not [o.line() for o in outcomes if o.failed]


def test_make_evaluate_reads_the_repository_thresholds():
    makefile = (ROOT / "Makefile").read_text()
    assert f"THRESHOLDS ?= {REPO_THRESHOLDS.relative_to(ROOT)}" in makefile
    recipe = makefile.split("\nevaluate:")[1].split("\n\n")[0]
    assert "--thresholds $(THRESHOLDS)" in recipe


def test_every_metric_is_named_in_evaluate_help_and_the_readme():
    help_text = invoke("evaluate", "--help").output
    readme = (ROOT / "README.md").read_text()
    for name in METRICS:
        assert name in help_text, name
        assert f"`{name}`" in readme, name


# The command line.


def test_evaluate_prints_each_check_and_passes(tmp_path, trained_run, built_sample):
    out = tmp_path / "eval"
    args = ["--fail-under", "page_f1=0.5", "--fail-under", "topic_accuracy=0.5"]
    result = invoke("evaluate", trained_run, built_sample, "--out", out, *args)
    assert result.exit_code == 0, result.output
    metrics = json.loads((out / "metrics.json").read_text())
    page_f1 = figure(metrics["page_tokens"]["f1"])
    topic = figure(metrics["topic"]["article_text"]["accuracy"])
    assert f"pass  page_f1  {page_f1} >= 0.5" in result.stdout
    assert f"pass  topic_accuracy  {topic} >= 0.5" in result.stdout


def test_evaluate_under_a_bound_exits_1_and_still_writes_the_report(
    tmp_path, trained_run, built_sample
):
    out = tmp_path / "eval"
    args = ["--fail-under", "page_f1=1", "--fail-under", "boilerplate_f1=0.5"]
    result = invoke("evaluate", trained_run, built_sample, "--out", out, *args)
    assert result.exit_code == 1, result.output
    metrics = json.loads((out / "metrics.json").read_text())
    assert metrics["page_tokens"]["f1"] < 1
    assert f"FAIL  page_f1  {figure(metrics['page_tokens']['f1'])} < 1" in result.stdout
    assert "pass  boilerplate_f1" in result.stdout
    assert "1 of 2 checks failed: page_f1" in result.stderr
    assert (out / "report.html").is_file()


def test_evaluate_with_a_thresholds_file_and_fail_under(tmp_path, trained_run, built_sample):
    path = tmp_path / "thresholds.toml"
    path.write_text("page_f1 = 1.0\ntopic_accuracy = 0.5\n")
    base = ["evaluate", trained_run, built_sample, "--out", tmp_path / "e", "--thresholds", path]
    result = invoke(*base, "-q")
    assert result.exit_code == 1
    assert "FAIL  page_f1" in result.stderr and "topic_accuracy" not in result.stderr

    result = invoke(*base, "--fail-under", "page_f1=0.5")
    assert result.exit_code == 0, result.output
    assert "pass  page_f1" in result.stdout and "pass  topic_accuracy" in result.stdout


@pytest.mark.parametrize(
    ("spec", "says"),
    [
        ("page_f11=0.9", "did you mean page_f1?"),
        ("page_f1", "is not METRIC=VALUE"),
        ("page_f1=ninety", "is not a number"),
    ],
)
def test_a_bad_check_is_a_usage_error_before_any_scoring(
    tmp_path, trained_run, built_sample, spec, says
):
    out = tmp_path / "eval"
    result = invoke("evaluate", trained_run, built_sample, "--out", out, "--fail-under", spec)
    assert result.exit_code == 2
    assert says in result.stderr
    assert not out.exists()


def test_evaluate_fails_a_metric_it_cannot_measure(tmp_path, no_topic_run, built_sample):
    args = ["--out", tmp_path / "e", "--fail-under", "topic_accuracy=0.5"]
    result = invoke("evaluate", no_topic_run, built_sample, *args)
    assert result.exit_code == 1, result.output
    assert "FAIL  topic_accuracy  not measured on the test split" in result.stdout


def test_diff_fails_a_b_that_lost_its_topic_model(trained_run, no_topic_run, built_sample):
    result = invoke("diff", trained_run, no_topic_run, built_sample, "--fail-if-worse")
    assert result.exit_code == 1, result.output
    assert "pass  page_f1" in result.stdout
    assert re.search(r"FAIL  topic_accuracy  A [0-9.]+, B not measured", result.stdout)


@pytest.mark.parametrize("command", ["evaluate", "diff"])
def test_an_empty_split_is_a_usage_error_naming_the_splits(
    tmp_path, trained_run, unseen_only_test, command
):
    runs = [trained_run] if command == "evaluate" else [trained_run, trained_run]
    out = tmp_path / "out"
    result = invoke(command, *runs, unseen_only_test, "--split", "validation", "--out", out)
    assert result.exit_code == 2
    assert (
        f"the validation split of {unseen_only_test} holds no pages; the splits there are: "
        "train (0 pages), validation (0 pages), test (8 pages)"
    ) in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("command", ["evaluate", "diff"])
def test_a_split_that_does_not_exist_names_the_splits(trained_run, built_sample, command):
    runs = [trained_run] if command == "evaluate" else [trained_run, trained_run]
    result = invoke(command, *runs, built_sample, "--split", "dev")
    assert result.exit_code == 2
    assert f"{built_sample} has no split 'dev'; the splits there are: train (" in result.stderr


def test_diff_fail_if_worse_fails_a_worse_b_and_passes_a_better_one(
    tmp_path, trained_run, worse_run, built_sample
):
    out = tmp_path / "d"
    result = invoke("diff", trained_run, worse_run, built_sample, "--fail-if-worse", "--out", out)
    assert result.exit_code == 1, result.output
    compared = json.loads((out / "diff.json").read_text())["compared"]
    a, b = compared["page_f1"]["a"], compared["page_f1"]["b"]
    assert b < a
    assert f"FAIL  page_f1  B {figure(b)} < A {figure(a)}" in result.stdout
    assert "checks failed: page_f1" in result.stderr

    result = invoke("diff", worse_run, trained_run, built_sample, "--fail-if-worse")
    assert result.exit_code == 0, result.output
    assert f"pass  page_f1  B {figure(a)} >= A {figure(b)}" in result.stdout
    assert "pass  topic_accuracy" in result.stdout


def test_diff_tolerance_lets_a_small_loss_through(trained_run, worse_run, built_sample):
    args = ["diff", trained_run, worse_run, built_sample, "--fail-if-worse", "-q"]
    assert invoke(*args, "--tolerance", "1").exit_code == 0
    # Without --fail-if-worse, diff reports and never fails.
    assert invoke("diff", trained_run, worse_run, built_sample, "-q").exit_code == 0


def test_diff_page_f1_is_the_one_evaluate_reports(trained_run, worse_run, built_sample):
    from winnow.train.diff import diff_models

    a, b = load_artifact(trained_run), load_artifact(worse_run)
    result = diff_models(a, b, built_sample, "test")
    for who, model in (("a", a), ("b", b)):
        metrics = evaluate_split(model, built_sample, "test")
        assert result["compared"]["page_f1"][who] == metrics["page_tokens"]["f1"]
        assert result["pages"][f"{who}_f1"] == metrics["page_tokens"]["f1"]
        accuracy = metrics["topic"]["article_text"]["accuracy"]
        assert result["compared"]["topic_accuracy"][who] == accuracy
