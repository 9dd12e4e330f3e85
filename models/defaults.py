"""Where the models that ship with winnow live."""

from __future__ import annotations

from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parent / "default"


def default_model_path() -> Path:
    """The shipped artifact; ``FileNotFoundError`` when this install has none."""
    if not (DEFAULT_DIR / "manifest.json").is_file():
        raise FileNotFoundError(
            "this install ships no default model yet; pass --model RUN (see `winnow train`)"
        )
    return DEFAULT_DIR
