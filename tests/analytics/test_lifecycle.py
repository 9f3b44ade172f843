"""The lifecycle rule: acquisition, growth, retention, decline, lost from recency and trend."""

from __future__ import annotations

import datetime as dt

from crmdesk.analytics.lifecycle import lifecycle_phase
from crmdesk.models.enums import LifecyclePhase

TODAY = dt.date(2025, 3, 12)


def ago(*days: int) -> list[dt.date]:
    return [TODAY - dt.timedelta(days=d) for d in days]


def test_no_purchase_or_a_first_one_under_180_days_ago_is_acquisition() -> None:
    assert lifecycle_phase([], TODAY) is LifecyclePhase.ACQUISITION
    assert lifecycle_phase(ago(179, 3), TODAY) is LifecyclePhase.ACQUISITION


def test_nothing_for_more_than_a_year_is_lost() -> None:
    assert lifecycle_phase(ago(900, 366), TODAY) is LifecyclePhase.LOST
    assert lifecycle_phase(ago(900, 365), TODAY) is LifecyclePhase.DECLINE


def test_nothing_for_more_than_180_days_is_decline() -> None:
    assert lifecycle_phase(ago(400, 181), TODAY) is LifecyclePhase.DECLINE


def test_the_trend_against_the_year_before() -> None:
    # 3 purchases this year against 2 the year before: 1.5 x, growth.
    assert lifecycle_phase(ago(500, 400, 200, 100, 10), TODAY) is LifecyclePhase.GROWTH
    # 2 against 2: retention; 1 against 2 (0.5 x): decline.
    assert lifecycle_phase(ago(500, 400, 100, 10), TODAY) is LifecyclePhase.RETENTION
    assert lifecycle_phase(ago(500, 400, 10), TODAY) is LifecyclePhase.DECLINE
    # None the year before (but a customer for longer): growth.
    assert lifecycle_phase(ago(800, 100, 10), TODAY) is LifecyclePhase.GROWTH


def test_the_year_boundaries() -> None:
    # 365 days ago counts as the year before, 364 as this year.
    assert lifecycle_phase(ago(365, 100), TODAY) is LifecyclePhase.RETENTION
    assert lifecycle_phase(ago(364, 200, 100), TODAY) is LifecyclePhase.GROWTH


def test_contact_decides_for_prospects_and_for_customers_gone_a_year() -> None:
    """The issue's "from purchase history and contact": a prospect nobody spoke to for a year
    is lost; a customer gone a year but contacted lately is being won back (decline)."""
    (recent,) = ago(30)
    (long_ago,) = ago(400)
    assert lifecycle_phase([], TODAY, recent) is LifecyclePhase.ACQUISITION
    assert lifecycle_phase([], TODAY, long_ago) is LifecyclePhase.LOST
    assert lifecycle_phase(ago(900, 366), TODAY, recent) is LifecyclePhase.DECLINE
    assert lifecycle_phase(ago(900, 366), TODAY, ago(91)[0]) is LifecyclePhase.LOST
    assert lifecycle_phase(ago(900, 366), TODAY, ago(90)[0]) is LifecyclePhase.DECLINE
    assert lifecycle_phase(ago(500, 400, 10), TODAY, long_ago) is LifecyclePhase.DECLINE
