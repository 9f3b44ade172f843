"""The service desk's figures over a period, each one SQL aggregate: cases opened and closed
per month, first-contact resolution, average and 90th-percentile hours to resolve, the share
resolved within target per value tier, complaints per 100 customers, the reopen rate, and
satisfaction after closing (the surveys about closed cases, and the cases' own scores)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Float, String, and_, case, cast, func, select
from sqlalchemy.orm import QueryableAttribute, Session

from crmdesk.models.customers import Account
from crmdesk.models.enums import CaseKind, ValueTier
from crmdesk.models.sales import Order
from crmdesk.models.service import SatisfactionSurvey, ServiceCase, SurveyItem
from crmdesk.services.cases import DONE_STATES


@dataclass(frozen=True)
class MonthCount:
    month: str  # "2026-03"
    opened: int
    closed: int


@dataclass(frozen=True)
class ServiceFigures:
    start: dt.date | None
    end: dt.date | None
    months: tuple[MonthCount, ...]
    opened: int
    resolved: int
    first_contact_rate: float | None  # of the cases resolved in the period
    average_hours: float | None  # opened to resolved
    p90_hours: float | None
    within_target: dict[str, float]  # value tier -> share resolved by the due time
    complaints_per_100: float | None  # complaints opened per 100 buying customers
    reopen_rate: float | None  # of the cases resolved in the period, those reopened before
    satisfaction_c: float | None  # mean overall c of surveys about cases closed in the period
    satisfaction_score: float | None  # mean of closed cases' own satisfaction scores
    surveys_after_closing: int


def _bounds(start: dt.date | None, end: dt.date | None) -> tuple[dt.datetime | None, ...]:
    low = dt.datetime.combine(start, dt.time(), dt.UTC) if start else None
    high = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), dt.UTC) if end else None
    return low, high


def _between(
    column: QueryableAttribute[Any], low: dt.datetime | None, high: dt.datetime | None
) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = [ServiceCase.deleted_at.is_(None)]
    if low is not None:
        found.append(column >= low)
    if high is not None:
        found.append(column < high)
    return found


def _hours() -> ColumnElement[float]:
    return (func.julianday(ServiceCase.resolved_at) - func.julianday(ServiceCase.opened_at)) * 24


def service_figures(
    session: Session, start: dt.date | None = None, end: dt.date | None = None
) -> ServiceFigures:
    low, high = _bounds(start, end)
    opened_in = _between(ServiceCase.opened_at, low, high)
    resolved_in = [*_between(ServiceCase.resolved_at, low, high),
                   ServiceCase.resolved_at.is_not(None)]  # fmt: skip
    months = _months(session, low, high)
    opened, complaints = session.execute(
        select(func.count(), func.sum(case((ServiceCase.kind == CaseKind.COMPLAINT, 1), else_=0)))
        .where(*opened_in)
    ).one()  # fmt: skip
    resolved, first_contact, reopened, average = session.execute(
        select(
            func.count(),
            func.sum(case((ServiceCase.first_contact.is_(True), 1), else_=0)),
            func.sum(case((ServiceCase.reopen_count > 0, 1), else_=0)),
            func.avg(_hours()),
        ).where(*resolved_in)
    ).one()
    customers = session.scalar(
        select(func.count(func.distinct(Order.account_id))).join(
            Account, Account.id == Order.account_id).where(Account.deleted_at.is_(None))
    ) or 0  # fmt: skip
    c, score, surveys = _satisfaction(session, low, high)
    return ServiceFigures(
        start, end, months, int(opened), int(resolved),
        first_contact / resolved if resolved else None,
        float(average) if average is not None else None,
        _p90(session, resolved_in, int(resolved)),
        _within_target(session, resolved_in),
        100.0 * (complaints or 0) / customers if customers else None,
        reopened / resolved if resolved else None,
        c, score, surveys,
    )  # fmt: skip


def _months(
    session: Session, low: dt.datetime | None, high: dt.datetime | None
) -> tuple[MonthCount, ...]:
    # stored as ISO text in UTC: the month is its first seven characters
    opened_month = func.substr(ServiceCase.opened_at, 1, 7, type_=String)
    closed_month = func.substr(ServiceCase.closed_at, 1, 7, type_=String)
    counts: dict[str, list[int]] = {}
    for month, n in session.execute(
        select(opened_month, func.count()).where(*_between(ServiceCase.opened_at, low, high))
        .group_by(opened_month)
    ):  # fmt: skip
        counts.setdefault(month, [0, 0])[0] = n
    for month, n in session.execute(
        select(closed_month, func.count())
        .where(ServiceCase.closed_at.is_not(None), *_between(ServiceCase.closed_at, low, high))
        .group_by(closed_month)
    ):  # fmt: skip
        counts.setdefault(month, [0, 0])[1] = n
    return tuple(MonthCount(m, o, c) for m, (o, c) in sorted(counts.items()))


def _p90(session: Session, resolved_in: list[ColumnElement[bool]], count: int) -> float | None:
    """The 90th percentile (nearest rank: the ceil(0.9 n)-th shortest) of hours to resolve."""
    if not count:
        return None
    hours = _hours().label("hours")
    ranked = select(hours, func.row_number().over(order_by=hours).label("rank")).where(
        *resolved_in
    ).subquery()  # fmt: skip
    wanted = -(-9 * count // 10)
    value = session.scalar(select(ranked.c.hours).where(ranked.c.rank == wanted))
    return float(value) if value is not None else None


def _within_target(session: Session, resolved_in: list[ColumnElement[bool]]) -> dict[str, float]:
    in_time = and_(ServiceCase.due_at.is_not(None), ServiceCase.resolved_at <= ServiceCase.due_at)
    on_time = case((in_time, 1.0), else_=0.0)
    found = {
        str(tier): float(share)
        for tier, share in session.execute(
            select(ServiceCase.tier, func.avg(cast(on_time, Float)))
            .where(*resolved_in)
            .group_by(ServiceCase.tier)
        )
    }
    return {tier.value: found[tier.value] for tier in ValueTier if tier.value in found}


def _satisfaction(
    session: Session, low: dt.datetime | None, high: dt.datetime | None
) -> tuple[float | None, float | None, int]:
    closed_in = [ServiceCase.status.in_(DONE_STATES),
                 *_between(ServiceCase.resolved_at, low, high)]  # fmt: skip
    c = SurveyItem.weight * SurveyItem.perceived * 1.0 / SurveyItem.expected
    per_survey = (
        select((func.sum(c) / func.sum(SurveyItem.weight)).label("c"))
        .select_from(SatisfactionSurvey)
        .join(SurveyItem, SurveyItem.survey_id == SatisfactionSurvey.id)
        .join(ServiceCase, ServiceCase.id == SatisfactionSurvey.case_id)
        .where(SatisfactionSurvey.deleted_at.is_(None), SurveyItem.deleted_at.is_(None),
               *closed_in)
        .group_by(SatisfactionSurvey.id)
        .subquery()
    )  # fmt: skip
    mean_c, surveys = session.execute(select(func.avg(per_survey.c.c), func.count())).one()
    score = session.scalar(
        select(func.avg(ServiceCase.satisfaction)).where(
            ServiceCase.satisfaction.is_not(None), *closed_in)
    )  # fmt: skip
    return (
        float(mean_c) if mean_c is not None else None,
        float(score) if score is not None else None,
        int(surveys),
    )


__all__ = ["MonthCount", "ServiceFigures", "service_figures"]
