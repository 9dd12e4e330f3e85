"""Per-page limits, so that one monster page cannot stall a worker or exhaust its memory.

The paragraph and time limits (``PredictOptions.max_paragraphs``, ``max_seconds``) are
enforced by the compiled core as it segments a page (``core/src/paragraph.rs``'s ``Limits``:
the deadline is checked as the walk goes, which a signal could not do inside compiled code);
a page over one gets an error record, ``limit: ...``.
"""

from __future__ import annotations

# The topic is read from the first this many characters of a page's kept text: its TF-IDF
# features take some 110 bytes a character, and no real article needs more (the longest text
# of the 8,317 shared pages is 246,214 characters).
MAX_TOPIC_CHARS = 200_000
