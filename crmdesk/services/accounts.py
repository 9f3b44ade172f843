"""Accounts (customer organisations and individual customers): key lists, rows, details, writes."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVarTuple

from sqlalchemy import ColumnElement, ScalarSelect, Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session, selectinload

from crmdesk.core.errors import FieldError, RecordNotFound, StaleRecordError, ValidationError
from crmdesk.core.texts import translatable
from crmdesk.interop.records import AddressRecord, EmailRecord, PhoneRecord
from crmdesk.models import Account, Address, Contact
from crmdesk.models.customers import account_tags
from crmdesk.models.enums import AccountKind, Industry, LifecyclePhase, LoyaltyStage, ValueTier
from crmdesk.models.names import text_sort_key
from crmdesk.services import records
from crmdesk.services.changes import Changes, changes_in
from crmdesk.services.contact_points import (
    address_length_errors,
    address_records,
    email_records,
    has_address_in,
    length_errors,
    phone_records,
    point_errors,
    sync_points,
)
from crmdesk.services.search import search_condition
from crmdesk.services.segments import Group
from crmdesk.services.segments import condition as segment_condition
from crmdesk.services.tags import set_tags, tagged
from crmdesk.store.id_sets import in_id_set

SCALAR_FIELDS = (
    "name",
    "code",
    "tax_id",
    "kind",
    "industry",
    "value_tier",
    "loyalty_stage",
    "lifecycle_phase",
    "source",
    "owner",
    "website",
    "notes",
)


@dataclass
class AccountDraft:
    name: str = ""
    code: str = ""
    tax_id: str = ""
    kind: AccountKind = AccountKind.ORGANISATION
    industry: str = ""
    value_tier: ValueTier = ValueTier.ORDINARY
    loyalty_stage: LoyaltyStage = LoyaltyStage.PROSPECT
    lifecycle_phase: LifecyclePhase = LifecyclePhase.ACQUISITION
    source: str = ""
    owner: str = ""
    website: str = ""
    notes: str = ""
    phones: list[PhoneRecord] = field(default_factory=list)
    emails: list[EmailRecord] = field(default_factory=list)
    addresses: list[AddressRecord] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    id: uuid.UUID | None = None
    version: int | None = None


@dataclass(frozen=True)
class AccountRow:
    id: uuid.UUID
    name: str
    industry: str
    value_tier: str
    loyalty_stage: str
    city: str
    contacts: int
    owner: str
    updated_at: dt.datetime


@dataclass(frozen=True)
class AccountDetail:
    draft: AccountDraft
    contacts: int
    created_at: dt.datetime
    updated_at: dt.datetime
    deleted: bool


class AccountSort(StrEnum):
    NAME = "name"
    INDUSTRY = "industry"
    TIER = "tier"
    LOYALTY = "loyalty"
    OWNER = "owner"
    UPDATED = "updated"


@dataclass(frozen=True)
class AccountFilter:
    search: str = ""
    value_tier: ValueTier | None = None
    loyalty_stage: LoyaltyStage | None = None
    tag: str | None = None
    city: str | None = None
    owner: str | None = None
    industry: Industry | None = None
    segment: Group | None = None  # accounts with a contact in this segment
    deleted: bool = False
    # customers picked by a figure (a segment, a pyramid tier): contacts at those accounts
    account_ids: frozenset[uuid.UUID] | None = None


def _city() -> ScalarSelect[str]:
    return (
        select(func.coalesce(Address.city, ""))
        .where(Address.account_id == Account.id, Address.deleted_at.is_(None))
        .order_by(Address.is_primary.desc(), Address.position)
        .limit(1)
        .correlate(Account)
        .scalar_subquery()
    )


_Row = TypeVarTuple("_Row")


def _filtered(stmt: Select[*_Row], flt: AccountFilter) -> Select[*_Row]:
    conditions: list[ColumnElement[bool]] = [
        Account.deleted_at.is_not(None) if flt.deleted else Account.deleted_at.is_(None)
    ]
    if flt.search.strip():
        conditions.append(search_condition(Account.id, "account", flt.search))
    if flt.value_tier:
        conditions.append(Account.value_tier == flt.value_tier)
    if flt.loyalty_stage:
        conditions.append(Account.loyalty_stage == flt.loyalty_stage)
    if flt.tag:
        conditions.append(tagged(account_tags, Account.id, flt.tag))
    if flt.city:
        conditions.append(has_address_in(Address.account_id, Account.id, flt.city))
    if flt.owner:
        conditions.append(Account.owner == flt.owner)
    if flt.industry:
        conditions.append(industry_condition(Account.industry, flt.industry))
    if flt.account_ids is not None:
        conditions.append(in_id_set(Account.id, flt.account_ids))
    if flt.segment is not None:
        conditions.append(
            exists().where(
                Contact.account_id == Account.id,
                Contact.deleted_at.is_(None),
                segment_condition(flt.segment),
            )
        )
    return stmt.where(and_(*conditions))


def industry_condition(column: Any, industry: Industry) -> ColumnElement[bool]:
    """Rows of this industry: stored as its code, or as the English word older files hold."""
    word = industry.value.replace("_", " ")
    return or_(column == industry.value, func.lower(column) == word)



def purge_accounts(session: Session, ids: Sequence[uuid.UUID]) -> Changes:
    """Delete accounts in the recycle bin for good, with their phones, emails, addresses and
    search entry; their contacts stay, without an account. Live accounts are left alone."""
    return records.purge_from_bin(session, Account, ids, ("phones", "emails", "addresses"))


@dataclass(frozen=True)
class AccountSummary:
    """What the filtered accounts are like: how many, their tiers, industries and cities."""

    count: int
    contacts: int
    tiers: tuple[tuple[str, int], ...]
    industries: tuple[tuple[str, int], ...]
    cities: tuple[tuple[str, int], ...]



def account_summary(session: Session, flt: AccountFilter = AccountFilter()) -> AccountSummary:
    """Counts over the accounts `flt` selects, for the pane's right side when nothing is open."""
    chosen = _filtered(select(Account.id), flt).scalar_subquery()
    count = session.scalar(select(func.count()).where(Account.id.in_(chosen))) or 0
    contacts = session.scalar(
        select(func.count()).where(Contact.account_id.in_(chosen), Contact.deleted_at.is_(None))
    )
    by = [
        records.top_counts(
            session,
            select(column, func.count())
            .where(Account.id.in_(chosen), column != "")
            .group_by(column),
        )
        for column in (Account.value_tier, Account.industry)
    ]
    cities = records.top_counts(
        session,
        select(Address.city, func.count(func.distinct(Address.account_id)))
        .where(Address.account_id.in_(chosen), Address.deleted_at.is_(None), Address.city != "")
        .group_by(Address.city),
    )
    return AccountSummary(count, contacts or 0, by[0], by[1], cities)


_SORT = {
    AccountSort.NAME: Account.sort_key,
    AccountSort.INDUSTRY: Account.industry,
    AccountSort.TIER: Account.value_tier,
    AccountSort.LOYALTY: Account.loyalty_stage,
    AccountSort.OWNER: Account.owner,
    AccountSort.UPDATED: Account.updated_at,
}


def account_ids(
    session: Session,
    flt: AccountFilter = AccountFilter(),
    sort: AccountSort = AccountSort.NAME,
    descending: bool = False,
) -> list[uuid.UUID]:
    key = _SORT[sort]
    order = [key.desc() if descending else key.asc(), Account.id]
    return list(session.scalars(_filtered(select(Account.id), flt).order_by(*order)))


def count_accounts(session: Session, flt: AccountFilter = AccountFilter()) -> int:
    return session.scalar(_filtered(select(func.count(Account.id)), flt)) or 0


def _contact_count() -> ScalarSelect[int]:
    return (
        select(func.count(Contact.id))
        .where(Contact.account_id == Account.id, Contact.deleted_at.is_(None))
        .correlate(Account)
        .scalar_subquery()
    )


def account_rows(session: Session, ids: Sequence[uuid.UUID]) -> list[AccountRow]:
    stmt = select(
        Account.id,
        Account.name,
        Account.industry,
        Account.value_tier,
        Account.loyalty_stage,
        _city(),
        _contact_count(),
        Account.owner,
        Account.updated_at,
    ).where(Account.id.in_(ids))
    by_id = {row[0]: AccountRow(*row) for row in session.execute(stmt)}
    return [by_id[i] for i in ids if i in by_id]


def get_account(session: Session, account_id: uuid.UUID) -> AccountDetail:
    a = session.scalars(
        select(Account)
        .where(Account.id == account_id)
        .options(
            selectinload(Account.phones),
            selectinload(Account.emails),
            selectinload(Account.addresses),
            selectinload(Account.tags),
        )
    ).one_or_none()
    if a is None:
        raise RecordNotFound(
            translatable("Messages", "No account with id %1."), values=(account_id,)
        )
    draft = AccountDraft(
        **{f: getattr(a, f) for f in SCALAR_FIELDS},
        phones=phone_records(a.phones),
        emails=email_records(a.emails),
        addresses=address_records(a.addresses),
        tags=[t.name for t in a.tags],
        id=a.id,
        version=a.version,
    )
    count = (
        session.scalar(
            select(func.count(Contact.id)).where(
                Contact.account_id == a.id, Contact.deleted_at.is_(None)
            )
        )
        or 0
    )
    return AccountDetail(draft, count, a.created_at, a.updated_at, a.deleted_at is not None)


def validate_account(draft: AccountDraft) -> list[FieldError]:
    errors = []
    if not draft.name.strip():
        errors.append(FieldError("name", translatable("Validation", "An account needs a name.")))
    errors += length_errors(Account, draft)
    return (
        errors + point_errors(draft.phones, draft.emails) + address_length_errors(draft.addresses)
    )


def save_account(session: Session, draft: AccountDraft) -> tuple[uuid.UUID, Changes]:
    if errors := validate_account(draft):
        raise ValidationError(errors)
    if draft.id is None or (account := session.get(Account, draft.id)) is None:
        account = Account(id=draft.id) if draft.id else Account()
        session.add(account)
    elif draft.version is not None and account.version != draft.version:
        raise StaleRecordError(
            translatable("Messages", "%1 was changed elsewhere since you opened it."),
            translatable("Messages", "Reload it and make your change again."),
            values=(account.name,),
        )
    for name in SCALAR_FIELDS:
        value = getattr(draft, name)
        setattr(account, name, value.strip() if isinstance(value, str) else value)
    account.sort_key = text_sort_key(account.name)
    sync_points(account, draft.phones, draft.emails, draft.addresses)
    set_tags(session, account, draft.tags)
    session.flush()
    return account.id, changes_in(session)


def delete_accounts(session: Session, ids: Sequence[uuid.UUID]) -> Changes:
    return records.move_to_bin(session, Account, ids)


def restore_accounts(session: Session, ids: Sequence[uuid.UUID]) -> Changes:
    return records.restore_from_bin(session, Account, ids)



def account_choices(
    session: Session, prefix: str = "", limit: int = 50
) -> list[tuple[uuid.UUID, str]]:
    """(id, name) of live accounts for a picker, matched by the search index when typed."""
    stmt = select(Account.id, Account.name).where(Account.deleted_at.is_(None))
    if prefix.strip():
        stmt = stmt.where(search_condition(Account.id, "account", prefix))
    return [(i, n) for i, n in session.execute(stmt.order_by(Account.sort_key).limit(limit))]
