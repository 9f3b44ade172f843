"""A deal's activities and events, and the Schedule follow-up dialog that adds a task or an
event to the calendar about it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QSize, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.enums import ActivityKind, EventKind, EventStatus
from crmdesk.services.pipeline.follow_ups import StoryItem
from crmdesk.views.shell.screen_fit import fit_to_screen
from crmdesk.views.shell.vocabulary import enum_text


def _when(value: dt.datetime | dt.date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


class StoryTable(QTableWidget):
    """When, what kind, subject and status of each item, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Kind"), self.tr("Subject"), self.tr("Status")]
        )
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().hide()
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

    def set_items(self, items: list[StoryItem]) -> None:
        self.setRowCount(len(items))
        for row, item in enumerate(items):
            if item.source == "event":
                kind = enum_text(EventKind(item.kind))
                status = enum_text(EventStatus(item.status))
            else:
                kind, status = enum_text(ActivityKind(item.kind)), item.status
            for column, text in enumerate((_when(item.when), kind, item.subject, status)):
                self.setItem(row, column, QTableWidgetItem(text))
        self.resizeColumnsToContents()


class FollowUpDialog(QDialog):
    """What to schedule: a task due on a day, or a call, visit or meeting at a time."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Schedule follow-up"))
        self.title = QLineEdit(title, self)
        self.kind = QComboBox(self)
        for kind in (EventKind.TASK, EventKind.CALL, EventKind.VISIT, EventKind.MEETING):
            self.kind.addItem(enum_text(kind), kind)
        self.day = QDateEdit(QDate.currentDate().addDays(7), self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.timed = QCheckBox(self.tr("At a time"), self)
        self.time = QTimeEdit(QTime(10, 0), self)
        self.time.setDisplayFormat("HH:mm")
        self.time.setEnabled(False)
        self.timed.toggled.connect(self.time.setEnabled)
        when = QHBoxLayout()
        when.addWidget(self.day)
        when.addWidget(self.timed)
        when.addWidget(self.time)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("When"), when)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(420, 180))

    def chosen_day(self) -> dt.date:
        d = self.day.date()
        return dt.date(d.year(), d.month(), d.day())

    def chosen_time(self) -> dt.time | None:
        if not self.timed.isChecked():
            return None
        t = self.time.time()
        return dt.time(t.hour(), t.minute())
