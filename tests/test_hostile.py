"""Hostile pages in one batch: each bad record gets an error naming its kind, the good page
comes through, and the run ends with exit code 1 (some failed)."""

import gzip
import json
import time
from pathlib import Path

import pytest

from winnow.features.segment import MAX_NESTING, MarkupTooDeep, markup_depth, segment_html
from winnow.models.predict import PredictOptions, predict

GOOD = (
    "<html><body><article><h1>Council approves the new harbour wall</h1>"
    + "<p>The council approved the new harbour wall on Monday after a long debate.</p>" * 5
    + "</article></body></html>"
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    """A crawl folder of bad pages beside one good one, all generated here."""
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "good.html").write_text(GOOD)
    (folder / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    (folder / "nul.html").write_bytes(b"<p>text\x00with NUL bytes</p>" * 50)
    (folder / "lying-charset.html").write_bytes(
        b'<meta charset="utf-8"><p>caf\xe9 cr\xe8me, declared UTF-8 but Latin-1</p>'
    )
    (folder / "empty.html").write_bytes(b"")
    with open(folder / "huge.html", "wb") as fh:  # 50 MB, over the 20 MB default
        fh.write(b"<p>" + b"x" * (50 * 1024 * 1024) + b"</p>")
    with gzip.open(folder / "bomb.html.gz", "wb", compresslevel=9) as fh:  # 1 GB unpacked
        for _ in range(1024):
            fh.write(b"\0" * (1024 * 1024))
    (folder / "truncated.html.gz").write_bytes(gzip.compress(GOOD.encode())[:40])
    (folder / "deep.html").write_text("<div>" * 100_000 + "Deep." + "</div>" * 100_000)
    (folder / "one-line.txt").write_text("word " * 400_000)  # 2 MB on a single line
    (folder / "broken.jsonl").write_text('{"id": "j1", "html": 5}\nnot json\n{"id": "j2"}\n')
    (folder / "gone.html").symlink_to(folder / "nowhere.html")  # listed, cannot be read
    return folder


def test_a_hostile_batch_gives_an_error_per_bad_page_and_goes_on(hostile, trained_run, tmp_path):
    out = tmp_path / "out.jsonl"
    start = time.perf_counter()
    summary = predict([hostile], out, trained_run, PredictOptions(max_seconds=20))
    elapsed = time.perf_counter() - start
    records = {r["id"]: r for r in map(json.loads, out.read_text().splitlines())}
    errors = {k: (r["error"] or "").split(":", 1)[0] for k, r in records.items()}

    assert records["good.html"]["error"] is None and records["good.html"]["text"]
    assert errors["image.html"] == "binary"
    assert errors["nul.html"] == "binary"
    assert errors["lying-charset.html"] == "encoding"
    assert errors["empty.html"] == "empty"
    assert errors["huge.html"] == "too_large"
    assert errors["bomb.html.gz"] == "too_large"
    assert errors["truncated.html.gz"] == "gzip"
    assert errors["deep.html"] == "limit"
    assert errors["gone.html"] == "io"
    assert errors["j1"] == "schema" and errors["j2"] == "schema"
    assert errors[f"{hostile / 'broken.jsonl'}:2"] == "json"
    # The single 2 MB line is read; it either cleans or hits the paragraph limit, never crashes.
    assert errors["one-line.txt"] in ("", "limit")
    assert summary.exit_code() == 1
    assert summary.pages == len(records)
    assert elapsed < 120  # no page stalls the batch (generous: the machine is shared)


def test_an_empty_folder_is_an_empty_run_not_an_error(tmp_path, trained_run):
    (tmp_path / "crawl").mkdir()
    summary = predict([tmp_path / "crawl"], tmp_path / "out.jsonl", trained_run)
    assert summary.pages == 0 and summary.exit_code() == 0
    assert (tmp_path / "out.jsonl").read_text() == ""


def test_deep_markup_is_refused_before_parsing():
    html = "<div>" * 100_000 + "Deep." + "</div>" * 100_000
    start = time.perf_counter()
    with pytest.raises(MarkupTooDeep):
        segment_html(html)
    assert time.perf_counter() - start < 1.0
    assert markup_depth("<div><p>a<br><img src=x></p><span/></div>") == 2
    assert markup_depth("</div></div><b>x</b>") == 1
    # Deep but under the limit still parses.
    ok = "<div>" * (MAX_NESTING // 2) + "Inside." + "</div>" * (MAX_NESTING // 2)
    assert [p.text for p in segment_html(ok)] == ["Inside."]


def test_the_hostile_batch_runs_in_bounded_memory(hostile, trained_run, tmp_path):
    """Peak memory of a fresh process running the batch: the 50 MB page and the 1 GB bomb are
    read only up to the 20 MB limit, so the peak stays near the model's own footprint."""
    import subprocess
    import sys

    script = (
        "import json, resource, sys\n"
        "from winnow.models.predict import predict\n"
        "predict([sys.argv[1]], sys.argv[2], sys.argv[3])\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(hostile), str(tmp_path / "o.jsonl"), str(trained_run)],
        capture_output=True,
        text=True,
        check=True,
    )
    peak_mb = int(done.stdout.split()[-1]) / 1024
    assert peak_mb < 800, f"peak memory {peak_mb:.0f} MB"
