"""Customers: accounts (organisations or individuals), the people at them, and how to reach them."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, LargeBinary, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from crmdesk.models.base import Base, Entity
from crmdesk.models.enums import (
    AccountKind,
    AddressKind,
    Channel,
    EmailKind,
    LifecyclePhase,
    LoyaltyStage,
    PhoneKind,
    ValueTier,
)
from crmdesk.models.names import display_name, is_cjk_name

account_tags = Table(
    "account_tags",
    Base.metadata,
    Column("account_id", ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
)
contact_tags = Table(
    "contact_tags",
    Base.metadata,
    Column("contact_id", ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Tag(Entity):
    __tablename__ = "tags"

    name: Mapped[str] = mapped_column(String(80), unique=True)
    color: Mapped[str] = mapped_column(String(9), default="")


class Account(Entity):
    """A customer: an organisation, or an individual who buys in their own name."""

    __tablename__ = "accounts"

    name: Mapped[str] = mapped_column(String(200))
    sort_key: Mapped[str] = mapped_column(String(400), default="", index=True)
    code: Mapped[str] = mapped_column(String(60), default="", index=True)
    tax_id: Mapped[str] = mapped_column(String(60), default="", server_default="")  # on contracts
    kind: Mapped[AccountKind] = mapped_column(String(20), default=AccountKind.ORGANISATION)
    industry: Mapped[str] = mapped_column(String(100), default="")
    value_tier: Mapped[ValueTier] = mapped_column(String(20), default=ValueTier.ORDINARY)
    loyalty_stage: Mapped[LoyaltyStage] = mapped_column(String(20), default=LoyaltyStage.PROSPECT)
    lifecycle_phase: Mapped[LifecyclePhase] = mapped_column(
        String(20), default=LifecyclePhase.ACQUISITION
    )
    source: Mapped[str] = mapped_column(String(100), default="")
    owner: Mapped[str] = mapped_column(String(100), default="", index=True)
    website: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    contacts: Mapped[list[Contact]] = relationship(back_populates="account")
    phones: Mapped[list[Phone]] = relationship(
        back_populates="account", cascade="all, delete-orphan", order_by="Phone.position"
    )
    emails: Mapped[list[Email]] = relationship(
        back_populates="account", cascade="all, delete-orphan", order_by="Email.position"
    )
    addresses: Mapped[list[Address]] = relationship(
        back_populates="account", cascade="all, delete-orphan", order_by="Address.position"
    )
    tags: Mapped[list[Tag]] = relationship(secondary=account_tags, order_by=Tag.name)

    __table_args__ = (Index("ix_accounts_live_sort", "deleted_at", "sort_key"),)


class Contact(Entity):
    """A person, optionally at an account.

    Chinese names keep family and given name apart and show family-first without a space;
    `sort_key` holds the pinyin (or the Latin name, family first) so lists sort as people expect.
    """

    __tablename__ = "contacts"

    account_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="SET NULL"), index=True
    )
    family_name: Mapped[str] = mapped_column(String(100), default="")
    given_name: Mapped[str] = mapped_column(String(100), default="")
    middle_name: Mapped[str] = mapped_column(String(100), default="")
    prefix: Mapped[str] = mapped_column(String(40), default="")
    suffix: Mapped[str] = mapped_column(String(40), default="")
    nickname: Mapped[str] = mapped_column(String(100), default="")
    phonetic_family_name: Mapped[str] = mapped_column(String(100), default="")
    phonetic_given_name: Mapped[str] = mapped_column(String(100), default="")
    # the name as the contact's card writes it (vCard FN), when that is not its parts composed
    formatted_name: Mapped[str] = mapped_column(String(300), default="")
    uid: Mapped[str] = mapped_column(String(300), default="", index=True)  # its card's UID
    sort_key: Mapped[str] = mapped_column(String(400), default="", index=True)
    organization: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(100), default="")
    department: Mapped[str] = mapped_column(String(100), default="")
    birthday: Mapped[dt.date | None]
    preferred_channel: Mapped[Channel | None] = mapped_column(String(20))
    wechat: Mapped[str] = mapped_column(String(100), default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    owner: Mapped[str] = mapped_column(String(100), default="", index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    photo: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    photo_mime: Mapped[str] = mapped_column(String(60), default="")
    photo_uri: Mapped[str] = mapped_column(String(500), default="")

    account: Mapped[Account | None] = relationship(back_populates="contacts")
    phones: Mapped[list[Phone]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="Phone.position"
    )
    emails: Mapped[list[Email]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="Email.position"
    )
    addresses: Mapped[list[Address]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="Address.position"
    )
    tags: Mapped[list[Tag]] = relationship(secondary=contact_tags, order_by=Tag.name)

    __table_args__ = (Index("ix_contacts_live_sort", "deleted_at", "sort_key"),)

    @property
    def display_name(self) -> str:
        return self.formatted_name or display_name(
            self.family_name, self.given_name, self.middle_name
        )

    @property
    def is_chinese_name(self) -> bool:
        return is_cjk_name(self.family_name + self.given_name)


_ONE_OWNER = "(contact_id IS NULL) != (account_id IS NULL)"


class _ContactPoint(Entity):
    """A phone, email or address belongs to exactly one contact or one account."""

    __abstract__ = True

    position: Mapped[int] = mapped_column(default=0)
    is_primary: Mapped[bool] = mapped_column(default=False)


class Phone(_ContactPoint):
    __tablename__ = "phones"

    contact_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    account_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[PhoneKind] = mapped_column(String(20), default=PhoneKind.MOBILE)
    number: Mapped[str] = mapped_column(String(60))
    e164: Mapped[str] = mapped_column(String(20), default="", index=True)

    contact: Mapped[Contact | None] = relationship(back_populates="phones")
    account: Mapped[Account | None] = relationship(back_populates="phones")
    __table_args__ = (CheckConstraint(_ONE_OWNER, name="one_owner"),)


class Email(_ContactPoint):
    __tablename__ = "emails"

    contact_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    account_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[EmailKind] = mapped_column(String(20), default=EmailKind.WORK)
    address: Mapped[str] = mapped_column(String(320))
    normalized: Mapped[str] = mapped_column(String(320), default="", index=True)

    contact: Mapped[Contact | None] = relationship(back_populates="emails")
    account: Mapped[Account | None] = relationship(back_populates="emails")
    __table_args__ = (CheckConstraint(_ONE_OWNER, name="one_owner"),)


class Address(_ContactPoint):
    """A postal address in the seven parts of a vCard ADR."""

    __tablename__ = "addresses"

    contact_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    account_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[AddressKind] = mapped_column(String(20), default=AddressKind.WORK)
    street: Mapped[str] = mapped_column(String(300), default="")
    extended: Mapped[str] = mapped_column(String(200), default="")
    po_box: Mapped[str] = mapped_column(String(60), default="")
    city: Mapped[str] = mapped_column(String(100), default="", index=True)
    region: Mapped[str] = mapped_column(String(100), default="")
    postal_code: Mapped[str] = mapped_column(String(30), default="")
    country: Mapped[str] = mapped_column(String(100), default="")
    label: Mapped[str] = mapped_column(Text, default="")

    contact: Mapped[Contact | None] = relationship(back_populates="addresses")
    account: Mapped[Account | None] = relationship(back_populates="addresses")
    __table_args__ = (CheckConstraint(_ONE_OWNER, name="one_owner"),)
