"""`winnow review`: the least sure paragraphs, labelled by keypress, read back by `build`."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from winnow.cli import app
from winnow.features.readers import read_pages
from winnow.models.artifact import load_artifact
from winnow.train.dataset import load_frame, read_manifest
from winnow.train.review import select_for_review
from winnow.train.review_labels import paragraph_key, read_reviewed

UNSEEN = Path("data/sample/unseen")
PAGES = UNSEEN / "pages"


def review(run, out, keys, *extra, pages=PAGES):
    return CliRunner().invoke(
        app, ["review", str(run), str(pages), "--out", str(out), *extra], input=keys
    )


def answers(path):
    return [json.loads(line) for line in Path(path).read_text().splitlines()]


@pytest.fixture(scope="module")
def cleaner(trained_run):
    return load_artifact(trained_run)


def test_selection_takes_the_least_sure_paragraphs_in_turn_from_each_domain(cleaner):
    items = select_for_review(cleaner, read_pages([PAGES]), 8)
    everything = select_for_review(cleaner, read_pages([PAGES]), 10_000)
    assert len(items) == 8
    domains = [i.domain for i in items]
    # Round-robin: each domain once per round, while it has candidates left (a .txt page with
    # no URL is a domain of its own).
    groups = sorted(set(domains))
    assert len(groups) >= 2
    assert len(set(domains[: len(groups)])) == len(groups)
    available = {d: sum(i.domain == d for i in everything) for d in groups}
    counts = {d: domains.count(d) for d in groups}
    assert max(counts.values()) - min(c for d, c in counts.items() if available[d] > c) <= 1
    for domain in groups:
        doubts = [i.doubt for i in items if i.domain == domain]
        assert doubts == sorted(doubts)
    # Nothing surer was passed over: every paragraph of the pages left out is at least as sure
    # as the surest one chosen from its domain.
    for domain in groups:
        worst_chosen = max(i.doubt for i in items if i.domain == domain)
        chosen = {paragraph_key(i.page_id, i.text) for i in items}
        rest = [
            i.doubt
            for i in everything
            if i.domain == domain and paragraph_key(i.page_id, i.text) not in chosen
        ]
        assert min(rest) >= worst_chosen - 1e-12
    assert all(i.before or i.after for i in items)


def test_keypresses_label_skip_undo_and_quit_appending_each_answer(trained_run, tmp_path):
    out = tmp_path / "labels.jsonl"
    # content, boilerplate, (unknown key: help), skip, undo the skip, boilerplate, quit.
    result = review(trained_run, out, "cbxsubq", "-n", "6")
    assert result.exit_code == 0, result.output
    assert "c content" in result.output  # the help line for the unknown key
    records = answers(out)
    assert [r["label"] for r in records] == ["content", "boilerplate", "skip", None, "boilerplate"]
    # The undo retracts the third paragraph, which is then asked again.
    assert records[3]["text"] == records[2]["text"] == records[4]["text"]
    assert "content 1, boilerplate 2, skipped 0, undone 1, left 3" in result.output

    # A second session does not ask again about paragraphs already answered.
    again = review(trained_run, out, "q", "-n", "6")
    assert again.exit_code == 0
    answered = {paragraph_key(r["page_id"], r["text"]) for r in records}
    fresh = select_for_review(load_artifact(trained_run), read_pages([PAGES]), 6, exclude=answered)
    assert not answered & {paragraph_key(i.page_id, i.text) for i in fresh}
    assert fresh[0].text in again.output


def test_end_of_input_quits_and_keeps_what_was_answered(trained_run, tmp_path):
    out = tmp_path / "labels.jsonl"
    result = review(trained_run, out, "cc", "-n", "5")
    assert result.exit_code == 0, result.output
    assert [r["label"] for r in answers(out)] == ["content", "content"]
    assert "left 3" in result.output


def test_max_pages_limits_the_pages_scored(trained_run, tmp_path):
    out = tmp_path / "one-page.jsonl"
    result = review(trained_run, out, "", "-n", "50", "--batch", "--max-pages", "1")
    assert result.exit_code == 0, result.output
    assert len({r["page_id"] for r in answers(out)}) == 1


def test_batch_writes_the_selection_for_labelling_elsewhere(trained_run, tmp_path):
    out = tmp_path / "to-label.jsonl"
    result = review(trained_run, out, "", "-n", "7", "--batch")
    assert result.exit_code == 0, result.output
    records = answers(out)
    assert len(records) == 7
    assert all(r["label"] is None and "before" in r and "after" in r for r in records)
    assert review(trained_run, out, "", "--batch").exit_code == 2  # never overwrites


def test_reviewed_labels_change_the_next_build(trained_run, tmp_path):
    manifest = UNSEEN / "manifest.jsonl"
    out = tmp_path / "labels.jsonl"
    assert review(trained_run, out, "bbbcq", "-n", "6", pages=manifest).exit_code == 0
    records = answers(out)

    def build(dest, *extra):
        args = ["build", str(manifest), "--out", str(dest), "--fractions", "0,0,1", "--quiet"]
        result = CliRunner().invoke(app, args + list(extra))
        assert result.exit_code == 0, result.output
        return load_frame(dest, "paragraphs", "test")

    before = build(tmp_path / "before")
    after = build(tmp_path / "after", "--labels", str(out))
    assert (
        read_manifest(tmp_path / "before")["fingerprint"]
        != read_manifest(tmp_path / "after")["fingerprint"]
    )
    assert read_manifest(tmp_path / "after")["reviewed_labels"]["applied"] == 4
    for record in records:
        rows = after[(after["page_id"] == record["page_id"]) & (after["text"] == record["text"])]
        assert len(rows) >= 1
        assert (rows["label"] == (1 if record["label"] == "content" else 0)).all()
    changed = (before["label"] != after["label"]).sum()
    assert 0 < changed <= 4 * 2  # only the reviewed paragraphs (and their repeats on a page)


def test_reviewed_labels_make_unlabelled_pages_trainable(trained_run, tmp_path):
    out = tmp_path / "labels.jsonl"
    assert review(trained_run, out, "cbcb", "-n", "4").exit_code == 0
    args = ["build", str(PAGES), "--out", str(tmp_path / "ds"), "--fractions", "0,0,1", "-q"]
    plain = CliRunner().invoke(app, args)
    assert plain.exit_code == 2  # bare pages carry no labels
    labelled = CliRunner().invoke(app, args + ["--labels", str(out), "--overwrite"])
    assert labelled.exit_code == 0, labelled.output
    frame = load_frame(tmp_path / "ds", "paragraphs", "test")
    assert sorted(frame.loc[frame["label"] >= 0, "label"]) == [0, 0, 1, 1]


def test_later_answers_win_and_bad_lines_are_reported(tmp_path):
    path = tmp_path / "labels.jsonl"
    lines = [
        {"page_id": "p", "text": "Sign up  now", "label": "content"},
        {"page_id": "p", "text": "Sign up now", "label": "boilerplate"},
        {"page_id": "p", "text": "Kept", "label": "content"},
        {"page_id": "p", "text": "Kept", "label": None},  # undone
        {"page_id": "q", "text": "Skipped", "label": "skip"},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n{broken\n")
    reviewed = read_reviewed([path])
    assert reviewed.by_page == {"p": {"Sign up now": 0}}
    assert len(reviewed.problems) == 1 and ":6:" in reviewed.problems[0]
