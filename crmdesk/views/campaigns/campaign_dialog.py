"""A new campaign: name, goal, period, budget, segment, channels, the message and the script."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate, QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crmdesk.core.errors import KnownError
from crmdesk.models.enums import Channel
from crmdesk.services import campaigns, segments
from crmdesk.services.campaigns import CampaignDraft
from crmdesk.views.campaigns.undoable import Undoable
from crmdesk.views.shell import errors
from crmdesk.views.shell.screen_fit import fit_to_screen
from crmdesk.views.shell.vocabulary import enum_text

CHANNELS = (Channel.EMAIL, Channel.SMS, Channel.WECHAT, Channel.PHONE, Channel.LETTER)


class CampaignDialog(QDialog):
    def __init__(self, writer: Undoable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._writer = writer
        db = writer.db
        self.saved_id: uuid.UUID | None = None
        self.setWindowTitle(self.tr("New campaign"))
        self.name = QLineEdit(self)
        self.goal = QLineEdit(self)
        self.segment = QComboBox(self)
        with db.reading() as session:
            for info in segments.list_segments(session):
                self.segment.addItem(info.name, info.id)
        self.starts = QDateEdit(QDate.currentDate(), self)
        self.ends = QDateEdit(QDate.currentDate().addMonths(1), self)
        for edit in (self.starts, self.ends):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.budget = QLineEdit("0", self)
        self.attribution = QSpinBox(self)
        self.attribution.setRange(0, 3660)
        self.attribution.setValue(30)
        self.attribution.setSuffix(self.tr(" days"))
        self.channels = {c: QCheckBox(enum_text(c), self) for c in CHANNELS}
        self.channels[Channel.EMAIL].setChecked(True)
        channel_row = QHBoxLayout()
        for box in self.channels.values():
            channel_row.addWidget(box)
        self.subject = QLineEdit(self)
        self.subject.setPlaceholderText(self.tr("e.g. An offer for {{ name }}"))
        self.body = QPlainTextEdit(self)
        self.body.setPlaceholderText(self.tr("Fields: {{ name }}, {{ given_name }}, "
                                             "{{ company }}, {{ title }}, {{ city }}"))
        self.html = QPlainTextEdit(self)
        self.html.setPlaceholderText(self.tr("HTML version (optional)"))
        self.script = QPlainTextEdit(self)
        self.script.setPlaceholderText(self.tr("What the callers say"))
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Goal:"), self.goal)
        form.addRow(self.tr("Segment:"), self.segment)
        period = QHBoxLayout()
        period.addWidget(self.starts)
        period.addWidget(self.ends)
        form.addRow(self.tr("Period:"), period)
        form.addRow(self.tr("Budget:"), self.budget)
        form.addRow(self.tr("Attribution window:"), self.attribution)
        form.addRow(self.tr("Channels:"), channel_row)
        form.addRow(self.tr("Subject:"), self.subject)
        form.addRow(self.tr("Message:"), self.body)
        form.addRow(self.tr("HTML:"), self.html)
        form.addRow(self.tr("Call script:"), self.script)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(640, 620))

    def draft(self) -> CampaignDraft:
        try:
            budget = Decimal(self.budget.text().strip() or "0")
        except InvalidOperation:
            raise KnownError(self.tr("The budget is not an amount.")) from None
        starts, ends = self.starts.date().toPython(), self.ends.date().toPython()
        assert isinstance(starts, dt.date) and isinstance(ends, dt.date)
        return CampaignDraft(
            self.name.text(), goal=self.goal.text().strip(), starts_on=starts, ends_on=ends,
            budget=budget, segment_id=self.segment.currentData(),
            channels=[c for c, box in self.channels.items() if box.isChecked()],
            subject=self.subject.text(), body_text=self.body.toPlainText(),
            body_html=self.html.toPlainText(), script=self.script.toPlainText(),
            attribution_days=self.attribution.value(),
        )  # fmt: skip

    def accept(self) -> None:
        try:
            draft = self.draft()
        except KnownError as error:
            errors.report(self, error)
            return
        text = self.tr("New campaign %1").replace("%1", draft.name.strip())
        written = self._writer.push(self, text, lambda s: campaigns.save_campaign(s, draft))
        if written is not None:
            self.saved_id = written.value
            super().accept()
