"""Events as calendar records for an .ics file: a date range, a contact's, or chosen ones.

A series is written whole (its rule, exceptions and moved occurrences) when any of it falls in
the range, so the receiving calendar shows the same occurrences crmdesk does.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from crmdesk.interop.event_records import AttendeeRecord, EventRecord
from crmdesk.models import CalendarEvent
from crmdesk.models.enums import EventKind, EventStatus
from crmdesk.services.calendar import occurrences_between


def events_for_export(
    session: Session,
    *,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    contact_id: uuid.UUID | None = None,
    ids: Iterable[uuid.UUID] = (),
    everything: bool = False,
) -> list[EventRecord]:
    """The records to write: events touching [start, end), a contact's, the given ids, or
    (`everything`) every live event, each series with its moved occurrences, masters first."""
    wanted: set[uuid.UUID] = set(ids)
    if start is not None and end is not None:  # what has an occurrence there, not a mere span
        found = occurrences_between(session, start, end, include_cancelled=True)
        wanted |= {one.series_id or one.event_id for one in found}
    query = select(CalendarEvent).where(CalendarEvent.deleted_at.is_(None))
    if contact_id is not None:
        query = query.where(CalendarEvent.contact_id == contact_id)
    elif wanted:
        query = query.where(CalendarEvent.id.in_(wanted))
    elif not everything:
        return []
    rows = list(session.scalars(query))
    series = {r.series_id or r.id for r in rows}
    family = session.scalars(
        select(CalendarEvent).where(
            CalendarEvent.deleted_at.is_(None),
            or_(CalendarEvent.id.in_(series), CalendarEvent.series_id.in_(series)),
        )
    )
    chosen = {r.id: r for r in [*rows, *family]}
    ordered = sorted(chosen.values(), key=lambda r: (bool(r.recurrence_id), r.uid, r.id))
    return [record_of(row) for row in ordered]


def record_of(row: CalendarEvent) -> EventRecord:
    return EventRecord(
        uid=row.uid or f"{row.id}@crmdesk", title=row.title, kind=EventKind(row.kind),
        status=EventStatus(row.status), all_day=row.all_day, starts_at=row.starts_at,
        ends_at=row.ends_at, start_date=row.start_date, end_date=row.end_date,
        time_zone=row.time_zone or "UTC", description=row.description, location=row.location,
        rrule=row.rrule, exdates=list(row.exdates), rdates=list(row.rdates),
        recurrence_id=row.recurrence_id, sequence=row.sequence,
        reminders=sorted((r.minutes_before for r in row.reminders), reverse=True),
        attendees=[AttendeeRecord(**{k: str(a.get(k, "")) for k in ("email", "name", "role",
                                                                      "status")})
                   for a in row.attendees],
    )
