"""CLV: historical revenue and the discounted projection, worked by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from crmdesk.analytics.clv import ClvTerms, clv, distribution, retention_rate
from crmdesk.store.db import Database
from tests.insights_data import AS_OF, customers


def test_projection_by_hand(db: Database) -> None:
    customers(db, {"new": [("2026-03-01", "600"), ("2026-05-01", "400")]})
    terms = ClvTerms(margin_rate=0.3, discount_rate=0.1, horizon_years=3, retention=0.5)
    with db.reading() as session:
        result = clv(session, AS_OF, terms)
    # factor = 1/1.1 + 0.5/1.21 + 0.25/1.331 = 1.510143; under a year: m = 1000 × 0.3 = 300
    assert result.factor == pytest.approx(1.510143, abs=1e-6)
    (row,) = result.rows
    assert (row.revenue, row.margin, row.yearly_margin) == (
        Decimal("1000.00"),
        Decimal("300.00"),
        Decimal("300.00"),
    )
    assert row.projected == Decimal("453.04")
    assert "m × 1.510" in result.formula and "r = 50.0 %" in result.formula


def test_yearly_margin_over_tenure(db: Database) -> None:
    # first order 2024-06-30: 731 days to AS_OF inclusive = 2.0014 years
    customers(db, {"old": [("2024-06-30", "1000"), ("2026-06-01", "1000")]})
    terms = ClvTerms(margin_rate=1.0, discount_rate=0.0, horizon_years=1, retention=1.0)
    with db.reading() as session:
        (row,) = clv(session, AS_OF, terms).rows
    assert row.yearly_margin == Decimal("999.32")  # 2000 / (731 / 365.25)
    assert row.projected == row.yearly_margin


def test_measured_retention(db: Database) -> None:
    customers(
        db,
        {
            "stays": [("2025-01-10", "1"), ("2026-02-01", "1")],
            "goes": [("2025-03-01", "1")],
            "late": [("2026-04-01", "1")],
        },
    )
    with db.reading() as session:
        assert retention_rate(session, AS_OF) == 0.5
        assert clv(session, AS_OF).retention == 0.5


def test_no_history_no_rows(db: Database) -> None:
    customers(db, {"x": []})
    with db.reading() as session:
        result = clv(session, AS_OF)
    assert result.rows == () and result.retention == 0.0
    assert distribution([]) == []


def test_distribution_bins() -> None:
    values = [Decimal(v) for v in (0, 1, 2, 9, 10)]
    bins = distribution(values, bins=5)
    assert [b[2] for b in bins] == [2, 1, 0, 0, 2]
    # twenty values 0..19 and one of 1000: bins up to the 95 % quantile (value 19 at index 19
    # of 21), the last one holding the outlier too
    skewed = [Decimal(v) for v in range(20)] + [Decimal(1000)]
    capped = distribution(skewed, bins=4, cap_share=0.95)
    assert [b[2] for b in capped] == [5, 5, 5, 6] and capped[-1][1] == Decimal("1000.00")
