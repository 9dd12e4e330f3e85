"""Title, byline, date and site as fields of their own: each source, the precedence between
them, and that nothing a page holds makes the functions raise or work without bound."""

import json
import re
import time

import pytest
from fuzzing import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from winnow.features.metadata import (
    FIELDS,
    MAX_CHARS,
    MAX_DOM_CHARS,
    clean_byline,
    html_metadata,
    line_byline,
    line_date,
    parse_date,
    text_metadata,
    url_date,
)

SETTINGS = settings(max_examples=examples(200), deadline=None)
BODY = "<p>" + "The council met on Tuesday to discuss the budget for next year. " * 5 + "</p>"


def page(head: str = "", body: str = BODY) -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def ld(obj) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def meta(key: str, value: str, attr: str = "name") -> str:
    return f'<meta {attr}="{key}" content="{value}">'


ARTICLE = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Council approves new budget",
    "author": {"@type": "Person", "name": "Jane Doe"},
    "datePublished": "2023-03-04T10:00:00+01:00",
    "publisher": {"@type": "Organization", "name": "The Example Times"},
}


# --- JSON-LD ---------------------------------------------------------------------------------


def test_jsonld_article_gives_all_four_fields():
    assert html_metadata(page(ld(ARTICLE))) == {
        "title": "Council approves new budget",
        "byline": "Jane Doe",
        "date": "2023-03-04",
        "site": "The Example Times",
    }


@pytest.mark.parametrize(
    "kind", ["Article", "BlogPosting", "ReportageNewsArticle", ["NewsArticle", "Thing"]]
)
def test_jsonld_article_types(kind):
    assert (
        html_metadata(page(ld({**ARTICLE, "@type": kind})))["title"]
        == "Council approves new budget"
    )


def test_jsonld_other_types_are_not_articles():
    found = html_metadata(page(ld({**ARTICLE, "@type": "Product"})))
    assert found["title"] is None and found["byline"] is None and found["date"] is None


def test_jsonld_inside_graph_and_lists():
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Example Times Online"},
            {k: v for k, v in ARTICLE.items() if k != "@context"},
        ],
    }
    assert html_metadata(page(ld(graph)))["title"] == "Council approves new budget"
    assert html_metadata(page(ld([{"@type": "BreadcrumbList"}, ARTICLE])))["byline"] == "Jane Doe"


@pytest.mark.parametrize(
    "author, byline",
    [
        ("Jane Doe", "Jane Doe"),
        ({"name": "Jane Doe"}, "Jane Doe"),
        ({"@type": "Person", "givenName": "Jane", "familyName": "Doe"}, "Jane Doe"),
        ([{"name": "Jane Doe"}, {"name": "John Roe"}, "Jane Doe"], "Jane Doe, John Roe"),
        ("By Jane Doe and John Roe", "Jane Doe and John Roe"),
    ],
)
def test_jsonld_author_forms(author, byline):
    assert html_metadata(page(ld({**ARTICLE, "author": author})))["byline"] == byline


def test_jsonld_organisation_author_is_not_a_byline():
    html = page(ld({**ARTICLE, "author": {"@type": "Organization", "name": "Example Media"}}))
    assert html_metadata(html)["byline"] is None
    with_meta = page(
        ld({**ARTICLE, "author": {"@type": "Organization", "name": "X"}})
        + meta("author", "John Roe")
    )
    assert html_metadata(with_meta)["byline"] == "John Roe"


def test_jsonld_date_created_when_not_published():
    article = {k: v for k, v in ARTICLE.items() if k != "datePublished"}
    assert html_metadata(page(ld({**article, "dateCreated": "2022-12-31"})))["date"] == "2022-12-31"
    published_meta = meta("article:published_time", "2023-01-02", "property")
    assert (
        html_metadata(page(ld({**article, "dateCreated": "2022-12-31"}) + published_meta))["date"]
        == "2023-01-02"
    )


def test_malformed_jsonld_is_read_by_pattern():
    broken = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Storm closes '
        'roads", "author": {"@type": "Person", "name": "Jane Doe"}, "datePublished": '
        '"2023-03-04",}</script>'
    )
    found = html_metadata(page(broken))
    assert (found["title"], found["byline"], found["date"]) == (
        "Storm closes roads",
        "Jane Doe",
        "2023-03-04",
    )


@pytest.mark.parametrize(
    "script",
    [
        "{not json at all",
        "[" * 100_000 + "]" * 100_000,
        '{"@type": "NewsArticle", "headline": ' + '"x' * 10,
        "",
        "null",
        '"just a string"',
        '{"@type": 5, "headline": ["a", 3], "author": {"name": {"name": 7}}}',
    ],
)
def test_broken_jsonld_leaves_the_other_sources(script):
    html = page(
        f'<script type="application/ld+json">{script}</script>' + meta("author", "Jane Doe")
    )
    assert html_metadata(html)["byline"] == "Jane Doe"


def test_cdata_wrapped_jsonld():
    two = {**ARTICLE, "author": [{"name": "Jane Doe"}, {"name": "John Roe"}]}
    html = page(
        f'<script type="application/ld+json">/*<![CDATA[*/{json.dumps(two)}/*]]>*/</script>'
    )
    assert html_metadata(html)["byline"] == "Jane Doe, John Roe"


def test_jsonld_entities_are_decoded():
    html = page(ld({**ARTICLE, "headline": "Rates &amp; prices rise"}))
    assert html_metadata(html)["title"] == "Rates & prices rise"


def test_jsonld_after_the_parsed_prefix_is_still_read():
    filler = "<p>" + "word " * 200 + "</p>"
    html = page(body=filler * (MAX_DOM_CHARS // len(filler) + 10) + ld(ARTICLE))
    assert html_metadata(html)["title"] == "Council approves new budget"


# --- OpenGraph and <meta> ------------------------------------------------------------------


def test_opengraph():
    head = (
        meta("og:title", "Council approves new budget | The Example Times", "property")
        + meta("og:site_name", "The Example Times", "property")
        + meta("article:published_time", "2023-03-04T10:00:00Z", "property")
        + meta("article:author", "Jane Doe", "property")
    )
    assert html_metadata(page(head)) == {
        "title": "Council approves new budget",
        "byline": "Jane Doe",
        "date": "2023-03-04",
        "site": "The Example Times",
    }


def test_article_author_url_is_not_a_byline():
    head = meta("article:author", "https://www.facebook.com/janedoe", "property")
    assert html_metadata(page(head))["byline"] is None


@pytest.mark.parametrize(
    "key", ["author", "byl", "parsely-author", "sailthru.author", "dc.creator", "DC.creator"]
)
def test_author_meta(key):
    assert html_metadata(page(meta(key, "By Jane Doe")))["byline"] == "Jane Doe"


def test_several_author_metas_are_joined():
    assert (
        html_metadata(page(meta("author", "Jane Doe") + meta("author", "John Roe")))["byline"]
        == "Jane Doe, John Roe"
    )


@pytest.mark.parametrize(
    "key, attr",
    [
        ("article:published_time", "property"),
        ("datePublished", "itemprop"),
        ("pubdate", "name"),
        ("publishdate", "name"),
        ("dc.date", "name"),
        ("date", "name"),
        ("parsely-pub-date", "name"),
        ("sailthru.date", "name"),
    ],
)
def test_date_meta(key, attr):
    assert html_metadata(page(meta(key, "2023-03-04T10:00:00Z", attr)))["date"] == "2023-03-04"


def test_application_name_is_the_site():
    assert html_metadata(page(meta("application-name", "Example Times")))["site"] == "Example Times"


def test_precedence_between_sources():
    head = (
        "<title>From the title element</title>"
        + meta("og:title", "From OpenGraph", "property")
        + meta("og:site_name", "OpenGraph Site", "property")
        + meta("pubdate", "2020-01-01")
        + meta("author", "Meta Author")
        + ld({**ARTICLE, "headline": "From JSON-LD"})
    )
    found = html_metadata(page(head))
    assert found == {
        "title": "From JSON-LD",
        "byline": "Jane Doe",
        "date": "2023-03-04",
        "site": "OpenGraph Site",
    }
    no_ld = html_metadata(page(head.split("<script")[0]))
    assert no_ld == {
        "title": "From OpenGraph",
        "byline": "Meta Author",
        "date": "2020-01-01",
        "site": "OpenGraph Site",
    }


def test_single_h1_beats_opengraph_and_title():
    html = page(meta("og:title", "Social headline", "property"), "<h1>Page headline</h1>" + BODY)
    assert html_metadata(html)["title"] == "Page headline"
    with_ld = page(ld(ARTICLE), "<h1>Page headline</h1>" + BODY)
    assert html_metadata(with_ld)["title"] == "Council approves new budget"
    two = page(meta("og:title", "Social headline", "property"), "<h1>One</h1><h1>Two</h1>" + BODY)
    assert html_metadata(two)["title"] == "Social headline"


# --- markup fallbacks ----------------------------------------------------------------------


def test_time_and_itemprop_dates():
    assert (
        html_metadata(page(body='<time datetime="2023-03-04T09:00">Saturday</time>' + BODY))["date"]
        == "2023-03-04"
    )
    itemprop = '<span itemprop="datePublished" content="2021-05-06">6 May</span>'
    later_time = '<time datetime="2023-03-04">x</time>'
    assert html_metadata(page(body=later_time + itemprop + BODY))["date"] == "2021-05-06"


def test_byline_elements():
    rel = '<a rel="author" href="/staff/jane">Jane Doe</a>'
    assert html_metadata(page(body=rel + BODY))["byline"] == "Jane Doe"
    cls = '<div class="article-byline">By Jane Doe, Health Correspondent</div>'
    assert html_metadata(page(body=cls + BODY))["byline"] == "Jane Doe"
    itemprop = '<span itemprop="author" itemscope><span itemprop="name">Jane Doe</span></span>'
    assert html_metadata(page(body=itemprop + BODY))["byline"] == "Jane Doe"


def test_the_site_name_is_not_a_byline():
    head = meta("author", "The Example Times") + meta("og:site_name", "Example Times", "property")
    assert html_metadata(page(head))["byline"] is None


def test_comment_authors_are_not_the_byline():
    comment = '<div class="comment-author">By Troll Person</div>'
    assert html_metadata(page(body=BODY + comment))["byline"] is None


def test_lines_under_the_headline():
    body = (
        '<article><h1>Council approves new budget</h1><p class="dek">A short standfirst here</p>'
        '<div><span>By <a href="/jane">Jane Doe</a>, Political Editor</span>'
        "<span>Updated March 4, 2023 10:00 am</span></div>" + BODY + "</article>"
    )
    found = html_metadata(page(body=body))
    assert (found["byline"], found["date"]) == ("Jane Doe", "2023-03-04")


def test_body_text_far_from_the_headline_is_not_read():
    body = "<h1>Council approves new budget</h1>" + BODY + "<p>By Jane Doe</p><p>4 March 2023</p>"
    found = html_metadata(page(body=body))
    assert found["byline"] is None and found["date"] is None


def test_date_in_the_url_is_the_last_resort():
    assert (
        html_metadata(page(), "https://example.com/news/2023/03/04/budget")["date"] == "2023-03-04"
    )
    assert url_date("https://example.com/20230304-budget") == "2023-03-04"
    assert url_date("https://example.com/story/123456789") is None


# --- <title> and the site ------------------------------------------------------------------


@pytest.mark.parametrize(
    "title, site",
    [
        ("Council approves new budget | The Example Times", "The Example Times"),
        ("Council approves new budget - Example Times", "The Example Times"),
        ("The Example Times: Council approves new budget", "The Example Times"),
    ],
)
def test_title_element_loses_the_site_name(title, site):
    html = page(f"<title>{title}</title>" + meta("og:site_name", site, "property"))
    assert html_metadata(html)["title"] == "Council approves new budget"


def test_site_from_the_title_when_it_names_the_host():
    html = page("<title>Council approves new budget - Example Times</title>")
    found = html_metadata(html, "https://www.exampletimes.com/news/budget")
    assert found == {
        "title": "Council approves new budget",
        "byline": None,
        "date": None,
        "site": "Example Times",
    }
    # Without a host to check against, a dash may part a headline from its subtitle.
    assert html_metadata(html)["site"] is None
    assert (
        html_metadata(page("<title>Council approves new budget | Example Times</title>"))["site"]
        == "Example Times"
    )


def test_a_title_that_is_only_the_site_name_is_no_title():
    html = page(
        "<title>The Example Times</title>" + meta("og:site_name", "The Example Times", "property")
    )
    assert html_metadata(html)["title"] is None


def test_title_entities_and_space():
    assert (
        html_metadata(page("<title>\n  Rates &amp; prices\n rise </title>"))["title"]
        == "Rates & prices rise"
    )


# --- no metadata, hostile pages ------------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    ["", "plain words, no markup", page(), page(body=BODY), "<html", b"<title>Bytes</title>"],
)
def test_pages_without_metadata(html):
    found = html_metadata(html)
    assert set(found) == set(FIELDS)
    if not isinstance(html, bytes):
        assert found == dict.fromkeys(FIELDS)
    else:
        assert found["title"] == "Bytes"


def test_huge_page_is_read_in_bounded_time():
    head = "<title>Big page</title>" + meta("author", "Jane Doe") + ld(ARTICLE) * 40
    html = page(head, BODY * (20_000_000 // len(BODY)))
    start = time.process_time()
    found = html_metadata(html)
    assert time.process_time() - start < 5
    assert found["byline"] == "Jane Doe" and found["title"] == "Council approves new budget"


def test_deeply_nested_markup_keeps_the_head():
    html = page(meta("author", "Jane Doe"), "<div>" * 100_000 + "x" + "</div>" * 100_000)
    start = time.process_time()
    assert html_metadata(html)["byline"] == "Jane Doe"
    assert time.process_time() - start < 5


def test_unclosed_and_oversized_scripts():
    html = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Cut short"'
        + " " * 600_000
    )
    assert html_metadata(html)["title"] == "Cut short"
    many = page("".join('<script type="application/ld+json">{}</script>' for _ in range(10_000)))
    assert html_metadata(many) == dict.fromkeys(FIELDS)


def test_a_fault_inside_gives_no_fields_not_an_exception(monkeypatch):
    from winnow.features import metadata

    def broken(*args):
        raise RuntimeError("parser bug")

    monkeypatch.setattr(metadata, "_jsonld", broken)
    assert html_metadata(page(meta("author", "Jane Doe"))) == dict.fromkeys(FIELDS)
    monkeypatch.setattr(metadata, "line_byline", broken)
    assert text_metadata(ARTICLE_LINES) == dict.fromkeys(FIELDS)


def test_overlong_values_are_left_out():
    html = page(meta("og:title", "word " * 200, "property") + meta("author", "Jane " * 100))
    found = html_metadata(html)
    assert found["title"] is None and found["byline"] is None


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, day",
    [
        ("2023-03-04", "2023-03-04"),
        ("2023-03-04T23:30:00-05:00", "2023-03-04"),
        ("2023/3/4", "2023-03-04"),
        ("20230304", "2023-03-04"),
        ("4 March 2023", "2023-03-04"),
        ("4th of March, 2023", "2023-03-04"),
        ("March 4, 2023", "2023-03-04"),
        ("Mar. 4th 2023", "2023-03-04"),
        ("Sat, 04 Mar 2023 10:00:00 GMT", "2023-03-04"),
        ("04.03.2023", "2023-03-04"),
        ("24/03/2023", "2023-03-24"),
        ("03/24/2023", "2023-03-24"),
        ("1677924000", "2023-03-04"),
        ("03/04/2023", None),  # March or April
        ("2023-02-30", None),
        ("1850-01-01", None),
        ("1985-06-01", None),
        ("2099-06-01", None),
        ("3000-01-01", None),
        ("yesterday", None),
        ("March 2023", None),
        ("", None),
    ],
)
def test_parse_date(value, day):
    assert parse_date(value) == day


# --- bylines -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, byline",
    [
        ("By Jane Doe and John Roe", "Jane Doe and John Roe"),
        ("BY JANE DOE", "JANE DOE"),
        ("Written by Jane Doe", "Jane Doe"),
        ("Jane Doe, Political Correspondent", "Jane Doe"),
        ("Jane Doe, Health Editor, The Example Times", "Jane Doe"),
        ("Jane Doe; John Roe", "Jane Doe, John Roe"),
        ("Dana Lee, MS, RD", "Dana Lee"),
        ("By Jane Doe | March 4, 2023", "Jane Doe"),
        ("By Jane DoePublished: Mar 4, 2023", "Jane Doe"),
        ("Jane Doe (@janedoe)", "Jane Doe"),
        ("jane.doe@example.com", None),
        ("https://example.com/author/jane", None),
        ("Jane Doe www.janedoe.com", None),
        ("Admin", None),
        ("The Example Team", None),
        ("Written By", None),
        ("Full Bio", None),
        ("janedoe79", None),
        ("Veröffentlicht von Jane Doe", "Jane Doe"),
        ("Jane Doe Monday", "Jane Doe"),
        ("", None),
    ],
)
def test_clean_byline(value, byline):
    assert clean_byline(value) == byline


@pytest.mark.parametrize(
    "line, byline",
    [
        ("By Jane Doe", "Jane Doe"),
        ("by Jane van der Berg", "Jane van der Berg"),
        ("By J. K. Doe and John Roe", "J. K. Doe and John Roe"),
        ("Jane Doe, Political Correspondent", "Jane Doe"),
        ("By Jane Doe in Paris", "Jane Doe"),
        ("by Jane Doe on Monday, March 6, 2023", "Jane Doe"),
        ("By the time the council met, the money had gone", None),
        ("By clicking Accept you agree to our cookies", None),
        ("By Monday", None),
        ("Jane Doe", None),  # a name alone might be anyone's
        ("Jane Doe, London", None),
        ("Share on Facebook, Twitter", None),
        ("By 2030 the city will need more homes", None),
    ],
)
def test_line_byline_is_conservative(line, byline):
    assert line_byline(line) == byline


@pytest.mark.parametrize(
    "line, found",
    [
        ("Published 3 March 2023", ("2023-03-03", "published")),
        ("Updated: 2023-03-04 10:00", ("2023-03-04", "updated")),
        ("March 3, 2023", ("2023-03-03", "published")),
        ("Friday 3 March 2023 10.15 GMT", ("2023-03-03", "published")),
        ("By Jane Doe | March 3, 2023", ("2023-03-03", "published")),
        ("Last updated on Mar 3, 2023 at 4:15 pm EST", ("2023-03-03", "updated")),
        ("The plan was agreed on March 3, 2023 after long talks", None),
        ("In 2023 the council met 12 times", None),
        ("2 hours ago", None),
    ],
)
def test_line_date(line, found):
    assert line_date(line) == found


# --- plain text ----------------------------------------------------------------------------

ARTICLE_LINES = [
    "We use cookies to improve your experience. Accept Reject",
    "Home News Sport Business Contact",
    "Council approves new budget after late-night vote",
    "Councillors agreed the plan by a narrow margin",
    "By Jane Doe, Local Democracy Reporter",
    "Updated 4 March 2023",
    "The council approved its budget for next year on Tuesday after a debate that ran past midnight.",
    "The plan raises spending on roads and schools.",
    "© 2023 The Example Times. All rights reserved.",
]
ARTICLE_KEPT = [False] * 6 + [True, True, False]


def test_text_page():
    assert text_metadata(ARTICLE_LINES, ARTICLE_KEPT) == {
        "title": "Council approves new budget after late-night vote",
        "byline": "Jane Doe",
        "date": "2023-03-04",
        "site": "The Example Times",
    }
    assert text_metadata(ARTICLE_LINES) == text_metadata(ARTICLE_LINES, ARTICLE_KEPT)


def test_text_page_starting_with_its_headline():
    lines = ["Council approves new budget after late-night vote", ARTICLE_LINES[6]]
    assert text_metadata(lines)["title"] == lines[0]
    assert text_metadata(["Home News Sport Business Contact", ARTICLE_LINES[6]])["title"] is None


def test_boilerplate_lines_are_preferred_for_byline_and_date():
    lines = [
        "By John Roe",
        "Published 1 February 2023",
        "By Jane Doe",
        "Published 4 March 2023",
        "Body text.",
    ]
    kept = [True, True, False, False, True]
    found = text_metadata(lines, kept)
    assert (found["byline"], found["date"]) == ("Jane Doe", "2023-03-04")
    assert text_metadata(lines)["byline"] == "John Roe"


def test_headline_kept_as_content():
    """Models keep most headlines as content: the first content line can be the title."""
    lines = ["Home News Sport Business Contact", *ARTICLE_LINES[2:4], ARTICLE_LINES[6]]
    assert text_metadata(lines, [False, True, True, True])["title"] == ARTICLE_LINES[2]


def test_banners_over_the_page_are_not_its_title():
    paragraph = ARTICLE_LINES[6]
    assert text_metadata(["Acme Widgets Gadgets Gizmos Deals", paragraph])["title"] is None
    assert text_metadata(["Share this story with your friends today", paragraph])["title"] is None
    lines = [
        "Free delivery on orders over fifty pounds today",
        "Home News Sport",
        "Shop now",
        "Offers",
    ]
    assert text_metadata(lines)["title"] is None


def test_published_beats_updated():
    lines = ["Updated 5 March 2023", "Published 4 March 2023", "Body text."]
    assert text_metadata(lines)["date"] == "2023-03-04"


def test_article_start_far_down_the_page():
    nav = [f"Section {i} link" for i in range(60)]
    lines = nav + ARTICLE_LINES[2:8]
    kept = [False] * (len(nav) + 4) + [True, True]
    found = text_metadata(lines, kept)
    assert (found["title"], found["byline"], found["date"]) == (
        ARTICLE_LINES[2],
        "Jane Doe",
        "2023-03-04",
    )
    assert text_metadata(lines)["byline"] is None  # without the labels, only the top is read


def test_a_page_of_a_million_lines_is_read_at_its_top_and_end():
    lines = [
        *ARTICLE_LINES[:-1],
        *["The plan raises spending on roads."] * 1_000_000,
        ARTICLE_LINES[-1],
    ]
    kept = [False] * 6 + [True] * (len(lines) - 7) + [False]
    start = time.process_time()
    found = text_metadata(lines, kept)
    assert time.process_time() - start < 1
    assert (found["byline"], found["site"]) == ("Jane Doe", "The Example Times")


def test_text_page_without_metadata():
    lines = ["The council approved its budget on Tuesday.", "Spending on roads will rise."]
    assert text_metadata(lines) == dict.fromkeys(FIELDS)
    assert text_metadata([]) == dict.fromkeys(FIELDS)
    # Labels that do not fit the lines are ignored, not a reason to give nothing.
    assert text_metadata(["By Jane Doe", *lines], [True])["byline"] == "Jane Doe"


# --- properties ----------------------------------------------------------------------------

DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def assert_record(found: dict) -> None:
    assert list(found) == list(FIELDS)
    for field, value in found.items():
        assert value is None or (
            isinstance(value, str) and value and len(value) <= MAX_CHARS[field]
        )
    assert found["date"] is None or DAY.fullmatch(found["date"])


MARKUP = st.lists(
    st.one_of(
        st.text(max_size=30),
        st.sampled_from(
            [
                "<title>",
                "</title>",
                "<h1>",
                "</h1>",
                '<script type="application/ld+json">',
                "</script>",
                '{"@type": "NewsArticle", "headline": "',
                '"author": {"name": "',
                '"datePublished": "2023-03-04',
                '<meta name="author" content="',
                '<meta property="og:title" content="',
                '<meta name="pubdate" content="',
                '<time datetime="',
                '<div class="byline">By ',
                "By Jane Doe",
                " | ",
                '">',
                "{",
                "}",
                "[",
                "]",
                "<br>",
                "<p>",
            ]
        ),
    ),
    max_size=40,
).map("".join)


@SETTINGS
@given(st.one_of(st.text(), MARKUP), st.one_of(st.none(), st.text(max_size=50)))
def test_html_metadata_never_raises(html, url):
    assert_record(html_metadata(html, url))


@SETTINGS
@given(st.lists(st.one_of(st.text(max_size=200), MARKUP), max_size=40), st.data())
def test_text_metadata_never_raises(lines, data):
    kept = data.draw(
        st.one_of(st.none(), st.lists(st.booleans(), min_size=len(lines), max_size=len(lines)))
    )
    assert_record(text_metadata(lines, kept))
