import json

import datasets
import pandas as pd
import pytest

from winnow.train.dataset import BuildOptions, build_dataset, load_built, read_manifest
from winnow.train.splits import assign_splits


def test_dataset_round_trips_through_parquet_and_manifest(built_sample):
    manifest = read_manifest(built_sample)
    assert manifest["format"] == "winnow-dataset"
    assert manifest["pages_read"] == manifest["pages_kept"] + sum(
        manifest["pages_dropped"].values()
    )
    paragraphs = load_built(built_sample, "paragraphs")
    pages = load_built(built_sample, "pages")
    assert isinstance(paragraphs, datasets.DatasetDict)
    assert set(paragraphs) == {"train", "validation", "test"}
    for split, counts in manifest["splits"].items():
        assert len(pages[split]) == counts["pages"]
        assert len(paragraphs[split]) == counts["paragraphs"]
        labels = pd.Series(paragraphs[split]["label"])
        assert (labels == 1).sum() == counts["labels"]["content"]
        assert (labels == 0).sum() == counts["labels"]["boilerplate"]
    assert {"text", "tag", "path", "link_density", "label", "page_id"} <= set(
        paragraphs["train"].column_names
    )
    assert (built_sample / "paragraphs" / "train.parquet").is_file()
    assert "Splits" in (built_sample / "README.md").read_text()


def test_splits_never_share_a_domain(built_sample):
    pages = load_built(built_sample, "pages")
    domains = [set(pages[s]["domain"]) for s in ("train", "validation", "test")]
    assert all(domains)
    assert not (domains[0] & domains[1] or domains[0] & domains[2] or domains[1] & domains[2])


def test_topics_and_gold_come_from_the_manifest(built_sample, sample_manifest):
    pages = load_built(built_sample, "pages")["train"].to_pandas()
    source = {json.loads(line)["id"]: json.loads(line) for line in sample_manifest.open()}
    row = pages.iloc[0]
    assert row["topic"] == source[row["id"]]["topic"]
    assert row["gold_text"] == source[row["id"]]["gold_text"]


def test_same_seed_same_dataset_and_input_change_changes_fingerprint(tmp_path, sample_manifest):
    lines = sample_manifest.read_text().splitlines()[:40]
    small = tmp_path / "small.jsonl"
    small.write_text(
        "\n".join(
            line.replace('"path": "', f'"path": "{sample_manifest.parent}/') for line in lines
        )
        + "\n"
    )
    a = build_dataset([small], tmp_path / "a", BuildOptions(seed=3))
    b = build_dataset([small], tmp_path / "b", BuildOptions(seed=3))
    assert a["fingerprint"] == b["fingerprint"]
    assert a["splits"] == b["splits"]
    pd.testing.assert_frame_equal(
        load_built(tmp_path / "a")["train"].to_pandas(),
        load_built(tmp_path / "b")["train"].to_pandas(),
    )
    small.write_text(
        "\n".join(lines[:-1]).replace('"path": "', f'"path": "{sample_manifest.parent}/') + "\n"
    )
    c = build_dataset([small], tmp_path / "c", BuildOptions(seed=3))
    assert c["fingerprint"] != a["fingerprint"]


def test_bad_records_are_counted_not_fatal(tmp_path):
    rows = [
        {
            "id": "a",
            "url": "https://one.example/a",
            "html": "<p>The bridge closed on Monday for repairs.</p><p>Subscribe now</p>",
            "gold_text": "The bridge closed on Monday for repairs.",
            "topic": "world",
        },
        {"id": "b", "url": "https://two.example/b", "html": 42},
        {"id": "c", "url": "https://three.example/c", "text": "No labels on this one at all."},
    ]
    src = tmp_path / "pages.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n{not json\n")
    manifest = build_dataset([src], tmp_path / "out", BuildOptions())
    assert manifest["pages_read"] == 4
    assert manifest["pages_kept"] == 1
    assert manifest["pages_dropped"] == {"json": 1, "no_labels": 1, "schema": 1}


def test_existing_output_is_kept_unless_overwrite(tmp_path, sample_manifest):
    out = tmp_path / "ds"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    with pytest.raises(FileExistsError):
        build_dataset([sample_manifest], out)
    assert (out / "keep.txt").read_text() == "mine"


def test_assign_splits_is_deterministic_and_grouped():
    groups = [f"d{i % 9}" for i in range(90)]
    a = assign_splits(groups, seed=1)
    assert a == assign_splits(groups, seed=1)
    assert set(a.values()) == {"train", "validation", "test"}
    many = [f"d{i}" for i in range(30)]
    assert assign_splits(many, seed=1) != assign_splits(many, seed=2)
    with pytest.raises(ValueError):
        assign_splits(groups, fractions=(0.5, 0.5, 0.5))
