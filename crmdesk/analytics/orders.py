"""The orders every customer figure reads: live, not cancelled or returned, up to a date.

Amounts are stored as integer cents (`models.base.Money`), so SQL sums them exactly and the
figures turn them into Decimal once, per customer or per group, never per order.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, Float, and_, cast, func, select, type_coerce
from sqlalchemy.orm import Session

from crmdesk.models import Account, Order, OrderLine, Product
from crmdesk.models.enums import OrderStatus

COUNTED = (OrderStatus.OPEN, OrderStatus.PAID, OrderStatus.SHIPPED)
CENTS = Decimal("0.01")


def counted_orders(as_of: dt.date, since: dt.date | None = None) -> Any:
    """The WHERE clause of the orders a figure counts: live, of a live account, not cancelled
    or returned, ordered on or before `as_of` (and on or after `since`)."""
    where = [
        Order.deleted_at.is_(None),
        Order.status.in_([s.value for s in COUNTED]),
        Order.ordered_on <= as_of,
    ]
    if since is not None:
        where.append(Order.ordered_on >= since)
    return and_(*where)


def per_account(as_of: dt.date, since: dt.date | None = None) -> Any:
    """One row per live customer with a counted order: last order day, order count, sum in
    cents. The orders are grouped first (an index-only scan of ix_orders_figures) and only the
    groups are joined to their account, not every order."""
    grouped = (
        select(
            Order.account_id.label("account_id"),
            func.max(Order.ordered_on).label("last"),
            func.min(Order.ordered_on).label("first"),
            func.count().label("orders"),
            func.sum(type_coerce(Order.amount, BigInteger)).label("cents"),
        )
        .where(counted_orders(as_of, since))
        .group_by(Order.account_id)
        .subquery()
    )
    return _of_live_accounts(grouped)


def costed_lines() -> Any:
    """Per order, its live lines whose product has a cost (cost > 0; 0 is the column's "not
    entered"): their amount and their margin, amount − quantity × cost, both in cents."""
    cents = type_coerce(OrderLine.amount, BigInteger)
    cost_cents = type_coerce(Product.cost, BigInteger) / 100.0  # Money(scale=4) → cents
    return (
        select(
            OrderLine.order_id.label("order_id"),
            func.sum(cents).label("cents"),
            func.sum(cents - type_coerce(OrderLine.quantity, Float) * cost_cents).label("margin"),
        )
        .join(Product, Product.id == OrderLine.product_id)
        .where(OrderLine.deleted_at.is_(None), type_coerce(Product.cost, BigInteger) > 0)
        .group_by(OrderLine.order_id)
        .subquery()
    )


def margin_per_account(as_of: dt.date, since: dt.date | None, rate: float) -> Any:
    """per_account's rows with each customer's margin in cents beside its revenue: lines with a
    product cost give amount − quantity × cost; the rest of each order's amount (lines without
    a cost, orders without lines) earns `rate` × amount. `costed` is the revenue the costs
    covered, so a figure can say how much of its margin came from the rate."""
    lines = costed_lines()
    costed = func.coalesce(lines.c.cents, 0)
    order_cents = type_coerce(Order.amount, BigInteger)
    margin = func.coalesce(lines.c.margin, 0.0) + (order_cents - costed) * rate
    grouped = (
        select(
            Order.account_id.label("account_id"),
            func.max(Order.ordered_on).label("last"),
            func.min(Order.ordered_on).label("first"),
            func.count().label("orders"),
            func.sum(order_cents).label("revenue"),
            cast(func.round(func.sum(margin)), BigInteger).label("cents"),
            func.sum(costed).label("costed"),
        )
        .outerjoin(lines, lines.c.order_id == Order.id)
        .where(counted_orders(as_of, since))
        .group_by(Order.account_id)
        .subquery()
    )
    return _of_live_accounts(grouped)


def _of_live_accounts(grouped: Any) -> Any:
    """The per-account rows of accounts not in the recycle bin."""
    return (
        select(grouped)
        .join(Account, Account.id == grouped.c.account_id)
        .where(Account.deleted_at.is_(None))
    )


def money(cents: int | None) -> Decimal:
    """Integer cents from a SQL sum as Decimal currency units."""
    return Decimal(int(cents or 0)).scaleb(-2)


def no_orders(session: Session, as_of: dt.date, since: dt.date | None = None) -> list[Any]:
    """Live customers without a counted order (id, name, owner), listed apart by the figures."""
    bought = per_account(as_of, since).subquery()
    return list(
        session.execute(
            select(Account.id, Account.name, Account.owner)
            .where(Account.deleted_at.is_(None), Account.id.not_in(select(bought.c.account_id)))
            .order_by(Account.sort_key, Account.id)
        )
    )
