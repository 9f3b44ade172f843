"""Events written to .ics and read back: the same occurrences, by our reader and icalendar's."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
import recurring_ical_events

from crmdesk.interop.ics import read_calendar, write_calendar
from crmdesk.models.enums import EventKind
from crmdesk.models.recurrence import stamp
from crmdesk.services.calendar import EventDraft, occurrences_between, save_event
from crmdesk.services.calendar_export import events_for_export
from crmdesk.services.calendar_import import import_calendar
from tests.conftest import SHARED

UTC = dt.UTC


@pytest.fixture(autouse=True)
def _laptop_in_utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")


def test_a_range_exports_its_series_whole_and_reads_back_the_same(db, tmp_path):
    path = SHARED / "interop" / "calendars" / "google_recurring_moved_allday.ics"
    with db.transaction() as session:
        import_calendar(session, read_calendar(path.read_bytes()))
        save_event(session, EventDraft("拜访华为", kind=EventKind.VISIT,
                                       starts_at=dt.datetime(2023, 8, 9, 1, tzinfo=UTC),
                                       ends_at=dt.datetime(2023, 8, 9, 2, tzinfo=UTC),
                                       time_zone="Asia/Shanghai"))
    start, end = dt.datetime(2023, 8, 1, tzinfo=UTC), dt.datetime(2023, 9, 1, tzinfo=UTC)
    with db.reading() as session:
        records = events_for_export(session, start=start, end=end)
        ours = {(o.title, stamp(o.start)) for o in occurrences_between(session, start, end)}
    data = write_calendar(records)
    calendar = icalendar.Calendar.from_ical(data)
    theirs = {
        (str(c["SUMMARY"]), stamp(c["DTSTART"].dt))
        for c in recurring_ical_events.of(calendar).between(start, end)
    }
    assert theirs == ours and ("拜访华为", "2023-08-09T01:00:00+00:00") in ours
    assert "Asia/Shanghai" in {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
    again = read_calendar(data).events
    assert sorted(r.uid for r in again) == sorted(r.uid for r in records)


def test_nothing_asked_for_exports_nothing(db):
    with db.reading() as session:
        assert events_for_export(session) == []
