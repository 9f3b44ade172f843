"""Reminders that fall due: each occurrence's alarms whose moment lies in a window of time.

The window is read through occurrences_between (widened by the longest lead time), so a
reminder of a series' occurrence fires like one of a single event. An all-day occurrence's
alarm counts from its first midnight in the laptop's zone.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crmdesk.models import EventReminder
from crmdesk.services.calendar import EventOccurrence, occurrences_between


@dataclass(frozen=True, slots=True)
class DueReminder:
    """One alarm of one occurrence, and when it fires (aware, UTC)."""

    occurrence: EventOccurrence
    minutes_before: int
    fires_at: dt.datetime


def due_reminders(
    session: Session, start: dt.datetime, end: dt.datetime, zone: ZoneInfo,
    *, owner: str | None = None,
) -> list[DueReminder]:
    """The alarms firing in [start, end), in firing order."""
    lead = session.scalar(select(func.max(EventReminder.minutes_before))) or 0
    back = session.scalar(select(func.min(EventReminder.minutes_before))) or 0
    if lead == 0 and back == 0 and not session.scalar(select(func.count(EventReminder.id))):
        return []
    window_start = start - dt.timedelta(minutes=max(0, -back)) - dt.timedelta(days=1)
    window_end = end + dt.timedelta(minutes=max(0, lead)) + dt.timedelta(days=1)
    found = occurrences_between(session, window_start, window_end, owner=owner)
    ids = {o.event_id for o in found} | {o.series_id for o in found if o.series_id}
    leads: dict[uuid.UUID, list[int]] = defaultdict(list)
    for event_id, minutes in session.execute(
        select(EventReminder.event_id, EventReminder.minutes_before).where(
            EventReminder.event_id.in_(ids)
        )
    ):
        leads[event_id].append(minutes)
    due = []
    for one in found:
        minutes_list = leads.get(one.event_id) or (
            leads.get(one.series_id, []) if one.series_id and one.event_id == one.series_id
            else []
        )
        begin = one.start
        if not isinstance(begin, dt.datetime):
            begin = dt.datetime.combine(begin, dt.time(), tzinfo=zone)
        for minutes in minutes_list:
            fires = (begin - dt.timedelta(minutes=minutes)).astimezone(dt.UTC)
            if start <= fires < end:
                due.append(DueReminder(one, minutes, fires))
    return sorted(due, key=lambda d: (d.fires_at, d.occurrence.title))


__all__ = ["DueReminder", "due_reminders"]
