"""Pausing Python's cycle collector while bulk work allocates millions of objects.

Every new container object counts towards a collection, and each collection re-scans what is
alive: reading a 100k-row file, planning its import against 100k contacts, or building a key
list keeps hundreds of thousands of objects alive, so collections triggered by the allocations
scan them again and again and find nothing (those objects form no cycles). Measured: a
100k-row import 48.5 s with collections, 35.6 s paused; a 100k-key list 0.6 s, 0.2 s paused.
Collection resumes, and catches up, when the last pauser (of any thread) is done.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import threading
from collections.abc import Callable, Iterator
from typing import ParamSpec, TypeVar

_lock = threading.Lock()
_pausers = 0
_was_enabled = True

_P = ParamSpec("_P")
_R = TypeVar("_R")


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No automatic garbage collection inside (nestable, across threads)."""
    global _pausers, _was_enabled
    with _lock:
        if _pausers == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pausers += 1
    try:
        yield
    finally:
        with _lock:
            _pausers -= 1
            if _pausers == 0 and _was_enabled:
                gc.enable()


def without_gc(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """`function` run under gc_paused()."""

    @functools.wraps(function)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with gc_paused():
            return function(*args, **kwargs)

    return paused
