"""Monthly targets: what an owner means to reach in a month on each weighted indicator."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from crmdesk.models.base import Entity, Money


class MonthlyTarget(Entity):
    """One owner's target for one indicator in one month ("2026-06"), with its weight."""

    __tablename__ = "monthly_targets"

    owner: Mapped[str] = mapped_column(String(100))
    month: Mapped[str] = mapped_column(String(7))
    indicator: Mapped[str] = mapped_column(String(40))
    target: Mapped[Decimal] = mapped_column(Money(scale=2), default=Decimal(0))
    weight: Mapped[Decimal] = mapped_column(Money(scale=2), default=Decimal(0))

    __table_args__ = (Index("ix_monthly_targets_owner_month", "owner", "month", "indicator"),)
