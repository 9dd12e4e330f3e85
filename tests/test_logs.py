"""`winnow --log-json`: every event as one JSON object a line on stderr."""

import json
import logging

from typer.testing import CliRunner

from winnow.cli import app
from winnow.train.logs import configure


def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def test_log_json_reports_build_and_predict_events(tmp_path, sample_manifest, trained_run):
    runner = CliRunner()
    try:
        built = runner.invoke(
            app,
            ["--log-json", "build", str(sample_manifest), "--out", str(tmp_path / "d"), "-q"],
        )
        assert built.exit_code == 0, built.output
        events = json_lines(built.output)
        read = [e for e in events if e["event"] == "pages read"]
        assert read and read[0]["pages"] == read[0]["kept"] > 0
        assert read[0]["logger"] == "winnow.build" and read[0]["level"] == "info"
        assert "time" in read[0]

        pages = sample_manifest.parent / "unseen" / "pages"
        out = tmp_path / "shards"
        predicted = runner.invoke(
            app,
            [
                "--log-json",
                "predict",
                str(pages),
                "--out",
                str(out),
                "--model",
                str(trained_run),
                "--shard-size",
                "3",
                "-q",
            ],
        )
        assert predicted.exit_code == 0, predicted.output
        events = json_lines(predicted.output)
        shards = [e for e in events if e["event"] == "shard written"]
        assert [e["shard"] for e in shards] == [0, 1, 2]
        done = [e for e in events if e["event"] == "predict done"]
        assert done[0]["pages"] == 8 and done[0]["failed"] == 0
    finally:
        configure(False)


def test_without_log_json_nothing_is_logged(tmp_path, sample_manifest):
    result = CliRunner().invoke(
        app, ["build", str(sample_manifest), "--out", str(tmp_path / "d"), "-q"]
    )
    assert result.exit_code == 0
    assert json_lines(result.output) == []
    assert not [h for h in logging.getLogger("winnow").handlers if getattr(h, "_winnow", False)]
