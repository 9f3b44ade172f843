"""The demo's draws: choices and integers within bounds from one random() each, weighted picks
in proportion to their weights."""

from __future__ import annotations

from collections import Counter

from crmdesk.demo.draws import DemoRandom, cumulative, pick


def test_choices_and_integers_stay_in_bounds_and_follow_the_seed():
    first, second = DemoRandom(7), DemoRandom(7)
    draws = [first.randint(3, 5) for _ in range(2000)]
    assert set(draws) == {3, 4, 5}
    assert [second.randint(3, 5) for _ in range(2000)] == draws
    assert {first.choice("abc") for _ in range(500)} == set("abc")


def test_a_pick_falls_where_the_running_totals_say():
    items, cum = ["rare", "common"], cumulative([1, 3])
    assert cum == [1, 4]
    assert pick(lambda: 0.0, items, cum) == "rare"
    assert pick(lambda: 0.24, items, cum) == "rare"  # 0.96 of 4: still within the first 1
    assert pick(lambda: 0.26, items, cum) == "common"
    rng = DemoRandom(1)
    counts = Counter(pick(rng.random, items, cum) for _ in range(8000))
    assert 0.2 < counts["rare"] / 8000 < 0.3
