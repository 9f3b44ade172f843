"""The month view: six painted weeks, at most a few events a day and "+k more" for the rest.

Days off and holidays are shaded, China's make-up working days marked as working days, and in
the Chinese interface each day carries its lunar date or solar term.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QWidget

from crmdesk.services.calendar import EventOccurrence
from crmdesk.views.calendar.day_marks import DayMarks
from crmdesk.views.calendar.painting import (
    HOLIDAY_TEXT,
    HOLIDAY_TINT,
    MAKEUP_TEXT,
    TODAY_TINT,
    WEEKEND_TINT,
    event_colour,
    short_time,
)
from crmdesk.views.calendar.range_model import CalendarRangeModel, local_start

WEEKS = 6


class MonthGrid(QWidget):
    """Six weeks from `first` (a week start); `month` is the month the grid is about."""

    open_requested = Signal(object)  # EventOccurrence
    day_requested = Signal(object)  # a date: its "+k more" or a double-click on its free space

    def __init__(self, model: CalendarRangeModel, marks: DayMarks, parent: QWidget | None = None):
        super().__init__(parent)
        self.model, self.marks = model, marks
        self.first = dt.date.today()
        self.month = (self.first.year, self.first.month)
        self.focus_day = self.first
        self.lines: list[tuple[QRectF, EventOccurrence]] = []
        self.more: list[tuple[QRectF, dt.date, int]] = []
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        model.modelReset.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(700, 520)

    def set_month(self, first: dt.date, focus: dt.date) -> None:
        self.first, self.focus_day, self.month = first, focus, (focus.year, focus.month)
        self.update()

    def days(self) -> list[dt.date]:
        return [self.first + dt.timedelta(days=i) for i in range(7 * WEEKS)]

    def _header_height(self) -> int:
        return self.fontMetrics().height() + 6

    def cell_rect(self, day: dt.date) -> QRectF:
        index = (day - self.first).days
        width = self.width() / 7
        height = (self.height() - self._header_height()) / WEEKS
        return QRectF((index % 7) * width, self._header_height() + (index // 7) * height,
                      width, height)

    def per_day(self) -> int:
        """How many events fit in a cell under its date line."""
        height = (self.height() - self._header_height()) / WEEKS
        line = self.fontMetrics().height() + 2
        return max(1, int((height - line - 4) // line))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette, locale = self.palette(), QLocale()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        today = dt.date.today()
        width = self.width() / 7
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        for column in range(7):
            day = self.first + dt.timedelta(days=column)
            painter.drawText(QRectF(column * width, 0, width, self._header_height()),
                             Qt.AlignmentFlag.AlignCenter,
                             locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat))
        line = self.fontMetrics().height() + 2
        limit = self.per_day()
        self.lines, self.more = [], []
        bold = QFont(self.font())
        bold.setBold(True)
        for day in self.days():
            cell = self.cell_rect(day)
            holiday = self.marks.holiday(day)
            if day == today:
                painter.fillRect(cell, TODAY_TINT)
            elif holiday:
                painter.fillRect(cell, HOLIDAY_TINT)
            elif self.marks.is_day_off(day):
                painter.fillRect(cell, WEEKEND_TINT)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(cell)
            if day == self.focus_day and self.hasFocus():
                painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
                painter.drawRect(cell.adjusted(1, 1, -1, -1))
            in_month = (day.year, day.month) == self.month
            painter.setFont(bold if day == today else self.font())
            painter.setPen(palette.color(QPalette.ColorRole.Text if in_month
                                         else QPalette.ColorRole.PlaceholderText))
            top = cell.adjusted(3, 1, -3, 0)
            painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                             str(day.day))
            painter.setFont(self.font())
            note, colour = holiday, HOLIDAY_TEXT
            if not note and self.marks.is_makeup_workday(day):
                note, colour = self.tr("working day"), MAKEUP_TEXT
            if not note:
                note = self.marks.lunar_text(day)
                colour = palette.color(QPalette.ColorRole.PlaceholderText)
            if note:
                painter.setPen(colour)
                room = int(cell.width()) - 8 - self.fontMetrics().horizontalAdvance("00 ")
                painter.drawText(top, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                                 self.fontMetrics().elidedText(
                                     note, Qt.TextElideMode.ElideRight, room))
            self._paint_events(painter, cell, day, line, limit)

    def _paint_events(
        self, painter: QPainter, cell: QRectF, day: dt.date, line: int, limit: int
    ) -> None:
        found = self.model.on_day(day)
        shown = found if len(found) <= limit else found[: max(0, limit - 1)]
        y = cell.top() + line + 2
        for one in shown:
            rect = QRectF(cell.left() + 2, y, cell.width() - 4, line - 1)
            colour = event_colour(one)
            painter.setPen(colour.darker(120))
            start = local_start(one, self.model.zone)
            words = one.title if one.all_day else f"{short_time(start)} {one.title}"
            painter.drawText(rect.adjusted(2, 0, -2, 0), Qt.AlignmentFlag.AlignVCenter,
                             self.fontMetrics().elidedText(words, Qt.TextElideMode.ElideRight,
                                                           int(rect.width()) - 4))
            self.lines.append((rect, one))
            y += line
        hidden = len(found) - len(shown)
        if hidden:
            rect = QRectF(cell.left() + 2, y, cell.width() - 4, line - 1)
            painter.setPen(self.palette().color(QPalette.ColorRole.Link))
            painter.drawText(rect.adjusted(2, 0, -2, 0), Qt.AlignmentFlag.AlignVCenter,
                             self.tr("+%n more", "", hidden))
            self.more.append((rect, day, hidden))

    def day_at(self, point: QPointF) -> dt.date | None:
        if point.y() < self._header_height():
            return None
        for day in self.days():
            if self.cell_rect(day).contains(point):
                return day
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus()
        point = event.position()
        for rect, day, _hidden in self.more:
            if rect.contains(point):
                self.day_requested.emit(day)
                return
        found = self.day_at(point)
        if found is not None:
            self.focus_day = found
            self.update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        point = event.position()
        for rect, one in self.lines:
            if rect.contains(point):
                self.open_requested.emit(one)
                return
        day = self.day_at(point)
        if day is not None:
            self.day_requested.emit(day)


__all__ = ["MonthGrid"]
