"""Chaff a scraper glued onto article text is cut off at prediction time."""

import numpy as np

from winnow.features.page import Page
from winnow.models import load_artifact
from winnow.models.glued import CUT_COLUMNS, best_cuts, candidate_cuts

GLUED = (
    "Your support helps us to tell the story Read more Support Now The harbour council voted "
    "on Monday to close the old swing bridge for eleven weeks of repairs.\n\n"
    "Engineers said the bridge had been damaged by the winter storms and would cost about two "
    "million to fix.\n\n"
    "Share on Facebook Share on X Email"
)


def test_candidate_cuts_sit_before_capitals_near_the_edges_only():
    text = "Sign up now The council met on Monday and agreed to close the bridge for repairs"
    cuts = candidate_cuts(text, at_start=True, at_end=False)
    assert text.index("The council") in cuts
    assert all(text[c].isupper() for c in cuts)
    assert candidate_cuts(text, at_start=False, at_end=False) == []
    assert candidate_cuts("Too short To cut", at_start=True, at_end=True) == []
    # A heading in Title Case has a capital at every word and a seam at none.
    assert candidate_cuts("10 Top Marketing Agencies to Grow Your Business in 2024") == []
    # No seam right after a function word: "... of The Harbour Times" is one phrase.
    phrase = "Sign up to the newsletter of The Harbour Times today for all the news"
    assert phrase.index("The Harbour") not in candidate_cuts(phrase)


def _rows(*candidates):
    """``CUT_COLUMNS`` rows from (near_start, left_margin, right_margin) triples."""
    rows = np.zeros((len(candidates), len(CUT_COLUMNS)))
    for row, (near_start, left, right) in zip(rows, candidates, strict=True):
        row[CUT_COLUMNS.index("near_start")] = near_start
        row[CUT_COLUMNS.index("left_margin")] = left
        row[CUT_COLUMNS.index("right_margin")] = right
    return rows


def test_a_seam_is_cut_only_where_the_piece_it_cuts_off_scores_below_the_rest():
    likely = np.array([0.8, 0.9])
    # Near the start the piece before the seam goes: it must score below the piece after.
    assert best_cuts([10, 40], _rows((1, -2.0, 3.0), (1, 4.0, 3.0)), likely, 0.5) == [10]
    assert best_cuts([10, 40], _rows((1, 3.0, 2.0), (1, 4.0, 1.0)), likely, 0.5) == []
    # Near the end, the piece after it.
    assert best_cuts([10, 40], _rows((0, 3.0, 2.0), (0, 1.0, 2.0)), likely, 0.5) == [10]
    assert best_cuts([10], _rows((1, -2.0, 3.0)), np.array([0.4]), 0.5) == []


def test_glued_donation_appeal_is_cut_off_the_first_paragraph(trained_run):
    record = next(load_artifact(trained_run).predict([Page(id="t", text=GLUED)]))
    assert record["error"] is None
    assert record["paragraphs"][0]["label"] == "boilerplate"
    assert record["paragraphs"][0]["text"].startswith("Your support helps us")
    assert "Your support helps us" not in record["text"]
    assert "harbour council voted on Monday" in record["text"]
    assert "Engineers said the bridge" in record["text"]
    assert "Share on Facebook" not in record["text"]


def test_glued_lines_put_real_chaff_at_a_known_seam():
    import numpy as np
    import pandas as pd

    from winnow.train.augment import cut_labels, glued_lines

    rows = pd.DataFrame(
        {
            "text": [
                "The harbour council voted on Monday to close the old swing bridge for repairs.",
                "Engineers said the winter storms had cracked two of the bridge's main supports.",
                "Sign up for our morning briefing",
                "Share on Facebook",
                "Menu",
            ],
            "label": [1, 1, 0, 0, 0],
        }
    )
    lines = glued_lines(rows, np.random.default_rng(0), start=20, end=20, whole=20)
    glued = [line for line in lines if line.seam is not None]
    assert glued and any(line.seam < len(line.text) / 2 for line in glued)
    for line in glued:
        left, right = line.text[: line.seam].strip(), line.text[line.seam :].strip()
        article = rows["text"][line.row]
        assert right == article or left == article.rstrip(".")
        assert "Menu" not in line.text  # one word is no glued chaff
    cuts, labels = cut_labels(lines)
    for line, line_cuts, line_labels in zip(lines, cuts, labels, strict=True):
        assert line_labels.sum() == (line.seam in line_cuts)
        assert line.seam is not None or line_labels.sum() == 0
