"""The day and week views: a painted grid of hours, one column per day, events side by side.

Nothing here is a widget per event: events are rectangles laid out on each model reset and
painted in one pass, so a busy week costs no more widgets than an empty one. Mouse: drag over
free time to create, drag an event to move it, drag its lower edge to resize, double-click to
open. Signals carry the laptop's wall-clock times (aware datetimes).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt, QTime, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from crmdesk.services.calendar import EventOccurrence
from crmdesk.views.calendar.day_marks import DayMarks
from crmdesk.views.calendar.layout import side_by_side
from crmdesk.views.calendar.painting import (
    HOLIDAY_TINT,
    TODAY_TINT,
    WEEKEND_TINT,
    event_colour,
    short_time,
)
from crmdesk.views.calendar.range_model import CalendarRangeModel, local_end, local_start

SNAP_MINUTES = 15
EDGE = 5  # pixels of an event's lower edge that resize it


@dataclass(frozen=True)
class Box:
    """An event's rectangle on one day, and its times there."""

    rect: QRectF
    occurrence: EventOccurrence
    day: dt.date
    start: dt.datetime
    end: dt.datetime


@dataclass
class _Drag:
    mode: str  # "create", "move", "resize"
    press: QPointF
    anchor: dt.datetime
    box: Box | None = None
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    moved: bool = False


class TimeGrid(QWidget):
    """24 hours of `days` side by side, the timed events of `model` on them."""

    create_requested = Signal(object, object)  # start, end (laptop's time)
    open_requested = Signal(object)  # EventOccurrence
    move_requested = Signal(object, object, object)  # occurrence, new start, new end

    def __init__(self, model: CalendarRangeModel, marks: DayMarks, parent: QWidget | None = None):
        super().__init__(parent)
        self.model, self.marks = model, marks
        self.days: list[dt.date] = [dt.date.today()]
        self.focus_day = dt.date.today()
        self.hour_height = 40
        self.gutter = 56
        self.boxes: list[Box] = []
        self.selected: EventOccurrence | None = None
        self.owners: list[str] | None = None
        self._drag: _Drag | None = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(24 * self.hour_height + 1)
        model.modelReset.connect(self.relayout)

    def sizeHint(self) -> QSize:
        return QSize(700, 24 * self.hour_height + 1)

    def set_days(
        self, days: list[dt.date], focus: dt.date, owners: list[str] | None = None
    ) -> None:
        """Show `days` side by side; with `owners` (the team view), one day's columns are
        the owners' (days then repeats that day once per owner)."""
        self.days, self.focus_day, self.owners = days, focus, owners
        self.relayout()

    # -- geometry ------------------------------------------------------------------------------

    def column_width(self) -> float:
        return max(1.0, (self.width() - self.gutter) / max(1, len(self.days)))

    def day_x(self, column: int) -> float:
        return self.gutter + column * self.column_width()

    def y_of(self, moment: dt.datetime, day: dt.date) -> float:
        midnight = dt.datetime.combine(day, dt.time(), tzinfo=moment.tzinfo)
        minutes = (moment - midnight).total_seconds() / 60
        return max(0.0, min(24 * 60, minutes)) * self.hour_height / 60

    def time_at(self, point: QPointF) -> dt.datetime:
        """The snapped wall-clock time under a point."""
        column = int((point.x() - self.gutter) // self.column_width())
        column = max(0, min(len(self.days) - 1, column))
        minutes = max(0.0, min(24 * 60 - SNAP_MINUTES, point.y() * 60 / self.hour_height))
        minutes = int(minutes // SNAP_MINUTES) * SNAP_MINUTES
        midnight = dt.datetime.combine(self.days[column], dt.time(), tzinfo=self.model.zone)
        return midnight + dt.timedelta(minutes=minutes)

    def point_of(self, moment: dt.datetime) -> QPointF:
        """Where a wall-clock time is drawn (the middle of its day's column)."""
        local = moment.astimezone(self.model.zone)
        column = self.days.index(local.date())
        return QPointF(self.day_x(column) + self.column_width() / 2, self.y_of(local, local.date()))

    def relayout(self) -> None:
        if not self.isVisible():
            self._stale = True  # laid out when shown: a hidden grid costs nothing
            return
        self._stale = False
        zone, boxes = self.model.zone, []
        width = self.column_width()
        for column, day in enumerate(self.days):
            midnight = dt.datetime.combine(day, dt.time(), tzinfo=zone)
            night = midnight + dt.timedelta(days=1)
            items = []
            for one in self.model.on_day(day):
                if one.all_day or (self.owners and one.owner != self.owners[column]):
                    continue
                start, end = local_start(one, zone), local_end(one, zone)
                if end - start >= dt.timedelta(hours=24):
                    continue  # shown in the all-day strip
                items.append((one, max(start, midnight), min(end, night)))
            for placed in side_by_side(items):
                x = self.day_x(column) + placed.column * width / placed.columns
                top = self.y_of(placed.start, day)
                bottom = max(top + 12, self.y_of(placed.end, day))
                rect = QRectF(x + 1, top + 1, width / placed.columns - 3, bottom - top - 2)
                boxes.append(Box(rect, placed.item, day, placed.start, placed.end))
        self.boxes = boxes
        self.update()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if getattr(self, "_stale", True):
            self.relayout()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.relayout()

    # -- painting ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        width, today = self.column_width(), dt.date.today()
        for column, day in enumerate(self.days):
            x = self.day_x(column)
            tint = None
            if day == today:
                tint = TODAY_TINT
            elif self.marks.holiday(day):
                tint = HOLIDAY_TINT
            elif self.marks.is_day_off(day):
                tint = WEEKEND_TINT
            if tint is not None:
                painter.fillRect(QRectF(x, 0, width, self.height()), tint)
        grid = palette.color(QPalette.ColorRole.Mid)
        text = palette.color(QPalette.ColorRole.Text)
        painter.setPen(QPen(grid, 0))
        for hour in range(25):
            y = hour * self.hour_height
            painter.drawLine(QPointF(self.gutter, y), QPointF(self.width(), y))
        for column in range(len(self.days) + 1):
            x = self.day_x(column)
            painter.drawLine(QPointF(x, 0), QPointF(x, self.height()))
        painter.setPen(text)
        locale = QLocale()
        for hour in range(24):
            label = locale.toString(QTime(hour, 0), "HH:mm")
            painter.drawText(
                QRectF(0, hour * self.hour_height, self.gutter - 6, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, label,
            )
        self._paint_now(painter)
        for box in self.boxes:
            if self._drag and self._drag.box is box and self._drag.moved:
                continue
            self._paint_box(painter, box.rect, box.occurrence, box.start, box.end)
        self._paint_drag(painter)

    def _paint_now(self, painter: QPainter) -> None:
        now = dt.datetime.now(self.model.zone)
        if now.date() in self.days:
            column = self.days.index(now.date())
            y = self.y_of(now, now.date())
            painter.setPen(QPen(QColor("#d32f2f"), 2))
            x = self.day_x(column)
            painter.drawLine(QPointF(x, y), QPointF(x + self.column_width(), y))

    def _paint_box(
        self, painter: QPainter, rect: QRectF, one: EventOccurrence,
        start: dt.datetime, end: dt.datetime,
    ) -> None:
        colour = event_colour(one)
        painter.setPen(QPen(colour.darker(130), 1))
        fill = QColor(colour)
        fill.setAlpha(200)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 3, 3)
        painter.setPen(QColor("white"))
        words = one.title if rect.height() < 28 else f"{short_time(start)} {one.title}"
        if one.account and rect.height() >= 40:
            words += f"\n{one.account}"
        painter.drawText(
            rect.adjusted(3, 1, -2, -1),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            words,
        )

    def _paint_drag(self, painter: QPainter) -> None:
        drag = self._drag
        if drag is None or not drag.moved or drag.start is None or drag.end is None:
            return
        day = drag.start.date()
        if day not in self.days:
            return
        column = self.days.index(day)
        top = self.y_of(drag.start, day)
        bottom = max(top + 10, self.y_of(drag.end, day) if drag.end.date() == day else 24 * 60)
        rect = QRectF(self.day_x(column) + 1, top, self.column_width() - 3, bottom - top)
        if drag.box is not None:
            self._paint_box(painter, rect, drag.box.occurrence, drag.start, drag.end)
        else:
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 1))
            fill = QColor(self.palette().color(QPalette.ColorRole.Highlight))
            fill.setAlpha(90)
            painter.setBrush(fill)
            painter.drawRect(rect)

    # -- mouse ---------------------------------------------------------------------------------

    def box_at(self, point: QPointF) -> Box | None:
        for box in reversed(self.boxes):
            if box.rect.contains(point):
                return box
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or point_outside(self, event):
            super().mousePressEvent(event)
            return
        self.setFocus()
        point = event.position()
        box = self.box_at(point)
        anchor = self.time_at(point)
        self.selected = box.occurrence if box is not None else None
        if box is None:
            self._drag = _Drag("create", point, anchor)
        elif point.y() >= box.rect.bottom() - EDGE:
            self._drag = _Drag("resize", point, anchor, box)
        else:
            self._drag = _Drag("move", point, anchor, box)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        drag = self._drag
        point = event.position()
        if drag is None:
            box = self.box_at(point)
            near_edge = box is not None and point.y() >= box.rect.bottom() - EDGE
            shape = Qt.CursorShape.SizeVerCursor if near_edge else Qt.CursorShape.ArrowCursor
            self.setCursor(shape)
            return
        if (point - drag.press).manhattanLength() < 4 and not drag.moved:
            return
        drag.moved = True
        here = self.time_at(point)
        step = dt.timedelta(minutes=SNAP_MINUTES)
        if drag.mode == "create":
            drag.start, drag.end = min(drag.anchor, here), max(drag.anchor, here) + step
        elif drag.box is not None and drag.mode == "move":
            shift = _wall_shift(drag.anchor, here)
            drag.start, drag.end = _occurrence_times(drag.box, shift)
        elif drag.box is not None:
            drag.start = local_start(drag.box.occurrence, self.model.zone)
            drag.end = max(drag.box.start + step, here + step)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, self._drag = self._drag, None
        self.update()
        if drag is None or not drag.moved or drag.start is None or drag.end is None:
            return
        if drag.mode == "create":
            self.create_requested.emit(drag.start, drag.end)
        elif drag.box is not None:
            before = (local_start(drag.box.occurrence, self.model.zone),
                      local_end(drag.box.occurrence, self.model.zone))
            if (drag.start, drag.end) != before:
                self.move_requested.emit(drag.box.occurrence, drag.start, drag.end)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or point_outside(self, event):
            return
        self._drag = None
        box = self.box_at(event.position())
        if box is not None:
            self.open_requested.emit(box.occurrence)
        else:
            start = self.time_at(event.position())
            self.create_requested.emit(start, start + dt.timedelta(hours=1))


def point_outside(widget: TimeGrid, event: QMouseEvent) -> bool:
    return event.position().x() < widget.gutter or not widget.days


def _wall_shift(anchor: dt.datetime, here: dt.datetime) -> dt.timedelta:
    """How far a drag moved on the wall clock (days and snapped minutes)."""
    return here.replace(tzinfo=None) - anchor.replace(tzinfo=None)


def _occurrence_times(box: Box, shift: dt.timedelta) -> tuple[dt.datetime, dt.datetime]:
    """The whole occurrence moved by a wall-clock shift (not the part shown on its day)."""
    zone = box.start.tzinfo
    assert zone is not None  # a box's start is on the laptop's clock
    start = local_start(box.occurrence, zone)
    end = local_end(box.occurrence, zone)
    moved = (start.replace(tzinfo=None) + shift).replace(tzinfo=zone)
    return moved, moved + (end - start)


__all__ = ["Box", "TimeGrid"]
