"""Importing a calendar file: a preview of what would change, then one transaction.

An item is matched by its UID and recurrence id (a moved occurrence has both), so importing the
same file again updates instead of duplicating; a newer SEQUENCE wins, an older one is left as
it is. Attendees whose e-mail belongs to a contact link the event to that contact and account.
The plan is made again inside the write transaction, so what another writer did in between is
seen.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.interop.event_records import CalendarFile, CalendarProblem, EventRecord
from crmdesk.models import CalendarEvent, Contact, Email, EventReminder, new_id
from crmdesk.services.changes import Changes, changes_in

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


def plan_calendar_import(session: Session, calendar: CalendarFile) -> CalendarPlan:
    """The preview: each item new, an update of the event it matches, or unchanged."""
    existing = _existing(session, calendar.events)
    items = []
    for record in calendar.events:
        row = existing.get((record.uid, record.recurrence_id))
        items.append(PlannedEvent(record, _action(row, record), row.id if row else None))
    return CalendarPlan(calendar.name, tuple(items), tuple(calendar.problems))


def import_calendar(session: Session, calendar: CalendarFile) -> CalendarImportResult:
    """Write the plan in the caller's transaction (all of it or, on error, nothing)."""
    plan = plan_calendar_import(session, calendar)
    contacts = _contacts_by_email(session, calendar.events)
    masters: dict[str, CalendarEvent] = {}
    for item in sorted(plan.items, key=lambda i: bool(i.record.recurrence_id)):  # masters first
        if item.action == CalendarAction.UNCHANGED:
            continue
        row = session.get(CalendarEvent, item.existing) if item.existing else None
        if row is None:
            row = CalendarEvent(id=new_id())
            session.add(row)
        _fill(row, item.record, contacts)
        if item.record.recurrence_id:
            master = masters.get(item.record.uid) or _master(session, item.record.uid)
            row.series_id = master.id if master is not None else None
        else:
            masters[item.record.uid] = row
    session.flush()  # one flush: the change log and the spans are written in bulk
    return CalendarImportResult(plan, changes_in(session))


def _existing(
    session: Session, records: Iterable[EventRecord]
) -> dict[tuple[str, str], CalendarEvent]:
    uids = sorted({r.uid for r in records})
    found: dict[tuple[str, str], CalendarEvent] = {}
    for start in range(0, len(uids), 500):
        query = select(CalendarEvent).where(
            CalendarEvent.uid.in_(uids[start : start + 500]), CalendarEvent.deleted_at.is_(None)
        )
        for row in session.scalars(query):
            found[(row.uid, row.recurrence_id)] = row
    return found


def _action(row: CalendarEvent | None, record: EventRecord) -> CalendarAction:
    if row is None:
        return CalendarAction.NEW
    if record.sequence < row.sequence:
        return CalendarAction.UNCHANGED  # the file holds an older version
    return CalendarAction.UPDATE if _differs(row, record) else CalendarAction.UNCHANGED


def _differs(row: CalendarEvent, record: EventRecord) -> bool:
    ours = (row.title, row.kind, row.status, row.all_day, row.starts_at, row.ends_at,
            row.start_date, row.end_date, row.time_zone, row.rrule, list(row.exdates),
            list(row.rdates), row.description, row.location, row.sequence,
            sorted(r.minutes_before for r in row.reminders))
    theirs = (record.title[:300], record.kind, record.status, record.all_day,
              record.starts_at, record.ends_at, record.start_date, record.end_date,
              record.time_zone, record.rrule, record.exdates, record.rdates,
              record.description, record.location, record.sequence, sorted(record.reminders))
    return ours != theirs



def _fill(row: CalendarEvent, record: EventRecord, contacts: dict[str, Contact]) -> None:
    row.uid, row.recurrence_id, row.sequence = record.uid, record.recurrence_id, record.sequence
    row.title = record.title[:300]  # untitled stays empty: the view words it
    row.kind, row.status, row.all_day = record.kind, record.status, record.all_day
    row.starts_at, row.ends_at = record.starts_at, record.ends_at
    row.start_date, row.end_date = record.start_date, record.end_date
    row.time_zone = record.time_zone
    row.rrule, row.exdates, row.rdates = record.rrule, record.exdates, record.rdates
    row.description, row.location = record.description, record.location[:300]
    row.attendees = [
        {"email": a.email, "name": a.name, "role": a.role, "status": a.status}
        for a in record.attendees
    ]
    linked = next((contacts[a.email.lower()] for a in record.attendees
                   if a.email.lower() in contacts), None)
    if linked is not None and row.contact_id is None:
        row.contact_id, row.account_id = linked.id, linked.account_id
    wanted = sorted(set(record.reminders), reverse=True)
    if sorted((r.minutes_before for r in row.reminders), reverse=True) != wanted:
        row.reminders = [EventReminder(minutes_before=m) for m in wanted]


def _master(session: Session, uid: str) -> CalendarEvent | None:
    return session.scalars(
        select(CalendarEvent).where(
            CalendarEvent.uid == uid,
            CalendarEvent.recurrence_id == "",
            CalendarEvent.deleted_at.is_(None),
        )
    ).first()


def _contacts_by_email(session: Session, records: Iterable[EventRecord]) -> dict[str, Contact]:
    wanted = sorted({a.email.lower() for r in records for a in r.attendees if a.email})
    found: dict[str, Contact] = {}
    for start in range(0, len(wanted), 500):
        query = (
            select(Email.normalized, Contact)
            .join(Contact, Contact.id == Email.contact_id)
            .where(Email.normalized.in_(wanted[start : start + 500]),
                   Contact.deleted_at.is_(None))
        )
        for address, contact in session.execute(query):
            found.setdefault(address, contact)
    return found
