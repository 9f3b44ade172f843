"""The calendar's model: the occurrences of the visible range only, read off the GUI thread.

`set_range(first, last)` asks `occurrences_between` for the laptop's days [first, last) on a
worker; each request carries a generation number and answers a newer request overtook are
dropped. A write that touched events (the bus) re-reads the same range. Rows are the range's
occurrences in start order; views read them as `occurrences` (frozen dataclasses) or through
the roles.
"""

from __future__ import annotations

import datetime as dt
import time
import traceback
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractListModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)

from crmdesk.core.clock import local_zone
from crmdesk.services.calendar import EventOccurrence, occurrences_between
from crmdesk.services.changes import Changes
from crmdesk.store.db import Database
from crmdesk.views.calendar.painting import qdate, qtime
from crmdesk.views.shell import tasks
from crmdesk.views.shell.bus import DataBus

OccurrenceRole = Qt.ItemDataRole.UserRole + 1
StartRole = Qt.ItemDataRole.UserRole + 2
EndRole = Qt.ItemDataRole.UserRole + 3
Index = QModelIndex | QPersistentModelIndex


def local_start(occurrence: EventOccurrence, zone: dt.tzinfo) -> dt.datetime:
    """An occurrence's start on the laptop's clock (an all-day one: its first midnight)."""
    return _local(occurrence.start, zone)


def local_end(occurrence: EventOccurrence, zone: dt.tzinfo) -> dt.datetime:
    return _local(occurrence.end, zone)


def _local(value: dt.datetime | dt.date, zone: dt.tzinfo) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value.astimezone(zone)
    return dt.datetime.combine(value, dt.time(), tzinfo=zone)


def utc_window(first: dt.date, last: dt.date, zone: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    """The laptop's days [first, last) as a UTC window."""
    begin = dt.datetime.combine(first, dt.time(), tzinfo=zone).astimezone(dt.UTC)
    end = dt.datetime.combine(last, dt.time(), tzinfo=zone).astimezone(dt.UTC)
    return begin, end


def by_local_day(
    found: list[EventOccurrence], first: dt.date, last: dt.date, zone: ZoneInfo
) -> dict[dt.date, list[EventOccurrence]]:
    """The occurrences touching each of the laptop's days [first, last), in start order
    (an occurrence ending at midnight does not touch the day it ends on)."""
    days: dict[dt.date, list[EventOccurrence]] = {}
    one_day = dt.timedelta(days=1)
    for one in found:
        start, end = _local(one.start, zone), _local(one.end, zone)
        day = max(first, start.date())
        stop = end.date() if end.time() == dt.time() and end > start else end.date() + one_day
        while day < min(stop, last):
            days.setdefault(day, []).append(one)
            day += one_day
    return days


@dataclass(frozen=True)
class _Answer:
    generation: int
    found: list[EventOccurrence] = field(default_factory=list)
    days: dict[dt.date, list[EventOccurrence]] = field(default_factory=dict)
    error: BaseException | None = None
    details: str = ""
    seconds: float = 0.0


class CalendarRangeModel(QAbstractListModel):
    """The occurrences of one range of days, for the day, week, month and agenda views.

    Signals: `range_loaded(count)` after an answer was applied; `load_failed(error, details)`.
    `asked` lists every UTC window sent to the query (tests check only the visible one is)."""

    range_loaded = Signal(int)
    load_failed = Signal(object, str)

    def __init__(
        self,
        db: Database,
        bus: DataBus | None,
        *,
        owner: str | None = None,
        zone: ZoneInfo | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db, self.owner = db, owner
        self.zone = zone or local_zone()
        self.first = self.last = dt.date.today()
        self.occurrences: list[EventOccurrence] = []
        self._days: dict[dt.date, list[EventOccurrence]] = {}
        self.asked: list[tuple[dt.datetime, dt.datetime]] = []
        self.last_query_seconds = 0.0
        self._generation = self._loaded = 0
        self._running: dict[int, tasks.Task] = {}
        self._finished: list[tasks.Task] = []
        if bus is not None:
            bus.changed.connect(self._on_bus_changed)

    @property
    def is_loading(self) -> bool:
        return self._loaded != self._generation

    def set_range(self, first: dt.date, last: dt.date) -> None:
        """Show the laptop's days [first, last); nothing is asked when the range is shown."""
        if (first, last) == (self.first, self.last) and (self._loaded or self.is_loading):
            return
        self.first, self.last = first, last
        self.refresh()

    def refresh(self) -> None:
        """Read the range again off the GUI thread; older requests still running are dropped."""
        self._finished.clear()
        for running in self._running.values():
            running.cancel()
        self._generation += 1
        generation, db, owner = self._generation, self._db, self.owner
        first, last, zone = self.first, self.last, self.zone
        start, end = utc_window(first, last, zone)
        self.asked.append((start, end))

        def work(task: tasks.Task) -> _Answer:
            if task.is_cancelled():
                raise tasks.Cancelled
            began = time.perf_counter()
            try:
                with db.reading() as session:
                    found = occurrences_between(session, start, end, owner=owner)
                days = by_local_day(found, first, last, zone)  # here, not while Qt paints
            except Exception as exc:  # handed to the GUI thread, which reports it
                return _Answer(generation, error=exc, details=traceback.format_exc())
            return _Answer(generation, found, days, seconds=time.perf_counter() - began)

        task = tasks.Task(work)
        task.signals.finished.connect(self._on_task_finished)
        task.signals.cancelled.connect(self._on_task_cancelled)
        self._running[generation] = task
        QThreadPool.globalInstance().start(task)

    def _release(self, generation: int) -> None:
        task = self._running.pop(generation, None)
        if task is not None:
            self._finished.append(task)  # dropped at the next request: its worker may be leaving

    @Slot()
    def _on_task_cancelled(self) -> None:
        for generation, task in list(self._running.items()):
            if task.is_cancelled():
                self._release(generation)

    @Slot(object)
    def _on_task_finished(self, answer: _Answer) -> None:
        self._release(answer.generation)
        if answer.generation != self._generation:
            return  # a newer range is on its way
        self._loaded = answer.generation
        self.last_query_seconds = answer.seconds
        if answer.error is not None:
            self.load_failed.emit(answer.error, answer.details)
            return
        self.beginResetModel()
        self.occurrences, self._days = answer.found, answer.days
        self.endResetModel()
        self.range_loaded.emit(len(answer.found))

    @Slot(object)
    def _on_bus_changed(self, changes: Changes) -> None:
        if changes.events or changes.accounts:
            self.refresh()

    # -- what the views read -------------------------------------------------------------------

    def on_day(self, day: dt.date) -> list[EventOccurrence]:
        """The occurrences touching the laptop's day `day`, in start order (read from the
        index the worker built with the answer)."""
        return self._days.get(day, [])

    # -- QAbstractItemModel --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.occurrences)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.occurrences):
            return None
        one = self.occurrences[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(one)
        if role == OccurrenceRole:
            return one
        if role == StartRole:
            return local_start(one, self.zone)
        if role == EndRole:
            return local_end(one, self.zone)
        if role == Qt.ItemDataRole.ToolTipRole:
            return one.location or None
        return None

    def _text(self, one: EventOccurrence) -> str:
        """The agenda's line: date, time span, title and account."""
        locale = QLocale()
        start = local_start(one, self.zone)
        day = locale.toString(qdate(start.date()), QLocale.FormatType.ShortFormat)
        if one.all_day:
            when = self.tr("all day")
        else:
            finish = local_end(one, self.zone)
            short = QLocale.FormatType.ShortFormat
            begin, end = qtime(start.time()), qtime(finish.time())
            when = f"{locale.toString(begin, short)}–{locale.toString(end, short)}"
        words = [day, when, one.title]
        if one.account:
            words.append(one.account)
        return "  ".join(words[:3]) + (f" · {one.account}" if one.account else "")


__all__ = [
    "CalendarRangeModel", "EndRole", "OccurrenceRole", "StartRole", "local_end", "local_start",
    "utc_window",
]
