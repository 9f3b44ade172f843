"""Monthly targets against what the data shows: per owner, month and weighted indicator.

Actuals, each one grouped query over a range of months:
- revenue_won: the amount of opportunities in a won stage, by close day and deal owner;
- new_customers: accounts whose first counted order falls in the month, by account owner;
- visits_made / calls_made: logged visits / calls, by when they happened and their owner;
- cases_closed: service cases resolved or closed, by their resolution time and owner.
An indicator is met when the actual reaches the target. The score is the weight of the met
indicators over the weight of all (percent): "three of five met; the two missed weigh 20 %".
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, func, select, type_coerce
from sqlalchemy.orm import Session

from crmdesk.analytics.orders import counted_orders, money
from crmdesk.core.texts import Text, translatable
from crmdesk.models import (
    Account,
    Activity,
    MonthlyTarget,
    Opportunity,
    Order,
    PipelineStage,
    ServiceCase,
)
from crmdesk.models.enums import ActivityKind, CaseStatus

HUNDRED = Decimal(100)


def month_label(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def month_start(label: str) -> dt.date:
    return dt.date(int(label[:4]), int(label[5:7]), 1)


def shift_month(label: str, months: int) -> str:
    index = int(label[:4]) * 12 + int(label[5:7]) - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def months_back(label: str, count: int) -> list[str]:
    """The `count` months ending with `label`, oldest first."""
    return [shift_month(label, k) for k in range(1 - count, 1)]


Actuals = dict[tuple[str, str], Decimal]  # (owner, month) -> value
Query = Callable[[Session, str, str], Any]  # first and last month -> rows (owner, month, value)


def _month(column: Any) -> Any:
    return func.substr(column, 1, 7)


def _revenue_won(session: Session, first: str, last: str) -> Any:
    month = _month(Opportunity.closed_on)
    return session.execute(
        select(Opportunity.owner, month, func.sum(type_coerce(Opportunity.amount, BigInteger)))
        .join(PipelineStage, PipelineStage.id == Opportunity.stage_id)
        .where(
            Opportunity.deleted_at.is_(None),
            PipelineStage.is_won.is_(True),
            month >= first,
            month <= last,
        )
        .group_by(Opportunity.owner, month)
    )


def _new_customers(session: Session, first: str, last: str) -> Any:
    end = month_start(shift_month(last, 1)) - dt.timedelta(days=1)
    firsts = (
        select(Order.account_id, func.min(Order.ordered_on).label("first"))
        .where(counted_orders(end))
        .group_by(Order.account_id)
        .subquery()
    )
    month = _month(firsts.c.first)
    return session.execute(
        select(Account.owner, month, func.count())
        .join(firsts, firsts.c.account_id == Account.id)
        .where(Account.deleted_at.is_(None), month >= first, month <= last)
        .group_by(Account.owner, month)
    )


def _activities(kind: ActivityKind) -> Query:
    def query(session: Session, first: str, last: str) -> Any:
        month = _month(Activity.occurred_at)
        return session.execute(
            select(Activity.owner, month, func.count())
            .where(
                Activity.deleted_at.is_(None), Activity.kind == kind, month >= first, month <= last
            )
            .group_by(Activity.owner, month)
        )

    return query


def _cases_closed(session: Session, first: str, last: str) -> Any:
    month = _month(ServiceCase.resolved_at)
    return session.execute(
        select(ServiceCase.owner, month, func.count())
        .where(
            ServiceCase.deleted_at.is_(None),
            ServiceCase.status.in_([CaseStatus.RESOLVED.value, CaseStatus.CLOSED.value]),
            month >= first,
            month <= last,
        )
        .group_by(ServiceCase.owner, month)
    )


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str  # translatable, context "Insights"
    query: Query
    is_money: bool = False


INDICATORS: dict[str, Indicator] = {
    i.key: i
    for i in (
        Indicator("revenue_won", translatable("Insights", "Revenue won"), _revenue_won, True),
        Indicator("new_customers", translatable("Insights", "New customers"), _new_customers),
        Indicator(
            "visits_made", translatable("Insights", "Visits made"), _activities(ActivityKind.VISIT)
        ),
        Indicator(
            "calls_made", translatable("Insights", "Calls made"), _activities(ActivityKind.CALL)
        ),
        Indicator("cases_closed", translatable("Insights", "Cases closed"), _cases_closed),
    )
}


def actuals(session: Session, indicator: str, first: str, last: str) -> Actuals:
    """What each owner reached on the indicator in each month from `first` to `last`."""
    spec = INDICATORS[indicator]
    result: Actuals = {}
    for owner, month, value in spec.query(session, first, last):
        result[(owner or "", month)] = money(value) if spec.is_money else Decimal(int(value or 0))
    return result


@dataclass(frozen=True, slots=True)
class IndicatorResult:
    indicator: str
    target: Decimal
    actual: Decimal
    weight: Decimal
    percent: Decimal | None  # actual / target, None without a target

    @property
    def met(self) -> bool:
        return self.actual >= self.target


@dataclass(frozen=True)
class Scorecard:
    owner: str
    month: str
    indicators: tuple[IndicatorResult, ...]

    @property
    def met(self) -> int:
        return sum(1 for i in self.indicators if i.met)

    @property
    def total_weight(self) -> Decimal:
        return sum((i.weight for i in self.indicators), Decimal(0))

    @property
    def missed_weight(self) -> Decimal:
        """The missed indicators' share of the weight, percent."""
        missed = sum((i.weight for i in self.indicators if not i.met), Decimal(0))
        return _share(missed, self.total_weight)

    @property
    def score(self) -> Decimal:
        """The met indicators' share of the weight, percent (0 without targets)."""
        return HUNDRED - self.missed_weight if self.indicators else Decimal(0)

    def summary(self) -> Text:
        missed = len(self.indicators) - self.met
        return Text(
            translatable("Insights", "%1 of %2 met; the %3 missed weigh %4 %"),
            self.met,
            len(self.indicators),
            missed,
            f"{self.missed_weight:.0f}",
        )


def _share(part: Decimal, whole: Decimal) -> Decimal:
    return (part * HUNDRED / whole).quantize(Decimal("0.1")) if whole else Decimal(0)


def scorecards(
    session: Session,
    months: Sequence[str],
    indicators: Iterable[str],
    owner: str | None = None,
) -> list[Scorecard]:
    """Each owner's scorecard in each of `months` where targets are set, for the configured
    indicators; ordered by month, then owner."""
    keys = [k for k in indicators if k in INDICATORS]
    if not months or not keys:
        return []
    stmt = select(MonthlyTarget).where(
        MonthlyTarget.deleted_at.is_(None),
        MonthlyTarget.month.in_(list(months)),
        MonthlyTarget.indicator.in_(keys),
    )
    if owner is not None:
        stmt = stmt.where(MonthlyTarget.owner == owner)
    targets: dict[tuple[str, str], list[MonthlyTarget]] = defaultdict(list)
    for t in session.scalars(stmt):
        targets[(t.owner, t.month)].append(t)
    if not targets:
        return []
    first, last = min(months), max(months)
    reached = {
        k: actuals(session, k, first, last)
        for k in {t.indicator for ts in targets.values() for t in ts}
    }
    cards = []
    for (who, month), rows in sorted(targets.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        results = []
        for t in sorted(rows, key=lambda r: keys.index(r.indicator)):
            actual = reached[t.indicator].get((who, month), Decimal(0))
            percent = _share(actual, t.target) if t.target else None
            results.append(IndicatorResult(t.indicator, t.target, actual, t.weight, percent))
        cards.append(Scorecard(who, month, tuple(results)))
    return cards


def trend(
    session: Session,
    month: str,
    indicators: Iterable[str],
    owner: str | None = None,
    count: int = 12,
) -> dict[str, list[Decimal | None]]:
    """Each owner's score over the `count` months ending with `month` (None: no targets)."""
    months = months_back(month, count)
    result: dict[str, list[Decimal | None]] = {}
    for card in scorecards(session, months, list(indicators), owner):
        result.setdefault(card.owner, [None] * count)[months.index(card.month)] = card.score
    return result
