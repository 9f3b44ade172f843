"""Customer lifetime value: what each customer has brought, and a projection of what it will.

Historical CLV is the revenue of the counted orders to date and its margin: an order line
whose product has a cost earns amount − quantity × cost, the rest of the revenue the margin
rate (`orders.margin_per_account`; `costed` says how much revenue the costs covered).
The projection discounts the average yearly margin m over a horizon of T years, the customer
staying each year with the retention rate r, money a year later being worth 1 / (1 + d):

    CLV = Σ_{t=1..T} m × r^(t−1) / (1 + d)^t

m is the customer's margin to date over its years as a customer (at least one year); r, unless
given, is measured: the share of last-but-one year's buyers who bought again in the last year.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import Float, cast, func, literal, select
from sqlalchemy.orm import Session

from crmdesk.analytics.orders import CENTS, margin_per_account, money, per_account
from crmdesk.core.texts import Text, translatable
from crmdesk.models import Account

YEAR = 365.25


@dataclass(frozen=True)
class ClvTerms:
    margin_rate: float = 0.3  # gross margin as a share of revenue
    discount_rate: float = 0.1  # yearly
    horizon_years: int = 5
    retention: float | None = None  # None: measured from the orders

    def factor(self, retention: float) -> float:
        """Σ r^(t−1) / (1+d)^t: what one year's margin is worth over the horizon."""
        d = self.discount_rate
        return sum(retention ** (t - 1) / (1 + d) ** t for t in range(1, self.horizon_years + 1))


@dataclass(frozen=True, slots=True)
class ClvRow:
    id: uuid.UUID
    name: str
    revenue: Decimal  # historical
    margin: Decimal  # historical: from product costs where known, else revenue × margin rate
    yearly_margin: Decimal  # m
    projected: Decimal
    costed: Decimal = Decimal("0.00")  # the revenue whose margin came from product costs


@dataclass(frozen=True)
class Clv:
    as_of: dt.date
    terms: ClvTerms
    retention: float
    factor: float
    rows: tuple[ClvRow, ...]  # highest projection first
    formula: str

    @property
    def total_projected(self) -> Decimal:
        return sum((r.projected for r in self.rows), Decimal("0.00"))


def retention_rate(session: Session, as_of: dt.date) -> float:
    """Share of the buyers of the year before last who bought in the last year (0 if none)."""
    year = dt.timedelta(days=365)
    before = per_account(as_of - year, as_of - 2 * year + dt.timedelta(days=1)).subquery()
    recent = per_account(as_of, as_of - year + dt.timedelta(days=1)).subquery()
    total = session.scalar(select(func.count()).select_from(before)) or 0
    if not total:
        return 0.0
    kept = (
        session.scalar(
            select(func.count())
            .select_from(before)
            .where(before.c.account_id.in_(select(recent.c.account_id)))
        )
        or 0
    )
    return kept / total


def formula_text(terms: ClvTerms, retention: float, factor: float) -> Text:
    return Text(
        translatable(
            "Insights", "CLV = Σ(t=1..%1) m × r^(t−1) / (1+d)^t = m × %2  (r = %3 %, d = %4 %)"
        ),
        terms.horizon_years,
        f"{factor:.3f}",
        f"{retention * 100:.1f}",
        f"{terms.discount_rate * 100:.1f}",
    )


def clv(session: Session, as_of: dt.date, terms: ClvTerms | None = None) -> Clv:
    """Historical and projected value of every customer with a counted order."""
    terms = terms or ClvTerms()
    retention = terms.retention if terms.retention is not None else retention_rate(session, as_of)
    factor = terms.factor(retention)
    base = margin_per_account(as_of, None, terms.margin_rate).subquery()
    years = func.max(
        (func.julianday(as_of.isoformat()) - func.julianday(base.c.first) + 1) / YEAR, 1.0
    )
    yearly = cast(base.c.cents, Float) / years
    rows = session.execute(
        select(
            Account.id,
            Account.name,
            base.c.revenue,
            base.c.cents,
            base.c.costed,
            yearly.label("yearly"),
            (yearly * literal(factor)).label("projected"),
        )
        .join(base, base.c.account_id == Account.id)
        .order_by((yearly * literal(factor)).desc(), Account.id)
    )
    result = tuple(
        ClvRow(
            row.id,
            row.name,
            money(row.revenue),
            money(row.cents),
            _float_money(row.yearly),
            _float_money(row.projected),
            money(row.costed),
        )
        for row in rows
    )
    return Clv(as_of, terms, retention, factor, result, formula_text(terms, retention, factor))


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENTS, rounding=ROUND_HALF_UP)


def _float_money(cents_value: Any) -> Decimal:
    """A float of cents from SQL as currency units, to the cent."""
    return _cents(Decimal(str(float(cents_value or 0.0))) / 100)


def distribution(
    values: list[Decimal], bins: int = 10, cap_share: float = 0.95
) -> list[tuple[Decimal, Decimal, int]]:
    """Equal-width bins (low, high, count) for the CLV histogram, from the smallest value up to
    the `cap_share` quantile; the last bin also holds everything above it (a few very large
    customers would otherwise squeeze everyone else into the first bin)."""
    if not values:
        return []
    ordered = sorted(values)
    low = ordered[0]
    high = ordered[min(len(ordered) - 1, int(cap_share * len(ordered)))]
    if high == low:
        return [(low, ordered[-1], len(values))]
    width = (high - low) / bins
    counts = [0] * bins
    for v in ordered:
        counts[min(bins - 1, int((v - low) / width))] += 1
    edges = [_cents(low + width * i) for i in range(bins)] + [_cents(ordered[-1])]
    return [(edges[i], edges[i + 1], counts[i]) for i in range(bins)]
