"""Loyalty stage of a customer from its years of buying: prospect → new → regular → loyal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from crmdesk.analytics.purchases import bought_in_year, purchase_days
from crmdesk.models.enums import LoyaltyStage

LOYAL_YEARS = 2.5  # customer for this many years …
LOYAL_PURCHASES = 8  # … with at least this many purchases, in each of the last three years


def loyalty_stage(purchases: Iterable[dt.date], today: dt.date) -> LoyaltyStage:
    """The loyalty stage on `today` of a customer who bought on the dates `purchases`.

    - no purchase: prospect;
    - first purchase less than a year (365.25 days) ago: new;
    - buying for less than two years, or in fewer than two of the last three years
      (the 365-day years ending today, a year ago and two years ago): regular;
    - buying for 2.5 years or more, in each of the last three years, 8 purchases or more: loyal;
    - otherwise: long-standing.
    """
    days = purchase_days(purchases)
    if not days:
        return LoyaltyStage.PROSPECT
    now = today.toordinal()
    tenure = (now - days[0]) / 365.25
    active_years = sum(1 for k in range(3) if bought_in_year(days, now, k))
    if tenure < 1:
        return LoyaltyStage.NEW
    if tenure < 2 or active_years < 2:
        return LoyaltyStage.REGULAR
    if tenure >= LOYAL_YEARS and active_years == 3 and len(days) >= LOYAL_PURCHASES:
        return LoyaltyStage.LOYAL
    return LoyaltyStage.LONG_STANDING
