"""The calendar: occurrences in a window, and writing events, series and single occurrences.

A window is read by two index range scans over each event's UTC span (short events by their
start, long ones and series by their end), then only the series found are expanded, for that
window only. Editing one occurrence of a series writes an override row (the series' id and the
original start it replaces, as iCalendar's RECURRENCE-ID); "this and following" ends the series
before the occurrence and starts a new one there; deleting one occurrence adds an EXDATE.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, bindparam, or_, select, union_all, update
from sqlalchemy.orm import Session

from crmdesk.core.errors import KnownError, RecordNotFound
from crmdesk.core.texts import translatable
from crmdesk.models import Account, CalendarEvent, Contact, EventReminder
from crmdesk.models.activities import event_contacts, event_series
from crmdesk.models.base import utcnow
from crmdesk.models.enums import EventKind, EventStatus
from crmdesk.models.recurrence import LONG_SPAN, occurrences, span_of
from crmdesk.services.changes import Changes, changes_in

When = dt.datetime | dt.date


class Scope(StrEnum):
    """Which occurrences of a series an edit or a delete is about."""

    THIS = "this"
    FOLLOWING = "following"
    ALL = "all"


@dataclass(frozen=True, slots=True)
class EventOccurrence:
    """One occurrence as the calendar shows it; `event_id` is the row it comes from (the
    series for a plain occurrence, the override for a moved one), `series_id` its series."""

    event_id: uuid.UUID
    series_id: uuid.UUID | None
    recurrence_id: str
    uid: str
    title: str
    kind: EventKind
    status: EventStatus
    all_day: bool
    start: When
    end: When
    time_zone: str
    location: str
    owner: str
    account_id: uuid.UUID | None
    account: str
    contact_id: uuid.UUID | None
    opportunity_id: uuid.UUID | None

    @property
    def repeats(self) -> bool:
        return self.series_id is not None


@dataclass(slots=True)
class EventDraft:
    """What the event dialog edits. Timed: `starts_at`/`ends_at` aware; all-day: dates with
    the end exclusive. `version` guards against a stale edit.

    `contact_ids` are the contacts the event is about; `contact_id` (the one it is filed under,
    as the lists that name one person show it) is the first of them — a caller that knows one
    person gives only `contact_id`."""

    title: str
    kind: EventKind = EventKind.MEETING
    status: EventStatus = EventStatus.CONFIRMED
    all_day: bool = False
    starts_at: dt.datetime | None = None
    ends_at: dt.datetime | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    time_zone: str = "UTC"
    rrule: str = ""
    location: str = ""
    description: str = ""
    owner: str = ""
    assigned_by: str = ""  # who gave a task to its owner
    account_id: uuid.UUID | None = None
    contact_id: uuid.UUID | None = None
    opportunity_id: uuid.UUID | None = None
    case_id: uuid.UUID | None = None
    reminders: list[int] = field(default_factory=list)
    id: uuid.UUID | None = None
    version: int | None = None
    contact_ids: list[uuid.UUID] = field(default_factory=list)

    def linked_contacts(self) -> list[uuid.UUID]:
        """Every contact of the event, `contact_id` first, each once."""
        return list(dict.fromkeys(i for i in (self.contact_id, *self.contact_ids) if i))


@dataclass(frozen=True, slots=True)
class LinkedContact:
    """A contact an event is about, as `events show` and the dialog name it."""

    id: uuid.UUID
    name: str


_COLUMNS = (
    CalendarEvent.id, CalendarEvent.series_id, CalendarEvent.recurrence_id, CalendarEvent.uid,
    CalendarEvent.title, CalendarEvent.kind, CalendarEvent.status, CalendarEvent.all_day,
    CalendarEvent.starts_at, CalendarEvent.ends_at, CalendarEvent.start_date,
    CalendarEvent.end_date, CalendarEvent.time_zone, CalendarEvent.location,
    CalendarEvent.owner, CalendarEvent.account_id, CalendarEvent.contact_id,
    CalendarEvent.opportunity_id, CalendarEvent.rrule, CalendarEvent.exdates,
    CalendarEvent.rdates, Account.name.label("account"),
)


def window_query(
    start: dt.datetime,
    end: dt.datetime,
    *,
    owner: str | None = None,
    account_id: uuid.UUID | None = None,
) -> Select[*tuple[Any, ...]]:
    """Rows that can have an occurrence in [start, end): the two span range scans."""
    live: list[ColumnElement[bool]] = [CalendarEvent.deleted_at.is_(None)]
    if owner:
        live.append(CalendarEvent.owner == owner)
    if account_id is not None:
        live.append(CalendarEvent.account_id == account_id)
    short = select(CalendarEvent.id).where(
        CalendarEvent.long_span.is_(False),
        CalendarEvent.span_start >= start - LONG_SPAN,
        CalendarEvent.span_start < end,
        CalendarEvent.span_end > start,
        *live,
    )
    long = select(CalendarEvent.id).where(
        CalendarEvent.long_span.is_(True),
        CalendarEvent.span_start < end,
        or_(CalendarEvent.span_end.is_(None), CalendarEvent.span_end > start),
        *live,
    )
    ids = union_all(short, long).subquery()
    return (
        select(*_COLUMNS)
        .join(ids, ids.c.id == CalendarEvent.id)
        .outerjoin(Account, Account.id == CalendarEvent.account_id)
    )


def occurrences_between(
    session: Session,
    start: dt.datetime,
    end: dt.datetime,
    *,
    owner: str | None = None,
    account_id: uuid.UUID | None = None,
    include_cancelled: bool = False,
) -> list[EventOccurrence]:
    """Every occurrence overlapping [start, end), series expanded for the window only, in
    start order (all-day ones first on their day); an owner's or an account's only."""
    query = window_query(start, end, owner=owner, account_id=account_id)
    rows = session.connection().execute(query).all()
    series = [r for r in rows if r.rrule or r.rdates]
    moved = _moved_occurrences(session, series, start, end)
    found: list[EventOccurrence] = []
    for row in rows:
        if row.rrule or row.rdates:
            found.extend(_expanded(row, start, end, moved.get(row.id, set())))
        elif (one := _single(row, start, end)) is not None:
            found.append(one)
    if not include_cancelled:
        found = [o for o in found if o.status != EventStatus.CANCELLED]
    return sorted(found, key=_start_order)


def _moved_occurrences(
    session: Session, series: list[Row[Any]], start: dt.datetime, end: dt.datetime
) -> dict[uuid.UUID, set[str]]:
    """The recurrence ids of the series' occurrences in the window that an override replaces
    (found by their original start, so also those moved out of the window)."""
    moved: dict[uuid.UUID, set[str]] = defaultdict(set)
    if not series:
        return moved
    longest = max(_length(r) for r in series)
    low = (start - longest - dt.timedelta(days=1)).date().isoformat()
    high = (end + dt.timedelta(days=1)).date().isoformat()
    wanted = {r.id for r in series}
    query = select(CalendarEvent.series_id, CalendarEvent.recurrence_id).where(
        CalendarEvent.recurrence_id != "",
        CalendarEvent.recurrence_id >= low,
        CalendarEvent.recurrence_id < high,
    )
    for series_id, recurrence_id in session.connection().execute(query):
        if series_id is not None and series_id in wanted:
            moved[series_id].add(recurrence_id)
    return moved


def _length(row: Row[Any]) -> dt.timedelta:
    length: dt.timedelta = dt.timedelta(0)
    if row.starts_at is not None:
        length = (row.ends_at or row.starts_at) - row.starts_at
    elif row.start_date is not None and row.end_date is not None:
        length = row.end_date - row.start_date
    return length


def _expanded(
    row: Row[Any], start: dt.datetime, end: dt.datetime, moved: set[str]
) -> list[EventOccurrence]:
    series = event_series(row)
    if series is None:
        return []
    return [
        _occurrence(row, one.start, one.end, one.recurrence_id, row.id)
        for one in occurrences(series, start, end)
        if one.recurrence_id not in moved
    ]


def _single(row: Row[Any], start: dt.datetime, end: dt.datetime) -> EventOccurrence | None:
    """A one-off event as its occurrence, if it really overlaps the window (the span is wider)."""
    if row.starts_at is not None:
        finish = row.ends_at or row.starts_at
        if row.starts_at < end and (finish > start or row.starts_at >= start):
            return _occurrence(row, row.starts_at, finish, row.recurrence_id, row.series_id)
        return None
    series = event_series(row)
    found = occurrences(series, start, end) if series is not None else []
    if not found:
        return None
    return _occurrence(row, found[0].start, found[0].end, row.recurrence_id, row.series_id)


def _occurrence(
    row: Row[Any], begin: When, finish: When, recurrence_id: str, series_id: uuid.UUID | None
) -> EventOccurrence:
    return EventOccurrence(
        event_id=row.id, series_id=series_id, recurrence_id=recurrence_id, uid=row.uid,
        title=row.title, kind=EventKind(row.kind), status=EventStatus(row.status),
        all_day=row.all_day, start=begin, end=finish, time_zone=row.time_zone,
        location=row.location, owner=row.owner, account_id=row.account_id,
        account=row.account or "", contact_id=row.contact_id,
        opportunity_id=row.opportunity_id,
    )


def _start_order(occurrence: EventOccurrence) -> tuple[dt.datetime, int, str]:
    value = occurrence.start
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time(), tzinfo=dt.UTC)
    return value.astimezone(dt.UTC), 0 if occurrence.all_day else 1, occurrence.title


# --- writing ----------------------------------------------------------------------------------

_NO_TITLE = translatable("Validation", "An event needs a title.")
_NO_TIME = translatable("Validation", "An event needs a start.")
_BACKWARDS = translatable("Validation", "The end lies before the start.")
_LONG_NAME = translatable("Validation", "A name has at most %1 characters.")
NAME_LENGTH = 100  # the owner and assigned_by columns


def check_draft(draft: EventDraft) -> None:
    """Refuse what no calendar can hold; a task may be undated, anything else needs a start."""
    if not draft.title.strip():
        raise KnownError(_NO_TITLE)
    if max(len(draft.owner.strip()), len(draft.assigned_by.strip())) > NAME_LENGTH:
        raise KnownError(_LONG_NAME, values=(NAME_LENGTH,))
    if draft.all_day:
        if draft.start_date is None and draft.kind != EventKind.TASK:
            raise KnownError(_NO_TIME)
        if draft.start_date and draft.end_date and draft.end_date <= draft.start_date:
            raise KnownError(_BACKWARDS)
    else:
        if draft.starts_at is None and draft.kind != EventKind.TASK:
            raise KnownError(_NO_TIME)
        if draft.starts_at and draft.ends_at and draft.ends_at < draft.starts_at:
            raise KnownError(_BACKWARDS)


def save_event(session: Session, draft: EventDraft) -> tuple[uuid.UUID, Changes]:
    """Create an event (or series) or update one whole; returns its id."""
    check_draft(draft)
    if draft.id is None:
        row = CalendarEvent(title=draft.title)
        session.add(row)
    else:
        row = _get(session, draft.id)
        if draft.version is not None and row.version != draft.version:
            raise KnownError(
                translatable("Messages", "%1 was changed elsewhere since you opened it."),
                translatable("Messages", "Reload it and make your change again."),
                values=(row.title,),
            )
    _apply(row, draft)
    _link_contacts(session, row, draft.linked_contacts())
    session.flush()
    if not row.uid:
        row.uid = f"{row.id}@crmdesk"
    return row.id, changes_in(session)


def _get(session: Session, event_id: uuid.UUID) -> CalendarEvent:
    row = session.get(CalendarEvent, event_id)
    if row is None or row.deleted_at is not None:
        raise RecordNotFound(translatable("Messages", "That event no longer exists."))
    return row


def _apply(row: CalendarEvent, draft: EventDraft) -> None:
    for name in ("title", "kind", "status", "all_day", "location", "description", "owner",
                 "assigned_by", "account_id", "opportunity_id", "case_id", "rrule"):
        value = getattr(draft, name)
        setattr(row, name, value.strip() if isinstance(value, str) else value)
    if draft.all_day:
        row.start_date = draft.start_date
        row.end_date = draft.end_date or (
            draft.start_date + dt.timedelta(days=1) if draft.start_date else None
        )
        row.starts_at = row.ends_at = None
    else:
        row.starts_at, row.ends_at = draft.starts_at, draft.ends_at or draft.starts_at
        row.start_date = row.end_date = None
    row.time_zone = draft.time_zone
    wanted = sorted(set(draft.reminders), reverse=True)
    if [r.minutes_before for r in row.reminders] != wanted:
        row.reminders = [EventReminder(minutes_before=m) for m in wanted]


def _link_contacts(session: Session, row: CalendarEvent, wanted: list[uuid.UUID]) -> None:
    """The event's contacts as wanted (live ones only), the first the one it is filed under;
    the link table written only when the set changes, so an unchanged save logs nothing."""
    found = {c.id: c for c in session.scalars(
        select(Contact).where(Contact.id.in_(wanted), Contact.deleted_at.is_(None)))}  # fmt: skip
    people = [found[i] for i in wanted if i in found]
    first = people[0].id if people else None
    if row.contact_id != first:
        row.contact_id = first
    if {c.id for c in row.contacts} != {c.id for c in people}:
        row.contacts = people


def contacts_of_events(
    session: Session, event_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[LinkedContact]]:
    """Each event's contacts by name (the one it is filed under first), in one query a chunk."""
    found: dict[uuid.UUID, list[tuple[bool, str, LinkedContact]]] = defaultdict(list)
    ids = list(dict.fromkeys(event_ids))
    for start in range(0, len(ids), 500):
        query = (
            select(event_contacts.c.event_id, Contact, CalendarEvent.contact_id)
            .join(Contact, Contact.id == event_contacts.c.contact_id)
            .join(CalendarEvent, CalendarEvent.id == event_contacts.c.event_id)
            .where(event_contacts.c.event_id.in_(ids[start : start + 500]))
        )
        for event_id, contact, filed_under in session.execute(query):
            one = LinkedContact(contact.id, contact.display_name or contact.organization)
            found[event_id].append((contact.id != filed_under, contact.sort_key, one))
    return {k: [one for *_key, one in sorted(v, key=lambda t: t[:2])] for k, v in found.items()}


def draft_of(session: Session, event_id: uuid.UUID) -> EventDraft:
    """The draft the event dialog starts from."""
    row = _get(session, event_id)
    return EventDraft(
        title=row.title, kind=EventKind(row.kind), status=EventStatus(row.status),
        all_day=row.all_day, starts_at=row.starts_at, ends_at=row.ends_at,
        start_date=row.start_date, end_date=row.end_date, time_zone=row.time_zone or "UTC",
        rrule=row.rrule, location=row.location, description=row.description, owner=row.owner,
        assigned_by=row.assigned_by, account_id=row.account_id, contact_id=row.contact_id,
        opportunity_id=row.opportunity_id, case_id=row.case_id,
        reminders=sorted((r.minutes_before for r in row.reminders), reverse=True),
        id=row.id, version=row.version,
        contact_ids=list(dict.fromkeys(
            i for i in (row.contact_id, *(c.id for c in row.contacts)) if i)),
    )


def change_occurrence(
    session: Session, series_id: uuid.UUID, recurrence_id: str, draft: EventDraft, scope: Scope
) -> tuple[uuid.UUID, Changes]:
    """Edit one occurrence, it and the following ones, or the whole series."""
    check_draft(draft)
    series = _get(session, series_id)
    if scope == Scope.ALL:
        return save_event(session, replace(draft, id=series.id, version=None))
    if scope == Scope.THIS:
        return _override(session, series, recurrence_id, draft)
    rule = _remaining_rule(draft.rrule or series.rrule)  # the draft's, as the dialog shows it
    _end_series_before(series, recurrence_id)
    follow = replace(draft, id=None, version=None, rrule=rule)
    new_id, _ = save_event(session, follow)
    _move_later_overrides(session, series, recurrence_id, new_id)
    return new_id, changes_in(session)


def _override(
    session: Session, series: CalendarEvent, recurrence_id: str, draft: EventDraft
) -> tuple[uuid.UUID, Changes]:
    existing = session.scalars(
        select(CalendarEvent).where(
            CalendarEvent.series_id == series.id, CalendarEvent.recurrence_id == recurrence_id
        )
    ).first()
    row = existing or CalendarEvent(
        title=draft.title, series_id=series.id, recurrence_id=recurrence_id, uid=series.uid
    )
    if existing is None:
        session.add(row)
    _apply(row, replace(draft, rrule=""))
    _link_contacts(session, row, draft.linked_contacts())
    row.sequence = series.sequence
    session.flush()
    return row.id, changes_in(session)


_UNTIL_OR_COUNT = re.compile(r";?(UNTIL|COUNT)=[^;]*", re.IGNORECASE)


def _end_series_before(series: CalendarEvent, recurrence_id: str) -> None:
    """The series stops just before the occurrence `recurrence_id` (UNTIL one second before)."""
    cut = _parse_stamp(recurrence_id)
    if isinstance(cut, dt.datetime):
        until = (cut - dt.timedelta(seconds=1)).astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    else:
        until = (cut - dt.timedelta(days=1)).strftime("%Y%m%d")
    rule = _UNTIL_OR_COUNT.sub("", series.rrule).strip(";")
    series.rrule = f"{rule};UNTIL={until}"


def _remaining_rule(rule: str) -> str:
    """The rule the following occurrences keep: without its end by count (an UNTIL stays)."""
    return re.sub(r";?COUNT=[^;]*", "", rule, flags=re.IGNORECASE).strip(";")


def _move_later_overrides(
    session: Session, series: CalendarEvent, recurrence_id: str, new_series: uuid.UUID
) -> None:
    cut = _parse_stamp(recurrence_id)
    for row in session.scalars(select(CalendarEvent).where(CalendarEvent.series_id == series.id)):
        if row.recurrence_id and _after(_parse_stamp(row.recurrence_id), cut):
            row.series_id = new_series


def _parse_stamp(text: str) -> When:
    return dt.datetime.fromisoformat(text) if "T" in text else dt.date.fromisoformat(text)


def _after(value: When, cut: When) -> bool:
    def key(v: When) -> dt.datetime:
        if isinstance(v, dt.datetime):
            return v.astimezone(dt.UTC)
        return dt.datetime.combine(v, dt.time(), tzinfo=dt.UTC)

    return key(value) >= key(cut)


def delete_occurrence(
    session: Session, series_id: uuid.UUID, recurrence_id: str, scope: Scope
) -> Changes:
    """Delete one occurrence (an EXDATE), it and the following ones, or the whole series."""
    series = _get(session, series_id)
    if scope == Scope.ALL:
        return delete_events(session, [series.id])
    if scope == Scope.THIS:
        series.exdates = sorted({*series.exdates, recurrence_id})
    else:
        _end_series_before(series, recurrence_id)
    for row in session.scalars(select(CalendarEvent).where(CalendarEvent.series_id == series.id)):
        cut = _parse_stamp(recurrence_id)
        gone = row.recurrence_id == recurrence_id or (
            scope == Scope.FOLLOWING and row.recurrence_id
            and _after(_parse_stamp(row.recurrence_id), cut)
        )
        if gone:
            row.deleted_at = utcnow()
    session.flush()
    return changes_in(session)


def delete_events(session: Session, ids: Sequence[uuid.UUID]) -> Changes:
    """Move events (a series with its moved occurrences) to the recycle bin."""
    now = utcnow()
    rows = session.scalars(
        select(CalendarEvent).where(
            or_(CalendarEvent.id.in_(ids), CalendarEvent.series_id.in_(ids)),
            CalendarEvent.deleted_at.is_(None),
        )
    )
    for row in rows:
        row.deleted_at = now
    session.flush()
    return changes_in(session)


def conflicts(
    session: Session,
    owner: str,
    start: dt.datetime,
    end: dt.datetime,
    *,
    ignore: uuid.UUID | None = None,
) -> list[EventOccurrence]:
    """The owner's other timed occurrences overlapping [start, end): what saving would clash
    with (all-day items, tasks and cancelled ones do not block time)."""
    if not owner or end <= start:
        return []
    found = occurrences_between(session, start, end, owner=owner)
    return [
        o for o in found
        if not o.all_day and o.kind != EventKind.TASK
        and (ignore is None or ignore not in (o.event_id, o.series_id))
        and _overlaps(o, start, end)
    ]


def _overlaps(occurrence: EventOccurrence, start: dt.datetime, end: dt.datetime) -> bool:
    begin, finish = occurrence.start, occurrence.end
    assert isinstance(begin, dt.datetime) and isinstance(finish, dt.datetime)
    return begin < end and finish > start



def fill_missing_spans(session: Session) -> int:
    """Spans for events a bulk loader wrote past the ORM (the demo): one pass over them only.

    A Core UPDATE of the span columns alone: filling an index is no edit, so neither
    `updated_at` nor `version` moves (the demo stays the same for the same seed)."""
    table = CalendarEvent.__table__
    rows = session.connection().execute(
        select(*_COLUMNS[:-1]).where(
            CalendarEvent.span_start.is_(None),
            or_(CalendarEvent.starts_at.is_not(None), CalendarEvent.start_date.is_not(None)),
        )
    ).all()
    values = []
    for row in rows:
        span = span_of(event_series(row))
        values.append({"row_id": row.id, "s": span.start, "e": span.end, "l": span.long})
    if values:
        session.connection().execute(
            update(table)
            .where(table.c.id == bindparam("row_id"))
            .values(span_start=bindparam("s"), span_end=bindparam("e"), long_span=bindparam("l"),
                    updated_at=table.c.updated_at),
            values,
        )
    session.expire_all()
    return len(values)
