"""`crmdesk events list|show|export` and `crmdesk import FILE.ics`, run as real processes
against a real file, in a laptop zone set by TZ."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from crmdesk.models import CalendarEvent
from crmdesk.models.enums import EventKind
from crmdesk.services.accounts import AccountDraft, save_account
from crmdesk.services.calendar import EventDraft, save_event
from crmdesk.store.db import Database
from tests.conftest import SHARED

SHANGHAI = ZoneInfo("Asia/Shanghai")


def run(*args: str, zone: str = "Asia/Shanghai", check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "crmdesk", *args],
        capture_output=True, text=True, timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8", "TZ": zone},
    )  # fmt: skip
    if check:
        assert result.returncode == 0, result.stderr
    return result


def lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def at(day: int, hour: int, zone: ZoneInfo = SHANGHAI, month: int = 3) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, tzinfo=zone).astimezone(dt.UTC)


@pytest.fixture
def planned(db: Database) -> dict[str, object]:
    """A weekly visit series for an account, an all-day task, another owner's call."""
    with db.transaction() as session:
        account_id = save_account(session, AccountDraft(name="华东物流"))[0]
        visit, _ = save_event(session, EventDraft(
            title="Weekly visit", kind=EventKind.VISIT, starts_at=at(2, 9), ends_at=at(2, 10),
            time_zone="Asia/Shanghai", rrule="FREQ=WEEKLY;COUNT=10", owner="wang",
            account_id=account_id, location="上海"))  # fmt: skip
        task, _ = save_event(session, EventDraft(
            title="Send quote", kind=EventKind.TASK, all_day=True,
            start_date=dt.date(2026, 3, 4), owner="wang"))  # fmt: skip
        call, _ = save_event(session, EventDraft(
            title="Call Li", kind=EventKind.CALL, starts_at=at(3, 14), ends_at=at(3, 15),
            time_zone="Asia/Shanghai", owner="li"))  # fmt: skip
    return {"path": str(db.url.database), "account": account_id, "visit": visit, "task": task,
            "call": call}  # fmt: skip


def test_list_prints_occurrences_in_start_order_with_offsets(planned) -> None:
    path = planned["path"]
    rows = lines(run("events", "list", "--from", "2026-03-02", "--to", "2026-03-16",
                     "--json", "--db", path).stdout)  # fmt: skip
    assert [(r["title"], r["start"]) for r in rows] == [
        ("Weekly visit", "2026-03-02T09:00:00+08:00"),
        ("Call Li", "2026-03-03T14:00:00+08:00"),
        ("Send quote", "2026-03-04"),
        ("Weekly visit", "2026-03-09T09:00:00+08:00"),
    ]
    visit = rows[0]
    assert visit["end"] == "2026-03-02T10:00:00+08:00" and not visit["all_day"]
    assert visit["kind"] == "visit" and visit["status"] == "confirmed"
    assert visit["account"] == "华东物流" and visit["uid"].endswith("@crmdesk")
    assert visit["id"] == str(planned["visit"]) and visit["recurrence_id"]
    assert rows[2]["end"] == "2026-03-05" and rows[2]["all_day"]


def test_list_filters_by_owner_and_account_and_reads_datetimes(planned) -> None:
    path = planned["path"]
    li = lines(run("events", "list", "--from", "2026-03-01", "--to", "2026-03-31", "--owner",
                   "li", "--json", "--db", path).stdout)  # fmt: skip
    assert [r["title"] for r in li] == ["Call Li"]
    short = planned["account"].hex[-8:]
    theirs = lines(run("events", "list", "--from", "2026-03-01", "--to", "2026-03-31",
                       "--account", short, "--json", "--db", path).stdout)  # fmt: skip
    assert [r["start"][:10] for r in theirs] == ["2026-03-02", "2026-03-09", "2026-03-16",
                                                 "2026-03-23", "2026-03-30"]
    # a date and time with an offset; UTC 01:30 is 09:30 in Shanghai, inside the first visit
    window = lines(run("events", "list", "--from", "2026-03-02T01:30:00Z", "--to",
                       "2026-03-02T02:00+00:00", "--json", "--db", path).stdout)  # fmt: skip
    assert [r["title"] for r in window] == ["Weekly visit"]
    plain = run("events", "list", "--from", "2026-03-02", "--to", "2026-03-03", "--db", path)
    assert plain.stdout.splitlines()[0].split("\t")[1] == "2026-03-02T09:00:00+08:00"


def test_a_date_means_midnight_in_the_laptops_zone(planned) -> None:
    """The visit at 09:00 in Shanghai on 2 March is still 1 March in New York."""
    path = planned["path"]
    day = ("events", "list", "--from", "2026-03-01", "--to", "2026-03-02", "--json", "--db", path)
    assert lines(run(*day).stdout) == []
    rows = lines(run(*day, zone="America/New_York").stdout)
    assert [(r["title"], r["start"]) for r in rows] == [
        ("Weekly visit", "2026-03-01T20:00:00-05:00")]


def test_a_series_keeps_its_wall_clock_time_across_dst(db: Database) -> None:
    berlin = ZoneInfo("Europe/Berlin")
    with db.transaction() as session:
        save_event(session, EventDraft(
            title="Stand-up", starts_at=at(23, 9, berlin), ends_at=at(23, 10, berlin),
            time_zone="Europe/Berlin", rrule="FREQ=WEEKLY"))  # fmt: skip
    rows = lines(run("events", "list", "--from", "2026-03-20", "--to", "2026-04-04", "--json",
                     "--db", str(db.url.database), zone="Europe/Berlin").stdout)  # fmt: skip
    assert [r["start"] for r in rows] == ["2026-03-23T09:00:00+01:00",
                                          "2026-03-30T09:00:00+02:00"]


def test_show_and_errors_are_one_line(planned) -> None:
    path = planned["path"]
    shown = json.loads(run("events", "show", planned["visit"].hex[-8:], "--json", "--db",
                           path).stdout)  # fmt: skip
    assert shown["title"] == "Weekly visit" and shown["rrule"] == "FREQ=WEEKLY;COUNT=10"
    assert shown["start"] == "2026-03-02T09:00:00+08:00" and shown["time_zone"] == "Asia/Shanghai"
    assert shown["account"] == "华东物流" and shown["location"] == "上海"
    text = run("events", "show", planned["task"].hex, "--db", path).stdout
    assert text.splitlines()[0] == "Send quote" and "2026-03-04" in text
    for bad in (("events", "show", "zzzzzz"), ("events", "list", "--from", "March"),
                ("events", "list", "--from", "2026-03-05", "--to", "2026-03-01"),
                ("events", "list", "--account", "ffffffffff")):  # fmt: skip
        failed = run(*bad, "--db", path, check=False)
        assert failed.returncode == 1 and len(failed.stderr.strip().splitlines()) == 1, bad
        assert failed.stderr.startswith("crmdesk: ") and "Traceback" not in failed.stderr


def test_export_writes_valid_ics_that_imports_with_the_same_occurrences(
    planned, tmp_path: Path
) -> None:
    path = planned["path"]
    out = tmp_path / "week.ics"
    done = json.loads(run("events", "export", "-o", str(out), "--from", "2026-03-02", "--to",
                          "2026-03-04", "--json", "--db", path).stdout)  # fmt: skip
    assert done == {"path": str(out), "events": 2}  # the series (whole) and the call
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    assert {str(c["SUMMARY"]) for c in calendar.walk("VEVENT")} == {"Weekly visit", "Call Li"}
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    every = tmp_path / "all.ics"
    run("export", "events", "-o", str(every), "--db", path)
    assert len(icalendar.Calendar.from_ical(every.read_bytes()).walk("VEVENT")) == 2
    assert len(icalendar.Calendar.from_ical(every.read_bytes()).walk("VTODO")) == 1

    other = str(tmp_path / "other.sqlite3")
    Database.open(other).dispose()
    preview = lines(run("import", str(every), "--dry-run", "--json", "--db", other).stdout)
    assert preview[0]["preview"]["new"] == 3 and preview[0]["preview"]["source"] == "icalendar"
    first = lines(run("import", str(every), "--json", "--db", other).stdout)
    assert first[-1]["result"]["new"] == 3
    again = lines(run("import", str(every), "--json", "--db", other).stdout)
    assert again[-1]["result"] == {"new": 0, "update": 0, "unchanged": 3, "problems": 0}
    window = ("events", "list", "--from", "2026-03-01", "--to", "2026-05-31", "--json")
    assert [(r["title"], r["start"], r["end"]) for r in lines(run(*window, "--db", other).stdout)]\
        == [(r["title"], r["start"], r["end"]) for r in lines(run(*window, "--db", path).stdout)]


def test_import_knows_a_calendar_by_its_content(db: Database, tmp_path: Path) -> None:
    source = SHARED / "interop" / "calendars" / "google_weekly_across_dst.ics"
    disguised = tmp_path / "export.txt"
    disguised.write_bytes(source.read_bytes())
    path = str(db.url.database)
    result = lines(run("import", str(disguised), "--json", "--db", path).stdout)
    assert result[-1]["result"]["new"] > 0
    with db.reading() as session:
        assert session.query(CalendarEvent).count() == result[-1]["result"]["new"]
    text = run("import", str(disguised), "--dry-run", "--db", path).stdout
    assert "(iCalendar)" in text and "unchanged" in text


def test_a_broken_calendar_is_one_line_and_nothing_written(db: Database, tmp_path: Path) -> None:
    broken = tmp_path / "broken.ics"
    broken.write_bytes(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\n"
                       b"DTSTART;VALUE=DATE:2026\r\n\x00this is no content line\r\n")  # fmt: skip
    failed = run("import", str(broken), "--db", str(db.url.database), check=False)
    assert failed.returncode == 1 and len(failed.stderr.strip().splitlines()) == 1
    assert "Traceback" not in failed.stderr
    not_a_calendar = tmp_path / "notes.csv"
    not_a_calendar.write_text("name\nZhang\n")
    wrong = run("import", str(not_a_calendar), "--kind", "events", "--db",
                str(db.url.database), check=False)  # fmt: skip
    assert wrong.returncode == 1 and "iCalendar" in wrong.stderr
    with db.reading() as session:
        assert session.query(CalendarEvent).count() == 0
