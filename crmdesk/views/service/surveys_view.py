"""Surveys: satisfaction per item and overall (c = b / a, banded) over a period, a survey
entered on a template's items, and answers imported from a CSV or xlsx file."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services import surveys
from crmdesk.services.surveys import Answer, Band, Score, SurveyDraft, TemplateRow
from crmdesk.store.db import Database
from crmdesk.views.service.template_dialog import TemplateDialog
from crmdesk.views.shell import writes
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.i18n import translated
from crmdesk.views.shell.undo import WriteCommand

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
BAND_COLOURS = {
    Band.DISSATISFIED: QColor("#c62828"),
    Band.SATISFIED: QColor("#37474f"),
    Band.HIGHLY_SATISFIED: QColor("#2e7d32"),
}


class SurveysView(QWidget):
    """The satisfaction report over the last year, with the survey entry and import."""

    def __init__(self, db: Database, bus: DataBus, undo: QUndoStack,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._db, self._bus, self._undo = db, bus, undo
        self.today = dt.date.today()
        self.new_button = QPushButton(self.tr("New survey…"), self)
        self.new_button.clicked.connect(self.new_survey)
        self.import_button = QPushButton(self.tr("Import answers…"), self)
        self.import_button.clicked.connect(self.choose_import)
        self.templates_button = QPushButton(self.tr("Survey templates…"), self)
        self.templates_button.clicked.connect(self.edit_templates)
        self.overall = QLabel(self)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Item"), self.tr("Expected (a)"), self.tr("Perceived (b)"),
            self.tr("c = b / a"), self.tr("Band")])  # fmt: skip
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        top = QHBoxLayout()
        top.addWidget(self.overall, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.import_button)
        top.addWidget(self.templates_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.score: Score | None = None

    def band_word(self, band: Band) -> str:
        return {Band.DISSATISFIED: self.tr("Dissatisfied"), Band.SATISFIED: self.tr("Satisfied"),
                Band.HIGHLY_SATISFIED: self.tr("Highly satisfied")}[band]  # fmt: skip

    def refresh(self) -> None:
        start = self.today - dt.timedelta(days=365)
        with self._db.reading() as session:
            self.score = surveys.report(session, start, self.today)
        self.table.setRowCount(0)
        if self.score is None:
            self.overall.setText(self.tr("No surveys in the last 12 months."))
            return
        s = self.score
        self.overall.setText(
            self.tr("Last 12 months, %n survey(s): overall c = %1, %2", "", s.surveys)
            .replace("%1", f"{s.c:.3f}").replace("%2", self.band_word(s.band))
        )  # fmt: skip
        self.table.setRowCount(len(s.items))
        for row, item in enumerate(s.items):
            texts = (
                translated("SurveyItems", item.item), f"{item.expected:.2f}",
                f"{item.perceived:.2f}", f"{item.c:.3f}", self.band_word(item.band),
            )  # fmt: skip
            for column, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                if column:
                    cell.setTextAlignment(RIGHT)
                if column == 4:
                    cell.setForeground(QBrush(BAND_COLOURS[item.band]))
                self.table.setItem(row, column, cell)

    def new_survey(self) -> None:
        with self._db.transaction() as session:
            surveys.ensure_default_template(session)
        with self._db.reading() as session:
            found = surveys.templates(session)
        dialog = SurveyDialog(found, self)
        if dialog.exec():
            draft = dialog.draft()
            command = WriteCommand(self._db, self._bus, self.tr("Enter a survey"),
                                   lambda s: surveys.save_survey(s, draft))  # fmt: skip
            if writes.push(self, self._undo, command):
                self.refresh()
        dialog.deleteLater()

    def edit_templates(self) -> QDialog:
        """The survey template editor (open until closed; saves are undo steps)."""
        dialog = TemplateDialog(self._db, self._bus, self._undo, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import survey answers"), "", self.tr("Tables (*.csv *.xlsx *.txt)")
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> bool:
        data = path.read_bytes()
        command = WriteCommand(self._db, self._bus, self.tr("Import survey answers"),
                               lambda s: surveys.import_answers(s, data, path.name))  # fmt: skip
        done = writes.push(self, self._undo, command)
        self.refresh()
        return done


class SurveyDialog(QDialog):
    """One survey: the template's items, each with what was expected and what was perceived."""

    def __init__(
        self, templates: list[TemplateRow], parent: QWidget | None = None,
        case_id: uuid.UUID | None = None, account_id: uuid.UUID | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(self.tr("Survey"))
        self._templates = templates
        self._case_id, self._account_id = case_id, account_id
        self.template = QComboBox(self)
        for t in templates:
            self.template.addItem(translated("SurveyItems", t.name), t.id)
        self.template.currentIndexChanged.connect(lambda _i: self._fill())
        self.day = QDateEdit(QDate.currentDate(), self)
        self.day.setCalendarPopup(True)
        self.comment = QLineEdit(self)
        self.items = QTableWidget(0, 3, self)
        self.items.setHorizontalHeaderLabels(
            [self.tr("Item"), self.tr("Expected (a)"), self.tr("Perceived (b)")])
        self.items.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.items.verticalHeader().hide()
        form = QFormLayout()
        form.addRow(self.tr("Template:"), self.template)
        form.addRow(self.tr("Date:"), self.day)
        form.addRow(self.tr("Comment:"), self.comment)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.items, 1)
        layout.addWidget(buttons)
        self._fill()

    def current(self) -> TemplateRow:
        return self._templates[max(0, self.template.currentIndex())]

    def _fill(self) -> None:
        template = self.current()
        self.items.setRowCount(len(template.items))
        for row, (item, _weight) in enumerate(template.items):
            name = QTableWidgetItem(translated("SurveyItems", item))
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            name.setData(Qt.ItemDataRole.UserRole, item)
            self.items.setItem(row, 0, name)
            for column in (1, 2):
                box = QSpinBox(self.items)
                box.setRange(1, template.scale)
                box.setValue(max(1, template.scale * 4 // 5))
                self.items.setCellWidget(row, column, box)

    def box(self, row: int, column: int) -> QSpinBox:
        widget = self.items.cellWidget(row, column)
        assert isinstance(widget, QSpinBox)
        return widget

    def draft(self) -> SurveyDraft:
        template = self.current()
        answers = tuple(
            Answer(template.items[row][0], self.box(row, 1).value(), self.box(row, 2).value(),
                   template.items[row][1])
            for row in range(self.items.rowCount())
        )  # fmt: skip
        return SurveyDraft(
            self.day.date().toPython(), answers, template.scale,  # type: ignore[arg-type]
            account_id=self._account_id, case_id=self._case_id, template_id=template.id,
            comment=self.comment.text(),
        )  # fmt: skip
