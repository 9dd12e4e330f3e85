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
(``/business/technology/``) gets none. Sections are path segments looked up whole: host names
(``tv.msnbc.com`` is a politics show's blog, ``business.booking.com`` a travel shop) and the
words of hyphenated segments (``/business-insights/``, ``/pop-culture/``) named the wrong topic
on most of the shared pages they matched, so neither counts. The one exception is a last
segment of section words and an id (``/news/world-europe-68001234``): its first word counts.
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
# How a page's ``topic_source`` starts when its topic came from its URL ("url section sport").
URL_TOPIC_SOURCE = "url section"


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

    def url_topic(self, url: str | None, page_type: str | None = None) -> tuple[str, str] | None:
        """``(topic, section)`` named by a URL's sections, or None: no section, two sections
        that disagree, or a page whose ``page_type`` says it is no article (a shop's /music/
        or a forum's /science/ page is not a story of that section)."""
        if (page_type or "article") != "article":
            return None
        return url_topic(url, self.url_sections)


def url_sections_of(url: str) -> list[str]:
    """The candidate section names of a URL's path, outermost first."""
    try:
        path = urlsplit(url.strip()).path.lower()
    except ValueError:
        return []
    segments = [s for s in path.split("/") if s]
    last = segments.pop() if segments and not path.endswith("/") else None
    found = [s for s in segments if _SECTION.fullmatch(s)]
    if last is not None and (m := _SECTION_WITH_ID.fullmatch(last)):
        found.append(m.group(1))
        found.append(re.split(r"[-_]", m.group(1))[0])
    return found


def url_topic(url: str | None, sections: dict[str, str]) -> tuple[str, str] | None:
    """``(topic, section)`` from ``sections`` (section name -> topic) for ``url``."""
    if not url or not sections:
        return None
    hits: dict[str, str] = {}
    for candidate in url_sections_of(url):
        if topic := sections.get(candidate):
            hits.setdefault(topic, candidate)
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
