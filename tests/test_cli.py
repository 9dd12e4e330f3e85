"""The command line end to end, through typer's runner, on the bundled sample."""

import gzip
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import typer
from typer.testing import CliRunner

from winnow.cli import app

runner = CliRunner(env={"COLUMNS": "200", "NO_COLOR": "1"})
COMMANDS = ["build", "train", "evaluate", "review", "diff", "predict", "info"]
SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"
# Pages of two unseen outlets and three training ones: enough paragraphs scored between the
# sample model's favor thresholds that the favors keep different numbers of them.
FAVOR_PAGES = [
    SAMPLE / "unseen" / "pages",
    *sorted(p for p in (SAMPLE / "pages").iterdir() if p.is_dir())[:3],
]


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def test_every_command_and_option_has_help():
    group = typer.main.get_command(app)
    assert sorted(group.commands) == sorted(COMMANDS)
    for name, command in group.commands.items():
        assert command.help, name
        for param in command.params:
            assert getattr(param, "help", None), f"{name} {param.name} has no help"
        result = invoke(name, "--help")
        assert result.exit_code == 0
        for param in command.params:
            if param.param_type_name == "option":
                assert param.opts[0] in result.output, f"{name} --help lacks {param.opts[0]}"


def test_build_train_evaluate_predict_info(tmp_path, sample_manifest):
    dataset, run = tmp_path / "ds", tmp_path / "run"
    result = invoke("build", sample_manifest, "--out", dataset, "--seed", 1)
    assert result.exit_code == 0, result.output
    assert (dataset / "manifest.json").is_file()

    result = invoke("train", dataset, "--out", run, "--seed", 1)
    assert result.exit_code == 0, result.output
    assert (run / "manifest.json").is_file()

    result = invoke("evaluate", run, dataset, "--out", tmp_path / "eval")
    assert result.exit_code == 0, result.output
    metrics = json.loads((tmp_path / "eval" / "metrics.json").read_text())
    assert metrics["page_tokens"]["f1"] > metrics["page_tokens"]["keep_all_f1"]
    assert "Paragraphs" in (tmp_path / "eval" / "report.md").read_text()

    unseen = sample_manifest.parent / "unseen" / "pages"
    out = tmp_path / "pred.jsonl"
    result = invoke("predict", unseen, "--model", run, "--out", out)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == sum(1 for p in unseen.rglob("*") if p.is_file())
    for record in records:
        assert set(record) == {
            "id",
            "url",
            "text",
            "topic",
            "topic_score",
            "paragraphs",
            "error",
        } | {
            "title",
            "byline",
            "date",
            "site",
        }
        assert record["error"] is None and record["text"]
        assert {p["label"] for p in record["paragraphs"]} <= {"content", "boilerplate"}
        kept = [p["text"] for p in record["paragraphs"] if p["label"] == "content"]
        assert all(k in record["text"] for k in kept)

    result = invoke("info", run)
    assert result.exit_code == 0 and "verified" in result.output
    result = invoke("info", run, "--json")
    assert json.loads(result.output)["ok"] is True


def test_predict_keeps_going_past_bad_records(tmp_path, trained_run):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a_good.html").write_text(
        "<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav><article>"
        "<p>The harbour council voted on Monday to close the old swing bridge for repairs.</p>"
        "<p>Engineers said the work would take eleven weeks and cost about two million.</p>"
        "</article><footer>Copyright 2026 The Harbour Gazette</footer></body></html>"
    )
    (pages / "b_binary.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (pages / "c_latin1.html").write_bytes("<p>Le caf\xe9 du port a ferm\xe9.</p>".encode("latin-1"))
    (pages / "d_empty.txt").write_text("")
    (pages / "e_text.txt").write_text(
        "The council voted to close the bridge.\n\nSign up for our newsletter"
    )
    jsonl = tmp_path / "more.jsonl"
    jsonl.write_text('{"id": "j1", "text": "A fine paragraph about the harbour."}\n{broken\n')
    out = tmp_path / "out.jsonl.gz"
    result = invoke("predict", pages, jsonl, "--model", trained_run, "--out", out)
    assert result.exit_code == 1, result.output
    records = {r["id"]: r for r in map(json.loads, gzip.open(out, "rt"))}
    assert len(records) == 7
    assert (
        records["a_good.html"]["error"] is None and "swing bridge" in records["a_good.html"]["text"]
    )
    assert records["b_binary.html"]["error"].startswith("binary")
    assert records["c_latin1.html"]["error"].startswith("encoding")
    assert records["d_empty.txt"]["error"].startswith("empty")
    assert records["e_text.txt"]["error"] is None
    assert records["j1"]["error"] is None
    assert records[f"{jsonl}:2"]["error"].startswith("json")
    assert "4 failed" in result.output


def test_predict_writes_parquet(tmp_path, trained_run, sample_manifest):
    out = tmp_path / "out.parquet"
    result = invoke(
        "predict", sample_manifest.parent / "unseen" / "pages", "--model", trained_run, "--out", out
    )
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert table.num_rows == 8
    assert table.column_names == [
        "id",
        "url",
        "title",
        "byline",
        "date",
        "site",
        "text",
        "topic",
        "topic_score",
        "paragraphs",
        "error",
    ]
    paragraphs = [p for row in table.column("paragraphs").to_pylist() for p in row]
    text_lines = [p["line"] for p in paragraphs if p["line"] is not None]
    assert text_lines, "plain-text pages keep the input line of each paragraph"


@pytest.mark.parametrize(
    "args, message",
    [
        (["predict", "nowhere", "--out", "x.jsonl"], "no such file or folder"),
        (["predict", ".", "--out", "x.jsonl", "--executor", "spark"], "local"),
        (["predict", ".", "--out", "x.jsonl", "--shard-format", ".csv"], ".parquet"),
        (["predict", ".", "--out", "x.csv"], "--out must end in"),
        (["info", "nowhere"], "no model at"),
        (["train", "nowhere", "--out", "x"], "no dataset at"),
        (["evaluate", ".", "nowhere"], "no dataset at"),
    ],
)
def test_bad_usage_exits_2_with_a_message(tmp_path, trained_run, args, message):
    args = [a if a != "nowhere" else str(tmp_path / "nowhere") for a in args]
    if args[0] == "predict" and args[1] != ".":
        args += ["--model", str(trained_run)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in result.output


def test_help_loads_no_training_or_data_library():
    """The defaults come from option classes light enough that `winnow --help` loads
    neither scikit-learn nor pandas, datasets or pyarrow."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from winnow.cli import main\n"
        "sys.argv = ['winnow', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = {'sklearn', 'pandas', 'datasets', 'pyarrow', 'matplotlib'}\n"
        "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "build" in done.stdout and done.stderr.strip() == "[]"


def test_predict_without_model_and_without_default_says_so(tmp_path, monkeypatch):
    import winnow.models.defaults as defaults

    monkeypatch.setattr(defaults, "DEFAULT_DIR", tmp_path / "none")
    result = runner.invoke(app, ["predict", str(tmp_path), "--out", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2
    assert "--model" in result.output


def test_favor_names_the_same_choices_as_the_cleaner():
    from winnow.cli.commands import Favor
    from winnow.models.cleaner import FAVORS

    assert tuple(f.value for f in Favor) == FAVORS


@pytest.mark.parametrize("command", ["predict", "evaluate"])
def test_an_unknown_favor_is_refused_naming_the_choices(tmp_path, trained_run, command):
    where = [trained_run, tmp_path] if command == "evaluate" else [tmp_path, "--out", "o.jsonl"]
    result = runner.invoke(app, [command, *map(str, where), "--favor", "foo"])
    assert result.exit_code == 2
    assert "'foo' is not one of" in result.output
    assert all(choice in result.output for choice in ("balanced", "precision", "recall"))


def test_predict_evaluate_and_info_with_favors(tmp_path, trained_run, built_sample):
    manifest = json.loads((trained_run / "manifest.json").read_text())
    kept = {}
    for favor in ("precision", "balanced", "recall"):
        out = tmp_path / f"{favor}.jsonl"
        result = invoke(
            "predict", *FAVOR_PAGES, "--model", trained_run, "--out", out, "--favor", favor
        )
        assert result.exit_code == 0, result.output
        records = [json.loads(line) for line in out.read_text().splitlines()]
        kept[favor] = sum(p["label"] == "content" for r in records for p in r["paragraphs"])
    assert kept["precision"] <= kept["balanced"] <= kept["recall"]
    assert kept["precision"] < kept["recall"]

    result = invoke(
        "evaluate", trained_run, built_sample, "--out", tmp_path / "eval", "--favor", "precision"
    )
    assert result.exit_code == 0, result.output
    metrics = json.loads((tmp_path / "eval" / "metrics.json").read_text())
    assert metrics["favor"] == "precision"
    for kind, m in metrics["paragraph"]["by_kind"].items():
        assert m["threshold"] == manifest["favor_thresholds"]["precision"][kind]

    result = invoke("info", trained_run)
    assert result.exit_code == 0
    for favor in ("precision", "recall"):
        assert f"--favor {favor} thresholds {manifest['favor_thresholds'][favor]}" in result.output
