"""The pyramid and CLV by margin, worked by hand: product costs where known, the rate elsewhere.

Products: a pump costing 60.00, a valve with no cost entered (0). Margin rate 30 %.

| buyer | order | lines | margin |
| --- | --- | --- | --- |
| A | 1000 | 16 pumps at 62.50 = 1000 | 1000 − 16 × 60 = 40 |
| B | 900 | none | 0.3 × 900 = 270 |
| C | 500 | 2.5 pumps = 200, a valve = 300 | (200 − 150) + 0.3 × 300 = 140 |
| E | 300 | none | 90 |
| D | 100, cancelled | a pump | not counted |

By revenue A leads (1000); by margin B does (270). Revenue whose margin came from costs:
1000 + 200 = 1200; from the rate: 900 + 300 + 300 = 1500.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from crmdesk.analytics.clv import ClvTerms, clv
from crmdesk.analytics.pyramid import Measure, Tier, pyramid
from crmdesk.models import Order, OrderLine, Product
from crmdesk.models.enums import OrderStatus
from crmdesk.store.db import Database
from tests.insights_data import AS_OF, customers

SINCE = dt.date(2026, 1, 1)


def _buyers(db: Database) -> dict[str, object]:
    ids = customers(db, {name: [] for name in "ABCDE"})
    with db.transaction() as session:
        pump = Product(code="P", name="Pump", cost=Decimal("60"), price=Decimal("62.5"))
        valve = Product(code="V", name="Valve", price=Decimal("300"))
        session.add_all([pump, valve])
        session.flush()

        def order(name: str, amount: str, lines: list[tuple[Product, str, str]],
                  status: OrderStatus = OrderStatus.PAID) -> None:
            row = Order(account_id=ids[name], ordered_on=dt.date(2026, 3, 1),
                        amount=Decimal(amount), status=status)
            row.lines = [OrderLine(product_id=p.id, quantity=Decimal(q), amount=Decimal(a),
                                   position=i) for i, (p, q, a) in enumerate(lines)]
            session.add(row)

        order("A", "1000", [(pump, "16", "1000")])
        order("B", "900", [])
        order("C", "500", [(pump, "2.5", "200"), (valve, "1", "300")])
        order("E", "300", [])
        order("D", "100", [(pump, "1", "100")], OrderStatus.CANCELLED)
    return ids


def test_the_pyramid_by_margin_uses_costs_and_the_rate_for_the_rest(db: Database) -> None:
    ids = _buyers(db)
    with db.reading() as session:
        by_revenue = pyramid(session, AS_OF, SINCE)
        by_margin = pyramid(session, AS_OF, SINCE, by=Measure.MARGIN, margin_rate=0.3)
    assert by_revenue.tier(Tier.PLATINUM).threshold == Decimal("1000.00")
    assert by_revenue.costed_revenue == Decimal("0.00")  # not asked for
    got = {t.tier: (t.customers, t.revenue, t.threshold) for t in by_margin.tiers}
    assert got == {
        Tier.PLATINUM: (1, Decimal("270.00"), Decimal("270.00")),  # B
        Tier.GOLD: (0, Decimal("0.00"), None),
        Tier.IRON: (0, Decimal("0.00"), None),
        Tier.LEAD: (3, Decimal("270.00"), Decimal("40.00")),  # C 140, E 90, A 40
    }
    assert by_margin.measure is Measure.MARGIN and by_margin.buyers == 4
    assert by_margin.revenue == Decimal("540.00")
    assert (by_margin.costed_revenue, by_margin.rated_revenue) == (
        Decimal("1200.00"), Decimal("1500.00"))  # fmt: skip
    assert by_margin.top20_share == 270 / 540  # the top ⌈0.8⌉ = 1 buyer
    assert ids  # the accounts exist


def test_clv_margin_is_the_costed_margin(db: Database) -> None:
    ids = _buyers(db)
    with db.reading() as session:
        result = clv(session, AS_OF, ClvTerms(margin_rate=0.3, retention=0.5,
                                              discount_rate=0.0, horizon_years=2))
    rows = {r.id: r for r in result.rows}
    a, b, c = (rows[ids[n]] for n in "ABC")  # type: ignore[index]
    assert (a.revenue, a.margin, a.costed) == (Decimal("1000.00"), Decimal("40.00"),
                                               Decimal("1000.00"))  # fmt: skip
    assert (b.margin, b.costed) == (Decimal("270.00"), Decimal("0.00"))
    assert (c.margin, c.costed) == (Decimal("140.00"), Decimal("200.00"))
    # one year as a customer at least: m = the margin; factor 1 + 0.5 = 1.5
    assert c.yearly_margin == Decimal("140.00") and c.projected == Decimal("210.00")
    assert ids["D"] not in rows
