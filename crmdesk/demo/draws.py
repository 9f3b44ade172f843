"""Seeded random draws: fast choices and weighted picks the generators make millions of."""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Callable, Sequence
from typing import Any


class DemoRandom(random.Random):
    """`random.Random` with `choice` and `randint` drawn from one `random()` call: the library's
    exact-uniform versions cost ten times as much, and the demo makes millions of draws."""

    def choice(self, seq: Sequence[Any]) -> Any:
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))


def cumulative(weights: Sequence[float]) -> list[float]:
    """Running totals of weights, as `pick` takes them."""
    return list(itertools.accumulate(weights))


def pick(rnd: Callable[[], float], items: Sequence[Any], cum: Sequence[float]) -> Any:
    """One of `items`, each as likely as its weight (`cum`: the running totals)."""
    return items[bisect.bisect(cum, rnd() * cum[-1])]
