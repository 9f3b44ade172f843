"""Calendar windows over a large calendar: prints {events, series, week_ms, month_ms, …} as JSON.

Builds N events (2% of them weekly or daily series, some without end, some with exceptions)
spread over five years around today, with Core inserts and each row's span from span_of (the
rule the ORM hook applies), then times occurrences_between for random weeks and months against
the raw SQL range query for the same windows, measured in the same run (the ratio is the
target: within 5x); then the Calendar pane switched to random weeks and months (model ready
and view painted offscreen) against the same raw query; and an .ics import of 10k events.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from crmdesk.interop.event_records import EventRecord
from crmdesk.interop.ics import read_calendar, write_calendar
from crmdesk.models import CalendarEvent, new_id
from crmdesk.models.enums import EventKind
from crmdesk.models.recurrence import Series, span_of
from crmdesk.services.calendar import occurrences_between, window_query
from crmdesk.services.calendar_import import import_calendar
from crmdesk.store.db import Database

UTC = dt.UTC
TODAY = dt.datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
ZONES = ("Asia/Shanghai", "Asia/Shanghai", "Asia/Shanghai", "Europe/Berlin", "America/New_York")
RULES = ("FREQ=WEEKLY", "FREQ=WEEKLY;COUNT=12", "FREQ=DAILY;COUNT=30", "FREQ=WEEKLY;INTERVAL=2",
         "FREQ=MONTHLY;BYDAY=1MO", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR")


def _row(rng: random.Random, series: bool) -> dict[str, object]:
    day, minute = rng.randint(-3 * 365, 2 * 365), rng.randint(0, 40) * 15
    start = TODAY + dt.timedelta(days=day, minutes=minute)
    end = start + dt.timedelta(minutes=rng.choice((15, 30, 60, 90, 120)))
    zone = rng.choice(ZONES)
    rrule = rng.choice(RULES) if series else ""
    exdates = [(start + dt.timedelta(days=7)).isoformat()] if series and rng.random() < 0.3 else []
    span = span_of(Series(start, end, zone, rrule, tuple(exdates)))
    event_id = new_id()
    return {
        "id": event_id, "uid": f"{event_id}@bench", "title": f"Visit {rng.randrange(10**6)}",
        "description": "", "location": "", "kind": rng.choice(list(EventKind)),
        "status": "confirmed", "all_day": False, "starts_at": start, "ends_at": end,
        "time_zone": zone, "rrule": rrule, "exdates": exdates, "rdates": [],
        "recurrence_id": "", "attendees": [], "owner": rng.choice(("li.lei", "han.meimei")),
        "sequence": 0, "span_start": span.start, "span_end": span.end, "long_span": span.long,
        "created_at": TODAY, "updated_at": TODAY, "version": 1,
    }


def build(path: Path, n: int, series_share: float, seed: int = 11) -> None:
    rng = random.Random(seed)
    db = Database.open(path)
    with db.engine.begin() as connection:
        batch = []
        for i in range(n):
            batch.append(_row(rng, rng.random() < series_share))
            if len(batch) == 5000 or i == n - 1:
                connection.execute(insert(CalendarEvent.__table__), batch)
                batch = []
        connection.exec_driver_sql("ANALYZE")
    db.dispose()


def _windows(rng: random.Random, days: int, count: int) -> list[tuple[dt.datetime, dt.datetime]]:
    starts = [TODAY + dt.timedelta(days=rng.randint(-400, 400)) for _ in range(count)]
    return [(s, s + dt.timedelta(days=days)) for s in starts]


def _timed(db: Database, windows, work) -> list[float]:
    times = []
    for start, end in windows:
        with db.reading() as session:
            began = time.perf_counter()
            work(session, start, end)
            times.append((time.perf_counter() - began) * 1000)
    return times


def measure(db: Database, days: int, count: int = 30) -> dict[str, float]:
    windows = _windows(random.Random(days), days, count)
    raw = _timed(db, windows, lambda s, a, b: s.execute(window_query(a, b)).all())
    ours = _timed(db, windows, lambda s, a, b: occurrences_between(s, a, b))
    found = 0
    with db.reading() as session:
        found = len(occurrences_between(session, *windows[0]))
    return {
        "ms_median": round(statistics.median(ours), 2),
        "ms_p95": round(sorted(ours)[int(len(ours) * 0.95) - 1], 2),
        "raw_sql_ms_median": round(statistics.median(raw), 2),
        "ratio_to_raw_sql": round(statistics.median(ours) / statistics.median(raw), 2),
        "occurrences_first_window": found,
    }


def measure_pane(db: Database, view_name: str, count: int = 20) -> dict[str, float]:
    """Switch the Calendar pane to random weeks or months: from the switch until the model
    has its answer and the view is painted offscreen, against the raw SQL range query of the
    same window, both in this run."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from crmdesk.views.calendar.pane import CalendarPane, CalendarView
    from crmdesk.views.calendar.range_model import utc_window
    from crmdesk.views.shell.bus import DataBus

    app = QApplication.instance() or QApplication([])
    pane = CalendarPane(db, DataBus(), QUndoStack())
    pane.resize(1366, 768)
    pane.show()
    pane.set_view(CalendarView[view_name])

    def settled() -> None:
        while pane.model.is_loading:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)

    settled()
    rng = random.Random(len(view_name))
    shown, raw, counts = [], [], []
    for _ in range(count):
        day = TODAY.date() + dt.timedelta(days=rng.randint(-400, 400))
        began = time.perf_counter()
        pane.go_to(day)
        settled()
        pane.views.currentWidget().grab()  # painted offscreen
        shown.append((time.perf_counter() - began) * 1000)
        counts.append(len(pane.model.occurrences))
        start, end = utc_window(*pane.visible_range(), pane.model.zone)
        raw.extend(_timed(db, [(start, end)], lambda s, a, b: s.execute(window_query(a, b)).all()))
    pane.close()
    pane.deleteLater()
    app.processEvents()
    return {
        "shown_ms_median": round(statistics.median(shown), 2),
        "shown_ms_p95": round(sorted(shown)[int(len(shown) * 0.95) - 1], 2),
        "raw_sql_ms_median": round(statistics.median(raw), 2),
        "ratio_to_raw_sql": round(statistics.median(shown) / statistics.median(raw), 2),
        "occurrences_median": statistics.median(counts),
    }


def measure_import(tmp: Path, n: int) -> dict[str, float]:
    rng = random.Random(5)
    records = []
    for i in range(n):
        start = TODAY + dt.timedelta(days=rng.randint(-365, 365), hours=rng.randint(0, 23))
        records.append(EventRecord(uid=f"bench-{i}@example", title=f"会议 {i}",
                                   starts_at=start, ends_at=start + dt.timedelta(hours=1),
                                   time_zone="Asia/Shanghai",
                                   rrule="FREQ=WEEKLY;COUNT=8" if i % 50 == 0 else "",
                                   reminders=[15] if i % 3 == 0 else []))
    data = write_calendar(records)
    db = Database.open(tmp / "import.sqlite3")
    began = time.perf_counter()
    calendar = read_calendar(data)
    with db.transaction() as session:
        import_calendar(session, calendar)
    seconds = time.perf_counter() - began
    db.dispose()
    return {"events": n, "seconds": round(seconds, 2), "target_s": 10}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--series", type=int, default=2_000)
    parser.add_argument("--import-events", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        began = time.perf_counter()
        build(tmp / "calendar.sqlite3", args.events, args.series / args.events)
        built = time.perf_counter() - began
        db = Database.open(tmp / "calendar.sqlite3")
        week, month = measure(db, 7), measure(db, 42)
        pane = {"week": measure_pane(db, "WEEK"), "month": measure_pane(db, "MONTH")}
        db.dispose()
        result = {
            "events": args.events, "series": args.series, "build_s": round(built, 1),
            "week": week, "month": month, "pane": pane, "target_ms": 100, "target_ratio": 5,
            "import": measure_import(tmp, args.import_events),
        }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
