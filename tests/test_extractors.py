"""The benchmark's HTML extractors: one interface, article text found, odd pages never fatal."""

from __future__ import annotations

import pytest

from bench.extractors import (
    EXTRACTORS,
    available,
    extract,
    html_fragment_to_text,
    justext_stoplist_name,
)

PARAGRAPHS = [
    "The regional council voted on Monday evening to approve the long-delayed plan for a new "
    "bridge across the river, ending a debate that has divided the towns on either bank for "
    "more than a decade and that has cost the region millions in studies and legal fees.",
    "Engineers said that the construction work would start in the spring and that the bridge "
    "should be open to cars, cyclists and people on foot within three years, although they "
    "warned that the schedule depended on the weather and on the price of steel this year.",
    "Residents who spoke at the meeting were mostly in favour of the plan, but several of them "
    "asked the council to keep the old ferry running until the new crossing is finished, "
    "because many older people in the valley still rely on it to reach the hospital.",
]
ARTICLE_HTML = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Council approves river bridge</title></head>
<body>
<nav><ul>
  <li><a href="/">Home</a></li><li><a href="/world">World</a></li>
  <li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li>
</ul></nav>
<main><article>
  <h1>Council approves river bridge after ten years of debate</h1>
  <p>{PARAGRAPHS[0]}</p>
  <p>{PARAGRAPHS[1]}</p>
  <p>{PARAGRAPHS[2]}</p>
</article></main>
<footer>
  <p><a href="/newsletter">Subscribe to our newsletter</a> |
     <a href="/cookies">Cookie policy</a></p>
  <p>Copyright 2024 Valley News. All rights reserved.</p>
</footer>
</body></html>"""
ARTICLE_SENTENCE = "the construction work would start in the spring"


def test_registry_names_in_order() -> None:
    assert list(EXTRACTORS) == [
        "trafilatura",
        "trafilatura, favor_precision",
        "jusText",
        "readability-lxml",
        "boilerpy3",
        "resiliparse",
    ]
    assert set(available()) <= set(EXTRACTORS)


@pytest.mark.parametrize("name", list(EXTRACTORS))
def test_extractor_finds_the_article(name: str) -> None:
    if name not in available():
        pytest.skip(f"{name} is not installed")
    text, error = extract(name, ARTICLE_HTML, "https://news.example.com/bridge", "en")
    assert error is None
    assert ARTICLE_SENTENCE in " ".join(text.split())
    assert "\n" in text and "\n\n" not in text  # paragraphs one a line


@pytest.mark.parametrize("name", list(EXTRACTORS))
@pytest.mark.parametrize("page", ["", "   ", "\x00\x01<<<", "<html></html>", "<<<>>>&&&\ufffe"])
def test_odd_pages_never_raise(name: str, page: str) -> None:
    if name not in available():
        pytest.skip(f"{name} is not installed")
    text, error = extract(name, page)
    assert isinstance(text, str)
    assert error is None or (text == "" and isinstance(error, str) and error)


def test_failure_becomes_a_message(monkeypatch) -> None:
    def boom(html: str, url: str | None, lang: str | None) -> str:
        raise RuntimeError("parser exploded\nsecond line")

    monkeypatch.setitem(EXTRACTORS, "trafilatura", boom)
    assert extract("trafilatura", "<p>x</p>") == ("", "RuntimeError: parser exploded")


def test_unknown_extractor_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        extract("no such tool", ARTICLE_HTML)


def test_justext_stoplist_names() -> None:
    pytest.importorskip("justext")
    assert justext_stoplist_name("en") == "English"
    assert justext_stoplist_name("de") == "German"
    assert justext_stoplist_name("pt-BR") == "Portuguese"
    assert justext_stoplist_name("french") == "French"
    assert justext_stoplist_name(None) == "English"
    assert justext_stoplist_name("xx") == "English"


def test_fragment_to_text_keeps_block_boundaries() -> None:
    pytest.importorskip("lxml")
    fragment = "<div><h2>Title</h2><p>One <b>bold</b> line</p><p>Two</p>tail<br>after</div>"
    assert html_fragment_to_text(fragment) == "Title\nOne bold line\nTwo\ntail\nafter"
    assert html_fragment_to_text("") == ""
