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
from crmdesk.models import CalendarEvent, Contact, Email
from crmdesk.models.activities import event_contacts
from crmdesk.models.enums import EventKind, EventStatus
from crmdesk.services.calendar import occurrences_between

_CHUNK = 500


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
        linked = select(event_contacts.c.event_id).where(event_contacts.c.contact_id == contact_id)
        query = query.where(
            or_(CalendarEvent.contact_id == contact_id, CalendarEvent.id.in_(linked))
        )
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
    people = contact_attendees(session, list(chosen))
    return [record_of(row, people.get(row.id, ())) for row in ordered]


def contact_attendees(
    session: Session, event_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[AttendeeRecord]]:
    """Each event's contacts that have an e-mail, as ATTENDEEs (their first address), so the
    receiving calendar invites them and our importer links them back."""
    found: dict[uuid.UUID, dict[uuid.UUID, AttendeeRecord]] = {}
    for start in range(0, len(event_ids), _CHUNK):
        query = (
            select(event_contacts.c.event_id, Contact, Email.address)
            .join(Contact, Contact.id == event_contacts.c.contact_id)
            .join(Email, Email.contact_id == Contact.id)
            .where(event_contacts.c.event_id.in_(event_ids[start : start + _CHUNK]),
                   Contact.deleted_at.is_(None), Email.deleted_at.is_(None))
            .order_by(Contact.sort_key, Email.is_primary.desc(), Email.position)
        )  # fmt: skip
        for event_id, contact, address in session.execute(query):
            people = found.setdefault(event_id, {})
            if contact.id not in people:
                name = contact.display_name or contact.organization
                people[contact.id] = AttendeeRecord(address, name, "REQ-PARTICIPANT")
    return {event_id: list(people.values()) for event_id, people in found.items()}


def record_of(row: CalendarEvent, contacts: Iterable[AttendeeRecord] = ()) -> EventRecord:
    """The event as a calendar record: its stored attendees, then its contacts not among them."""
    stored = [AttendeeRecord(**{k: str(a.get(k, "")) for k in ("email", "name", "role",
                                                                "status")})
              for a in row.attendees]  # fmt: skip
    known = {a.email.lower() for a in stored if a.email}
    extra = [a for a in contacts if a.email.lower() not in known]
    return EventRecord(
        uid=row.uid or f"{row.id}@crmdesk", title=row.title, kind=EventKind(row.kind),
        status=EventStatus(row.status), all_day=row.all_day, starts_at=row.starts_at,
        ends_at=row.ends_at, start_date=row.start_date, end_date=row.end_date,
        time_zone=row.time_zone or "UTC", description=row.description, location=row.location,
        rrule=row.rrule, exdates=list(row.exdates), rdates=list(row.rdates),
        recurrence_id=row.recurrence_id, sequence=row.sequence,
        reminders=sorted((r.minutes_before for r in row.reminders), reverse=True),
        attendees=[*stored, *extra],
    )
