"""The README's quick start, run as written (after `make install`, which `make test` did)."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()


def quick_start_blocks() -> list[tuple[str, str]]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```(sh|python)\n(.*?)```", section, flags=re.S)


def test_the_quick_start_has_the_three_things_a_new_user_does():
    blocks = quick_start_blocks()
    assert [lang for lang, _ in blocks] == ["sh", "python", "sh"]
    assert "winnow predict" in blocks[0][1]
    assert "winnow.clean(" in blocks[1][1]
    assert "gold_text" in blocks[2][1] and "winnow train" in blocks[2][1]


def test_the_quick_start_runs(tmp_path):
    (tmp_path / "data").symlink_to(ROOT / "data")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    for lang, code in quick_start_blocks():
        if lang == "sh":
            # Setting up is what `make test` already did; the rest runs as written.
            code = "\n".join(line for line in code.splitlines() if "make install" not in line)
            command = ["bash", "-euo", "pipefail", "-c", code]
        else:
            command = [sys.executable, "-c", code]
        done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
        assert done.returncode == 0, f"{code}\n{done.stdout}\n{done.stderr}"
        if lang == "python":
            assert "council approved the harbour wall" in done.stdout
    assert (tmp_path / "cleaned.jsonl").stat().st_size > 0
    assert (tmp_path / "runs" / "mine" / "manifest.json").is_file()
    assert (tmp_path / "runs" / "mine" / "evaluation" / "test" / "report.html").is_file()
    assert (tmp_path / "mine.jsonl.gz").stat().st_size > 0
