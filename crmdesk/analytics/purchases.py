"""Purchase dates counted the way the loyalty and lifecycle rules look at them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

YEAR_DAYS = 365


def purchase_days(purchases: Iterable[dt.date]) -> list[int]:
    """The purchase dates as sorted day numbers (proleptic ordinals), for day arithmetic."""
    return sorted(day.toordinal() for day in purchases)


def bought_in_year(days: Iterable[int], today: int, years_ago: int) -> int:
    """Purchases in the 365-day year ending `years_ago` years before today (0: the last 365
    days up to and including today)."""
    end = today - YEAR_DAYS * years_ago
    return sum(1 for day in days if end - YEAR_DAYS < day <= end)
