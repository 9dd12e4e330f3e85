"""``winnow predict`` as a Unix filter, its ``--overwrite``, and outlets of files with no URL."""

import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from winnow.cli import app
from winnow.features.readers import read_pages
from winnow.models.predict import PredictOptions, predict

runner = CliRunner(env={"COLUMNS": "200", "NO_COLOR": "1"})
UNSEEN = Path(__file__).resolve().parents[1] / "data" / "sample" / "unseen" / "pages"
PAGE = (
    "<html><body><article><h1>Ferry timetable changes</h1>"
    + "<p>The ferry company will change its winter timetable from next week, it said.</p>" * 3
    + "</article></body></html>"
)


def _lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_jsonl_in_jsonl_out_and_people_read_stderr(trained_run):
    stdin = "\n".join(
        json.dumps({"id": f"p{i}", "url": f"https://ferry.example/{i}", "html": PAGE})
        for i in range(3)
    )
    stdin += '\nnot json\n{"id": "t", "text": "Line one of a page.\\nLine two."}\n'
    result = runner.invoke(
        app, ["predict", "-", "--out", "-", "--model", str(trained_run), "--show", "2"], input=stdin
    )
    assert result.exit_code == 1, result.output  # one bad line: some failed
    records = _lines(result.stdout)
    assert [r["id"] for r in records] == ["p0", "p1", "p2", "<stdin>:4", "t"]
    assert records[3]["error"].startswith("json: line 4")
    assert "timetable" in records[0]["text"]
    assert "5 pages, 4 ok, 1 failed" in result.stderr
    assert "predictions" in result.stderr  # the --show table is not in the JSONL


def test_one_page_on_stdin(trained_run):
    result = runner.invoke(
        app, ["predict", "-", "--out", "-", "--model", str(trained_run), "-q"], input=PAGE
    )
    assert result.exit_code == 0, result.output
    (record,) = _lines(result.stdout)
    assert record["id"] == "<stdin>" and "winter timetable" in record["text"]
    assert result.stderr == ""


def test_stdin_cannot_feed_a_folder_of_shards(trained_run, tmp_path):
    result = runner.invoke(
        app, ["predict", "-", "--out", str(tmp_path / "shards"), "--model", str(trained_run)]
    )
    assert result.exit_code == 2
    assert "standard input" in result.stderr


def test_stdin_limits_hold():
    big = "{" + '"id": "x", "text": "' + "a" * 5000 + '"}\n{"id": "y", "text": "ok"}\n'
    pages = list(read_pages(["-"], max_bytes=1000, stdin=io.BytesIO(big.encode())))
    assert [p.error.split(":")[0] if p.error else None for p in pages] == ["too_large", None]
    (one,) = read_pages(["-"], max_bytes=1000, stdin=io.BytesIO(b"<p>" + b"b" * 5000 + b"</p>"))
    assert one.error.startswith("too_large")


def test_a_one_file_out_is_replaced_only_with_overwrite(trained_run, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("keep me\n")
    args = ["predict", str(UNSEEN), "--model", str(trained_run), "--out", str(out), "-q"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "exists" in result.stderr and "--overwrite" in result.stderr
    assert out.read_text() == "keep me\n"
    result = runner.invoke(app, [*args, "--overwrite"])
    assert result.exit_code == 0, result.output
    assert len(_lines(out.read_text())) == 8


def test_overwrite_starts_a_folder_run_again(trained_run, tmp_path):
    out = tmp_path / "shards"
    args = ["predict", str(UNSEEN), "--model", str(trained_run), "--out", str(out), "-q"]
    assert runner.invoke(app, [*args, "--shard-size", "3"]).exit_code == 0
    refused = runner.invoke(app, [*args, "--shard-size", "4"])
    assert refused.exit_code == 2 and "different run" in refused.stderr
    result = runner.invoke(app, [*args, "--shard-size", "4", "--overwrite"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.glob("part-*")) == [
        "part-00000.jsonl.gz",
        "part-00001.jsonl.gz",
    ]


def test_pages_in_a_folder_share_its_outlet(tmp_path):
    for outlet in ("courier", "star"):
        (tmp_path / "crawl" / outlet).mkdir(parents=True)
        for i in range(2):
            (tmp_path / "crawl" / outlet / f"{i}.html").write_text(PAGE)
    (tmp_path / "crawl" / "loose.html").write_text(PAGE)
    declared = PAGE.replace("<html>", '<html><link rel="canonical" href="https://x.example/a">')
    (tmp_path / "crawl" / "star" / "declared.html").write_text(declared)
    pages = {p.id: p.domain for p in read_pages([tmp_path / "crawl"])}
    assert pages == {
        "courier/0.html": "courier",
        "courier/1.html": "courier",
        "loose.html": "crawl",
        "star/0.html": "star",
        "star/1.html": "star",
        "star/declared.html": "x.example",  # a URL the page declares beats its folder
    }
    named = {p.id: p.domain for p in read_pages([tmp_path / "crawl"], domain="mine.example")}
    assert named["courier/0.html"] == "mine.example" and named["star/declared.html"] == "x.example"


def test_folder_outlets_let_repeated_chaff_count(trained_run, tmp_path):
    """A footer on every page of a folder is the outlet's chaff, as it is for pages with URLs."""
    shutil.copytree(UNSEEN, tmp_path / "pages")
    alone, grouped = tmp_path / "alone.jsonl", tmp_path / "grouped.jsonl"
    # Each page its own outlet: the same as naming every page's outlet differently.
    files = sorted(p for p in (tmp_path / "pages").rglob("*") if p.is_file())
    predict(files, alone, trained_run, PredictOptions())
    predict([tmp_path / "pages"], grouped, trained_run, PredictOptions())
    scores = [
        [p["score"] for r in _lines(path.read_text()) for p in r["paragraphs"]]
        for path in (alone, grouped)
    ]
    assert len(scores[0]) == len(scores[1]) and scores[0] != scores[1]


@pytest.mark.parametrize("flag", ["--version"])
def test_version(flag):
    import winnow

    result = runner.invoke(app, [flag])
    assert result.exit_code == 0 and result.stdout.strip() == f"winnow {winnow.__version__}"


def test_a_resumed_run_must_keep_its_time_limit(trained_run, tmp_path):
    """A page that timed out under one limit could be cleaned under another: mixing the two
    runs' shards would give different records for the same pages."""
    out = tmp_path / "shards"
    args = ["predict", str(UNSEEN), "--model", str(trained_run), "--out", str(out), "-q"]
    assert runner.invoke(app, args).exit_code == 0
    assert runner.invoke(app, args).exit_code == 0  # the same run resumes
    refused = runner.invoke(app, [*args, "--max-seconds", "5"])
    assert refused.exit_code == 2 and "max_seconds" in refused.stderr
