"""A contact's or account's timeline: activities, calendar events, orders, opportunities and
service cases, newest first, in pages. An account's holds the events filed under its people too."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import ColumnElement, Integer, case, func, literal, null, or_, select, union_all
from sqlalchemy.orm import Session

from crmdesk.models import (
    Activity,
    CalendarEvent,
    Contact,
    Opportunity,
    Order,
    PipelineStage,
    ServiceCase,
)
from crmdesk.models.activities import activity_participants, event_contacts
from crmdesk.services.cases import vip_complaint_condition

VIP_COMPLAINT = "vip_complaint"  # a case's kind on the timeline when a VIP complains


@dataclass(frozen=True)
class TimelineItem:
    id: uuid.UUID
    source: str  # "activity", "event", "order", "opportunity" or "case"
    kind: str  # an activity's or event's kind; "order", "opportunity"
    when: dt.datetime
    subject: str  # an order's number, an opportunity's name
    body: str
    outcome: str  # an event's, an order's status; an opportunity's stage
    amount: Decimal | None = None  # an order's or opportunity's
    currency: str = ""
    dated: bool = False  # a date without a time (an all-day event, an order)


def timeline(
    session: Session,
    *,
    contact_id: uuid.UUID | None = None,
    account_id: uuid.UUID | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[TimelineItem]:
    """One page of the timeline; a feed read from the top, so offset paging suits it.

    A contact's timeline also holds the activities they were present at."""

    def about(
        model: type[Activity] | type[CalendarEvent] | type[Order] | type[Opportunity]
        | type[ServiceCase],
    ) -> ColumnElement[bool]:
        conditions = []
        if contact_id:
            conditions.append(model.contact_id == contact_id)
            if model is Activity:
                present = select(activity_participants.c.activity_id).where(
                    activity_participants.c.contact_id == contact_id
                )
                conditions.append(Activity.id.in_(present))
            if model is CalendarEvent:  # any of the contacts the event is about
                linked = select(event_contacts.c.event_id).where(
                    event_contacts.c.contact_id == contact_id
                )
                conditions.append(CalendarEvent.id.in_(linked))
        if account_id:
            conditions.append(model.account_id == account_id)
            if model is CalendarEvent:  # filed under one of its people, as the account story has it
                people = select(Contact.id).where(Contact.account_id == account_id)
                conditions.append(CalendarEvent.contact_id.in_(people))
                linked = select(event_contacts.c.event_id).where(
                    event_contacts.c.contact_id.in_(people)
                )
                conditions.append(CalendarEvent.id.in_(linked))
        return or_(*conditions) if conditions else literal(False)

    activities = select(
        Activity.id,
        literal("activity").label("source"),
        Activity.kind,
        Activity.occurred_at.label("when"),
        Activity.subject,
        Activity.body,
        Activity.outcome,
        null().label("amount"),
        literal("").label("currency"),
        literal(0).label("dated"),
    ).where(about(Activity), Activity.deleted_at.is_(None))
    events = select(
        CalendarEvent.id,
        literal("event"),
        CalendarEvent.kind,
        func.coalesce(CalendarEvent.starts_at, CalendarEvent.start_date),
        CalendarEvent.title,
        CalendarEvent.description,
        CalendarEvent.status,
        null(),
        literal(""),
        case((CalendarEvent.starts_at.is_(None), 1), else_=0),
    ).where(about(CalendarEvent), CalendarEvent.deleted_at.is_(None))  # a series at its first
    # start; an occurrence moved, or marked done, on its own (it is a row of its own)
    # Money is stored in cents; a union loses the column type, so the cents travel as integers.
    orders = select(
        Order.id,
        literal("order"),
        literal("order"),
        Order.ordered_on,
        Order.number,
        Order.notes,
        Order.status,
        Order.__table__.c.amount.cast(Integer),
        Order.currency,
        literal(1),
    ).where(about(Order), Order.deleted_at.is_(None))
    opportunities = (
        select(
            Opportunity.id,
            literal("opportunity"),
            literal("opportunity"),
            func.coalesce(Opportunity.closed_on, Opportunity.created_at),
            Opportunity.name,
            Opportunity.notes,
            PipelineStage.name,
            Opportunity.__table__.c.amount.cast(Integer),
            Opportunity.currency,
            case((Opportunity.closed_on.is_(None), 0), else_=1),
        )
        .join(PipelineStage, PipelineStage.id == Opportunity.stage_id)
        .where(about(Opportunity), Opportunity.deleted_at.is_(None))
    )
    cases = select(
        ServiceCase.id,
        literal("case"),
        case((vip_complaint_condition(), literal(VIP_COMPLAINT)), else_=ServiceCase.kind),
        ServiceCase.opened_at,
        ServiceCase.number + " " + ServiceCase.subject,
        ServiceCase.description,
        ServiceCase.status,
        null(),
        literal(""),
        literal(0),
    ).where(about(ServiceCase), ServiceCase.deleted_at.is_(None))
    merged = union_all(activities, events, orders, opportunities, cases).subquery()
    rows = session.execute(
        select(merged).order_by(merged.c.when.desc()).limit(limit).offset(offset)
    )
    return [
        TimelineItem(
            uuid.UUID(str(r[0])),
            r[1],
            r[2],
            _as_datetime(r[3]),
            r[4],
            r[5],
            r[6],
            None if r[7] is None else Decimal(r[7]).scaleb(-2),
            r[8],
            bool(r[9]),
        )
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
