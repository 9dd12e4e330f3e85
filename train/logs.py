"""Logs for machines: with ``winnow --log-json`` every event the library logs (``winnow.*``
loggers, sent through ``models.events.event``) is one JSON object a line on stderr, for CI
jobs and batch schedulers to parse."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime

LOGGER = "winnow"


class JsonLines(logging.Formatter):
    """A record as one JSON object: time, level, logger, event, and the record's ``data``."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": record.getMessage(),
        }
        data = getattr(record, "data", None)
        if isinstance(data, dict):
            entry.update(data)
        return json.dumps(entry, default=str)


def configure(json_lines: bool) -> None:
    """Send ``winnow`` events to stderr as JSON lines (or nowhere, the default: the commands
    print their own human-readable output)."""
    logger = logging.getLogger(LOGGER)
    for handler in list(logger.handlers):
        if getattr(handler, "_winnow", False):
            logger.removeHandler(handler)
    if not json_lines:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLines())
    handler._winnow = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
