"""Importing a calendar file: a preview of what would change, then one transaction.

An item is matched by its UID and recurrence id (a moved occurrence has both), so importing the
same file again updates instead of duplicating; a newer SEQUENCE wins, an older one is left as
it is. Attendees whose e-mail belongs to a contact link the event to those contacts (the
first is the one it is filed under, with its account).
The plan is made again inside the write transaction, so what another writer did in between is
seen.

New events (nearly all of a first import) and their alarms go in through the one logged bulk
writer (`store.bulk`), their spans computed as the ORM hook would; the events a file changes
are updated through the ORM, which logs their replaced alarms as it deletes them.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session, selectinload

from crmdesk.interop.event_records import CalendarFile, CalendarProblem, EventRecord
from crmdesk.models import CalendarEvent, Contact, Email, EventReminder
from crmdesk.models.activities import event_contacts, series_of
from crmdesk.models.recurrence import span_of
from crmdesk.services.changes import Changes, changes_in, report
from crmdesk.services.history import note_batch
from crmdesk.services.importing.common import ImportCancelled
from crmdesk.store.bulk import BulkWriter

MAX_EVENTS = 200_000  # a file holding more is refused before anything is planned


class CalendarAction(StrEnum):
    NEW = "new"
    UPDATE = "update"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class PlannedEvent:
    record: EventRecord
    action: CalendarAction
    existing: uuid.UUID | None


@dataclass(frozen=True)
class CalendarPlan:
    """What importing the file would do; `problems` are lines read in a lesser way or skipped."""

    name: str
    items: tuple[PlannedEvent, ...]
    problems: tuple[CalendarProblem, ...]

    def count(self, action: CalendarAction) -> int:
        return sum(1 for item in self.items if item.action == action)

    @property
    def counts(self) -> dict[str, int]:
        return {a.value: self.count(a) for a in CalendarAction} | {"problems": len(self.problems)}


@dataclass(frozen=True)
class CalendarImportResult:
    plan: CalendarPlan
    changes: Changes = field(default_factory=Changes)


_COMPARED = (
    CalendarEvent.title, CalendarEvent.kind, CalendarEvent.status, CalendarEvent.all_day,
    CalendarEvent.starts_at, CalendarEvent.ends_at, CalendarEvent.start_date,
    CalendarEvent.end_date, CalendarEvent.time_zone, CalendarEvent.rrule, CalendarEvent.exdates,
    CalendarEvent.rdates, CalendarEvent.description, CalendarEvent.location,
    CalendarEvent.sequence,
)  # fmt: skip
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class _Stored:
    """An event already in the database, as matching and comparing need it."""

    id: uuid.UUID
    values: tuple[Any, ...]  # _COMPARED's, in order
    reminders: tuple[int, ...]  # sorted

    @property
    def sequence(self) -> int:
        return int(self.values[-1])


def plan_calendar_import(session: Session, calendar: CalendarFile) -> CalendarPlan:
    """The preview: each item new, an update of the event it matches, or unchanged."""
    return _plan(session, calendar)[0]


def _plan(
    session: Session, calendar: CalendarFile
) -> tuple[CalendarPlan, dict[tuple[str, str], _Stored]]:
    existing = _existing(session, calendar.events)
    items = []
    for record in calendar.events:
        row = existing.get((record.uid, record.recurrence_id))
        items.append(PlannedEvent(record, _action(row, record), row.id if row else None))
    return CalendarPlan(calendar.name, tuple(items), tuple(calendar.problems)), existing


def import_calendar(
    session: Session,
    calendar: CalendarFile,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> CalendarImportResult:
    """Write the plan in the caller's transaction (all of it or, on error, nothing).

    `progress(done, total)` hears the steps (plan, new events, updates, done); `cancelled`
    is asked between them and raises ImportCancelled, so the caller rolls back."""
    steps = _Steps(progress, cancelled)
    steps.next()
    plan, existing = _plan(session, calendar)
    contacts = _contacts_by_email(session, calendar.events)
    masters = {uid: row.id for (uid, rid), row in existing.items() if not rid}
    ordered = sorted(plan.items, key=lambda i: bool(i.record.recurrence_id))  # masters first
    steps.next()
    created = _insert_new(session, [i for i in ordered if i.action == CalendarAction.NEW],
                          contacts, masters)  # fmt: skip
    steps.next()
    updates = [i for i in ordered if i.action == CalendarAction.UPDATE]
    rows = _rows_to_update(session, [i.existing for i in updates if i.existing])
    for item in updates:
        row = rows[item.existing]
        _fill(session, row, item.record, contacts)
        if item.record.recurrence_id:
            row.series_id = masters.get(item.record.uid)
    session.flush()  # one flush for the updates: their change log in bulk
    report(session, Changes(events=created))
    if created or updates:
        counts = [("created", "events", len(created)), ("edited", "events", len(updates))]
        note_batch(session, "import", {"file": calendar.name, "counts": counts})
    steps.next()
    return CalendarImportResult(plan, changes_in(session))


class _Steps:
    """The import's four steps as progress, with a cancel check before each."""

    TOTAL = 4

    def __init__(
        self, progress: Callable[[int, int], None] | None, cancelled: Callable[[], bool] | None
    ) -> None:
        self._progress, self._cancelled, self._done = progress, cancelled, 0

    def next(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise ImportCancelled()
        if self._progress is not None:
            self._progress(self._done, self.TOTAL)
        self._done += 1


def _rows_to_update(
    session: Session, ids: list[uuid.UUID]
) -> dict[uuid.UUID | None, CalendarEvent]:
    """The events to update, with their alarms, in a query a chunk (not one a row)."""
    found: dict[uuid.UUID | None, CalendarEvent] = {}
    for start in range(0, len(ids), _CHUNK):
        query = (
            select(CalendarEvent)
            .where(CalendarEvent.id.in_(ids[start : start + _CHUNK]))
            .options(selectinload(CalendarEvent.reminders), selectinload(CalendarEvent.contacts))
        )
        found.update((row.id, row) for row in session.scalars(query))
    return found


def _insert_new(
    session: Session,
    items: list[PlannedEvent],
    contacts: dict[str, tuple[uuid.UUID, uuid.UUID | None]],
    masters: dict[str, uuid.UUID],
) -> list[uuid.UUID]:
    """The new events and their alarms, logged, in a bulk writer (masters before the
    occurrences they move, so each knows its series' id)."""
    created = []
    with BulkWriter.for_session(session) as writer:
        for item in items:
            record = item.record
            values = _values(record, contacts)
            if record.recurrence_id:
                values["series_id"] = masters.get(record.uid)
            event_id = writer.add(CalendarEvent, values)
            created.append(event_id)
            for contact_id, _account in _linked(record, contacts):
                writer.link(event_contacts, {"event_id": event_id, "contact_id": contact_id})
            if not record.recurrence_id:
                masters[record.uid] = event_id
            for minutes in sorted(set(record.reminders), reverse=True):
                writer.add(EventReminder, {"event_id": event_id, "minutes_before": minutes})
    if created:
        session.expire_all()  # rows were written beside the ORM: nothing loaded may be stale
    return created


def _values(
    record: EventRecord, contacts: dict[str, tuple[uuid.UUID, uuid.UUID | None]]
) -> dict[str, Any]:
    """A new event's columns, its span as the ORM hook computes it."""
    span = span_of(series_of(
        record.all_day, record.starts_at, record.ends_at, record.start_date, record.end_date,
        record.time_zone, record.rrule, record.exdates, record.rdates,
    ))  # fmt: skip
    linked = next(iter(_linked(record, contacts)), None)
    return {
        "uid": record.uid, "recurrence_id": record.recurrence_id, "sequence": record.sequence,
        "title": record.title[:300], "kind": record.kind, "status": record.status,
        "all_day": record.all_day, "starts_at": record.starts_at, "ends_at": record.ends_at,
        "start_date": record.start_date, "end_date": record.end_date,
        "time_zone": record.time_zone, "rrule": record.rrule, "exdates": list(record.exdates),
        "rdates": list(record.rdates), "description": record.description,
        "location": record.location[:300], "attendees": _attendees(record),
        "contact_id": linked[0] if linked else None,
        "account_id": linked[1] if linked else None,
        "span_start": span.start, "span_end": span.end, "long_span": span.long,
    }  # fmt: skip


def _attendees(record: EventRecord) -> list[dict[str, str]]:
    return [
        {"email": a.email, "name": a.name, "role": a.role, "status": a.status}
        for a in record.attendees
    ]


def _linked(
    record: EventRecord, contacts: dict[str, tuple[uuid.UUID, uuid.UUID | None]]
) -> list[tuple[uuid.UUID, uuid.UUID | None]]:
    """The contacts (and their accounts) of the attendees whose e-mail is a contact's, in the
    file's order, each once."""
    found = (contacts[a.email.lower()] for a in record.attendees if a.email.lower() in contacts)
    return list({contact: (contact, account) for contact, account in found}.values())


def _existing(session: Session, records: Iterable[EventRecord]) -> dict[tuple[str, str], _Stored]:
    """The live events with the file's UIDs, by (uid, recurrence id), read with Core."""
    uids = sorted({r.uid for r in records})
    conn = session.connection()
    found: dict[tuple[str, str], _Stored] = {}
    rows: list[Row[*tuple[Any, ...]]] = []
    for start in range(0, len(uids), _CHUNK):
        events = select(CalendarEvent.id, CalendarEvent.uid, CalendarEvent.recurrence_id,
                       *_COMPARED).where(
            CalendarEvent.uid.in_(uids[start : start + _CHUNK]),
            CalendarEvent.deleted_at.is_(None),
        )  # fmt: skip
        rows.extend(conn.execute(events).all())
    ids = [row[0] for row in rows]
    alarms: dict[uuid.UUID, list[int]] = {}
    for start in range(0, len(ids), _CHUNK):
        leads = select(EventReminder.event_id, EventReminder.minutes_before).where(
            EventReminder.event_id.in_(ids[start : start + _CHUNK])
        )
        for event_id, minutes in conn.execute(leads):
            alarms.setdefault(event_id, []).append(minutes)
    for row in rows:
        found[(row[1], row[2])] = _Stored(row[0], tuple(row[3:]),
                                          tuple(sorted(alarms.get(row[0], ()))))  # fmt: skip
    return found


def _action(row: _Stored | None, record: EventRecord) -> CalendarAction:
    if row is None:
        return CalendarAction.NEW
    if record.sequence < row.sequence:
        return CalendarAction.UNCHANGED  # the file holds an older version
    return CalendarAction.UPDATE if _differs(row, record) else CalendarAction.UNCHANGED


def _differs(row: _Stored, record: EventRecord) -> bool:
    ours = (*row.values[:10], list(row.values[10]), list(row.values[11]), *row.values[12:],
            row.reminders)  # fmt: skip
    theirs = (record.title[:300], record.kind, record.status, record.all_day,
              record.starts_at, record.ends_at, record.start_date, record.end_date,
              record.time_zone, record.rrule, record.exdates, record.rdates,
              record.description, record.location, record.sequence,
              tuple(sorted(record.reminders)))  # fmt: skip
    return ours != theirs


def _fill(
    session: Session,
    row: CalendarEvent,
    record: EventRecord,
    contacts: dict[str, tuple[uuid.UUID, uuid.UUID | None]],
) -> None:
    row.uid, row.recurrence_id, row.sequence = record.uid, record.recurrence_id, record.sequence
    row.title = record.title[:300]  # untitled stays empty: the view words it
    row.kind, row.status, row.all_day = record.kind, record.status, record.all_day
    row.starts_at, row.ends_at = record.starts_at, record.ends_at
    row.start_date, row.end_date = record.start_date, record.end_date
    row.time_zone = record.time_zone
    row.rrule, row.exdates, row.rdates = record.rrule, record.exdates, record.rdates
    row.description, row.location = record.description, record.location[:300]
    row.attendees = _attendees(record)
    linked = _linked(record, contacts)
    if linked and row.contact_id is None:
        row.contact_id, row.account_id = linked[0]
    known = {c.id for c in row.contacts}
    added = [i for i, _account in linked if i not in known]
    if added:  # the file's attendees join the contacts the user linked; none is taken away
        people = session.scalars(select(Contact).where(Contact.id.in_(added))).all()
        row.contacts = [*row.contacts, *people]
    wanted = sorted(set(record.reminders), reverse=True)
    if sorted((r.minutes_before for r in row.reminders), reverse=True) != wanted:
        row.reminders = [EventReminder(minutes_before=m) for m in wanted]


def _contacts_by_email(
    session: Session, records: Iterable[EventRecord]
) -> dict[str, tuple[uuid.UUID, uuid.UUID | None]]:
    """Attendees' e-mails that are contacts': (contact id, its account id) by address."""
    wanted = sorted({a.email.lower() for r in records for a in r.attendees if a.email})
    found: dict[str, tuple[uuid.UUID, uuid.UUID | None]] = {}
    for start in range(0, len(wanted), _CHUNK):
        query = (
            select(Email.normalized, Contact.id, Contact.account_id)
            .join(Contact, Contact.id == Email.contact_id)
            .where(Email.normalized.in_(wanted[start : start + _CHUNK]),
                   Contact.deleted_at.is_(None))
        )  # fmt: skip
        for address, contact_id, account_id in session.execute(query):
            found.setdefault(address, (contact_id, account_id))
    return found
