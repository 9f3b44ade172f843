"""Monthly targets against actuals from the data: three of five met, the two missed weigh 20 %."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from crmdesk.analytics import targets as rules
from crmdesk.core.errors import KnownError
from crmdesk.models import Activity, ServiceCase
from crmdesk.models.enums import ActivityKind, CaseStatus
from crmdesk.services import targets
from crmdesk.services.targets import TargetDraft
from crmdesk.store.db import Database
from tests.insights_data import customers
from tests.pipeline_data import build_pipeline

UTC = dt.UTC


def _month_of_wang(db: Database) -> None:
    build_pipeline(db)  # D: 8,000 won by Wang on 2026-02-20
    customers(
        db,
        {"newco": [("2026-02-03", "5")], "oldco": [("2026-01-03", "5"), ("2026-02-05", "5")]},
        owner="Wang",
    )
    with db.transaction() as session:
        for day, kind in (
            (3, ActivityKind.VISIT),
            (4, ActivityKind.VISIT),
            (5, ActivityKind.CALL),
            (6, ActivityKind.NOTE),
        ):
            session.add(
                Activity(
                    kind=kind, occurred_at=dt.datetime(2026, 2, day, 9, tzinfo=UTC), owner="Wang"
                )
            )
        session.add(
            Activity(
                kind=ActivityKind.VISIT,
                owner="Wang",
                occurred_at=dt.datetime(2026, 3, 1, 9, tzinfo=UTC),
            )
        )
        session.add(
            ServiceCase(
                subject="open",
                owner="Wang",
                status=CaseStatus.IN_PROGRESS,
                opened_at=dt.datetime(2026, 2, 1, tzinfo=UTC),
            )
        )
        plan = [
            ("revenue_won", "8000", "40"),
            ("new_customers", "1", "20"),
            ("visits_made", "2", "20"),
            ("calls_made", "3", "10"),
            ("cases_closed", "1", "10"),
        ]
        targets.set_targets(
            session, [TargetDraft("Wang", "2026-02", k, Decimal(t), Decimal(w)) for k, t, w in plan]
        )
        targets.set_targets(
            session, [TargetDraft("Li", "2026-02", "calls_made", Decimal(1), Decimal(1))]
        )


def test_scorecard_hand_worked(db: Database) -> None:
    _month_of_wang(db)
    with db.reading() as session:
        card = targets.scorecard(session, "Wang", "2026-02")
    assert card is not None
    got = {i.indicator: (i.actual, i.met, i.percent) for i in card.indicators}
    assert got == {
        "revenue_won": (Decimal("8000.00"), True, Decimal("100.0")),
        "new_customers": (Decimal(1), True, Decimal("100.0")),
        "visits_made": (Decimal(2), True, Decimal("100.0")),
        "calls_made": (Decimal(1), False, Decimal("33.3")),
        "cases_closed": (Decimal(0), False, Decimal("0.0")),
    }
    assert (card.met, card.missed_weight, card.score) == (3, Decimal("20.0"), Decimal("80.0"))
    assert card.summary() == "3 of 5 met; the 2 missed weigh 20 %"


def test_team_view_and_trend(db: Database) -> None:
    _month_of_wang(db)
    with db.transaction() as session:
        targets.set_targets(
            session, [TargetDraft("Wang", "2026-03", "visits_made", Decimal(1), Decimal(1))]
        )
        team = targets.team(session, "2026-02")
        trend = targets.trend(session, "2026-03")
    assert [(c.owner, c.score) for c in team] == [("Li", Decimal(0)), ("Wang", Decimal("80.0"))]
    assert trend["Wang"][-2:] == [Decimal("80.0"), Decimal("100.0")]
    assert trend["Wang"][:10] == [None] * 10 and len(trend["Li"]) == 12


def test_replacing_a_target_and_bad_input(db: Database) -> None:
    with db.transaction() as session:
        targets.set_targets(
            session, [TargetDraft("Li", "2026-02", "calls_made", Decimal(5), Decimal(1))]
        )
        targets.set_targets(
            session, [TargetDraft("Li", "2026-02", "calls_made", Decimal(2), Decimal(1))]
        )
        card = targets.scorecard(session, "Li", "2026-02")
        assert card is not None and [i.target for i in card.indicators] == [Decimal(2)]
        for bad in (
            TargetDraft("Li", "2026-13", "calls_made", Decimal(1), Decimal(1)),
            TargetDraft("Li", "2026-02", "smiles", Decimal(1), Decimal(1)),
            TargetDraft("Li", "2026-02", "calls_made", Decimal(-1), Decimal(1)),
        ):
            with pytest.raises(KnownError):
                targets.set_targets(session, [bad])


def test_month_arithmetic() -> None:
    assert rules.shift_month("2026-01", -1) == "2025-12"
    assert rules.months_back("2026-02", 3) == ["2025-12", "2026-01", "2026-02"]
