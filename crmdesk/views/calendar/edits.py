"""Writing from the calendar: new events, edits and moves of events or occurrences, deletes,
done boxes; each one write operation and one undo step. For an occurrence of a series the
user is asked which occurrences the change is about."""

from __future__ import annotations

import copy
import datetime as dt
import uuid
from dataclasses import replace

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget
from sqlalchemy.orm import Session

from crmdesk.services.activities import ActivityDraft, SavedActivity
from crmdesk.services.calendar import (
    EventDraft,
    EventOccurrence,
    Scope,
    change_occurrence,
    delete_events,
    delete_occurrence,
    draft_of,
    save_event,
)
from crmdesk.services.calendar_tasks import (
    complete_occurrence,
    mark_occurrence_done,
    outcome_draft,
    set_task_done,
)
from crmdesk.store.db import Database
from crmdesk.views.contacts.activity_dialog import ActivityDialog, LogActivityCommand
from crmdesk.views.shell import writes
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.i18n import _tr
from crmdesk.views.shell.undo import WriteCommand


def ask_scope(parent: QWidget | None, deleting: bool = False) -> Scope | None:
    """"This occurrence / this and following / all" for an occurrence of a series; None when
    the user cancels."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        _tr("Delete repeating event") if deleting else _tr("Change repeating event"),
        _tr("This event repeats. Which occurrences do you mean?"),
        QMessageBox.StandardButton.NoButton, parent,
    )
    box.setObjectName("scope_question")
    buttons: dict[QAbstractButton, Scope] = {
        box.addButton(_tr("This occurrence"), QMessageBox.ButtonRole.AcceptRole): Scope.THIS,
        box.addButton(_tr("This and following"), QMessageBox.ButtonRole.AcceptRole):
            Scope.FOLLOWING,
        box.addButton(_tr("All occurrences"), QMessageBox.ButtonRole.AcceptRole): Scope.ALL,
    }
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return buttons.get(box.clickedButton())


class CalendarEdits:
    """The pane's writes, on its window's undo stack."""

    def __init__(self, db: Database, bus: DataBus, stack: QUndoStack, parent: QWidget) -> None:
        self._db, self._bus, self._stack, self._parent = db, bus, stack, parent

    def _push(self, text: str, action) -> bool:
        command = WriteCommand(self._db, self._bus, text, action)
        return writes.push(self._parent, self._stack, command)

    def occurrence_draft(self, one: EventOccurrence) -> EventDraft:
        """The draft of the row an occurrence comes from, at the occurrence's own times."""
        with self._db.reading() as session:
            draft = draft_of(session, one.event_id)
        if one.all_day:
            assert isinstance(one.start, dt.date) and isinstance(one.end, dt.date)
            return replace(draft, start_date=one.start, end_date=one.end)
        assert isinstance(one.start, dt.datetime) and isinstance(one.end, dt.datetime)
        return replace(draft, starts_at=one.start, ends_at=one.end)

    def create(self, draft: EventDraft) -> bool:
        return self._push(_tr("New event %1").replace("%1", draft.title),
                          lambda s: save_event(s, draft)[0])

    def change(self, one: EventOccurrence | None, draft: EventDraft) -> bool:
        """Save an edited draft; for a series' occurrence ask the scope first."""
        text = _tr("Change event %1").replace("%1", draft.title)
        if one is None or not one.repeats or one.series_id is None:
            return self._push(text, lambda s: save_event(s, draft)[0])
        scope = ask_scope(self._parent)
        if scope is None:
            return False
        series_id, recurrence_id = one.series_id, one.recurrence_id

        def action(session: Session) -> uuid.UUID:
            wanted = draft
            if scope == Scope.ALL:
                wanted = _shifted_series(session, series_id, one, draft)
            return change_occurrence(session, series_id, recurrence_id, wanted, scope)[0]

        return self._push(text, action)

    def move(self, one: EventOccurrence, start: dt.datetime, end: dt.datetime) -> bool:
        """A drag: the occurrence (or event) at new times."""
        draft = self.occurrence_draft(one)
        if one.all_day:
            return False
        moved = replace(draft, starts_at=start.astimezone(dt.UTC), ends_at=end.astimezone(dt.UTC))
        return self.change(one, moved)

    def delete(self, one: EventOccurrence) -> bool:
        text = _tr("Delete event %1").replace("%1", one.title)
        if not one.repeats or one.series_id is None:
            return self._push(text, lambda s: delete_events(s, [one.event_id]))
        scope = ask_scope(self._parent, deleting=True)
        if scope is None:
            return False
        series_id, recurrence_id = one.series_id, one.recurrence_id
        return self._push(text, lambda s: delete_occurrence(s, series_id, recurrence_id, scope))

    def mark_done(self, one: EventOccurrence) -> bool:
        """A visit, call or meeting done: the Log activity dialog asks for the outcome, and
        saving it marks the occurrence done and logs the activity as one step. An event of
        no customer has nowhere to log an outcome: it is only marked done."""
        with self._db.reading() as session:
            prefill = outcome_draft(session, one)
        if prefill.contact_id is None and prefill.account_id is None:
            return self._push(_tr("Done: %1").replace("%1", one.title),
                              lambda s: mark_occurrence_done(s, one).id)

        def command(draft: ActivityDraft) -> LogActivityCommand:
            return OutcomeCommand(self._db, self._bus, one, draft)

        self.outcome_dialog = ActivityDialog(
            self._db, self._bus, self._stack, prefill=prefill, command=command,
            parent=self._parent,
        )  # fmt: skip
        self.outcome_dialog.setWindowTitle(_tr("Outcome of %1").replace("%1", one.title))
        return bool(self.outcome_dialog.exec())

    def set_done(self, task_id: uuid.UUID, done: bool) -> bool:
        text = _tr("Task done") if done else _tr("Task not done")
        return self._push(text, lambda s: set_task_done(s, task_id, done))


class OutcomeCommand(LogActivityCommand):
    """The occurrence marked done and its outcome logged: one write, one undo step."""

    def __init__(
        self, db: Database, bus: DataBus, one: EventOccurrence, draft: ActivityDraft
    ) -> None:
        super().__init__(db, bus, None, draft)
        self._occurrence = one
        self.setText(_tr("Done: %1").replace("%1", one.title))

    def _save(self, session: Session) -> SavedActivity:
        return complete_occurrence(session, self._occurrence, copy.deepcopy(self._after))


def _shifted_series(
    session: Session, series_id: uuid.UUID, one: EventOccurrence, draft: EventDraft
) -> EventDraft:
    """An edit of "all occurrences" made on one of them: the series' own start moves by as
    much as this occurrence moved, so earlier occurrences stay."""
    series = draft_of(session, series_id)
    if draft.all_day or series.all_day:
        day = one.start
        if series.start_date is None or draft.start_date is None or isinstance(day, dt.datetime):
            return draft  # a timed occurrence made all-day: nothing to shift by
        shift = draft.start_date - day
        length = (draft.end_date or draft.start_date) - draft.start_date
        start = series.start_date + shift
        return replace(draft, start_date=start, end_date=start + length, version=None)
    moment = one.start
    if series.starts_at is None or draft.starts_at is None or not isinstance(moment, dt.datetime):
        return draft
    shift = draft.starts_at - moment
    length = (draft.ends_at or draft.starts_at) - draft.starts_at
    start = series.starts_at + shift
    return replace(draft, starts_at=start, ends_at=start + length, version=None)


__all__ = ["CalendarEdits", "ask_scope"]
