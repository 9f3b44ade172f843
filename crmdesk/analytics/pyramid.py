"""The value pyramid by revenue over a period: platinum, gold, iron and lead customers.

Over the customers who bought in the period, ranked by revenue highest first with RANK() (ties
share the best rank): a customer whose rank is within the first ⌈1 % × n⌉ is platinum, within
⌈5 % × n⌉ gold, within ⌈20 % × n⌉ iron, the rest lead. The cut-offs are cumulative and rounded
up, so any buyer makes a platinum customer, and a tie across a boundary goes to the higher tier.
The shares are configurable. By margin instead of revenue, an order line whose product has a
cost earns amount − quantity × cost and the rest of the revenue the configured margin rate
(`orders.margin_per_account`); the result says how much revenue each way covered. The Pareto
curve is the cumulative share of revenue against the share of customers, in 100 steps; the
80/20 check reads the top 20 % of customers' share.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import case, func, literal, select
from sqlalchemy.orm import Session

from crmdesk.analytics.orders import margin_per_account, money, per_account
from crmdesk.models.enums import ValueTier


class Tier(StrEnum):
    PLATINUM = "platinum"
    GOLD = "gold"
    IRON = "iron"
    LEAD = "lead"


class Measure(StrEnum):
    REVENUE = "revenue"
    MARGIN = "margin"


SUGGESTED = {
    Tier.PLATINUM: ValueTier.VIP,
    Tier.GOLD: ValueTier.VIP,
    Tier.IRON: ValueTier.IMPORTANT,
    Tier.LEAD: ValueTier.ORDINARY,
}


@dataclass(frozen=True)
class Shares:
    """Each tier's share of the buyers, in percent (lead takes what is left)."""

    platinum: float = 1.0
    gold: float = 4.0
    iron: float = 15.0

    def cutoffs(self, n: int) -> tuple[int, int, int]:
        """The last rank of platinum, gold and iron among n buyers (rounded up, cumulative)."""
        total = 0.0
        result = []
        for share in (self.platinum, self.gold, self.iron):
            if share < 0:
                raise ValueError("a tier's share cannot be negative")
            total += share
            # a share like 1 % of 300 is 3 exactly: round away float dust before rounding up
            result.append(min(n, math.ceil(round(total * n / 100, 9))))
        return result[0], result[1], result[2]


@dataclass(frozen=True, slots=True)
class TierFigures:
    tier: Tier
    customers: int
    revenue: Decimal  # the measure: revenue, or margin when the pyramid is by margin
    threshold: Decimal | None  # the smallest value in the tier (None: nobody in it)
    suggested: ValueTier


@dataclass(frozen=True)
class Pyramid:
    since: dt.date | None
    until: dt.date
    buyers: int
    revenue: Decimal
    tiers: tuple[TierFigures, ...]  # platinum first
    pareto: tuple[tuple[float, float], ...]  # (share of customers, share of revenue), 0..1
    top20_share: float  # the revenue share of the top 20 % of buyers
    measure: Measure = Measure.REVENUE
    # by margin: the revenue whose margin came from product costs, and from the margin rate
    costed_revenue: Decimal = Decimal("0.00")
    rated_revenue: Decimal = Decimal("0.00")

    @property
    def holds_80_20(self) -> bool:
        return self.buyers > 0 and self.top20_share >= 0.8

    def tier(self, tier: Tier) -> TierFigures:
        return next(t for t in self.tiers if t.tier is tier)


def _tier_sql(rank: Any, cutoffs: tuple[int, int, int]) -> Any:
    return case(
        (rank <= cutoffs[0], literal(Tier.PLATINUM.value)),
        (rank <= cutoffs[1], literal(Tier.GOLD.value)),
        (rank <= cutoffs[2], literal(Tier.IRON.value)),
        else_=literal(Tier.LEAD.value),
    )


def measured(until: dt.date, since: dt.date | None, by: Measure, rate: float) -> Any:
    """One row per buyer whose `cents` is its revenue, or its margin."""
    if by is Measure.MARGIN:
        return margin_per_account(until, since, rate).subquery()
    return per_account(until, since).subquery()


def ranked(
    until: dt.date,
    since: dt.date | None,
    shares: Shares,
    n: int,
    by: Measure = Measure.REVENUE,
    rate: float = 0.3,
) -> Any:
    """Each buyer's revenue or margin (cents), rank, row number and tier, as a subquery."""
    base = measured(until, since, by, rate)
    inner = select(
        base.c.account_id,
        base.c.cents,
        func.rank().over(order_by=base.c.cents.desc()).label("rank"),
        func.row_number().over(order_by=(base.c.cents.desc(), base.c.account_id)).label("row"),
    ).subquery()
    return select(inner, _tier_sql(inner.c.rank, shares.cutoffs(n)).label("tier")).subquery()


def buyer_count(session: Session, until: dt.date, since: dt.date | None) -> int:
    base = per_account(until, since).subquery()
    return int(session.scalar(select(func.count()).select_from(base)) or 0)


def pyramid(
    session: Session,
    until: dt.date,
    since: dt.date | None = None,
    shares: Shares | None = None,
    by: Measure = Measure.REVENUE,
    margin_rate: float = 0.3,
) -> Pyramid:
    """The pyramid of the customers who bought between `since` and `until` (both included),
    by revenue or by margin (`margin_rate` for what has no product cost)."""
    shares = shares or Shares()
    n = buyer_count(session, until, since)
    r = ranked(until, since, shares, n, by, margin_rate)
    by_tier = {
        row.tier: row
        for row in session.execute(
            select(
                r.c.tier,
                func.count().label("customers"),
                func.sum(r.c.cents).label("cents"),
                func.min(r.c.cents).label("low"),
            ).group_by(r.c.tier)
        )
    }
    tiers = tuple(
        TierFigures(
            t,
            int(by_tier[t].customers) if t in by_tier else 0,
            money(by_tier[t].cents) if t in by_tier else Decimal("0.00"),
            money(by_tier[t].low) if t in by_tier else None,
            SUGGESTED[t],
        )
        for t in Tier
    )
    total = sum((t.revenue for t in tiers), Decimal("0.00"))
    pareto, top20 = _pareto(session, r, n, total)
    costed, rated = _coverage(session, until, since, by)
    return Pyramid(since, until, n, total, tiers, pareto, top20, by, costed, rated)


def _coverage(
    session: Session, until: dt.date, since: dt.date | None, by: Measure
) -> tuple[Decimal, Decimal]:
    """By margin: the revenue product costs covered and the revenue left to the rate."""
    if by is not Measure.MARGIN:
        return Decimal("0.00"), Decimal("0.00")
    base = margin_per_account(until, since, 0.0).subquery()
    revenue, costed = session.execute(
        select(func.sum(base.c.revenue), func.sum(base.c.costed))
    ).one()
    return money(costed), money(int(revenue or 0) - int(costed or 0))


def _pareto(
    session: Session, r: Any, n: int, total: Decimal
) -> tuple[tuple[tuple[float, float], ...], float]:
    """The curve in (at most) 100 steps of customers, from grouped sums, and the top-20 share."""
    if n == 0 or total <= 0:
        return ((0.0, 0.0), (1.0, 1.0)) if n else ((0.0, 0.0),), 0.0
    step = (r.c.row * 100 + n - 1) // n  # the percentile the row closes: 1..100
    sums = {
        int(s): (int(c), int(last))
        for s, c, last in session.execute(
            select(step, func.sum(r.c.cents), func.max(r.c.row)).group_by(step)
        )
    }
    points = [(0.0, 0.0)]
    running = 0
    whole = int(total * 100)
    for percentile in sorted(sums):
        cents, last = sums[percentile]
        running += cents
        points.append((last / n, running / whole))
    top = math.ceil(round(n * 0.2, 9))
    top_cents = session.scalar(select(func.sum(r.c.cents)).where(r.c.row <= top)) or 0
    top20 = int(top_cents) / whole
    return tuple(points), top20


def tiers_of(
    session: Session,
    until: dt.date,
    since: dt.date | None,
    shares: Shares | None = None,
    by: Measure = Measure.REVENUE,
    margin_rate: float = 0.3,
) -> dict[uuid.UUID, Tier]:
    """Each buyer's tier by revenue or margin (what applying the suggested value tiers reads)."""
    shares = shares or Shares()
    r = ranked(until, since, shares, buyer_count(session, until, since), by, margin_rate)
    return {aid: Tier(t) for aid, t in session.execute(select(r.c.account_id, r.c.tier))}
