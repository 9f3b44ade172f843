"""Marking a visit or call done: the Log activity dialog asks for the outcome, and one undo
step marks the occurrence done and logs the activity, linked as the event is."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from crmdesk.models import Activity, CalendarEvent
from crmdesk.models.enums import ActivityKind, EventKind, EventStatus
from crmdesk.services.accounts import AccountDraft, save_account
from crmdesk.services.calendar import EventDraft
from crmdesk.services.contacts import get_contact, save_contact
from crmdesk.views.calendar.event_dialog import EventDialog
from crmdesk.views.contacts.activity_dialog import ActivityDialog
from tests.views.calendar.conftest import (
    ZONE,
    add_event,
    make_pane,
    settle,
    shanghai_time,
    when_modal,
)


def _customer(db, people):
    """张三 at 华东物流: the account and the contact."""
    with db.transaction() as session:
        account_id, _ = save_account(session, AccountDraft(name="华东物流"))
        draft = get_contact(session, people["张三"]).draft
        draft.account_id = account_id
        save_contact(session, draft)
    return account_id, people["张三"]


def _mark_done_with(outcome: str, seen: dict):
    def in_event_dialog(dialog: EventDialog) -> None:
        seen["button_shown"] = dialog.done_button.isVisible()
        when_modal("ActivityDialog", in_activity_dialog)
        dialog.done_button.click()

    def in_activity_dialog(dialog: ActivityDialog) -> None:
        seen["subject"] = dialog.subject.text()
        seen["kind"] = dialog.kind()
        seen["present"] = dialog.present_names()
        seen["duration"] = dialog.duration.value()
        seen["title"] = dialog.windowTitle()
        dialog.outcome.setText(outcome)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    return in_event_dialog


def test_marking_a_visit_done_logs_its_outcome_as_an_activity(qtbot, db, people, locale):
    account_id, contact_id = _customer(db, people)
    event_id = add_event(db, "Visit the plant", shanghai_time(2026, 3, 4, 10), 90,
                         kind=EventKind.VISIT, account_id=account_id, contact_id=contact_id)
    pane = make_pane(qtbot, db)
    [visit] = pane.model.occurrences
    seen: dict = {}
    when_modal("EventDialog", _mark_done_with("Order promised for May", seen))
    assert pane.open_occurrence(visit)
    settle()
    assert seen["button_shown"] and seen["subject"] == "Visit the plant"
    assert seen["kind"] == ActivityKind.VISIT and seen["duration"] == 90
    assert seen["present"] and seen["present"][0].startswith("张三")
    assert "Visit the plant" in seen["title"]
    with db.reading() as session:
        event = session.get(CalendarEvent, event_id)
        assert event.status == EventStatus.DONE
        [activity] = session.scalars(select(Activity)).all()
        assert activity.outcome == "Order promised for May"
        assert (activity.kind, activity.contact_id, activity.account_id) == (
            ActivityKind.VISIT, contact_id, account_id)
        assert activity.occurred_at.replace(tzinfo=dt.UTC) == shanghai_time(2026, 3, 4, 10)
        assert [c.id for c in activity.participants] == [contact_id]
    stack = pane._keep[1]
    assert stack.count() == 1 and "Visit the plant" in stack.text(0)
    stack.undo()  # one step takes both back
    settle()
    with db.reading() as session:
        assert session.get(CalendarEvent, event_id).status == EventStatus.CONFIRMED
        assert session.scalars(select(Activity.deleted_at)).one() is not None


def test_marking_one_occurrence_of_a_series_done_leaves_the_others(qtbot, db, people, locale):
    account_id, contact_id = _customer(db, people)
    add_event(db, "Weekly call", shanghai_time(2026, 3, 2, 9), 15, kind=EventKind.CALL,
              rrule="FREQ=DAILY;COUNT=5", account_id=account_id, contact_id=contact_id)
    pane = make_pane(qtbot, db)
    wednesday = next(o for o in pane.model.occurrences if o.start == shanghai_time(2026, 3, 4, 9))
    seen: dict = {}
    when_modal("EventDialog", _mark_done_with("Reached the buyer", seen))
    assert pane.open_occurrence(wednesday)
    settle()
    shown = {o.start: o.status for o in pane.model.occurrences}
    assert shown[shanghai_time(2026, 3, 4, 9)] == EventStatus.DONE
    assert sum(s == EventStatus.CONFIRMED for s in shown.values()) == 4
    with db.reading() as session:
        [activity] = session.scalars(select(Activity)).all()
        assert activity.kind == ActivityKind.CALL and activity.duration_minutes == 15


def test_mark_done_is_offered_only_for_saved_visits_calls_and_meetings(qtbot, db, locale):
    start = shanghai_time(2026, 3, 4, 9)
    cases = [
        (EventDraft(title="New", kind=EventKind.VISIT, starts_at=start), False),
        (EventDraft(title="Call", kind=EventKind.CALL, starts_at=start, id=add_event(
            db, "Call", start, kind=EventKind.CALL)), True),
        (EventDraft(title="Task", kind=EventKind.TASK, starts_at=start, id=add_event(
            db, "Task", start, kind=EventKind.TASK)), False),
        (EventDraft(title="Done", kind=EventKind.VISIT, starts_at=start, status=EventStatus.DONE,
                    id=add_event(db, "Done", start, kind=EventKind.VISIT)), False),
    ]
    for draft, offered in cases:
        draft.time_zone = ZONE
        dialog = EventDialog(db, draft)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.done_button.isVisible() == offered, draft.title


def test_an_event_of_no_customer_is_only_marked_done(qtbot, db, locale):
    event_id = add_event(db, "Team meeting", shanghai_time(2026, 3, 4, 14), kind=EventKind.MEETING)
    pane = make_pane(qtbot, db)
    [meeting] = pane.model.occurrences
    when_modal("EventDialog", lambda d: d.done_button.click())
    assert pane.open_occurrence(meeting)
    settle()
    with db.reading() as session:
        assert session.get(CalendarEvent, event_id).status == EventStatus.DONE
        assert session.scalars(select(Activity)).all() == []
