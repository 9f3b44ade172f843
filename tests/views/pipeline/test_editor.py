"""The opportunity editor's people, probability override, follow-up and story."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtGui import QUndoStack
from sqlalchemy import select

from crmdesk.models import Activity, CalendarEvent
from crmdesk.models.enums import ActivityKind, ContactRole, EventKind
from crmdesk.services import accounts, activities, contacts, pipeline
from crmdesk.services.accounts import AccountDraft
from crmdesk.services.activities import ActivityDraft
from crmdesk.services.contacts import ContactDraft
from crmdesk.services.pipeline import OpportunityDraft
from crmdesk.store.db import Database
from crmdesk.views.pipeline.choices import choose_value
from crmdesk.views.pipeline.editor import OpportunityEditor
from crmdesk.views.shell.bus import DataBus


def _deal(db: Database):
    with db.transaction() as session:
        pipeline.ensure_default_stages(session)
        stages = pipeline.stages(session)
        account_id, _ = accounts.save_account(session, AccountDraft(name="华东电子"))
        boss, _ = contacts.save_contact(session, ContactDraft(
            family_name="张", given_name="伟", account_id=account_id))
        user, _ = contacts.save_contact(session, ContactDraft(
            family_name="李", given_name="娜", account_id=account_id))
        opp_id, _ = pipeline.save_opportunity(session, OpportunityDraft(
            name="Scanners", account_id=account_id, stage_id=stages[2].id, owner="Li",
            roles=[(boss, ContactRole.DECISION_MAKER)], next_step="Send the quote"))
    return opp_id, boss, user, stages


def _editor(qtbot, db: Database, opp_id, undo=None) -> OpportunityEditor:
    with db.reading() as session:
        draft = pipeline.get_opportunity(session, opp_id).draft
        stages = pipeline.stages(session)
    editor = OpportunityEditor(db, draft, stages, bus=DataBus(), undo=undo)
    qtbot.addWidget(editor)
    return editor


def test_people_on_the_deal_keep_their_roles(qtbot, db: Database) -> None:
    opp_id, boss, user, _ = _deal(db)
    editor = _editor(qtbot, db, opp_id)
    assert editor.contacts.roles() == [(boss, ContactRole.DECISION_MAKER)]
    assert editor.contacts.table.item(0, 0).text() == "张伟"
    editor.contacts.offered.setCurrentIndex(editor.contacts.offer_index(user))
    editor.contacts.add_button.click()
    choose_value(editor.contacts.role_combo(user), ContactRole.USER)
    edited = editor.draft()
    assert edited is not None
    with db.transaction() as session:
        pipeline.save_opportunity(session, edited)
        saved = pipeline.get_opportunity(session, opp_id).draft.roles
    assert sorted(saved) == sorted([(boss, ContactRole.DECISION_MAKER), (user, ContactRole.USER)])


def test_the_probability_says_whether_it_is_overridden(qtbot, db: Database) -> None:
    opp_id, *_ = _deal(db)
    editor = _editor(qtbot, db, opp_id)
    assert editor.probability.value() == 50
    assert editor.probability_note.text() == "The stage's default"
    editor.override.setChecked(True)
    editor.probability.setValue(35)
    assert editor.probability_note.text() == "Overridden; the stage's default is 50 %"
    edited = editor.draft()
    assert edited is not None and edited.probability == Decimal("35.0")


def test_schedule_follow_up_puts_a_linked_task_in_the_calendar(qtbot, db: Database) -> None:
    opp_id, *_ = _deal(db)
    with db.transaction() as session:
        detail = pipeline.get_opportunity(session, opp_id)
        saved = activities.save_activity(session, ActivityDraft(
            kind=ActivityKind.CALL, subject="First call", account_id=detail.draft.account_id,
            occurred_at=dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)))
        call = session.get(Activity, saved.activity_id)  # the activity form does not link deals yet
        assert call is not None
        call.opportunity_id = opp_id
    undo = QUndoStack()
    editor = _editor(qtbot, db, opp_id, undo)
    assert editor.story.rowCount() == 1 and editor.story.item(0, 2).text() == "First call"
    dialog = editor.follow_up_dialog()
    qtbot.addWidget(dialog)
    assert dialog.title.text() == "Send the quote"
    dialog.day.setDate(dialog.day.date().fromString("2026-03-10", "yyyy-MM-dd"))
    assert editor.finish_follow_up(dialog)
    with db.reading() as session:
        event = session.scalars(select(CalendarEvent)).one()
        assert (event.opportunity_id, event.kind, event.start_date) == (
            opp_id, EventKind.TASK, dt.date(2026, 3, 10))
        assert event.account_id == detail.draft.account_id and event.owner == "Li"
    assert editor.story.rowCount() == 2
    assert {editor.story.item(r, 2).text() for r in range(2)} == {"First call", "Send the quote"}
    undo.undo()
    with db.reading() as session:
        assert session.scalars(
            select(CalendarEvent).where(CalendarEvent.deleted_at.is_(None))).all() == []
