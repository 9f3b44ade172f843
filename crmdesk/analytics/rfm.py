"""RFM: how recently, how often and how much each customer bought, scored 1–5 in SQL.

Over the customers with at least one counted order up to the scoring date, each measure is
ordered worst to best (R: the longest ago first; F and M: the smallest first); a customer's
rank is RANK() in that order (ties share the lowest rank) and its score is
1 + ⌊5 × (rank − 1) / n⌋. The cell is the three digits R F M; the named segment follows from
the cell by `SEGMENT_RULES` (docs/insights.md shows the grid).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import Integer, case, cast, func, literal, select
from sqlalchemy.orm import Session

from crmdesk.analytics.orders import money, no_orders, per_account
from crmdesk.models import Account


class Segment(StrEnum):
    CHAMPIONS = "champions"
    LOYAL = "loyal"
    POTENTIAL_LOYALIST = "potential_loyalist"
    NEW = "new"
    AT_RISK = "at_risk"
    CANT_LOSE = "cant_lose"
    HIBERNATING = "hibernating"
    LOST = "lost"


# First rule that holds names the segment: (segment, min R, max R, min F, max F, min M).
# Every one of the 125 cells meets exactly one first rule (tests check the grid).
SEGMENT_RULES: tuple[tuple[Segment, int, int, int, int, int], ...] = (
    (Segment.CHAMPIONS, 4, 5, 4, 5, 4),
    (Segment.LOYAL, 3, 5, 4, 5, 1),
    (Segment.NEW, 4, 5, 1, 1, 1),
    (Segment.POTENTIAL_LOYALIST, 3, 5, 1, 3, 1),
    (Segment.CANT_LOSE, 1, 2, 4, 5, 4),
    (Segment.AT_RISK, 1, 2, 3, 5, 1),
    (Segment.HIBERNATING, 2, 2, 1, 2, 1),
    (Segment.LOST, 1, 1, 1, 2, 1),
)


def segment_of(r: int, f: int, m: int) -> Segment:
    """The named segment of a cell (the same rules the SQL applies)."""
    for segment, r_lo, r_hi, f_lo, f_hi, m_lo in SEGMENT_RULES:
        if r_lo <= r <= r_hi and f_lo <= f <= f_hi and m >= m_lo:
            return segment
    raise ValueError(f"no segment for cell {r}{f}{m}")


def _segment_sql(r: Any, f: Any, m: Any) -> Any:
    return case(
        *[
            (r.between(r_lo, r_hi) & f.between(f_lo, f_hi) & (m >= m_lo), literal(seg.value))
            for seg, r_lo, r_hi, f_lo, f_hi, m_lo in SEGMENT_RULES
        ],
        else_=literal(Segment.LOST.value),
    )


@dataclass(frozen=True, slots=True)
class RfmRow:
    id: uuid.UUID
    name: str
    owner: str
    last_order: dt.date
    recency_days: int
    frequency: int
    monetary: Decimal
    r: int
    f: int
    m: int
    cell: str
    segment: Segment


@dataclass(frozen=True, slots=True)
class CellFigures:
    cell: str
    customers: int
    revenue: Decimal


@dataclass(frozen=True)
class Rfm:
    as_of: dt.date
    rows: tuple[RfmRow, ...]
    without_orders: tuple[tuple[uuid.UUID, str], ...]  # listed apart: (id, name)

    def cells(self) -> list[CellFigures]:
        """Customers and revenue per cell, best cell first."""
        counts: Counter[str] = Counter()
        revenue: dict[str, Decimal] = {}
        for row in self.rows:
            counts[row.cell] += 1
            revenue[row.cell] = revenue.get(row.cell, Decimal(0)) + row.monetary
        return [CellFigures(c, counts[c], revenue[c]) for c in sorted(counts, reverse=True)]

    def segments(self) -> dict[Segment, int]:
        counts = Counter(row.segment for row in self.rows)
        return {s: counts.get(s, 0) for s in Segment}


def scored(as_of: dt.date) -> Any:
    """The scoring query as a subquery (account_id, last, recency_days, orders, cents, r, f, m,
    cell, segment): what `rfm` reads and what storing the scores on the account writes."""
    base = per_account(as_of).subquery()
    n = func.count().over()
    ranks = select(
        base.c.account_id,
        base.c.last,
        base.c.orders,
        base.c.cents,
        cast(func.julianday(as_of.isoformat()) - func.julianday(base.c.last), Integer).label(
            "recency_days"
        ),
        func.rank().over(order_by=base.c.last.asc()).label("rank_r"),
        func.rank().over(order_by=base.c.orders.asc()).label("rank_f"),
        func.rank().over(order_by=base.c.cents.asc()).label("rank_m"),
        n.label("n"),
    ).subquery()

    def score(rank: Any) -> Any:  # integer division: the floor, ranks and n being positive
        return 1 + (5 * (rank - 1)) // ranks.c.n

    r, f, m = score(ranks.c.rank_r), score(ranks.c.rank_f), score(ranks.c.rank_m)
    cell = cast(r, Integer) * 100 + cast(f, Integer) * 10 + cast(m, Integer)
    return select(
        ranks.c.account_id,
        ranks.c.last,
        ranks.c.recency_days,
        ranks.c.orders,
        ranks.c.cents,
        r.label("r"),
        f.label("f"),
        m.label("m"),
        cast(cell, Integer).label("cell"),
        _segment_sql(r, f, m).label("segment"),
    ).subquery()


def rfm(session: Session, as_of: dt.date) -> Rfm:
    """Every customer's R, F, M, cell and segment as of the scoring date (worst cell first in
    name order within a cell is not promised: rows come best cell first, then by name)."""
    s = scored(as_of)
    rows = session.execute(
        select(Account.id, Account.name, Account.owner, s)
        .join(s, s.c.account_id == Account.id)
        .order_by(s.c.cell.desc(), Account.sort_key, Account.id)
    )
    result = tuple(
        RfmRow(
            row.id,
            row.name,
            row.owner,
            _day(row.last),
            int(row.recency_days),
            int(row.orders),
            money(row.cents),
            int(row.r),
            int(row.f),
            int(row.m),
            str(row.cell),
            Segment(row.segment),
        )
        for row in rows
    )
    apart = tuple((row.id, row.name) for row in no_orders(session, as_of))
    return Rfm(as_of, result, apart)


def _day(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
