"""iCalendar files written by other programs, read as they mean; ours read back the same."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest
import recurring_ical_events
import x_wr_timezone

from crmdesk.core.errors import ImportFailed
from crmdesk.interop.event_records import EventRecord
from crmdesk.interop.ics import looks_like_icalendar, read_calendar, write_calendar
from crmdesk.models.enums import EventKind, EventStatus
from crmdesk.models.recurrence import Series, occurrences, stamp
from tests.conftest import SHARED

CALENDARS = SHARED / "interop" / "calendars"
FILES = sorted(CALENDARS.glob("*.ics"))
UTC = dt.UTC


def read(name: str) -> list[EventRecord]:
    return read_calendar((CALENDARS / name).read_bytes(), name).events


def occurrence_set(records: list[EventRecord], start: dt.datetime, end: dt.datetime) -> set:
    """(title, start) of every occurrence in the window, overrides replacing what they move."""
    moved = {(r.uid, r.recurrence_id): r for r in records if r.recurrence_id}
    found = set()
    for record in records:
        series = Series(
            record.starts_at or record.start_date,
            record.ends_at or record.end_date,
            record.time_zone,
            "" if record.recurrence_id else record.rrule,
            tuple(record.exdates),
            tuple(record.rdates),
        )
        for one in occurrences(series, start, end):
            if record.recurrence_id or (record.uid, one.recurrence_id) not in moved:
                found.add((record.title, stamp(one.start)))
    return found


def library_occurrences(path: Path, start: dt.datetime, end: dt.datetime) -> set:
    """What recurring-ical-events, the reference implementation, finds in the same window."""
    from crmdesk.interop.ics import _decoded, _repaired

    text = _repaired(_decoded(path.read_bytes()))
    calendar = x_wr_timezone.to_standard(icalendar.Calendar.from_ical(text))
    found = set()
    for item in recurring_ical_events.of(calendar, components=["VEVENT", "VTODO"]).between(
        start, end
    ):
        value = (item.get("DTSTART") or item.get("DUE")).dt
        if isinstance(value, dt.datetime) and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)  # floating: the laptop's zone, UTC in the tests
        found.add((str(item.get("SUMMARY", "")), stamp(value)))
    return found


@pytest.fixture(autouse=True)
def _laptop_in_utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_file_reads_and_its_occurrences_are_what_the_file_says(path):
    records = read_calendar(path.read_bytes(), path.name).events
    assert records and all(r.uid for r in records)  # one made up where the file has none
    for start, end in (
        (dt.datetime(2000, 1, 1, tzinfo=UTC), dt.datetime(2030, 1, 1, tzinfo=UTC)),
        (dt.datetime(2020, 9, 1, tzinfo=UTC), dt.datetime(2020, 10, 1, tzinfo=UTC)),
        (dt.datetime(2024, 6, 10, tzinfo=UTC), dt.datetime(2024, 7, 10, tzinfo=UTC)),
    ):
        assert occurrence_set(records, start, end) == library_occurrences(path, start, end)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_what_crmdesk_writes_reads_back_with_the_same_occurrences(path):
    records = read_calendar(path.read_bytes()).events
    written = write_calendar(records)
    icalendar.Calendar.from_ical(written)  # the library made for it accepts it
    back = read_calendar(written).events
    assert [(r.uid, r.title, r.kind, r.all_day, r.rrule) for r in back] == [
        (r.uid, r.title, r.kind, r.all_day, r.rrule) for r in records
    ]
    assert [r.reminders for r in back] == [r.reminders for r in records]
    window = (dt.datetime(2000, 1, 1, tzinfo=UTC), dt.datetime(2030, 1, 1, tzinfo=UTC))
    assert occurrence_set(back, *window) == occurrence_set(records, *window)


def test_a_written_calendar_carries_a_vtimezone_for_each_zone_it_uses():
    records = read("google_weekly_across_dst.ics") + read("outlook2010_meeting_windows_tz.ics")
    calendar = icalendar.Calendar.from_ical(write_calendar(records))
    zones = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
    assert zones == {"Europe/Lisbon", "America/New_York"}
    assert calendar["VERSION"] == "2.0" and "crmdesk" in str(calendar["PRODID"])


def test_a_weekly_meeting_keeps_its_wall_clock_time_across_daylight_saving():
    (meeting,) = read("google_weekly_across_dst.ics")
    series = Series(meeting.starts_at, meeting.ends_at, meeting.time_zone, meeting.rrule)
    found = occurrences(
        series, dt.datetime(2020, 10, 19, tzinfo=UTC), dt.datetime(2020, 11, 3, tzinfo=UTC)
    )
    # Lisbon leaves summer time on 25 October: 11:30 local is 10:30 UTC before, 11:30 after
    assert [o.start for o in found] == [
        dt.datetime(2020, 10, 19, 10, 30, tzinfo=UTC),
        dt.datetime(2020, 10, 26, 11, 30, tzinfo=UTC),
        dt.datetime(2020, 11, 2, 11, 30, tzinfo=UTC),
    ]


def test_windows_and_made_up_zone_names_become_iana_zones():
    (outlook,) = read("outlook2010_meeting_windows_tz.ics")
    assert outlook.time_zone == "America/New_York"
    assert outlook.starts_at == dt.datetime(2013, 6, 10, 16, 0, tzinfo=UTC)  # 12:00 EDT
    (commas,) = read("outlook2007_tzid_with_commas.ics")
    assert commas.time_zone.startswith("Australia/")  # "Canberra, Melbourne, Sydney"
    assert commas.starts_at == dt.datetime(2008, 5, 30, 5, 0, tzinfo=UTC)  # 15:00 AEST
    (standup,) = read("exchange_cdo_odd_tzid_rrule_spaces.ics")
    assert standup.time_zone == "Europe/Berlin"  # "GMT +0100 (Standard) / GMT +0200 …"
    assert standup.rrule.startswith("FREQ=DAILY;UNTIL=20150722T080000Z")  # CDO's \; repaired
    assert "BYDAY=MO,TU,WE,TH,FR" in standup.rrule


def test_tasks_alarms_durations_and_all_day_items():
    items = {r.title: r for r in read("thunderbird_alarms_todos_overrides.ics")}
    after_end = items["todo with alarm after end"]
    assert after_end.kind == EventKind.TASK and after_end.status == EventStatus.CONFIRMED
    assert after_end.starts_at == dt.datetime(2023, 12, 16, 9, 0, tzinfo=UTC)  # its DUE
    assert after_end.reminders == [-60]  # an hour after it is due
    assert items["todo with alarm"].rrule == "FREQ=DAILY;UNTIL=20231223T090000Z"
    (alarms,) = read("google_event_4_alarms.ics")
    assert alarms.reminders == [15, 14, 10]
    (duration,) = read("davx5_rdate_exdate_list_duration.ics")
    assert duration.ends_at - duration.starts_at == dt.timedelta(hours=1, minutes=30)
    holiday = read("calendarlabs_holidays_allday_empty_rrule.ics")[0]
    assert holiday.all_day and holiday.start_date == dt.date(2019, 1, 1)
    assert holiday.end_date == dt.date(2019, 1, 2)


def test_odd_parts_are_reported_with_their_line():
    data = (CALENDARS / "calendarlabs_holidays_allday_empty_rrule.ics").read_bytes()
    result = read_calendar(data)
    lines = data.decode().splitlines()
    assert result.problems
    for problem in result.problems:
        assert "RRULE" in problem.message
        assert lines[problem.line - 1].startswith("BEGIN:VEVENT")


def test_a_file_is_known_by_its_content_not_its_name():
    assert looks_like_icalendar(b"\xef\xbb\xbfBEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert not looks_like_icalendar(b"BEGIN:VCARD\r\nVERSION:3.0\r\n")
    with pytest.raises(ImportFailed, match="not an iCalendar file"):
        read_calendar(b"Name,Phone\nZhang San,123\n")


def test_a_broken_line_is_named():
    data = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nno colon here\r\nEND:VEVENT\r\n"
    with pytest.raises(ImportFailed) as failure:
        read_calendar(data)
    assert failure.value.line == 4


def test_an_event_without_a_start_is_skipped_and_named():
    data = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:no start\r\n"
        b"END:VEVENT\r\nBEGIN:VEVENT\r\nUID:b\r\nDTSTART:20240101T090000Z\r\nEND:VEVENT\r\n"
        b"END:VCALENDAR\r\n"
    )
    result = read_calendar(data)
    assert [r.uid for r in result.events] == ["b"]
    assert [(p.line, "DTSTART" in p.message) for p in result.problems] == [(3, True)]


def test_an_unknown_calendar_time_zone_is_a_problem_not_a_crash():
    """Found by tests/interop/test_fuzz.py: one flipped bit in X-WR-TIMEZONE."""
    from crmdesk.interop.ics import read_calendar

    data = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nX-WR-TIMEZONE:Europe/Londo.\r\n"
        b"BEGIN:VEVENT\r\nUID:a@x\r\nDTSTART:20240301T100000Z\r\nDTEND:20240301T110000Z\r\n"
        b"SUMMARY:Call\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    calendar = read_calendar(data, "x.ics")
    assert [e.title for e in calendar.events] == ["Call"]
    assert [p.line for p in calendar.problems] == [4]


def test_a_value_no_parser_takes_is_refused_naming_its_line():
    data = (CALENDARS / "google_weekly_across_dst.ics").read_bytes()
    broken = data.replace(b"TZOFFSETFROM:+0100", b"TZOFFSETFROM:+0100,x,x", 1)
    with pytest.raises(ImportFailed, match="cannot be read") as refused:
        read_calendar(broken, "dst.ics")
    assert refused.value.line == 12


UNREAD_LINES = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nX-WR-TIMEZONE:Asia/Shanghai\r\n"
    "BEGIN:VEVENT\r\nUID:u1@t\r\nDTSTAMP:20260101T000000Z\r\nCREATED:bad value\r\n"
    "LAST-MODIFIED:20260101T000000Z\r\nX-GOOGLE-CONFERENCE:https://meet.example/x\r\n"
    "X-MICROSOFT-CDO-BUSYSTATUS:BUSY\r\nX-CRMDESK-KIND:visit\r\nTRANSP:OPAQUE\r\n"
    "DTSTART:20260304T100000\r\nDTEND:20260304T110000\r\nSUMMARY:拜访\r\n"
    "DESCRIPTION:带上报价单\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:提醒\r\n"
    "TRIGGER:-PT30M\r\nEND:VALARM\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def test_properties_nothing_reads_are_left_out_and_the_rest_is_kept():
    from crmdesk.interop import ics

    repaired = ics._repaired(UNREAD_LINES)
    for gone in ("DTSTAMP", "CREATED", "LAST-MODIFIED", "X-GOOGLE", "X-MICROSOFT", "TRANSP",
                 "ACTION", "DESCRIPTION:提醒"):
        assert gone not in repaired, gone
    for kept in ("X-WR-TIMEZONE", "X-CRMDESK-KIND:visit", "DESCRIPTION:带上报价单",
                 "TRIGGER:-PT30M"):
        assert kept in repaired, kept
    (event,) = read_calendar(UNREAD_LINES.encode()).events
    assert (event.kind, event.description, event.reminders) == (EventKind.VISIT, "带上报价单", [30])
    assert event.time_zone == "Asia/Shanghai"  # the calendar's own X- line still applies
    assert event.starts_at == dt.datetime(2026, 3, 4, 2, tzinfo=dt.UTC)
    assert read_calendar(UNREAD_LINES.encode()).problems == []  # CREATED was never parsed
