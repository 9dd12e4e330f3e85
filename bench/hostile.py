"""Peak memory and wall time of ``winnow predict`` on hostile input: a batch of a few dozen
good pages among pages made to hurt (a 10 MB single paragraph, 100,000-deep nesting, a gzip
bomb, binary, truncated and mis-declared files...), then each hostile page alone beside the
good ones, so that a line says which page costs the memory.

Every run is ``winnow predict`` in a fresh process (one worker); its peak memory is the
child's own ``ru_maxrss``. The pages are generated here, and the good ones are the project's
sample pages (``data/sample/pages``), so nothing needs the shared datasets.

    python bench/hostile.py --model models/default --model runs/sample --out bench/results/hostile.md
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.report import publish  # noqa: E402

SAMPLE_PAGES = ROOT / "data" / "sample" / "pages"
MB = 1024 * 1024
_WORDS = b"the council approved the new harbour wall on monday after a long debate "


def _words(size: int) -> bytes:
    """``size`` bytes of plain words, with no sentence end and no markup."""
    return (_WORDS * (size // len(_WORDS) + 1))[:size]


def write_hostile(folder: Path) -> list[str]:
    """The hostile pages, one file each, in ``folder``; their names, in a fixed order."""
    folder.mkdir(parents=True, exist_ok=True)
    pages = {
        "long-paragraph.html": b"<html><body><p>" + _words(10 * MB) + b"</p></body></html>",
        "long-line.txt": _words(10 * MB) + b"\n",
        "many-paragraphs.html": b"<html><body>"
        + b"<p>A short paragraph of a page that has far too many of them.</p>" * 280_000
        + b"</body></html>",
        "deep.html": b"<div>" * 100_000 + b"Deep." + b"</div>" * 100_000,
        "huge.html": b"<p>" + b"x" * (50 * MB) + b"</p>",
        "image.html": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40,
        "nul.html": b"<p>text\x00with NUL bytes</p>" * 50,
        "lying-charset.html": b'<meta charset="utf-8"><p>caf\xe9 cr\xe8me, declared UTF-8</p>',
        "empty.html": b"",
        "truncated.html.gz": gzip.compress(b"<p>" + _words(4000) + b"</p>")[:40],
        "one-line.txt": b"word " * 400_000,
        "broken.jsonl": b'{"id": "j1", "html": 5}\nnot json\n{"id": "j2"}\n',
    }
    for name, data in pages.items():
        (folder / name).write_bytes(data)
    with gzip.open(folder / "bomb.html.gz", "wb", compresslevel=9) as fh:  # 1 GB unpacked
        chunk = b"\0" * MB
        for _ in range(1024):
            fh.write(chunk)
    (folder / "gone.html").symlink_to(folder / "nowhere.html")
    return sorted([*pages, "bomb.html.gz", "gone.html"])


def write_good(folder: Path, n: int) -> int:
    """The first ``n`` HTML pages of the sample corpus, copied into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in SAMPLE_PAGES.rglob("*") if p.name.endswith((".html", ".html.gz")))
    for i, path in enumerate(files[:n]):
        shutil.copy(path, folder / f"good-{i:03d}-{path.name}")
    return min(n, len(files))


def run_predict(folder: Path, model: str, out: Path) -> dict:
    """``winnow predict folder`` in a fresh process: its wall time, peak memory and the error
    kinds of its records."""
    winnow = Path(sys.executable).with_name("winnow")
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    cmd = [str(winnow), "predict", str(folder), "--model", model, "--out", str(out), "--quiet"]
    cmd.append("--overwrite")  # each model writes over the one before it
    start = time.perf_counter()
    with open(out.with_suffix(".log"), "wb") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1, 3):
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: see {log.name}")
    records = [json.loads(line) for line in out.read_text().splitlines()]
    errors = Counter((r["error"] or "ok").split(":", 1)[0] for r in records)
    return {
        "pages": len(records),
        "errors": dict(errors),
        "by_id": {r["id"]: r["error"] for r in records},
        "wall": wall,
        "rss_mb": usage.ru_maxrss / 1024,
        "exit": proc.returncode,
    }


def run(args) -> tuple[str, dict]:
    results: dict = {"command": shlex.join(["bench/hostile.py", *sys.argv[1:]]), "models": {}}
    if args.before:
        results["before"] = json.loads(Path(args.before).read_text())
        results["before"]["label"] = args.before_label or args.before
    with tempfile.TemporaryDirectory(prefix="winnow-hostile-") as tmp:
        tmp = Path(tmp)
        batch = tmp / "batch"
        results["good_pages"] = write_good(batch, args.good)
        names = write_hostile(tmp / "hostile")
        for name in names:
            os.rename(tmp / "hostile" / name, batch / name)
        # The same good pages with each hostile page alone.
        lone = {}
        for name in names:
            lone[name] = tmp / f"alone-{name}"
            write_good(lone[name], args.good)
            os.symlink(batch / name, lone[name] / name)
        (tmp / "good").mkdir()
        write_good(tmp / "good", args.good)
        for model in args.model:
            runs = {"good pages only": run_predict(tmp / "good", model, tmp / "good.jsonl")}
            runs["hostile batch"] = run_predict(batch, model, tmp / "batch.jsonl")
            for name in names if not args.batch_only else []:
                runs[name] = run_predict(lone[name], model, tmp / f"{name}.jsonl")
                runs[name]["error"] = runs[name]["by_id"].get(name, "(several records)")
            for r in runs.values():
                r.pop("by_id")
            results["models"][model] = runs
    return table(results, args), results


def _kind(error: str | None) -> str:
    return "ok" if not error else error.split(":", 1)[0]


def table(r: dict, args) -> str:
    models = list(r["models"])
    before = r.get("before", {}).get("models", {})
    columns = [(m, "before MB") for m in models if m in before]
    head = " | ".join(
        (f"`{m}` before MB | " if m in before else "") + f"`{m}` peak MB | wall s" for m in models
    )
    lines = [
        "### Hostile input: peak memory per worker",
        "",
        f"`winnow predict` in a fresh process, one worker, default limits; {r['good_pages']} "
        f"good sample pages in every run. Command: `{r['command']}`.",
        "",
        f"| input | record | {head} |",
        "|---|---|" + "---|---|" * len(models) + "---|" * len(columns),
    ]
    for name in r["models"][models[0]]:
        first = r["models"][models[0]][name]
        if "error" in first:
            record = _kind(first["error"])
            was = before.get(models[0], {}).get(name, {}).get("error", first["error"])
            if _kind(was) != record:
                record += f" (before: {_kind(was)})"
        else:
            record = ", ".join(f"{k} {v}" for k, v in sorted(first["errors"].items()))
        cells = []
        for m in models:
            if m in before:
                cells.append(_mb(before[m].get(name)))
            cells += [_mb(r["models"][m][name]), f"{r['models'][m][name]['wall']:.1f}"]
        label = f"**{name}**" if name == "hostile batch" else name
        lines.append(f"| {label} | {record} | {' | '.join(cells)} |")
    lines += ["", f"Highest peak: {_peaks(r['models'])}."]
    if before:
        lines.append(
            f"Before ({r['before']['label']}, command `{r['before']['command']}`): "
            f"{_peaks(before)}."
        )
    return "\n".join(lines) + "\n"


def _peaks(models: dict) -> str:
    return "; ".join(
        f"`{m}` {max(x['rss_mb'] for x in runs.values()):.0f} MB" for m, runs in models.items()
    )


def _mb(run: dict | None) -> str:
    return f"{run['rss_mb']:.0f}" if run else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--model", action="append", help="artifact folder (repeatable; default models/default)"
    )
    parser.add_argument("--good", type=int, default=40, help="good sample pages in each run")
    parser.add_argument("--batch-only", action="store_true", help="skip the one-page runs")
    parser.add_argument("--out", help="also write the Markdown table here (and .json beside)")
    parser.add_argument("--before", help="an earlier run's .json, shown beside as 'before MB'")
    parser.add_argument("--before-label", help="what the earlier run was (a commit, say)")
    args = parser.parse_args()
    args.model = args.model or [str(ROOT / "models" / "default")]
    publish(*run(args), args.out)


if __name__ == "__main__":
    main()
