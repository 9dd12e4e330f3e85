"""Batch prediction: shards that resume, workers and Dask giving the same output, limits."""

import gzip
import json
import time
from pathlib import Path

import pytest

from winnow.models.limits import PageLimitError, time_limit
from winnow.models.predict import PredictOptions, predict

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "data" / "sample" / "pages"
OUTLETS = sorted(p for p in PAGES.iterdir() if p.is_dir())[:3]


def read_records(path: Path) -> list[dict]:
    if path.is_dir():
        return [r for shard in sorted(path.glob("part-*.jsonl.gz")) for r in read_records(shard)]
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def comparable(records: list[dict]) -> list[tuple]:
    return [(r["id"], r["text"], r["topic"], r["topic_score"], r["error"]) for r in records]


@pytest.fixture(scope="module")
def one_file(tmp_path_factory, trained_run) -> list[dict]:
    out = tmp_path_factory.mktemp("one") / "all.jsonl"
    # Pages are compared with the other pages of their shard: one file of shards of 7 is the
    # reference every other way of running the same pages must match.
    summary = predict(OUTLETS, out, trained_run, PredictOptions(shard_size=7))
    assert summary.exit_code() == 0
    return read_records(out)


def test_a_folder_out_is_shards_holding_every_page_once_in_order(tmp_path, trained_run, one_file):
    out = tmp_path / "shards"
    summary = predict(OUTLETS, out, trained_run, PredictOptions(shard_size=7))
    shards = sorted(out.glob("part-*.jsonl.gz"))
    assert len(shards) == -(-len(one_file) // 7)
    assert summary.shards_written == len(shards) and summary.pages == len(one_file)
    assert comparable(read_records(out)) == comparable(one_file)
    assert not list(out.glob(".*.tmp"))


def test_a_rerun_skips_finished_shards_and_redoes_the_rest(tmp_path, trained_run, one_file):
    out = tmp_path / "shards"
    options = PredictOptions(shard_size=7)
    predict(OUTLETS, out, trained_run, options)
    shards = sorted(out.glob("part-*.jsonl.gz"))
    before = {p: p.stat().st_mtime_ns for p in shards}
    # A run killed mid-way: the last shards never got renamed into place, a temp file remains.
    shards[-1].unlink()
    shards[-2].unlink()
    (out / f".{shards[-1].name}.tmp").write_bytes(b"half a shard")

    summary = predict(OUTLETS, out, trained_run, options)
    assert summary.shards_resumed == len(shards) - 2
    assert summary.shards_written == 2
    assert summary.pages == len(one_file)  # counts of resumed shards included
    assert all(p.stat().st_mtime_ns == before[p] for p in shards[:-2])
    assert comparable(read_records(out)) == comparable(one_file)
    assert not list(out.glob(".*.tmp"))


def test_a_folder_holding_another_runs_shards_is_refused(tmp_path, trained_run):
    out = tmp_path / "shards"
    predict(OUTLETS[:1], out, trained_run, PredictOptions(shard_size=5))
    with pytest.raises(ValueError, match="shard_size"):
        predict(OUTLETS[:1], out, trained_run, PredictOptions(shard_size=6))
    with pytest.raises(ValueError, match="inputs"):
        predict(OUTLETS[1:2], out, trained_run, PredictOptions(shard_size=5))


def test_an_out_name_with_an_unknown_suffix_is_refused(tmp_path, trained_run):
    with pytest.raises(ValueError, match="--out must end in"):
        predict(OUTLETS[:1], tmp_path / "x.csv", trained_run)


def test_two_worker_processes_give_the_same_output(tmp_path, trained_run, one_file):
    out = tmp_path / "two.jsonl"
    predict(OUTLETS, out, trained_run, PredictOptions(workers=2, batch_size=4, shard_size=7))
    assert comparable(read_records(out)) == comparable(one_file)


def test_a_dask_cluster_gives_the_same_output_page_for_page(tmp_path, trained_run, one_file):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        out = tmp_path / "dask"
        options = PredictOptions(executor="dask", scheduler=cluster.scheduler_address, shard_size=7)
        summary = predict(OUTLETS, out, trained_run, options)
    assert summary.pages == len(one_file)
    assert comparable(read_records(out)) == comparable(one_file)


def test_globs_read_matching_files_in_sorted_order(tmp_path, trained_run):
    out = tmp_path / "glob.jsonl"
    predict([str(OUTLETS[0] / "*.html")], out, trained_run)
    ids = [r["id"] for r in read_records(out)]
    expected = sorted(str(p) for p in OUTLETS[0].glob("*.html"))
    assert ids == expected
    with pytest.raises(FileNotFoundError, match="no file matches"):
        predict([str(tmp_path / "*.warc.gz")], tmp_path / "none.jsonl", trained_run)


def test_pages_over_a_limit_get_an_error_and_the_run_goes_on(tmp_path, trained_run):
    pages = tmp_path / "pages.jsonl"
    big = "<p>" + "word " * 5000 + "</p>"
    many = "".join(f"<p>Paragraph number {i} of a very long page.</p>" for i in range(60))
    ok = (
        "<article><p>"
        + "A normal article sentence about the council budget. " * 8
        + "</p></article>"
    )
    rows = [{"id": "big", "html": big}, {"id": "many", "html": many}, {"id": "ok", "html": ok}]
    pages.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "out.jsonl"
    summary = predict(
        [pages], out, trained_run, PredictOptions(max_bytes=20_000, max_paragraphs=50)
    )
    records = {r["id"]: r for r in read_records(out)}
    assert records[f"{pages}:1"]["error"].startswith("too_large")  # a line too long to parse
    assert records["many"]["error"].startswith("limit: 60 paragraphs")
    assert records["ok"]["error"] is None
    assert summary.failed == 2 and summary.exit_code() == 1
    assert summary.errors == {"too_large": 1, "limit": 1}


def test_time_limit_interrupts_a_slow_block():
    start = time.perf_counter()
    with pytest.raises(PageLimitError, match="took over 0.05 s"):
        with time_limit(0.05, "parsing"):
            while time.perf_counter() - start < 5:
                pass
    assert time.perf_counter() - start < 2
    with time_limit(0):  # no limit
        pass


def test_nearly_all_pages_failing_is_exit_code_3(tmp_path, trained_run):
    pages = tmp_path / "bad.jsonl"
    pages.write_text("not json\n" * 10)
    summary = predict([pages], tmp_path / "o.jsonl", trained_run)
    assert summary.failed == 10 and summary.exit_code() == 3


def test_a_run_killed_with_sigkill_resumes_with_every_page_exactly_once(
    tmp_path, trained_run, one_file
):
    import signal
    import subprocess
    import sys

    out = tmp_path / "killed"
    command = [
        sys.executable,
        "-c",
        "from winnow.train.cli import main; main()",
        "predict",
        *map(str, OUTLETS),
        "--out",
        str(out),
        "--model",
        str(trained_run),
        "--shard-size",
        "2",
        "--quiet",
    ]
    process = subprocess.Popen(command)
    deadline = time.monotonic() + 120
    while not list(out.glob("part-*")) and time.monotonic() < deadline:
        if process.poll() is not None:
            break
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    written = len(list(out.glob("part-*.jsonl.gz")))
    assert written < -(-len(one_file) // 2), "the run finished before it could be killed"

    rerun = subprocess.run(command, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    records = read_records(out)
    assert comparable(records) == comparable(one_file)
    assert len({r["id"] for r in records}) == len(records)
