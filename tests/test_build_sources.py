"""Sources beyond page files: Hugging Face loaders on local files, and rendered text pages."""

import json

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from typer.testing import CliRunner

from winnow.cli import app
from winnow.train.dataset import build_dataset, load_built
from winnow.train.hub import HubSource
from winnow.train.options import BuildOptions

ROWS = [
    {
        "id": f"hub{i}",
        "url": f"https://outlet{i % 4}.example/story-{i}",
        "html": f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><p>Story {i} "
        "says the harbour council voted on Monday to close the old swing bridge.</p><p>Sign up "
        "for our newsletter</p></article>",
        "gold_text": f"Story {i} says the harbour council voted on Monday to close the old swing bridge.",
        "topic": ["world", "sport"][i % 2],
    }
    for i in range(12)
]


def _frames(path):
    return pd.concat(load_built(path)[s].to_pandas() for s in ("train", "validation", "test"))


def test_hub_loader_reads_local_json_and_parquet_like_the_jsonl_reader(tmp_path):
    jsonl = tmp_path / "pages.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in ROWS))
    parquet = tmp_path / "pages.parquet"
    pq.write_table(pa.Table.from_pylist(ROWS), parquet)

    direct = build_dataset([jsonl], tmp_path / "direct")
    via_json = build_dataset(
        [], tmp_path / "json", hub=[HubSource("json", data_files=[str(jsonl)])]
    )
    via_parquet = build_dataset(
        [], tmp_path / "parquet", hub=[HubSource("parquet", data_files=[str(parquet)])]
    )
    for built in (via_json, via_parquet):
        assert built["pages_kept"] == direct["pages_kept"] == 12
        assert built["splits"] == direct["splits"]
        assert built["sources"][0]["path"].startswith("hf:")
    pd.testing.assert_frame_equal(
        _frames(tmp_path / "direct").reset_index(drop=True),
        _frames(tmp_path / "parquet").reset_index(drop=True),
    )


def test_cli_build_from_hf_builder(tmp_path):
    jsonl = tmp_path / "pages.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in ROWS))
    result = CliRunner().invoke(
        app,
        ["build", "--hf", "json", "--hf-data-files", str(jsonl), "--out", str(tmp_path / "ds")],
    )
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "ds" / "manifest.json").read_text())["pages_kept"] == 12


def test_rendered_pages_are_labelled_text_in_their_page_split(tmp_path):
    jsonl = tmp_path / "pages.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in ROWS))
    manifest = build_dataset([jsonl], tmp_path / "ds", BuildOptions(render=("full", "trafilatura")))
    assert manifest["pages_read"] == 36
    pages = pd.concat(
        load_built(tmp_path / "ds", "pages")[s].to_pandas().assign(split=s)
        for s in ("train", "validation", "test")
    )
    split_of = dict(zip(pages["id"], pages["split"], strict=True))
    for row in ROWS:
        for how in ("full", "trafilatura"):
            assert split_of[f"{row['id']}#{how}"] == split_of[row["id"]]
    paragraphs = _frames(tmp_path / "ds")
    full = paragraphs[paragraphs["page_id"] == "hub0#full"]
    assert set(full["kind"]) == {"text"}
    assert dict(zip(full["text"], full["label"], strict=True))["Sign up for our newsletter"] == 0


def test_rendering_holds_out_the_same_outlets(tmp_path):
    # Four outlets whose pages render, and twelve text-only outlets that do not.
    texts = [
        {
            "id": f"text{i}",
            "url": f"https://paper{i}.example/a",
            "text": f"Story {i} says the ferry will run again in May.",
            "topic": "world",
        }
        for i in range(12)
    ]
    jsonl = tmp_path / "pages.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in ROWS + texts))
    plain = build_dataset([jsonl], tmp_path / "plain", BuildOptions())
    rendered = build_dataset([jsonl], tmp_path / "rendered", BuildOptions(render=("full",)))
    for split in ("train", "validation", "test"):
        ids = set(load_built(tmp_path / "plain", "pages")[split]["id"])
        with_renderings = set(load_built(tmp_path / "rendered", "pages")[split]["id"])
        assert {i for i in with_renderings if not i.endswith("#full")} == ids
    assert rendered["pages_kept"] == plain["pages_kept"] + len(ROWS)
