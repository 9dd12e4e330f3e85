"""Batch throughput: pages per second on one core and on two, peak memory per worker, and a
synthetic crawl of many pages written as WARC.gz, all through ``winnow.models.predict``.

The crawl is made here from the project's own sample pages (``data/sample/pages``): each
record is a sample page with a unique URL, so nothing from the shared datasets is copied.
Every measurement runs in a fresh Python process, so peak memory (``ru_maxrss``) is that run's
own, and all runs of one invocation share the machine at the same time of day: compare the
ratios, not the absolute figures across machines.

    python bench/throughput.py --model models/default --pages 2000 --crawl-pages 100000
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.report import publish  # noqa: E402

SAMPLE_PAGES = ROOT / "data" / "sample" / "pages"


def sample_pages() -> list[tuple[str, bytes]]:
    """(url, html bytes) of every HTML page of the sample corpus, in a fixed order."""
    pages = []
    for path in sorted(SAMPLE_PAGES.rglob("*")):
        name = path.name.lower()
        if name.endswith(".html"):
            data = path.read_bytes()
        elif name.endswith(".html.gz"):
            data = gzip.decompress(path.read_bytes())
        else:
            continue
        pages.append((f"https://{path.parent.name}/{path.stem}", data))
    return pages


def warc_record(url: str, html: bytes, record_id: str) -> bytes:
    """One WARC/1.1 response record holding an HTTP 200 HTML response."""
    http = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        + f"Content-Length: {len(html)}\r\n\r\n".encode()
        + html
    )
    head = (
        "WARC/1.1\r\nWARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:{record_id}>\r\n"
        "WARC-Date: 2026-01-01T00:00:00Z\r\n"
        f"WARC-Target-URI: {url}\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def write_crawl(folder: Path, n_pages: int, per_file: int = 10_000) -> list[Path]:
    """``n_pages`` HTML responses cycled from the sample pages, in WARC.gz files of
    ``per_file`` records (one gzip member per record, as crawlers write them)."""
    pages = sample_pages()
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for start in range(0, n_pages, per_file):
        path = folder / f"crawl-{start // per_file:05d}.warc.gz"
        with open(path, "wb") as fh:
            for i in range(start, min(n_pages, start + per_file)):
                url, html = pages[i % len(pages)]
                record = warc_record(f"{url}?copy={i}", html, str(uuid.UUID(int=i)))
                fh.write(gzip.compress(record, compresslevel=1, mtime=0))
        files.append(path)
    return files


_CHILD = r"""
import json, resource, sys, time
from winnow.models.predict import PredictOptions, predict
args = json.loads(sys.argv[1])
start, cpu = time.perf_counter(), time.process_time()
summary = predict(args["inputs"], args["out"], args["model"],
                  PredictOptions(workers=args["workers"], shard_size=args["shard_size"]))
wall = time.perf_counter() - start
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"pages": summary.pages, "failed": summary.failed, "wall": wall,
                  "cpu": time.process_time() - cpu, "rss_mb": own / 1024,
                  "worker_rss_mb": (children if args["workers"] > 1 else own) / 1024}))
"""


def run_predict(inputs: list[Path], out: Path, model: str, workers: int, shard_size: int) -> dict:
    """``predict`` in a fresh process; its wall time and peak memory (the busiest worker's)."""
    args = {
        "inputs": [str(p) for p in inputs],
        "out": str(out),
        "model": model,
        "workers": workers,
        "shard_size": shard_size,
    }
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, json.dumps(args)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["pages_per_second"] = result["pages"] / result["wall"] if result["wall"] else 0.0
    return result


def trafilatura_speed(pages: list[tuple[str, bytes]], n: int) -> dict:
    """trafilatura's default extraction over the same kind of pages, on one core."""
    try:
        import trafilatura
    except ImportError:
        return {}
    htmls = [pages[i % len(pages)][1].decode("utf-8", "replace") for i in range(n)]
    start = time.perf_counter()
    for html in htmls:
        trafilatura.extract(html)
    wall = time.perf_counter() - start
    return {"pages": n, "wall": wall, "pages_per_second": n / wall}


def run(args) -> tuple[str, dict]:
    results: dict = {"command": " ".join(sys.argv)}
    with tempfile.TemporaryDirectory(prefix="winnow-throughput-") as tmp:
        tmp = Path(tmp)
        small = write_crawl(tmp / "small", args.pages)
        results["one_worker"] = run_predict(small, tmp / "one", args.model, 1, args.shard_size)
        results["two_workers"] = run_predict(small, tmp / "two", args.model, 2, args.shard_size)
        half = write_crawl(tmp / "half", max(1, args.pages // 2))
        results["half_input"] = run_predict(half, tmp / "half-out", args.model, 1, args.shard_size)
        results["trafilatura"] = trafilatura_speed(sample_pages(), min(args.pages, 1000))
        if args.crawl_pages:
            crawl = write_crawl(tmp / "crawl", args.crawl_pages)
            results["crawl"] = run_predict(
                crawl, tmp / "crawl-out", args.model, args.crawl_workers, args.shard_size
            )
            results["crawl"]["workers"] = args.crawl_workers
    return table(results, args), results


def table(r: dict, args) -> str:
    one, two, half, traf = r["one_worker"], r["two_workers"], r["half_input"], r["trafilatura"]
    lines = [
        "### Batch throughput",
        "",
        f"Synthetic WARC.gz crawl cycled from the sample pages; model `{args.model}`; shards "
        f"of {args.shard_size} pages. Command: `{r['command']}`.",
        "",
        "| run | pages | wall s | pages/s | peak memory per worker (MB) |",
        "|---|---|---|---|---|",
        f"| winnow, 1 worker | {one['pages']} | {one['wall']:.1f} | "
        f"{one['pages_per_second']:.1f} | {one['worker_rss_mb']:.0f} |",
        f"| winnow, 1 worker, half the input | {half['pages']} | {half['wall']:.1f} | "
        f"{half['pages_per_second']:.1f} | {half['worker_rss_mb']:.0f} |",
        f"| winnow, 2 workers | {two['pages']} | {two['wall']:.1f} | "
        f"{two['pages_per_second']:.1f} | {two['worker_rss_mb']:.0f} |",
    ]
    if traf:
        lines.append(
            f"| trafilatura.extract, 1 core | {traf['pages']} | {traf['wall']:.1f} | "
            f"{traf['pages_per_second']:.1f} | |"
        )
    if "crawl" in r:
        c = r["crawl"]
        lines.append(
            f"| **crawl**, winnow, {c['workers']} workers | {c['pages']} | {c['wall']:.1f} | "
            f"{c['pages_per_second']:.1f} | {c['worker_rss_mb']:.0f} |"
        )
    lines += [
        "",
        f"Two workers over one: **{two['pages_per_second'] / one['pages_per_second']:.2f}x** "
        "(target 1.8x). Peak memory, full input over half: "
        f"{one['worker_rss_mb'] / half['worker_rss_mb']:.2f}x (flat is 1.0).",
    ]
    if traf:
        lines.append(
            "winnow over trafilatura, one core each: "
            f"**{one['pages_per_second'] / traf['pages_per_second']:.2f}x** (target 10x)."
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default=str(ROOT / "models" / "default"))
    parser.add_argument("--pages", type=int, default=2000, help="pages of the speed runs")
    parser.add_argument("--crawl-pages", type=int, default=0, help="pages of the crawl line")
    parser.add_argument("--crawl-workers", type=int, default=2)
    parser.add_argument("--shard-size", type=int, default=1000)
    parser.add_argument("--out", help="also write the Markdown table here (and .json beside)")
    args = parser.parse_args()
    publish(*run(args), args.out)


if __name__ == "__main__":
    main()
