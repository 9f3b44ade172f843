"""Products and orders: three years of orders per customer at a rate and ticket size that grow
with its weight, lines drawn from what its industry buys, in CNY."""

from __future__ import annotations

import bisect
import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from crmdesk.demo import vocabulary as vocab
from crmdesk.demo.accounts import AccountPlan
from crmdesk.demo.clock import day_text, workday_before
from crmdesk.demo.context import DemoContext
from crmdesk.demo.draws import cumulative
from crmdesk.demo.rows import OrderRow, ProductRow
from crmdesk.models.enums import OrderStatus

NO_REVENUE = frozenset({OrderStatus.CANCELLED, OrderStatus.RETURNED})
Lines = list[tuple[int, int, int]]  # (product index, quantity, discount %)
LineDraw = Callable[[random.Random, int], Lines]


def net(gross: int, discount: int) -> int:
    """Cents of a line: price (1/10,000 yuan) × quantity less the discount %, rounded."""
    return (gross * (100 - discount) + 5_000) // 10_000


def plan_products() -> list[dict[str, Any]]:
    """The catalogue as the generators use it; prices in Money(scale=4) units."""
    return [
        {
            "index": index,
            "id": "",
            "code": code,
            "name": name,
            "unit": unit,
            "price": price * 10_000,
            "tax": tax,
            "category": category,
        }
        for index, (code, name, unit, price, tax, category) in enumerate(vocab.PRODUCTS)
    ]


def write_products(ctx: DemoContext, products: list[dict[str, Any]]) -> None:
    rows = ctx.loader.rows("products")
    for p in products:
        p["id"] = ctx.ids()
        ctx.product_ids.append(p["id"])
        category = vocab.CATEGORY_NAMES[p["category"]]
        rows.append(
            ProductRow(
                p["id"], p["code"], p["name"], category, p["unit"], p["price"], "CNY",
                p["tax"] * 10_000, 1,
            )
        )  # fmt: skip


def plan_orders(ctx: DemoContext, accounts: list[AccountPlan]) -> None:
    """Each customer buys at a rate and ticket size that grow with its weight (lognormal),
    from a start to an end (churned, fading or still buying), with a trend."""
    r = ctx.rng("order-plan")
    for plan in accounts:
        if r.random() < 0.1:
            continue  # a prospect: no orders yet
        start, end = _buying_span(ctx, r)
        w = plan.weight
        rate = min(40.0, max(0.8, 2.6 * w**0.45))  # orders a year
        ticket = 9000 * w**0.55
        growth = r.lognormvariate(0, 0.25)
        day = start
        while day <= end:
            years = (day - ctx.history_start) / 365 - 1.5
            amount = ticket * growth**years * r.lognormvariate(0, 0.45)
            plan.orders.append((workday_before(day), max(5_000, int(amount * 100))))
            day += max(3, int(r.expovariate(rate / 365)))


def _buying_span(ctx: DemoContext, r: random.Random) -> tuple[int, int]:
    """First and last day of buying: 40 % were customers before the history begins; some
    churned over a year ago, some are fading, the rest still buy."""
    today, start0 = ctx.today, ctx.history_start
    start = start0 + r.randint(0, 90) if r.random() < 0.4 else r.randint(start0, today - 10)
    fate = r.random()
    if fate < 0.14 and today - 365 - start > 60:
        return start, r.randint(start + 30, today - 366)  # churned
    if fate < 0.28 and today - 150 - start > 30:
        return start, r.randint(max(start + 1, today - 365), today - 150)  # fading
    return start, today


def draw_order_lines(ctx: DemoContext, accounts: list[AccountPlan]) -> None:
    """Lines and status of every planned order, and each account's revenue from them and its
    won deals. Revenue is needed for the value tiers before anything is written, so the lines
    are drawn here (with their own stream) and kept on the plan for writing; cancelled and
    returned orders bring no revenue."""
    r = ctx.rng("order-lines")
    catalogue = _catalogue(ctx.prices)
    prices = ctx.prices
    for plan in accounts:
        choose = catalogue[plan.industry]
        revenue = 0
        for ordered_on, target in plan.orders:
            lines = choose(r, target)
            status = order_status(r.random, ctx.today - ordered_on)
            plan.order_lines.append((lines, status))
            if status not in NO_REVENUE:
                revenue += sum(net(q * prices[i], d) for i, q, d in lines)
        plan.revenue = revenue + sum(won[3] for won in plan.won)


def order_status(rnd: Callable[[], float], age: int) -> OrderStatus:
    """Recent orders are still open or on their way; a few older ones were cancelled or returned."""
    roll = rnd()
    if age < 14:
        return OrderStatus.OPEN if roll < 0.6 else OrderStatus.PAID
    if roll < 0.025:
        return OrderStatus.CANCELLED
    if roll < 0.04:
        return OrderStatus.RETURNED
    if age < 45:
        return OrderStatus.SHIPPED if roll < 0.5 else OrderStatus.PAID
    return OrderStatus.PAID


def _catalogue(prices: list[int]) -> dict[str, LineDraw]:
    """Per industry: a function drawing order lines that add up to about a target in cents."""
    order = sorted(range(len(vocab.PRODUCTS)), key=lambda i: prices[i])
    sorted_prices = [prices[i] for i in order]
    result = {}
    for industry, preferences in vocab.INDUSTRY_CATEGORIES.items():
        weights = [preferences.get(vocab.PRODUCTS[i][5], 0.3) for i in order]
        result[industry] = _line_draw(prices, order, sorted_prices, cumulative(weights))
    return result


def _line_draw(prices: list[int], order: list[int], sorted_prices: list[int], cum: list[float]
               ) -> LineDraw:  # fmt: skip
    def draw(r: random.Random, target: int) -> Lines:
        rnd = r.random
        count = 1 if target < 300_000 else r.choice((1, 2, 2, 3, 3, 4))
        lines = []
        for _ in range(count):
            share = target * 100 // count  # cents -> Money(scale=4) units
            share = int(share * (0.6 + 0.8 * rnd()))
            m = max(1, bisect.bisect_right(sorted_prices, share))  # products it can pay for
            k = min(bisect.bisect(cum, rnd() * cum[m - 1], 0, m), m - 1)
            product = order[k]
            quantity = max(1, min(20_000, round(share / prices[product])))
            discount = 0 if rnd() < 0.7 else r.choice((3, 5, 8, 10, 15))
            lines.append((product, quantity, discount))
        return lines

    return draw


def write_orders(ctx: DemoContext, accounts: list[AccountPlan], products: list[dict[str, Any]]
                 ) -> None:  # fmt: skip
    """Every order of the three years, in date order so numbers and ids follow the dates."""
    r = ctx.rng("order-rows")
    load = ctx.loader
    by_index = {a.index: a for a in accounts}
    lines_of = _OrderLines(ctx, products)
    sequence: dict[int, int] = {}
    for n, (day, index, lines, opportunity, status) in enumerate(_all_orders(ctx, accounts)):
        plan = by_index[index]
        year = dt.date.fromordinal(day).year
        sequence[year] = seq = sequence.get(year, 0) + 1
        order_id = ctx.ids()
        contact = None
        if plan.contacts:
            use_decider = plan.decision_maker and r.random() < 0.5
            contact = plan.decision_maker if use_decider else r.choice(plan.contacts)[0]
        load.rows("orders").append(
            OrderRow(
                id=order_id,
                number=f"SO{year}-{seq:06d}",
                account_id=plan.id,
                contact_id=contact,
                opportunity_id=opportunity or None,
                ordered_on=day_text(day),
                amount=lines_of.write(order_id, lines),
                currency="CNY",
                status=status,
                notes="",
            )
        )
        if n % 64 == 0:
            load.maybe_flush()


def _all_orders(ctx: DemoContext, accounts: list[AccountPlan]) -> list[tuple[Any, ...]]:
    """(day, account index, lines, opportunity id, status) of planned orders and won deals."""
    everything = []
    for plan in accounts:
        for (day, _target), (lines, status) in zip(plan.orders, plan.order_lines, strict=True):
            everything.append((day, plan.index, lines, "", status))
        for day, oid, lines, _amount in plan.won:
            status = OrderStatus.PAID if ctx.today - day >= 45 else OrderStatus.SHIPPED
            everything.append((day, plan.index, lines, oid, status))
    everything.sort(key=lambda o: (o[0], o[1]))
    return everything


class _OrderLines:
    """Writes an order's lines and adds up its amount."""

    def __init__(self, ctx: DemoContext, products: list[dict[str, Any]]) -> None:
        self.rows = ctx.loader.rows("order_lines")
        self.new_id = ctx.ids
        self.names = [p["name"] for p in products]
        self.ids = ctx.product_ids
        self.taxes = [p["tax"] * 10_000 for p in products]
        self.prices = ctx.prices

    def write(self, order_id: str, lines: Lines) -> int:
        amount = 0
        prices = self.prices
        for position, (product, quantity, discount) in enumerate(lines):
            line_net = net(quantity * prices[product], discount)
            amount += line_net
            self.rows.append(
                (
                    self.new_id(),
                    order_id,
                    self.ids[product],
                    position,
                    self.names[product],
                    float(quantity),
                    prices[product],
                    discount * 10_000,
                    self.taxes[product],
                    line_net,
                )
            )
        return amount
