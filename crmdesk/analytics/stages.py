"""Loyalty stage and lifecycle phase suggested for every customer, each with its reason.

The rules are `loyalty.loyalty_stage` and `lifecycle.lifecycle_phase`; this reads each live
customer's counted order days and its last contact (the newest activity with the account or
one of its people; for a prospect, at least the day it was entered) in grouped queries and
says, beside the suggestion, the facts the rules looked at (years as a customer, purchases,
days since the last, this year against the year before, days since the last contact), so a
person can see why before confirming.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crmdesk.analytics.lifecycle import lifecycle_phase
from crmdesk.analytics.loyalty import loyalty_stage
from crmdesk.analytics.orders import counted_orders
from crmdesk.analytics.purchases import bought_in_year, purchase_days
from crmdesk.core.texts import Text, translatable
from crmdesk.models import Account, Activity, Contact, Order
from crmdesk.models.enums import LifecyclePhase, LoyaltyStage


@dataclass(frozen=True, slots=True)
class StageSuggestion:
    id: uuid.UUID
    name: str
    loyalty_now: LoyaltyStage
    loyalty: LoyaltyStage
    lifecycle_now: LifecyclePhase
    lifecycle: LifecyclePhase
    reason: Text

    @property
    def changes(self) -> bool:
        return self.loyalty != self.loyalty_now or self.lifecycle != self.lifecycle_now


def reason_for(days: list[dt.date], today: dt.date, last_contact: dt.date | None = None) -> Text:
    """The facts the loyalty and lifecycle rules read, in words."""
    bought = _bought_reason(days, today)
    if last_contact is None:
        return bought
    silent = max(0, (today - last_contact).days)
    return Text(translatable("Insights", "%1; last contact %2 days ago"), bought, silent)


def _bought_reason(days: list[dt.date], today: dt.date) -> Text:
    if not days:
        return Text(translatable("Insights", "no purchase yet"))
    ordinals = purchase_days(days)
    now = today.toordinal()
    return Text(
        translatable(
            "Insights",
            "customer for %1 years; %2 purchases; last %3 days ago; "
            "%4 in the last 365 days against %5 the year before",
        ),
        f"{(now - ordinals[0]) / 365.25:.1f}",
        len(ordinals),
        now - ordinals[-1],
        bought_in_year(ordinals, now, 0),
        bought_in_year(ordinals, now, 1),
    )


def _last_contacts(as_of: dt.date) -> Any:
    """Per account, the day of its newest activity up to `as_of`, logged on the account or on
    one of its people."""
    account = func.coalesce(Activity.account_id, Contact.account_id)
    return (
        select(account.label("account_id"), func.max(Activity.occurred_at).label("last"))
        .outerjoin(Contact, Contact.id == Activity.contact_id)
        .where(
            Activity.deleted_at.is_(None),
            Activity.occurred_at < _start_of(as_of + dt.timedelta(days=1)),
        )
        .group_by(account)
        .subquery()
    )


def _start_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), dt.UTC)


def _day_of(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def suggestions(session: Session, as_of: dt.date) -> list[StageSuggestion]:
    """Every live customer's suggested stage and phase (those without orders too)."""
    days = (
        select(Order.account_id, func.group_concat(Order.ordered_on, ",").label("days"))
        .where(counted_orders(as_of))
        .group_by(Order.account_id)
        .subquery()
    )
    contacts = _last_contacts(as_of)
    rows = session.execute(
        select(
            Account.id, Account.name, Account.loyalty_stage, Account.lifecycle_phase,
            Account.created_at, days.c.days, contacts.c.last,
        )
        .outerjoin(days, days.c.account_id == Account.id)
        .outerjoin(contacts, contacts.c.account_id == Account.id)
        .where(Account.deleted_at.is_(None))
        .order_by(Account.sort_key, Account.id)
    )
    result = []
    for row in rows:
        bought = [dt.date.fromisoformat(d) for d in row.days.split(",")] if row.days else []
        # the day a prospect was entered starts its acquisition; a buyer's comes from its orders
        entered = None if bought else _day_of(row.created_at)
        touched = [d for d in (_day_of(row.last), entered) if d is not None and d <= as_of]
        last_contact = max(touched) if touched else None
        result.append(
            StageSuggestion(
                row.id,
                row.name,
                LoyaltyStage(row.loyalty_stage),
                loyalty_stage(bought, as_of),
                LifecyclePhase(row.lifecycle_phase),
                lifecycle_phase(bought, as_of, last_contact),
                reason_for(bought, as_of, last_contact),
            )
        )
    return result
