"""The task list beside the calendar: open tasks by due date, and the done box.

A task is a one-off calendar event of kind TASK; its due date is its start (the laptop's date
of a timed start). Series of tasks show in the calendar itself, not in this list.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from crmdesk.core.errors import RecordNotFound
from crmdesk.core.texts import translatable
from crmdesk.models import Account, CalendarEvent
from crmdesk.models.enums import EventKind, EventStatus
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


def set_task_done(session: Session, task_id: uuid.UUID, done: bool) -> Changes:
    """Tick (or untick) a task's done box."""
    row = session.get(CalendarEvent, task_id)
    if row is None or row.deleted_at is not None:
        raise RecordNotFound(translatable("Messages", "That event no longer exists."))
    row.status = EventStatus.DONE if done else EventStatus.CONFIRMED
    session.flush()
    return changes_in(session)
