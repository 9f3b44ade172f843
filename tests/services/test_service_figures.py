"""Service figures against four cases worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from crmdesk.services.service_figures import MonthCount, service_figures
from tests.services.case_data import build_worked


@pytest.fixture
def worked(db):
    build_worked(db)
    return db


def test_the_figures_match_the_hand_worked_cases(worked):
    with worked.reading() as session:
        f = service_figures(session)
    assert f.months == (MonthCount("2026-03", 3, 1), MonthCount("2026-04", 1, 0))
    assert (f.opened, f.resolved) == (4, 3)
    assert f.first_contact_rate == pytest.approx(1 / 3)  # only A went straight from new
    assert f.average_hours == pytest.approx((2 + 24 + 6) / 3)
    assert f.p90_hours == pytest.approx(24)  # the 3rd shortest of 3
    assert f.within_target == {"vip": 0.0, "ordinary": 1.0}  # B took 24 h of its 8
    assert f.complaints_per_100 == pytest.approx(50)  # 1 complaint, 2 buying customers
    assert f.reopen_rate == pytest.approx(1 / 3)
    assert f.satisfaction_c == pytest.approx(0.9625) and f.surveys_after_closing == 1
    assert f.satisfaction_score == pytest.approx(3)


def test_a_period_narrows_every_figure(worked):
    with worked.reading() as session:
        april = service_figures(session, dt.date(2026, 4, 1), dt.date(2026, 4, 30))
        nothing = service_figures(session, dt.date(2025, 1, 1), dt.date(2025, 1, 31))
    assert april.opened == 1 and april.resolved == 0 and april.average_hours is None
    assert april.months == (MonthCount("2026-04", 1, 0),)
    assert nothing.opened == 0 and nothing.p90_hours is None and nothing.satisfaction_c is None
