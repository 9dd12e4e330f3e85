"""On a small slice of the real datasets in ../shared/data, when they are present.

These run in `make test` wherever the shared data is laid beside the checkout (CI has it) and
are skipped with a message elsewhere.
"""

import gzip
import itertools
import json

import pytest

from winnow.train.dataset import build_dataset
from winnow.train.options import BuildOptions

pytestmark = pytest.mark.shared


def _slice(source, out, n):
    with gzip.open(source, "rt") as fh:
        lines = list(itertools.islice(fh, n))
    out.write_text("".join(lines))
    return out


@pytest.mark.parametrize(
    "name, kind",
    [
        ("boilerplate/dragnet.jsonl.gz", "gold"),
        ("boilerplate/wcxb_dev.jsonl.gz", "gold"),
        ("boilerplate/trafilatura_eval.jsonl.gz", "snippets"),
        ("scraped_text/wcxb_dev_text.jsonl.gz", "lines"),
        ("topic/bbc/train.jsonl.gz", "topic"),
    ],
)
def test_build_reads_every_shared_format(shared_data, tmp_path, name, kind):
    src = _slice(shared_data / name, tmp_path / "slice.jsonl", 30)
    manifest = build_dataset([src], tmp_path / "out", BuildOptions(seed=0))
    assert manifest["pages_read"] == 30
    assert manifest["pages_kept"] + sum(manifest["pages_dropped"].values()) == 30
    labels = {
        k: sum(s["labels"][k] for s in manifest["splits"].values())
        for k in ("content", "boilerplate")
    }
    topics = sum(sum(s["topics"].values()) for s in manifest["splits"].values())
    if kind == "topic":
        assert topics == manifest["pages_kept"] > 0
    else:
        assert labels["content"] > 0 and labels["boilerplate"] > 0, labels


def test_gold_alignment_on_real_pages_labels_most_paragraphs(shared_data, tmp_path):
    src = _slice(shared_data / "boilerplate/wcxb_dev.jsonl.gz", tmp_path / "slice.jsonl", 40)
    manifest = build_dataset([src], tmp_path / "out")
    counts = [s["labels"] for s in manifest["splits"].values()]
    labelled = sum(c["content"] + c["boilerplate"] for c in counts)
    unlabelled = sum(c["unlabelled"] for c in counts)
    assert labelled > 10 * unlabelled
    assert json.loads((tmp_path / "out" / "manifest.json").read_text())["fingerprint"]
