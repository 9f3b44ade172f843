"""Money on a deal's lines: Decimal totals quantised to cents, half up (no float drift).

The tax is taken on the rounded net, as an invoice prints it, so a quote, an order and the
editor's running totals agree to the cent.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class LineTotals:
    net: Decimal
    tax: Decimal
    gross: Decimal

    def __add__(self, other: LineTotals) -> LineTotals:
        return LineTotals(self.net + other.net, self.tax + other.tax, self.gross + other.gross)


ZERO_TOTALS = LineTotals(Decimal("0.00"), Decimal("0.00"), Decimal("0.00"))


def line_totals(
    quantity: Decimal,
    unit_price: Decimal,
    discount: Decimal = Decimal(0),
    tax_rate: Decimal = Decimal(0),
) -> LineTotals:
    """net = qty × price × (1 − discount %), tax = net × rate %, each rounded to cents half up;
    the tax is taken on the rounded net, as an invoice prints it."""
    net = cents(Decimal(quantity) * Decimal(unit_price) * (1 - Decimal(discount) / HUNDRED))
    tax = cents(net * Decimal(tax_rate) / HUNDRED)
    return LineTotals(net, tax, net + tax)


class PricedLine(Protocol):
    """Anything with a line's four figures: a draft, a deal's, a quote's or an order's line."""

    @property
    def quantity(self) -> Decimal: ...
    @property
    def unit_price(self) -> Decimal: ...
    @property
    def discount(self) -> Decimal: ...
    @property
    def tax_rate(self) -> Decimal: ...


def sum_totals(lines: Iterable[PricedLine]) -> LineTotals:
    total = ZERO_TOTALS
    for line in lines:
        total = total + line_totals(line.quantity, line.unit_price, line.discount, line.tax_rate)
    return total


@dataclass
class LineDraft:
    description: str = ""
    quantity: Decimal = Decimal(1)
    unit_price: Decimal = Decimal(0)
    discount: Decimal = Decimal(0)
    tax_rate: Decimal = Decimal(0)
    unit: str = ""
    product_id: uuid.UUID | None = None

    @property
    def totals(self) -> LineTotals:
        return line_totals(self.quantity, self.unit_price, self.discount, self.tax_rate)
