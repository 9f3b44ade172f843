"""Calendar files imported into a real database: what they say is what the calendar shows."""

from __future__ import annotations

import datetime as dt

import pytest

from crmdesk.interop.ics import read_calendar
from crmdesk.models import CalendarEvent
from crmdesk.models.recurrence import stamp
from crmdesk.services.calendar import occurrences_between
from crmdesk.services.calendar_import import (
    CalendarAction,
    import_calendar,
    plan_calendar_import,
)
from tests.conftest import SHARED
from tests.interop.test_ics import FILES, library_occurrences

UTC = dt.UTC
WINDOWS = (
    (dt.datetime(2000, 1, 1, tzinfo=UTC), dt.datetime(2030, 1, 1, tzinfo=UTC)),
    (dt.datetime(2020, 9, 14, tzinfo=UTC), dt.datetime(2020, 9, 21, tzinfo=UTC)),
    (dt.datetime(2024, 6, 1, tzinfo=UTC), dt.datetime(2024, 7, 1, tzinfo=UTC)),
)


@pytest.fixture(autouse=True)
def _laptop_in_utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")


def imported(db, path, text: bytes | None = None):
    calendar = read_calendar(text or path.read_bytes(), path.name)
    with db.transaction() as session:
        return import_calendar(session, calendar)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_file_imports_and_the_calendar_shows_what_it_says(db, path):
    result = imported(db, path)
    assert result.plan.count(CalendarAction.NEW) == len(result.plan.items) > 0
    for start, end in WINDOWS:
        with db.reading() as session:
            shown = occurrences_between(session, start, end, include_cancelled=True)
        assert {(o.title, stamp(o.start)) for o in shown} == library_occurrences(path, start, end)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_importing_the_same_file_again_changes_nothing(db, path):
    imported(db, path)
    with db.reading() as session:
        before = session.query(CalendarEvent).count()
    again = imported(db, path)
    assert again.plan.count(CalendarAction.UNCHANGED) == len(again.plan.items)
    assert again.changes.is_empty
    with db.reading() as session:
        assert session.query(CalendarEvent).count() == before


def _one_event(sequence: int, title: str) -> bytes:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\nBEGIN:VEVENT\r\nUID:visit-1@example\r\n"
        f"SEQUENCE:{sequence}\r\nSUMMARY:{title}\r\nDTSTART;TZID=Asia/Shanghai:20260303T090000\r\n"
        "DTEND;TZID=Asia/Shanghai:20260303T100000\r\n"
        "ATTENDEE;CN=张三:mailto:Zhang.San@example.cn\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()


def test_a_newer_sequence_updates_and_an_older_one_is_left(db, people, tmp_path):
    path = tmp_path / "visit.ics"
    first = imported(db, path, _one_event(1, "拜访张三"))
    (event_id,) = first.changes.events
    newer = imported(db, path, _one_event(2, "拜访张三（改期）"))
    assert newer.plan.count(CalendarAction.UPDATE) == 1 and newer.changes.events == {event_id}
    older = imported(db, path, _one_event(1, "旧版本"))
    assert older.plan.count(CalendarAction.UNCHANGED) == 1
    with db.reading() as session:
        row = session.get(CalendarEvent, event_id)
        assert (row.title, row.sequence) == ("拜访张三（改期）", 2)
        assert row.starts_at == dt.datetime(2026, 3, 3, 1, tzinfo=UTC)
        assert row.time_zone == "Asia/Shanghai"
        assert row.contact_id == people["张三"]  # the attendee's e-mail is the contact's


def test_a_moved_occurrence_belongs_to_its_series(db):
    imported(db, SHARED / "interop" / "calendars" / "google_recurring_moved_allday.ics")
    with db.reading() as session:
        rows = session.query(CalendarEvent).all()
        masters = {r.uid: r.id for r in rows if not r.recurrence_id}
        moved = [r for r in rows if r.recurrence_id]
        assert moved and all(r.series_id == masters[r.uid] for r in moved)


def test_the_preview_writes_nothing(db):
    path = FILES[0]
    with db.reading() as session:
        plan = plan_calendar_import(session, read_calendar(path.read_bytes()))
        assert plan.count(CalendarAction.NEW) == len(plan.items)
        assert session.query(CalendarEvent).count() == 0


def test_an_import_is_logged_and_taken_back_whole(db):
    """Events and alarms written in bulk are in the change log of the import's batch: undoing
    it leaves nothing, and the spans the bulk writer computed find the events."""
    from crmdesk.models import ChangeLogEntry, EventReminder
    from crmdesk.models.changelog import session_batch
    from crmdesk.models.recurrence import span_of
    from crmdesk.services.calendar import event_series
    from crmdesk.services.history import revert_batch

    path = SHARED / "interop" / "calendars" / "davx5_rrule_exdate_override_alarm.ics"
    calendar = read_calendar(path.read_bytes(), path.name)
    with db.transaction() as session:
        import_calendar(session, calendar)
        batch = session_batch(session)
    with db.reading() as session:
        events = session.query(CalendarEvent).all()
        reminders = session.query(EventReminder).count()
        assert events and reminders
        for row in events:
            span = span_of(event_series(row))
            assert (row.span_start, row.span_end, row.long_span) == (span.start, span.end,
                                                                     span.long)
        logged = {(e.entity, e.action) for e in session.query(ChangeLogEntry)
                  .filter(ChangeLogEntry.batch_id == batch)}
        assert {("calendar_events", "insert"), ("event_reminders", "insert")} <= logged
    with db.transaction() as session:
        revert_batch(session, batch)
    with db.reading() as session:
        assert session.query(CalendarEvent).filter(CalendarEvent.deleted_at.is_(None)).count() == 0
