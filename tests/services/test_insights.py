"""Scores stored on the account, staleness, and suggestions applied on confirmation."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from crmdesk.models import Account
from crmdesk.models.enums import LifecyclePhase, LoyaltyStage, ValueTier
from crmdesk.services import insights
from crmdesk.services.accounts import AccountFilter, account_ids
from crmdesk.services.contacts import ContactFilter
from crmdesk.store.db import Database
from tests.insights_data import AS_OF, customers, rfm_example


def _stored(db: Database) -> dict[str, tuple[object, ...]]:
    with db.reading() as session:
        return {
            a.name: (a.rfm_r, a.rfm_f, a.rfm_m, a.rfm_cell, a.rfm_segment, a.scores_as_of)
            for a in session.scalars(select(Account))
        }


def test_scores_are_stored_with_their_date(db: Database) -> None:
    rfm_example(db)
    with db.transaction() as session:
        assert insights.store_scores(session, AS_OF) == 5
    stored = _stored(db)
    assert stored["A"] == (3, 5, 3, "353", "loyal", AS_OF)
    assert stored["C"] == (1, 4, 5, "145", "cant_lose", AS_OF)
    assert stored["F"] == (None, None, None, "", "", AS_OF)  # no orders: cleared, dated


def test_stale_scores_are_recomputed(db: Database) -> None:
    rfm_example(db)
    with db.transaction() as session:
        assert insights.scores_stale(session, AS_OF)
        assert insights.ensure_scores(session, AS_OF)
        assert not insights.scores_stale(session, AS_OF + dt.timedelta(days=7))
        assert insights.scores_stale(session, AS_OF + dt.timedelta(days=8))
        assert not insights.ensure_scores(session, AS_OF + dt.timedelta(days=3))
        assert insights.stored_scores(session).as_of == AS_OF


def test_value_tiers_apply_only_on_confirmation(db: Database) -> None:
    ids = customers(
        db, {f"c{i}": [("2026-03-01", str(v))] for i, v in enumerate([1000, 500, 500, 400, 300])}
    )
    with db.transaction() as session:
        changes = insights.tier_changes(session, AS_OF)
    # n = 5: platinum <= 1, gold <= 1, iron <= 1 -> c0 VIP, the rest ordinary already
    assert [(c.name, c.suggested) for c in changes] == [("c0", ValueTier.VIP)]
    with db.reading() as session:
        assert session.get(Account, ids["c0"]).value_tier == ValueTier.ORDINARY  # type: ignore[union-attr]
    with db.transaction() as session:
        done = insights.apply_value_tiers(session, changes)
    assert done.accounts == {ids["c0"]}
    with db.reading() as session:
        assert session.get(Account, ids["c0"]).value_tier == ValueTier.VIP  # type: ignore[union-attr]
        assert insights.tier_changes(session, AS_OF) == []


def test_stage_suggestions_apply(db: Database) -> None:
    ids = customers(db, {"fresh": [("2026-06-01", "10")], "none": []})
    with db.transaction() as session:
        insights.apply_stage_suggestions(session, AS_OF)
    with db.reading() as session:
        fresh = session.get(Account, ids["fresh"])
        assert fresh is not None
        assert (fresh.loyalty_stage, fresh.lifecycle_phase) == (
            LoyaltyStage.NEW,
            LifecyclePhase.ACQUISITION,
        )


def test_settings_round_trip(db: Database) -> None:
    with db.transaction() as session:
        insights.save_settings(session, insights.InsightSettings(churn_factor=3.0))
    with db.reading() as session:
        loaded = insights.load_settings(session)
    assert loaded.churn_factor == 3.0 and loaded.shares.platinum == 1.0
    assert loaded.pyramid_since(dt.date(2026, 6, 30)) == dt.date(2025, 6, 1)


def test_lists_filter_on_an_id_set(db: Database) -> None:
    ids = customers(db, {f"c{i:04d}": [] for i in range(600)})
    wanted = frozenset(list(ids.values())[:550])  # more than a plain IN list takes here
    with db.reading() as session:
        assert set(account_ids(session, AccountFilter(account_ids=wanted))) == wanted
        few = frozenset(list(ids.values())[:2])
        assert set(account_ids(session, AccountFilter(account_ids=few))) == few
    assert ContactFilter(account_ids=few).account_ids == few


def test_stored_churn_inputs_match_the_live_figure(db: Database) -> None:
    from crmdesk.analytics.churn import at_risk, stored_at_risk

    customers(db, {
        "odd": [("2026-04-06", "1"), ("2026-04-16", "1"), ("2026-04-26", "1"), ("2026-06-05", "1")],
        "even": [("2026-05-06", "1"), ("2026-05-16", "1"), ("2026-06-05", "1")],
        "once": [("2025-01-01", "1")],
    }, owner="Li")  # fmt: skip
    with db.transaction() as session:
        insights.store_scores(session, AS_OF)
        live = at_risk(session, AS_OF, 2.0, owner="Li")
        stored = stored_at_risk(session, AS_OF, 2.0, owner="Li")
        once = session.scalar(select(Account).where(Account.name == "once"))
    assert [r.name for r in stored] == [r.name for r in live] == ["odd"]
    assert stored == live
    assert once is not None and once.usual_gap_days is None
    assert once.last_order_on == dt.date(2025, 1, 1)


def test_the_chosen_measure_ranks_the_pyramid_and_the_suggested_tiers(db: Database) -> None:
    """test_margin's buyers: A leads by revenue (1000), B by margin (270)."""
    import dataclasses

    from crmdesk.analytics.pyramid import Measure, Tier
    from tests.analytics.test_margin import SINCE, _buyers

    ids = _buyers(db)

    def platinum() -> tuple[object, object, list[str]]:
        with db.reading() as session:
            p = insights.value_pyramid(session, AS_OF, SINCE)
            tiers = insights.value_tiers(session, AS_OF, SINCE)
            vip = [c.name for c in insights.tier_changes(session, AS_OF, SINCE)
                   if c.suggested is ValueTier.VIP]  # fmt: skip
        (top,) = [aid for aid, t in tiers.items() if t is Tier.PLATINUM]
        return p.measure, top, vip

    assert platinum() == (Measure.REVENUE, ids["A"], ["A"])
    with db.transaction() as session:
        conf = insights.load_settings(session)
        insights.save_settings(session, dataclasses.replace(conf, pyramid_by="margin"))
    assert platinum() == (Measure.MARGIN, ids["B"], ["B"])
    with db.reading() as session:
        assert insights.value_pyramid(session, AS_OF, SINCE).tier(Tier.PLATINUM).revenue == (
            Decimal("270.00"))  # fmt: skip
        # asked for explicitly, the other measure
        assert insights.value_pyramid(session, AS_OF, SINCE, Measure.REVENUE).tier(
            Tier.PLATINUM).threshold == Decimal("1000.00")  # fmt: skip
        assert insights.overview(session, AS_OF).pyramid.measure is Measure.MARGIN


def test_an_unknown_measure_reads_as_revenue(db: Database) -> None:
    from crmdesk.analytics.pyramid import Measure
    from crmdesk.services import settings

    with db.transaction() as session:
        settings.write_value(session, "insights", {"pyramid_by": "profit"})
    with db.reading() as session:
        assert insights.load_settings(session).measure is Measure.REVENUE
