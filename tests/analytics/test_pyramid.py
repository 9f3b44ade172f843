"""The value pyramid against a hand-worked set of ten buyers: cut-offs, ties, Pareto, 80/20."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from crmdesk.analytics.pyramid import Shares, Tier, pyramid, tiers_of
from crmdesk.models.enums import ValueTier
from crmdesk.store.db import Database
from tests.insights_data import AS_OF, customers

REVENUES = [1000, 500, 500, 400, 300, 200, 100, 100, 50, 10]  # 3160 in all


def _ten(db: Database) -> dict[str, object]:
    ids = customers(db, {f"c{i}": [("2026-03-01", str(v))] for i, v in enumerate(REVENUES)})
    customers(db, {"old": [("2024-01-01", "99999")], "none": []})  # outside the period / none
    return ids


def test_default_shares_round_up_and_ties_go_higher(db: Database) -> None:
    _ten(db)
    with db.reading() as session:
        p = pyramid(session, AS_OF, dt.date(2026, 1, 1))
    # n = 10: platinum rank <= ceil(0.1) = 1, gold <= ceil(0.5) = 1, iron <= ceil(2.0) = 2;
    # the two 500s share rank 2, so both are iron
    got = {t.tier: (t.customers, t.revenue, t.threshold) for t in p.tiers}
    assert got == {
        Tier.PLATINUM: (1, Decimal("1000.00"), Decimal("1000.00")),
        Tier.GOLD: (0, Decimal("0.00"), None),
        Tier.IRON: (2, Decimal("1000.00"), Decimal("500.00")),
        Tier.LEAD: (7, Decimal("1160.00"), Decimal("10.00")),
    }
    assert p.buyers == 10 and p.revenue == Decimal("3160.00")
    assert p.tier(Tier.IRON).suggested is ValueTier.IMPORTANT


def test_configured_shares(db: Database) -> None:
    ids = _ten(db)
    with db.reading() as session:
        p = pyramid(session, AS_OF, dt.date(2026, 1, 1), Shares(10, 10, 30))
        tiers = tiers_of(session, AS_OF, dt.date(2026, 1, 1), Shares(10, 10, 30))
    # cut-offs 1, 2, 5: platinum 1000; gold the tied 500s; iron 400, 300; lead the rest
    assert [t.customers for t in p.tiers] == [1, 2, 2, 5]
    assert tiers[ids["c4"]] is Tier.IRON and tiers[ids["c5"]] is Tier.LEAD  # type: ignore[index]


def test_pareto_curve_and_80_20(db: Database) -> None:
    _ten(db)
    with db.reading() as session:
        p = pyramid(session, AS_OF, dt.date(2026, 1, 1))
    assert p.pareto[0] == (0.0, 0.0) and p.pareto[-1] == (1.0, pytest.approx(1.0))
    assert p.pareto[1] == (0.1, pytest.approx(1000 / 3160))
    assert p.top20_share == pytest.approx(1500 / 3160) and not p.holds_80_20


def test_80_20_holds_when_the_top_fifth_brings_most(db: Database) -> None:
    customers(
        db, {"big": [("2026-03-01", "900")], **{f"s{i}": [("2026-03-01", "25")] for i in range(4)}}
    )
    with db.reading() as session:
        p = pyramid(session, AS_OF)
    assert p.top20_share == pytest.approx(0.9) and p.holds_80_20


def test_one_buyer_and_none(db: Database) -> None:
    customers(db, {"one": [("2026-03-01", "5")]})
    with db.reading() as session:
        one = pyramid(session, AS_OF)
        none = pyramid(session, dt.date(2020, 1, 1))
    assert [t.customers for t in one.tiers] == [1, 0, 0, 0]
    assert none.buyers == 0 and [t.customers for t in none.tiers] == [0, 0, 0, 0]


def test_negative_share_is_refused() -> None:
    with pytest.raises(ValueError):
        Shares(-1, 4, 15).cutoffs(10)
