"""The forecast and pipeline health against the hand-worked pipeline of tests/pipeline_data."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from crmdesk.analytics import forecast as fc
from crmdesk.store.db import Database
from tests.pipeline_data import build_pipeline


def _row(f: fc.Forecast, label: str) -> tuple[int, Decimal, Decimal, Decimal]:
    p = next(p for p in f.periods if p.period == label)
    return p.count, p.amount, p.weighted, p.won


def test_monthly_forecast_hand_worked(db: Database) -> None:
    build_pipeline(db)
    with db.reading() as session:
        f = fc.forecast(session, fc.Period.MONTH)
    # March: A 10,000 × 50 % + B 20,000 × 60 % (overridden) = 17,000; April: C 5,000 × 10 %
    assert _row(f, "2026-03") == (2, Decimal("30000.00"), Decimal("17000.00"), Decimal("0.00"))
    assert _row(f, "2026-04") == (1, Decimal("5000.00"), Decimal("500.00"), Decimal("0.00"))
    assert _row(f, "2026-02") == (0, Decimal("0.00"), Decimal("0.00"), Decimal("8000.00"))
    t = f.total
    assert (t.count, t.amount, t.weighted, t.won) == (
        3, Decimal("35000.00"), Decimal("17500.00"), Decimal("8000.00"))  # fmt: skip


def test_quarterly_forecast_and_owner(db: Database) -> None:
    build_pipeline(db)
    with db.reading() as session:
        q = fc.forecast(session, fc.Period.QUARTER)
        li = fc.forecast(session, fc.Period.QUARTER, owner="Li")
    assert _row(q, "2026-Q1") == (2, Decimal("30000.00"), Decimal("17000.00"), Decimal("8000.00"))
    assert _row(q, "2026-Q2") == (1, Decimal("5000.00"), Decimal("500.00"), Decimal("0.00"))
    assert _row(li, "2026-Q1") == (1, Decimal("10000.00"), Decimal("5000.00"), Decimal("0.00"))


def test_period_range() -> None:
    assert fc.period_range("2026-Q1") == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert fc.period_range("2026-12") == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))


def test_breakdowns_by_owner_and_stage(db: Database) -> None:
    build_pipeline(db)
    with db.reading() as session:
        owners = {b.key: b.weighted for b in fc.open_by(session, "owner")}
        stages = [b.key for b in fc.open_by(session, "stage")]
    assert owners == {"Li": Decimal("5500.00"), "Wang": Decimal("12000.00")}
    assert stages == ["Qualification", "Proposal", "Negotiation"]


def test_health(db: Database) -> None:
    build_pipeline(db)
    with db.reading() as session:
        h = fc.health(session, today=dt.date(2026, 3, 20))
    assert (h.won, h.lost, h.win_rate) == (1, 1, Decimal("50.00"))
    assert h.average_deal == Decimal("8000.00")
    assert (h.past_close, h.past_close_amount) == (1, Decimal("10000.00"))  # A, due 15 March
    funnel = {s.stage: s for s in h.stages}
    assert funnel["Qualification"].reached == 2  # C and E entered it
    assert funnel["Won"].reached == 1
    # all 5 deals stood in Qualification or beyond; A, B and D went past it (E was lost there)
    assert funnel["Qualification"].conversion == Decimal("60.00")
    # D: created 10 January, won 20 February: 41 days
    assert h.average_cycle_days == Decimal("41.0")
    assert funnel["Proposal"].reached == 2


def test_a_plain_string_period_is_the_same_period(db: Database) -> None:
    # the chart's combo box hands back "month" as a plain str; it once drew quarters for it
    build_pipeline(db)
    with db.reading() as session:
        f = fc.forecast(session, "month")  # type: ignore[arg-type]
    assert [p.period for p in f.periods] == ["2026-02", "2026-03", "2026-04"]


def test_the_sales_cycle_starts_when_the_deal_entered_the_pipeline(db: Database) -> None:
    """A deal loaded after the fact (demo, import) is created later than it entered: the cycle
    counts from its first stage change, never negative."""
    from sqlalchemy import update

    from crmdesk.models import Opportunity

    ids = build_pipeline(db)
    with db.transaction() as session:
        session.execute(update(Opportunity).where(Opportunity.id == ids["D"]).values(
            created_at=dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)))
    with db.reading() as session:
        h = fc.health(session, today=dt.date(2026, 3, 20))
    assert h.average_cycle_days == Decimal("41.0")  # 10 January to 20 February
