"""The cases that started winnow, through the shipped default model: a donation appeal run into
an article's first paragraph, the same appeal on lines of its own, a sign-up prompt glued onto
the lead, and an appeal inside an HTML article body. Every word of the chaff goes, every
sentence of the article stays, and glued chaff is cut at the word where it ends.

The fixtures in ``fixtures/chaff`` were written for this project; ``cases.json`` says what
each must lose, keep and where it must be cut.
"""

import json
from pathlib import Path

import pytest

from winnow.features.readers import read_pages
from winnow.models import load_artifact
from winnow.models.defaults import default_model_path

FIXTURES = Path(__file__).parent / "fixtures" / "chaff"
CASES = json.loads((FIXTURES / "cases.json").read_text())


# What the shipped model does not do yet (issue 14's targets, not met): it keeps these appeals
# and prompts (P(content) 0.48-0.90) and leaves the trailing "Follow us" glued on. Strict, so
# that the day a model does it, the marks must come off.
NOT_YET = pytest.mark.xfail(strict=True, reason="the shipped model keeps this chaff")
KEEPS_CHAFF = {
    "appeal_run_into_first_paragraph.txt",
    "appeal_on_lines_of_its_own.txt",
    "signup_glued_onto_the_lead.txt",
    "appeal_inside_the_article_body.html",
}
UNCUT = {("signup_glued_onto_the_lead.txt", "Follow us on Instagram")}


@pytest.fixture(scope="module")
def records() -> dict[str, dict]:
    cleaner = load_artifact(default_model_path())
    pages = list(read_pages([FIXTURES / name for name in CASES]))
    return {Path(r["id"]).name: r for r in cleaner.predict(pages)}


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_sentence_of_the_article_stays(records, name):
    record = records[name]
    assert record["error"] is None
    for words in CASES[name]["keep"]:
        assert words in record["text"], f"lost article text: {words!r}"


@pytest.mark.parametrize(
    "name", [pytest.param(n, marks=NOT_YET) if n in KEEPS_CHAFF else n for n in sorted(CASES)]
)
def test_every_word_of_the_chaff_goes(records, name):
    for words in CASES[name]["drop"]:
        assert words not in records[name]["text"], f"kept chaff: {words!r}"


@pytest.mark.parametrize(
    ("name", "words"),
    [
        pytest.param(n, w, marks=NOT_YET) if (n, w) in UNCUT else (n, w)
        for n, c in sorted(CASES.items())
        for w in c.get("cut_before", [])
    ],
)
def test_glued_chaff_is_cut_where_it_ends(records, name, words):
    pieces = [p["text"] for p in records[name]["paragraphs"]]
    assert any(piece.startswith(words) for piece in pieces), (words, pieces)
