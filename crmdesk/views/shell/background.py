"""One piece of work at a time off the GUI thread, shown on a progress bar, for dialogs.

Starting new work supersedes what was running (its answer is dropped); a failure that is a
KnownError reads as one line in the dialog's message label, anything else goes to the crash
report; Cancel shows what the dialog says a stop means ("Nothing was imported.").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QWidget

from crmdesk.core.errors import KnownError
from crmdesk.views.shell import errors, tasks

_Result = TypeVar("_Result")  # what the work returns and `done` is given


class BackgroundWork(QObject):
    busy_changed = Signal(bool)

    def __init__(self, progress: QProgressBar, message: QLabel, parent: QWidget) -> None:
        super().__init__(parent)
        self._progress, self._message, self._parent = progress, message, parent
        self._task: tasks.Task | None = None
        progress.hide()

    @property
    def busy(self) -> bool:
        return self._task is not None

    def run(
        self,
        work: Callable[[tasks.Task], _Result],
        done: Callable[[_Result], None],
        stopped: str = "",
    ) -> tasks.Task:
        """Run `work(task)` in the thread pool; `done(result)` on the GUI thread if still wanted."""
        self.cancel()
        self._message.clear()
        self._progress.setRange(0, 0)  # busy until the work reports how far it is
        self._progress.show()

        def connect(task: tasks.Task) -> None:
            def finished(result: _Result) -> None:
                if self._end(task):
                    done(result)

            def failed(exc: BaseException, trace: str) -> None:
                if self._end(task):
                    if isinstance(exc, KnownError):
                        self._message.setText(errors.known_error_line(exc))
                    else:
                        errors.report(self._parent, exc, trace)

            def cancelled() -> None:
                if self._end(task):
                    self._message.setText(stopped)

            self._task = task
            task.signals.progressed.connect(self._on_task_progressed)
            task.signals.finished.connect(finished)
            task.signals.failed.connect(failed)
            task.signals.cancelled.connect(cancelled)

        task = tasks.start(work, connect)
        self.busy_changed.emit(True)
        return task

    def cancel(self) -> bool:
        """Ask the running work to stop; False when nothing was running."""
        if self._task is None:
            return False
        self._task.cancel()
        return True

    def _end(self, task: tasks.Task) -> bool:
        if task is not self._task:
            return False
        self._task = None
        self._progress.hide()
        self.busy_changed.emit(False)
        return True

    def _on_task_progressed(self, done: int, total: int) -> None:
        self._progress.setRange(0, max(total, 1))
        self._progress.setValue(done)


__all__ = ["BackgroundWork"]
