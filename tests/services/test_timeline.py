"""The timeline: activities and events of a contact or an account, newest first, paged."""

from __future__ import annotations

import datetime as dt

from crmdesk.models import Activity, CalendarEvent
from crmdesk.models.base import utcnow
from crmdesk.models.enums import ActivityKind, EventKind
from crmdesk.services.timeline import timeline

T0 = dt.datetime(2024, 5, 1, 9, tzinfo=dt.UTC)


def test_activities_and_events_newest_first(db, people):
    zhang, john = people["张三"], people["John Smith"]
    with db.transaction() as session:
        session.add(
            Activity(kind=ActivityKind.CALL, occurred_at=T0, subject="call", contact_id=zhang)
        )
        session.add(
            CalendarEvent(
                title="visit",
                kind=EventKind.VISIT,
                all_day=True,
                start_date=dt.date(2024, 5, 2),
                contact_id=zhang,
            )
        )
        session.add(
            Activity(
                kind=ActivityKind.EMAIL,
                occurred_at=T0 + dt.timedelta(days=3),
                subject="gone",
                contact_id=zhang,
                deleted_at=utcnow(),
            )
        )
        session.add(
            Activity(kind=ActivityKind.CALL, occurred_at=T0, subject="other", contact_id=john)
        )
    with db.reading() as session:
        items = timeline(session, contact_id=zhang)
        assert [(i.source, i.subject) for i in items] == [("event", "visit"), ("activity", "call")]
        assert items[0].when == dt.datetime(2024, 5, 2, tzinfo=dt.UTC)
        assert items[1].when == T0
        assert [i.subject for i in timeline(session, contact_id=zhang, limit=1, offset=1)] == [
            "call"
        ]


def test_no_subject_no_items(db, people):
    with db.transaction() as session:
        session.add(Activity(kind=ActivityKind.CALL, occurred_at=T0, contact_id=people["张三"]))
    with db.reading() as session:
        assert timeline(session) == []


def test_cases_are_on_the_timeline_and_a_vip_complaint_is_marked(db):
    from tests.services.case_data import build_worked

    made = build_worked(db)
    with db.reading() as session:
        vip = timeline(session, account_id=made["vip"])
        plain = timeline(session, account_id=made["plain"])
    vip_cases = [i for i in vip if i.source == "case"]  # beside the account's order
    assert [(i.kind, i.outcome, i.subject) for i in vip_cases] == [
        ("vip_complaint", "closed", "CS2026-00002 B")
    ]
    assert {i.kind for i in plain if i.source == "case"} == {"inquiry"}


def test_an_occurrence_done_shows_beside_its_series_and_the_account_sees_its_peoples_events(
    db, people
):
    """A visit of a weekly series marked done is its own item (the series at its first start);
    an event filed under a contact of the account is in the account's timeline too."""
    from crmdesk.services.accounts import AccountDraft, save_account
    from crmdesk.services.calendar import EventDraft, occurrences_between, save_event
    from crmdesk.services.calendar_tasks import mark_occurrence_done
    from crmdesk.services.contacts import get_contact, save_contact

    zhang = people["张三"]
    with db.transaction() as session:
        account_id, _ = save_account(session, AccountDraft(name="华东物流"))
        draft = get_contact(session, zhang).draft
        draft.account_id = account_id
        save_contact(session, draft)
        save_event(session, EventDraft(
            title="Weekly visit", kind=EventKind.VISIT, starts_at=T0,
            ends_at=T0 + dt.timedelta(hours=1), time_zone="UTC", rrule="FREQ=WEEKLY;COUNT=4",
            contact_id=zhang))  # fmt: skip
    with db.transaction() as session:
        second = occurrences_between(session, T0 + dt.timedelta(days=6), T0 + dt.timedelta(8))
        mark_occurrence_done(session, second[0])
    with db.reading() as session:
        both = (timeline(session, contact_id=zhang), timeline(session, account_id=account_id))
        for items in both:
            assert [(i.subject, i.when, i.outcome) for i in items] == [
                ("Weekly visit", T0 + dt.timedelta(days=7), "done"),
                ("Weekly visit", T0, "confirmed"),
            ]
