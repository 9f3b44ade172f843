"""Background work for dialogs: one at a time, a newer run supersedes, failures read as a line."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QLabel, QProgressBar, QWidget

from crmdesk.core.errors import KnownError
from crmdesk.views.shell import tasks
from crmdesk.views.shell.background import BackgroundWork


@pytest.fixture
def work(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    progress, message = QProgressBar(parent), QLabel(parent)
    return BackgroundWork(progress, message, parent), progress, message


def test_the_result_arrives_and_the_bar_comes_and_goes(qtbot, work):
    background, progress, _ = work
    results, busy = [], []
    background.busy_changed.connect(busy.append)

    def job(task):
        task.report(3, 4)
        return 42

    background.run(job, results.append)
    assert background.busy and progress.isVisibleTo(progress.parentWidget())
    qtbot.waitUntil(lambda: results == [42], timeout=5000)
    assert not background.busy and not progress.isVisibleTo(progress.parentWidget())
    assert busy == [True, False]
    assert progress.value() == 3 and progress.maximum() == 4


def test_a_newer_run_drops_the_older_answer(qtbot, work):
    background, _, _ = work
    release = threading.Event()
    results = []

    def slow(task):
        release.wait(5)
        return "old"

    first = background.run(slow, results.append)
    background.run(lambda task: "new", results.append)
    assert first.is_cancelled()  # superseded work is asked to stop
    release.set()
    qtbot.waitUntil(lambda: "new" in results, timeout=5000)
    qtbot.wait(50)
    assert results == ["new"]


def test_a_known_failure_and_a_cancel_are_told_in_the_message(qtbot, work):
    background, _, message = work

    def refused(task):
        raise KnownError("The file is locked.", "Close it elsewhere.")

    background.run(refused, lambda _: None)
    qtbot.waitUntil(
        lambda: message.text() == "The file is locked. Close it elsewhere.", timeout=5000
    )
    started = threading.Event()

    def stoppable(task):
        started.set()
        while not task.is_cancelled():
            task.report(0, 1)
        raise tasks.Cancelled

    background.run(stoppable, lambda _: None, stopped="Nothing was imported.")
    assert started.wait(5)
    assert background.cancel()
    qtbot.waitUntil(lambda: message.text() == "Nothing was imported.", timeout=5000)
    assert not background.cancel()  # nothing running any more
