"""Demo opportunities: stage histories that end where the opportunity stands."""

from __future__ import annotations

import datetime as dt
import random

from crmdesk.demo.context import DemoContext
from crmdesk.demo.pipeline import LOST, OPEN_STAGES, WON, _steps, plan_stages

TODAY = dt.date(2025, 3, 12)


def test_histories_climb_to_the_stage_and_closed_ones_have_a_closing_day() -> None:
    ctx = DemoContext(10, 7, TODAY, loader=None)  # type: ignore[arg-type]
    r = random.Random(8)
    for stage in range(6):
        for _ in range(50):
            created = ctx.today - r.randint(5, 360)
            steps, closed = _steps(ctx, r, stage, created)
            assert steps[0] == (0, created) and steps[-1][0] == stage
            days = [day for _s, day in steps]
            assert days == sorted(days) and days[-1] <= ctx.today
            assert (closed is None) == (stage < OPEN_STAGES)
            if stage == LOST:  # lost from any open stage
                assert all(s < OPEN_STAGES for s, _day in steps[:-1])
            if stage == WON:
                assert [s for s, _day in steps] == [0, 1, 2, 3, 4] and closed == days[-1]


def test_the_six_stages_are_stored_in_english_with_their_probability() -> None:
    from crmdesk.services.pipeline import DEFAULT_STAGES

    stages = plan_stages()
    # the demo ships the stages a new database gets
    assert [(s["name"], s["prob"], s["won"], s["lost"]) for s in stages] == list(DEFAULT_STAGES)
    assert [s["name"] for s in stages] == [
        "Qualification", "Needs analysis", "Proposal", "Negotiation", "Won", "Lost",
    ]  # fmt: skip
    assert (stages[WON]["won"], stages[LOST]["lost"]) == (True, True)
