"""Letters…: a mail-merge letter per chosen contact from any .docx template.

The template is checked against the letter fields first (a problem is shown with its place
and Save stays off); the letters go into one document or a file per contact, off the GUI
thread with progress and Cancel.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.core.errors import KnownError
from crmdesk.export.letter_fields import LETTER_FIELDS, letter_known_fields
from crmdesk.services import contracts
from crmdesk.services.letters import LettersResult, write_letters
from crmdesk.services.mailing import Selection
from crmdesk.store.db import Database
from crmdesk.views.documents.document_dialog import FieldsDialog
from crmdesk.views.shell import errors
from crmdesk.views.shell.background import BackgroundWork
from crmdesk.views.shell.screen_fit import fit_to_screen
from crmdesk.views.shell.tasks import Task


class LettersDialog(QDialog):
    def __init__(self, db: Database, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Letters"))
        self._db, self._selection = db, selection
        self.template = QComboBox(self)
        browse = QPushButton(self.tr("Other file…"), self)
        fields = QPushButton(self.tr("Fields…"), self)
        self.combined = QRadioButton(self.tr("One document, a page per letter"), self)
        self.each = QRadioButton(self.tr("One file per contact"), self)
        self.combined.setChecked(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.work = BackgroundWork(self.progress, self.message, self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        role = QDialogButtonBox.ButtonRole
        self.save_button = self.buttons.addButton(self.tr("Save…"), role.AcceptRole)
        self.save_button.clicked.connect(self._on_save)
        self.buttons.rejected.connect(self._on_cancel)
        browse.clicked.connect(self._on_browse)
        fields.clicked.connect(lambda: FieldsDialog(LETTER_FIELDS, self).exec())
        self.work.busy_changed.connect(lambda busy: self.save_button.setEnabled(not busy))
        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.template, 1)
        row.addWidget(browse)
        row.addWidget(fields)
        form.addRow(self.tr("Template"), row)
        form.addRow(self.tr("Save as"), self.combined)
        form.addRow("", self.each)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Any Word document with fields such as "
                                        "{{ contact.salutation }} and {{ address.text }}."), self))
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        for info in contracts.list_templates():
            if not info.built_in:
                self.template.addItem(info.name, info)
        self.template.currentIndexChanged.connect(self._check)
        self._check()
        self.written: LettersResult | None = None
        fit_to_screen(self, QSize(620, 300))

    def add_template(self, path: Path) -> None:
        info = contracts.find_template(str(path))
        self.template.addItem(info.name, info)
        self.template.setCurrentIndex(self.template.count() - 1)

    def _on_browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Letter template"), "", "*.docx")
        if path:
            self.add_template(Path(path))

    def _check(self) -> None:
        info = self.template.currentData()
        self.message.clear()
        ok = False
        if info is None:
            self.message.setText(self.tr("Choose a letter template (.docx)."))
        else:
            try:
                checked = contracts.check(info, letter_known_fields())
            except KnownError as exc:
                self.message.setText(errors.known_error_line(exc))
            else:
                ok = checked.ok
                if not ok:
                    text = self.tr("This template cannot be used: %1")
                    self.message.setText(text.replace("%1", "; ".join(
                        str(p) for p in checked.problems[:3])))  # fmt: skip
        self.save_button.setEnabled(ok)

    def _on_save(self) -> None:
        if self.each.isChecked():
            target = QFileDialog.getExistingDirectory(self, self.tr("Save the letters in"))
        else:
            target, _ = QFileDialog.getSaveFileName(self, self.tr("Save the letters"),
                                                    "letters.docx", "*.docx *.pdf")  # fmt: skip
        if target:
            self.save_to(Path(target))

    def save_to(self, target: Path) -> Task:
        info, each, selection = self.template.currentData(), self.each.isChecked(), self._selection

        def work(task: Task) -> LettersResult:
            with self._db.reading() as session:
                return write_letters(session, info, selection, target, each=each,
                                     progress=task.report, cancelled=task.is_cancelled)

        def done(result: LettersResult) -> None:
            self.written = result
            self.message.setText(self.tr("Saved %n letter(s).", "", result.letters))

        return self.work.run(work, done, self.tr("Cancelled; no file was written."))

    def _on_cancel(self) -> None:
        if not self.work.cancel():
            self.reject()
