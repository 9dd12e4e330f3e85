"""Label maps: how source topic labels fold into a taxonomy, and which URL sections name a topic.

Most news sites file an article under a section of their URL (``/sport/``, ``/business/``,
``news.example.com/world-europe-123``), so a page with a URL but no topic label can be given a
weak one. The rules live in the label map file, beside the label folding, so that a reviewer
reads and changes them in one place:

    [labels]            # source label -> taxonomy label ("" drops it)
    "Sci/Tech" = "science_technology"

    [url_sections]      # URL section -> taxonomy label
    "football" = "sport"

A URL names a topic when its sections agree on one; a URL whose sections name two topics
(``/business/technology/``) gets none.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

# A section segment is a word or a few hyphenated words (``tv-and-radio``, ``uk-politics``),
# never a slug; the last segment counts only when it is a section with an id after it
# (``world-europe-68001``) or the path ends in ``/`` (a section front).
_SECTION = re.compile(r"[a-z]+(?:[-_][a-z]+){0,2}")
_SECTION_WITH_ID = re.compile(r"([a-z]+(?:[-_][a-z]+){0,2})[-_]\d+(?:\.[a-z]+)?")
_HOST_SKIP = frozenset({"www", "m", "amp", "mobile", "edition", "en"})


@dataclass(frozen=True)
class LabelMap:
    """A label map file's two tables."""

    labels: dict[str, str] = field(default_factory=dict)
    url_sections: dict[str, str] = field(default_factory=dict)

    def fold(self, topic: str | None) -> str | None:
        """A source label in the taxonomy (None when the map drops it)."""
        if topic is not None and topic in self.labels:
            return self.labels[topic] or None
        return topic

    def url_topic(self, url: str | None) -> tuple[str, str] | None:
        """``(topic, section)`` named by a URL's sections, or None (no section, or two
        sections that disagree)."""
        return url_topic(url, self.url_sections)


def url_sections_of(url: str) -> list[str]:
    """The candidate section names of a URL, outermost first: host labels left of the
    registered name, then path segments (and the words of hyphenated ones)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return []
    host = (parts.hostname or "").lower()
    labels = [h for h in host.split(".")[:-2] if h and h not in _HOST_SKIP]
    segments = [s for s in parts.path.lower().split("/") if s]
    last = segments.pop() if segments and not parts.path.endswith("/") else None
    found: list[str] = []
    for segment in labels + segments:
        if _SECTION.fullmatch(segment):
            found.append(segment)
    if last is not None and (m := _SECTION_WITH_ID.fullmatch(last)):
        found.append(m.group(1))
    return found


def url_topic(url: str | None, sections: dict[str, str]) -> tuple[str, str] | None:
    """``(topic, section)`` from ``sections`` (section name -> topic) for ``url``."""
    if not url or not sections:
        return None
    hits: dict[str, str] = {}
    for candidate in url_sections_of(url):
        words = [candidate] if candidate in sections else re.split(r"[-_]", candidate)
        for word in words:
            if topic := sections.get(word):
                hits.setdefault(topic, word)
    if len(hits) != 1:
        return None
    ((topic, section),) = hits.items()
    return topic, section


def read_label_map(path: str | os.PathLike) -> LabelMap:
    """A label map from TOML (``[labels]`` and ``[url_sections]`` tables, or top-level label
    keys) or JSON of the same shape."""
    import tomllib

    path = Path(path)
    raw = path.read_bytes()
    try:
        data = json.loads(raw) if path.suffix == ".json" else tomllib.loads(raw.decode())
    except (ValueError, UnicodeDecodeError) as err:
        raise ValueError(f"{path}: not a readable label map ({err})") from None
    sections = data.pop("url_sections", {})
    labels = data.get("labels", data)
    for name, table in (("labels", labels), ("url_sections", sections)):
        if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
            raise ValueError(f"{path}: [{name}] maps each key to a string")
    return LabelMap(
        labels={str(k): v for k, v in labels.items()},
        url_sections={str(k).lower(): v for k, v in sections.items()},
    )
