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
