"""Generate contract… / quote…: choose a template, see the filled fields, save .docx or .pdf.

The preview shows what the first selected deal fills in, so a wrong seller address or a
missing tax id is seen before anything is written. Saving runs off the GUI thread with a
progress bar and Cancel; with several deals each gets a file in the chosen folder.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.core.errors import KnownError
from crmdesk.export.contract_fields import FIELDS
from crmdesk.export.pdf_convert import find_soffice
from crmdesk.services import contracts
from crmdesk.store.db import Database
from crmdesk.views.shell import errors
from crmdesk.views.shell.background import BackgroundWork
from crmdesk.views.shell.i18n import translated
from crmdesk.views.shell.screen_fit import fit_to_screen
from crmdesk.views.shell.tasks import Task


class FieldsDialog(QDialog):
    """The fields a template may use, and what each holds (docs/templates.md in the window)."""

    def __init__(self, fields: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Template fields"))
        table = QTableWidget(len(fields), 2, self)
        table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("What it holds")])
        for row, (name, meaning) in enumerate(fields):
            shown = name.replace("lines[].", "line.")  # as the row loop names a line
            table.setItem(row, 0, QTableWidgetItem("{{ " + shown + " }}"))
            table.setItem(row, 1, QTableWidgetItem(translated("Templates", meaning)))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.resizeColumnToContents(0)
        table.verticalHeader().hide()
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Loop over the lines in a table row of its own: "
                                        "{%tr for line in lines %} … {%tr endfor %}"), self))
        layout.addWidget(table, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(720, 560))


class DocumentDialog(QDialog):
    """One contract or quote per selected opportunity."""

    def __init__(self, db: Database, opportunity_ids: Sequence[uuid.UUID], kind: str,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._db, self._ids, self._kind = db, list(opportunity_ids), kind
        count = len(self._ids)
        if kind == "quote":
            self.setWindowTitle(self.tr("Generate quote") if count == 1
                                else self.tr("Generate %n quote(s)", "", count))  # fmt: skip
        else:
            self.setWindowTitle(self.tr("Generate contract") if count == 1
                                else self.tr("Generate %n contract(s)", "", count))  # fmt: skip
        self.template = QComboBox(self)
        self.fields_button = QPushButton(self.tr("Fields…"), self)
        self.docx = QRadioButton(self.tr("Word document (.docx)"), self)
        self.pdf = QRadioButton(self.tr("PDF (through LibreOffice)"), self)
        self.docx.setChecked(True)
        if find_soffice() is None:
            self.pdf.setEnabled(False)
            self.pdf.setToolTip(self.tr("LibreOffice is not installed."))
        self.preview = QTableWidget(0, 2, self)
        self.preview.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Filled in")])
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.preview.verticalHeader().hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.work = BackgroundWork(self.progress, self.message, self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        accept = QDialogButtonBox.ButtonRole.AcceptRole
        self.save_button = self.buttons.addButton(self.tr("Save…"), accept)
        self.save_button.clicked.connect(self._on_save)
        self.buttons.rejected.connect(self._on_cancel)
        self.fields_button.clicked.connect(lambda: FieldsDialog(FIELDS, self).exec())
        self.work.busy_changed.connect(lambda busy: self.save_button.setEnabled(not busy))
        self._layout()
        self._fill_templates()
        self.template.currentIndexChanged.connect(self._show_preview)
        self._show_preview()
        self.saved: list[Path] = []

    def _layout(self) -> None:
        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.template, 1)
        row.addWidget(self.fields_button)
        form.addRow(self.tr("Template"), row)
        kinds = QHBoxLayout()
        kinds.addWidget(self.docx)
        kinds.addWidget(self.pdf)
        kinds.addStretch(1)
        form.addRow(self.tr("Save as"), kinds)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("What the first opportunity fills in:"), self))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        fit_to_screen(self, QSize(760, 600))

    def _fill_templates(self) -> None:
        with self._db.reading() as session:
            self._data = contracts.document_data(session, self._ids[0], self._kind)
        default = contracts.default_template(self._kind, self._data)
        for info in contracts.list_templates():
            if info.kind in (self._kind, ""):
                where = self.tr("built in") if info.built_in else self.tr("yours")
                self.template.addItem(f"{info.name} ({where})", info)
        for index in range(self.template.count()):
            if self.template.itemData(index).path == default.path:
                self.template.setCurrentIndex(index)

    def chosen(self) -> contracts.TemplateInfo:
        return self.template.currentData()

    def _show_preview(self) -> None:
        self.message.clear()
        try:
            checked = contracts.check(self.chosen())
        except KnownError as exc:
            self.message.setText(errors.known_error_line(exc))
            return
        rows = contracts.preview_fields(self._data, checked.language)
        self.preview.setRowCount(len(rows))
        for index, (name, value) in enumerate(rows):
            self.preview.setItem(index, 0, QTableWidgetItem(name))
            self.preview.setItem(index, 1, QTableWidgetItem(value))
        self.preview.resizeColumnToContents(0)
        if not checked.ok:
            problems = "; ".join(str(p) for p in checked.problems[:3])
            text = self.tr("This template cannot be used: %1")
            self.message.setText(text.replace("%1", problems))
        self.save_button.setEnabled(checked.ok)

    def _target(self) -> Path | None:
        suffix = "pdf" if self.pdf.isChecked() else "docx"
        if len(self._ids) > 1:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Save the documents in"))
            return Path(folder) if folder else None
        name = f"{contracts.safe_file_name(self._data.number)}.{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the document"), name,
                                              f"*.{suffix}")  # fmt: skip
        if path and not path.lower().endswith(f".{suffix}"):
            path += f".{suffix}"
        return Path(path) if path else None

    def _on_save(self) -> None:
        target = self._target()
        if target is not None:
            self.save_to(target)

    def save_to(self, target: Path) -> Task:
        """Write the documents to `target` (a file for one deal, a folder for several)."""
        template, kind, ids = self.chosen(), self._kind, self._ids
        fmt = "pdf" if self.pdf.isChecked() else "docx"
        self.save_button.setEnabled(False)

        def work(task: Task) -> list[Path]:
            with self._db.reading() as session:
                return contracts.generate(
                    session, ids, kind, target, template=template, fmt=fmt,
                    progress=task.report, cancelled=task.is_cancelled,
                )  # fmt: skip

        def done(paths: list[Path]) -> None:
            self.saved = paths
            self.save_button.setEnabled(True)
            self.message.setText(self.tr("Saved %n document(s).", "", len(paths)))

        return self.work.run(work, done, self.tr("Cancelled; no file was written."))

    def _on_cancel(self) -> None:
        if not self.work.cancel():
            self.reject()
