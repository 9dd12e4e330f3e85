"""The evaluation report: its figures agree with metrics.json, and it opens in a browser."""

import json
import shutil
import subprocess

import pytest
from selectolax.lexbor import LexborHTMLParser

from winnow.models.artifact import load_artifact
from winnow.train.evaluate import evaluate_run
from winnow.train.report import lookup

PNG = b"\x89PNG\r\n\x1a\n"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def report(tmp_path_factory, trained_run, built_sample):
    out = tmp_path_factory.mktemp("report")
    metrics = evaluate_run(load_artifact(trained_run), built_sample, out, "test", run_name="t")
    return out, metrics, json.loads((out / "figures.json").read_text())


def test_evaluate_writes_metrics_figures_plots_and_both_reports(report):
    out, metrics, _ = report
    assert json.loads((out / "metrics.json").read_text()) == metrics
    for name in (
        "report.html",
        "report.md",
        "paragraph_confusion.png",
        "precision_recall.png",
        "topic_confusion.png",
        "reliability.png",
    ):
        assert (out / name).stat().st_size > 0, name
        if name.endswith(".png"):
            assert (out / name).read_bytes().startswith(PNG)
    assert not list(out.glob(".*.tmp"))


def test_confusion_matrices_are_those_of_the_metrics(report):
    _, metrics, figures = report
    assert figures["paragraph_confusion"]["matrix"] == metrics["paragraph"]["confusion"]
    topic = metrics["topic"]["article_text"]
    assert figures["topic"]["labels"] == topic["labels"]
    assert figures["topic"]["confusion"] == topic["confusion"]
    per_topic = figures["topic"]["per_topic"]
    assert [r["label"] for r in per_topic] == topic["labels"]
    assert sum(r["support"] for r in per_topic) == metrics["topic"]["pages"]
    macro = sum(r["f1"] for r in per_topic) / len(per_topic)
    assert macro == pytest.approx(topic["macro_f1"], abs=1e-3)


def test_precision_recall_point_is_the_models_threshold_and_its_metrics(report):
    _, metrics, figures = report
    by_kind = metrics["paragraph"]["by_kind"]
    assert set(figures["precision_recall"]) == set(by_kind)
    for kind, curve in figures["precision_recall"].items():
        point = curve["at_threshold"]
        assert point["threshold"] == by_kind[kind]["threshold"]
        assert point["precision"] == pytest.approx(by_kind[kind]["content"]["precision"], abs=1e-4)
        assert point["recall"] == pytest.approx(by_kind[kind]["content"]["recall"], abs=1e-4)
        # The curve passes through the marked point's recall.
        assert min(curve["recall"]) <= point["recall"] <= max(curve["recall"])
        assert all(0 <= v <= 1 for v in curve["precision"] + curve["recall"])


def test_reliability_bins_add_up_to_the_calibration_error(report):
    _, metrics, figures = report
    topic = metrics["topic"]["article_text"]
    bins = figures["topic"]["reliability"]["bins"]
    assert sum(b["count"] for b in bins) == metrics["topic"]["pages"]
    assert figures["topic"]["reliability"]["ece"] == pytest.approx(topic["ece"], abs=1e-4)
    right = sum(b["count"] * b["accuracy"] for b in bins)
    assert right / metrics["topic"]["pages"] == pytest.approx(topic["accuracy"], abs=1e-3)


def test_domain_and_page_type_tables_cover_every_page_and_paragraph(report):
    _, metrics, figures = report
    for table in ("by_domain", "by_page_type"):
        rows = figures[table]
        assert sum(r["pages"] for r in rows) == metrics["pages"]
        assert sum(r["labelled_paragraphs"] for r in rows) == metrics["paragraph"]["labelled"]
        (tn, fp), (fn, tp) = metrics["paragraph"]["confusion"]
        assert sum(r["boilerplate_kept"] for r in rows) == fp
        assert sum(r["content_dropped"] for r in rows) == fn
        gold = sum(r["gold_pages"] for r in rows)
        assert gold == metrics["page_tokens"]["pages"]
        mean_f1 = sum(r["page_f1"] * r["gold_pages"] for r in rows if r["gold_pages"]) / gold
        assert mean_f1 == pytest.approx(metrics["page_tokens"]["f1"], abs=1e-3)


def test_worst_mistakes_are_wrong_and_come_with_their_neighbours(report):
    _, metrics, figures = report
    (tn, fp), (fn, tp) = metrics["paragraph"]["confusion"]
    kept, dropped = figures["mistakes"]["boilerplate_kept"], figures["mistakes"]["content_dropped"]
    assert len(kept) == min(fp, 15) and len(dropped) == min(fn, 15)
    for m in kept:
        assert m["score"] >= m["threshold"]
    for m in dropped:
        assert m["score"] < m["threshold"]
    margins = [m["threshold"] - m["score"] for m in dropped]
    assert margins == sorted(margins, reverse=True)
    assert all(m["text"] for m in kept + dropped)
    assert any(m["before"] or m["after"] for m in kept + dropped)


def test_html_report_shows_the_numbers_of_metrics_json(report):
    out, metrics, _ = report
    tree = LexborHTMLParser((out / "report.html").read_text())
    cells = tree.css("td[data-metric]")
    assert len(cells) >= 10
    for cell in cells:
        value = lookup(metrics, cell.attributes["data-metric"])
        assert cell.text() == str(value), cell.attributes["data-metric"]


def test_html_report_is_self_contained(report):
    out, _, _ = report
    tree = LexborHTMLParser((out / "report.html").read_text())
    images = tree.css("img")
    assert len(images) == 4
    assert all(i.attributes["src"].startswith("data:image/png;base64,") for i in images)
    for node in tree.css("[href], script[src], link"):
        pytest.fail(f"the report links out: {node.html[:80]}")


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium (make test installs it where apt can)")
def test_html_report_opens_in_a_headless_browser_without_errors(report, tmp_path):
    out, _, _ = report
    result = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=5000",
            "--dump-dom",
            (out / "report.html").as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    # Script errors, blocked fetches and failed loads are all logged as console messages.
    console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
    assert console == []
    body = LexborHTMLParser(result.stdout).css_first("body")
    assert body.attributes.get("data-ready") == "yes"
    assert body.attributes.get("data-images") == "4"
    assert body.attributes.get("data-images-decoded") == "4"


def test_every_artifact_carries_its_model_card_and_test_report(trained_run):
    from winnow.models.artifact import verify_artifact

    card = (trained_run / "README.md").read_text()
    for section in (
        "## Training data",
        "## Parameters",
        "## Metrics",
        "## Intended use",
        "## Known limits",
    ):
        assert section in card
    metrics = json.loads((trained_run / "metrics.json").read_text())
    assert f"| test | {metrics['test']['paragraph']['accuracy']} |" in card
    assert "| train |" in card  # label distribution per split, from the dataset manifest
    assert "data/sample/manifest.jsonl" in card  # the data source
    files = verify_artifact(trained_run).manifest["files"]
    for name in ("report.html", "figures.json", "precision_recall.png", "reliability.png"):
        assert name in files  # hashed, so a changed report fails verification
    report = LexborHTMLParser((trained_run / "report.html").read_text())
    cell = report.css_first('td[data-metric="paragraph.accuracy"]')
    assert cell.text() == str(metrics["test"]["paragraph"]["accuracy"])


def test_an_empty_split_still_gets_a_report(trained_run, tmp_path):
    """As `train` draws one for a dataset with an empty test split (`evaluate` refuses it)."""
    from typer.testing import CliRunner

    from winnow.cli import app
    from winnow.train.evaluate import score_split, split_metrics
    from winnow.train.report import write_report

    runner = CliRunner()
    built = tmp_path / "unseen"
    manifest = "data/sample/unseen/manifest.jsonl"
    args = ["build", manifest, "--out", str(built), "--fractions", "0,0,1", "-q"]
    assert runner.invoke(app, args).exit_code == 0
    out = tmp_path / "report"
    out.mkdir()
    scored = score_split(load_artifact(trained_run), built, "validation")
    metrics = split_metrics(scored)
    write_report(scored, metrics, out, title="t", dataset=str(built))
    assert metrics["pages"] == 0
    assert "<h1>" in (out / "report.html").read_text()
    assert not list(out.glob("*.png"))


def test_topic_figures_are_given_per_kind_of_document(report):
    out, metrics, _ = report
    groups = metrics["topic"]["by_group"]
    assert sum(g["pages"] for g in groups.values()) == metrics["topic"]["pages"]
    weighted = sum(g["pages"] * g["accuracy"] for g in groups.values())
    assert weighted / metrics["topic"]["pages"] == pytest.approx(
        metrics["topic"]["article_text"]["accuracy"], abs=1e-3
    )
    text = (out / "report.md").read_text()
    for group, m in groups.items():
        assert f"| {group} | {m['pages']} |" in text


def test_topic_group_tells_url_labels_snippets_and_articles_apart():
    from winnow.train.evaluate import topic_group

    assert topic_group("word " * 500, "url section sport") == "URL-section articles"
    assert topic_group("Stocks fall as oil climbs.", "label") == "snippets"
    assert topic_group("word " * 500, "label") == "labelled articles"
