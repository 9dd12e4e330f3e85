"""`winnow build` says what went wrong with the data, record by record: where each dropped
record is and why it was dropped, keys it does not read (with the known key a misspelt one
was meant to be), values of the wrong type, and splits that cannot do their job; in the
manifest, on the dataset card and on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from winnow.cli import app
from winnow.cli.render import BUILD_DROPPED_SHOWN
from winnow.features.page import Page
from winnow.train.build_report import MAX_DROPPED, BuildReport, split_error
from winnow.train.dataset import build_dataset, read_manifest
from winnow.train.options import BuildOptions

runner = CliRunner(env={"COLUMNS": "200", "NO_COLOR": "1"})
GOOD = "<p>The bridge over the river closed on Monday for repairs.</p><p>Subscribe now</p>"
GOLD = "The bridge over the river closed on Monday for repairs."


def good(i: int) -> dict:
    return {"id": f"g{i}", "url": f"https://outlet{i}.example/a", "html": GOOD, "gold_text": GOLD}


def write(path: Path, lines: list) -> Path:
    path.write_text("".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines))
    return path


def build(tmp_path: Path, lines: list, *args) -> tuple[dict, str]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    source = write(tmp_path / "pages.jsonl", lines)
    out = tmp_path / "data"
    result = runner.invoke(
        app, ["build", str(source), "--out", str(out), *map(str, args)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return read_manifest(out), result.output


BAD_LINES = [
    good(0),
    {"id": "b", "url": "https://one.example/b", "html": 42},
    {"id": "c", "url": "https://two.example/c", "text": "No labels on this one at all."},
    "{not json",
    {"id": "d", "url": "https://three.example/d", "html": GOOD, "gold": GOLD},
    ["a list"],
    {"id": "f", "url": "https://four.example/f", "text": "one\ntwo", "labels": [1]},
    good(1),
    good(2),
    good(3),
]


def test_each_dropped_record_is_named_with_where_it_is_and_why(tmp_path):
    manifest, output = build(tmp_path, BAD_LINES)
    source = str(tmp_path / "pages.jsonl")
    assert manifest["pages_dropped"] == {
        "json": 1,
        "labels_mismatch": 1,
        "no_labels": 2,
        "schema": 2,
    }
    dropped = manifest["dropped_records"]
    assert dropped["total"] == dropped["kept"] == 6
    by_id = {d["id"]: d for d in dropped["records"]}
    # Malformed JSON and a line that is not an object: named by file and line.
    assert by_id[f"{source}:4"]["reason"] == "json" and by_id[f"{source}:4"]["line"] == 4
    assert by_id[f"{source}:4"]["where"] == f"{source}:4"
    assert by_id[f"{source}:6"]["detail"] == "not an object"
    # A field of the wrong type, found by the reader: its line, and the field.
    assert by_id["b"]["line"] == 2
    assert by_id["b"]["reason"] == "schema" and "'html' must be a string" in by_id["b"]["detail"]
    # Records the reader took but that teach nothing: by file and page id, with what is missing.
    assert by_id["c"]["where"] == f"{source}, page c"
    assert "no `gold_text`, `labels`, `with`/`without` snippets or `topic`" in by_id["c"]["detail"]
    assert "did you mean `gold_text`?" in by_id["d"]["detail"]
    assert by_id["f"]["detail"] == "`labels` has 1 label for 2 paragraphs"

    text = " ".join(output.split())
    assert "dropped records:" in text
    assert f"{source}:4: json: Expecting property name" in text
    assert f"{source}:2: schema: 'html' must be a string" in text
    assert f"{source}, page d: no_labels:" in text


def test_a_misspelt_key_gets_the_nearest_known_one_and_other_keys_a_note(tmp_path):
    lines = [
        {**good(0), "topics": "world"},
        {"id": "G", "url": "https://g.example/a", "html": GOOD, "Gold_Text": GOLD},
        {**good(2), "lang": "en", "split": "train"},
        # Has the key a misspelling would stand for: not a misspelling, then.
        {**good(3), "gold": "something else"},
        {"id": "e", "url": "https://e.example/e", "html": GOOD, "gold": GOLD},
    ]
    manifest, output = build(tmp_path, lines)
    warnings = manifest["warnings"]
    assert any(
        w.startswith("`topics` in 1 record") and "did you mean `topic`?" in w for w in warnings
    )
    assert any("`Gold_Text`" in w and "did you mean `gold_text`?" in w for w in warnings)
    (gold,) = [w for w in warnings if w.startswith("`gold`")]
    assert gold.startswith("`gold` in 1 record is not a key build reads; did you mean")
    assert "page e" in gold  # the first record where it looks misspelt
    assert not any("`lang`" in w or "`split`" in w for w in warnings)
    assert "keys not read: lang (1 record)" in manifest["notes"]
    assert any(
        n.startswith("`split` is not read: build splits by outlet") for n in manifest["notes"]
    )
    assert manifest["unknown_keys"]["gold"] == {
        "records": 2,
        "suggestion": "gold_text",
        "first": f"{tmp_path / 'pages.jsonl'}, page g3",
    }
    text = " ".join(output.split())
    assert "warning: `topics` in 1 record is not a key build reads; did you mean `topic`?" in text
    assert "note: keys not read: lang (1 record)" in text


def test_every_key_build_reads_is_known(tmp_path):
    rows = [
        {
            **good(i),
            "topic": "world",
            "label": "world",
            "with": ["bridge"],
            "without": "Subscribe",
            "page_type": "article",
            "domain": f"outlet{i}.example",
            "title": "Bridge",
        }
        for i in range(4)
    ]
    rows.append(
        {
            "id": "lines",
            "url": "https://lines.example/a",
            "paragraphs": ["The bridge closed for repairs on Monday.", "Share"],
            "aligned_labels": [1, 0],
            "reviewed": True,
        }
    )
    manifest, output = build(tmp_path, rows, "--label-field", "aligned_labels")
    assert manifest["unknown_keys"] == {} and manifest["notes"] == []
    assert not [w for w in manifest["warnings"] if "key" in w]
    # Under the default label field, `aligned_labels` is not read: beside `labels` (as in the
    # shared scraped text) it is a key of its own, alone it looks like a misspelt `labels`.
    report = BuildReport()
    report.check(Page(id="x", text="t", meta={"aligned_labels": [1], "labels": [1]}))
    assert report.warnings() == [] and report.notes() == [
        "keys not read: aligned_labels (1 record)"
    ]
    report.check(Page(id="y", text="t", meta={"aligned_labels": [1]}))
    assert "did you mean `labels`?" in report.warnings()[0]


def test_values_of_the_wrong_type_are_warned_about_and_ignored(tmp_path):
    lines = [
        {**good(0), "topic": ["world", "politics"]},
        {**good(1), "gold_text": 42, "topic": "world"},
        {**good(2), "with": 7, "reviewed": "yes"},
        good(3),
    ]
    manifest, _ = build(tmp_path, lines)
    warnings = manifest["warnings"]
    assert any(
        w.startswith("`topic` is a list in 1 record, not a string or a number") for w in warnings
    )
    assert any(w.startswith("`gold_text` is a number in 1 record, not a string") for w in warnings)
    assert any(w.startswith("`with` is a number in 1 record") for w in warnings)
    assert any(
        w.startswith("`reviewed` is a string in 1 record, not true or false") for w in warnings
    )
    # The page whose gold was a number is kept for its topic alone.
    assert manifest["pages_kept"] == 4


def test_dropped_records_are_capped_in_the_manifest_and_the_output_points_there(tmp_path):
    lines = [good(i) for i in range(4)] + ["{broken"] * (MAX_DROPPED + 20)
    manifest, output = build(tmp_path, lines)
    dropped = manifest["dropped_records"]
    assert dropped["total"] == MAX_DROPPED + 20 and dropped["kept"] == MAX_DROPPED
    assert [d["line"] for d in dropped["records"]] == list(range(5, 5 + MAX_DROPPED))
    shown = [line for line in output.splitlines() if ": json: " in line]
    assert len(shown) == BUILD_DROPPED_SHOWN
    more = MAX_DROPPED + 20 - BUILD_DROPPED_SHOWN
    assert (
        f"... and {more} more; the first {MAX_DROPPED} are in {tmp_path / 'data' / 'manifest.json'}"
        in " ".join(output.split())
    )
    card = (tmp_path / "data" / "README.md").read_text()
    assert "Dropped records:" in card and "... and" in card


def test_splits_that_are_empty_or_hold_one_class_are_warned_about(tmp_path):
    # Two outlets cannot fill three splits.
    two = [good(0), good(1)]
    manifest, output = build(tmp_path / "two", two)
    empty = [w for w in manifest["warnings"] if "split is empty" in w]
    assert len(empty) == 2 and all("2 outlets" in w for w in empty)
    assert any(
        w.startswith("the validation split is empty: `winnow train` cannot tune") for w in empty
    )
    assert "warning: the validation split is empty" in " ".join(output.split())

    # A split asked to be empty is not warned about.
    manifest, _ = build(tmp_path / "asked", [good(i) for i in range(6)], "--fractions", "1,0,0")
    assert not [w for w in manifest["warnings"] if "empty" in w]

    # Every labelled paragraph content, and a single topic.
    content = [
        {
            "id": f"c{i}",
            "url": f"https://outlet{i}.example/a",
            "text": f"Story {i} on the river bridge repairs and the council budget.",
            "labels": ["content"],
            "topic": "local",
        }
        for i in range(6)
    ]
    manifest, _ = build(tmp_path / "content", content)
    assert any(
        w.startswith("the train split's") and "labelled paragraphs are all content" in w
        for w in manifest["warnings"]
    )
    assert any("one topic only (local)" in w for w in manifest["warnings"])


def test_a_clean_dataset_has_no_warnings(built_sample):
    manifest = read_manifest(built_sample)
    assert manifest["warnings"] == [] and manifest["notes"] == []
    assert manifest["dropped_records"] == {"total": 0, "kept": 0, "records": []}


def test_what_build_says_does_not_change_the_fingerprint(tmp_path):
    """The report names records by path; the same data elsewhere is the same dataset."""
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
    a = write(tmp_path / "a" / "pages.jsonl", BAD_LINES)
    b = write(tmp_path / "b" / "pages.jsonl", BAD_LINES)
    first = build_dataset([a], tmp_path / "da", BuildOptions())
    second = build_dataset([b], tmp_path / "db", BuildOptions())
    assert first["dropped_records"] != second["dropped_records"]
    assert first["fingerprint"] == second["fingerprint"]


def test_no_usable_page_names_the_first_reasons(tmp_path):
    source = write(tmp_path / "pages.jsonl", ["{broken", {"id": "x", "text": "unlabelled"}])
    with pytest.raises(ValueError, match=r"pages.jsonl:1: json: .*page x: no_labels"):
        build_dataset([source], tmp_path / "out")


@pytest.mark.parametrize(
    "error, expected",
    [
        (
            "json: line 3: Expecting value: line 1 column 1 (char 0)",
            ("json", "Expecting value: line 1 column 1 (char 0)", 3),
        ),
        ("schema: 'html' must be a string (line 7)", ("schema", "'html' must be a string", 7)),
        ("too_large: line 4", ("too_large", "", 4)),
        (
            "gzip: p.jsonl.gz ends early after line 5 (truncated)",
            ("gzip", "p.jsonl.gz ends early after line 5 (truncated)", None),
        ),
    ],
)
def test_reader_messages_give_their_kind_detail_and_line(error, expected):
    assert split_error(error) == expected
