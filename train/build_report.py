"""What ``winnow build`` tells a user about their data: each record it dropped and why, the
record keys it does not read (with the known key a misspelt one was probably meant to be),
values of the wrong type, and splits that cannot do their job.

Records come from readers that already turned unreadable lines into error pages ("json: line
3: ..."); their messages are used as they are, never re-parsed from the input.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from winnow.features.page import Page

MAX_DROPPED = 100  # dropped records kept, in order, in the manifest (the totals count all)
# The keys a record is read by: the readers' page fields, then what build reads from the rest
# (``dataset.page_examples``, ``Page.domain``, ``render``), and what the WARC reader sets.
# "outlet" is set by the reader itself: the folder a page file was found in, or --domain.
READER_KEYS = ("id", "url", "html", "text", "path", "paragraphs", "outlet")
BUILD_KEYS = (
    "gold_text",
    "with",
    "without",
    "label",
    "reviewed",
    "page_type",
    "domain",
    "title",
    "rendered",
)
WARC_KEYS = ("warc_date", "http_status", "warc_truncated")
# Keys whose meaning elsewhere a user may expect build to honour.
HINTS = {
    "split": "build splits by outlet (--fractions, --seed) so that no outlet is in two splits",
}
REASONS = {
    "json": "malformed JSON",
    "schema": "wrong type or missing field",
    "too_large": "record over the size limit",
    "gzip": "the gzip stream is broken",
    "io": "could not be read",
    "empty": "no content",
    "binary": "binary content",
    "encoding": "undecodable text",
    "path": "unusable path",
    "no_labels": "no labels",
    "labels_mismatch": "labels do not match the paragraphs",
    "no_text": "no text found on the page",
    "too_deep": "markup nested too deep",
}
_LINE_FIRST = re.compile(r"^line (\d+)(?::\s*|$)")
_LINE_LAST = re.compile(r"\s*\(line (\d+)\)$")


def known_keys(topic_field: str = "topic", label_field: str = "labels") -> set[str]:
    """Every record key build reads, with the options that name the topic and label fields."""
    return {*READER_KEYS, *BUILD_KEYS, *WARC_KEYS, topic_field, label_field}


def expected_types(topic_field: str, label_field: str) -> dict[str, tuple[str, Any]]:
    """Key -> (what it must be, in words; a check of a value). A value of another type is
    ignored by build, so it is reported."""

    def is_text(v):
        return isinstance(v, str)

    def is_snippets(v):
        return isinstance(v, str) or (isinstance(v, list) and all(isinstance(s, str) for s in v))

    def is_topic(v):
        return isinstance(v, str | int) and not isinstance(v, bool)

    return {
        "gold_text": ("a string", is_text),
        "with": ("a string or a list of strings", is_snippets),
        "without": ("a string or a list of strings", is_snippets),
        label_field: ("a list", lambda v: isinstance(v, list)),
        topic_field: ("a string or a number", is_topic),
        "label": ("a string or a number", is_topic),
        "reviewed": ("true or false", lambda v: isinstance(v, bool)),
        "page_type": ("a string", is_text),
        "domain": ("a string", is_text),
        "title": ("a string", is_text),
    }


def json_type(value: Any) -> str:
    """A value's JSON type in words."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def where(page: Page, line: int | None = None) -> str:
    """Where a record is, for a person to find it: file and line, else file and page id."""
    if line is not None and page.source:
        return f"{page.source}:{line}"
    if page.source and page.source != page.id:
        return f"{page.source}, page {page.id}"
    return f"page {page.id}"


def split_error(error: str) -> tuple[str, str, int | None]:
    """A reader's error message ("json: line 3: Expecting value...") as its kind, its detail
    and the line it names (None when it names none)."""
    kind, _, detail = error.partition(":")
    detail = detail.strip()
    line = None
    for pattern in (_LINE_FIRST, _LINE_LAST):
        found = pattern.search(detail)
        if found:
            line = int(found.group(1))
            detail = (detail[: found.start()] + detail[found.end() :]).strip()
            break
    return kind.strip(), detail, line


@dataclass
class _KeySeen:
    records: int = 0
    first: str = ""
    # Records where the suggested key was absent: only there is a misspelling likely.
    suggestable: int = 0
    first_suggestable: str = ""


@dataclass
class BuildReport:
    """Collects, record by record, what build dropped and what it could not read."""

    topic_field: str = "topic"
    label_field: str = "labels"
    dropped: list[dict[str, Any]] = field(default_factory=list)
    dropped_total: int = 0
    unknown: dict[str, _KeySeen] = field(default_factory=dict)
    wrong: dict[tuple[str, str], _KeySeen] = field(default_factory=dict)
    extra_warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.known = known_keys(self.topic_field, self.label_field)
        self._types = expected_types(self.topic_field, self.label_field)
        self._lower = {k.lower(): k for k in self.known}

    def check(self, page: Page) -> list[str]:
        """Note ``page``'s unknown keys and values of the wrong type; returns them in words
        for this record (a dropped record's reason says what was wrong with it)."""
        if page.error or page.meta.get("rendered"):
            return []  # an error page has no fields; a rendering repeats its page's
        notes = []
        for key, value in page.meta.items():
            if key not in self.known:
                suggestion = self.suggest(key)
                seen = self.unknown.setdefault(key, _KeySeen(first=where(page)))
                seen.records += 1
                if suggestion and suggestion not in page.meta:
                    seen.suggestable += 1
                    seen.first_suggestable = seen.first_suggestable or where(page)
                    notes.append(f"`{key}` is not a key build reads (did you mean `{suggestion}`?)")
                continue
            expected = self._types.get(key)
            if expected and value is not None and not expected[1](value):
                found = json_type(value)
                seen = self.wrong.setdefault((key, found), _KeySeen(first=where(page)))
                seen.records += 1
                notes.append(f"`{key}` is {found}, not {expected[0]}, so it was ignored")
            elif key == "gold_text" and isinstance(value, str) and not value.strip():
                notes.append("`gold_text` is empty")
        return notes

    def suggest(self, key: str) -> str | None:
        """The known key ``key`` was most likely meant to be, or None."""
        if key.lower() in self._lower:
            return self._lower[key.lower()]
        close = difflib.get_close_matches(key.lower(), list(self._lower), n=1, cutoff=0.6)
        return self._lower[close[0]] if close else None

    def drop(self, page: Page, reason: str, detail: str = "", notes: list[str] = ()) -> None:
        """Count a dropped record and keep the first ``MAX_DROPPED`` with their reasons."""
        self.dropped_total += 1
        if len(self.dropped) >= MAX_DROPPED:
            return
        line = None
        if page.error:
            reason, detail, line = split_error(page.error)
        detail = "; ".join(d for d in (detail or REASONS.get(reason, ""), *notes) if d)
        self.dropped.append(
            {
                "where": where(page, line),
                "id": page.id,
                "source": page.source,
                "line": line,
                "reason": reason,
                "detail": detail,
            }
        )

    def warnings(self) -> list[str]:
        """Misspelt-looking keys and wrongly typed values, each once with its count and the
        first record that had it."""
        out = list(self.extra_warnings)
        for key, seen in sorted(self.unknown.items()):
            if seen.suggestable:
                out.append(
                    f"`{key}` in {_records(seen.suggestable)} is not a key build reads; did you "
                    f"mean `{self.suggest(key)}`? (first: {seen.first_suggestable})"
                )
        for (key, found), seen in sorted(self.wrong.items()):
            out.append(
                f"`{key}` is {found} in {_records(seen.records)}, not "
                f"{self._types[key][0]}, so it was ignored (first: {seen.first})"
            )
        return out

    def notes(self) -> list[str]:
        """Keys build does not read and that resemble none it does (provenance such as a
        source dataset or language): said once, not warned about."""
        unread = [(key, seen) for key, seen in sorted(self.unknown.items()) if not seen.suggestable]
        out = [f"`{key}` is not read: {HINTS[key]}" for key, _ in unread if key in HINTS]
        plain = [f"{key} ({_records(seen.records)})" for key, seen in unread if key not in HINTS]
        if plain:
            out.append("keys not read: " + ", ".join(plain))
        return out

    def manifest(self) -> dict[str, Any]:
        """The report as the dataset manifest keeps it."""
        return {
            "dropped_records": {
                "total": self.dropped_total,
                "kept": len(self.dropped),
                "records": self.dropped,
            },
            "unknown_keys": {
                key: {
                    "records": seen.records,
                    "suggestion": self.suggest(key) if seen.suggestable else None,
                    "first": seen.first,
                }
                for key, seen in sorted(self.unknown.items())
            },
        }


def split_warnings(
    splits: dict[str, dict[str, Any]], outlets: int, fractions: tuple[float, ...] = (1, 1, 1)
) -> list[str]:
    """What a built dataset's splits cannot do: empty splits (unless ``fractions`` asked for
    none there), paragraph labels of one class only, a training split with a single topic,
    validation with nothing to tune on. ``outlets``: how many groups the pages fell into."""
    out = []
    few = (
        f" (the pages come from {outlets} outlet{'s' if outlets != 1 else ''} and splits are "
        "made by outlet: more outlets, or records with a `domain` or `url`, fill them)"
    )
    asked = dict(zip(splits, fractions, strict=False))
    consequence = {
        "train": "`winnow train` has nothing to learn from",
        "validation": "`winnow train` cannot tune its thresholds and will say so",
        "test": "there are no held-out pages to report figures on",
    }
    for name, s in splits.items():
        if s["pages"] == 0:
            if asked.get(name, 1) > 0:
                out.append(f"the {name} split is empty: {consequence[name]}" + few)
            continue
        labels = s["labels"]
        content, boilerplate = labels["content"], labels["boilerplate"]
        if bool(content) != bool(boilerplate):
            only = "content" if content else "boilerplate"
            out.append(
                f"the {name} split's {content + boilerplate} labelled paragraphs are all {only}: "
                + (
                    "no boilerplate model can be learnt from it"
                    if name == "train"
                    else "its paragraph figures measure one class only"
                )
            )
        if name == "train" and len(s["topics"]) == 1:
            out.append(
                f"the train split's pages have one topic only ({next(iter(s['topics']))}): "
                "no topic model can be learnt from it"
            )
    train, validation = splits.get("train") or {}, splits.get("validation") or {}
    trains_cleaner = all((train.get("labels") or {}).get(k) for k in ("content", "boilerplate"))
    if trains_cleaner and validation.get("pages") and not validation["labels"]["content"]:
        out.append(
            "the validation split has no paragraph labelled content: `winnow train` cannot "
            "tune its thresholds on it and will say so"
        )
    return out


def _records(n: int) -> str:
    return f"{n} record{'s' if n != 1 else ''}"
