"""The page-structure features of markup paragraphs (``features.structure``)."""

from winnow.features.segment import segment_html
from winnow.features.structure import BLOCK_COLUMNS, STRUCTURE_COLUMNS

PROSE = (
    "The council voted on Tuesday to close the old bridge, citing years of neglect, rising "
    "costs and an engineering report that found the structure unsafe for heavy traffic."
)
CARD = (
    '<li class="card"><h3><a href="/{n}">Another story {n}</a></h3>'
    "<p>A summary of another story, long enough to read as prose to anyone, number {n}.</p></li>"
)


def page(cards: int = 4) -> str:
    body = "".join(f"<p>{PROSE} Paragraph {i}.</p>" for i in range(5))
    related = "".join(CARD.format(n=n) for n in range(cards))
    return f"""<html><body>
        <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
        <article class="story"><h1>Bridge to close</h1><div class="body">{body}</div></article>
        <aside><ul class="related">{related}</ul></aside>
        <footer><p>Copyright 2026 The Example Times.</p></footer></body></html>"""


def features(html: str) -> list[dict[str, float]]:
    return [
        {"text": p.text, **dict(zip(STRUCTURE_COLUMNS + BLOCK_COLUMNS, p.structure, strict=True))}
        for p in segment_html(html)
    ]


def test_every_markup_paragraph_gets_every_structure_column():
    rows = features(page())

    assert rows and all(len(r) == len(STRUCTURE_COLUMNS) + len(BLOCK_COLUMNS) + 1 for r in rows)


def test_the_article_body_is_the_main_block_and_what_surrounds_it_is_not():
    rows = features(page())
    body = [r for r in rows if r["text"].startswith("The council")]
    others = [r for r in rows if r["text"].startswith(("Home", "A summary", "Copyright"))]

    assert len(body) == 5 and all(r["in_main"] == 1.0 and r["main_meet"] == 0.0 for r in body)
    assert others and all(r["in_main"] == 0.0 and r["main_meet"] > 0.0 for r in others)


def test_distance_from_the_main_block_grows_in_reading_order():
    rows = features(page())
    home = next(r for r in rows if r["text"] == "Home")
    summaries = [r["main_after"] for r in rows if r["text"].startswith("A summary")]

    assert home["main_before"] > 0.0 and home["main_after"] == 0.0
    assert summaries == sorted(summaries) and summaries[0] > 0.0


def test_story_cards_count_their_same_shaped_siblings():
    few = [r for r in features(page(cards=2)) if r["text"].startswith("A summary")]
    many = [r for r in features(page(cards=8)) if r["text"].startswith("A summary")]
    body = [r for r in features(page(cards=8)) if r["text"].startswith("The council")]

    assert all(r["up1_repeats"] > 0.0 for r in few)
    assert min(r["up1_repeats"] for r in many) > max(r["up1_repeats"] for r in few)
    assert all(r["up1_repeats"] == 0.0 for r in body)


def test_link_density_of_enclosing_blocks():
    rows = features(page())
    home = next(r for r in rows if r["text"] == "Home")
    body = next(r for r in rows if r["text"].startswith("The council"))

    assert home["up2_link"] == 1.0  # the nav's list is all links
    assert body["up1_link"] == 0.0


def test_a_page_without_prose_has_no_main_block():
    rows = features("<ul><li><a href='/'>Home</a></li><li>Short</li></ul>")

    assert all(r["in_main"] == 0.0 and r["main_share"] == 0.0 for r in rows)


def test_block_numbers_name_shared_ancestors():
    rows = features(page())
    body = [r for r in rows if r["text"].startswith("The council")]
    summaries = [r for r in rows if r["text"].startswith("A summary")]

    assert len({r["up1_block"] for r in body}) == 1  # one article body
    assert len({r["up1_block"] for r in summaries}) == len(summaries)  # a card each
    assert len({r["up2_block"] for r in summaries}) == 1  # one list of cards
    assert body[0]["up1_block"] != summaries[0]["up2_block"]
