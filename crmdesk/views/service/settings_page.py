"""Tools > Settings > Service: the service-level rules per tier and priority, the working day,
whose holidays count, escalation; and on its Surveys tab the satisfaction bands' edges, whether
a closed case's survey is sent (ask / always / never) and the survey e-mail in two languages."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from crmdesk.core.jsontypes import JsonValue
from crmdesk.services import service_levels, survey_sending, surveys
from crmdesk.services.outbox import FIELDS
from crmdesk.services.service_levels import Rule
from crmdesk.services.survey_sending import CASE_FIELDS, AfterClose, SurveyMessage
from crmdesk.services.surveys import SatisfactionBands
from crmdesk.views.shell.vocabulary import enum_text

RESPONSE, RESOLUTION, WORKING = 2, 3, 4


def _hours_box(parent: QWidget) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setRange(0.25, 2000)
    box.setDecimals(2)
    box.setSingleStep(0.5)
    return box


class ServiceLevelsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rules = QTableWidget(0, 5, self)
        self.rules.setHorizontalHeaderLabels([
            self.tr("Tier"), self.tr("Priority"), self.tr("Respond within (h)"),
            self.tr("Resolve within (h)"), self.tr("Working hours only")])  # fmt: skip
        self.rules.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.rules.verticalHeader().hide()
        self.day_starts, self.day_ends = QTimeEdit(self), QTimeEdit(self)
        for box in (self.day_starts, self.day_ends):
            box.setDisplayFormat("HH:mm")
        self.country = QLineEdit(self)
        self.country.setMaxLength(2)
        self.country.setToolTip(self.tr("Whose public holidays count, e.g. CN"))
        self.zone = QLineEdit(self)
        self.zone.setPlaceholderText(self.tr("This computer's"))
        self.grace = _hours_box(self)
        self.grace.setRange(0, 500)
        self.notify_manager = QCheckBox(self.tr("Tell the owner's manager too"), self)
        self.managers = QLineEdit(self)
        self.managers.setPlaceholderText(self.tr("owner = manager; owner = manager"))
        self.band_low, self.band_high = QDoubleSpinBox(self), QDoubleSpinBox(self)
        for band in (self.band_low, self.band_high):
            band.setRange(0.01, 5)
            band.setDecimals(2)
            band.setSingleStep(0.01)
        form = QFormLayout()
        form.addRow(self.tr("Working day starts:"), self.day_starts)
        form.addRow(self.tr("Working day ends:"), self.day_ends)
        form.addRow(self.tr("Holidays of (country):"), self.country)
        form.addRow(self.tr("Time zone:"), self.zone)
        form.addRow(self.tr("Escalate after the target by (h):"), self.grace)
        form.addRow("", self.notify_manager)
        form.addRow(self.tr("Managers:"), self.managers)
        levels_tab = QWidget(self)
        levels_layout = QVBoxLayout(levels_tab)
        levels_layout.addWidget(self.rules, 1)
        levels_layout.addLayout(form)
        self.sections = QTabWidget(self)
        self.sections.addTab(levels_tab, self.tr("Service levels"))
        self.sections.addTab(self._surveys_tab(), self.tr("Surveys"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.sections)
        self._levels = service_levels.ServiceLevels()
        self._message = SurveyMessage()

    def _surveys_tab(self) -> QWidget:
        tab = QWidget(self)
        self.after_close = QComboBox(tab)
        for choice, words in ((AfterClose.ASK, self.tr("ask")),
                              (AfterClose.ALWAYS, self.tr("always")),
                              (AfterClose.NEVER, self.tr("never"))):  # fmt: skip
            self.after_close.addItem(words, choice.value)
        self.subject_en, self.subject_zh = QLineEdit(tab), QLineEdit(tab)
        self.text_en, self.text_zh = QPlainTextEdit(tab), QPlainTextEdit(tab)
        fields = ", ".join("{{ " + f + " }}" for f in (*FIELDS, *CASE_FIELDS))
        for box in (self.text_en, self.text_zh):
            box.setTabChangesFocus(True)
            box.setMinimumHeight(box.fontMetrics().lineSpacing() * 5 + 12)
            box.setToolTip(fields)
        hint = QLabel(self.tr("{{ name }}, {{ case_number }}, {{ case_subject }} and the other "
                              "fields are filled in (point at a text for all of them). A contact "
                              "whose name is written in Chinese gets the Chinese e-mail."), tab)
        hint.setWordWrap(True)
        hint.setToolTip(fields)
        form = QFormLayout()
        form.addRow(self.tr("Dissatisfied below c ="), self.band_low)
        form.addRow(self.tr("Highly satisfied above c ="), self.band_high)
        form.addRow(self.tr("After a case is closed, send the survey:"), self.after_close)
        layout = QVBoxLayout(tab)
        layout.addLayout(form)
        for label, subject, text in (
            (self.tr("The survey e-mail in English:"), self.subject_en, self.text_en),
            (self.tr("The survey e-mail in Chinese:"), self.subject_zh, self.text_zh),
        ):
            subject.setPlaceholderText(self.tr("Subject"))
            layout.addWidget(QLabel(label, tab))
            layout.addWidget(subject)
            layout.addWidget(text, 1)
        layout.addWidget(hint)
        return tab

    def title(self) -> str:
        return self.tr("Service")

    def load(self, session: Session) -> None:
        self._levels = levels = service_levels.load(session)
        rules = levels.rule_list()
        self.rules.setRowCount(len(rules))
        for row, rule in enumerate(rules):
            for column, value in ((0, rule.tier), (1, rule.priority)):
                item = QTableWidgetItem(enum_text(value))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setData(Qt.ItemDataRole.UserRole, value)
                self.rules.setItem(row, column, item)
            for column, hours in ((RESPONSE, rule.response_hours),
                                  (RESOLUTION, rule.resolution_hours)):  # fmt: skip
                box = _hours_box(self.rules)
                box.setValue(hours)
                self.rules.setCellWidget(row, column, box)
            check = QCheckBox(self.rules)
            check.setChecked(rule.working_hours)
            self.rules.setCellWidget(row, WORKING, check)
        self.day_starts.setTime(QTime.fromString(levels.day_starts, "HH:mm"))
        self.day_ends.setTime(QTime.fromString(levels.day_ends, "HH:mm"))
        self.country.setText(levels.country)
        self.zone.setText(levels.zone)
        self.grace.setValue(levels.escalate_after_hours)
        self.notify_manager.setChecked(levels.notify_manager)
        self.managers.setText("; ".join(f"{k} = {v}" for k, v in levels.managers.items()))
        bands = surveys.load_bands(session)
        self.band_low.setValue(bands.low)
        self.band_high.setValue(bands.high)
        self._message = message = survey_sending.load_message(session)
        self.after_close.setCurrentIndex(max(0, self.after_close.findData(message.after().value)))
        self.subject_en.setText(message.subject)
        self.text_en.setPlainText(message.text)
        self.subject_zh.setText(message.subject_zh)
        self.text_zh.setPlainText(message.text_zh)

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.rules.item(row, column)
        assert item is not None
        return item

    def _rule(self, row: int) -> Rule:
        def value(column: int) -> float:
            box = self.rules.cellWidget(row, column)
            assert isinstance(box, QDoubleSpinBox)
            return box.value()

        check = self.rules.cellWidget(row, WORKING)
        assert isinstance(check, QCheckBox)
        tier, priority = (self._cell(row, c).data(Qt.ItemDataRole.UserRole) for c in (0, 1))
        return Rule(tier, priority, value(RESPONSE), value(RESOLUTION), check.isChecked())

    def save(self, session: Session) -> None:
        managers: dict[str, JsonValue] = {}
        for pair in self.managers.text().split(";"):
            owner, _, manager = pair.partition("=")
            if owner.strip() and manager.strip():
                managers[owner.strip()] = manager.strip()
        levels = dataclasses.replace(
            self._levels.with_rules([self._rule(r) for r in range(self.rules.rowCount())]),
            day_starts=self.day_starts.time().toString("HH:mm"),
            day_ends=self.day_ends.time().toString("HH:mm"),
            country=self.country.text().strip().upper(), zone=self.zone.text().strip(),
            escalate_after_hours=self.grace.value(), notify_manager=self.notify_manager.isChecked(),
            managers=managers,
        )  # fmt: skip
        service_levels.save(session, levels)
        bands = SatisfactionBands(self.band_low.value(), self.band_high.value())
        surveys.save_bands(session, bands)
        message = dataclasses.replace(
            self._message, after_close=self.after_close.currentData(),
            subject=self.subject_en.text().strip(), text=self.text_en.toPlainText().strip(),
            subject_zh=self.subject_zh.text().strip(), text_zh=self.text_zh.toPlainText().strip(),
        )  # fmt: skip
        survey_sending.save_message(session, message)
