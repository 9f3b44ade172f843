"""Leads (prospects not yet qualified) and quotes (numbered offers made from a deal's lines)."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from crmdesk.models.base import Entity, Money
from crmdesk.models.enums import LeadStatus, QuoteStatus
from crmdesk.models.names import display_name
from crmdesk.models.sales import Percent, Quantity


class Lead(Entity):
    """A person and/or a company someone heard of, not yet a customer or a deal.

    Converting keeps the row: its status becomes qualified and the converted_* ids say what it
    became, so where a customer came from stays answerable (conversion rate per source)."""

    __tablename__ = "leads"

    family_name: Mapped[str] = mapped_column(String(100), default="")
    given_name: Mapped[str] = mapped_column(String(100), default="")
    company: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    source: Mapped[str] = mapped_column(String(100), default="", index=True)
    campaign: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[LeadStatus] = mapped_column(String(20), default=LeadStatus.NEW, index=True)
    disqualified_reason: Mapped[str] = mapped_column(String(300), default="")
    owner: Mapped[str] = mapped_column(String(100), default="", index=True)
    estimated_amount: Mapped[Decimal] = mapped_column(default=Decimal(0))
    notes: Mapped[str] = mapped_column(Text, default="")
    converted_at: Mapped[dt.datetime | None]
    converted_account_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="SET NULL")
    )
    converted_contact_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL")
    )
    converted_opportunity_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("opportunities.id", ondelete="SET NULL")
    )

    @property
    def person_name(self) -> str:
        return display_name(self.family_name, self.given_name)


class Quote(Entity):
    """A numbered offer (报价单) made from an opportunity's lines; revisions share the number."""

    __tablename__ = "quotes"

    opportunity_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("opportunities.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[str] = mapped_column(String(60), index=True)
    revision: Mapped[int] = mapped_column(default=1)
    status: Mapped[QuoteStatus] = mapped_column(String(20), default=QuoteStatus.DRAFT)
    issued_on: Mapped[dt.date]
    valid_until: Mapped[dt.date | None]
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    terms: Mapped[str] = mapped_column(Text, default="")
    net: Mapped[Decimal] = mapped_column(default=Decimal(0))
    tax: Mapped[Decimal] = mapped_column(default=Decimal(0))
    gross: Mapped[Decimal] = mapped_column(default=Decimal(0))

    lines: Mapped[list[QuoteLine]] = relationship(
        back_populates="quote", cascade="all, delete-orphan", order_by="QuoteLine.position"
    )
    __table_args__ = (
        UniqueConstraint("number", "revision", name="uq_quotes_number_revision"),
        Index("ix_quotes_opportunity_revision", "opportunity_id", "revision"),
    )


class QuoteLine(Entity):
    __tablename__ = "quote_lines"

    quote_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("quotes.id", ondelete="CASCADE"), index=True
    )
    product_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("products.id"))
    position: Mapped[int] = mapped_column(default=0)
    description: Mapped[str] = mapped_column(String(300), default="")
    unit: Mapped[str] = mapped_column(String(30), default="")
    quantity: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(1))
    unit_price: Mapped[Decimal] = mapped_column(Money(scale=4), default=Decimal(0))
    discount: Mapped[Decimal] = mapped_column(Percent, default=Decimal(0))
    tax_rate: Mapped[Decimal] = mapped_column(Percent, default=Decimal(0))

    quote: Mapped[Quote] = relationship(back_populates="lines")
