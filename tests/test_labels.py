from winnow.features.vocabulary import BOILERPLATE, CONTENT, UNLABELLED
from winnow.train.labels import (
    AlignOptions,
    GoldIndex,
    align_gold,
    labels_from_record,
    split_glued,
)

GOLD = (
    "The harbour council voted on Monday to close the old swing bridge for repairs.\n\n"
    "\u201cWe had no choice,\u201d said Mira Okafor, who chairs the council's works committee.\n\n"
    "Repairs are expected to take eleven weeks & cost about 2.4 million."
)


def test_paragraphs_in_the_gold_are_content_and_chaff_is_boilerplate():
    texts = [
        "Home News Sport Weather",
        "The harbour council voted on Monday to close the old swing bridge for repairs.",
        "Sign up for our morning newsletter",
        "Repairs are expected to take eleven weeks &amp; cost about 2.4 million.",
    ]
    assert align_gold(texts, GOLD) == [BOILERPLATE, CONTENT, BOILERPLATE, CONTENT]


def test_alignment_ignores_quotes_whitespace_case_and_entities():
    text = '"WE  had no choice," said Mira Okafor,\nwho chairs the council&#39;s works committee.'
    assert align_gold([text], GOLD) == [CONTENT]


def test_gold_missing_a_few_words_still_labels_the_paragraph():
    text = "The harbour council voted on Monday evening to close the old swing bridge for urgent repairs."
    assert align_gold([text], GOLD) == [CONTENT]


def test_half_matching_paragraph_is_left_unlabelled():
    text = (
        "The harbour council voted on Monday to close the old swing bridge. "
        "Read our live coverage of every vote in every chamber tonight"
    )
    assert align_gold([text], GOLD, AlignOptions(content_min=0.8, boilerplate_max=0.2)) == [
        UNLABELLED
    ]


def test_short_paragraphs_need_an_exact_gold_paragraph_to_be_content():
    gold = "Short line.\n\nThe rest of a longer paragraph about the bridge."
    assert align_gold(["Short line", "the bridge", "Advertisement", "•"], gold) == [
        CONTENT,
        UNLABELLED,
        BOILERPLATE,
        BOILERPLATE,
    ]


def test_glued_chaff_is_cut_where_the_gold_starts():
    index = GoldIndex(GOLD)
    glued = (
        "Your support helps us to tell the story Support Now The harbour council voted "
        "on Monday to close the old swing bridge for repairs."
    )
    left, right = split_glued(glued, index)
    assert left == "Your support helps us to tell the story Support Now"
    assert right.startswith("The harbour council voted")
    assert (
        split_glued("The harbour council voted on Monday to close the old swing bridge", index)
        is None
    )


def test_explicit_labels_map_to_ints_and_must_match_the_paragraph_count():
    assert labels_from_record(["content", "boilerplate", None, 1, 0], 5) == [
        CONTENT,
        BOILERPLATE,
        UNLABELLED,
        CONTENT,
        BOILERPLATE,
    ]
    assert labels_from_record(["content"], 2) is None


def test_build_reads_explicit_labels_from_the_field_it_is_told_and_counts_their_source(tmp_path):
    import json

    from winnow.train.dataset import build_dataset
    from winnow.train.options import BuildOptions

    lines = ["The council met on Monday to agree the budget.", "Share this", "More news"]
    records = [
        {
            "id": f"p{i}",
            "url": f"https://o{i}.example/a",
            "paragraphs": lines,
            "labels": ["content", "content", "boilerplate"],
            "aligned_labels": ["content", "boilerplate", "boilerplate"],
            "reviewed": True,
        }
        for i in range(6)
    ]
    src = tmp_path / "pages.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records))

    def content_rows(field: str) -> tuple[int, dict]:
        manifest = build_dataset(
            [src], tmp_path / field, BuildOptions(label_field=field, fractions=(1, 0, 0))
        )
        train = manifest["splits"]["train"]
        return train["labels"]["content"], train["label_sources"]

    assert content_rows("labels") == (12, {"reviewed lines": 6})
    assert content_rows("aligned_labels")[0] == 6
