"""Cutting chaff that a scraper glued onto article text, using the boilerplate model itself.

Plain text from scrapers often runs a call to action into the article with no punctuation
between ("... tell the story Support Now From reproductive rights to ..."). The segmenter cuts
at sentence boundaries only; here, candidate cuts near the start or end of a line (before a
capitalised word that does not follow sentence punctuation) are scored by the text model, and
a cut is taken when one side is confidently chaff and the other confidently content.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from winnow.features.page import Paragraph

EDGE_WORDS = 12
MIN_CONTENT_WORDS = 8  # the same minimum that build uses to cut training examples
_TOKEN = re.compile(r"\S+")
_STOP = (".", "!", "?", ":", ";", ",")


def candidate_cuts(text: str, *, at_start: bool, at_end: bool) -> list[int]:
    """Character offsets where chaff could end (``at_start``) or begin (``at_end``)."""
    words = list(_TOKEN.finditer(text))
    n = len(words)
    cuts = []
    for i in range(2, n - 1):
        near_start = at_start and i <= EDGE_WORDS and n - i >= MIN_CONTENT_WORDS
        near_end = at_end and n - i <= EDGE_WORDS and i >= MIN_CONTENT_WORDS
        if not (near_start or near_end):
            continue
        word, prev = words[i].group(), words[i - 1].group()
        if (word[0].isupper() or word[0] in '"“‘') and not prev.endswith(_STOP):
            cuts.append(words[i].start())
    return cuts


def cut_glued(
    paragraphs: list[Paragraph], table: pd.DataFrame, margin, threshold: float
) -> list[Paragraph] | None:
    """The paragraphs with glued chaff cut off, or None when nothing was cut.

    ``margin(frame)`` gives the log-odds of content for rows of a paragraph table; cuts are
    compared on log-odds because probabilities saturate and would tie.
    """
    rows, owners = [], []
    n = len(paragraphs)
    for i, p in enumerate(paragraphs):
        # Chaff is glued where a line starts or ends, or where an earlier cut left a seam.
        prev_seam = (
            i == 0 or paragraphs[i - 1].line != p.line or not _ends_sentence(paragraphs[i - 1].text)
        )
        next_seam = i == n - 1 or paragraphs[i + 1].line != p.line or not _ends_sentence(p.text)
        for cut in candidate_cuts(p.text, at_start=prev_seam, at_end=next_seam):
            left, right = p.text[:cut].strip(), p.text[cut:].strip()
            rows += [(i, left), (i, right)]
            owners.append((i, cut))
    if not owners:
        return None
    frame = table.iloc[[i for i, _ in rows]].reset_index(drop=True)
    frame["text"] = [text for _, text in rows]
    scores = np.asarray(margin(frame)).reshape(-1, 2)
    keep_at, chaff_at = _logit(threshold), _logit(threshold / 2)
    best: dict[int, tuple[float, int]] = {}
    for (i, cut), (left, right) in zip(owners, scores, strict=True):
        for chaff, content in ((left, right), (right, left)):
            if chaff <= chaff_at and content >= keep_at:
                value = content - chaff
                if value > best.get(i, (0.0, 0))[0]:
                    best[i] = (value, cut)
    if not best:
        return None
    out: list[Paragraph] = []
    for i, p in enumerate(paragraphs):
        if i in best:
            cut = best[i][1]
            for text in (p.text[:cut].strip(), p.text[cut:].strip()):
                out.append(Paragraph(text=text, index=len(out), line=p.line))
        else:
            out.append(Paragraph(text=p.text, index=len(out), line=p.line))
    return out


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return float(np.log(p / (1 - p)))


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?", "…", '"', "”"))
