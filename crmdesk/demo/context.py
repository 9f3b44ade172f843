"""What every demo generator shares: the size, the reference date, seeded streams, the ids,
the clock, the contact points handed out so far and the loader the rows go to."""

from __future__ import annotations

import datetime as dt

from crmdesk.demo import vocabulary as vocab
from crmdesk.demo.clock import Clock, Ids
from crmdesk.demo.contact_points import ContactPoints
from crmdesk.demo.draws import DemoRandom
from crmdesk.demo.loader import Loader
from crmdesk.demo.people import pools

HISTORY_DAYS = 3 * 365


class DemoContext:
    """One demo build's shared state; each generator draws from its own `rng(section)`."""

    def __init__(self, size: int, seed: int, today: dt.date, loader: Loader) -> None:
        self.size = size
        self.seed = seed
        self.ref = today
        self.today = today.toordinal()
        self.year = today.year
        self.history_start = self.today - HISTORY_DAYS
        self.loader = loader
        self.clock = Clock()
        self.pools = pools(seed)
        self.points = ContactPoints(self.pools)
        # The load instant: the first moment the reference date has begun anywhere (UTC+14).
        load = dt.datetime.combine(today, dt.time(0), dt.timezone(dt.timedelta(hours=14)))
        self.ids = Ids(self.rng("ids"), int(load.timestamp() * 1000))
        self.prices = [p[3] * 10_000 for p in vocab.PRODUCTS]  # Money(scale=4) units
        self.tag_ids: dict[str, str] = {}
        self.product_ids: list[str] = []

    def rng(self, section: str) -> DemoRandom:
        """The random stream of one section: the same seed gives the same draws."""
        return DemoRandom(f"crmdesk-demo:{self.seed}:{section}")
