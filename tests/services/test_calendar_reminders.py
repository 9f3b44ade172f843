"""Reminders falling due in a window: single events, a series' occurrences, all-day ones."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from crmdesk.services.calendar import EventDraft, save_event
from crmdesk.services.calendar_reminders import due_reminders

UTC = dt.UTC
SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=UTC)


def test_alarms_fire_in_their_window_for_events_series_and_all_day_ones(db):
    with db.transaction() as session:
        save_event(session, EventDraft(title="Visit", starts_at=at(2026, 3, 4, 2),
                                       ends_at=at(2026, 3, 4, 3), reminders=[15, 60]))
        save_event(session, EventDraft(title="Stand-up", starts_at=at(2026, 3, 2, 1),
                                       ends_at=at(2026, 3, 2, 1, 15), rrule="FREQ=DAILY;COUNT=5",
                                       reminders=[10]))
        save_event(session, EventDraft(title="Trade fair", all_day=True,
                                       start_date=dt.date(2026, 3, 5), reminders=[0]))
        save_event(session, EventDraft(title="Quiet", starts_at=at(2026, 3, 4, 1, 30)))
    with db.reading() as session:
        found = due_reminders(session, at(2026, 3, 4, 0), at(2026, 3, 4, 2), SHANGHAI)
        late = due_reminders(session, at(2026, 3, 4, 15), at(2026, 3, 4, 17), SHANGHAI)
    assert [(d.occurrence.title, d.fires_at) for d in found] == [
        ("Stand-up", at(2026, 3, 4, 0, 50)),
        ("Visit", at(2026, 3, 4, 1)),
        ("Visit", at(2026, 3, 4, 1, 45)),
    ]
    assert [(d.occurrence.title, d.fires_at) for d in late] == [
        ("Trade fair", at(2026, 3, 4, 16))  # midnight in Shanghai
    ]
