"""Reaching customers: saved segments, campaigns and their members, responses, opt-outs, the
e-mail outbox and call lists.

A segment's criteria are data (a JSON tree with a version), never SQL text, so a file from an
older crmdesk still opens and the tree is compiled to SQL by the service when it is evaluated.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from crmdesk.models.base import Entity
from crmdesk.models.enums import (
    CallEntryStatus,
    CallOutcome,
    CampaignStatus,
    Channel,
    LeftOutReason,
    MemberStatus,
    OutboxStatus,
    ResponseKind,
    ResponseSource,
)

ALL_CHANNELS = "all"  # an opt-out of every marketing channel


class Segment(Entity):
    """A saved, named filter over contacts: a criteria tree stored as JSON."""

    __tablename__ = "segments"

    name: Mapped[str] = mapped_column(String(120), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    criteria: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    criteria_version: Mapped[int] = mapped_column(default=1)


class Campaign(Entity):
    __tablename__ = "campaigns"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    goal: Mapped[str] = mapped_column(Text, default="")
    starts_on: Mapped[dt.date | None]
    ends_on: Mapped[dt.date | None]
    budget: Mapped[Decimal] = mapped_column(default=Decimal(0))
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    segment_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("segments.id", ondelete="SET NULL"), index=True
    )
    channels: Mapped[list[str]] = mapped_column(JSON, default=list)
    subject: Mapped[str] = mapped_column(String(300), default="")
    body_text: Mapped[str] = mapped_column(Text, default="")
    body_html: Mapped[str] = mapped_column(Text, default="")
    script: Mapped[str] = mapped_column(Text, default="")
    attribution_days: Mapped[int] = mapped_column(default=30)
    status: Mapped[CampaignStatus] = mapped_column(String(20), default=CampaignStatus.DRAFT)
    started_at: Mapped[dt.datetime | None]
    owner: Mapped[str] = mapped_column(String(100), default="")


class CampaignMember(Entity):
    """A contact frozen into a campaign when it started (or added later), or left out and why."""

    __tablename__ = "campaign_members"

    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), index=True
    )
    contact_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    account_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="SET NULL"), index=True
    )
    channel: Mapped[Channel | None] = mapped_column(String(20))
    status: Mapped[MemberStatus] = mapped_column(String(20), default=MemberStatus.INCLUDED)
    left_out_reason: Mapped[LeftOutReason | None] = mapped_column(String(20))
    added_later: Mapped[bool] = mapped_column(default=False)
    added_at: Mapped[dt.datetime]
    removed_at: Mapped[dt.datetime | None]
    reached_at: Mapped[dt.datetime | None]  # the message went out / the call got through

    __table_args__ = (UniqueConstraint("campaign_id", "contact_id", name="uq_campaign_member"),)


class CampaignResponse(Entity):
    __tablename__ = "campaign_responses"

    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("campaign_members.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[ResponseKind] = mapped_column(String(20))
    source: Mapped[ResponseSource] = mapped_column(String(20), default=ResponseSource.MANUAL)
    responded_at: Mapped[dt.datetime]
    order_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("orders.id", ondelete="SET NULL"), unique=True
    )
    opportunity_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("opportunities.id", ondelete="SET NULL"), unique=True
    )
    amount: Mapped[Decimal] = mapped_column(default=Decimal(0))
    note: Mapped[str] = mapped_column(Text, default="")


class OptOut(Entity):
    """A contact asked not to be reached on a channel (or on any: `ALL_CHANNELS`)."""

    __tablename__ = "opt_outs"

    contact_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    channel: Mapped[str] = mapped_column(String(20))
    opted_out_on: Mapped[dt.date]
    source: Mapped[str] = mapped_column(String(200), default="")

    __table_args__ = (UniqueConstraint("contact_id", "channel", name="uq_opt_out"),)


class OutboxMessage(Entity):
    """One e-mail waiting, going, gone or failed; its Message-ID is fixed when it is queued, so
    a re-send after a crash is recognisably the same message."""

    __tablename__ = "outbox_messages"

    campaign_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("campaigns.id", ondelete="SET NULL"), index=True
    )
    member_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("campaign_members.id", ondelete="SET NULL"), index=True
    )
    contact_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    to_address: Mapped[str] = mapped_column(String(320))
    to_name: Mapped[str] = mapped_column(String(300), default="")
    subject: Mapped[str] = mapped_column(String(500), default="")
    body_text: Mapped[str] = mapped_column(Text, default="")
    body_html: Mapped[str] = mapped_column(Text, default="")
    message_id: Mapped[str] = mapped_column(String(300), unique=True)
    status: Mapped[OutboxStatus] = mapped_column(String(20), default=OutboxStatus.QUEUED)
    attempts: Mapped[int] = mapped_column(default=0)
    queued_at: Mapped[dt.datetime]
    last_attempt_at: Mapped[dt.datetime | None]
    sent_at: Mapped[dt.datetime | None]
    server_reply: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_outbox_messages_status", "status", "queued_at"),)


class CallList(Entity):
    __tablename__ = "call_lists"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    campaign_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("campaigns.id", ondelete="SET NULL"), index=True
    )
    segment_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("segments.id", ondelete="SET NULL"), index=True
    )
    script: Mapped[str] = mapped_column(Text, default="")
    max_tries: Mapped[int] = mapped_column(default=3)
    retry_minutes: Mapped[int] = mapped_column(default=120)


class CallListEntry(Entity):
    __tablename__ = "call_list_entries"

    call_list_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("call_lists.id", ondelete="CASCADE"), index=True
    )
    contact_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("campaign_members.id", ondelete="SET NULL")
    )
    owner: Mapped[str] = mapped_column(String(100), default="", index=True)
    position: Mapped[int] = mapped_column(default=0)
    status: Mapped[CallEntryStatus] = mapped_column(String(20), default=CallEntryStatus.PENDING)
    tries: Mapped[int] = mapped_column(default=0)
    next_call_at: Mapped[dt.datetime | None]
    last_outcome: Mapped[CallOutcome | None] = mapped_column(String(20))

    __table_args__ = (
        UniqueConstraint("call_list_id", "contact_id", name="uq_call_list_entry"),
        Index("ix_call_list_entries_next", "call_list_id", "status", "next_call_at"),
    )


class CallAttempt(Entity):
    __tablename__ = "call_attempts"

    entry_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("call_list_entries.id", ondelete="CASCADE"), index=True
    )
    caller: Mapped[str] = mapped_column(String(100), default="")
    outcome: Mapped[CallOutcome] = mapped_column(String(20))
    called_at: Mapped[dt.datetime]
    activity_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("activities.id", ondelete="SET NULL")
    )
    task_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("calendar_events.id", ondelete="SET NULL")
    )
    note: Mapped[str] = mapped_column(Text, default="")
