"""File > Export: contacts as vCard 3.0/4.0, Google CSV or Excel, written whole or not at all."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services.contacts import ContactFilter
from crmdesk.services.exporting import ExportFormat, ExportResult, export_contacts
from crmdesk.store.db import Database
from crmdesk.views.shell import tasks
from crmdesk.views.shell.background import BackgroundWork
from crmdesk.views.shell.i18n import _tr

SUFFIXES = {
    ExportFormat.VCF3: ".vcf",
    ExportFormat.VCF4: ".vcf",
    ExportFormat.CSV: ".csv",
    ExportFormat.XLSX: ".xlsx",
}
ALL, SHOWN, SELECTED = range(3)


def format_label(fmt: ExportFormat) -> str:
    return {
        ExportFormat.VCF3: _tr("vCard 3.0 (phones, Outlook, most address books)"),
        ExportFormat.VCF4: _tr("vCard 4.0"),
        ExportFormat.CSV: _tr("CSV (Google Contacts header)"),
        ExportFormat.XLSX: _tr("Excel workbook (.xlsx)"),
    }[fmt]


class ExportDialog(QDialog):
    """Which contacts, which format, where; the file appears only once it is complete."""

    exported = Signal(object)  # ExportResult

    def __init__(
        self,
        db: Database,
        shown: ContactFilter | None = None,
        selected: Sequence[uuid.UUID] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self._shown, self._selected = shown, list(selected)
        self.outcome: ExportResult | None = None  # not `result`: QDialog.result() is the code
        self.setWindowTitle(self.tr("Export contacts"))
        self.resize(560, 0)

        self.which = QButtonGroup(self)
        choices = QVBoxLayout()
        for key, text, enabled in (
            (ALL, self.tr("All contacts"), True),
            (SHOWN, self.tr("The contacts the search and filters show"), shown is not None),
            (
                SELECTED,
                self.tr("The selected contacts (%1)").replace("%1", str(len(self._selected))),
                bool(self._selected),
            ),
        ):
            button = QRadioButton(text, self)
            button.setEnabled(enabled)
            self.which.addButton(button, key)
            choices.addWidget(button)
        default = SELECTED if len(self._selected) > 1 else SHOWN if shown is not None else ALL
        self.which.button(default).setChecked(True)

        self.format_combo = QComboBox(self)
        for fmt in ExportFormat:
            self.format_combo.addItem(format_label(fmt), fmt)
        self.format_combo.currentIndexChanged.connect(self._on_format_combo_changed)
        self.path_edit = QLineEdit(self)
        self.path_edit.textChanged.connect(self._update_buttons)
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self.browse)
        where = QHBoxLayout()
        where.addWidget(self.path_edit, 1)
        where.addWidget(browse)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.work = BackgroundWork(self.progress, self.message, self)
        self.work.busy_changed.connect(self._update_buttons)
        self.export_button = QPushButton(self.tr("&Export"), self)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)

        form = QFormLayout()
        form.addRow(self.tr("Contacts:"), choices)
        form.addRow(self.tr("Format:"), self.format_combo)
        form.addRow(self.tr("Save as:"), where)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.path_edit.setText(str(Path.home() / ("contacts" + SUFFIXES[self.format()])))

    def format(self) -> ExportFormat:
        return ExportFormat(self.format_combo.currentData())

    def set_format(self, fmt: ExportFormat) -> None:
        self.format_combo.setCurrentIndex(self.format_combo.findData(fmt))

    def _on_format_combo_changed(self, _index: int) -> None:
        """Keep the file name's suffix in step with the format."""
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(Path(text).with_suffix(SUFFIXES[self.format()])))

    def browse(self) -> None:
        suffix = SUFFIXES[self.format()]
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), self.path_edit.text(), f"*{suffix}"
        )
        if path:
            self.path_edit.setText(path if path.endswith(suffix) else path + suffix)

    def selection(self) -> Sequence[uuid.UUID] | ContactFilter | None:
        which = self.which.checkedId()
        if which == SELECTED:
            return self._selected
        if which == SHOWN:
            return self._shown
        return None

    def _update_buttons(self) -> None:
        self.export_button.setEnabled(not self.work.busy and bool(self.path_edit.text().strip()))

    def start_export(self) -> None:
        path = Path(self.path_edit.text().strip()).expanduser()
        fmt, selection, db = self.format(), self.selection(), self.db

        def work(task: tasks.Task) -> ExportResult:
            with db.reading() as session:
                return export_contacts(
                    session, selection, fmt, path, progress=task.report, cancelled=task.is_cancelled
                )

        self.work.run(work, self._on_exported, self.tr("Stopped. No file was written."))

    def _on_exported(self, result: ExportResult) -> None:
        self.outcome = result
        self.message.setText(
            self.tr("Wrote %1 contacts to %2.")
            .replace("%1", str(result.contacts))
            .replace("%2", str(result.path))
        )
        self.cancel_button.setText(self.tr("Close"))
        self.exported.emit(result)

    def cancel(self) -> None:
        if not self.work.cancel():
            self.reject()

    def done(self, result: int) -> None:
        self.work.cancel()
        super().done(result)


__all__ = ["ExportDialog", "format_label"]
