"""Lifecycle phase of a customer from the recency and trend of its purchases, and from how
recently anyone was in touch with it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from crmdesk.analytics.purchases import YEAR_DAYS, bought_in_year, purchase_days
from crmdesk.models.enums import LifecyclePhase

QUIET_DAYS = 180  # no purchase for this long: declining; first purchase this recent: acquired
GROWING = 1.3  # this year's purchases against last year's at least this: growth
SHRINKING = 0.6  # … at most this: decline
IN_TOUCH_DAYS = 90  # a customer gone a year but contacted this recently is being won back


def lifecycle_phase(
    purchases: Iterable[dt.date], today: dt.date, last_contact: dt.date | None = None
) -> LifecyclePhase:
    """The lifecycle phase on `today` of a customer who bought on the dates `purchases` and was
    last in touch on `last_contact` (its newest activity; None: not known).

    - no purchase yet: acquisition, or lost when nobody was in touch for 365 days;
    - none in the last 365 days: lost, or decline when in touch in the last 90 days;
    - first purchase less than 180 days ago: acquisition;
    - none in the last 180 days: decline;
    - otherwise the purchases of the last 365 days against the 365 before: growth when
      there were none before or at least 1.3 times as many now, decline at 0.6 times or
      fewer, retention in between.
    """
    days = purchase_days(purchases)
    now = today.toordinal()
    silent = None if last_contact is None else now - last_contact.toordinal()
    if not days:
        given_up = silent is not None and silent > YEAR_DAYS
        return LifecyclePhase.LOST if given_up else LifecyclePhase.ACQUISITION
    recency = now - days[-1]
    if recency > YEAR_DAYS:
        in_touch = silent is not None and silent <= IN_TOUCH_DAYS
        return LifecyclePhase.DECLINE if in_touch else LifecyclePhase.LOST
    if now - days[0] < QUIET_DAYS:
        return LifecyclePhase.ACQUISITION
    if recency > QUIET_DAYS:
        return LifecyclePhase.DECLINE
    recent, before = bought_in_year(days, now, 0), bought_in_year(days, now, 1)
    if not before or recent >= before * GROWING:
        return LifecyclePhase.GROWTH
    if recent <= before * SHRINKING:
        return LifecyclePhase.DECLINE
    return LifecyclePhase.RETENTION
