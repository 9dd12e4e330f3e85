"""Per-page limits, so that one monster page cannot stall a worker or exhaust its memory."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

# The topic is read from the first this many characters of a page's kept text: its TF-IDF
# features take some 110 bytes a character, and no real article needs more (the longest text
# of the 8,317 shared pages is 246,214 characters).
MAX_TOPIC_CHARS = 200_000


class PageLimitError(Exception):
    """A page went over a limit; the message becomes the page's ``error`` ("limit: ...")."""


@contextmanager
def time_limit(seconds: float, what: str = "page") -> Iterator[None]:
    """Raise ``PageLimitError`` when the block runs longer than ``seconds`` (0: no limit).

    In a process's main thread a timer signal interrupts the block as soon as Python code
    runs again (a long call inside a C parser finishes first). Elsewhere (threads, e.g. Dask
    workers) signals are not available, so the limit is checked when the block ends.
    """
    if not seconds or seconds <= 0:
        yield
        return
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        start = time.perf_counter()
        yield
        if time.perf_counter() - start > seconds:
            raise PageLimitError(f"{what} took over {seconds:g} s")
        return

    def interrupt(signum, frame):
        raise PageLimitError(f"{what} took over {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
