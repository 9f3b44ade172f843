"""The pipeline (opportunities through configurable stages), products, and orders already won."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from crmdesk.models.base import Entity, Money
from crmdesk.models.enums import ContactRole, OrderStatus

Quantity = Numeric(18, 4, asdecimal=True)
Percent = Money(scale=4)  # 12.5% is Decimal("12.5"), stored exactly


class PipelineStage(Entity):
    __tablename__ = "pipeline_stages"

    name: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(default=0)
    probability: Mapped[Decimal] = mapped_column(Percent, default=Decimal(0))
    is_won: Mapped[bool] = mapped_column(default=False)
    is_lost: Mapped[bool] = mapped_column(default=False)


class Product(Entity):
    __tablename__ = "products"

    code: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    # what "bought a category" segments and the catalogue group by; free text, "" for none
    category: Mapped[str] = mapped_column(String(100), default="", index=True)
    unit: Mapped[str] = mapped_column(String(30), default="")
    price: Mapped[Decimal] = mapped_column(Money(scale=4), default=Decimal(0))
    cost: Mapped[Decimal] = mapped_column(Money(scale=4), default=Decimal(0))
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    tax_rate: Mapped[Decimal] = mapped_column(Percent, default=Decimal(0))
    active: Mapped[bool] = mapped_column(default=True)


class Opportunity(Entity):
    __tablename__ = "opportunities"

    name: Mapped[str] = mapped_column(String(200))
    account_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="SET NULL"), index=True
    )
    contact_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    stage_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pipeline_stages.id"), index=True)
    amount: Mapped[Decimal] = mapped_column(default=Decimal(0))
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    probability: Mapped[Decimal | None] = mapped_column(Percent)
    expected_close: Mapped[dt.date | None] = mapped_column(index=True)
    closed_on: Mapped[dt.date | None]
    lost_reason: Mapped[str] = mapped_column(String(300), default="")
    won_reason: Mapped[str] = mapped_column(String(300), default="")
    competitors: Mapped[str] = mapped_column(String(300), default="")
    next_step: Mapped[str] = mapped_column(String(300), default="")
    source: Mapped[str] = mapped_column(String(100), default="")
    owner: Mapped[str] = mapped_column(String(100), default="", index=True)
    notes: Mapped[str] = mapped_column(Text, default="")

    stage: Mapped[PipelineStage] = relationship()
    lines: Mapped[list[OpportunityLine]] = relationship(
        back_populates="opportunity",
        cascade="all, delete-orphan",
        order_by="OpportunityLine.position",
    )
    stage_history: Mapped[list[StageChange]] = relationship(
        back_populates="opportunity",
        cascade="all, delete-orphan",
        order_by="StageChange.changed_at",
    )
    contact_roles: Mapped[list[OpportunityContact]] = relationship(
        back_populates="opportunity", cascade="all, delete-orphan"
    )
    # Covers the board's key query (a stage's deals by close date) and the header and forecast
    # sums, so 50k deals are read from the index alone, in order.
    __table_args__ = (
        Index(
            "ix_opportunities_board",
            "stage_id", "expected_close", "id", "deleted_at", "amount", "probability",
        ),
    )  # fmt: skip


class OpportunityLine(Entity):
    __tablename__ = "opportunity_lines"

    opportunity_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("opportunities.id", ondelete="CASCADE"), index=True
    )
    product_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("products.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    description: Mapped[str] = mapped_column(String(300), default="")
    unit: Mapped[str] = mapped_column(String(30), default="")
    quantity: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(1))
    unit_price: Mapped[Decimal] = mapped_column(Money(scale=4), default=Decimal(0))
    discount: Mapped[Decimal] = mapped_column(Percent, default=Decimal(0))
    tax_rate: Mapped[Decimal] = mapped_column(Percent, default=Decimal(0))

    opportunity: Mapped[Opportunity] = relationship(back_populates="lines")
    product: Mapped[Product | None] = relationship()


class OpportunityContact(Entity):
    """A person on a deal and their role in it (decision maker, influencer, user)."""

    __tablename__ = "opportunity_contacts"

    opportunity_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("opportunities.id", ondelete="CASCADE"), index=True
    )
    contact_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[ContactRole] = mapped_column(String(20), default=ContactRole.INFLUENCER)

    opportunity: Mapped[Opportunity] = relationship(back_populates="contact_roles")
    __table_args__ = (
        UniqueConstraint("opportunity_id", "contact_id", name="uq_opportunity_contact"),
    )


class StageChange(Entity):
    """One move of an opportunity between stages: what forecasting and win-rate analysis read."""

    __tablename__ = "stage_changes"

    opportunity_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("opportunities.id", ondelete="CASCADE"), index=True
    )
    from_stage_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("pipeline_stages.id"))
    to_stage_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pipeline_stages.id"))
    changed_at: Mapped[dt.datetime]
    amount: Mapped[Decimal] = mapped_column(default=Decimal(0))

    opportunity: Mapped[Opportunity] = relationship(back_populates="stage_history")


class Order(Entity):
    """A purchase a customer made: the history RFM and value analysis read."""

    __tablename__ = "orders"

    number: Mapped[str] = mapped_column(String(60), default="", index=True)
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"), index=True)
    contact_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    opportunity_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("opportunities.id", ondelete="SET NULL")
    )
    ordered_on: Mapped[dt.date]
    amount: Mapped[Decimal] = mapped_column(default=Decimal(0))
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    status: Mapped[OrderStatus] = mapped_column(String(20), default=OrderStatus.PAID)
    notes: Mapped[str] = mapped_column(Text, default="")

    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderLine.position"
    )
    __table_args__ = (
        Index("ix_orders_account_date", "account_id", "ordered_on"),
        # the customer figures (analytics/orders.py) read the orders from this index alone
        Index("ix_orders_figures", "account_id", "deleted_at", "status", "ordered_on", "amount"),
    )


class OrderLine(Entity):
    __tablename__ = "order_lines"

    order_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("orders.id", ondelete="CASCADE"), index=True
    )
    product_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("products.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    description: Mapped[str] = mapped_column(String(300), default="")
    quantity: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(1))
    unit_price: Mapped[Decimal] = mapped_column(Money(scale=4), default=Decimal(0))
    discount: Mapped[Decimal] = mapped_column(Percent, default=Decimal(0))
    tax_rate: Mapped[Decimal] = mapped_column(Percent, default=Decimal(0))
    amount: Mapped[Decimal] = mapped_column(default=Decimal(0))

    order: Mapped[Order] = relationship(back_populates="lines")
    product: Mapped[Product | None] = relationship()
