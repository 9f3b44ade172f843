"""Surveys: satisfaction per item and overall (c = b / a, banded) over a period, its trend month
by month (everyone's, or one customer's), a survey entered on a template's items, and answers
imported from a CSV or xlsx file."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from PySide6.QtCharts import QBarCategoryAxis, QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
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
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services import cases, surveys
from crmdesk.services.surveys import Answer, Band, Score, SurveyDraft, TemplateRow, TrendPoint
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
TREND_MONTHS = 12


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
        self.overall.setWordWrap(True)
        self.account = QLineEdit(self)
        self.account.setPlaceholderText(self.tr("Every customer"))
        self.account.setToolTip(self.tr("Type a customer's name to see only their surveys"))
        self.account.setClearButtonEnabled(True)
        self.account.setMaximumWidth(260)
        self._account_completer = QCompleter([], self)
        self._account_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.account.setCompleter(self._account_completer)
        self._account_ids: dict[str, uuid.UUID] = {}
        self.account_id: uuid.UUID | None = None
        self.account.textEdited.connect(self._on_account_typed)
        self._account_completer.activated.connect(self._on_account_chosen)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Item"), self.tr("Expected (a)"), self.tr("Perceived (b)"),
            self.tr("c = b / a"), self.tr("Band")])  # fmt: skip
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().hide()
        self.chart.setTitle(self.tr("Satisfaction c month by month"))
        chart_view = QChartView(self.chart, self)
        chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        chart_view.setMinimumHeight(240)
        top = QHBoxLayout()
        top.addWidget(self.account)
        top.addWidget(self.overall, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.import_button)
        top.addWidget(self.templates_button)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(chart_view)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.score: Score | None = None
        self.trend: list[TrendPoint] = []

    def _on_account_typed(self, text: str) -> None:
        with self._db.reading() as session:
            found = cases.account_choices(session, text)
        self._account_ids = {name: i for i, name in found}
        self._account_completer.model().setStringList(list(self._account_ids))  # type: ignore[attr-defined]
        if not text.strip() and self.account_id is not None:
            self.show_account(None)

    def _on_account_chosen(self, name: str) -> None:
        if name in self._account_ids:
            self.show_account(self._account_ids[name], name)

    def show_account(self, account_id: uuid.UUID | None, name: str = "") -> None:
        """One customer's surveys and trend (None: everyone's)."""
        self.account_id = account_id
        if self.account.text() != name:
            self.account.setText(name)
        self.refresh()

    def band_word(self, band: Band) -> str:
        return {Band.DISSATISFIED: self.tr("Dissatisfied"), Band.SATISFIED: self.tr("Satisfied"),
                Band.HIGHLY_SATISFIED: self.tr("Highly satisfied")}[band]  # fmt: skip

    def refresh(self) -> None:
        start = self.today - dt.timedelta(days=365)
        with self._db.reading() as session:
            self.score = surveys.report(session, start, self.today, self.account_id)
            self.trend = surveys.trend(session, start, self.today, self.account_id)
        self.table.setRowCount(0)
        self._draw_trend(self.trend)
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

    def _draw_trend(self, points: list[TrendPoint]) -> None:
        """The mean overall c per month (the last twelve), with the line c = 1 to read it by."""
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        points = points[-TREND_MONTHS:]
        if not points:
            return
        line, even = QLineSeries(), QLineSeries()
        even.setColor(QColor("#9e9e9e"))
        for n, point in enumerate(points):
            line.append(n, point.c)
        even.append(0, 1.0)
        even.append(max(1, len(points) - 1), 1.0)
        line.setPointsVisible(True)
        for series in (even, line):
            self.chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([p.month[2:] for p in points])
        axis_y = QValueAxis()
        values = [p.c for p in points]
        low, high = min([*values, 1.0]), max([*values, 1.0])
        axis_y.setRange(round(low - 0.05, 1), round(high + 0.05, 1))
        axis_y.setLabelFormat("%.2f")
        self.chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        for series in (even, line):
            series.attachAxis(axis_x)
            series.attachAxis(axis_y)

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
