"""The value tier rule: top 5 % VIP, the rest of the top fifth important, by revenue rank."""

from __future__ import annotations

from crmdesk.analytics.value_tiers import value_tiers
from crmdesk.models.enums import ValueTier

VIP, IMPORTANT, ORDINARY = ValueTier.VIP, ValueTier.IMPORTANT, ValueTier.ORDINARY


def test_forty_customers_give_two_vips_and_six_important_in_revenue_order() -> None:
    revenues = [100 * n for n in range(40)]  # the last ones bring the most
    tiers = value_tiers(revenues)
    assert tiers[-2:] == [VIP, VIP]
    assert tiers[-8:-2] == [IMPORTANT] * 6
    assert tiers[:-8] == [ORDINARY] * 32


def test_the_tiers_come_back_in_the_given_order() -> None:
    assert value_tiers([5, 900, 40, 7, 1]) == [ORDINARY, VIP, ORDINARY, ORDINARY, ORDINARY]


def test_counts_round_halves_to_even_and_never_fall_below_one() -> None:
    # 50 customers: 2.5 VIP -> 2, 10 in the top fifth; 10 customers: 0.5 VIP -> at least 1.
    tiers = value_tiers(list(range(50, 0, -1)))
    assert tiers.count(VIP) == 2 and tiers.count(IMPORTANT) == 8
    tiers = value_tiers(list(range(10, 0, -1)))
    assert (tiers.count(VIP), tiers.count(IMPORTANT)) == (1, 1)


def test_one_customer_is_vip_and_equal_revenues_keep_their_order() -> None:
    assert value_tiers([10]) == [VIP]
    assert value_tiers([3, 3, 3, 3, 3]) == [VIP, ORDINARY, ORDINARY, ORDINARY, ORDINARY]


def test_no_revenue_is_ordinary_wherever_it_ranks() -> None:
    assert value_tiers([0, 0, 0]) == [ORDINARY] * 3
    assert value_tiers([]) == []
    assert value_tiers([0, -5, 0, 0, 0]) == [ORDINARY] * 5
