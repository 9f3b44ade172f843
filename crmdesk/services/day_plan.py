"""The day plan for field work: the day's visits (and calls, meetings) in order, each with the
customer's address and phone, the last activity with them and their open opportunities."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.models import Activity
from crmdesk.models.customers import Address, Phone
from crmdesk.models.enums import EventKind
from crmdesk.models.sales import Opportunity
from crmdesk.services.calendar import occurrences_between


@dataclass(frozen=True, slots=True)
class PlanStop:
    """One appointment of the day, with what a field visit needs to know."""

    start: dt.datetime | None  # the laptop's time; None for an all-day item
    end: dt.datetime | None
    title: str
    kind: EventKind
    location: str
    account: str
    address: str
    phone: str
    last_activity: str
    open_opportunities: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DayPlan:
    day: dt.date
    owner: str
    stops: tuple[PlanStop, ...]


def day_plan(session: Session, day: dt.date, zone: ZoneInfo, owner: str | None = None) -> DayPlan:
    """The owner's (or everyone's) visits, calls and meetings of `day`, in start order."""
    start = dt.datetime.combine(day, dt.time(), tzinfo=zone).astimezone(dt.UTC)
    found = [o for o in occurrences_between(session, start, start + dt.timedelta(days=1),
                                            owner=owner)
             if o.kind != EventKind.TASK]
    stops = []
    for one in found:
        details = _account_details(session, one.account_id)
        begin = one.start.astimezone(zone) if isinstance(one.start, dt.datetime) else None
        end = one.end.astimezone(zone) if isinstance(one.end, dt.datetime) else None
        stops.append(PlanStop(begin, end, one.title, one.kind, one.location, one.account,
                              *details))
    return DayPlan(day, owner or "", tuple(stops))


def _account_details(
    session: Session, account_id: uuid.UUID | None
) -> tuple[str, str, str, tuple[str, ...]]:
    if account_id is None:
        return "", "", "", ()
    address = session.execute(
        select(Address.street, Address.city, Address.region, Address.postal_code)
        .where(Address.account_id == account_id).order_by(Address.position).limit(1)
    ).first()
    phone = session.scalar(
        select(Phone.number).where(Phone.account_id == account_id)
        .order_by(Phone.position).limit(1)
    )
    last = session.execute(
        select(Activity.occurred_at, Activity.subject, Activity.outcome)
        .where(Activity.account_id == account_id, Activity.deleted_at.is_(None))
        .order_by(Activity.occurred_at.desc()).limit(1)
    ).first()
    opportunities = session.execute(
        select(Opportunity.name, Opportunity.amount, Opportunity.currency)
        .where(Opportunity.account_id == account_id, Opportunity.closed_on.is_(None),
               Opportunity.deleted_at.is_(None))
        .order_by(Opportunity.expected_close).limit(5)
    ).all()
    where = " ".join(p for p in (address or ()) if p) if address else ""
    last_text = ""
    if last is not None:
        last_text = f"{last.occurred_at:%Y-%m-%d} {last.subject}".strip()
        if last.outcome:
            last_text += f" — {last.outcome}"
    return where, phone or "", last_text, tuple(
        f"{o.name} ({o.amount:,.0f} {o.currency})" for o in opportunities
    )


__all__ = ["DayPlan", "PlanStop", "day_plan"]
