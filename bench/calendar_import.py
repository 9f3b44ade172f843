"""Importing a 10k-event .ics file: prints {events, read_s, import_s, reimport_s, …} as JSON.

The file (written by our own writer) holds N events over two years in Shanghai time, every 50th
a weekly series with a moved occurrence, a third with an alarm. Timed in one run: reading the
file, importing it into an empty database (preview plan and write, one transaction), and
importing it again with a tenth of the events edited (a newer SEQUENCE: updates, the rest
unchanged). Target: the import under 10 s.

The host's speed drifts, so each figure is also given as a ratio to `baseline_s`, measured in
the same run: the same number of calendar rows, their reminders and a change-log row each
inserted by plain sqlite3 `executemany` (the floor of any Python importer writing them).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sqlite3
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from crmdesk.interop.event_records import EventRecord
from crmdesk.interop.ics import read_calendar, write_calendar
from crmdesk.services.calendar_import import CalendarAction, import_calendar
from crmdesk.store.db import Database

TODAY = dt.datetime.now(dt.UTC).replace(hour=0, minute=0, second=0, microsecond=0)


def records(n: int, seed: int = 5) -> list[EventRecord]:
    rng = random.Random(seed)
    found = []
    for i in range(n):
        start = TODAY + dt.timedelta(days=rng.randint(-365, 365), hours=rng.randint(0, 23))
        series = i % 50 == 0
        record = EventRecord(
            uid=f"bench-{i}@example", title=f"会议 {i}", starts_at=start,
            ends_at=start + dt.timedelta(hours=1), time_zone="Asia/Shanghai",
            rrule="FREQ=WEEKLY;COUNT=8" if series else "", reminders=[15] if i % 3 == 0 else [],
            location="上海" if i % 4 == 0 else "",
        )  # fmt: skip
        found.append(record)
        if series:  # its third occurrence moved an hour later
            third = start + dt.timedelta(days=14)
            found.append(replace(record, recurrence_id=third.isoformat(), rrule="",
                                 starts_at=third + dt.timedelta(hours=1),
                                 ends_at=third + dt.timedelta(hours=2), reminders=[]))
    return found


def edited(found: list[EventRecord]) -> list[EventRecord]:
    """A tenth of the events with a new title and a newer SEQUENCE."""
    return [replace(r, title=r.title + " (moved)", sequence=1) if i % 10 == 0 else r
            for i, r in enumerate(found)]  # fmt: skip


def timed_import(db: Database, data: bytes) -> tuple[float, float, dict[str, int]]:
    began = time.perf_counter()
    calendar = read_calendar(data, "bench.ics")
    read = time.perf_counter() - began
    with db.transaction() as session:
        result = import_calendar(session, calendar)
    return read, time.perf_counter() - began - read, result.plan.counts


def baseline(path: Path, n: int) -> float:
    """Plain sqlite3 inserts of n event rows, a reminder for a third and a log row each."""
    Database.open(path).dispose()  # the same schema and pragmas
    conn = sqlite3.connect(path)
    columns = [r[1] for r in conn.execute("PRAGMA table_info(calendar_events)")]
    now = TODAY.isoformat()
    rows = []
    for i in range(n):
        values = {c: "" for c in columns}
        values.update(id=f"{i:032x}", created_at=now, updated_at=now, version=1, all_day=0,
                      starts_at=now, ends_at=now, start_date=None, end_date=None,
                      exdates="[]", rdates="[]", attendees="[]", series_id=None, sequence=0,
                      span_start=now, span_end=now, long_span=0, contact_id=None,
                      account_id=None, opportunity_id=None, case_id=None, deleted_at=None,
                      title=f"会议 {i}", uid=f"bench-{i}@example")  # fmt: skip
        rows.append(tuple(values[c] for c in columns))
    log_columns = [r[1] for r in conn.execute("PRAGMA table_info(change_log)")]
    began = time.perf_counter()
    marks = ",".join("?" * len(columns))
    conn.executemany(f"INSERT INTO calendar_events ({','.join(columns)}) VALUES ({marks})", rows)
    reminder_columns = [r[1] for r in conn.execute("PRAGMA table_info(event_reminders)")]
    reminders = [tuple({"id": f"r{i:031x}", "event_id": f"{i:032x}", "minutes_before": 15,
                        "action": "display", "created_at": now, "updated_at": now,
                        "version": 1}.get(c) for c in reminder_columns)
                 for i in range(0, n, 3)]  # fmt: skip
    conn.executemany(f"INSERT INTO event_reminders ({','.join(reminder_columns)}) VALUES "
                     f"({','.join('?' * len(reminder_columns))})", reminders)  # fmt: skip
    log = [tuple({"id": f"l{i:031x}", "entity": "calendar_events", "entity_id": f"{i:032x}",
                  "action": "insert", "field": "*", "new": "{}", "at": now, "actor": "",
                  "batch_id": "b" * 32}.get(c, "") for c in log_columns)
           for i in range(n)]  # fmt: skip
    conn.executemany(f"INSERT INTO change_log ({','.join(log_columns)}) VALUES "
                     f"({','.join('?' * len(log_columns))})", log)  # fmt: skip
    conn.commit()
    seconds = time.perf_counter() - began
    conn.close()
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=10_000)
    args = parser.parse_args()
    found = records(args.events)
    first, second = write_calendar(found), write_calendar(edited(found))
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        floor = [baseline(tmp / "floor1.sqlite3", len(found))]
        db = Database.open(tmp / "import.sqlite3")
        read_s, import_s, counts = timed_import(db, first)
        _, reimport_s, again = timed_import(db, second)
        db.dispose()
        floor.append(baseline(tmp / "floor2.sqlite3", len(found)))
    base = min(floor)
    result = {
        "events": len(found), "series": args.events // 50, "read_s": round(read_s, 2),
        "import_s": round(import_s, 2), "import_total_s": round(read_s + import_s, 2),
        "reimport_s": round(reimport_s, 2), "new": counts[CalendarAction.NEW],
        "updated_again": again[CalendarAction.UPDATE],
        "unchanged_again": again[CalendarAction.UNCHANGED], "baseline_s": round(base, 3),
        "import_to_baseline": round(import_s / base, 1),
        "reimport_to_baseline": round(reimport_s / base, 1), "target_s": 10,
    }  # fmt: skip
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
