"""Above the hours: each day's name and date (today marked, holidays named) and the all-day
strip, where all-day and multi-day events run across their days."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from crmdesk.services.calendar import EventOccurrence
from crmdesk.views.calendar.day_marks import DayMarks
from crmdesk.views.calendar.painting import (
    HOLIDAY_TEXT,
    HOLIDAY_TINT,
    MAKEUP_TEXT,
    TODAY_TINT,
    event_colour,
    qdate,
)
from crmdesk.views.calendar.range_model import CalendarRangeModel, local_end, local_start

ROW = 20
MAX_ROWS = 4  # all-day rows shown; the last one says "+k" for a day with more


class DayHeader(QWidget):
    """Day titles and the all-day strip for the days of a TimeGrid (same gutter, same columns)."""

    open_requested = Signal(object)  # EventOccurrence
    day_requested = Signal(object)  # a date (double-click on a title: that day alone)

    def __init__(self, model: CalendarRangeModel, marks: DayMarks, parent: QWidget | None = None):
        super().__init__(parent)
        self.model, self.marks = model, marks
        self.days: list[dt.date] = [dt.date.today()]
        self.gutter = 56
        self.owners: list[str] | None = None  # the team view: columns are owners
        self.right_margin = 0  # the grid's scroll bar below, so the columns line up
        self.bars: list[tuple[QRectF, EventOccurrence]] = []
        self.hidden: dict[dt.date, int] = {}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        model.modelReset.connect(self.relayout)

    def set_days(self, days: list[dt.date], owners: list[str] | None = None) -> None:
        self.days, self.owners = days, owners
        self.relayout()

    def _title_height(self) -> int:
        return self.fontMetrics().height() * 2 + 8

    def sizeHint(self) -> QSize:
        return QSize(700, self.height())

    def column_width(self) -> float:
        room = self.width() - self.gutter - self.right_margin
        return max(1.0, room / max(1, len(self.days)))

    def relayout(self) -> None:
        """Place each all-day (or day-long) event in the first row free over its days."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        zone = self.model.zone
        rows: list[dt.date] = []  # each row's first free day
        first, last = self.days[0], self.days[-1] + dt.timedelta(days=1)
        bars = []
        for one in [] if self.owners else _all_day_candidates(self.model, self.days):
            start, end = local_start(one, zone), local_end(one, zone)
            if not one.all_day and end - start < dt.timedelta(hours=24):
                continue
            begin_day = max(first, start.date())
            end_day = min(last, end.date() if end.time() == dt.time() else end.date()
                          + dt.timedelta(days=1))
            if end_day <= begin_day:
                end_day = begin_day + dt.timedelta(days=1)
            if begin_day >= last or end_day <= first:
                continue
            row = next((r for r, busy in enumerate(rows) if busy <= begin_day), len(rows))
            if row == len(rows):
                rows.append(end_day)
            else:
                rows[row] = end_day
            bars.append((row, begin_day, end_day, one))
        top, width = self._title_height(), self.column_width()
        self.bars, self.hidden = [], {}
        for row, begin_day, end_day, one in bars:
            if row >= MAX_ROWS - 1 and len(rows) > MAX_ROWS:
                for i in range((end_day - begin_day).days):
                    day = begin_day + dt.timedelta(days=i)
                    self.hidden[day] = self.hidden.get(day, 0) + 1
                continue
            x = self.gutter + (begin_day - first).days * width
            span = (end_day - begin_day).days * width
            self.bars.append((QRectF(x + 1, top + row * ROW + 1, span - 3, ROW - 2), one))
        self.setFixedHeight(top + max(1, min(MAX_ROWS, len(rows))) * ROW + 4)
        self.update()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if getattr(self, "_stale", True):
            self.relayout()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.relayout()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Window))
        width, today, locale = self.column_width(), dt.date.today(), QLocale()
        title_height = self._title_height()
        bold = QFont(self.font())
        bold.setBold(True)
        for column, day in enumerate(self.days):
            x = self.gutter + column * width
            cell = QRectF(x, 0, width, title_height)
            holiday = self.marks.holiday(day)
            if day == today:
                painter.fillRect(cell, TODAY_TINT)
            elif holiday:
                painter.fillRect(cell, HOLIDAY_TINT)
            painter.setFont(bold if day == today else self.font())
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            name = locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
            if self.owners:
                name = self.owners[column]
            chinese = locale.language() == QLocale.Language.Chinese
            date_text = locale.toString(qdate(day), "M月d日" if chinese else "d MMM")
            painter.drawText(cell.adjusted(4, 2, -4, 0), Qt.AlignmentFlag.AlignLeft
                             | Qt.AlignmentFlag.AlignTop, f"{name} {date_text}")
            note, colour = holiday, HOLIDAY_TEXT
            if not note and self.marks.is_makeup_workday(day):
                note, colour = self.tr("working day"), MAKEUP_TEXT
            note = note or self.marks.lunar_text(day)
            if note:
                painter.setPen(colour if (holiday or colour == MAKEUP_TEXT) else
                               palette.color(QPalette.ColorRole.PlaceholderText))
                painter.setFont(self.font())
                painter.drawText(cell.adjusted(4, 0, -4, -2), Qt.AlignmentFlag.AlignLeft
                                 | Qt.AlignmentFlag.AlignBottom,
                                 self.fontMetrics().elidedText(note, Qt.TextElideMode.ElideRight,
                                                               int(width) - 8))
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 0))
        for column in range(len(self.days) + 1):
            x = self.gutter + column * width
            painter.drawLine(QPointF(x, 0), QPointF(x, self.height()))
        painter.drawLine(QPointF(0, self.height() - 1), QPointF(self.width(), self.height() - 1))
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(QRectF(0, title_height, self.gutter - 6, ROW),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         self.tr("All day"))
        for rect, one in self.bars:
            colour = event_colour(one)
            painter.setPen(QPen(colour.darker(130), 1))
            painter.setBrush(colour)
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(QColor("white"))
            painter.drawText(rect.adjusted(4, 0, -2, 0), Qt.AlignmentFlag.AlignVCenter,
                             self.fontMetrics().elidedText(one.title, Qt.TextElideMode.ElideRight,
                                                           int(rect.width()) - 6))
        painter.setPen(palette.color(QPalette.ColorRole.Link))
        for day, count in self.hidden.items():
            if day in self.days:
                x = self.gutter + self.days.index(day) * width
                rect = QRectF(x + 4, title_height + (MAX_ROWS - 1) * ROW, width - 8, ROW)
                painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter,
                                 self.tr("+%n more", "", count))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        point = event.position()
        for rect, one in self.bars:
            if rect.contains(point):
                self.open_requested.emit(one)
                return
        if point.x() >= self.gutter and (point.y() < self._title_height() or self.hidden):
            column = int((point.x() - self.gutter) // self.column_width())
            if 0 <= column < len(self.days):
                self.day_requested.emit(self.days[column])


def _all_day_candidates(model: CalendarRangeModel, days: list[dt.date]) -> list[EventOccurrence]:
    """The all-day and day-long occurrences on the days, each once, in start order."""
    seen, found = set(), []
    for day in days:
        for one in model.on_day(day):
            key = (one.event_id, one.recurrence_id, one.start)
            if (one.all_day or _long(one)) and key not in seen:
                seen.add(key)
                found.append(one)
    return found


def _long(one: EventOccurrence) -> bool:
    return (isinstance(one.start, dt.datetime) and isinstance(one.end, dt.datetime)
            and one.end - one.start >= dt.timedelta(hours=24))


__all__ = ["DayHeader"]
