"""A contact's or account's timeline: activities and calendar events, newest first, in pages."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, literal, or_, select, union_all
from sqlalchemy.orm import Session

from crmdesk.models import Activity, CalendarEvent


@dataclass(frozen=True)
class TimelineItem:
    id: uuid.UUID
    source: str  # "activity" or "event"
    kind: str
    when: dt.datetime
    subject: str
    body: str
    outcome: str


def timeline(
    session: Session,
    *,
    contact_id: uuid.UUID | None = None,
    account_id: uuid.UUID | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[TimelineItem]:
    """One page of the timeline; a feed read from the top, so offset paging suits it."""

    def about(model: type[Activity] | type[CalendarEvent]) -> ColumnElement[bool]:
        conditions: list[ColumnElement[bool]] = []
        if contact_id:
            conditions.append(model.contact_id == contact_id)
        if account_id:
            conditions.append(model.account_id == account_id)
        return or_(*conditions) if conditions else literal(False)

    activities = select(
        Activity.id,
        literal("activity").label("source"),
        Activity.kind,
        Activity.occurred_at.label("when"),
        Activity.subject,
        Activity.body,
        Activity.outcome,
    ).where(about(Activity), Activity.deleted_at.is_(None))
    events = select(
        CalendarEvent.id,
        literal("event"),
        CalendarEvent.kind,
        func.coalesce(CalendarEvent.starts_at, CalendarEvent.start_date),
        CalendarEvent.title,
        CalendarEvent.description,
        CalendarEvent.status,
    ).where(
        about(CalendarEvent), CalendarEvent.deleted_at.is_(None), CalendarEvent.series_id.is_(None)
    )
    merged = union_all(activities, events).subquery()
    rows = session.execute(
        select(merged).order_by(merged.c.when.desc()).limit(limit).offset(offset)
    )
    return [
        TimelineItem(uuid.UUID(str(r[0])), r[1], r[2], _as_datetime(r[3]), r[4], r[5], r[6])
        for r in rows
    ]


def _as_datetime(value: object) -> dt.datetime:
    """Union rows lose column types: normalise to an aware UTC datetime."""
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    parsed = dt.datetime.fromisoformat(str(value))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
