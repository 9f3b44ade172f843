"""A deal's follow-ups and story: "Schedule follow-up" makes a calendar event or task linked
to it (through the calendar's own save), and its activities and events are listed together.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.core.errors import KnownError
from crmdesk.core.texts import translatable
from crmdesk.models import Activity, CalendarEvent
from crmdesk.models.enums import EventKind, EventStatus
from crmdesk.services.calendar import EventDraft, save_event
from crmdesk.services.changes import Changes
from crmdesk.services.pipeline.moves import opportunity_record

FOLLOW_UP_MINUTES = 30


def schedule_follow_up(
    session: Session,
    opp_id: uuid.UUID,
    *,
    title: str,
    day: dt.date,
    at: dt.time | None = None,
    kind: EventKind = EventKind.TASK,
    zone: str = "UTC",
) -> tuple[uuid.UUID, Changes]:
    """A task (or a call, visit, meeting) about the deal, with its account, contact and owner;
    without a time it is due that day (all-day)."""
    opp = opportunity_record(session, opp_id)
    if not title.strip():
        raise KnownError(translatable("Messages", "A follow-up needs a title."))
    draft = EventDraft(
        title=title.strip(), kind=kind, owner=opp.owner, account_id=opp.account_id,
        contact_id=opp.contact_id, opportunity_id=opp.id, time_zone=zone,
        description=opp.next_step,
    )  # fmt: skip
    if at is None:
        draft.all_day, draft.start_date = True, day
        draft.end_date = day + dt.timedelta(days=1)
    else:
        start = dt.datetime.combine(day, at, tzinfo=ZoneInfo(zone))
        draft.starts_at, draft.ends_at = start, start + dt.timedelta(minutes=FOLLOW_UP_MINUTES)
    return save_event(session, draft)


@dataclass(frozen=True)
class StoryItem:
    """An activity that happened or an event planned about the deal."""

    id: uuid.UUID
    source: str  # "activity" or "event"
    kind: str  # the activity's or event's kind
    when: dt.datetime | dt.date | None
    subject: str
    status: str  # an event's status; an activity's outcome
    done: bool


def _sort_key(item: StoryItem) -> str:
    return item.when.isoformat() if item.when is not None else ""


def opportunity_story(session: Session, opp_id: uuid.UUID, limit: int = 200) -> list[StoryItem]:
    """The deal's activities and events, newest first (undated tasks last)."""
    items = [
        StoryItem(a.id, "activity", a.kind, a.occurred_at, a.subject, a.outcome, True)
        for a in session.scalars(
            select(Activity)
            .where(Activity.opportunity_id == opp_id, Activity.deleted_at.is_(None))
            .order_by(Activity.occurred_at.desc())
            .limit(limit)
        )
    ]
    for e in session.scalars(
        select(CalendarEvent)
        .where(CalendarEvent.opportunity_id == opp_id, CalendarEvent.deleted_at.is_(None))
        .limit(limit)
    ):
        when = e.starts_at if e.starts_at is not None else e.start_date
        items.append(StoryItem(e.id, "event", e.kind, when, e.title, e.status,
                               e.status == EventStatus.DONE))  # fmt: skip
    return sorted(items, key=_sort_key, reverse=True)[:limit]
