"""Plain records that calendar files are read into and written from (events and tasks).

Times are aware datetimes in UTC beside the IANA zone the event was planned in, so a weekly
09:00 meeting stays at 09:00 there across daylight-saving changes; all-day items carry dates
(the end exclusive, as iCalendar has it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from crmdesk.models.enums import EventKind, EventStatus


@dataclass(slots=True)
class AttendeeRecord:
    email: str = ""
    name: str = ""
    role: str = ""
    status: str = ""


@dataclass(slots=True)
class EventRecord:
    """One VEVENT or VTODO: a series' master, a single event, or one moved occurrence.

    `recurrence_id` (ISO 8601, UTC for timed events, a date for all-day ones) marks an occurrence
    that replaces the series' occurrence at that original start; `source_line` is the 1-based line
    of its BEGIN, to name it in a message."""

    uid: str = ""
    title: str = ""
    kind: EventKind = EventKind.MEETING
    status: EventStatus = EventStatus.CONFIRMED
    all_day: bool = False
    starts_at: dt.datetime | None = None
    ends_at: dt.datetime | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    time_zone: str = ""
    description: str = ""
    location: str = ""
    rrule: str = ""
    exdates: list[str] = field(default_factory=list)
    rdates: list[str] = field(default_factory=list)
    recurrence_id: str = ""
    sequence: int = 0
    reminders: list[int] = field(default_factory=list)  # minutes before the start
    attendees: list[AttendeeRecord] = field(default_factory=list)
    organizer: str = ""
    categories: list[str] = field(default_factory=list)
    source_line: int = 0

    @property
    def is_task(self) -> bool:
        return self.kind == EventKind.TASK


@dataclass(slots=True)
class CalendarProblem:
    """Something in a file that was read in a lesser way or not at all, with its line."""

    line: int
    message: str


@dataclass(slots=True)
class CalendarFile:
    events: list[EventRecord]
    problems: list[CalendarProblem] = field(default_factory=list)
    name: str = ""
