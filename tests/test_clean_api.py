"""``winnow.clean``: one page in, the same record ``winnow predict`` writes for it out."""

import json

import pytest
from typer.testing import CliRunner

import winnow
from winnow.cli import app
from winnow.models.artifact import ArtifactError

ARTICLE = (
    "<html><head><title>Harbour wall approved</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
    "<h1>Council approves the new harbour wall</h1>"
    + "<p>The council approved the new harbour wall on Monday after a long debate.</p>" * 4
    + "</article><footer>Subscribe to our newsletter</footer></body></html>"
)
RECORD_KEYS = ["id", "url", "title", "byline", "date", "site", "text", "topic", "topic_score"]
RECORD_KEYS += ["paragraphs", "error"]


def test_clean_returns_the_record_predict_writes(trained_run, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(ARTICLE)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        app, ["predict", str(page), "--model", str(trained_run), "--out", str(out), "--quiet"]
    )
    assert result.exit_code == 0, result.output
    (written,) = map(json.loads, out.read_text().splitlines())

    record = winnow.clean(ARTICLE, model=trained_run)
    assert list(record) == RECORD_KEYS
    assert record["error"] is None
    assert "harbour wall on Monday" in record["text"]
    for key in RECORD_KEYS[2:]:
        assert record[key] == written[key], key
    assert record["title"] == "Council approves the new harbour wall"


def test_bytes_str_text_and_a_loaded_model(trained_run):
    model = winnow.load(trained_run)
    as_str = winnow.clean(ARTICLE, url="https://courier.example/a", model=model)
    as_bytes = winnow.clean(ARTICLE.encode("utf-8"), url="https://courier.example/a", model=model)
    assert as_str == as_bytes
    assert as_str["id"] == as_str["url"] == "https://courier.example/a"
    assert all("line" not in p for p in as_str["paragraphs"])  # sniffed as markup

    text = "Council approves wall\nThe council approved the new harbour wall on Monday.\n"
    record = winnow.clean(text, model=model)
    assert [p["line"] for p in record["paragraphs"]] == [0, 1]  # plain text: lines kept
    forced = winnow.clean(ARTICLE, model=model, kind="text")
    assert all("line" in p for p in forced["paragraphs"])


@pytest.mark.parametrize(
    "page, error",
    [(b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary"), ("   ", "empty"), (b"", "empty")],
)
def test_a_page_that_cannot_be_read_is_an_error_record_not_an_exception(trained_run, page, error):
    record = winnow.clean(page, model=trained_run)
    assert record["error"].split(":")[0] == error
    assert record["text"] == "" and record["paragraphs"] == []
    assert list(record) == RECORD_KEYS and record["title"] is None


def test_favors_and_bad_arguments(trained_run):
    precision = winnow.clean(ARTICLE, model=trained_run, favor="precision")
    recall = winnow.clean(ARTICLE, model=trained_run, favor="recall")
    kept = [sum(p["label"] == "content" for p in r["paragraphs"]) for r in (precision, recall)]
    assert kept[0] <= kept[1]
    with pytest.raises(ValueError, match="balanced, precision, recall"):
        winnow.clean(ARTICLE, model=trained_run, favor="strict")
    with pytest.raises(ValueError, match="html, text"):
        winnow.clean(ARTICLE, model=trained_run, kind="pdf")
    with pytest.raises(TypeError):
        winnow.clean(123, model=trained_run)
    with pytest.raises(ArtifactError):
        winnow.load(trained_run.parent)


def test_the_cached_model_is_not_changed_by_a_call(trained_run):
    model = winnow.load(trained_run)
    winnow.clean(ARTICLE, model=model, favor="precision")
    assert model.favor == "balanced"
    again = winnow.load(trained_run)  # loaded once per process and path: models shared
    assert again.boilerplate["html"] is model.boilerplate["html"]


def test_the_default_model_is_used_without_one():
    record = winnow.clean(ARTICLE)
    assert record["error"] is None and "harbour wall" in record["text"]


def test_import_is_light_and_names_its_version():
    import subprocess
    import sys

    code = "import sys, winnow; print(winnow.__version__, 'sklearn' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    version, heavy = out.stdout.split()
    assert version[0].isdigit() and heavy == "False"


def test_metadata_comes_as_fields_so_the_chaff_can_go(trained_run):
    page = (
        '<html><head><meta property="og:site_name" content="The Courier">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Wall '
        'approved", "datePublished": "2023-03-04T10:00:00Z", "author": {"@type": "Person", '
        '"name": "Jane Doe"}}</script></head><body><article><h1>Wall approved</h1>'
        "<p class='byline'>By Jane Doe</p>"
        + "<p>The council approved the new harbour wall on Monday after a long debate.</p>" * 3
        + "</article></body></html>"
    )
    record = winnow.clean(page, model=trained_run)
    assert (record["title"], record["byline"], record["date"], record["site"]) == (
        "Wall approved",
        "Jane Doe",
        "2023-03-04",
        "The Courier",
    )
    text = winnow.clean(
        "Wall approved\nBy Jane Doe\nPublished 4 March 2023\n"
        + "The council approved the new harbour wall on Monday after a long debate.\n" * 3,
        model=trained_run,
    )
    assert text["byline"] == "Jane Doe" and text["date"] == "2023-03-04"
