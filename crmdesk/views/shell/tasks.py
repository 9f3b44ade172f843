"""Work off the GUI thread: a function runs in the thread pool, its result comes back as a signal.

Each task gets its own session from the Database inside the worker (sessions never cross
threads); the caller keeps a generation number and drops stale answers.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class Cancelled(Exception):
    """Raised inside a task when its cancel flag is set; reported as `cancelled`, not an error."""


class TaskSignals(QObject):
    finished = Signal(object)  # the function's return value
    failed = Signal(object, str)  # the exception and its formatted traceback
    progressed = Signal(int, int)  # done, total
    cancelled = Signal()


class Task(QRunnable):
    """Runs `fn(task)`; fn may call `task.report(done, total)` and check `task.is_cancelled()`."""

    def __init__(self, fn: Callable[[Task], object]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = TaskSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int) -> None:
        self.signals.progressed.emit(done, total)

    def run(self) -> None:
        try:
            result = self.fn(self)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # reported to the GUI thread, which shows it
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            if self._cancel.is_set():
                self.signals.cancelled.emit()
            else:
                self.signals.finished.emit(result)


def start(
    fn: Callable[[Task], object],
    connect: Callable[[Task], None] | None = None,
    pool: QThreadPool | None = None,
) -> Task:
    """Start fn on the pool (the global one by default) and return its Task.

    `connect(task)` wires the task's signals before it starts: a quick fn could otherwise finish
    before anyone listens, and its answer would be lost."""
    task = Task(fn)
    if connect is not None:
        connect(task)
    (pool or QThreadPool.globalInstance()).start(task)
    return task
