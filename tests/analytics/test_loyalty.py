"""The loyalty rule: prospect, new, regular, long-standing, loyal from the years of buying."""

from __future__ import annotations

import datetime as dt

from crmdesk.analytics.loyalty import loyalty_stage
from crmdesk.models.enums import LoyaltyStage

TODAY = dt.date(2025, 3, 12)


def ago(*days: int) -> list[dt.date]:
    return [TODAY - dt.timedelta(days=d) for d in days]


def test_no_purchase_is_a_prospect() -> None:
    assert loyalty_stage([], TODAY) is LoyaltyStage.PROSPECT


def test_a_first_purchase_within_365_days_is_new() -> None:
    assert loyalty_stage(ago(365, 10), TODAY) is LoyaltyStage.NEW
    assert loyalty_stage(ago(366), TODAY) is LoyaltyStage.REGULAR  # 366 / 365.25 >= 1


def test_under_two_years_or_two_active_years_is_regular() -> None:
    assert loyalty_stage(ago(700, 300, 20), TODAY) is LoyaltyStage.REGULAR  # tenure < 2
    # Three years a customer, but bought in only one of the last three years.
    assert loyalty_stage(ago(1200, 1150, 100), TODAY) is LoyaltyStage.REGULAR


def test_loyal_needs_two_and_a_half_years_all_three_years_and_eight_purchases() -> None:
    eight = ago(1000, 900, 700, 600, 400, 300, 100, 5)
    assert loyalty_stage(eight, TODAY) is LoyaltyStage.LOYAL
    assert loyalty_stage(eight[1:], TODAY) is LoyaltyStage.LONG_STANDING  # seven purchases
    # 2.2 years: long-standing however often.
    assert loyalty_stage(ago(803, 800, 700, 500, 400, 300, 200, 100, 5), TODAY) is (
        LoyaltyStage.LONG_STANDING
    )
    # Nothing in the year 730-1095 days ago (the third year): long-standing.
    assert loyalty_stage(ago(1200, 700, 600, 500, 400, 300, 200, 100, 5), TODAY) is (
        LoyaltyStage.LONG_STANDING
    )


def test_the_order_of_the_dates_does_not_matter() -> None:
    eight = ago(5, 100, 1000, 300, 900, 400, 700, 600)
    assert loyalty_stage(eight, TODAY) is LoyaltyStage.LOYAL
