"""After-sales service: cases (inquiries, complaints, repairs, suggestions), their notes and
attachments, the solutions learnt from them, and satisfaction surveys (expected against
perceived, on a template's items, weights and scale)."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from crmdesk.models.base import Entity
from crmdesk.models.enums import CaseKind, CasePriority, CaseStatus, Channel, ValueTier

# A case's and a survey item's scores go up to 10: a template asks on 1-5 or on 1-10.
MAX_SCORE = 10


class ServiceCase(Entity):
    """A customer's request, tracked new -> assigned -> in progress -> resolved -> closed
    (or reopened), with the service level's response and resolution due times."""

    __tablename__ = "service_cases"

    number: Mapped[str] = mapped_column(String(40), default="", index=True)
    kind: Mapped[CaseKind] = mapped_column(String(20), default=CaseKind.INQUIRY)
    priority: Mapped[CasePriority] = mapped_column(String(20), default=CasePriority.NORMAL)
    status: Mapped[CaseStatus] = mapped_column(String(20), default=CaseStatus.NEW, index=True)
    channel: Mapped[Channel] = mapped_column(String(20), default=Channel.PHONE)
    # the account's value tier when the case was opened: the service level it was promised
    tier: Mapped[ValueTier] = mapped_column(String(20), default=ValueTier.ORDINARY)
    account_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="SET NULL"), index=True
    )
    contact_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    subject: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(100), default="")
    opened_at: Mapped[dt.datetime] = mapped_column(index=True)  # the list's order, the figures
    response_due_at: Mapped[dt.datetime | None]
    responded_at: Mapped[dt.datetime | None]
    due_at: Mapped[dt.datetime | None]  # the resolution target
    resolved_at: Mapped[dt.datetime | None]
    closed_at: Mapped[dt.datetime | None] = mapped_column(index=True)
    resolution: Mapped[str] = mapped_column(Text, default="")
    minutes_spent: Mapped[int] = mapped_column(default=0)
    first_contact: Mapped[bool] = mapped_column(default=False)  # resolved at the first contact
    reopen_count: Mapped[int] = mapped_column(default=0)
    escalated: Mapped[bool] = mapped_column(default=False)
    escalated_at: Mapped[dt.datetime | None]
    satisfaction: Mapped[int | None]

    notes: Mapped[list[CaseNote]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseNote.written_at"
    )
    attachments: Mapped[list[CaseAttachment]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseAttachment.added_at"
    )

    __table_args__ = (
        CheckConstraint(
            f"satisfaction IS NULL OR satisfaction BETWEEN 1 AND {MAX_SCORE}", name="satisfaction"
        ),
        CheckConstraint("minutes_spent >= 0", name="minutes_spent"),
    )


class CaseNote(Entity):
    """One entry of a case's thread: a note, a call or visit made, a status change, a notice."""

    __tablename__ = "case_notes"

    case_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("service_cases.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20), default="note")
    written_at: Mapped[dt.datetime]
    author: Mapped[str] = mapped_column(String(100), default="")
    body: Mapped[str] = mapped_column(Text, default="")

    case: Mapped[ServiceCase] = relationship(back_populates="notes")


class CaseAttachment(Entity):
    """A file attached to a case: a copy kept in the data folder, named relative to it."""

    __tablename__ = "case_attachments"

    case_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("service_cases.id", ondelete="CASCADE"), index=True
    )
    file_name: Mapped[str] = mapped_column(String(260))
    stored_as: Mapped[str] = mapped_column(String(400))
    size: Mapped[int] = mapped_column(default=0)
    added_at: Mapped[dt.datetime]

    case: Mapped[ServiceCase] = relationship(back_populates="attachments")


class Solution(Entity):
    """What was learnt from a resolved case: the problem, its cause, the fix, the products."""

    __tablename__ = "solutions"

    case_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("service_cases.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    problem: Mapped[str] = mapped_column(Text, default="")
    cause: Mapped[str] = mapped_column(Text, default="")
    fix: Mapped[str] = mapped_column(Text, default="")
    products: Mapped[str] = mapped_column(String(300), default="")
    published_at: Mapped[dt.datetime]


class SurveyTemplate(Entity):
    """A questionnaire: its items with their weights, asked on a 1-5 or a 1-10 scale."""

    __tablename__ = "survey_templates"

    name: Mapped[str] = mapped_column(String(200))
    scale: Mapped[int] = mapped_column(default=5)

    items: Mapped[list[SurveyTemplateItem]] = relationship(
        back_populates="template",
        cascade="all, delete-orphan",
        order_by="SurveyTemplateItem.position",
    )
    __table_args__ = (CheckConstraint("scale IN (5, 10)", name="scale"),)


class SurveyTemplateItem(Entity):
    __tablename__ = "survey_template_items"

    template_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("survey_templates.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    item: Mapped[str] = mapped_column(String(200))
    weight: Mapped[float] = mapped_column(default=1.0)

    template: Mapped[SurveyTemplate] = relationship(back_populates="items")
    __table_args__ = (CheckConstraint("weight > 0", name="weight"),)


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
    template_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("survey_templates.id", ondelete="SET NULL"), index=True
    )
    scale: Mapped[int] = mapped_column(default=5)
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
    weight: Mapped[float] = mapped_column(default=1.0)
    expected: Mapped[int]
    perceived: Mapped[int]

    survey: Mapped[SatisfactionSurvey] = relationship(back_populates="items")
    __table_args__ = (
        CheckConstraint(
            f"expected BETWEEN 1 AND {MAX_SCORE} AND perceived BETWEEN 1 AND {MAX_SCORE}",
            name="scores",
        ),
    )
