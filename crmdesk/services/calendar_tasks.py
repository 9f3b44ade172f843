"""The task list beside the calendar: open tasks by due date, and the done box; and a visit,
call or meeting marked done, its outcome logged as an activity in the same transaction.

A task is a one-off calendar event of kind TASK; its due date is its start (the laptop's date
of a timed start). Series of tasks show in the calendar itself, not in this list.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from crmdesk.core.errors import RecordNotFound
from crmdesk.core.texts import translatable
from crmdesk.models import Account, Activity, CalendarEvent, Contact, Email
from crmdesk.models.enums import ActivityKind, EventKind, EventStatus
from crmdesk.services.activities import (
    MAX_DURATION_MINUTES,
    ActivityDraft,
    SavedActivity,
    save_activity,
)
from crmdesk.services.calendar import (
    EventOccurrence,
    Scope,
    change_occurrence,
    draft_of,
)
from crmdesk.services.changes import Changes, changes_in


@dataclass(frozen=True, slots=True)
class TaskItem:
    """One task as the list shows it; `due` None for an undated task."""

    id: uuid.UUID
    title: str
    due: dt.date | None
    done: bool
    owner: str
    account: str


def task_list(
    session: Session,
    today: dt.date,
    zone: ZoneInfo,
    *,
    owner: str | None = None,
    days_ahead: int = 14,
    limit: int = 300,
) -> list[TaskItem]:
    """Open tasks due up to `days_ahead` days after today (overdue ones included, the oldest
    first), then tasks done today; undated open tasks last."""
    horizon = today + dt.timedelta(days=days_ahead + 1)
    late = dt.datetime.combine(horizon, dt.time(), tzinfo=zone).astimezone(dt.UTC)
    stmt = (
        select(CalendarEvent.id, CalendarEvent.title, CalendarEvent.starts_at,
               CalendarEvent.start_date, CalendarEvent.status, CalendarEvent.owner,
               Account.name)
        .outerjoin(Account, Account.id == CalendarEvent.account_id)
        .where(
            CalendarEvent.kind == EventKind.TASK,
            CalendarEvent.deleted_at.is_(None),
            CalendarEvent.rrule == "",
            CalendarEvent.series_id.is_(None),
            CalendarEvent.status != EventStatus.CANCELLED,
            or_(CalendarEvent.starts_at < late, CalendarEvent.start_date < horizon,
                (CalendarEvent.starts_at.is_(None)) & (CalendarEvent.start_date.is_(None))),
        )
    )
    if owner:
        stmt = stmt.where(CalendarEvent.owner == owner)
    items = []
    for row in session.execute(stmt.order_by(CalendarEvent.span_start).limit(limit * 4)):
        due = row.start_date
        if row.starts_at is not None:
            starts = row.starts_at
            if starts.tzinfo is None:
                starts = starts.replace(tzinfo=dt.UTC)
            due = starts.astimezone(zone).date()
        done = row.status == EventStatus.DONE
        if done and due != today:
            continue
        items.append(TaskItem(row.id, row.title, due, done, row.owner, row.name or ""))
    items.sort(key=lambda t: (t.due is None, t.due or today, t.title))
    return items[:limit]


def task_owners(session: Session) -> list[str]:
    """The owners of open one-off tasks, by name (for the task list's owner filter)."""
    rows = session.scalars(
        select(CalendarEvent.owner)
        .where(
            CalendarEvent.kind == EventKind.TASK,
            CalendarEvent.deleted_at.is_(None),
            CalendarEvent.series_id.is_(None),
            CalendarEvent.status.not_in((EventStatus.CANCELLED, EventStatus.DONE)),
        )
        .distinct()
    )
    return sorted(rows, key=lambda o: (o == "", o.casefold()))


def set_task_done(session: Session, task_id: uuid.UUID, done: bool) -> Changes:
    """Tick (or untick) a task's done box."""
    row = session.get(CalendarEvent, task_id)
    if row is None or row.deleted_at is not None:
        raise RecordNotFound(translatable("Messages", "That event no longer exists."))
    row.status = EventStatus.DONE if done else EventStatus.CONFIRMED
    session.flush()
    return changes_in(session)


# --- a visit, call or meeting marked done: its outcome logged as an activity -------------------

_ACTIVITY_KINDS = {EventKind.VISIT: ActivityKind.VISIT, EventKind.CALL: ActivityKind.CALL,
                   EventKind.MEETING: ActivityKind.MEETING}  # fmt: skip
DONE_WITH_OUTCOME = frozenset(_ACTIVITY_KINDS)


def outcome_draft(session: Session, one: EventOccurrence) -> ActivityDraft:
    """The activity the Log activity dialog starts from when an occurrence is marked done:
    its kind, time, length, title and the people and account it concerns."""
    row = session.get(CalendarEvent, one.event_id)
    if row is None or row.deleted_at is not None:
        raise RecordNotFound(translatable("Messages", "That event no longer exists."))
    start, end = one.start, one.end
    minutes = None
    if isinstance(start, dt.datetime) and isinstance(end, dt.datetime):
        minutes = min(max(int((end - start).total_seconds() // 60), 0), MAX_DURATION_MINUTES)
        occurred = start
    else:
        occurred = dt.datetime.now(dt.UTC).replace(second=0, microsecond=0)
    present = [row.contact_id] if row.contact_id else []
    present += attendee_contacts(session, row, exclude=present)
    return ActivityDraft(
        kind=_ACTIVITY_KINDS.get(EventKind(row.kind), ActivityKind.MEETING),
        occurred_at=occurred, duration_minutes=minutes or None, subject=row.title,
        owner=row.owner, contact_id=row.contact_id,
        account_id=row.account_id,
        participants=present,
    )  # fmt: skip


def attendee_contacts(
    session: Session, row: CalendarEvent, exclude: list[uuid.UUID]
) -> list[uuid.UUID]:
    """Contacts whose e-mail is among the event's attendees (an imported meeting's guests)."""
    wanted = sorted({str(a.get("email", "")).lower() for a in row.attendees if a.get("email")})
    if not wanted:
        return []
    found = session.scalars(
        select(Email.contact_id)
        .join(Contact, Contact.id == Email.contact_id)
        .where(Email.normalized.in_(wanted), Contact.deleted_at.is_(None))
    )
    return [c for c in dict.fromkeys(found) if c is not None and c not in exclude]


def mark_occurrence_done(session: Session, one: EventOccurrence) -> CalendarEvent:
    """The occurrence marked done (one of a series: that occurrence only, as an override);
    the row that now holds it."""
    if one.series_id is not None and one.event_id == one.series_id:
        done = draft_of(session, one.series_id)
        if done.all_day:
            assert isinstance(one.start, dt.date) and isinstance(one.end, dt.date)
            done = replace(done, start_date=one.start, end_date=one.end)
        else:
            assert isinstance(one.start, dt.datetime) and isinstance(one.end, dt.datetime)
            done = replace(done, starts_at=one.start, ends_at=one.end)
        done.status = EventStatus.DONE
        event_id, _ = change_occurrence(session, one.series_id, one.recurrence_id, done,
                                        Scope.THIS)  # fmt: skip
    else:
        event_id = one.event_id
    row = session.get(CalendarEvent, event_id)
    if row is None or row.deleted_at is not None:
        raise RecordNotFound(translatable("Messages", "That event no longer exists."))
    row.status = EventStatus.DONE
    session.flush()
    return row


def complete_occurrence(
    session: Session, one: EventOccurrence, draft: ActivityDraft
) -> SavedActivity:
    """Mark the occurrence done and log its outcome as an activity linked as the event is
    (its opportunity and case too), in the caller's transaction: one step to undo."""
    row = mark_occurrence_done(session, one)
    saved = save_activity(session, draft)
    activity = session.get(Activity, saved.activity_id)
    assert activity is not None
    activity.opportunity_id = activity.opportunity_id or row.opportunity_id
    activity.case_id = activity.case_id or row.case_id
    session.flush()
    return replace(saved, changes=changes_in(session))


def event_owners(session: Session) -> list[str]:
    """Everyone with live events, the most events first (whose calendar to show)."""
    return [
        o for o, in session.execute(
            select(CalendarEvent.owner)
            .where(CalendarEvent.deleted_at.is_(None), CalendarEvent.owner != "")
            .group_by(CalendarEvent.owner).order_by(func.count().desc(), CalendarEvent.owner)
        )
    ]  # fmt: skip
