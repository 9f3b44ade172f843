"""An account's whole story on one screen: its people, pipeline, orders and revenue, open service
cases and what is coming up; each a small list read with one SQL query, plus the details a
double-click shows."""

from __future__ import annotations

import datetime as dt
import uuid
import zoneinfo
from dataclasses import dataclass
from decimal import Decimal

from dateutil.rrule import rrulestr
from sqlalchemy import ColumnElement, case, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from crmdesk.core.errors import RecordNotFound
from crmdesk.core.texts import translatable
from crmdesk.models import (
    Account,
    CalendarEvent,
    Contact,
    Opportunity,
    Order,
    OrderLine,
    PipelineStage,
    Product,
    ServiceCase,
)
from crmdesk.models.activities import event_contacts
from crmdesk.models.base import Money
from crmdesk.models.enums import CaseStatus, EventStatus, OrderStatus
from crmdesk.models.names import display_name
from crmdesk.services.calendar import contacts_of_events
from crmdesk.services.cases import vip_complaint_condition
from crmdesk.services.contacts import ContactRow, contact_rows

NO_REVENUE = frozenset({OrderStatus.CANCELLED, OrderStatus.RETURNED})
OPEN_CASES = (CaseStatus.NEW, CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS, CaseStatus.REOPENED)
LIST_LIMIT = 100
EVENT_LIMIT = 20


@dataclass(frozen=True)
class StoryOpportunity:
    id: uuid.UUID
    name: str
    stage: str
    is_won: bool
    is_lost: bool
    amount: Decimal
    currency: str
    close_date: dt.date | None  # closed on, or expected to close on while open


@dataclass(frozen=True)
class StoryOrder:
    id: uuid.UUID
    number: str
    ordered_on: dt.date
    amount: Decimal
    currency: str
    status: OrderStatus


@dataclass(frozen=True)
class Revenue:
    """What the account bought in one currency; cancelled and returned orders do not count."""

    currency: str
    last_12_months: Decimal
    all_time: Decimal


@dataclass(frozen=True)
class StoryCase:
    id: uuid.UUID
    number: str
    subject: str
    kind: str
    priority: str
    status: str
    opened_at: dt.datetime
    vip_complaint: bool = False  # stands out in the story


@dataclass(frozen=True)
class StoryEvent:
    id: uuid.UUID
    title: str
    kind: str
    starts_at: dt.datetime | None  # the next start of a timed event (or of a series)
    day: dt.date | None  # an all-day event's first day
    location: str
    recurring: bool


@dataclass(frozen=True)
class AccountStory:
    contacts: tuple[ContactRow, ...]
    opportunities: tuple[StoryOpportunity, ...]
    orders: tuple[StoryOrder, ...]
    order_count: int
    revenue: tuple[Revenue, ...]
    cases: tuple[StoryCase, ...]
    events: tuple[StoryEvent, ...]


def year_before(day: dt.date) -> dt.date:
    """The same day a year earlier (28 February for a 29th)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def account_story(
    session: Session,
    account_id: uuid.UUID,
    *,
    now: dt.datetime | None = None,
) -> AccountStory:
    """Everything the account form lists beside its fields, as of `now` (default: this moment)."""
    now = now or dt.datetime.now(dt.UTC)
    today = now.date()
    contact_ids = list(
        session.scalars(
            select(Contact.id)
            .where(Contact.account_id == account_id, Contact.deleted_at.is_(None))
            .order_by(Contact.sort_key, Contact.id)
            .limit(LIST_LIMIT)
        )
    )
    return AccountStory(
        contacts=tuple(contact_rows(session, contact_ids)),
        opportunities=tuple(_opportunities(session, account_id)),
        orders=tuple(_orders(session, account_id)),
        order_count=session.scalar(
            select(func.count(Order.id)).where(
                Order.account_id == account_id, Order.deleted_at.is_(None)
            )
        )
        or 0,
        revenue=tuple(revenue(session, account_id, today)),
        cases=tuple(_cases(session, account_id)),
        events=tuple(upcoming_events(session, account_id, now)),
    )


def _opportunities(session: Session, account_id: uuid.UUID) -> list[StoryOpportunity]:
    closed = PipelineStage.is_won | PipelineStage.is_lost
    rows = session.execute(
        select(
            Opportunity.id,
            Opportunity.name,
            PipelineStage.name,
            PipelineStage.is_won,
            PipelineStage.is_lost,
            Opportunity.amount,
            Opportunity.currency,
            func.coalesce(Opportunity.closed_on, Opportunity.expected_close),
        )
        .join(PipelineStage, PipelineStage.id == Opportunity.stage_id)
        .where(Opportunity.account_id == account_id, Opportunity.deleted_at.is_(None))
        # Open ones first, soonest to close; then the closed ones, latest first.
        .order_by(
            closed,
            case((closed, None), else_=Opportunity.expected_close).asc().nulls_last(),
            func.coalesce(Opportunity.closed_on, Opportunity.expected_close).desc(),
        )
        .limit(LIST_LIMIT)
    )
    return [StoryOpportunity(*row[:7], _as_date(row[7])) for row in rows]


def _as_date(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _orders(session: Session, account_id: uuid.UUID) -> list[StoryOrder]:
    rows = session.execute(
        select(Order.id, Order.number, Order.ordered_on, Order.amount, Order.currency, Order.status)
        .where(Order.account_id == account_id, Order.deleted_at.is_(None))
        .order_by(Order.ordered_on.desc(), Order.id.desc())
        .limit(LIST_LIMIT)
    )
    return [StoryOrder(*row[:5], OrderStatus(row[5])) for row in rows]


def revenue(session: Session, account_id: uuid.UUID, today: dt.date) -> list[Revenue]:
    """Revenue per currency: orders in the 12 months up to `today`, and all orders."""
    since = year_before(today)
    money = Money(scale=2)
    recent = case(((Order.ordered_on > since) & (Order.ordered_on <= today), Order.amount), else_=0)
    rows = session.execute(
        select(
            Order.currency,
            type_coerce(func.coalesce(func.sum(recent), 0), money),
            type_coerce(func.sum(Order.amount), money),
        )
        .where(
            Order.account_id == account_id,
            Order.deleted_at.is_(None),
            Order.status.not_in(NO_REVENUE),
        )
        .group_by(Order.currency)
        .order_by(func.sum(Order.amount).desc())
    )
    return [Revenue(currency, recent_sum, total) for currency, recent_sum, total in rows]


def _of_account(
    model: type[ServiceCase] | type[CalendarEvent], account_id: uuid.UUID
) -> ColumnElement[bool]:
    """Filed under the account, or under one of its contacts (an event: or about one)."""
    people = select(Contact.id).where(Contact.account_id == account_id)
    if model is CalendarEvent:
        linked = select(event_contacts.c.event_id).where(event_contacts.c.contact_id.in_(people))
        return or_(model.account_id == account_id, model.contact_id.in_(people),
                   CalendarEvent.id.in_(linked))  # fmt: skip
    return or_(model.account_id == account_id, model.contact_id.in_(people))


def _cases(session: Session, account_id: uuid.UUID) -> list[StoryCase]:
    urgency = case(
        {"urgent": 0, "high": 1, "normal": 2, "low": 3}, value=ServiceCase.priority, else_=4
    )
    rows = session.execute(
        select(
            ServiceCase.id,
            ServiceCase.number,
            ServiceCase.subject,
            ServiceCase.kind,
            ServiceCase.priority,
            ServiceCase.status,
            ServiceCase.opened_at,
            vip_complaint_condition(),
        )
        .where(
            _of_account(ServiceCase, account_id),
            ServiceCase.deleted_at.is_(None),
            ServiceCase.status.in_(OPEN_CASES),
        )
        .order_by(urgency, ServiceCase.opened_at)
        .limit(LIST_LIMIT)
    )
    return [StoryCase(*row[:-1], vip_complaint=bool(row[-1])) for row in rows]


def upcoming_events(
    session: Session, account_id: uuid.UUID, now: dt.datetime, limit: int = EVENT_LIMIT
) -> list[StoryEvent]:
    """What is planned from `now` on (not cancelled nor done), soonest first; a recurring
    series shows once, at its next occurrence."""
    today = now.date()
    rows = session.execute(
        select(
            CalendarEvent.id,
            CalendarEvent.title,
            CalendarEvent.kind,
            CalendarEvent.starts_at,
            CalendarEvent.start_date,
            CalendarEvent.location,
            CalendarEvent.rrule,
            CalendarEvent.time_zone,
            CalendarEvent.exdates,
        ).where(
            _of_account(CalendarEvent, account_id),
            CalendarEvent.deleted_at.is_(None),
            CalendarEvent.series_id.is_(None),
            CalendarEvent.status.not_in((EventStatus.CANCELLED, EventStatus.DONE)),
            or_(
                CalendarEvent.starts_at >= now,
                CalendarEvent.start_date >= today,
                CalendarEvent.rrule != "",
            ),
        )
    )
    found = []
    for event_id, title, kind, starts_at, day, location, rule, zone, exdates in rows:
        if rule and starts_at is not None:
            starts_at = next_occurrence(starts_at, rule, zone, exdates or [], now)
            if starts_at is None:
                continue
        elif rule and day is not None and day < today:
            continue  # an all-day series: shown by its first day only
        found.append(StoryEvent(event_id, title, kind, starts_at, day, location, bool(rule)))
    found.sort(key=_event_start)
    return found[:limit]


def _event_start(event: StoryEvent) -> dt.datetime:
    if event.starts_at is not None:
        return event.starts_at
    day = event.day or dt.date.max
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def next_occurrence(
    first: dt.datetime, rule: str, zone: str, exdates: list[str], now: dt.datetime
) -> dt.datetime | None:
    """The first start of a series at or after `now`, in UTC, skipping its EXDATEs; the rule
    runs in the event's own zone so 09:00 stays 09:00 across daylight-saving changes."""
    try:
        tz = zoneinfo.ZoneInfo(zone) if zone else dt.UTC
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        tz = dt.UTC
    local_first = first.astimezone(tz)
    skipped = set()
    for text in exdates:
        try:
            skipped.add(dt.datetime.fromisoformat(text).astimezone(dt.UTC))
        except ValueError:
            continue
    try:
        rules = rrulestr(rule, dtstart=local_first)
    except (ValueError, TypeError):
        return None
    for start in rules.xafter(now.astimezone(tz), count=500, inc=True):
        if start.astimezone(dt.UTC) not in skipped:
            return start.astimezone(dt.UTC)
    return None


# -- what a double-click shows -------------------------------------------------------------------


@dataclass(frozen=True)
class OrderLineRow:
    description: str
    quantity: Decimal
    unit_price: Decimal
    amount: Decimal


@dataclass(frozen=True)
class OrderDetail:
    id: uuid.UUID
    number: str
    ordered_on: dt.date
    status: OrderStatus
    amount: Decimal
    currency: str
    contact: str
    notes: str
    lines: tuple[OrderLineRow, ...]


@dataclass(frozen=True)
class OpportunityDetail:
    id: uuid.UUID
    name: str
    stage: str
    amount: Decimal
    currency: str
    probability: Decimal | None
    expected_close: dt.date | None
    closed_on: dt.date | None
    owner: str
    contact: str
    lost_reason: str
    notes: str


@dataclass(frozen=True)
class EventDetail:
    id: uuid.UUID
    title: str
    kind: str
    status: str
    all_day: bool
    starts_at: dt.datetime | None
    ends_at: dt.datetime | None
    start_date: dt.date | None
    end_date: dt.date | None  # exclusive
    location: str
    description: str
    recurring: bool
    attendees: tuple[str, ...]
    owner: str
    contact: str  # the one it is filed under
    contacts: tuple[str, ...] = ()  # every contact it is about, that one first


def _contact_name(session: Session, contact_id: uuid.UUID | None) -> str:
    if contact_id is None:
        return ""
    row = session.execute(
        select(
            Contact.family_name, Contact.given_name, Contact.middle_name, Contact.organization
        ).where(Contact.id == contact_id)
    ).one_or_none()
    return (display_name(row[0], row[1], row[2]) or row[3]) if row else ""


def _missing(what: str, record_id: uuid.UUID) -> RecordNotFound:
    return RecordNotFound(what, values=(record_id,))


def order_detail(session: Session, order_id: uuid.UUID) -> OrderDetail:
    order = session.get(Order, order_id)
    if order is None:
        raise _missing(translatable("Messages", "No order with id %1."), order_id)
    lines = session.execute(
        select(
            func.coalesce(func.nullif(OrderLine.description, ""), Product.name, ""),
            OrderLine.quantity,
            OrderLine.unit_price,
            OrderLine.amount,
        )
        .outerjoin(Product, Product.id == OrderLine.product_id)
        .where(OrderLine.order_id == order_id, OrderLine.deleted_at.is_(None))
        .order_by(OrderLine.position)
    )
    return OrderDetail(
        order.id,
        order.number,
        order.ordered_on,
        OrderStatus(order.status),
        order.amount,
        order.currency,
        _contact_name(session, order.contact_id),
        order.notes,
        tuple(OrderLineRow(*row) for row in lines),
    )


def opportunity_detail(session: Session, opportunity_id: uuid.UUID) -> OpportunityDetail:
    row = session.execute(
        select(Opportunity, PipelineStage.name)
        .join(PipelineStage, PipelineStage.id == Opportunity.stage_id)
        .where(Opportunity.id == opportunity_id)
    ).one_or_none()
    if row is None:
        raise _missing(translatable("Messages", "No opportunity with id %1."), opportunity_id)
    o, stage = row
    return OpportunityDetail(
        o.id,
        o.name,
        stage,
        o.amount,
        o.currency,
        o.probability,
        o.expected_close,
        o.closed_on,
        o.owner,
        _contact_name(session, o.contact_id),
        o.lost_reason,
        o.notes,
    )


def event_detail(session: Session, event_id: uuid.UUID) -> EventDetail:
    e = session.get(CalendarEvent, event_id)
    if e is None:
        raise _missing(translatable("Messages", "No calendar entry with id %1."), event_id)
    attendees = tuple(str(a.get("name") or a.get("email") or "") for a in (e.attendees or []) if a)
    return EventDetail(
        e.id,
        e.title,
        e.kind,
        e.status,
        e.all_day,
        e.starts_at,
        e.ends_at,
        e.start_date,
        e.end_date,
        e.location,
        e.description,
        bool(e.rrule),
        tuple(a for a in attendees if a),
        e.owner,
        _contact_name(session, e.contact_id),
        tuple(c.name for c in contacts_of_events(session, [e.id]).get(e.id, [])),
    )


def account_name(session: Session, account_id: uuid.UUID) -> str:
    return session.scalar(select(Account.name).where(Account.id == account_id)) or ""


__all__ = [
    "AccountStory",
    "EventDetail",
    "OpportunityDetail",
    "OrderDetail",
    "Revenue",
    "StoryCase",
    "StoryEvent",
    "StoryOpportunity",
    "StoryOrder",
    "account_story",
    "event_detail",
    "next_occurrence",
    "opportunity_detail",
    "order_detail",
    "revenue",
    "upcoming_events",
]
