"""The printable day plan, previewed in the app (QtPdf) and saved where the user chooses."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QVBoxLayout, QWidget

from crmdesk.core.clock import local_zone
from crmdesk.export.atomic import write_atomically
from crmdesk.export.day_plan_pdf import render_day_plan
from crmdesk.services.day_plan import day_plan
from crmdesk.store.db import Database
from crmdesk.views.shell import errors


class DayPlanDialog(QDialog):
    """The day plan of one day (and owner) as a PDF: look at it, then save it."""

    def __init__(
        self, db: Database, day: dt.date, owner: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Day plan %1").replace("%1", day.isoformat()))
        with db.reading() as session:
            self.plan = day_plan(session, day, local_zone(), owner)
        self.pdf = render_day_plan(self.plan, self._labels())
        self._bytes = QByteArray(self.pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(720, 900)

    def _labels(self) -> dict[str, str]:
        return {
            "title": self.tr("Day plan %1"), "all_day": self.tr("All day"),
            "address": self.tr("Address"), "phone": self.tr("Phone"),
            "last": self.tr("Last activity"), "opportunities": self.tr("Open opportunities"),
            "none": self.tr("Nothing planned."), "location": self.tr("Location"),
        }

    def save(self, path: str = "") -> bool:
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the day plan"), f"day-plan-{self.plan.day}.pdf",
                self.tr("PDF files (*.pdf)"))
        if not path:
            return False
        try:
            write_atomically(path, self.pdf)
        except Exception as exc:  # shown to the user here, once
            errors.report(self, exc)
            return False
        return True


__all__ = ["DayPlanDialog"]
