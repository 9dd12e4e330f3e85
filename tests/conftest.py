"""Shared fixtures: the bundled sample corpus, a dataset built from it and a model trained on it.

Building and training take seconds, so they happen once per session.
"""

from __future__ import annotations

import os
from pathlib import Path

# Tests never download: Hugging Face loaders work from local files only.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def sample_manifest() -> Path:
    return SAMPLE / "manifest.jsonl"


@pytest.fixture(scope="session")
def built_sample(tmp_path_factory, sample_manifest) -> Path:
    from winnow.train.dataset import build_dataset
    from winnow.train.options import BuildOptions

    out = tmp_path_factory.mktemp("datasets") / "sample"
    build_dataset([sample_manifest], out, BuildOptions(seed=0))
    return out


@pytest.fixture(scope="session")
def trained_run(tmp_path_factory, built_sample) -> Path:
    from winnow.train.fit import train_run
    from winnow.train.options import TrainOptions

    out = tmp_path_factory.mktemp("runs") / "sample"
    train_run(built_sample, out, TrainOptions(seed=0))
    return out


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real datasets not present at {SHARED_DATA}")
    return SHARED_DATA
