"""The weighted forecast and pipeline health, as SQL aggregates over opportunities.

Weighted = Σ amount × probability of open deals, the probability being the deal's own or its
stage's. Sums come from SQL grouped by (period, probability) and are weighted in Decimal, so no
float touches money and the work per call does not grow with the number of deals in Python.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Integer, and_, cast, func, select
from sqlalchemy.orm import Session, aliased

from crmdesk.models import Opportunity, PipelineStage, StageChange

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


class Period(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def period_of(column: Any, by: Period) -> Any:
    """SQL naming a date's period: '2026-03' or '2026-Q1' (dates are stored ISO in SQLite)."""
    if Period(by) is Period.MONTH:
        return func.substr(column, 1, 7)
    month = cast(func.substr(column, 6, 2), Integer)
    return func.printf("%s-Q%d", func.substr(column, 1, 4), (month + 2) / 3)


def period_label(day: dt.date, by: Period) -> str:
    if by is Period.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    return f"{day.year:04d}-Q{(day.month + 2) // 3}"


def period_range(label: str) -> tuple[dt.date, dt.date]:
    """First and last day of a period label ('2026-03' or '2026-Q1')."""
    year = int(label[:4])
    if "Q" in label:
        first_month = (int(label[-1]) - 1) * 3 + 1
        months = 3
    else:
        first_month, months = int(label[5:7]), 1
    start = dt.date(year, first_month, 1)
    end_month = first_month + months
    end = dt.date(year + (end_month > 12), (end_month - 1) % 12 + 1, 1) - dt.timedelta(days=1)
    return start, end


@dataclass(frozen=True)
class PeriodFigures:
    period: str
    count: int  # open deals expected to close in the period
    amount: Decimal  # their sum (the unweighted pipeline)
    weighted: Decimal  # Σ amount × probability
    won: Decimal  # what was won (closed) in the period
    won_count: int


@dataclass(frozen=True)
class Forecast:
    by: Period
    periods: tuple[PeriodFigures, ...]
    total: PeriodFigures
    undated: PeriodFigures  # open deals without an expected close


def _open() -> ColumnElement[bool]:
    return and_(
        Opportunity.deleted_at.is_(None),
        PipelineStage.is_won.is_(False),
        PipelineStage.is_lost.is_(False),
    )


def forecast(
    session: Session,
    by: Period = Period.MONTH,
    *,
    owner: str | None = None,
    stage_id: Any = None,
) -> Forecast:
    """Per period of expected close: open count, amount and weighted amount; per period of
    closing: what was won. One grouped query for each side."""
    by = Period(by)  # a plain "month" (from a combo box's data) means the same
    prob = func.coalesce(Opportunity.probability, PipelineStage.probability)
    period = period_of(Opportunity.expected_close, by)
    where: list[ColumnElement[bool]] = [_open()]
    won_where: list[ColumnElement[bool]] = [
        Opportunity.deleted_at.is_(None),
        PipelineStage.is_won.is_(True),
    ]
    if owner:
        where.append(Opportunity.owner == owner)
        won_where.append(Opportunity.owner == owner)
    if stage_id is not None:
        where.append(Opportunity.stage_id == stage_id)
    open_rows = session.execute(
        select(period, prob, func.count(), func.sum(Opportunity.amount))
        .join(PipelineStage, PipelineStage.id == Opportunity.stage_id)
        .where(*where)
        .group_by(period, prob)
    )
    acc: dict[str | None, list[Any]] = defaultdict(
        lambda: [0, Decimal(0), Decimal(0), Decimal(0), 0]
    )
    for label, probability, count, amount in open_rows:
        a = acc[label]
        a[0] += count
        a[1] += amount or 0
        a[2] += (amount or 0) * (probability or 0) / HUNDRED
    if stage_id is None:
        won_period = period_of(Opportunity.closed_on, by)
        won_rows = session.execute(
            select(won_period, func.count(), func.sum(Opportunity.amount))
            .join(PipelineStage, PipelineStage.id == Opportunity.stage_id)
            .where(*won_where, Opportunity.closed_on.is_not(None))
            .group_by(won_period)
        )
        for label, count, amount in won_rows:
            acc[label][3] += amount or 0
            acc[label][4] += count
    undated = _figures("", acc.pop(None, [0, Decimal(0), Decimal(0), Decimal(0), 0]))
    periods = tuple(_figures(label, acc[label]) for label in sorted(k for k in acc if k))
    total = _figures(
        "",
        [
            sum(p.count for p in periods) + undated.count,
            sum((p.amount for p in periods), undated.amount),
            sum((p.weighted for p in periods), undated.weighted),
            sum((p.won for p in periods), Decimal(0)),
            sum(p.won_count for p in periods),
        ],
    )
    return Forecast(by, periods, total, undated)


def _figures(label: str, a: list[Any]) -> PeriodFigures:
    return PeriodFigures(label, int(a[0]), _cents(Decimal(a[1])), _cents(Decimal(a[2])),
                         _cents(Decimal(a[3])), int(a[4]))  # fmt: skip


@dataclass(frozen=True)
class Breakdown:
    key: str  # the owner or the stage name
    count: int
    amount: Decimal
    weighted: Decimal


def open_by(session: Session, dimension: str) -> list[Breakdown]:
    """Open pipeline per 'owner' or per 'stage' (stage rows in board order)."""
    prob = func.coalesce(Opportunity.probability, PipelineStage.probability)
    key = Opportunity.owner if dimension == "owner" else PipelineStage.name
    order = Opportunity.owner if dimension == "owner" else func.min(PipelineStage.position)
    rows = session.execute(
        select(key, prob, func.count(), func.sum(Opportunity.amount))
        .join(PipelineStage, PipelineStage.id == Opportunity.stage_id)
        .where(_open())
        .group_by(key, prob)
        .order_by(order)
    )
    acc: dict[str, list[Any]] = {}
    for name, probability, count, amount in rows:
        a = acc.setdefault(name, [0, Decimal(0), Decimal(0)])
        a[0] += count
        a[1] += amount or 0
        a[2] += (amount or 0) * (probability or 0) / HUNDRED
    return [Breakdown(k, v[0], _cents(v[1]), _cents(v[2])) for k, v in acc.items()]


@dataclass(frozen=True)
class StageHealth:
    stage: str
    reached: int  # deals that ever entered the stage
    conversion: Decimal | None  # percent of those reaching the next open stage (or winning)
    average_days: Decimal | None  # mean time spent in the stage (left or still there)


@dataclass(frozen=True)
class Health:
    won: int
    lost: int
    win_rate: Decimal | None  # won / (won + lost), percent
    average_deal: Decimal | None  # mean amount of won deals
    average_cycle_days: Decimal | None  # created to closed, won deals
    past_close: int  # open deals whose expected close has passed
    past_close_amount: Decimal
    stages: tuple[StageHealth, ...]


def health(session: Session, today: dt.date | None = None) -> Health:
    """Win rate, deal size, cycle length, time in stage, the funnel and overdue deals."""
    today = today or dt.date.today()
    closed = session.execute(
        select(
            PipelineStage.is_won,
            func.count(),
            func.sum(Opportunity.amount),
            func.avg(
                func.julianday(Opportunity.closed_on) - func.julianday(func.date(_entered()))
            ),
        )
        .join(PipelineStage, PipelineStage.id == Opportunity.stage_id)
        .where(Opportunity.deleted_at.is_(None), (PipelineStage.is_won | PipelineStage.is_lost))
        .group_by(PipelineStage.is_won)
    ).all()
    won = next((r for r in closed if r[0]), None)
    lost = next((r for r in closed if not r[0]), None)
    n_won, n_lost = (won[1] if won else 0), (lost[1] if lost else 0)
    overdue = session.execute(
        select(func.count(), func.sum(Opportunity.amount))
        .join(PipelineStage, PipelineStage.id == Opportunity.stage_id)
        .where(_open(), Opportunity.expected_close < today)
    ).one()
    return Health(
        won=n_won,
        lost=n_lost,
        win_rate=_percent(n_won, n_won + n_lost),
        average_deal=_cents(won[2] / won[1]) if won and won[1] else None,
        average_cycle_days=_days(won[3]) if won and won[3] is not None else None,
        past_close=overdue[0],
        past_close_amount=_cents(overdue[1] or Decimal(0)),
        stages=tuple(_stage_health(session)),
    )


def _entered() -> ColumnElement[Any]:
    """When a deal entered the pipeline: its first stage change (a record loaded later, as the
    demo or an import makes them, is created after it), else its creation."""
    first = (
        select(func.min(StageChange.changed_at))
        .where(StageChange.opportunity_id == Opportunity.id, StageChange.deleted_at.is_(None))
        .correlate(Opportunity)
        .scalar_subquery()
    )
    return func.coalesce(first, Opportunity.created_at)


def _percent(part: int, whole: int) -> Decimal | None:
    return (Decimal(part) * 100 / whole).quantize(CENT) if whole else None


def _days(value: float) -> Decimal:
    return Decimal(str(round(value, 1)))


def _stage_health(session: Session) -> list[StageHealth]:
    """The funnel from the stage history: for each stage, how many deals entered it, how many
    of them went on to a later open stage or a won one, and how long they stayed."""
    stage_rows = session.execute(
        select(PipelineStage.id, PipelineStage.name, PipelineStage.position, PipelineStage.is_won,
               PipelineStage.is_lost)
        .where(PipelineStage.deleted_at.is_(None))
        .order_by(PipelineStage.position)
    ).all()  # fmt: skip
    later = aliased(StageChange)
    nxt = (
        select(func.min(later.changed_at))
        .where(
            later.opportunity_id == StageChange.opportunity_id,
            later.changed_at > StageChange.changed_at,
        )
        .correlate(StageChange)
        .scalar_subquery()
    )
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(sep=" ")
    stay = func.julianday(func.coalesce(nxt, now)) - func.julianday(StageChange.changed_at)
    entered = dict(
        (sid, (n, avg))
        for sid, n, avg in session.execute(
            select(StageChange.to_stage_id, func.count(func.distinct(StageChange.opportunity_id)),
                   func.avg(stay))
            .where(StageChange.deleted_at.is_(None))
            .group_by(StageChange.to_stage_id)
        )
    )  # fmt: skip
    # deals that reached each stage, by position: a deal reached p if it entered a stage at p
    # or beyond that is not a lost one
    reach = session.execute(
        select(StageChange.opportunity_id, func.max(PipelineStage.position))
        .join(PipelineStage, PipelineStage.id == StageChange.to_stage_id)
        .where(PipelineStage.is_lost.is_(False), StageChange.deleted_at.is_(None))
        .group_by(StageChange.opportunity_id)
    ).all()
    furthest = [p for _, p in reach]
    result = []
    open_positions = [r[2] for r in stage_rows if not r[4]]
    for sid, name, position, _is_won, is_lost in stage_rows:
        count, avg = entered.get(sid, (0, None))
        conversion = None
        if not is_lost:
            reached = sum(1 for p in furthest if p >= position)
            beyond = [p for p in open_positions if p > position]
            if beyond:
                went_on = sum(1 for p in furthest if p >= beyond[0])
                conversion = _percent(went_on, reached)
        result.append(StageHealth(name, count, conversion, _days(avg) if avg is not None else None))
    return result
