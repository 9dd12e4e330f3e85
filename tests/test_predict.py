"""Batch prediction: shards that resume, workers and Dask giving the same output, limits."""

import gzip
import json
import time
from pathlib import Path

import pytest

from winnow.features.page import Page
from winnow.models.cleaner import segment_or_error
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
    # Another favor keeps other paragraphs: its shards are not this run's.
    with pytest.raises(ValueError, match=r"\(favor differ\)"):
        predict(OUTLETS[:1], out, trained_run, PredictOptions(shard_size=5, favor="precision"))


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


def test_a_page_past_its_time_gets_a_limit_record_and_the_batch_goes_on():
    big = "<html><body>" + "<div><p>Some words of a paragraph here.</p></div>" * 20_000 + "</body>"
    pages = [Page(id="big", html=big), Page(id="ok", html="<p>A short page of text.</p>")]
    slow, fine = (
        segment_or_error(pages[0], max_seconds=0.001),
        segment_or_error(pages[1], max_seconds=0.001),
    )
    assert slow == ([], "limit: segmenting the page took over 0.001 s")
    assert fine[1] is None and fine[0][0].text == "A short page of text."
    assert segment_or_error(pages[0])[1] is None  # no limit


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
        "from winnow.cli import main; main()",
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
    # Pages of a folder share its outlet within a shard: the reference is cut the same way.
    predict(OUTLETS, tmp_path / "ref.jsonl", trained_run, PredictOptions(shard_size=2))
    assert comparable(records) == comparable(read_records(tmp_path / "ref.jsonl"))
    assert len({r["id"] for r in records}) == len(records)


# --- --favor precision | recall ------------------------------------------------------------

UNSEEN = ROOT / "data" / "sample" / "unseen" / "pages"


def test_favor_thresholds_are_ordered_and_recorded_with_their_validation_figures(trained_run):
    manifest = json.loads((trained_run / "manifest.json").read_text())
    balanced, favors = manifest["thresholds"], manifest["favor_thresholds"]
    assert set(favors) == {"precision", "recall"}
    for kind, cut in balanced.items():
        assert favors["precision"][kind] >= cut >= favors["recall"][kind], kind
        recorded = manifest["training"]["passes"][kind]["favors"]
        assert recorded["balanced"]["threshold"] == cut
        for favor in ("precision", "recall"):
            assert recorded[favor]["threshold"] == favors[favor][kind]
        for figures in recorded.values():
            assert all(0 <= figures[m] <= 1 for m in ("precision", "recall", "f1"))
    # The sample gives a favor somewhere to go, so the tests below compare something. Which
    # one moves is the sample model's, and it differs from one CPU to another: on some, the
    # balanced html cut is already where recall's F2 peaks.
    assert any(
        favors["precision"][k] > balanced[k] or favors["recall"][k] < balanced[k] for k in balanced
    )


def test_a_favor_is_clipped_to_the_balanced_cut_when_its_curve_crosses_it():
    import numpy as np

    from winnow.train.fit import FAVOR_GRID, _favor_cuts

    cuts = len(FAVOR_GRID)
    # One page whose recall falls as the cut rises while precision stays: F0.5 is best at the
    # lowest cut, below the balanced one, so precision is clipped up to it.
    falling = np.linspace(1.0, 0.5, cuts)
    flat = np.full(cuts, 0.9)
    prf = np.stack([flat, falling, 2 * flat * falling / (flat + falling)])[:, :, None]
    chosen = _favor_cuts(prf, 0.5)
    assert chosen["balanced"]["threshold"] == 0.5
    assert chosen["precision"]["threshold"] == 0.5 and chosen["precision"]["clipped"]
    assert chosen["recall"]["threshold"] == FAVOR_GRID[0] and not chosen["recall"]["clipped"]
    # Precision rising as the cut rises at full recall: F2 is best at the highest cut, above
    # the balanced one, so recall is clipped down to it.
    rising = np.linspace(0.5, 1.0, cuts)
    prf = np.stack([rising, np.ones(cuts), 2 * rising / (rising + 1)])[:, :, None]
    chosen = _favor_cuts(prf, 0.5)
    assert chosen["recall"]["threshold"] == 0.5 and chosen["recall"]["clipped"]
    assert chosen["precision"]["threshold"] == FAVOR_GRID[-1]
    assert chosen["precision"]["precision"] == 1.0


@pytest.fixture(scope="module")
def by_favor(tmp_path_factory, trained_run) -> dict[str, list[dict]]:
    from winnow.models.cleaner import FAVORS

    records = {}
    for favor in FAVORS:
        out = tmp_path_factory.mktemp(favor) / "out.jsonl"
        predict([UNSEEN, *OUTLETS], out, trained_run, PredictOptions(favor=favor))
        records[favor] = read_records(out)
    return records


def test_favor_precision_keeps_no_more_paragraphs_and_recall_no_fewer(by_favor):
    def kept(record):
        return {i for i, p in enumerate(record["paragraphs"]) if p["label"] == "content"}

    totals = {"precision": 0, "balanced": 0, "recall": 0}
    pages = zip(by_favor["precision"], by_favor["balanced"], by_favor["recall"], strict=True)
    for precise, balanced, recall in pages:
        assert precise["id"] == balanced["id"] == recall["id"]
        assert precise["error"] is balanced["error"] is recall["error"] is None
        # The same paragraphs with the same scores: only the cut moves.
        scores = [[(p["text"], p["score"]) for p in r["paragraphs"]] for r in (precise, recall)]
        assert scores[0] == scores[1] == [(p["text"], p["score"]) for p in balanced["paragraphs"]]
        assert kept(precise) <= kept(balanced) <= kept(recall), balanced["id"]
        totals["precision"] += len(kept(precise))
        totals["balanced"] += len(kept(balanced))
        totals["recall"] += len(kept(recall))
    assert totals["precision"] < totals["balanced"] or totals["recall"] > totals["balanced"]
