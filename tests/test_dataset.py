import json

import datasets
import pandas as pd
import pytest

from winnow.train.dataset import build_dataset, load_built, read_manifest
from winnow.train.options import BuildOptions
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


def _write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_pre_split_labelled_lines_keep_their_labels(tmp_path):
    rows = [
        {
            "id": f"p{i}",
            "url": f"https://site{i}.example/a",
            "paragraphs": [
                "Sign up now",
                "",
                "The council met on Monday. It voted to close the bridge.",
                "Headline here",
            ],
            "labels": ["boilerplate", "content", "content", "title"],
        }
        for i in range(3)
    ]
    build_dataset([_write_jsonl(tmp_path / "lines.jsonl", rows)], tmp_path / "out")
    frame = pd.concat(
        load_built(tmp_path / "out")[s].to_pandas() for s in ("train", "validation", "test")
    )
    first = frame[frame["page_id"] == "p0"]
    # Lines are cut into sentences as plain text is; each piece keeps its line's label, and
    # "title" stays unlabelled.
    assert first["text"].tolist() == [
        "Sign up now",
        "The council met on Monday.",
        "It voted to close the bridge.",
        "Headline here",
    ]
    assert first["label"].tolist() == [0, 1, 1, -1]


def test_snippets_label_only_the_paragraphs_they_name(tmp_path):
    row = {
        "id": "s",
        "url": "https://snip.example/a",
        "html": "<p>Keep this sentence about the harbour bridge.</p><p>Subscribe to the daily "
        "letter today</p><p>Something nobody named.</p>",
        "with": ["about the harbour bridge"],
        "without": ["Subscribe to the daily letter"],
    }
    build_dataset(
        [_write_jsonl(tmp_path / "s.jsonl", [row])],
        tmp_path / "out",
        BuildOptions(fractions=(1, 0, 0)),
    )
    frame = load_built(tmp_path / "out")["train"].to_pandas()
    assert frame["label"].tolist() == [1, 0, -1]


def test_paragraphs_repeated_across_a_domain_become_boilerplate(tmp_path):
    rows = [
        {
            "id": f"w{i}",
            "url": f"https://weak.example/{i}",
            "html": f"<nav>Home News Sport</nav><p>Story number {i} tells its own tale.</p>"
            "<footer>Copyright Weak Times</footer>",
            "topic": "world",
        }
        for i in range(4)
    ]
    manifest = build_dataset(
        [_write_jsonl(tmp_path / "w.jsonl", rows)],
        tmp_path / "out",
        BuildOptions(repeat_min=3, fractions=(1, 0, 0)),
    )
    frame = load_built(tmp_path / "out")["train"].to_pandas()
    assert manifest["weak_labels"] == {"repeat_min": 3, "pages": 4, "paragraphs": 8}
    assert set(frame.loc[frame["text"].str.startswith("Story"), "label"]) == {-1}
    assert set(frame.loc[~frame["text"].str.startswith("Story"), "label"]) == {0}


def test_label_map_folds_source_topics_into_the_taxonomy(tmp_path):
    from winnow.train.label_map import read_label_map

    (tmp_path / "map.toml").write_text(
        '[labels]\n"Sci/Tech" = "science"\n"Sports" = "sport"\n"junk" = ""\n'
    )
    mapping = read_label_map(tmp_path / "map.toml")
    rows = [
        {"id": f"t{i}", "text": f"Article {i} text about things.", "label": lab}
        for i, lab in enumerate(["Sci/Tech", "Sports", "junk", "World"])
    ]
    manifest = build_dataset(
        [_write_jsonl(tmp_path / "t.jsonl", rows)],
        tmp_path / "out",
        BuildOptions(label_map=mapping.labels, fractions=(1, 0, 0)),
    )
    assert manifest["splits"]["train"]["topics"] == {"World": 1, "science": 1, "sport": 1}
    assert manifest["pages_dropped"] == {"no_labels": 1}
