"""Churn risk: silent for longer than the median gap × factor, worked by hand."""

from __future__ import annotations

from crmdesk.analytics.churn import at_risk
from crmdesk.models.enums import OrderStatus
from crmdesk.store.db import Database
from tests.insights_data import AS_OF, customers


def test_median_gap_times_factor(db: Database) -> None:
    customers(
        db,
        {
            # gaps 10, 10, 30: median 10; last order 25 days before AS_OF > 20: at risk
            "odd": [
                ("2026-04-06", "1"),
                ("2026-04-16", "1"),
                ("2026-04-26", "1"),
                ("2026-06-05", "1"),
            ],
            # gaps 10, 20 -> median 15 (the two middle ones' mean); 25 days <= 30: fine
            "even": [("2026-05-06", "1"), ("2026-05-16", "1"), ("2026-06-05", "1")],
            # one order day (two orders on it): no interval, not judged
            "once": [("2025-01-01", "1"), ("2025-01-01", "2")],
            # a cancelled order does not make a gap or a last order
            "cancelled": [
                ("2026-01-01", "1"),
                ("2026-01-11", "1"),
                ("2026-06-29", "1", OrderStatus.CANCELLED),
            ],
        },
    )
    with db.reading() as session:
        rows = at_risk(session, AS_OF, factor=2.0)
        loose = at_risk(session, AS_OF, factor=3.0)
    got = {r.name: (r.days_silent, r.median_gap) for r in rows}
    assert got == {"odd": (25, 10.0), "cancelled": (170, 10.0)}
    assert [r.name for r in rows] == ["cancelled", "odd"]  # most overdue first
    assert [r.name for r in loose] == ["cancelled"]


def test_no_orders_no_risk(db: Database) -> None:
    customers(db, {"x": []})
    with db.reading() as session:
        assert at_risk(session, AS_OF) == []
