"""Churn risk: a customer silent for longer than its own usual interval between orders.

A customer's usual interval is the median of the gaps between its distinct order days (the
mean of the two middle gaps when their number is even), from LAG() and ROW_NUMBER() in SQL.
It is at risk when the days since its last order exceed that median × the factor. A customer
with orders on one day only has no interval and is not judged.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Float, and_, cast, func, select
from sqlalchemy.orm import Session

from crmdesk.analytics.orders import counted_orders
from crmdesk.models import Account, Order

DEFAULT_FACTOR = 2.0


@dataclass(frozen=True, slots=True)
class ChurnRow:
    id: uuid.UUID
    name: str
    owner: str
    last_order: dt.date
    days_silent: int
    median_gap: float
    overdue_by: float  # days_silent / median gap


def intervals(as_of: dt.date, owner: str | None = None) -> tuple[Any, Any]:
    """(median gap per account, last order day per account) as subqueries; what `at_risk`
    reads and what storing the scores writes onto the account."""
    days = (
        select(Order.account_id.label("account_id"), Order.ordered_on.label("day"))
        .join(Account, Account.id == Order.account_id)
        .where(
            counted_orders(as_of),
            Account.deleted_at.is_(None),
            *([Account.owner == owner] if owner else []),
        )
        .group_by(Order.account_id, Order.ordered_on)
        .subquery()
    )
    previous = func.lag(days.c.day).over(partition_by=days.c.account_id, order_by=days.c.day)
    gaps = select(
        days.c.account_id,
        days.c.day,
        (func.julianday(days.c.day) - func.julianday(previous)).label("gap"),
    ).subquery()
    numbered = (
        select(
            gaps.c.account_id,
            gaps.c.gap,
            func.row_number().over(partition_by=gaps.c.account_id, order_by=gaps.c.gap).label("k"),
            func.count().over(partition_by=gaps.c.account_id).label("c"),
        )
        .where(gaps.c.gap.is_not(None))
        .subquery()
    )
    medians = (
        select(numbered.c.account_id, func.avg(cast(numbered.c.gap, Float)).label("median"))
        .where(numbered.c.k.in_([(numbered.c.c + 1) // 2, (numbered.c.c + 2) // 2]))
        .group_by(numbered.c.account_id)
        .subquery()
    )
    last = (
        select(days.c.account_id, func.max(days.c.day).label("last"))
        .group_by(days.c.account_id)
        .subquery()
    )
    return medians, last


def at_risk(
    session: Session,
    as_of: dt.date,
    factor: float = DEFAULT_FACTOR,
    *,
    owner: str | None = None,
    limit: int | None = None,
) -> list[ChurnRow]:
    """Customers at churn risk on `as_of`, the most overdue first."""
    medians, last = intervals(as_of, owner)
    silent = func.julianday(as_of.isoformat()) - func.julianday(last.c.last)
    stmt = (
        select(
            Account.id,
            Account.name,
            Account.owner,
            last.c.last,
            silent.label("silent"),
            medians.c.median,
        )
        .join(last, last.c.account_id == Account.id)
        .join(medians, medians.c.account_id == Account.id)
        .where(and_(medians.c.median > 0, silent > medians.c.median * factor))
        .order_by((silent / medians.c.median).desc(), Account.id)
    )
    if owner:
        stmt = stmt.where(Account.owner == owner)
    if limit:
        stmt = stmt.limit(limit)
    return [
        ChurnRow(
            row.id,
            row.name,
            row.owner,
            _day(row.last),
            int(row.silent),
            float(row.median),
            float(row.silent) / float(row.median),
        )
        for row in session.execute(stmt)
    ]


def _day(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def stored_at_risk(
    session: Session, day: dt.date, factor: float = DEFAULT_FACTOR, *, owner: str | None = None,
    limit: int | None = None,
) -> list[ChurnRow]:  # fmt: skip
    """`at_risk` from the last order and usual gap stored on the accounts (services/insights
    writes them with the scores): an index read, for the Today page."""
    silent = func.julianday(day.isoformat()) - func.julianday(Account.last_order_on)
    stmt = (
        select(Account.id, Account.name, Account.owner, Account.last_order_on,
               silent.label("silent"), Account.usual_gap_days)
        .where(Account.deleted_at.is_(None), Account.usual_gap_days > 0,
               silent > Account.usual_gap_days * factor)
        .order_by((silent / Account.usual_gap_days).desc(), Account.id)
    )  # fmt: skip
    if owner:
        stmt = stmt.where(Account.owner == owner)
    if limit:
        stmt = stmt.limit(limit)
    return [
        ChurnRow(row.id, row.name, row.owner, _day(row.last_order_on), int(row.silent),
                 float(row.usual_gap_days), float(row.silent) / float(row.usual_gap_days))
        for row in session.execute(stmt)
    ]  # fmt: skip
