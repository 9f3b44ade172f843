"""Logging an activity: one transaction with its people present and follow-up task, the
refusals, and the timelines it shows on."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from crmdesk.core.errors import StaleRecordError, ValidationError
from crmdesk.models import Activity, CalendarEvent
from crmdesk.models.enums import ActivityKind, EventKind
from crmdesk.services.accounts import AccountDraft, save_account
from crmdesk.services.activities import (
    ActivityDraft,
    FollowUp,
    delete_activity,
    get_activity,
    people_present_choices,
    restore_activity,
    save_activity,
)
from crmdesk.services.contacts import get_contact, save_contact
from crmdesk.services.timeline import timeline

WHEN = dt.datetime(2026, 5, 4, 2, 30, tzinfo=dt.UTC)


@pytest.fixture
def acme(db, people):
    """张三 and 欧阳娜娜 work at 星辰科技."""
    with db.transaction() as session:
        account_id, _ = save_account(session, AccountDraft(name="北京星辰科技有限公司"))
        for name in ("张三", "欧阳娜娜"):
            draft = get_contact(session, people[name]).draft
            draft.account_id = account_id
            save_contact(session, draft)
    return account_id


def visit(people, **changes):
    draft = ActivityDraft(
        kind=ActivityKind.VISIT,
        occurred_at=WHEN,
        duration_minutes=90,
        subject="  季度回顾 ",
        outcome="答应五月下单",
        body="谈了新产品线",
        contact_id=people["张三"],
        participants=[people["张三"], people["欧阳娜娜"]],
        follow_up=FollowUp(dt.date(2026, 5, 11), "寄报价单"),
    )
    for name, value in changes.items():
        setattr(draft, name, value)
    return draft


def test_a_visit_with_people_and_a_follow_up_is_one_write(db, people, acme):
    with db.transaction() as session:
        saved = save_activity(session, visit(people))
    assert saved.changes.activities == {saved.activity_id}
    assert saved.changes.events == {saved.follow_up_id}
    with db.reading() as session:
        detail = get_activity(session, saved.activity_id)
        task = session.get(CalendarEvent, saved.follow_up_id)
        assert (task.kind, task.all_day, task.title) == (EventKind.TASK, True, "寄报价单")
        assert (task.start_date, task.end_date) == (dt.date(2026, 5, 11), dt.date(2026, 5, 12))
        assert task.account_id == acme and task.contact_id == people["张三"]
    draft = detail.draft
    assert draft.subject == "季度回顾" and draft.occurred_at == WHEN
    assert draft.account_id == acme  # filed under the contact's account too
    assert sorted(draft.participants) == sorted([people["张三"], people["欧阳娜娜"]])
    assert (detail.contact_name, detail.account_name) == ("张三", "北京星辰科技有限公司")


def test_it_shows_on_the_timelines_of_everyone_present_and_of_the_account(db, people, acme):
    with db.transaction() as session:
        saved = save_activity(session, visit(people, follow_up=None))
    with db.reading() as session:
        for subject in ({"contact_id": people["欧阳娜娜"]}, {"account_id": acme}):
            assert [i.id for i in timeline(session, **subject)] == [saved.activity_id]
        assert timeline(session, contact_id=people["John Smith"]) == []


def test_refusals_write_nothing(db, people):
    bad = [
        visit(people, contact_id=None),
        visit(people, occurred_at=None),
        visit(people, duration_minutes=-5),
        visit(people, follow_up=FollowUp(dt.date(2026, 5, 11), "  ")),
    ]
    for draft in bad:
        with pytest.raises(ValidationError), db.transaction() as session:
            save_activity(session, draft)
    with db.reading() as session:
        assert session.scalar(select(func.count(Activity.id))) == 0
        assert session.scalar(select(func.count(CalendarEvent.id))) == 0


def test_a_stale_edit_is_refused(db, people):
    with db.transaction() as session:
        saved = save_activity(session, visit(people, follow_up=None))
    with db.reading() as session:
        old = get_activity(session, saved.activity_id).draft
    with db.transaction() as session:
        newer = get_activity(session, saved.activity_id).draft
        newer.outcome = "changed elsewhere"
        save_activity(session, newer)
    with pytest.raises(StaleRecordError), db.transaction() as session:
        save_activity(session, old)


def test_delete_and_restore_take_the_follow_up_along(db, people):
    with db.transaction() as session:
        saved = save_activity(session, visit(people))
    with db.transaction() as session:
        changes = delete_activity(session, saved.activity_id, saved.follow_up_id)
    assert changes.activities == {saved.activity_id} and changes.events == {saved.follow_up_id}
    with db.reading() as session:
        assert timeline(session, contact_id=people["张三"]) == []
    with db.transaction() as session:
        restore_activity(session, saved.activity_id, saved.follow_up_id)
    with db.reading() as session:
        assert len(timeline(session, contact_id=people["张三"])) == 2


def test_people_present_are_the_accounts_contacts(db, people, acme):
    with db.reading() as session:
        names = [p.name for p in people_present_choices(session, people["张三"], None)]
        alone = [p.name for p in people_present_choices(session, people["John Smith"], None)]
    assert sorted(names) == ["张三", "欧阳娜娜"]
    assert alone == ["John Smith"]


def test_a_merge_moves_who_was_present_and_an_unmerge_moves_it_back(db, people, acme):
    from crmdesk.services.merge import merge_contacts, unmerge

    with db.transaction() as session:
        saved = save_activity(
            session,
            visit(people, contact_id=people["John Smith"], participants=[people["欧阳娜娜"]]),
        )
    with db.transaction() as session:
        result = merge_contacts(session, people["张三"], [people["欧阳娜娜"]])
    assert saved.activity_id in result.changes.activities
    with db.reading() as session:
        assert get_activity(session, saved.activity_id).draft.participants == [people["张三"]]
        assert [i.id for i in timeline(session, contact_id=people["张三"])] == [
            saved.activity_id
        ]
    with db.transaction() as session:
        unmerge(session, result.batch_id)
    with db.reading() as session:
        assert get_activity(session, saved.activity_id).draft.participants == [people["欧阳娜娜"]]
        assert timeline(session, contact_id=people["张三"]) == []


def test_an_edit_changes_its_follow_up_and_taking_it_off_bins_the_task(db, people):
    with db.transaction() as session:
        saved = save_activity(session, visit(people))
    with db.transaction() as session:
        draft = get_activity(session, saved.activity_id).draft
        assert draft.follow_up == FollowUp(dt.date(2026, 5, 11), "寄报价单", saved.follow_up_id)
        draft.follow_up.title = "寄合同"
        again = save_activity(session, draft)
    assert again.follow_up_id == saved.follow_up_id  # the same task, not a second one
    with db.transaction() as session:
        draft = get_activity(session, saved.activity_id).draft
        draft.follow_up = None
        save_activity(session, draft)
    with db.reading() as session:
        task = session.get(CalendarEvent, saved.follow_up_id)
        assert task.title == "寄合同" and task.deleted_at is not None
        assert get_activity(session, saved.activity_id).draft.follow_up is None
        assert session.scalar(select(func.count(CalendarEvent.id))) == 1
