"""Tasks: the function runs off the GUI thread and exactly one outcome comes back as a signal."""

from __future__ import annotations

import threading

import pytest

from crmdesk.views.shell import tasks


def run(qtbot, fn, signal_name):
    seen = {}

    def connect(task):
        for name in ("finished", "failed", "cancelled", "progressed"):
            getattr(task.signals, name).connect(
                lambda *args, n=name: seen.setdefault(n, []).append(args)
            )

    task = tasks.start(fn, connect)  # wired before it starts: no answer is missed
    qtbot.waitUntil(lambda: signal_name in seen, timeout=5000)
    qtbot.wait(10)
    return task, seen


def test_the_result_comes_back_from_another_thread(qtbot):
    gui = threading.get_ident()

    def work(task):
        task.report(1, 2)
        return threading.get_ident()

    _, seen = run(qtbot, work, "finished")
    assert seen["progressed"] == [(1, 2)]
    ((worker,),) = seen["finished"]
    assert worker != gui
    assert "failed" not in seen and "cancelled" not in seen


def test_an_exception_is_reported_with_its_traceback(qtbot):
    def work(_task):
        raise ValueError("broken")

    _, seen = run(qtbot, work, "failed")
    ((error, trace),) = seen["failed"]
    assert isinstance(error, ValueError) and "broken" in trace and "work" in trace
    assert "finished" not in seen


@pytest.mark.parametrize("raises", [True, False])
def test_a_cancelled_task_reports_cancelled_not_its_result(qtbot, raises):
    started, go = threading.Event(), threading.Event()

    def work(task):
        started.set()
        go.wait(5)
        if raises and task.is_cancelled():
            raise tasks.Cancelled
        return "late"

    task = tasks.start(work)
    seen = []
    task.signals.cancelled.connect(lambda: seen.append("cancelled"))
    task.signals.finished.connect(lambda result: seen.append(result))
    assert started.wait(5)
    task.cancel()
    with qtbot.waitSignal(task.signals.cancelled, timeout=5000):
        go.set()
    assert seen == ["cancelled"]
