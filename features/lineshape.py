"""What a line looks like, in numbers that carry from one outlet (and language) to the next.

Chaff has a shape before it has a vocabulary: calls to action open with an imperative or speak
to the reader ("Sign up", "Follow us", "Your support helps"), teasers start with a label
("Read more:", "Related:"), metadata is dates, times, reading times, prices, handles and
addresses, and list furniture starts with a bullet. Each flag is one pattern over the line's
first words or its whole text (``core/src/shape.rs``), cheap enough to run on every paragraph
of a crawl; the models weigh them against the line's words and its place on the page.
"""

from __future__ import annotations

from winnow import _core

LINE_SHAPE = tuple(_core.LINE_SHAPE)


def line_shape(text: str) -> list[float]:
    """One float per name in ``LINE_SHAPE`` (flags are 0 or 1; ``second_person`` counts
    words addressing the reader, capped at 3 and scaled to [0, 1])."""
    return _core.line_shapes([text])[0].tolist()


def edge_tokens(text: str) -> str:
    """The line's opening and closing words as tokens that keep their place: ``^read``,
    ``^read_more``, ``^read_more_:`` ... ``for$``. "Read more:" opening a line is a teaser;
    inside a sentence it is nothing, and a bag of words cannot tell the two apart."""
    return _core.edge_tokens([text])[0]
