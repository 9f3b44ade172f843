"""After-sales service: cases (inquiries, complaints, repairs, suggestions) and satisfaction."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from crmdesk.models.base import Entity
from crmdesk.models.enums import CaseKind, CasePriority, CaseStatus


class ServiceCase(Entity):
    """A customer's request, tracked new -> assigned -> in progress -> resolved -> closed."""

    __tablename__ = "service_cases"

    number: Mapped[str] = mapped_column(String(40), default="", index=True)
    kind: Mapped[CaseKind] = mapped_column(String(20), default=CaseKind.INQUIRY)
    priority: Mapped[CasePriority] = mapped_column(String(20), default=CasePriority.NORMAL)
    status: Mapped[CaseStatus] = mapped_column(String(20), default=CaseStatus.NEW, index=True)
    account_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="SET NULL"), index=True
    )
    contact_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    subject: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(100), default="")
    opened_at: Mapped[dt.datetime]
    due_at: Mapped[dt.datetime | None]
    resolved_at: Mapped[dt.datetime | None]
    resolution: Mapped[str] = mapped_column(Text, default="")
    satisfaction: Mapped[int | None]

    __table_args__ = (
        CheckConstraint(
            "satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5", name="satisfaction"
        ),
    )


class SatisfactionSurvey(Entity):
    """A customer's answers: for each item, what they expected and what they perceived."""

    __tablename__ = "satisfaction_surveys"

    account_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="SET NULL"), index=True
    )
    contact_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    case_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("service_cases.id", ondelete="SET NULL"), index=True
    )
    surveyed_on: Mapped[dt.date]
    comment: Mapped[str] = mapped_column(Text, default="")

    items: Mapped[list[SurveyItem]] = relationship(
        back_populates="survey", cascade="all, delete-orphan", order_by="SurveyItem.position"
    )


class SurveyItem(Entity):
    __tablename__ = "survey_items"

    survey_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("satisfaction_surveys.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    item: Mapped[str] = mapped_column(String(200))
    expected: Mapped[int]
    perceived: Mapped[int]

    survey: Mapped[SatisfactionSurvey] = relationship(back_populates="items")
    __table_args__ = (
        CheckConstraint("expected BETWEEN 1 AND 5 AND perceived BETWEEN 1 AND 5", name="scores"),
    )
