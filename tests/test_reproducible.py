"""The same dataset and seed give the same model; a killed training run leaves nothing half
written."""

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

from winnow.features.readers import read_pages
from winnow.models.artifact import load_artifact
from winnow.train.fit import train_run
from winnow.train.options import TrainOptions

UNSEEN = Path(__file__).resolve().parents[1] / "data" / "sample" / "unseen" / "pages"


def test_same_dataset_and_seed_give_identical_metrics_and_predictions(
    tmp_path, built_sample, trained_run
):
    again, metrics = train_run(built_sample, tmp_path / "again", TrainOptions(seed=0))
    assert metrics == json.loads((trained_run / "metrics.json").read_text())
    pages = list(read_pages([UNSEEN]))
    first = list(load_artifact(trained_run).predict(pages))
    second = list(load_artifact(again).predict(pages))
    assert first == second


def test_a_training_run_killed_mid_way_leaves_no_artifact(tmp_path, built_sample):
    out = tmp_path / "run"
    command = [
        sys.executable,
        "-c",
        "from winnow.cli import main; main()",
        "train",
        str(built_sample),
        "--out",
        str(out),
        "--quiet",
    ]
    process = subprocess.Popen(command)
    deadline = time.monotonic() + 120
    # The artifact is built in a temporary folder beside OUT: kill once it holds a file.
    while time.monotonic() < deadline and process.poll() is None:
        if any(p.is_file() for d in tmp_path.glob(".run.*.tmp") for p in d.iterdir()):
            break
        time.sleep(0.01)
    assert process.poll() is None, "training finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert not out.exists()
