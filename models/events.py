"""Structured events for ``winnow --log-json``: library code logs through here, so a run's
events carry their figures as fields, not text to parse."""

from __future__ import annotations

import logging


def event(logger: logging.Logger, name: str, **data) -> None:
    """Log ``name`` with structured ``data`` (cheap when nobody listens)."""
    if logger.isEnabledFor(logging.INFO):
        logger.info(name, extra={"data": data})
