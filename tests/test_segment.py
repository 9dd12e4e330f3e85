import pytest

from winnow.features.page import Page
from winnow.features.segment import attr_tokens, segment_html, segment_page, segment_text


def texts(paragraphs) -> list[str]:
    return [p.text for p in paragraphs]


def only(paragraphs):
    assert len(paragraphs) == 1, texts(paragraphs)
    return paragraphs[0]


# --- HTML -------------------------------------------------------------------------------------


def test_html_paragraphs_come_in_reading_order():
    html = """<html><body>
        <h1>Bridge to close</h1>
        <div><p>First paragraph.</p><p>Second paragraph.</p></div>
        <ul><li>One</li><li>Two</li></ul>
        <footer>Footer words</footer>
    </body></html>"""

    assert texts(segment_html(html)) == [
        "Bridge to close",
        "First paragraph.",
        "Second paragraph.",
        "One",
        "Two",
        "Footer words",
    ]


def test_index_counts_paragraphs_from_zero():
    paragraphs = segment_html("<p>a</p><p>b</p><div>c</div>")

    assert [p.index for p in paragraphs] == [0, 1, 2]


@pytest.mark.parametrize(
    "invisible",
    [
        "<script>var secret = 'script text';</script>",
        "<style>p { color: red } /* style text */</style>",
        "<noscript>noscript text</noscript>",
        "<!-- comment text -->",
        '<div aria-hidden="true">aria hidden text</div>',
        "<template><p>template text</p></template>",
    ],
    ids=["script", "style", "noscript", "comment", "aria-hidden", "template"],
)
def test_invisible_content_produces_no_text(invisible):
    html = f"<html><body><p>Visible before.</p>{invisible}<p>Visible after.</p></body></html>"

    assert texts(segment_html(html)) == ["Visible before.", "Visible after."]


def column(paragraphs, name: str) -> list[float]:
    from winnow.features.structure import STRUCTURE_COLUMNS

    at = STRUCTURE_COLUMNS.index(name)
    return [p.structure[at] for p in paragraphs]


@pytest.mark.parametrize(
    "hidden",
    [
        '<div style="display:none">inline hidden text</div>',
        '<p style="color: red; DISPLAY : none;">inline hidden text</p>',
        '<span style="visibility: hidden">inline hidden text</span>',
        '<div class="menu hidden">class hidden text</div>',
        '<span class="sr-only">screen reader text</span>',
        '<div class="visually-hidden">screen reader text</div>',
    ],
    ids=["display-none", "display-none-spaced", "visibility", "hidden-class", "sr-only", "vh"],
)
def test_text_hidden_by_style_or_class_is_kept_and_marked_hidden(hidden):
    html = f"<html><body><p>Visible before.</p>{hidden}<p>Visible after.</p></body></html>"

    paragraphs = segment_html(html)

    assert len(paragraphs) == 3
    assert column(paragraphs, "hidden") == [0.0, 1.0, 0.0]
    assert column(paragraphs, "page_hidden")[0] > 0.0


def test_classes_that_only_mention_hiding_are_not_hidden():
    html = '<div class="hidden-xs">Shown on wide screens.</div><p class="unhide">Shown.</p>'

    assert column(segment_html(html), "hidden") == [0.0, 0.0]


def test_a_later_copy_of_a_long_paragraph_is_marked_as_a_copy():
    lead = "The council voted on Tuesday to close the old bridge after years of neglect."
    html = f"<article><p>{lead}</p><p>Next.</p></article><div><p>{lead}</p><p>Next.</p></div>"

    paragraphs = segment_html(html)

    assert texts(paragraphs) == [lead, "Next.", lead, "Next."]
    assert column(paragraphs, "copy") == [0.0, 0.0, 1.0, 0.0]  # short lines are not copies


def test_schema_org_metadata_values_are_marked_as_such():
    html = """<article><p>By <span itemprop="author">Jane Doe</span></p>
        <p><time itemprop="datePublished">2019-11-18</time></p>
        <div itemprop="articleBody"><p>The story itself.</p></div></article>"""

    shares = column(segment_html(html), "microdata")

    assert shares[1] == 1.0
    assert 0.5 < shares[0] < 1.0
    assert shares[2] == 0.0


def test_head_and_title_produce_no_text():
    html = (
        "<html><head><title>Title text</title><meta name='description' content='meta'>"
        "</head><body><p>Body text.</p></body></html>"
    )

    assert texts(segment_html(html)) == ["Body text."]


def test_script_inside_a_paragraph_does_not_leak_into_it():
    paragraphs = segment_html("<p>Before <script>track('x')</script>after.</p>")

    assert texts(paragraphs) == ["Before after."]


@pytest.mark.parametrize("attribute", ['hidden=""', 'hidden="hidden"'])
def test_elements_with_a_valued_hidden_attribute_produce_no_text(attribute):
    html = f"<body><p>Shown.</p><div {attribute}>Hidden text.</div><p>Also shown.</p></body>"

    assert texts(segment_html(html)) == ["Shown.", "Also shown."]


def test_elements_with_a_bare_hidden_attribute_produce_no_text():
    html = "<body><p>Shown.</p><div hidden>Hidden text.</div><p>Also shown.</p></body>"

    assert texts(segment_html(html)) == ["Shown.", "Also shown."]


def test_block_elements_split_paragraphs_and_inline_elements_do_not():
    html = (
        "<div>Start of block <a href='#'>a link</a>, <em>emphasis</em> and "
        "<span>a span</span> stay together.<p>A new block.</p>Tail after the block.</div>"
    )

    assert texts(segment_html(html)) == [
        "Start of block a link, emphasis and a span stay together.",
        "A new block.",
        "Tail after the block.",
    ]


@pytest.mark.parametrize("tag", ["li", "h2", "blockquote", "section", "article", "pre", "header"])
def test_each_block_tag_starts_its_own_paragraph(tag):
    html = f"<div>before<{tag}>inside</{tag}>after</div>"

    assert texts(segment_html(html)) == ["before", "inside", "after"]


def test_br_splits_a_paragraph():
    assert texts(segment_html("<p>Line one<br>Line two<br/>Line three</p>")) == [
        "Line one",
        "Line two",
        "Line three",
    ]


def test_adjacent_links_stay_separate_words():
    assert texts(segment_html('<p><a href="/a">Home</a><a href="/b">News</a></p>')) == ["Home News"]


def test_entities_are_decoded_and_whitespace_collapsed():
    html = "<p>  Fish &amp;\n\n chips&nbsp;&nbsp;cost &pound;5 &#8212; &quot;cheap&quot;\t </p>"

    assert texts(segment_html(html)) == ['Fish & chips cost £5 — "cheap"']


def test_empty_and_whitespace_only_blocks_give_no_paragraph():
    assert texts(segment_html("<div> </div><p>\n\t</p><p>text</p><p></p>")) == ["text"]


def test_tag_is_the_innermost_block_tag():
    paragraphs = segment_html(
        "<div><ul><li>item <b>bold</b></li></ul><blockquote>quoted</blockquote></div>"
    )

    assert [(p.text, p.tag) for p in paragraphs] == [("item bold", "li"), ("quoted", "blockquote")]


def test_path_is_the_block_tag_path_from_the_root():
    html = "<html><body><div><p>In a paragraph <span>with a span</span></p></div></body></html>"

    paragraph = only(segment_html(html))

    assert paragraph.path == "html body div p"
    assert paragraph.depth == 4


def test_attr_tokens_split_camel_case_dashes_and_underscores_and_drop_digits():
    assert attr_tokens("storyBody__promo-2") == ["story", "body", "promo"]
    assert attr_tokens("ArticleText main_col nav-Bar3") == [
        "article",
        "text",
        "main",
        "col",
        "nav",
        "bar",
    ]
    assert attr_tokens("") == []


def test_attrs_hold_class_and_id_tokens_of_the_block_and_its_ancestors():
    html = (
        '<div class="siteWrapper"><article id="storyBody__promo-2">'
        '<p class="lead_text">Words.</p></article></div>'
    )

    paragraph = only(segment_html(html))

    assert paragraph.attrs.split() == ["site", "wrapper", "story", "body", "promo", "lead", "text"]
    assert "story body promo" in paragraph.attrs


def test_attrs_of_a_sibling_block_do_not_leak():
    html = '<div class="sidebar">Side.</div><div class="content">Main.</div>'

    side, main = segment_html(html)

    assert "sidebar" in side.attrs.split()
    assert main.attrs.split() == ["content"]


def test_link_density_is_one_for_a_link_only_item_and_zero_for_plain_text():
    html = (
        '<ul class="nav"><li><a href="/">Home</a></li><li><a href="/news">World news</a></li></ul>'
        "<p>The council voted on Monday to close the bridge.</p>"
    )

    home, world, prose = segment_html(html)

    assert home.link_density == 1.0
    assert world.link_density == 1.0
    assert prose.link_density == 0.0


def test_link_density_of_mixed_text_is_the_share_of_link_characters():
    paragraph = only(segment_html('<p>Read <a href="/more">more here</a> for details</p>'))

    assert 0.0 < paragraph.link_density < 1.0
    # Density counts visible characters, so spacing does not change it.
    visible = len(paragraph.text.replace(" ", ""))
    assert paragraph.link_density == pytest.approx(len("morehere") / visible, abs=1e-3)


def test_inline_markup_inside_a_link_counts_as_link_text():
    paragraph = only(segment_html('<p><a href="/x"><em>all_linked</em></a></p>'))

    assert paragraph.link_density == 1.0


@pytest.mark.parametrize(
    "item",
    [
        '<a href="/w"><span>World</span> <span>news</span></a>',
        '<a href="/w"><b>World</b> news</a>',
    ],
)
def test_link_density_is_one_for_a_link_whose_words_are_in_separate_inline_elements(item):
    paragraph = only(segment_html(f"<ul><li>{item}</li></ul>"))

    assert paragraph.text == "World news"
    assert paragraph.link_density == 1.0


def test_deep_nesting_does_not_raise_and_keeps_the_text():
    html = "<div>" * 5000 + "Deep inside." + "</div>" * 5000 + "<p>After.</p>"

    assert texts(segment_html(html)) == ["Deep inside.", "After."]


def test_deep_inline_nesting_does_not_raise():
    html = "<p>" + "<span>" * 5000 + "Deep span." + "</span>" * 5000 + "</p>"

    assert texts(segment_html(html)) == ["Deep span."]


def test_broken_html_still_yields_the_text():
    html = "<div><p>Unclosed paragraph<p>Another one</span></p></p>Stray close</b><li>item"

    assert texts(segment_html(html)) == ["Unclosed paragraph", "Another one", "Stray close", "item"]


@pytest.mark.parametrize("html", ["", "   ", "<html></html>", "<!-- only a comment -->"])
def test_documents_without_visible_text_give_no_paragraphs(html):
    assert segment_html(html) == []


def test_text_paragraphs_have_empty_markup_context():
    paragraph = only(segment_text("Just a line."))

    assert (paragraph.tag, paragraph.path, paragraph.attrs, paragraph.link_density) == (
        "",
        "",
        "",
        0.0,
    )


# --- plain text -------------------------------------------------------------------------------


def test_blank_line_blocks_and_single_lines_become_paragraphs():
    text = "Headline here\n\nFirst short line\nSecond short line\n\n\n  \nLast block"

    assert texts(segment_text(text)) == [
        "Headline here",
        "First short line",
        "Second short line",
        "Last block",
    ]


def test_windows_and_old_mac_line_endings_split_lines():
    assert texts(segment_text("one\r\ntwo\rthree\r\n\r\nfour")) == ["one", "two", "three", "four"]


def test_hard_wrapped_block_becomes_one_paragraph():
    text = (
        "The council voted on Monday evening to close the old river\n"
        "bridge for the whole summer while engineers inspect the\n"
        "cracked supports, a decision that angered many of the\n"
        "people who cross it every day\n"
        "\n"
        "Short next line"
    )

    paragraphs = segment_text(text)

    assert texts(paragraphs) == [
        "The council voted on Monday evening to close the old river bridge for the whole "
        "summer while engineers inspect the cracked supports, a decision that angered many "
        "of the people who cross it every day",
        "Short next line",
    ]


def test_short_lines_in_a_block_are_not_joined():
    text = "Home\nNews\nSport\nWeather"

    assert texts(segment_text(text)) == ["Home", "News", "Sport", "Weather"]


def test_long_line_is_cut_into_sentences_that_share_its_line_number():
    text = (
        "A headline\n"
        "The council met on Monday. It voted to close the bridge. Work starts in May.\n"
        "Another line"
    )

    paragraphs = segment_text(text)

    assert [(p.text, p.line) for p in paragraphs] == [
        ("A headline", 0),
        ("The council met on Monday.", 1),
        ("It voted to close the bridge.", 1),
        ("Work starts in May.", 1),
        ("Another line", 2),
    ]
    assert [p.index for p in paragraphs] == [0, 1, 2, 3, 4]


def test_sentence_split_needs_a_capital_or_digit_after_the_stop():
    assert texts(segment_text("Prices rose 3.5 per cent, e.g. for bread. and more.")) == [
        "Prices rose 3.5 per cent, e.g. for bread. and more."
    ]


def test_chaff_glued_to_content_is_split_into_separate_paragraphs():
    text = "Sign up for our newsletter today. The council voted on Monday to close the bridge."

    assert texts(segment_text(text)) == [
        "Sign up for our newsletter today.",
        "The council voted on Monday to close the bridge.",
    ]


def test_question_and_exclamation_marks_end_sentences_too():
    assert texts(segment_text("Want more? Subscribe now! The bridge closes in May.")) == [
        "Want more?",
        "Subscribe now!",
        "The bridge closes in May.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('She said "Stop." Then she left.', ['She said "Stop."', "Then she left."]),
        ("It rained (a lot.) Then it stopped.", ["It rained (a lot.)", "Then it stopped."]),
    ],
)
def test_sentence_split_keeps_closing_quotes_and_brackets(text, expected):
    assert texts(segment_text(text)) == expected


def test_text_is_normalised_and_control_characters_removed():
    assert texts(segment_text("Cafe\u0301\x07 \t  menu\u00a0 here")) == ["Café menu here"]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", "\t\r\n"])
def test_blank_text_gives_no_paragraphs(text):
    assert segment_text(text) == []


# --- dispatch ---------------------------------------------------------------------------------


def test_segment_page_uses_markup_when_the_page_has_html():
    page = Page(id="h", html="<p>From <b>markup</b></p><p>Second</p>", text="ignored text")

    paragraphs = segment_page(page)

    assert texts(paragraphs) == ["From markup", "Second"]
    assert paragraphs[0].tag == "p"


def test_segment_page_uses_text_when_the_page_has_no_html():
    page = Page(id="t", text="<p>not markup</p>\n\nSecond line")

    paragraphs = segment_page(page)

    assert texts(paragraphs) == ["<p>not markup</p>", "Second line"]
    assert paragraphs[0].tag == ""


def test_segment_page_of_a_page_without_content_is_empty():
    assert segment_page(Page(id="e", error="binary: not a text file")) == []
