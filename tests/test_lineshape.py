"""The line's shape: flags that mark chaff in any outlet's words, and edge words that keep
their place."""

from fuzzing import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from winnow.features.lineshape import LINE_SHAPE, edge_tokens, line_shape

SETTINGS = settings(max_examples=examples(300), deadline=None)


def flags(text: str) -> set[str]:
    return {name for name, value in zip(LINE_SHAPE, line_shape(text), strict=True) if value}


def test_chaff_shapes_are_flagged():
    assert {"call_start", "second_person"} <= flags("Support us: your gift keeps this site free")
    assert "call_start" in flags("Sign up for the morning briefing")
    assert "call_start" in flags("Jetzt abonnieren und weiterlesen")
    assert "label_start" in flags("Read more: Harbour bridge to close for repairs")
    assert "bullet" in flags("- Related: ten ways to save on heating")
    assert "date" in flags("Updated 14 March 2025, 10:42")
    assert "date" in flags("Published 3 hours ago")
    assert "reading_time" in flags("4 min read")
    assert "price" in flags("Now $71 at the online store")
    assert "handle_or_email" in flags("Follow @harbournews or write to desk@harbour.example")
    assert "url" in flags("More at www.harbour.example")
    assert "copyright" in flags("© 2025 Harbour Media Ltd. All rights reserved.")
    assert "bio" in flags("Amira Castell has been covering the harbour for the Daily since 2019.")
    assert "bio" in flags("Hi, I’m Tom, and I write about gardens.")
    assert "credit" in flags("Photo by Jane Doe for the Harbour Daily")
    assert "credit" in flags("Image courtesy of the Port Authority")
    assert "ends_colon" in flags("More from the desk:")
    assert "all_caps" in flags("WHERE TO BUY")


def test_an_article_sentence_raises_no_flag():
    sentence = (
        "The council voted on Tuesday to close the old swing bridge for eleven weeks, and "
        "engineers said the repairs would cost about two million pounds."
    )
    assert flags(sentence) == set()
    assert "call_start" not in flags("Readers of the report will find its figures stark.")


def test_edge_tokens_keep_the_opening_and_closing_words_in_place():
    tokens = edge_tokens("Read more: Ten ways to fix a bike").split()
    assert tokens[:3] == ["^read", "^read_more", "^read_more_:"]
    assert "bike$" in tokens
    # Inside a sentence the same words are not an opening.
    assert "^read_more" not in edge_tokens("You can read more about it here.").split()
    # Digits are one token whatever the number, so "4 min read" and "12 min read" agree.
    assert edge_tokens("4 min read") == edge_tokens("12 min read")
    assert edge_tokens("") == "^"


@SETTINGS
@given(st.text(max_size=400))
def test_shape_is_one_bounded_number_per_name_for_any_text(text):
    values = line_shape(text)
    assert len(values) == len(LINE_SHAPE)
    assert all(0.0 <= v <= 1.0 for v in values)
    tokens = edge_tokens(text).split()
    assert tokens and all(t.strip() == t for t in tokens)
