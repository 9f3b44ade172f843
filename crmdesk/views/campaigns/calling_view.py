"""The calling view: the next contact on a call list with their phones, the script, the last
activities and open tasks; one click on an outcome logs the call and shows the next one."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.enums import ActivityKind, CallOutcome
from crmdesk.services import call_lists
from crmdesk.services.call_lists import CallCard
from crmdesk.services.changes import Changes
from crmdesk.views.campaigns.undoable import Undoable
from crmdesk.views.shell.vocabulary import enum_text, value_text


class CallingView(QWidget):
    def __init__(self, writer: Undoable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._writer = writer.db, writer
        bus = writer.bus
        self.card: CallCard | None = None
        self.lists = QComboBox(self)
        self.lists.setObjectName("call_lists")
        self.caller = QLineEdit(self)
        self.caller.setPlaceholderText(self.tr("everyone's entries"))
        self.progress = QLabel(self)
        self.name = QLabel(self)
        self.name.setObjectName("call_name")
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.name.setFont(font)
        self.account = QLabel(self)
        self.phones = QLabel(self)
        self.phones.setObjectName("call_phones")
        self.open_items = QLabel(self)
        self.script = QTextBrowser(self)
        self.recent = QListWidget(self)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("A note on this call"))
        self.callback_at = QDateTimeEdit(self)
        self.callback_at.setCalendarPopup(True)
        self.callback_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.callback_at.setDateTime(QDateTime.currentDateTime().addSecs(3600))
        self.buttons: dict[CallOutcome, QPushButton] = {}
        outcomes = QGridLayout()
        for i, outcome in enumerate(CallOutcome):
            button = QPushButton(enum_text(outcome), self)
            button.setObjectName(f"outcome_{outcome.value}")
            button.clicked.connect(lambda _c=False, o=outcome: self.record(o))
            outcomes.addWidget(button, 0, i)
            self.buttons[outcome] = button
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Call list:"), self))
        top.addWidget(self.lists, 1)
        top.addWidget(QLabel(self.tr("Caller:"), self))
        top.addWidget(self.caller)
        top.addWidget(self.progress)
        who = QGroupBox(self.tr("Next call"), self)
        form = QFormLayout(who)
        form.addRow(self.name)
        form.addRow(self.tr("Account:"), self.account)
        form.addRow(self.tr("Phones:"), self.phones)
        form.addRow(self.tr("Open tasks:"), self.open_items)
        middle = QHBoxLayout()
        script_box = QGroupBox(self.tr("Script"), self)
        QVBoxLayout(script_box).addWidget(self.script)
        recent_box = QGroupBox(self.tr("Last activities"), self)
        QVBoxLayout(recent_box).addWidget(self.recent)
        middle.addWidget(script_box, 3)
        middle.addWidget(recent_box, 2)
        bottom = QFormLayout()
        bottom.addRow(self.tr("Note:"), self.note)
        bottom.addRow(self.tr("Call back at:"), self.callback_at)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(who)
        layout.addLayout(middle, 1)
        layout.addLayout(bottom)
        layout.addLayout(outcomes)
        self.lists.currentIndexChanged.connect(self.show_next)
        self.caller.editingFinished.connect(self.show_next)
        bus.changed.connect(self._on_changed)
        self.reload()

    def _on_changed(self, changes: Changes) -> None:
        if changes.ids("call_lists"):
            self.reload()

    @Slot()
    def reload(self) -> None:
        chosen = self.lists.currentData()
        with self._db.reading() as session:
            found = call_lists.list_call_lists(session)
        self.lists.blockSignals(True)
        self.lists.clear()
        for info in found:
            self.lists.addItem(self.tr("%1 (%2)").replace("%1", info.name)
                               .replace("%2", str(info.entries)), info.id)  # fmt: skip
        index = self.lists.findData(chosen) if chosen is not None else 0
        self.lists.setCurrentIndex(max(index, 0))
        self.lists.blockSignals(False)
        self.show_next()

    @Slot()
    def show_next(self) -> None:
        list_id = self.lists.currentData()
        card = None
        if list_id is not None:
            with self._db.reading() as session:
                card = call_lists.next_call(session, list_id, self.caller.text().strip())
                done = call_lists.progress(session, list_id)
            self.progress.setText(self.tr("%1 of %2 done, %3 calls").replace("%1", str(done.done))
                                  .replace("%2", str(done.total))
                                  .replace("%3", str(done.calls)))  # fmt: skip
        self.card = card
        for button in self.buttons.values():
            button.setEnabled(card is not None)
        if card is None:
            self.name.setText(self.tr("Nobody left to call now."))
            for label in (self.account, self.phones, self.open_items):
                label.clear()
            self.script.clear()
            self.recent.clear()
            return
        self.name.setText(card.name)
        self.account.setText(" · ".join(x for x in (card.account, card.title) if x))
        self.phones.setText("   ".join(card.phones) or self.tr("no phone"))
        self.open_items.setText(str(card.open_tasks))
        self.script.setPlainText(card.script)
        self.recent.clear()
        for when, kind, subject in card.last_activities:
            local = when.astimezone().strftime("%Y-%m-%d %H:%M")
            self.recent.addItem(f"{local}  {value_text(ActivityKind, kind)}  {subject}")

    def record(self, outcome: CallOutcome) -> None:
        """Log the call with this outcome (a callback at the time set) and show the next one."""
        if self.card is None:
            return
        entry, note, caller = self.card.entry_id, self.note.text().strip(), self.caller.text()
        text = self.tr("Call %1: %2").replace("%1", self.card.name)
        text = text.replace("%2", enum_text(outcome))
        when = self.callback_at.dateTime().toPython()
        assert isinstance(when, dt.datetime)
        callback = when.astimezone(dt.UTC) if outcome == CallOutcome.CALLBACK else None
        written = self._writer.push(self, text, lambda s: call_lists.record_outcome(
            s, entry, outcome, caller=caller.strip(), note=note, callback_at=callback))  # fmt: skip
        if written is not None:
            self.note.clear()
            self.show_next()

