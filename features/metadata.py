"""Title, byline, publication date and site name of a page, as fields of their own.

A user who wants them should not have to keep the chaff they are read from. Both functions
return exactly the keys of ``FIELDS``, each a non-empty string or None:

- ``html_metadata(html, url=None)``: structured data first (JSON-LD, OpenGraph, ``<meta>``),
  then markup cues (``itemprop``, ``<time>``, ``rel=author``, byline classes, the short lines
  under the headline), the ``<title>`` element last.
- ``text_metadata(lines, kept=None)``: the lines around the start of the article, preferring
  those the model did not keep as content, since those are what the cleaner removes.

``date`` is the publication day as ``YYYY-MM-DD``: the form users filter and sort by, so times
and time zones are dropped (the day as the page writes it, not converted to UTC). A value is
given only when it parses as a real day between ``MIN_YEAR`` and next year; ambiguous numeric
forms such as ``03/04/2023`` are left out. ``byline`` holds the names only ("By Jane Doe,
Health Editor" gives "Jane Doe"); several authors are joined with ", ".

Pages can be 20 MB and hostile: the markup is parsed only in its first ``MAX_DOM_CHARS``
characters, at most ``MAX_LD_SCRIPTS`` JSON-LD blocks of ``MAX_LD_CHARS`` each are read and
walked iteratively within a node budget, and neither function raises: what cannot be read is
None.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections import deque
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from winnow.features.page import declared_url
from winnow.features.segment import BLOCK_TAGS, MAX_NESTING, clean_text, markup_depth

FIELDS = ("title", "byline", "date", "site")
MAX_CHARS = {"title": 300, "byline": 200, "date": 10, "site": 100}
MAX_DOM_CHARS = 1_000_000
MAX_LD_SCRIPTS = 16
MAX_LD_CHARS = 500_000
MAX_LD_NODES = 2_000
MAX_META = 1_000
MAX_ELEMENTS = 20  # candidate elements read per selector
MAX_WALK = 5_000  # nodes visited under the headline
HEADLINE_LINES = 10  # short lines read under the headline
HEAD_LINES = 15  # text lines read at the top of a text page, and before its first content line
MIN_YEAR = 1990


def empty() -> dict[str, str | None]:
    """A record with no metadata."""
    return dict.fromkeys(FIELDS)


# --- cleaning ---------------------------------------------------------------------------------

_TAGS = re.compile(r"<[^>]{0,500}>")


def _clean(value: object) -> str:
    """Text of a metadata value: entities decoded, tags and control characters dropped,
    white space collapsed. Non-strings are empty."""
    if not isinstance(value, str):
        return ""
    value = value[:2_000]
    if "&" in value:
        value = html_lib.unescape(value)
    if "<" in value:
        value = _TAGS.sub(" ", value)
    return clean_text(value)


def _bounded(field: str, value: str | None) -> str | None:
    """The value when it fits the field, else None: an overlong 'title' is not a title."""
    if value and len(value) <= MAX_CHARS[field]:
        return value
    return None


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)


def _same_name(a: str, b: str) -> bool:
    """Whether two names of a site are the same, ignoring case, spacing and a leading 'The'."""
    return _squash(a).removeprefix("the") == _squash(b).removeprefix("the")


def _squash(value: str) -> str:
    return re.sub(r"[\W_]+", "", value.casefold())


# --- dates -----------------------------------------------------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        ),
        start=1,
    )
    for name in names.split()
}
_MONTH = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_FORMS = (
    # 2023-03-04, 2023/03/04, 2023.03.04, 2023-03-04T10:00:00Z
    re.compile(
        r"(?<!\d)(?P<year>(?:19|20)\d\d)(?P<sep>[-/.])(?P<month>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)(?!\d)"
    ),
    # 20230304, 20230304T100000
    re.compile(r"^(?P<year>(?:19|20)\d\d)(?P<month>[01]\d)(?P<day>[0-3]\d)(?=T|$)"),
    # 4 March 2023, 4th of March, 2023, 04 Mar. 2023
    re.compile(rf"(?<![\w.]){_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}(?!\d)", re.I),
    # March 4, 2023, Mar 4th 2023
    re.compile(rf"(?<![\w.]){_MONTH}\s+{_DAY},?\s+{_YEAR}(?!\d)", re.I),
    # 04.03.2023, 04-03-2023 (day first); 04/03/2023 only when unambiguous
    re.compile(
        r"(?<![\d.])(?P<a>[0-3]?\d)(?P<sep>[-/.])(?P<b>[0-3]?\d)(?P=sep)(?P<year>(?:19|20)\d\d)(?!\d)"
    ),
)
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")


def parse_date(value: object, *, whole: bool = False) -> str | None:
    """``YYYY-MM-DD`` of the first date written in ``value`` (ISO 8601, day-month-year or
    month-day-year with English month names, dotted or slashed numbers, a Unix timestamp),
    or None. ``whole`` asks that the date be all of ``value``, as a line of text must."""
    text = _clean(value)[:100]
    if not text:
        return None
    if _EPOCH.match(text) and not whole:
        seconds = int(text[:10])
        return _valid_day(*_utc_day(seconds))
    for form in _DATE_FORMS:
        match = form.fullmatch(text) if whole else form.search(text)
        if match is None:
            continue
        day = _day_of(match)
        if day:
            return day
    return None


def _utc_day(seconds: int) -> tuple[int, int, int]:
    moment = datetime.fromtimestamp(seconds, UTC)
    return moment.year, moment.month, moment.day


def _day_of(match: re.Match) -> str | None:
    parts = match.groupdict()
    year = int(parts["year"])
    if parts.get("mon"):
        return _valid_day(year, _MONTHS[parts["mon"].lower()], int(parts["day"]))
    if parts.get("a"):
        a, b = int(parts["a"]), int(parts["b"])
        if parts["sep"] == "/" and a <= 12 and b <= 12 and a != b:
            return None  # 03/04/2023: March or April, depending on the country
        if parts["sep"] == "/" and b > 12:
            a, b = b, a  # 03/24/2023: month first
        return _valid_day(year, b, a)
    return _valid_day(year, int(parts["month"]), int(parts["day"]))


def _valid_day(year: int, month: int, day: int) -> str | None:
    if not MIN_YEAR <= year <= date.today().year + 1:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


# --- bylines ---------------------------------------------------------------------------------

_ROLE_WORDS = frozenset(
    """correspondent correspondents editor editors reporter reporters writer writers columnist
    contributor contributors journalist producer critic analyst staff bureau chief
    photographer presenter commentator director manager founder cofounder co-founder ceo
    president officer head lead specialist consultant strategist""".split()
)
_PARTICLES = frozenset(
    "de da di del della der den van von du le la bin ibn al el dos das ten ter y".split()
)
_GENERIC_AUTHORS = frozenset(
    """admin administrator author editor editors staff guest unknown anonymous webmaster team
    redaktion redaction redacción newsroom desk editorial user null none home contributor""".split()
) | {"full bio", "the author", "about the author", "view profile", "author profile", "more"}
# A name does not start with these: "Written By" is a label, "Read more" a link.
_NOT_FIRST_NAMES = frozenset(
    "by written posted published updated read view about more follow".split()
)
# A name with one of these words is a department, not a person: "The Example Team".
_GROUP_WORDS = frozenset("team staff desk newsroom editorial redaktion redacción redaction".split())
_BY_PREFIX = re.compile(
    r"^(?:(?:written|words|reporting|story|text|posted|report|compiled|interview)\s+by|by|"
    r"(?:eingestellt|veröffentlicht|geschrieben|verfasst)\s+von|von|(?:publié|écrit)\s+par|par|"
    r"(?:escrito|publicado)\s+por|por|authors?|byline)(?:\s*:\s*|\s+)",
    re.I,
)
_HAS_BY_PREFIX = re.compile(
    r"^(?:(?:written|words|reporting|story|posted)\s+by|by|authors?\s*:)\s+\S", re.I
)
# Where the names of a byline end: a date or time, a separator, "Published ...", "on Monday".
_BYLINE_END = re.compile(
    r"\d|\s[|•·]\s?|\s[-–—]\s|(?<=[a-z])(?=(?:Published|Updated|Posted)\b)"
    rf"|\b(?:published|updated|posted|last updated)\b|\b{_MONTH}\s+\d|\s+on\s+(?=[A-Z0-9])"
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
    re.I,
)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
_HANDLE = re.compile(r"(?<!\w)@\w+")
_BRACKETS = re.compile(r"\([^)]{0,80}\)|\[[^\]]{0,80}\]")
_PLACE_TAIL = re.compile(r"\s+(?:in|at|for|from|with)\s+\S.*$")
_AND = re.compile(r"\s+(?:and|&|und|et|y)\s+", re.I)
_URLISH = re.compile(r"https?:|www\.|\w\.(?:com|org|net|co|io|de|fr|uk)\b", re.I)


def clean_byline(value: object, *, strict: bool = False) -> str | None:
    """The names in a byline ("By Jane Doe, Health Editor" -> "Jane Doe"), or None when it
    does not read as names. ``strict`` is for text that is not labelled as an author (a line
    of the page): each name must then be two to five capitalised words."""
    text = _clean(value)
    if not text or len(text) > 300 or _URLISH.search(text):
        return None
    text = _EMAIL.sub(" ", _HANDLE.sub(" ", _BRACKETS.sub(" ", text))).strip()
    text = _BY_PREFIX.sub("", text, count=1)
    end = _BYLINE_END.search(text)
    if end:
        text = text[: end.start()]
    names: list[str] = []
    for part in re.split(r"\s*[,;/]\s*", text):
        part = _PLACE_TAIL.sub("", part.strip(" .:-–—"))
        if names and _is_role(part):
            break  # "Jane Doe, Health Editor, The Example Times": the rest is her affiliation
        if not part or _is_credential(part):
            continue
        if not all(_is_name(name, strict) for name in _AND.split(part)):
            if not names:
                return None  # it starts with something other than names
            continue  # a place or title after the names: "Jane Doe, London"
        if part.casefold() not in (n.casefold() for n in names):
            names.append(part)
    return _bounded("byline", ", ".join(names))


def _is_role(part: str) -> bool:
    return any(word in _ROLE_WORDS for word in part.casefold().split())


_CREDENTIAL = re.compile(
    r"^(?:ph\.?\s?d|m\.?d|d\.?o|j\.?d|mba|msc?|bsc?|ma|ba|rdn?|rn|cpa|cfp|mph|jr|sr|esq)\.?$", re.I
)


def _is_credential(part: str) -> bool:
    """MS, RD, PhD, MBA, Jr.: letters after a name."""
    if _CREDENTIAL.match(part):
        return True
    return len(part) <= 5 and " " not in part and part[:1].isupper() and part != part.title()


def _is_name(name: str, strict: bool) -> bool:
    words = name.split()
    if not words or len(words) > (5 if strict else 6) or (strict and len(words) < 2):
        return False
    if name.casefold() in _GENERIC_AUTHORS or not any(ch.isalpha() for ch in name):
        return False
    if not _GROUP_WORDS.isdisjoint(w.casefold() for w in words):
        return False
    if words[0].casefold() in _NOT_FIRST_NAMES:
        return False
    if not strict:
        return len(words) > 1 or name[0].isupper()  # "janedoe79" is a login, not a name
    if words[0] in _PARTICLES:
        return False  # "der Michel": a name starts with its given name
    for word in words:
        if word.casefold() in _PARTICLES:
            continue
        if not (word[0].isupper() and any(ch.isalpha() for ch in word)):
            return False
        if not all(ch.isalpha() or ch in ".'’-" for ch in word):
            return False
    return True


def _join_authors(values: Sequence[str | None]) -> str | None:
    """Several author names as one byline, each once, in order."""
    names: list[str] = []
    for value in values:
        for name in (value or "").split(", "):
            if name and name.casefold() not in (n.casefold() for n in names):
                names.append(name)
    joined = ", ".join(names)
    while len(joined) > MAX_CHARS["byline"] and names:
        names.pop()
        joined = ", ".join(names)
    return joined or None


# --- lines of text: bylines, datelines, headlines ---------------------------------------------

_DATE_KIND = (
    r"(?:(?P<kind>(?:first\s+|originally\s+)?published|publication\s+date|(?:last\s+)?updated|"
    r"posted|date|modified|last\s+modified)(?:\s+(?:on|at))?\s*:?\s*)?"
)
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+)?"
_TIME = (
    r"(?:\s*(?:,|at|-|–|T)?\s*[0-2]?\d[:.][0-5]\d(?::[0-5]\d(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?)?"
    r"(?:\s*(?:Z|[+-][01]\d:?[0-5]\d|UTC|GMT|BST|CET|CEST|EST|EDT|CST|CDT|PST|PDT|IST|AEST|AEDT)"
    r"(?:[+-]\d{1,2})?)?"
)
_DATE_LINE = re.compile(rf"{_DATE_KIND}{_WEEKDAY}(?P<date>.{{6,40}}?){_TIME}\s*\.?", re.I)
_LINE_PARTS = re.compile(
    r"\s+[|•·]\s+|\s+[-–—]\s+|(?:(?<=[a-z])|\s+)(?=(?:Published|Updated|Posted|First published|Last updated)\b)"
    r"|\s+on\s+(?=[A-Z0-9])"
)


def line_date(line: str) -> tuple[str, str] | None:
    """(day, kind) of a line that is a dateline ("Published 3 March 2023", "Updated: 2023-03-04
    10:00", "March 3, 2023", or one part of "By Jane Doe | March 3, 2023"); kind is
    ``published`` or ``updated``. None for any other line."""
    if len(line) > 120:
        return None
    for part in (line, *_LINE_PARTS.split(line)):
        match = _DATE_LINE.fullmatch(part.strip())
        if match:
            day = parse_date(match["date"], whole=True)
            if day:
                kind = (match["kind"] or "").lower()
                return day, "updated" if ("updated" in kind or "modified" in kind) else "published"
    return None


_ROLE_LINE = re.compile(r"^(?P<name>[^,|]{4,50}),\s+(?P<role>[^,|]{3,60})$")


def line_byline(line: str) -> str | None:
    """The names of a line that is a byline: "By Jane Doe", "by Jane Doe and John Roe |
    3 March 2023", "Jane Doe, Political Correspondent". Conservative, since a false byline is
    worse than none: without "By" the line must name a newsroom role."""
    if len(line) > 150:
        return None
    if _HAS_BY_PREFIX.match(line):
        return clean_byline(line, strict=True)
    role = _ROLE_LINE.match(line)
    if role and _is_role(role["role"]) and not _BYLINE_END.search(role["role"]):
        return clean_byline(role["name"], strict=True)
    return None


_MENU_WORDS = frozenset(
    """home news sport sports business politics world opinion culture lifestyle contact about
    login sign subscribe search menu latest weather media centre center video videos podcasts
    podcast events shop newsletters newsletter more jobs puzzles games classifieds obits data
    markets portfolio travel health science technology tech entertainment live local
    careers advertise help privacy terms""".split()
)
# Lines that are the page's controls and prompts, or the story's metadata, not its headline.
_CHROME = re.compile(
    r"cookie|consent|privacy|javascript|subscribe|newsletter|sign in|log in|sign up|accept|advertis|"
    r"sponsored|skip to|share|follow|e-?mail this|print this|copy to|clipboard|"
    r"table of contents|read more|learn more|click|download|report this|you are here|"
    r"comments?\b|related|editorial polic|\bmin(?:ute)?s?\b|^(?:written|posted)\b|[|>»›▼]"
)
_CHROME_CASED = re.compile(r"\b[Bb]y:?\s+[A-Z]")


def headline_like(line: str) -> bool:
    """Whether a line reads as a headline: a dozen words or so, capitalised, no closing full
    stop, not a menu of section names or a consent prompt."""
    words = line.split()
    if not 4 <= len(words) <= 25 or not 20 <= len(line) <= 200:
        return False
    if not (line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘£$€¥"):
        return False
    if line.endswith((".", ",", ":", ";")) or line.isupper() or _CHROME.search(line.casefold()):
        return False
    if _CHROME_CASED.search(line) or any(form.search(line) for form in _DATE_FORMS):
        return False
    if not any(w[0].islower() for w in words):
        return False  # Home News Sport Business: a menu, not a sentence
    menu = sum(w.strip(".,:;!?").casefold() in _MENU_WORDS for w in words)
    return menu < 0.4 * len(words) and not line_byline(line) and not line_date(line)


_COPYRIGHT_LINE = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*,?\s*)?"
    r"(?P<name>[^\W\d_][^|.,©]{1,60}?)\s*(?:,?\s*(?:19|20)\d\d)?\s*(?:[.,|]\s*all rights reserved\.?|\.)?$",
    re.I,
)


def line_site(line: str) -> str | None:
    """The owner named by a copyright line ("© 2023 The Example Times. All rights
    reserved.") when it reads as a name."""
    if len(line) > 120:
        return None
    match = _COPYRIGHT_LINE.match(line.strip())
    if not match:
        return None
    name = match["name"].strip()
    words = name.split()
    if not 1 <= len(words) <= 6 or not name[0].isupper() or "rights" in name.casefold():
        return None
    return _bounded("site", name)


# --- plain text ------------------------------------------------------------------------------


def text_metadata(
    lines: Sequence[str], kept: Sequence[bool] | None = None
) -> dict[str, str | None]:
    """Title, byline, date and site of a plain-text page from its lines in reading order.

    ``kept``, when given, says per line whether the model kept it as content (a list of the
    same length; one that does not fit is ignored). The article's start is then known: the
    ``HEAD_LINES`` lines before its first content line are read as well as the top of the
    page, and bylines and datelines are taken from lines the model did not keep (those are
    what the cleaner removes) before lines it kept. Pass the page's input lines, a line kept
    when any of its pieces was: a headline such as "Need a change? Seven tips" is one line
    but two sentence pieces.

    The title is the headline-like line over the byline or dateline, else over the first
    content line or that line itself (models keep most headlines), else the first line when
    the article follows it. The date is the first publication dateline, else the first
    "Updated ..." line when that is all the page shows. The site comes only from a copyright
    line ("© 2023 The Example Times") near the top or the end. Never raises."""
    try:
        return _text_fields(list(lines), list(kept) if kept is not None else None)
    except Exception:  # noqa: BLE001 - metadata must never cost the record its text
        return empty()


class _Lines:
    """The page's lines, each cleaned when first read: a page of a million lines costs only
    the few dozen that are read."""

    def __init__(self, raw: list) -> None:
        self._raw = raw
        self._clean: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self._raw)

    def __getitem__(self, i: int) -> str:
        if i < 0:
            i += len(self._raw)
        if i not in self._clean:
            self._clean[i] = _clean(self._raw[i])[:1_000]
        return self._clean[i]


def _text_fields(raw: list, kept: list | None) -> dict[str, str | None]:
    lines = _Lines(raw)
    if kept is not None and len(kept) != len(lines):
        kept = None
    window = _window(len(lines), kept)
    order = sorted(window, key=lambda i: bool(kept[i])) if kept else window
    byline_at, byline = _first_found(order, lines, line_byline)
    date_at, found_date = _best_date(order, lines)
    title = _text_title(
        lines, kept, min((i for i in (byline_at, date_at) if i is not None), default=None)
    )
    edges = list(range(min(HEAD_LINES, len(lines)))) + list(
        range(max(0, len(lines) - HEAD_LINES), len(lines))
    )
    _, site = _first_found(list(dict.fromkeys(edges)), lines, line_site)
    return {
        "title": _bounded("title", title),
        "byline": byline,
        "date": found_date,
        "site": site,
    }


def _window(count: int, kept: list | None) -> list[int]:
    """Indices of the lines where a byline or dateline may sit: the top of the page and,
    when the article's first content line is known, the lines around it."""
    indices = set(range(min(HEAD_LINES, count)))
    if kept and any(kept):
        start = kept.index(True)
        indices.update(range(max(0, start - HEAD_LINES), min(count, start + 3)))
    return sorted(indices)


def _first_found(order, lines, detect) -> tuple[int | None, str | None]:
    for i in order:
        value = detect(lines[i])
        if value:
            return i, value
    return None, None


def _best_date(order, lines) -> tuple[int | None, str | None]:
    """The first publication dateline, else the first update line."""
    updated = (None, None)
    for i in order:
        found = line_date(lines[i])
        if found and found[1] == "published":
            return i, found[0]
        if found and updated[0] is None:
            updated = (i, found[0])
    return updated


def _starts_with_headline(lines: _Lines, start: int = 0) -> bool:
    """Whether the article opens at ``start`` with its headline: a headline-like line with
    the article (a paragraph, a byline or a dateline) within the three lines under it, not
    more of the site's banners and menus."""
    if start >= len(lines) or not headline_like(lines[start]):
        return False
    if start == len(lines) - 1:
        return True
    under = (lines[i] for i in range(start + 1, min(len(lines), start + 4)))
    return any(_paragraph_like(line) or line_byline(line) or line_date(line) for line in under)


def _paragraph_like(line: str) -> bool:
    return len(line) >= 60 and len(line.split()) >= 10


def _text_title(lines: _Lines, kept: list | None, meta_at: int | None) -> str | None:
    """The headline over the byline or dateline at ``meta_at``; else the headline over the
    article's first content line, or that line itself if it reads as a headline over the
    article (models keep most headlines as content); else the page's first line if it opens
    the article."""
    if meta_at is not None and (title := _title_above(lines, meta_at)):
        return title
    if kept and any(kept):
        start = kept.index(True)
        if title := _title_above(lines, start):
            return title
        if _starts_with_headline(lines, start):
            return lines[start]
    return lines[0] if _starts_with_headline(lines) else None


def _title_above(lines: _Lines, anchor: int) -> str | None:
    """The headline over ``anchor``: the top of the run of headline-like lines nearest above
    it, within three lines (a headline sits over its standfirst, byline and dateline)."""
    found = None
    for i in range(anchor - 1, max(-1, anchor - 4), -1):
        if headline_like(lines[i]):
            found = lines[i]
        elif found:
            break
    return found


# --- HTML: JSON-LD ---------------------------------------------------------------------------

_LD_OPEN = re.compile(r"<script\b[^>]{0,300}?application/ld\+json[^>]{0,300}>", re.I)
_SCRIPT_CLOSE = re.compile(r"</script\s*>", re.I)
_LD_WRAPPERS = re.compile(
    r"^\s*(?:<!--|/\*\s*<!\[CDATA\[\s*\*/|<!\[CDATA\[)|(?:-->|/\*\s*\]\]>\s*\*/|\]\]>)\s*$"
)
_ARTICLE_TYPES = frozenset(
    """article newsarticle reportagenewsarticle analysisnewsarticle opinionnewsarticle
    backgroundnewsarticle reviewnewsarticle blogposting liveblogposting socialmediaposting
    techarticle scholarlyarticle report""".split()
)
_SITE_TYPES = frozenset("website newsmediaorganization organization".split())
_ORG_TYPES = frozenset("organization newsmediaorganization corporation".split())
_DESCEND = ("@graph", "mainEntity", "mainEntityOfPage")


class _Ld:
    """What the page's JSON-LD says, first block first."""

    def __init__(self) -> None:
        self.title: list[str] = []
        self.byline: list[str] = []
        self.published: list[str] = []
        self.created: list[str] = []
        self.publisher: list[str] = []
        self.site: list[str] = []


def _jsonld(html: str) -> _Ld:
    found = _Ld()
    for text, whole in _ld_texts(html):
        text = _LD_WRAPPERS.sub("", text.strip())
        data = None
        if whole:
            try:
                data = json.loads(text, strict=False)
            except (ValueError, RecursionError):
                data = None
        if isinstance(data, dict | list):
            _read_ld(data, found)
        else:
            _read_ld_crudely(text[:65_536], found)
    return found


def _ld_texts(html: str) -> Iterator[tuple[str, bool]]:
    """The texts of the first JSON-LD scripts, each with whether it was read whole (a script
    over ``MAX_LD_CHARS`` or never closed gives only its start)."""
    pos = 0
    for _ in range(MAX_LD_SCRIPTS):
        opening = _LD_OPEN.search(html, pos)
        if opening is None:
            return
        start = opening.end()
        closing = _SCRIPT_CLOSE.search(html, start, start + MAX_LD_CHARS)
        if closing is None:
            yield html[start : start + MAX_LD_CHARS], False
            pos = start
        else:
            yield html[start : closing.start()], True
            pos = closing.end()


def _types(node: dict) -> set[str]:
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return {
        v.rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower() for v in values[:8] if isinstance(v, str)
    }


def _read_ld(data: dict | list, found: _Ld) -> None:
    """Article and site fields of a parsed JSON-LD block: its top objects, lists and
    ``@graph``, and their ``mainEntity``, walked breadth first within ``MAX_LD_NODES``."""
    queue: deque = deque([data])
    budget = MAX_LD_NODES
    while queue and budget > 0:
        node = queue.popleft()
        budget -= 1
        if isinstance(node, list):
            queue.extend(node[:budget])
            continue
        if not isinstance(node, dict):
            continue
        types = _types(node)
        if types & _ARTICLE_TYPES:
            _read_article(node, found)
        elif types & _SITE_TYPES:
            found.site.append(_clean(node.get("name")))
        for key in _DESCEND:
            if isinstance(node.get(key), dict | list):
                queue.append(node[key])


def _read_article(node: dict, found: _Ld) -> None:
    found.title.append(_clean(_text_value(node.get("headline")) or _text_value(node.get("name"))))
    found.byline.append(_ld_authors(node.get("author")) or "")
    found.published.append(_clean(_text_value(node.get("datePublished"))))
    found.created.append(_clean(_text_value(node.get("dateCreated"))))
    publisher = node.get("publisher")
    if isinstance(publisher, list):
        publisher = publisher[0] if publisher else None
    found.publisher.append(
        _clean(publisher.get("name") if isinstance(publisher, dict) else publisher)
    )


def _text_value(value: object) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return value if isinstance(value, str) else None


def _ld_authors(value: object) -> str | None:
    """Names of JSON-LD authors: a string, a Person (name, or given and family names), or a
    list of them. Organisations are a masthead, not a byline."""
    authors = value if isinstance(value, list) else [value]
    names = []
    for author in authors[:20]:
        if isinstance(author, dict):
            if _types(author) & _ORG_TYPES:
                continue
            name = author.get("name")
            if isinstance(name, dict):
                name = name.get("name")
            if isinstance(name, list):
                name = ", ".join(n for n in name if isinstance(n, str))
            if not isinstance(name, str):
                name = " ".join(
                    author[k] for k in ("givenName", "familyName") if isinstance(author.get(k), str)
                )
            author = name
        names.append(clean_byline(author))
    return _join_authors(names)


_LD_FIELD = r'"{key}"\s*:\s*"((?:[^"\\]|\\.){{1,400}})"'
_CRUDE = {
    "headline": re.compile(_LD_FIELD.format(key="headline")),
    "datePublished": re.compile(_LD_FIELD.format(key="datePublished")),
    "dateCreated": re.compile(_LD_FIELD.format(key="dateCreated")),
    "author": re.compile(
        r'"author"\s*:\s*(?:\[\s*)?(?:\{(?![^{}]{0,400}?Organization)[^{}]{0,400}?"name"\s*:\s*)?"((?:[^"\\]|\\.){1,200})"'
    ),
    "publisher": re.compile(
        r'"publisher"\s*:\s*(?:\{[^{}]{0,400}?"name"\s*:\s*)?"((?:[^"\\]|\\.){1,200})"'
    ),
}
_CRUDE_TYPE = re.compile(r'"@type"\s*:\s*\[?\s*"(?:https?://schema\.org/)?(\w+)"')


def _read_ld_crudely(text: str, found: _Ld) -> None:
    """Fields of a JSON-LD block that does not parse (trailing commas, stray quotes, cut
    short), read by pattern when it declares an article type."""
    if not any(m.group(1).lower() in _ARTICLE_TYPES for m in _CRUDE_TYPE.finditer(text[:20_000])):
        return
    values = {key: _json_string(pattern.search(text)) for key, pattern in _CRUDE.items()}
    found.title.append(_clean(values["headline"]))
    found.byline.append(clean_byline(values["author"]) or "")
    found.published.append(_clean(values["datePublished"]))
    found.created.append(_clean(values["dateCreated"]))
    found.publisher.append(_clean(values["publisher"]))


def _json_string(match: re.Match | None) -> str | None:
    if match is None:
        return None
    try:
        return json.loads(f'"{match.group(1)}"', strict=False)
    except ValueError:
        return match.group(1)


# --- HTML: markup ----------------------------------------------------------------------------

_BODY_OPEN = re.compile(r"<body\b", re.I)
_TITLE_META = (
    "og:title",
    "twitter:title",
    "parsely-title",
    "sailthru.title",
    "dc.title",
    "headline",
)
_AUTHOR_META = (
    "author",
    "byl",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "article:author",
    "og:article:author",
    "citation_author",
)
_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "citation_publication_date",
    "date",
)
_SITE_META = ("og:site_name", "application-name")
_BYLINE_SELECTORS = (
    "[itemprop~=author]",
    "[rel~=author]",
    "[class*=byline i]",
    "[class*=author i]",
)
_SKIP_TEXT_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "button", "select"})


def html_metadata(html: str, url: str | None = None) -> dict[str, str | None]:
    """Title, byline, publication date and site name of an HTML page.

    Precedence, best first. Title: JSON-LD article ``headline``, ``og:title`` and other title
    ``<meta>``, the page's only ``<h1>``, ``<title>``; a " | Site" or "Site - " part is cut off
    when it names the site. Byline: JSON-LD ``author`` (Person names, not organisations),
    author ``<meta>`` (author, byl, parsely-author, sailthru.author, dc.creator,
    article:author when a name), ``itemprop=author``, ``rel=author``, byline and author
    classes, a "By ..." line under the headline. Date: JSON-LD ``datePublished``, published
    time ``<meta>``, JSON-LD ``dateCreated``, ``itemprop=datePublished``, ``<time>`` (one marked
    as the publication first), a dateline under the headline. Site: ``og:site_name``, the
    article's JSON-LD ``publisher.name``, ``application-name``, a JSON-LD WebSite or
    Organization name, else the part of ``<title>`` that names the page's host (``url``, or
    the canonical URL the page declares). Never raises."""
    try:
        if isinstance(html, bytes | bytearray):
            html = bytes(html[: 2 * MAX_DOM_CHARS]).decode("utf-8", "replace")
        if not isinstance(html, str) or not html:
            return empty()
        return _html_fields(html, url)
    except Exception:  # noqa: BLE001 - metadata must never cost the record its text
        return empty()


def _html_fields(html: str, url: str | None) -> dict[str, str | None]:
    ld = _jsonld(html)
    tree = _parse_prefix(html)
    meta = _meta_values(tree)
    h1 = _single_h1(tree)
    under = _lines_under(_headline_node(tree, h1))
    host = _host(url) or _host(declared_url(html))
    site = _first(
        *(_bounded("site", _clean(v)) for v in meta.get("og:site_name", [])[:1]),
        *(_bounded("site", v) for v in ld.publisher),
        *(_bounded("site", _clean(v)) for v in meta.get("application-name", [])[:1]),
        *(_bounded("site", v) for v in ld.site),
    )
    title_node = tree.css_first("title") if tree is not None else None
    page_title = _clean(title_node.text()) if title_node is not None else ""
    if site is None:
        site = _site_in_title(page_title, host)
    titles = (
        *ld.title,
        _clean(h1.text()) if h1 is not None else None,
        *(_clean(v) for key in _TITLE_META for v in meta.get(key, [])[:1]),
        page_title,
    )
    return {
        "title": _first(*(_bounded("title", _strip_site(t, site, host)) for t in titles if t)),
        "byline": _html_byline(ld, meta, tree, under, site),
        "date": _html_date(ld, meta, tree, under, url or declared_url(html)),
        "site": site,
    }


def _parse_prefix(html: str) -> LexborHTMLParser | None:
    """The parsed first ``MAX_DOM_CHARS`` of the page; only its head when that part nests too
    deep to build in bounded time (``segment.MarkupTooDeep``)."""
    prefix = html[:MAX_DOM_CHARS]
    if prefix.count("<") > MAX_NESTING and markup_depth(prefix) > MAX_NESTING:
        body = _BODY_OPEN.search(prefix)
        prefix = prefix[: body.start()] if body else ""
        if prefix.count("<") > MAX_NESTING and markup_depth(prefix) > MAX_NESTING:
            return None
    tree = LexborHTMLParser(prefix)
    return tree if tree.root is not None else None


def _meta_values(tree: LexborHTMLParser | None) -> dict[str, list[str]]:
    """``<meta>`` contents by lowercased name, property or itemprop, in page order."""
    values: dict[str, list[str]] = {}
    if tree is None:
        return values
    for node in tree.css("meta")[:MAX_META]:
        attrs = node.attributes
        content = attrs.get("content")
        if not content:
            continue
        for attr in ("name", "property", "itemprop"):
            key = (attrs.get(attr) or "").strip().lower()
            if key:
                values.setdefault(key, []).append(content)
    return values


def _single_h1(tree: LexborHTMLParser | None) -> LexborNode | None:
    """The headline: the page's only ``<h1>`` (several say nothing about which one it is)."""
    if tree is None:
        return None
    found = tree.css("h1")
    return found[0] if len(found) == 1 and _clean(found[0].text()) else None


def _headline_node(tree: LexborHTMLParser | None, h1: LexborNode | None) -> LexborNode | None:
    """The element bylines sit under: the only ``<h1>``, else the first ``<h2>`` of a page
    with no ``<h1>`` (older blogs title their posts so)."""
    if h1 is not None or tree is None or tree.css_first("h1") is not None:
        return h1
    return tree.css_first("h2")


def _lines_under(h1: LexborNode | None) -> list[str]:
    """The short texts that follow the headline inside its grandparent, where bylines and
    datelines sit, up to the first long paragraph (the article has begun). Each line (the
    text of one block, cut at ``<br>``) comes after its pieces (the text of each element
    in it): "By <a>Jane Doe</a>" reads as a byline only whole, while "<span>By Jane
    Doe</span><span>3 March 2023</span>" reads well only in pieces."""
    if h1 is None:
        return []
    scope = (
        h1.parent.parent if h1.parent is not None and h1.parent.parent is not None else h1.parent
    )
    if scope is None:
        return []
    lines: list[str] = []
    pieces: list[str] = []
    owner = None
    after = False
    for visited, node in enumerate(scope.traverse(include_text=True)):
        if visited > MAX_WALK or len(lines) >= HEADLINE_LINES:
            break
        if not after:
            after = node.mem_id == h1.mem_id
            continue
        if node.tag == "br":
            owner = None
            if _flush(pieces, lines):
                break
        if node.tag != "-text":
            continue
        block = _block_of(node)
        if block is None or block.mem_id == h1.mem_id:
            continue
        if block.mem_id != owner and _flush(pieces, lines):
            break
        owner = block.mem_id
        pieces.append(node.text_content or "")
    _flush(pieces, lines)
    return lines[: 2 * HEADLINE_LINES]


def _flush(pieces: list[str], lines: list[str]) -> bool:
    """Move the collected pieces, then the line they make, into ``lines``; True when the line
    was a long paragraph."""
    line = clean_text("".join(pieces))
    if len(line) > 200:
        pieces.clear()
        return True
    if len(pieces) > 1:
        lines.extend(p for p in (clean_text(piece) for piece in pieces) if p and p != line)
    if line:
        lines.append(line)
    pieces.clear()
    return False


def _block_of(node: LexborNode) -> LexborNode | None:
    """The nearest block-level element around a text node (the line it belongs to), None when
    the text is inside a script, style or control."""
    parent = node.parent
    for _ in range(12):
        if parent is None:
            return None
        if parent.tag in _SKIP_TEXT_TAGS:
            return None
        if parent.tag in BLOCK_TAGS or parent.tag in ("time", "address"):
            return parent
        parent = parent.parent
    return parent


def _html_byline(ld: _Ld, meta: dict, tree, under: list[str], site: str | None) -> str | None:
    candidates = [
        *ld.byline,
        *(_join_authors([clean_byline(v) for v in meta.get(key, [])[:10]]) for key in _AUTHOR_META),
    ]
    byline = _first(*(b for b in candidates if b and not (site and _same_name(b, site))))
    if byline or tree is None:
        return byline
    for selector in _BYLINE_SELECTORS:
        for node in tree.css(selector)[:MAX_ELEMENTS]:
            if "comment" in (node.attributes.get("class") or "").lower():
                continue
            value = _element_author(node)
            if value and not (site and _same_name(value, site)):
                return value
    return _first(*(line_byline(line) for line in under))


def _element_author(node: LexborNode) -> str | None:
    """The author named by an element marked as one: its ``content``, the text of its
    ``itemprop=name``, or its own text when short."""
    content = node.attributes.get("content")
    if content:
        return clean_byline(content)
    inner = node.css_first("[itemprop~=name]")
    if inner is not None:
        return clean_byline(inner.attributes.get("content") or inner.text())
    text = node.text(separator=" ") or ""
    if len(text) > 1_000:  # a container of the whole article, not a byline
        return None
    text = clean_text(text)
    return clean_byline(text, strict=True) if 0 < len(text) <= 150 else None


def _html_date(ld: _Ld, meta: dict, tree, under: list[str], url: str | None) -> str | None:
    found = _first(
        *(parse_date(v) for v in ld.published),
        *(parse_date(v) for key in _DATE_META for v in meta.get(key, [])[:1]),
        *(parse_date(v) for v in ld.created),
    )
    if found or tree is None:
        return found
    for selector in (
        "[itemprop~=datePublished]",
        "time[pubdate]",
        "time[class*=publish]",
        "time[datetime]",
    ):
        for node in tree.css(selector)[:MAX_ELEMENTS]:
            attrs = node.attributes
            value = attrs.get("datetime") or attrs.get("content") or node.text()
            day = parse_date(value)
            if day:
                return day
    return _first(*((line_date(line) or (None,))[0] for line in under), url_date(url))


_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)/([01]?\d)/([0-3]?\d)(?:/|$)|[/_-]((?:19|20)\d\d)([01]\d)([0-3]\d)[/_-]"
)


def url_date(url: str | None) -> str | None:
    """The day written in a URL's path ("/2023/03/04/", "/20230304-slug"), the last resort:
    such URLs are dated when the story is first published."""
    if not url:
        return None
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    match = _URL_DATE.search(path[:500])
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups() if g)
    return _valid_day(year, month, day)


# --- titles and sites ------------------------------------------------------------------------

_LAST_PART = re.compile(r"^(?P<rest>.*\S)\s+(?:[|\-–—·•»:]|::)\s+(?P<part>[^|\-–—·•»]+)$")
_FIRST_PART = re.compile(
    r"^(?P<part>[^|\-–—·•»:]+?)(?:\s+(?:[|\-–—·•»:]|::)|\s*:)\s+(?P<rest>\S.*)$"
)


def _strip_site(title: str, site: str | None, host: str | None) -> str | None:
    """The title without a " | Site" suffix or "Site - " prefix naming the site; None when
    the title is nothing but the site's name."""
    if site and _same_name(title, site):
        return None
    if len(title) > MAX_CHARS["title"]:
        return title  # too long to be one; and the patterns below would take quadratic time
    for pattern in (_LAST_PART, _FIRST_PART):
        match = pattern.match(title)
        if match and _names_site(match["part"], site, host):
            return match["rest"].strip()
    return title


def _names_site(part: str, site: str | None, host: str | None) -> bool:
    if site and _same_name(part, site):
        return True
    return bool(host) and _names_host(part, host)


def _site_in_title(title: str, host: str | None) -> str | None:
    """The site named at the end (or start) of a ``<title>`` when it matches the page's host
    ("... | Google Cloud" on cloud.google.com), or after a "|" when no host is known."""
    if len(title) > MAX_CHARS["title"]:
        return None
    for pattern in (_LAST_PART, _FIRST_PART):
        match = pattern.match(title) if title else None
        if not match:
            continue
        part = match["part"].strip()
        if len(part.split()) > 6:
            continue
        if host and _names_host(part, host):
            return _bounded("site", part)
        if not host and pattern is _LAST_PART and " | " in title:
            return _bounded("site", part)
    return None


_HOST_NOISE = frozenset(
    {"www", "com", "org", "net", "news", "blog", "blogs", "online", "co", "uk", "example"}
)


def _names_host(part: str, host: str) -> bool:
    """Whether a name spells the host: "The Harbour Gazette" and harbourgazette.example,
    "Google Cloud" and cloud.google.com."""
    squashed = _squash(part)
    if len(squashed) < 3 or len(part.split()) > 6:
        return False
    labels = [
        label for label in re.split(r"[.-]", host) if len(label) >= 4 and label not in _HOST_NOISE
    ]
    bare = squashed.removeprefix("the")
    return any(label in squashed for label in labels) or (len(bare) >= 4 and bare in _squash(host))


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None
