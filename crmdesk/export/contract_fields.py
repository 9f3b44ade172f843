"""The fields a contract or quote template may use, and the context that fills them.

A template sees plain text only: money as `12,345.60`, dates and percentages written for the
template's language (English or Chinese), the amount in words in both. The field list here is
the one the template check accepts, the "Fields…" list shows and docs/templates.md documents,
so a field cannot be filled without being documented or documented without being filled.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from crmdesk.core.texts import translatable
from crmdesk.export.amount_words import amount_in_words_en, amount_in_words_zh

LANGUAGES = ("en", "zh")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip


@dataclass(frozen=True)
class Party:
    """One side of the deal as the document names it."""

    name: str = ""
    address: str = ""
    tax_id: str = ""
    bank: str = ""  # bank name and account, one line
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class DocumentLine:
    """A line item with its totals already worked out (services.pipeline.line_totals)."""

    product: str
    description: str
    quantity: Decimal
    unit: str
    unit_price: Decimal
    discount: Decimal  # percent
    tax_rate: Decimal  # percent
    net: Decimal
    tax: Decimal
    gross: Decimal


@dataclass(frozen=True)
class DocumentData:
    """Everything a contract or quote shows, read from the database by services.contracts."""

    number: str
    date: dt.date
    seller: Party
    buyer: Party
    contact: Party
    owner: str
    opportunity: str
    close_date: dt.date | None
    lines: tuple[DocumentLine, ...]
    net: Decimal
    tax: Decimal
    gross: Decimal
    currency: str = "CNY"
    valid_until: dt.date | None = None
    terms: str = ""
    extra: dict[str, str] = field(default_factory=dict)


# (field, what it holds): the documented fields, in the order docs/templates.md lists them.
FIELDS: tuple[tuple[str, str], ...] = (
    ("contract.number", translatable("Templates", "The contract's or quote's number.")),
    ("contract.date", translatable("Templates", "The date it is made.")),
    ("contract.valid_until", translatable("Templates", "The last day a quote is valid.")),
    ("contract.terms", translatable("Templates", "Payment and delivery terms.")),
    ("seller.name", translatable("Templates", "Our company's name (Settings).")),
    ("seller.address", translatable("Templates", "Our company's address and postal code.")),
    ("seller.tax_id", translatable("Templates", "Our taxpayer identification number.")),
    ("seller.bank", translatable("Templates", "Our bank and account number.")),
    ("seller.phone", translatable("Templates", "Our company's phone number.")),
    ("seller.email", translatable("Templates", "Our company's email address.")),
    ("buyer.name", translatable("Templates", "The customer's (account's) name.")),
    ("buyer.address", translatable("Templates", "The account's address.")),
    ("buyer.tax_id", translatable("Templates", "The account's taxpayer identification number.")),
    ("contact.name", translatable("Templates", "The deal's contact person.")),
    ("contact.phone", translatable("Templates", "The contact's phone number.")),
    ("contact.email", translatable("Templates", "The contact's email address.")),
    ("owner.name", translatable("Templates", "The account manager who owns the deal.")),
    ("opportunity.name", translatable("Templates", "The opportunity's name.")),
    ("opportunity.close_date", translatable("Templates", "The expected close date.")),
    ("lines", translatable("Templates", "The line items: loop with {%tr for line in lines %}.")),
    ("lines[].position", translatable("Templates", "The line's number: 1, 2, 3 …")),
    ("lines[].product", translatable("Templates", "The product's name.")),
    ("lines[].description", translatable("Templates", "The line's description.")),
    ("lines[].quantity", translatable("Templates", "The quantity.")),
    ("lines[].unit", translatable("Templates", "The unit: pcs, set, 台 …")),
    ("lines[].unit_price", translatable("Templates", "The price of one unit.")),
    ("lines[].discount", translatable("Templates", "The discount in percent (empty: none).")),
    ("lines[].tax_rate", translatable("Templates", "The tax (VAT) rate in percent.")),
    ("lines[].net", translatable("Templates", "The line's amount before tax.")),
    ("lines[].tax", translatable("Templates", "The line's tax.")),
    ("lines[].gross", translatable("Templates", "The line's amount with tax.")),
    ("totals.net", translatable("Templates", "All lines before tax.")),
    ("totals.tax", translatable("Templates", "All lines' tax.")),
    ("totals.gross", translatable("Templates", "The amount due, with tax.")),
    ("totals.currency", translatable("Templates", "The currency code: CNY, USD …")),
    ("totals.gross_words_zh", translatable("Templates", "The amount due in Chinese capitals.")),
    ("totals.gross_words_en", translatable("Templates", "The amount due in English words.")),
)


def money(amount: Decimal) -> str:
    """12345.6 → "12,345.60" (contracts in both languages write it so)."""
    return f"{Decimal(amount):,.2f}"


def quantity(value: Decimal) -> str:
    """10.0000 → "10", 2.5000 → "2.5"."""
    text = f"{Decimal(value):,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def percent(value: Decimal, *, empty_when_zero: bool = False) -> str:
    if empty_when_zero and not value:
        return ""
    return quantity(value) + "%"


def date_text(day: dt.date | None, language: str) -> str:
    """2026-12-02 → "2 December 2026" or "2026年12月2日"."""
    if day is None:
        return ""
    if language == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def line_fields(position: int, line: DocumentLine) -> dict[str, str]:
    return {
        "position": str(position),
        "product": line.product,
        "description": line.description,
        "quantity": quantity(line.quantity),
        "unit": line.unit,
        "unit_price": money(line.unit_price),
        "discount": percent(line.discount, empty_when_zero=True),
        "tax_rate": percent(line.tax_rate),
        "net": money(line.net),
        "tax": money(line.tax),
        "gross": money(line.gross),
    }


def _party(p: Party) -> dict[str, str]:
    return {"name": p.name, "address": p.address, "tax_id": p.tax_id, "bank": p.bank,
            "phone": p.phone, "email": p.email}  # fmt: skip


def document_context(data: DocumentData, language: str = "en") -> dict[str, Any]:
    """The docxtpl context: every documented field, as text for `language` ("en" or "zh")."""
    contract = {
        "number": data.number,
        "date": date_text(data.date, language),
        "valid_until": date_text(data.valid_until, language),
        "terms": data.terms,
    }
    return {
        "contract": contract,
        "quote": contract,  # a quote template may say quote.number; the same values
        "seller": _party(data.seller),
        "buyer": _party(data.buyer),
        "contact": {
            "name": data.contact.name,
            "phone": data.contact.phone,
            "email": data.contact.email,
        },
        "owner": {"name": data.owner},
        "opportunity": {
            "name": data.opportunity,
            "close_date": date_text(data.close_date, language),
        },
        "lines": [line_fields(i, line) for i, line in enumerate(data.lines, start=1)],
        "totals": {
            "net": money(data.net),
            "tax": money(data.tax),
            "gross": money(data.gross),
            "currency": data.currency,
            "gross_words_zh": amount_in_words_zh(data.gross),
            "gross_words_en": amount_in_words_en(data.gross, data.currency),
        },
    }


def known_fields() -> frozenset[str]:
    """Every name a template may use, with `quote.*` beside `contract.*`."""
    names = {name for name, _ in FIELDS}
    names |= {n.replace("contract.", "quote.", 1) for n in names if n.startswith("contract.")}
    return frozenset(names)


def sample_data(lines: Sequence[DocumentLine] = ()) -> DocumentData:
    """A filled-in example, for previews of a template before a deal is chosen."""
    if not lines:
        lines = (
            DocumentLine("Server", "Rack server, 2U", Decimal(2), "pcs", Decimal("12000"),
                         Decimal(5), Decimal(13), Decimal("22800.00"), Decimal("2964.00"),
                         Decimal("25764.00")),
        )  # fmt: skip
    net = sum((ln.net for ln in lines), Decimal("0.00"))
    tax = sum((ln.tax for ln in lines), Decimal("0.00"))
    return DocumentData(
        "C-0001", dt.date.today(), Party("Seller Ltd."), Party("Buyer Co."), Party("Contact"),
        "Owner", "Opportunity", None, tuple(lines), net, tax, net + tax,
    )  # fmt: skip
