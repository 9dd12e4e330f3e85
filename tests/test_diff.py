"""`winnow diff`: where two models disagree on a split, and which is right."""

import json

from typer.testing import CliRunner

from winnow.cli import app
from winnow.models.artifact import load_artifact, save_artifact
from winnow.train.diff import diff_models


def test_a_model_compared_with_itself_never_disagrees(trained_run, built_sample):
    cleaner = load_artifact(trained_run)
    result = diff_models(cleaner, cleaner, built_sample, "test")
    assert result["disagree"] == 0 and result["a_right"] == result["b_right"] == 0
    assert result["pages"]["a_f1"] == result["pages"]["b_f1"]
    assert result["topics"]["disagree"] == 0


def test_a_worse_threshold_shows_up_as_paragraphs_the_original_gets_right(
    trained_run, built_sample, tmp_path
):
    worse = load_artifact(trained_run)
    # Kept only when P(content) is 1.0 to the last bit: drops nearly everything.
    worse.thresholds = {kind: 1.0 for kind in worse.thresholds}
    run_b = save_artifact(tmp_path / "worse", worse)

    result = CliRunner().invoke(
        app,
        ["diff", str(trained_run), str(run_b), str(built_sample), "--out", str(tmp_path / "d")],
    )
    assert result.exit_code == 0, result.output
    figures = json.loads((tmp_path / "d" / "diff.json").read_text())
    assert figures["disagree"] > 0
    assert figures["a_right"] > figures["b_right"]
    assert figures["pages"]["a_f1"] > figures["pages"]["b_f1"]
    assert figures["pages"]["b_worst"] and all(
        r["b_f1"] < r["a_f1"] for r in figures["pages"]["b_worst"]
    )
    assert figures["examples"]["a_right"][0]["right_label"] == "content"
    assert "A right on" in (tmp_path / "d" / "diff.md").read_text()
    assert "A right on" in result.output
