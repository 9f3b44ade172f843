"""Value tier of each customer from its revenue: the few who bring the most become VIP."""

from __future__ import annotations

from collections.abc import Sequence

from crmdesk.models.enums import ValueTier

VIP_SHARE = 0.05  # the top 5 % of customers by revenue
TOP_SHARE = 0.20  # VIP and important together: the top fifth


def value_tiers(revenues: Sequence[int]) -> list[ValueTier]:
    """The value tier of each customer, in the order of `revenues` (any unit, one per customer).

    Customers are ranked by revenue, highest first; equal revenues keep their given order. The
    first 5 % of all customers are VIP and the rest of the first 20 % important (each count
    rounded to the nearest whole number, halves to even, and at least one); everyone else is
    ordinary, and so is a customer with no revenue (zero or less) wherever it ranks.
    """
    count = len(revenues)
    vip = max(1, round(count * VIP_SHARE))
    top = max(1, round(count * TOP_SHARE))
    ranked = sorted(range(count), key=lambda i: -revenues[i])  # stable: ties keep their order
    tiers = [ValueTier.ORDINARY] * count
    for rank, index in enumerate(ranked[:top]):
        if revenues[index] > 0:
            tiers[index] = ValueTier.VIP if rank < vip else ValueTier.IMPORTANT
    return tiers
