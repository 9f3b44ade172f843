"""The Excel reports: what each one asks the database, as rows for the generic report writer.

Each report streams its rows (yield_per), so a 100,000-customer report holds one chunk at a
time. Headings are English, marked for translation in the "Reports" context; the caller passes
`say` (a Reports text) -> text and `word` (an enum value) -> text to have them in the reader's
language, as the views do; the command line writes English.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from crmdesk.core.errors import KnownError
from crmdesk.core.texts import translatable
from crmdesk.export.xlsx_report import Chart, Column, Report, ReportResult, Summary, write_report
from crmdesk.interop.tabular import xlsx_plain
from crmdesk.models import Account, Contact
from crmdesk.models.activities import Activity
from crmdesk.models.enums import (
    ActivityKind,
    CaseKind,
    CasePriority,
    CaseStatus,
    LoyaltyStage,
    OrderStatus,
    ValueTier,
)
from crmdesk.models.sales import Order
from crmdesk.models.service import ServiceCase
from crmdesk.services.pipeline import OpportunityFilter, opportunity_ids, opportunity_rows
from crmdesk.services.service_figures import service_figures

Translate = Callable[[str], str]  # a Reports text in the reader's language
Word = Callable[[Enum], str]
CHUNK = 2000
COUNTED = (OrderStatus.OPEN, OrderStatus.PAID, OrderStatus.SHIPPED)  # not cancelled or returned
REPORTS = ("customers", "pipeline", "forecast", "activities", "orders", "service")


def _english(text: str) -> str:
    return text


ENGLISH: dict[Enum, str] = {ValueTier.VIP: "VIP", LoyaltyStage.NEW: "New customer"}


def _enum_word(value: Enum) -> str:
    """The English word the interface uses (views pass the translated vocabulary)."""
    return ENGLISH.get(value) or str(value.value).replace("_", " ").capitalize()


@dataclass(frozen=True)
class Period:
    """Orders and activities from `start` to `end`, both days included (None: open)."""

    start: dt.date | None = None
    end: dt.date | None = None

    def describe(self, say: Translate) -> str:
        if self.start and self.end:
            return (
                say(translatable("Reports", "From %1 to %2"))
                .replace("%1", str(self.start))
                .replace("%2", str(self.end))
            )
        if self.start:
            return say(translatable("Reports", "From %1")).replace("%1", str(self.start))
        if self.end:
            return say(translatable("Reports", "Up to %1")).replace("%1", str(self.end))
        return say(translatable("Reports", "All dates"))


def _within(column: Any, period: Period, as_datetime: bool = False) -> list[Any]:
    conditions = []
    if period.start:
        start: Any = period.start
        if as_datetime:
            start = dt.datetime.combine(period.start, dt.time(), dt.UTC)
        conditions.append(column >= start)
    if period.end:
        end: Any = period.end
        if as_datetime:
            conditions.append(
                column < dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), dt.UTC)
            )
        else:
            conditions.append(column <= end)
    return conditions


def _about(say: Translate, period: Period, generated: dt.datetime) -> tuple[tuple[str, str], ...]:
    return (
        (say(translatable("Reports", "Filter")), period.describe(say)),
        (say(translatable("Reports", "Made")), generated.strftime("%Y-%m-%d %H:%M")),
        (say(translatable("Reports", "Made by")), "crmdesk"),
    )


def customers_report(
    session: Session, period: Period = Period(), say: Translate = _english, word: Word = _enum_word
) -> Report:
    """Every live account with its tier, loyalty stage, contacts and the orders in the period."""
    orders = (
        select(
            Order.account_id,
            func.count(Order.id).label("orders"),
            func.sum(Order.amount).label("revenue"),
            func.max(Order.ordered_on).label("last"),
        )
        .where(
            Order.deleted_at.is_(None),
            Order.status.in_(COUNTED),
            *_within(Order.ordered_on, period),
        )
        .group_by(Order.account_id)
        .subquery()
    )
    people = (
        select(Contact.account_id, func.count(Contact.id).label("people"))
        .where(Contact.deleted_at.is_(None))
        .group_by(Contact.account_id)
        .subquery()
    )
    stmt = (
        select(
            Account.name,
            Account.code,
            Account.industry,
            Account.value_tier,
            Account.loyalty_stage,
            Account.owner,
            func.coalesce(people.c.people, 0),
            func.coalesce(orders.c.orders, 0),
            orders.c.revenue,
            orders.c.last,
        )
        .outerjoin(orders, orders.c.account_id == Account.id)
        .outerjoin(people, people.c.account_id == Account.id)
        .where(Account.deleted_at.is_(None))
        .order_by(Account.sort_key, Account.id)
    )
    total = session.scalar(select(func.count(Account.id)).where(Account.deleted_at.is_(None)))

    def rows() -> Iterator[tuple[Any, ...]]:
        for r in session.execute(stmt.execution_options(yield_per=CHUNK)):
            tier, stage = ValueTier(r[3]), LoyaltyStage(r[4])
            yield (r[0], r[1], r[2], word(tier), word(stage), r[5], r[6], r[7], r[8] or 0, r[9])

    columns = (
        Column(
            say(translatable("Reports", "Customer")),
            meaning=say(translatable("Reports", "The account's name.")),
        ),
        Column(
            say(translatable("Reports", "Code")),
            meaning=say(translatable("Reports", "The account's own code.")),
        ),
        Column(say(translatable("Reports", "Industry"))),
        Column(
            say(translatable("Reports", "Tier")),
            meaning=say(translatable("Reports", "Value tier (customer pyramid).")),
        ),
        Column(say(translatable("Reports", "Loyalty stage"))),
        Column(
            say(translatable("Reports", "Owner")),
            meaning=say(translatable("Reports", "The account manager.")),
        ),
        Column(say(translatable("Reports", "Contacts")), "integer", total=True),
        Column(
            say(translatable("Reports", "Orders")),
            "integer",
            total=True,
            meaning=say(
                translatable("Reports", "Orders in the period, not cancelled or returned.")
            ),
        ),
        Column(
            say(translatable("Reports", "Revenue")),
            "money",
            total=True,
            bar=True,
            meaning=say(translatable("Reports", "The orders' amounts in the period.")),
        ),
        Column(say(translatable("Reports", "Last order")), "date"),
    )
    tiers = session.execute(
        select(Account.value_tier, func.count(Account.id))
        .where(Account.deleted_at.is_(None))
        .group_by(Account.value_tier)
    ).all()
    counts = {ValueTier(t): n for t, n in tiers}
    summary = Summary(
        say(translatable("Reports", "By tier")),
        (
            Column(say(translatable("Reports", "Tier"))),
            Column(say(translatable("Reports", "Customers")), "integer"),
        ),
        tuple((word(t), counts.get(t, 0)) for t in ValueTier),
        Chart(
            say(translatable("Reports", "Customers by tier")),
            "bar",
            say(translatable("Reports", "Customers")),
        ),
    )
    return _report(say, "Customers", "Customers", period, columns, rows(), summary, total)


def orders_report(
    session: Session, period: Period = Period(), say: Translate = _english, word: Word = _enum_word
) -> Report:
    """Revenue per customer and month."""
    month = func.strftime("%Y-%m", Order.ordered_on)
    live = [
        Order.deleted_at.is_(None),
        Order.status.in_(COUNTED),
        *_within(Order.ordered_on, period),
    ]
    stmt = (
        select(Account.name, month, func.count(Order.id), func.sum(Order.amount))
        .join(Account, Account.id == Order.account_id)
        .where(*live)
        .group_by(Account.id, month)
        .order_by(Account.sort_key, Account.id, month)
    )

    def rows() -> Iterator[tuple[Any, ...]]:
        for name, ym, count, revenue in session.execute(stmt.execution_options(yield_per=CHUNK)):
            yield name, _month(ym), count, revenue

    by_month = session.execute(
        select(month, func.sum(Order.amount)).where(*live).group_by(month).order_by(month)
    ).all()
    columns = (
        Column(say(translatable("Reports", "Customer"))),
        Column(say(translatable("Reports", "Month")), "month"),
        Column(say(translatable("Reports", "Orders")), "integer", total=True),
        Column(
            say(translatable("Reports", "Revenue")),
            "money",
            total=True,
            bar=True,
            meaning=say(translatable("Reports", "Orders not cancelled or returned.")),
        ),
    )
    summary = Summary(
        say(translatable("Reports", "By month")),
        (
            Column(say(translatable("Reports", "Month")), "month"),
            Column(say(translatable("Reports", "Revenue")), "money"),
        ),
        tuple((_month(ym), revenue) for ym, revenue in by_month),
        Chart(
            say(translatable("Reports", "Revenue by month")),
            "bar",
            say(translatable("Reports", "Revenue")),
        ),
    )
    return _report(
        say, "Orders", "Revenue per customer and month", period, columns, rows(), summary, None
    )


def activities_report(
    session: Session, period: Period = Period(), say: Translate = _english, word: Word = _enum_word
) -> Report:
    """Activities per owner and week (weeks start on Monday), by kind."""
    # SQLite: the Monday of the activity's week (strftime %w: 0 is Sunday).
    day = func.date(Activity.occurred_at)
    week = func.date(day, func.printf("-%d days", (func.strftime("%w", day) + 6) % 7))
    kinds = (ActivityKind.CALL, ActivityKind.VISIT, ActivityKind.MEETING, ActivityKind.EMAIL)
    counted = [func.sum(case((Activity.kind == k, 1), else_=0)) for k in kinds]
    stmt = (
        select(
            Activity.owner,
            week,
            func.count(Activity.id),
            *counted,
            func.coalesce(func.sum(Activity.duration_minutes), 0),
        )
        .where(Activity.deleted_at.is_(None), *_within(Activity.occurred_at, period, True))
        .group_by(Activity.owner, week)
        .order_by(Activity.owner, week)
    )
    owner_missing = say(translatable("Reports", "(no owner)"))

    def rows() -> Iterator[tuple[Any, ...]]:
        for r in session.execute(stmt.execution_options(yield_per=CHUNK)):
            yield (r[0] or owner_missing, dt.date.fromisoformat(r[1]), *r[2:])

    by_owner = session.execute(
        select(Activity.owner, func.count(Activity.id))
        .where(Activity.deleted_at.is_(None), *_within(Activity.occurred_at, period, True))
        .group_by(Activity.owner)
        .order_by(func.count(Activity.id).desc())
        .limit(20)
    ).all()
    columns = (
        Column(say(translatable("Reports", "Owner"))),
        Column(
            say(translatable("Reports", "Week")),
            "date",
            meaning=say(translatable("Reports", "The Monday of the week.")),
        ),
        Column(say(translatable("Reports", "Activities")), "integer", total=True, bar=True),
        *(Column(word(k), "integer", total=True) for k in kinds),
        Column(say(translatable("Reports", "Minutes")), "integer", total=True),
    )
    summary = Summary(
        say(translatable("Reports", "By owner")),
        (
            Column(say(translatable("Reports", "Owner"))),
            Column(say(translatable("Reports", "Activities")), "integer"),
        ),
        tuple((owner or owner_missing, n) for owner, n in by_owner),
        Chart(
            say(translatable("Reports", "Activities by owner")),
            "bar",
            say(translatable("Reports", "Activities")),
        ),
    )
    return _report(
        say, "Activities", "Activities per owner and week", period, columns, rows(), summary, None
    )


def _opportunity_rows(session: Session, period: Period, open_only: bool) -> Iterator[Any]:
    """The deals closing in the period (open ones only for the forecast), in close-date order,
    a chunk at a time, with the pipeline's own figures (effective probability, weighted)."""
    flt = OpportunityFilter(open_only=open_only, close_from=period.start, close_to=period.end)
    ids = opportunity_ids(session, flt)
    for start in range(0, len(ids), 500):
        yield from opportunity_rows(session, ids[start : start + 500])


def pipeline_report(
    session: Session, period: Period = Period(), say: Translate = _english, word: Word = _enum_word
) -> Report:
    """Every deal closing in the period: stage, status, amount, probability and weighted."""
    status_words = {
        "open": say(translatable("Reports", "Open")),
        "won": say(translatable("Reports", "Won")),
        "lost": say(translatable("Reports", "Lost")),
    }

    def rows() -> Iterator[tuple[Any, ...]]:
        for r in _opportunity_rows(session, period, open_only=False):
            yield (r.name, r.account, r.stage, status_words[str(r.status)], r.owner, r.amount,
                   r.probability / 100, r.weighted, r.close_date, r.currency)  # fmt: skip

    by_stage: dict[str, list[Decimal]] = {}
    for r in _opportunity_rows(session, period, open_only=True):
        figures = by_stage.setdefault(r.stage, [Decimal(0), Decimal(0)])
        figures[0] += r.amount
        figures[1] += r.weighted
    columns = (
        Column(say(translatable("Reports", "Opportunity"))),
        Column(say(translatable("Reports", "Customer"))),
        Column(say(translatable("Reports", "Stage"))),
        Column(say(translatable("Reports", "Status"))),
        Column(say(translatable("Reports", "Owner"))),
        Column(say(translatable("Reports", "Amount")), "money", total=True, bar=True),
        Column(
            say(translatable("Reports", "Probability")),
            "percent",
            meaning=say(translatable("Reports", "The deal's own, else its stage's.")),
        ),
        Column(
            say(translatable("Reports", "Weighted")),
            "money",
            total=True,
            meaning=say(translatable("Reports", "Amount × probability.")),
        ),
        Column(say(translatable("Reports", "Close date")), "date"),
        Column(say(translatable("Reports", "Currency"))),
    )
    summary = Summary(
        say(translatable("Reports", "By stage")),
        (
            Column(say(translatable("Reports", "Stage"))),
            Column(say(translatable("Reports", "Amount")), "money"),
            Column(say(translatable("Reports", "Weighted")), "money"),
        ),
        tuple((stage, a, w) for stage, (a, w) in by_stage.items()),
        Chart(
            say(translatable("Reports", "Open pipeline by stage")),
            "bar",
            say(translatable("Reports", "Amount")),
        ),
    )
    return _report(say, "Pipeline", "Pipeline", period, columns, rows(), summary, None)


def forecast_report(
    session: Session, period: Period = Period(), say: Translate = _english, word: Word = _enum_word
) -> Report:
    """Open deals by month of their close date, owner and stage: amount and weighted."""
    groups: dict[tuple[dt.date | None, str, str], list[Any]] = {}
    for r in _opportunity_rows(session, period, open_only=True):
        month = r.close_date.replace(day=1) if r.close_date else None
        figures = groups.setdefault((month, r.owner, r.stage), [0, Decimal(0), Decimal(0)])
        figures[0] += 1
        figures[1] += r.amount
        figures[2] += r.weighted
    undated = dt.date.max
    ordered = sorted(groups.items(), key=lambda kv: (kv[0][0] or undated, kv[0][1], kv[0][2]))
    owner_missing = say(translatable("Reports", "(no owner)"))
    rows = [(m, o or owner_missing, s, n, a, w) for (m, o, s), (n, a, w) in ordered]
    by_month: dict[dt.date | None, list[Decimal]] = {}
    for month, _owner, _stage, _n, amount, weighted in rows:
        figures = by_month.setdefault(month, [Decimal(0), Decimal(0)])
        figures[0] += amount
        figures[1] += weighted
    columns = (
        Column(
            say(translatable("Reports", "Month")),
            "month",
            meaning=say(translatable("Reports", "The month of the expected close date.")),
        ),
        Column(say(translatable("Reports", "Owner"))),
        Column(say(translatable("Reports", "Stage"))),
        Column(say(translatable("Reports", "Opportunities")), "integer", total=True),
        Column(say(translatable("Reports", "Amount")), "money", total=True),
        Column(
            say(translatable("Reports", "Weighted")),
            "money",
            total=True,
            bar=True,
            meaning=say(translatable("Reports", "Amount × probability.")),
        ),
    )
    summary = Summary(
        say(translatable("Reports", "By month")),
        (
            Column(say(translatable("Reports", "Month")), "month"),
            Column(say(translatable("Reports", "Amount")), "money"),
            Column(say(translatable("Reports", "Weighted")), "money"),
        ),
        tuple((m, a, w) for m, (a, w) in by_month.items()),
        Chart(
            say(translatable("Reports", "Forecast by month")),
            "bar",
            say(translatable("Reports", "Amount")),
        ),
    )
    return _report(
        say, "Forecast", "Forecast by month, owner and stage", period, columns, iter(rows),
        summary, len(rows),
    )  # fmt: skip


def service_report(
    session: Session, period: Period = Period(), say: Translate = _english, word: Word = _enum_word
) -> Report:
    """Service cases opened in the period with their resolution times and whether on time."""
    stmt = (
        select(ServiceCase, Account.name)
        .outerjoin(Account, Account.id == ServiceCase.account_id)
        .where(ServiceCase.deleted_at.is_(None), *_within(ServiceCase.opened_at, period, True))
        .order_by(ServiceCase.opened_at, ServiceCase.id)
    )
    yes, no = say(translatable("Reports", "Yes")), say(translatable("Reports", "No"))
    by_kind: dict[CaseKind, list[float]] = {}

    def rows() -> Iterator[tuple[Any, ...]]:
        for case_, account in session.execute(stmt.execution_options(yield_per=CHUNK)):
            hours = _hours(case_.opened_at, case_.resolved_at)
            on_time = None
            if case_.due_at is not None and case_.resolved_at is not None:
                on_time = yes if _aware(case_.resolved_at) <= _aware(case_.due_at) else no
            yield (case_.number, case_.subject, account or "", word(CaseKind(case_.kind)),
                   word(CasePriority(case_.priority)), word(CaseStatus(case_.status)),
                   case_.owner, case_.opened_at.date(),
                   case_.resolved_at.date() if case_.resolved_at else None, hours, on_time,
                   case_.satisfaction)  # fmt: skip

    for kind, opened, resolved in session.execute(
        select(ServiceCase.kind, ServiceCase.opened_at, ServiceCase.resolved_at).where(
            ServiceCase.deleted_at.is_(None), *_within(ServiceCase.opened_at, period, True)
        )
    ):
        figures = by_kind.setdefault(CaseKind(kind), [0, 0.0, 0])
        figures[0] += 1
        hours = _hours(opened, resolved)
        if hours is not None:
            figures[1] += hours
            figures[2] += 1
    columns = (
        Column(say(translatable("Reports", "Case"))),
        Column(say(translatable("Reports", "Subject"))),
        Column(say(translatable("Reports", "Customer"))),
        Column(say(translatable("Reports", "Kind"))),
        Column(say(translatable("Reports", "Priority"))),
        Column(say(translatable("Reports", "Status"))),
        Column(say(translatable("Reports", "Owner"))),
        Column(say(translatable("Reports", "Opened")), "date"),
        Column(say(translatable("Reports", "Resolved")), "date"),
        Column(
            say(translatable("Reports", "Hours to resolve")),
            "number",
            bar=True,
            meaning=say(translatable("Reports", "From opening to resolution, in hours.")),
        ),
        Column(
            say(translatable("Reports", "On time")),
            meaning=say(translatable("Reports", "Resolved by the time it was due.")),
        ),
        Column(say(translatable("Reports", "Satisfaction")), "integer"),
    )
    summary = Summary(
        say(translatable("Reports", "By kind")),
        (
            Column(say(translatable("Reports", "Kind"))),
            Column(say(translatable("Reports", "Cases")), "integer"),
            Column(say(translatable("Reports", "Average hours to resolve")), "number"),
        ),
        tuple(
            (word(k), int(n), (total / resolved) if resolved else None)
            for k, (n, total, resolved) in by_kind.items()
        ),
        Chart(
            say(translatable("Reports", "Cases by kind")),
            "bar",
            say(translatable("Reports", "Cases")),
        ),
    )
    count = sum(int(f[0]) for f in by_kind.values())
    report = _report(
        say, "Service", "Service cases and resolution times", period, columns, rows(),
        summary, count,
    )  # fmt: skip
    return dataclasses.replace(report, more_summaries=_service_figures(session, period, say,
                                                                       word))  # fmt: skip


def _service_figures(
    session: Session, period: Period, say: Translate, word: Word
) -> tuple[Summary, ...]:
    """The service figures of the period (services/service_figures.py): a sheet of the
    figures, one of cases opened and closed per month, one of the share on time per tier."""
    f = service_figures(session, period.start, period.end)

    def percent(value: float | None) -> float | None:
        return None if value is None else round(100 * value, 2)

    figures = (
        ("Cases opened", f.opened), ("Cases resolved", f.resolved),
        ("First-contact resolution (%)", percent(f.first_contact_rate)),
        ("Average hours to resolve", f.average_hours),
        ("90th percentile of hours to resolve", f.p90_hours),
        ("Complaints per 100 customers", f.complaints_per_100),
        ("Reopened (% of resolved)", percent(f.reopen_rate)),
        ("Satisfaction c after closing", f.satisfaction_c),
        ("Surveys after closing", f.surveys_after_closing),
    )  # fmt: skip
    return (
        Summary(
            say(translatable("Reports", "Service figures")),
            (Column(say(translatable("Reports", "Figure"))),
             Column(say(translatable("Reports", "Value")), "number")),
            tuple((say(name), None if value is None else round(float(value), 4))
                  for name, value in figures),
        ),
        Summary(
            say(translatable("Reports", "Cases per month")),
            (Column(say(translatable("Reports", "Month"))),
             Column(say(translatable("Reports", "Opened")), "integer"),
             Column(say(translatable("Reports", "Closed")), "integer")),
            tuple((m.month, m.opened, m.closed) for m in f.months),
            Chart(say(translatable("Reports", "Cases opened and closed")), "bar",
                  say(translatable("Reports", "Cases"))),
        ),
        Summary(
            say(translatable("Reports", "Within target")),
            (Column(say(translatable("Reports", "Value tier"))),
             Column(say(translatable("Reports", "Resolved within target")), "percent")),
            tuple((word(tier), f.within_target[tier.value]) for tier in ValueTier
                  if tier.value in f.within_target),
            Chart(say(translatable("Reports", "Resolved within target")), "bar"),
        ),
    )  # fmt: skip


# lupdate reads the literal texts here; _service_figures translates them by value.
_FIGURES = (
    translatable("Reports", "Cases opened"),
    translatable("Reports", "Cases resolved"),
    translatable("Reports", "First-contact resolution (%)"),
    translatable("Reports", "Average hours to resolve"),
    translatable("Reports", "90th percentile of hours to resolve"),
    translatable("Reports", "Complaints per 100 customers"),
    translatable("Reports", "Reopened (% of resolved)"),
    translatable("Reports", "Satisfaction c after closing"),
    translatable("Reports", "Surveys after closing"),
)


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _hours(opened: dt.datetime, resolved: dt.datetime | None) -> float | None:
    if resolved is None:
        return None
    return round((_aware(resolved) - _aware(opened)).total_seconds() / 3600, 1)


def _month(ym: str) -> dt.date:
    year, month = ym.split("-")
    return dt.date(int(year), int(month), 1)


def _report(
    say: Translate,
    sheet: str,
    title: str,
    period: Period,
    columns: tuple[Column, ...],
    rows: Iterator[tuple[Any, ...]],
    summary: Summary,
    expected: int | None,
) -> Report:
    return Report(
        sheet=say(sheet),
        title=say(title),
        filter_text=period.describe(say),
        columns=columns,
        rows=rows,
        total_label=say(translatable("Reports", "Total")),
        summary=summary,
        about_sheet=say(translatable("Reports", "About this report")),
        about=_about(say, period, dt.datetime.now()),
        expected_rows=expected,
    )


# lupdate reads the literal texts here; _report translates them by value.
_TITLES = (
    translatable("Reports", "Customers"),
    translatable("Reports", "Orders"),
    translatable("Reports", "Activities"),
    translatable("Reports", "Revenue per customer and month"),
    translatable("Reports", "Activities per owner and week"),
    translatable("Reports", "Pipeline"),
    translatable("Reports", "Forecast"),
    translatable("Reports", "Forecast by month, owner and stage"),
    translatable("Reports", "Service"),
    translatable("Reports", "Service cases and resolution times"),
    translatable("Reports", "Total"),
    translatable("Reports", "About this report"),
)

BUILDERS: dict[str, Callable[..., Report]] = {
    "customers": customers_report,
    "orders": orders_report,
    "activities": activities_report,
    "pipeline": pipeline_report,
    "forecast": forecast_report,
    "service": service_report,
}


def build_report(
    session: Session,
    name: str,
    period: Period = Period(),
    say: Translate = _english,
    word: Word = _enum_word,
) -> Report:
    if name not in BUILDERS:
        raise KnownError(
            translatable("Messages", "There is no report called %1."),
            translatable("Messages", "Reports: %1."),
            values=(name,),
            hint_values=(", ".join(REPORTS),),
        )
    return BUILDERS[name](session, period, say, word)


def export_report(
    session: Session,
    name: str,
    path: str | Path,
    period: Period = Period(),
    *,
    say: Translate = _english,
    word: Word = _enum_word,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ReportResult:
    """Build the report `name` and write it to `path` (.xlsx) atomically."""
    report = build_report(session, name, period, say, word)
    return write_report(
        path, report, neutralise=xlsx_plain, progress=progress, cancelled=cancelled
    )
