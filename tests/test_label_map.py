"""Label maps: folding source topics, and weak topics from URL sections."""

import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from winnow.train.dataset import build_dataset
from winnow.train.label_map import LabelMap, read_label_map, url_sections_of, url_topic
from winnow.train.options import BuildOptions

DEFAULT_MAP = Path(__file__).parent.parent / "data" / "labelmaps" / "default.toml"
SECTIONS = {
    "sport": "sport",
    "football": "sport",
    "business": "business",
    "technology": "science_technology",
    "world": "world",
    "politics": "politics",
    "tv": "entertainment",
    "uk-politics": "politics",
    "tv-and-radio": "entertainment",
}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example.com/sport/2019/may/01/late-winner-seals-title", ("sport", "sport")),
        ("https://example.com/news/world-europe-68001234", ("world", "world")),
        ("https://example.co.uk/news/uk-politics-5512", ("politics", "uk-politics")),
        ("https://example.com/tv-and-radio/2023/jan/02/review", ("entertainment", "tv-and-radio")),
        ("https://example.com/football/2023/story/123", ("sport", "football")),
        ("https://example.com/business/", ("business", "business")),
        (
            "https://example.com/2023/01/02/politics/senate-vote/index.html",
            ("politics", "politics"),
        ),
    ],
)
def test_a_url_section_names_the_topic(url, expected):
    assert url_topic(url, SECTIONS) == expected


@pytest.mark.parametrize(
    "url",
    [
        # The slug is the story's own words, not a section.
        "https://example.com/news/sport-is-good-for-you",
        "https://example.com/2019/05/business-as-usual",
        # Two sections that disagree name no topic.
        "https://example.com/business/technology/chip-makers-merge",
        "https://example.com/opinion/why-we-read",
        # Host names and the words of hyphenated segments are not sections.
        "https://tv.example.com/2012/09/a-politics-show-post",
        "https://example.com/business-insights/best-podcasts",
        "not a url at all",
        "",
        None,
    ],
)
def test_no_topic_without_one_agreed_section(url):
    assert url_topic(url, SECTIONS) is None


def test_sections_are_path_segments_never_the_slug():
    assert url_sections_of("https://sport.example.com/football/teams/some-long-story-slug") == [
        "football",
        "teams",
    ]
    assert url_sections_of("https://example.com/news/world-europe-68001234") == [
        "news",
        "world-europe",
        "world",
    ]
    assert url_sections_of("https://www.example.com/") == []


@given(st.text(max_size=200))
def test_any_string_gives_a_topic_or_none_and_never_raises(text):
    found = url_topic(text, SECTIONS)
    assert found is None or found[0] in SECTIONS.values()


def test_the_label_map_file_holds_both_tables(tmp_path):
    path = tmp_path / "map.toml"
    path.write_text(
        '[labels]\n"Sci/Tech" = "science"\n"junk" = ""\n[url_sections]\n"Tech" = "science"\n'
    )
    mapping = read_label_map(path)
    assert mapping.labels == {"Sci/Tech": "science", "junk": ""}
    assert mapping.url_sections == {"tech": "science"}  # sections compare in lower case
    assert mapping.fold("Sci/Tech") == "science"
    assert mapping.fold("junk") is None
    assert mapping.fold("World") == "World"
    assert mapping.url_topic("https://example.com/tech/phones-get-cheaper") == ("science", "tech")


@pytest.mark.parametrize(
    "text", ['[labels]\n"a" = 1\n', '[url_sections]\n"sport" = ["sport"]\n', "not = [toml"]
)
def test_a_broken_label_map_is_a_plain_error(tmp_path, text):
    path = tmp_path / "map.toml"
    path.write_text(text)
    with pytest.raises(ValueError, match="map.toml"):
        read_label_map(path)


def test_the_default_map_reads_the_sections_of_common_news_urls():
    mapping = read_label_map(DEFAULT_MAP)
    assert set(mapping.url_sections.values()) <= set(mapping.labels.values())
    # The labels table folds the labels AG News and BBC News give, and nothing else.
    assert set(mapping.labels) == {"World", "Sports", "Business", "Sci/Tech"} | {
        "business",
        "entertainment",
        "politics",
        "sport",
        "tech",
    }
    examples = {
        "https://www.example.com/sport/football/68001234": "sport",
        "https://www.example.com/news/business-68001234": "business",
        "https://www.example.com/news/entertainment-arts-68001234": "entertainment",
        "https://www.example.com/us/politics/2023/01/02/a-story": "politics",
        "https://www.example.com/world/2023/jan/02/a-story": "world",
        "https://www.example.com/technology/2019/may/01/a-story": "science_technology",
        "https://www.example.com/culture/film/a-story": "entertainment",
    }
    for url, topic in examples.items():
        assert mapping.url_topic(url)[0] == topic, url
    assert mapping.url_topic("https://www.example.com/news/a-story") is None


def _page(i, url, gold=True):
    body = f"<p>Story {i} opens here with a full sentence of its own.</p><p>Share this story</p>"
    row = {"id": f"p{i}", "url": url, "html": f"<html><body>{body}</body></html>"}
    if gold:
        row["gold_text"] = f"Story {i} opens here with a full sentence of its own."
    return row


def test_build_gives_labelled_pages_their_url_topic_and_counts_them(tmp_path):
    rows = [
        _page(0, "https://a.example.com/sport/story-zero"),
        _page(1, "https://b.example.com/business/markets/story-one"),
        _page(2, "https://c.example.com/news/story-two"),  # no section: no topic
        {**_page(3, "https://d.example.com/sport/story-three"), "topic": "business"},
        _page(4, "https://e.example.com/sport/story-four", gold=False),  # no article text known
        {**_page(5, "https://f.example.com/sport/shoes/"), "page_type": "product"},  # no story
    ]
    path = tmp_path / "pages.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    manifest = build_dataset(
        [path],
        tmp_path / "out",
        BuildOptions(fractions=(1, 0, 0), url_sections=SECTIONS),
    )
    train = manifest["splits"]["train"]
    assert train["topics"] == {"business": 2, "sport": 1}
    assert train["url_topics"] == {"business": 1, "sport": 1}
    assert manifest["options"]["url_sections"] == SECTIONS
    pages = pd.read_parquet(tmp_path / "out" / "pages" / "train.parquet").set_index("id")
    assert pages.loc["p0", "topic_source"] == "url section sport"
    assert pages.loc["p3", "topic_source"] == "label"  # a page's own label wins
    assert pages.loc["p2", "topic"] == ""
    assert pages.loc["p5", "topic"] == ""
    assert manifest["pages_dropped"] == {"no_labels": 1}


def test_a_url_topic_is_given_only_with_its_label_map_table(tmp_path):
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps(_page(0, "https://a.example.com/sport/story-zero")) + "\n")
    manifest = build_dataset([path], tmp_path / "out", BuildOptions(fractions=(1, 0, 0)))
    assert manifest["splits"]["train"]["topics"] == {}
    assert LabelMap().url_topic("https://a.example.com/sport/x") is None
