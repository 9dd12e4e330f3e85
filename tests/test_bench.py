"""The benchmark's own scoring: what counts as a kept paragraph, a leaked snippet, a removed line.

A benchmark that miscounts misleads everyone who reads the README, so its measures are tested
like the library's.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.heldout import (  # noqa: E402
    first_sentence,
    first_sentence_share,
    is_news_article,
    line_scores,
    paragraph_kept,
    snippet_scores,
    text_page,
    winnow_lines,
    word_ngrams,
)
from winnow.features.page import Page  # noqa: E402

ARTICLE = (
    "The river authority said on Tuesday that the flood barrier would be raised twice a "
    "week until the spring tides had passed, and that residents should expect road closures."
)


def test_news_article_pages_are_dragnet_cleanportaleval_and_wcxb_articles_only():
    def page(dataset: str, page_type: str | None = None) -> Page:
        return Page(id=f"{dataset}/1", html="<p>x</p>", meta={"page_type": page_type})

    assert is_news_article(page("dragnet")) and is_news_article(page("cleanportaleval"))
    assert is_news_article(page("wcxb", "article"))
    assert not is_news_article(page("wcxb", "product"))
    assert not is_news_article(page("cleaneval")) and not is_news_article(page("readability"))


def test_a_paragraph_is_kept_when_its_word_sequence_is_in_the_output():
    output = word_ngrams(f"Home News\n{ARTICLE}\nMore from the valley")
    assert paragraph_kept(ARTICLE, output)
    # A button whose word appears inside the article is not "kept" by a bag of words.
    assert not paragraph_kept("Share", word_ngrams(ARTICLE))
    assert paragraph_kept("More from the valley", output)
    assert not paragraph_kept("Subscribe to our weekly newsletter today", output)
    assert not paragraph_kept("", output)


def test_snippets_are_matched_ignoring_case_and_spacing():
    page = Page(
        id="p",
        meta={"with": ["flood  barrier would be RAISED"], "without": ["Sign up now", " "]},
    )
    found, leaked = snippet_scores(page, ARTICLE + "\nsign up\nnow")
    assert found == [True]
    assert leaked == [True]  # whitespace, including a line break, does not hide a leak
    found, leaked = snippet_scores(page, "")
    assert found == [False] and leaked == [False]


def test_line_scores_count_removed_chaff_and_lost_content():
    lines = [["Article sentence one.", "Share this", "Article two.", "Headline"]]
    labels = [["content", "boilerplate", "content", "title"]]
    perfect = line_scores(lines, [[1.0, 0.0, 1.0, 0.0]], labels)
    assert perfect["f1"] == 1.0 and perfect["content_lost"] == 0.0
    # Removing a content line is a false positive and loses its characters; title lines are
    # not scored either way.
    careless = line_scores(lines, [[0.0, 0.0, 1.0, 1.0]], labels)
    assert careless["precision"] == 0.5 and careless["recall"] == 1.0
    content = len("Article sentence one.") + len("Article two.")
    assert careless["content_lost"] == pytest.approx(len("Article sentence one.") / content)
    assert line_scores(lines, [[1.0, 1.0, 1.0, 1.0]], labels)["f1"] == 0.0


def test_the_opening_sentence_is_the_first_of_five_words_and_kept_only_whole():
    gold = ["By the river desk", f"{ARTICLE} A second sentence of the story follows here."]
    opening = first_sentence(gold)
    assert opening == ARTICLE
    assert first_sentence(["Short line", "Two words"]) is None
    kept = first_sentence_share([opening, opening, None], [ARTICLE.upper(), ARTICLE[:60], ""])
    assert kept == 0.5  # the page without an opening sentence is not counted


def test_winnow_lines_map_pieces_back_to_input_lines(trained_run):
    from winnow.models.artifact import load_artifact

    cleaner = load_artifact(trained_run)
    lines = [
        "Harbour council approves new ferry timetable",
        ARTICLE + " " + ARTICLE,
        "Subscribe to our newsletter",
        "",
    ]
    page = text_page("t", lines)
    output = winnow_lines(cleaner, [page])
    masks = output.masks
    assert len(masks) == 1 and len(masks[0]) == len(lines)
    assert output.texts == [next(cleaner.predict([page]))["text"]]
    assert all(0.0 <= share <= 1.0 for share in masks[0])
    assert masks[0][3] == 0.0  # a blank line holds nothing to keep
