"""Demo orders: line amounts, statuses by age, lines near the target amount."""

from __future__ import annotations

import datetime as dt
import random

from crmdesk.demo import vocabulary as vocab
from crmdesk.demo.context import DemoContext
from crmdesk.demo.sales import _catalogue, net, order_status
from crmdesk.models.enums import OrderStatus


def test_a_line_is_price_times_quantity_less_the_discount_in_cents_rounded() -> None:
    assert net(3 * 4_800_0000, 0) == 1_440_000  # 3 x 4,800 yuan
    assert net(12_345, 10) == 111  # 1.2345 yuan less 10 % = 1.11105 yuan
    assert (net(150, 0), net(149, 0)) == (2, 1)  # 1.5 cents round up, 1.49 down


def test_recent_orders_are_open_or_paid_and_only_older_ones_cancelled_or_returned() -> None:
    r = random.Random(2)
    recent = {order_status(r.random, 3) for _ in range(500)}
    older = {order_status(r.random, 30) for _ in range(2000)}
    old = {order_status(r.random, 400) for _ in range(2000)}
    assert recent == {OrderStatus.OPEN, OrderStatus.PAID}
    assert older == {OrderStatus.SHIPPED, OrderStatus.PAID, OrderStatus.CANCELLED,
                     OrderStatus.RETURNED}  # fmt: skip
    assert OrderStatus.SHIPPED not in old


def test_order_lines_come_near_the_target_and_from_the_industry_s_categories() -> None:
    prices = [p[3] * 10_000 for p in vocab.PRODUCTS]
    draw = _catalogue(prices)["Retail"]
    r = random.Random(4)
    for target in (50_000, 2_000_000, 50_000_000):  # cents
        totals = []
        for _ in range(200):
            lines = draw(r, target)
            totals.append(sum(net(q * prices[i], d) for i, q, d in lines))
        average = sum(totals) / len(totals)
        assert 0.4 * target < average < 1.6 * target, target
    categories = [vocab.PRODUCTS[i][5] for _ in range(300) for i, _q, _d in draw(r, 2_000_000)]
    assert categories.count("pos") > categories.count("infra")


def test_each_section_has_its_own_reproducible_stream() -> None:
    ctx = DemoContext(10, 9, dt.date(2025, 3, 12), loader=None)  # type: ignore[arg-type]
    assert ctx.rng("orders").random() == ctx.rng("orders").random()
    assert ctx.rng("orders").random() != ctx.rng("cases").random()
