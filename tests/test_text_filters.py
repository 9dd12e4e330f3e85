"""The plain-text benchmark's line filters: mask shapes, each paper's headline rules, odd input.

The fixtures are invented news text with the chaff scrapers leave in (newsletter prompts, share
counters, cookie notices, bullet menus), small enough to read the expected masks off by eye.
"""

from __future__ import annotations

import pytest
from fuzzing import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.text_filters import (
    TEXT_FILTERS,
    c4_line_rules,
    ccnet_line_dedup,
    fineweb_line_rules,
    gopher_line_rules,
    justext_on_text,
    keep_everything,
    refinedweb_line_corrections,
)

SENTENCE = "The council said on Monday that the new bridge would open to traffic in the spring."
LONG_PARAGRAPH = (
    "Residents of the valley have waited more than ten years for the crossing, and many of them "
    "said that they were relieved that the work was finally coming to an end after so many "
    "delays. The old ferry, which has carried cars and people across the river since the 1950s, "
    "will stop running once the bridge is open, and the council has said that it will keep the "
    "landing as a park for the town."
)

ARTICLE = [
    "• Home • World • Business • Sport",
    "New bridge to open in the spring",
    SENTENCE,
    LONG_PARAGRAPH,
    "Engineers who inspected the deck last week found no problems with the steel supports.",
    "Subscribe to our newsletter",
    "Share",
    "12 comments",
    "Cookie policy",
    "Please enable JavaScript to view the comments powered by our partner.",
    "ADVERTISEMENT",
]
OTHER_ARTICLE = [
    "• Home • World • Business • Sport",
    "Storm closes schools across the region",
    "Forecasters said the heavy rain would continue through Thursday across the whole region.",
    "Subscribe to our newsletter",
    "3 shares",
]


def _kept(mask: list[bool], page: list[str]) -> set[str]:
    return {line for line, keep in zip(page, mask, strict=True) if keep}


@pytest.fixture(params=list(TEXT_FILTERS))
def text_filter(request):
    if request.param == "jusText on text":
        pytest.importorskip("justext")
    return TEXT_FILTERS[request.param]


def test_registry_names_in_order() -> None:
    assert list(TEXT_FILTERS) == [
        "keep everything",
        "C4 line rules",
        "Gopher line rules",
        "FineWeb line rules",
        "RefinedWeb line corrections",
        "jusText on text",
        "CCNet line dedup",
    ]


def test_masks_have_the_pages_shape(text_filter) -> None:
    pages = [ARTICLE, OTHER_ARTICLE, [], ["one line only"]]
    masks = text_filter(pages)
    assert [len(m) for m in masks] == [len(p) for p in pages]
    assert all(isinstance(keep, bool) for mask in masks for keep in mask)


def test_empty_input_gives_empty_masks(text_filter) -> None:
    assert text_filter([]) == []
    assert text_filter([[], []]) == [[], []]


def test_odd_lines_never_raise(text_filter) -> None:
    odd = ["", "   ", "\x00\x01\x1f", "\ud800 lone surrogate", "<p>&amp;</p>", "{", "…",
           "🙂🙂", "Ünïcödé ünd Straße.", "\u200b", "a" * 5000, "»«", "12", "#" * 30]  # fmt: skip
    masks = text_filter([odd, list(reversed(odd))])
    assert [len(m) for m in masks] == [len(odd), len(odd)]


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.text(max_size=60), max_size=6), max_size=4))
def test_any_text_keeps_the_shape(pages: list[list[str]]) -> None:
    for name, fn in TEXT_FILTERS.items():
        if name == "jusText on text":
            pytest.importorskip("justext")
        masks = fn(pages)
        assert [len(m) for m in masks] == [len(p) for p in pages], name


def test_keep_everything_keeps_everything() -> None:
    assert keep_everything([ARTICLE, []]) == [[True] * len(ARTICLE), []]


def test_c4_keeps_sentences_and_drops_unpunctuated_javascript_and_policy() -> None:
    [mask] = c4_line_rules([ARTICLE])
    kept = _kept(mask, ARTICLE)
    assert SENTENCE in kept and LONG_PARAGRAPH in kept
    assert "New bridge to open in the spring" not in kept  # no terminal punctuation
    assert "Please enable JavaScript to view the comments powered by our partner." not in kept
    assert "Cookie policy" not in kept
    assert c4_line_rules([["Short but punctuated line."]]) == [[False]]  # 4 words < 5
    assert c4_line_rules([["Read our privacy policy before you sign up today."]]) == [[False]]
    assert c4_line_rules([["He said it was a good day for the town [1]."]]) == [[True]]


def test_c4_page_rules_are_opt_in() -> None:
    code = [SENTENCE, SENTENCE.replace("Monday", "Tuesday"), "function f() { return 1; }"]
    assert any(c4_line_rules([code])[0])
    assert c4_line_rules([code], page_rules=True) == [[False, False, False]]
    assert c4_line_rules([[SENTENCE]], page_rules=True) == [[False]]  # fewer than 3 sentences
    three = [SENTENCE, SENTENCE.replace("Monday", "Friday"), LONG_PARAGRAPH]
    assert all(c4_line_rules([three], page_rules=True)[0])


def test_gopher_drops_bullets_ellipses_and_repeats() -> None:
    page = [
        SENTENCE,
        "• Home • World • Business",
        "- Read the full report of the council",
        "The mayor said that the plan to build the road had been a long one...",
        "Share this story with the people you know",
        "Share this story with the people you know",
    ]
    [mask] = gopher_line_rules([page])
    assert mask == [True, False, False, False, False, False]
    # The stop-word rule is English only.
    german = ["Der Rat hat am Montag beschlossen, die Brücke im Frühjahr zu öffnen."]
    assert gopher_line_rules([german]) == [[False]]
    assert gopher_line_rules([german], langs=["de"]) == [[True]]


def test_fineweb_drops_short_unpunctuated_and_repeated_lines() -> None:
    long_unpunctuated = "Officials expect the bridge to carry around twelve thousand cars every day"
    page = [SENTENCE, "Subscribe to our newsletter", "Sign up for our daily morning briefing now",
            long_unpunctuated, "Cookie policy and terms of use apply to every reader here.",
            SENTENCE]  # fmt: skip
    [mask] = fineweb_line_rules([page])
    assert mask == [False, False, False, True, False, False]  # SENTENCE repeats in the page
    assert fineweb_line_rules([[SENTENCE]]) == [[True]]


def test_refinedweb_drops_caps_counters_numbers_and_single_words() -> None:
    page = [SENTENCE, "ADVERTISEMENT FEATURE", "BREAKING NEWS: Bridge OPENS", "12 comments",
            "3 shares", "Share 4", "1.2K views", "Comments (12)", "2024-05-01 10:32", "Share",
            "NASA says the launch of the probe will go ahead on Friday."]  # fmt: skip
    [mask] = refinedweb_line_corrections([page])
    assert mask == [True] + [False] * 9 + [True]


def test_refinedweb_page_rule_is_opt_in() -> None:
    page = [LONG_PARAGRAPH, "Share"]  # 1 removed word of ~70: under 5%
    assert refinedweb_line_corrections([page], page_rule=True) == [[True, False]]
    page = [SENTENCE, "Share", "Like", "Tweet"]  # 3 of 19 words removed: over 5%
    assert refinedweb_line_corrections([page], page_rule=True) == [[False] * 4]
    assert refinedweb_line_corrections([page]) == [[True, False, False, False]]


def test_ccnet_drops_lines_shared_across_pages_only() -> None:
    masks = ccnet_line_dedup([ARTICLE, OTHER_ARTICLE])
    kept, other = _kept(masks[0], ARTICLE), _kept(masks[1], OTHER_ARTICLE)
    assert "Subscribe to our newsletter" not in kept | other
    assert "• Home • World • Business • Sport" not in kept | other
    assert SENTENCE in kept and LONG_PARAGRAPH in kept
    assert "Storm closes schools across the region" in other


def test_ccnet_normalises_case_digits_accents_and_punctuation() -> None:
    pages = [["Read 12 Comments!", SENTENCE], ["read 47 comments", "Café news"], ["CAFE NEWS?"]]
    assert ccnet_line_dedup(pages) == [[False, True], [False, False], [False]]
    # Repeats inside one page are not cross-page duplicates; empty normalised lines are kept.
    assert ccnet_line_dedup([["Share", "Share", "!!!"], [SENTENCE, "..."]]) == [
        [True, True, True],
        [True, True],
    ]


def test_justext_on_text_keeps_prose_and_drops_link_like_lines() -> None:
    pytest.importorskip("justext")
    page = ["Home", "World news", LONG_PARAGRAPH, LONG_PARAGRAPH.replace("valley", "town"),
            "Privacy policy", "Follow us on X"]  # fmt: skip
    [mask] = justext_on_text([page])
    kept = _kept(mask, page)
    assert LONG_PARAGRAPH in kept
    assert "Home" not in kept and "Privacy policy" not in kept


def test_justext_on_text_keeps_lines_it_cannot_align() -> None:
    pytest.importorskip("justext")
    page = ["", "\x00\x01", LONG_PARAGRAPH, "<b>not a tag</b> & friends"]
    [mask] = justext_on_text([page], langs=["en"])
    assert mask[0] is True and mask[1] is True  # nothing for jusText to see: kept
    assert mask[2] is True
