"""Fixtures for the calendar pane: a fixed zone and locale, a pane on a real database file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QThreadPool, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from crmdesk.services.calendar import EventDraft, save_event
from crmdesk.store.db import Database
from crmdesk.views.calendar.pane import CalendarPane
from crmdesk.views.shell.bus import DataBus

ZONE = "Asia/Shanghai"
TODAY = dt.date(2026, 3, 4)  # a Wednesday
WAIT = 10_000


@pytest.fixture(autouse=True)
def shanghai(monkeypatch) -> None:
    monkeypatch.setenv("TZ", ZONE)


@pytest.fixture
def locale() -> Iterator[Callable[[str], None]]:
    """Set the default locale for a test (restored after it)."""
    before = QLocale()

    def use(name: str) -> None:
        QLocale.setDefault(QLocale(name))

    use("en_GB")
    yield use
    QLocale.setDefault(before)


def make_pane(qtbot, db: Database, today: dt.date = TODAY) -> CalendarPane:
    bus = DataBus()
    stack = QUndoStack()
    pane = CalendarPane(db, bus, stack, today=today)
    pane._keep = (bus, stack)  # type: ignore[attr-defined]
    qtbot.addWidget(pane)
    pane.resize(1200, 800)
    with qtbot.waitSignal(pane.model.range_loaded, timeout=WAIT):
        pane.show()
    qtbot.waitExposed(pane)
    return pane


def settle() -> None:
    QThreadPool.globalInstance().waitForDone(5000)
    QCoreApplication.processEvents()


def when_modal(name: str, act: Callable[[QWidget], None], tries: int = 200) -> None:
    """Once a modal window called `name` (objectName or class name) is up, run `act` on it."""

    def poll(left: int) -> None:
        widget = QApplication.activeModalWidget()
        if widget is not None and name in (widget.objectName(), type(widget).__name__):
            act(widget)
        elif left:
            QTimer.singleShot(25, lambda: poll(left - 1))

    QTimer.singleShot(0, lambda: poll(tries))


def shanghai_time(*parts: int) -> dt.datetime:
    from zoneinfo import ZoneInfo

    return dt.datetime(*parts, tzinfo=ZoneInfo(ZONE)).astimezone(dt.UTC)


def add_event(db: Database, title: str, start: dt.datetime, minutes: int = 60, **more) -> object:
    draft = EventDraft(title=title, starts_at=start, ends_at=start + dt.timedelta(minutes=minutes),
                       time_zone=ZONE, owner=more.pop("owner", "li.lei"), **more)
    with db.transaction() as session:
        event_id, _ = save_event(session, draft)
    return event_id
