"""File > Excel Report…: one of the workbooks of services/reports.py for a chosen period, with
headings in the interface language, written off the GUI thread with progress and Cancel."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from crmdesk.export.xlsx_report import ReportResult
from crmdesk.services.reports import REPORTS, Period, export_report
from crmdesk.store.db import Database
from crmdesk.views.shell.background import BackgroundWork
from crmdesk.views.shell.screen_fit import fit_to_screen
from crmdesk.views.shell.tasks import Task
from crmdesk.views.shell.vocabulary import enum_text


def _say(text: str) -> str:
    return QCoreApplication.translate("Reports", text)


def _word(value: object) -> str:
    return enum_text(value) if isinstance(value, StrEnum) else str(value)


class ReportDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Excel Report"))
        self._db = db
        self.report = QComboBox(self)
        names = {
            "customers": self.tr("Customers (tier, loyalty, RFM)"),
            "pipeline": self.tr("Pipeline"),
            "forecast": self.tr("Forecast by month, owner and stage"),
            "activities": self.tr("Activities per owner and week"),
            "orders": self.tr("Orders: revenue per customer and month"),
            "service": self.tr("Service cases and resolution times"),
        }
        for name in REPORTS:
            self.report.addItem(names.get(name, name), name)
        today = QDate.currentDate()
        self.limited = QCheckBox(self.tr("Only this period:"), self)
        self.start = QDateEdit(today.addMonths(-12), self)
        self.end = QDateEdit(today, self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
            self.limited.toggled.connect(edit.setEnabled)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.work = BackgroundWork(self.progress, self.message, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        accept = QDialogButtonBox.ButtonRole.AcceptRole
        self.save_button = buttons.addButton(self.tr("Save…"), accept)
        self.save_button.clicked.connect(self._on_save)
        buttons.rejected.connect(self._on_cancel)
        self.work.busy_changed.connect(lambda busy: self.save_button.setEnabled(not busy))
        period = QHBoxLayout()
        period.addWidget(self.limited)
        period.addWidget(self.start)
        period.addWidget(QLabel("–", self))
        period.addWidget(self.end)
        period.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Report"), self.report)
        form.addRow(self.tr("Period"), period)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(buttons)
        self.written: ReportResult | None = None
        fit_to_screen(self, QSize(560, 220))

    def period(self) -> Period:
        if not self.limited.isChecked():
            return Period()
        start: dt.date = self.start.date().toPython()  # type: ignore[assignment]
        end: dt.date = self.end.date().toPython()  # type: ignore[assignment]
        return Period(start, end)

    def _on_save(self) -> None:
        name = self.report.currentData()
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), f"{name}.xlsx", "*.xlsx"
        )
        if target:
            self.save_to(Path(target))

    def save_to(self, target: Path) -> Task:
        name, period = self.report.currentData(), self.period()

        def work(task: Task) -> ReportResult:
            with self._db.reading() as session:
                return export_report(session, name, target, period, say=_say, word=_word,
                                     progress=task.report, cancelled=task.is_cancelled)  # fmt: skip

        def done(result: ReportResult) -> None:
            self.written = result
            self.message.setText(self.tr("Saved %1.").replace("%1", str(target)))

        return self.work.run(work, done, self.tr("Cancelled; no file was written."))

    def _on_cancel(self) -> None:
        if not self.work.cancel():
            self.reject()
