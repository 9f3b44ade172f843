"""Log activity (Ctrl+L): what an account manager writes down after every call or visit — the
kind, when and how long, the outcome, who was there, notes, and a follow-up task — saved as one
undoable step; the same dialog edits a logged activity."""

from __future__ import annotations

import copy
import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from crmdesk.core.errors import KnownError, ValidationError
from crmdesk.models.enums import ActivityKind
from crmdesk.services.account_story import account_name
from crmdesk.services.activities import (
    MAX_DURATION_MINUTES,
    ActivityDraft,
    FollowUp,
    Person,
    SavedActivity,
    get_activity,
    people_present_choices,
    save_activity,
    validate_activity,
)
from crmdesk.store.db import Database
from crmdesk.views.contacts.record_details import activity_kind_text
from crmdesk.views.shell import errors
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.i18n import translated
from crmdesk.views.shell.undo import WriteCommand
from crmdesk.views.shell.writes import Written

OFFERED_KINDS = (
    ActivityKind.CALL,
    ActivityKind.VISIT,
    ActivityKind.MEETING,
    ActivityKind.EMAIL,
    ActivityKind.NOTE,
)
DEFAULT_MINUTES = {ActivityKind.CALL: 15, ActivityKind.VISIT: 60, ActivityKind.MEETING: 60}
FOLLOW_UP_DAYS = 7
PersonIdRole = Qt.ItemDataRole.UserRole + 1


class LogActivityCommand(WriteCommand):
    """Save an activity (its people present and follow-up task) as one step: undo takes that
    write's batch back like every other step (a new activity and its task to the recycle bin,
    an edit's fields back as they were), so History and the Edit menu agree about it."""

    def __init__(
        self, db: Database, bus: DataBus, before: ActivityDraft | None, after: ActivityDraft
    ) -> None:
        name = after.subject.strip() or activity_kind_text(after.kind)
        if before is None:
            text = QCoreApplication.translate("LogActivityCommand", "Log %1")
        else:
            text = QCoreApplication.translate("LogActivityCommand", "Edit %1")
        self._after = copy.deepcopy(after)
        super().__init__(db, bus, text.replace("%1", name), self._save)
        self.activity_id: uuid.UUID | None = after.id
        self.follow_up_id: uuid.UUID | None = None

    def _save(self, session: Session) -> SavedActivity:
        return save_activity(session, copy.deepcopy(self._after))

    def _after_first(self, written: Written[Any]) -> None:
        saved: SavedActivity = written.value
        self.activity_id, self.follow_up_id = saved.activity_id, saved.follow_up_id


def _local(when: dt.datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(when.timestamp()))


def _utc(moment: QDateTime) -> dt.datetime:
    return dt.datetime.fromtimestamp(moment.toSecsSinceEpoch(), dt.UTC)


def _minute(when: dt.datetime) -> dt.datetime:
    return when.astimezone(dt.UTC).replace(second=0, microsecond=0)


def _comparable(draft: ActivityDraft) -> ActivityDraft:
    return replace(draft, participants=sorted(draft.participants), version=None)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ActivityDialog(QDialog):
    """Log an activity with a contact or an account, or (with `activity_id`) edit one.

    OK validates, pushes a LogActivityCommand on the undo stack and closes; `saved(id)` follows.
    """

    saved = Signal(object)  # the activity's id

    def __init__(
        self,
        db: Database,
        bus: DataBus,
        undo_stack: QUndoStack,
        *,
        contact_id: uuid.UUID | None = None,
        account_id: uuid.UUID | None = None,
        activity_id: uuid.UUID | None = None,
        prefill: ActivityDraft | None = None,
        command: Callable[[ActivityDraft], LogActivityCommand] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`prefill` starts a new activity from what is known (an event marked done);
        `command` makes the step that writes it (by default it only logs the activity)."""
        super().__init__(parent)
        self._db, self._bus, self._undo_stack = db, bus, undo_stack
        self._command = command
        self._before: ActivityDraft | None = None
        self._duration_touched = False
        with db.reading() as session:
            if activity_id is not None:
                detail = get_activity(session, activity_id)
                self._before = detail.draft
                draft = copy.deepcopy(detail.draft)
                about = detail.contact_name or detail.account_name
            elif prefill is not None:
                draft = copy.deepcopy(prefill)
                about = self._about(session, draft.contact_id, draft.account_id)
            else:
                draft = ActivityDraft(
                    contact_id=contact_id,
                    account_id=None if contact_id else account_id,
                    occurred_at=dt.datetime.now(dt.UTC).replace(second=0, microsecond=0),
                    participants=[contact_id] if contact_id else [],
                )
                about = self._about(session, contact_id, account_id)
            people = people_present_choices(
                session, draft.contact_id, draft.account_id, draft.participants
            )
        self._draft = draft
        self._duration_touched = self._before is not None  # an edit keeps what was logged
        self._build(about, people)
        self._fill(draft)
        self.setWindowTitle(self.tr("Edit activity") if self._before else self.tr("Log activity"))

    @staticmethod
    def _about(session: Session, contact_id: uuid.UUID | None, account_id: uuid.UUID | None) -> str:
        if contact_id is not None:
            people = people_present_choices(session, contact_id, None)
            return next((p.name for p in people if p.id == contact_id), "")
        return account_name(session, account_id) if account_id else ""

    # -- building ---------------------------------------------------------------------------

    def _build(self, about: str, people: list[Person]) -> None:
        self.about_label = QLabel(about, self)
        self.about_label.setObjectName("heading")
        font = self.about_label.font()
        font.setBold(True)
        self.about_label.setFont(font)
        self.about_label.setTextFormat(Qt.TextFormat.PlainText)

        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[ActivityKind, QRadioButton] = {}
        kinds_row = QHBoxLayout()
        kinds_row.setSpacing(12)
        kinds = list(OFFERED_KINDS)
        if self._draft.kind not in kinds:
            kinds.append(self._draft.kind)  # a message or task logged elsewhere
        for kind in kinds:
            button = QRadioButton(activity_kind_text(kind), self)
            self.kind_group.addButton(button)
            self.kind_buttons[kind] = button
            button.toggled.connect(self._on_kind_toggled)
            kinds_row.addWidget(button)
        kinds_row.addStretch(1)

        self.subject = QLineEdit(self)
        self.subject.setPlaceholderText(self.tr("What was it about?"))
        self.when = QDateTimeEdit(self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(self.when.displayFormat().replace(":ss", ""))
        self.duration = QSpinBox(self)
        self.duration.setRange(0, MAX_DURATION_MINUTES)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setSpecialValueText(self.tr("—"))
        self.duration.valueChanged.connect(self._on_duration_changed)
        when_row = QHBoxLayout()
        when_row.addWidget(self.when, 1)
        self.duration_label = QLabel(self.tr("Duration"), self)
        self.duration_label.setBuddy(self.duration)
        when_row.addWidget(self.duration_label)
        when_row.addWidget(self.duration)
        self.outcome = QLineEdit(self)
        self.outcome.setPlaceholderText(self.tr("e.g. order promised for May"))

        self.people = QListWidget(self)
        self.people.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.people.setUniformItemSizes(True)
        for person in people:
            text = f"{person.name} · {person.title}" if person.title else person.name
            item = QListWidgetItem(text, self.people)
            item.setData(PersonIdRole, person.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        rows = min(max(len(people), 2), 5)
        self.people.setFixedHeight(self.people.sizeHintForRow(0) * rows + 6 if people else 40)
        self.no_people = QLabel(self.tr("No contacts at this account yet."), self)
        self.no_people.setEnabled(False)
        self.people.setVisible(bool(people))
        self.no_people.setVisible(not people)

        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("What was said, what was agreed"))
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 4 + 12)

        self.follow_up = QGroupBox(self.tr("Follow-up task"), self)
        self.follow_up.setCheckable(True)
        self.follow_up.setChecked(False)
        self.follow_up.toggled.connect(self._on_follow_up_toggled)
        self.follow_up_due = QDateEdit(self.follow_up)
        self.follow_up_due.setCalendarPopup(True)
        self.follow_up_title = QLineEdit(self.follow_up)
        self.follow_up_title.setPlaceholderText(self.tr("What is to be done"))
        task = QFormLayout(self.follow_up)
        task.addRow(self.tr("Due"), self.follow_up_due)
        task.addRow(self.tr("Task"), self.follow_up_title)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.addRow(self.tr("With"), self.about_label)
        form.addRow(self.tr("Kind"), kinds_row)
        form.addRow(self.tr("Subject"), self.subject)
        form.addRow(self.tr("When"), when_row)
        form.addRow(self.tr("Outcome"), self.outcome)
        people_box = QVBoxLayout()
        people_box.addWidget(self.people)
        people_box.addWidget(self.no_people)
        form.addRow(self.tr("People present"), people_box)
        form.addRow(self.tr("Notes"), self.notes)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("error_summary")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.follow_up)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(min(560, max(460, self.sizeHint().width())))

    # -- the draft <-> the widgets ----------------------------------------------------------

    def _fill(self, draft: ActivityDraft) -> None:
        self.kind_buttons.get(draft.kind, self.kind_buttons[ActivityKind.CALL]).setChecked(True)
        self.subject.setText(draft.subject)
        self.when.setDateTime(_local(draft.occurred_at or dt.datetime.now(dt.UTC)))
        if draft.duration_minutes is not None:
            self.duration.setValue(draft.duration_minutes)
            self._duration_touched = True
        elif self._before is None:
            self.duration.setValue(DEFAULT_MINUTES.get(draft.kind, 0))
        self.outcome.setText(draft.outcome)
        present = set(draft.participants)
        for row in range(self.people.count()):
            item = self.people.item(row)
            if item.data(PersonIdRole) in present:
                item.setCheckState(Qt.CheckState.Checked)
        self.notes.setPlainText(draft.body)
        today = dt.date.today()
        self.follow_up_due.setDate(_qdate(today + dt.timedelta(days=FOLLOW_UP_DAYS)))
        if draft.follow_up is not None:
            self.follow_up_title.setText(draft.follow_up.title)
            self.follow_up_due.setDate(_qdate(draft.follow_up.due))
            self.follow_up.setChecked(True)
        self.subject.setFocus()

    def kind(self) -> ActivityKind:
        return next(k for k, b in self.kind_buttons.items() if b.isChecked())

    def draft(self) -> ActivityDraft:
        """The activity as the dialog shows it now."""
        draft = copy.deepcopy(self._draft)
        draft.kind = self.kind()
        draft.subject = self.subject.text()
        draft.occurred_at = _utc(self.when.dateTime())
        earlier = self._before.occurred_at if self._before else None
        if earlier is not None and _minute(earlier) == _minute(draft.occurred_at):
            draft.occurred_at = earlier  # the dialog shows minutes: keep the stored seconds
        draft.duration_minutes = self.duration.value() or None
        draft.outcome = self.outcome.text()
        draft.body = self.notes.toPlainText()
        draft.participants = [
            self.people.item(row).data(PersonIdRole)
            for row in range(self.people.count())
            if self.people.item(row).checkState() == Qt.CheckState.Checked
        ]
        known = self._draft.follow_up.event_id if self._draft.follow_up else None
        draft.follow_up = None
        if self.follow_up.isChecked():
            due = self.follow_up_due.date()
            draft.follow_up = FollowUp(
                dt.date(due.year(), due.month(), due.day()), self.follow_up_title.text(), known
            )
        return draft

    def set_when(self, when: dt.datetime) -> None:
        self.when.setDateTime(_local(when))

    def present_names(self) -> list[str]:
        return [
            self.people.item(row).text()
            for row in range(self.people.count())
            if self.people.item(row).checkState() == Qt.CheckState.Checked
        ]

    def set_present(self, person_id: uuid.UUID, present: bool = True) -> None:
        for row in range(self.people.count()):
            item = self.people.item(row)
            if item.data(PersonIdRole) == person_id:
                state = Qt.CheckState.Checked if present else Qt.CheckState.Unchecked
                item.setCheckState(state)

    # -- reacting ----------------------------------------------------------------------------

    def _on_kind_toggled(self, checked: bool) -> None:
        if checked and not self._duration_touched and hasattr(self, "duration"):
            self.duration.blockSignals(True)
            self.duration.setValue(DEFAULT_MINUTES.get(self.kind(), 0))
            self.duration.blockSignals(False)

    def _on_duration_changed(self, _value: int) -> None:
        self._duration_touched = True

    def _on_follow_up_toggled(self, checked: bool) -> None:
        if checked and not self.follow_up_title.text().strip():
            subject = self.subject.text().strip()
            if subject:
                self.follow_up_title.setText(self.tr("Follow up: %1").replace("%1", subject))
            else:
                name = self.about_label.text()
                self.follow_up_title.setText(self.tr("Follow up with %1").replace("%1", name))
        if checked:
            self.follow_up_title.setFocus()

    def accept(self) -> None:
        draft = self.draft()
        if self._before is not None and _comparable(draft) == _comparable(self._before):
            super().accept()  # nothing changed: no step on the undo stack
            return
        problems = validate_activity(draft)
        if problems:
            self._show_errors([translated("Validation", p.message) for p in problems])
            return
        command = (
            self._command(draft)
            if self._command is not None
            else LogActivityCommand(self._db, self._bus, self._before, draft)
        )
        try:
            self._undo_stack.push(command)
        except ValidationError as exc:
            self._show_errors([translated("Validation", e.message) for e in exc.errors])
            return
        except KnownError as exc:
            errors.report(self, exc)
            return
        super().accept()
        self.saved.emit(command.activity_id)

    def _show_errors(self, messages: list[str]) -> None:
        self.error_label.setText("\n".join(messages))
        self.error_label.show()


__all__ = ["ActivityDialog", "LogActivityCommand"]
