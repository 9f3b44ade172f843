"""The service desk's figures over a period, each one SQL aggregate: cases opened and closed
per month, first-contact resolution, average and 90th-percentile hours to resolve, the share
resolved within target per value tier, complaints per 100 customers, the reopen rate, and
satisfaction after closing (the surveys about closed cases, and the cases' own scores)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, String, and_, case, func, select
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
    """One scan of the cases opened in the period (per month, with complaints), one of those
    resolved in it (per tier), one of those closed (per month), the 90th percentile and the
    surveys: each figure an aggregate in SQL."""
    low, high = _bounds(start, end)
    resolved_in = [*_between(ServiceCase.resolved_at, low, high),
                   ServiceCase.resolved_at.is_not(None)]  # fmt: skip
    months, opened, complaints = _opened(session, low, high)
    by_tier = _resolved_by_tier(session, resolved_in)
    resolved = sum(t[0] for t in by_tier.values())
    first_contact = sum(t[1] for t in by_tier.values())
    reopened = sum(t[2] for t in by_tier.values())
    hours = sum(t[3] for t in by_tier.values())
    customers = session.scalar(
        select(func.count(func.distinct(Order.account_id))).join(
            Account, Account.id == Order.account_id).where(Account.deleted_at.is_(None))
    ) or 0  # fmt: skip
    c, score, surveys = _satisfaction(session, low, high)
    return ServiceFigures(
        start, end, months, opened, resolved,
        first_contact / resolved if resolved else None,
        hours / resolved if resolved else None,
        _p90(session, resolved_in, resolved),
        {tier.value: by_tier[tier.value][4] / by_tier[tier.value][0]
         for tier in ValueTier if tier.value in by_tier},
        100.0 * complaints / customers if customers else None,
        reopened / resolved if resolved else None,
        c, score, surveys,
    )  # fmt: skip


def _month(column: QueryableAttribute[Any]) -> ColumnElement[str]:
    """Stored as ISO text in UTC: the month is its first seven characters."""
    return func.substr(column, 1, 7, type_=String)


def _opened(
    session: Session, low: dt.datetime | None, high: dt.datetime | None
) -> tuple[tuple[MonthCount, ...], int, int]:
    """Per month the cases opened (and closed), the cases opened and the complaints among them."""
    month = _month(ServiceCase.opened_at)
    complaint = case((ServiceCase.kind == CaseKind.COMPLAINT, 1), else_=0)
    counts: dict[str, list[int]] = {}
    opened = complaints = 0
    for m, n, k in session.execute(
        select(month, func.count(), func.sum(complaint))
        .where(*_between(ServiceCase.opened_at, low, high)).group_by(month)
    ):  # fmt: skip
        counts.setdefault(m, [0, 0])[0] = n
        opened, complaints = opened + n, complaints + (k or 0)
    closed_month = _month(ServiceCase.closed_at)
    for m, n in session.execute(
        select(closed_month, func.count())
        .where(ServiceCase.closed_at.is_not(None), *_between(ServiceCase.closed_at, low, high))
        .group_by(closed_month)
    ):  # fmt: skip
        counts.setdefault(m, [0, 0])[1] = n
    months = tuple(MonthCount(m, o, c) for m, (o, c) in sorted(counts.items()))
    return months, opened, complaints


def _resolved_by_tier(
    session: Session, resolved_in: list[ColumnElement[bool]]
) -> dict[str, tuple[int, int, int, float, int]]:
    """Per tier: resolved, at first contact, reopened before, hours in all, within target."""
    in_time = and_(ServiceCase.due_at.is_not(None), ServiceCase.resolved_at <= ServiceCase.due_at)
    stmt = (
        select(
            ServiceCase.tier,
            func.count(),
            func.sum(case((ServiceCase.first_contact.is_(True), 1), else_=0)),
            func.sum(case((ServiceCase.reopen_count > 0, 1), else_=0)),
            func.sum(_hours()),
            func.sum(case((in_time, 1), else_=0)),
        )
        .where(*resolved_in)
        .group_by(ServiceCase.tier)
    )
    return {
        str(tier): (int(n), int(fc or 0), int(re or 0), float(h or 0), int(ok or 0))
        for tier, n, fc, re, h, ok in session.execute(stmt)
    }


def _p90(session: Session, resolved_in: list[ColumnElement[bool]], count: int) -> float | None:
    """The 90th percentile (nearest rank: the ceil(0.9 n)-th shortest) of hours to resolve."""
    if not count:
        return None
    hours = _hours().label("hours")
    wanted = -(-9 * count // 10)
    value = session.scalar(
        select(hours).where(*resolved_in).order_by(hours).limit(1).offset(wanted - 1)
    )
    return float(value) if value is not None else None


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
