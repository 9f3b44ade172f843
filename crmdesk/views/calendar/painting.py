"""Colours and small drawing rules the calendar's views share."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, QTime
from PySide6.QtGui import QColor

from crmdesk.models.enums import EventKind, EventStatus
from crmdesk.services.calendar import EventOccurrence

KIND_COLOURS = {
    EventKind.VISIT: QColor("#2e7d32"),
    EventKind.CALL: QColor("#1565c0"),
    EventKind.MEETING: QColor("#6a1b9a"),
    EventKind.TASK: QColor("#ef6c00"),
    EventKind.OTHER: QColor("#546e7a"),
}
TODAY_TINT = QColor(255, 243, 196)
HOLIDAY_TINT = QColor(253, 228, 228)
WEEKEND_TINT = QColor(245, 245, 245)
HOLIDAY_TEXT = QColor("#c62828")
MAKEUP_TEXT = QColor("#1565c0")


def event_colour(occurrence: EventOccurrence) -> QColor:
    colour = QColor(KIND_COLOURS.get(occurrence.kind, KIND_COLOURS[EventKind.OTHER]))
    if occurrence.status in (EventStatus.DONE, EventStatus.TENTATIVE):
        colour = colour.lighter(150)
    return colour


def week_start(day: dt.date, locale: QLocale | None = None) -> dt.date:
    """The first day of `day`'s week as the locale counts weeks (Monday in China)."""
    first = int((locale or QLocale()).firstDayOfWeek().value)  # Qt: Monday 1 … Sunday 7
    return day - dt.timedelta(days=(day.isoweekday() - first) % 7)


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def qtime(value: dt.time) -> QTime:
    return QTime(value.hour, value.minute, value.second)


def short_time(value: dt.datetime) -> str:
    return QLocale().toString(qtime(value.time()), QLocale.FormatType.ShortFormat)


__all__ = ["KIND_COLOURS", "event_colour", "qdate", "qtime", "short_time", "week_start"]
