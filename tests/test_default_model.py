"""The models shipped in models/default: they verify, and they clean pages from outlets that
appear nowhere in their training data (the sample corpus's unseen outlets)."""

import json

from conftest import SAMPLE

from winnow.features.readers import read_pages
from winnow.models import load_artifact, verify_artifact
from winnow.models.defaults import default_model_path
from winnow.train.metrics import token_prf


def test_default_model_verifies_and_is_small():
    path = default_model_path()
    check = verify_artifact(path)
    assert check.ok, check.problems
    size = sum(p.stat().st_size for p in path.iterdir())
    assert size < 25_000_000
    assert set(check.manifest["labels"]["topic"]) >= {
        "world",
        "politics",
        "business",
        "sport",
        "science_technology",
        "entertainment",
    }


def test_default_model_keeps_the_article_and_drops_the_chaff_on_unseen_outlets():
    manifest = [json.loads(line) for line in (SAMPLE / "unseen" / "manifest.jsonl").open()]
    gold = {row["id"]: row["gold_text"] for row in manifest}
    cleaner = load_artifact(default_model_path())
    pages = list(read_pages([SAMPLE / "unseen" / "manifest.jsonl"]))
    records = list(cleaner.predict(pages))
    cleaned = [token_prf(r["text"], gold[r["id"]])[2] for r in records]
    everything = [
        token_prf(" ".join(p["text"] for p in r["paragraphs"]), gold[r["id"]])[2] for r in records
    ]
    assert all(r["error"] is None for r in records)
    assert sum(cleaned) / len(cleaned) > sum(everything) / len(everything) + 0.05
    assert min(cleaned) > 0.5
