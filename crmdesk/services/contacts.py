"""Contacts: the sorted, filtered key list and row pages the table shows, details, and writes."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVarTuple

from sqlalchemy import ColumnElement, ScalarSelect, Select, and_, exists, func, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql.elements import SQLColumnExpression

from crmdesk.core.errors import FieldError, RecordNotFound, StaleRecordError, ValidationError
from crmdesk.core.texts import translatable
from crmdesk.interop.records import ContactRecord
from crmdesk.models import Account, Address, Contact, Email, Phone, Tag
from crmdesk.models.customers import contact_tags
from crmdesk.models.enums import Channel, Industry, LoyaltyStage, ValueTier
from crmdesk.models.names import contact_sort_key, display_name
from crmdesk.services import records
from crmdesk.services.accounts import industry_condition
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

NAME_FIELDS = (
    "family_name",
    "given_name",
    "middle_name",
    "prefix",
    "suffix",
    "nickname",
    "phonetic_family_name",
    "phonetic_given_name",
)
SCALAR_FIELDS = (
    *NAME_FIELDS,
    "organization",
    "title",
    "department",
    "birthday",
    "wechat",
    "notes",
    "photo_mime",
    "photo_uri",
    "formatted_name",
    "uid",
)


@dataclass
class ContactDraft(ContactRecord):
    """A contact as a form edits it: the file-level record plus what only the CRM knows.

    `version` is the version the form was loaded at (None for a new contact, or to overwrite
    without the stale-edit check, as undo does).
    """

    id: uuid.UUID | None = None
    version: int | None = None
    account_id: uuid.UUID | None = None
    preferred_channel: Channel | None = None
    owner: str = ""
    lunar_birthday: str = ""  # "MM-DD" of the lunar calendar, "" when none


@dataclass(frozen=True)
class ContactRow:
    """What one table row shows."""

    id: uuid.UUID
    name: str
    account: str
    title: str
    phone: str
    email: str
    city: str
    owner: str
    updated_at: dt.datetime


@dataclass(frozen=True)
class ContactDetail:
    draft: ContactDraft
    display_name: str
    account_name: str
    created_at: dt.datetime
    updated_at: dt.datetime
    deleted: bool
    tags: tuple[str, ...] = field(default=())


class ContactSort(StrEnum):
    NAME = "name"
    ACCOUNT = "account"
    TITLE = "title"
    CITY = "city"
    OWNER = "owner"
    UPDATED = "updated"


@dataclass(frozen=True)
class ContactFilter:
    search: str = ""
    value_tier: ValueTier | None = None
    loyalty_stage: LoyaltyStage | None = None
    tag: str | None = None
    city: str | None = None
    owner: str | None = None
    account_id: uuid.UUID | None = None
    industry: Industry | None = None
    segment: Group | None = None  # a saved segment's criteria (services/segments.py)
    deleted: bool = False
    # customers picked by a figure (a segment, a pyramid tier): contacts at those accounts
    account_ids: frozenset[uuid.UUID] | None = None


def _first(model: type[Phone] | type[Email] | type[Address], column: str) -> ScalarSelect[str]:
    """Correlated subquery: the contact's primary (else first) live phone/email/address field."""
    return (
        select(func.coalesce(getattr(model, column), ""))
        .where(model.contact_id == Contact.id, model.deleted_at.is_(None))
        .order_by(model.is_primary.desc(), model.position)
        .limit(1)
        .correlate(Contact)
        .scalar_subquery()
    )


_Row = TypeVarTuple("_Row")


def _filtered(stmt: Select[*_Row], flt: ContactFilter) -> Select[*_Row]:
    conditions: list[ColumnElement[bool]] = [
        Contact.deleted_at.is_not(None) if flt.deleted else Contact.deleted_at.is_(None)
    ]
    if flt.search.strip():
        conditions.append(search_condition(Contact.id, "contact", flt.search))
    if flt.value_tier or flt.loyalty_stage or flt.industry:
        account_conditions: list[ColumnElement[bool]] = [Account.id == Contact.account_id]
        if flt.industry:
            account_conditions.append(industry_condition(Account.industry, flt.industry))
        if flt.value_tier:
            account_conditions.append(Account.value_tier == flt.value_tier)
        if flt.loyalty_stage:
            account_conditions.append(Account.loyalty_stage == flt.loyalty_stage)
        conditions.append(exists().where(*account_conditions))
    if flt.tag:
        conditions.append(tagged(contact_tags, Contact.id, flt.tag))
    if flt.city:
        conditions.append(has_address_in(Address.contact_id, Contact.id, flt.city))
    if flt.owner:
        conditions.append(Contact.owner == flt.owner)
    if flt.account_id:
        conditions.append(Contact.account_id == flt.account_id)
    if flt.account_ids is not None:
        conditions.append(in_id_set(Contact.account_id, flt.account_ids))
    if flt.segment is not None:
        conditions.append(segment_condition(flt.segment))
    return stmt.where(and_(*conditions))


def _sort_column(sort: ContactSort) -> SQLColumnExpression[object]:
    if sort is ContactSort.ACCOUNT:
        return (
            select(Account.sort_key)
            .where(Account.id == Contact.account_id)
            .correlate(Contact)
            .scalar_subquery()
        )
    if sort is ContactSort.CITY:
        return _first(Address, "city")
    return {
        ContactSort.NAME: Contact.sort_key,
        ContactSort.TITLE: Contact.title,
        ContactSort.OWNER: Contact.owner,
        ContactSort.UPDATED: Contact.updated_at,
    }[sort]


def contact_ids(
    session: Session,
    flt: ContactFilter = ContactFilter(),
    sort: ContactSort = ContactSort.NAME,
    descending: bool = False,
) -> list[uuid.UUID]:
    """The keys of all matching contacts in display order: what a paging table model holds."""
    key = _sort_column(sort)
    order = [key.desc() if descending else key.asc(), Contact.id]
    return list(session.scalars(_filtered(select(Contact.id), flt).order_by(*order)))


def count_contacts(session: Session, flt: ContactFilter = ContactFilter()) -> int:
    return session.scalar(_filtered(select(func.count(Contact.id)), flt)) or 0


def contact_rows(session: Session, ids: Sequence[uuid.UUID]) -> list[ContactRow]:
    """Rows for a page of keys, in the order of `ids` (missing ids are skipped)."""
    stmt = (
        select(
            Contact.id,
            Contact.family_name,
            Contact.given_name,
            Contact.middle_name,
            Contact.formatted_name,
            Contact.organization,
            Account.name,
            Contact.title,
            _first(Phone, "number"),
            _first(Email, "address"),
            _first(Address, "city"),
            Contact.owner,
            Contact.updated_at,
        )
        .outerjoin(Account, Account.id == Contact.account_id)
        .where(Contact.id.in_(ids))
    )
    by_id = {}
    for cid, family, given, middle, shown, org, account, *rest in session.execute(stmt):
        by_id[cid] = ContactRow(
            cid, shown or display_name(family, given, middle) or org, account or org, *rest
        )
    return [by_id[i] for i in ids if i in by_id]


def _load(session: Session, contact_id: uuid.UUID) -> Contact:
    contact = session.scalars(
        select(Contact)
        .where(Contact.id == contact_id)
        .options(
            selectinload(Contact.phones),
            selectinload(Contact.emails),
            selectinload(Contact.addresses),
            selectinload(Contact.tags),
            selectinload(Contact.account),
        )
    ).one_or_none()
    if contact is None:
        raise RecordNotFound(
            translatable("Messages", "No contact with id %1."), values=(contact_id,)
        )
    return contact


def get_contact(session: Session, contact_id: uuid.UUID) -> ContactDetail:
    c = _load(session, contact_id)
    draft = ContactDraft(
        **{f: getattr(c, f) for f in SCALAR_FIELDS},
        phones=phone_records(c.phones),
        emails=email_records(c.emails),
        addresses=address_records(c.addresses),
        tags=[t.name for t in c.tags],
        photo=c.photo,
        websites=[c.website] if c.website else [],
        id=c.id,
        version=c.version,
        account_id=c.account_id,
        preferred_channel=c.preferred_channel,
        owner=c.owner,
        lunar_birthday=c.lunar_birthday,
    )
    return ContactDetail(
        draft=draft,
        display_name=c.display_name,
        account_name=c.account.name if c.account else "",
        created_at=c.created_at,
        updated_at=c.updated_at,
        deleted=c.deleted_at is not None,
        tags=tuple(draft.tags),
    )


def validate_contact(draft: ContactDraft) -> list[FieldError]:
    errors = []
    if not (draft.family_name.strip() or draft.given_name.strip() or draft.organization.strip()):
        errors.append(
            FieldError(
                "family_name",
                translatable("Validation", "A contact needs a name (or an organisation)."),
            )
        )
    errors += length_errors(Contact, draft)
    errors += point_errors(draft.phones, draft.emails)
    errors += address_length_errors(draft.addresses)
    if draft.birthday and draft.birthday > dt.date.today():
        errors.append(
            FieldError("birthday", translatable("Validation", "The birthday is in the future."))
        )
    if problem := lunar_birthday_problem(draft.lunar_birthday):
        errors.append(FieldError("lunar_birthday", problem))
    return errors


_LUNAR_DAY = re.compile(r"(\d\d)-(\d\d)")


def lunar_birthday_problem(value: str) -> str | None:
    """What is wrong with a lunar birthday: "" or "MM-DD", month 1-12, day 1-30."""
    if not value:
        return None
    found = _LUNAR_DAY.fullmatch(value)
    month, day = (int(found[1]), int(found[2])) if found else (0, 0)
    if not found or month > 12 or day > 30:
        return translatable("Validation", "A lunar birthday is a month (1–12) and a day (1–30).")
    if not month:
        return translatable("Validation", "Choose the month of the lunar birthday too.")
    if not day:
        return translatable("Validation", "Choose the day of the lunar birthday too.")
    return None


def save_contact(session: Session, draft: ContactDraft) -> tuple[uuid.UUID, Changes]:
    """Create or update a contact from a draft; refuse invalid fields and stale edits."""
    if errors := validate_contact(draft):
        raise ValidationError(errors)
    if draft.id is None or (contact := session.get(Contact, draft.id)) is None:
        contact = Contact(id=draft.id) if draft.id else Contact()
        session.add(contact)
    elif draft.version is not None and contact.version != draft.version:
        raise StaleRecordError(
            translatable("Messages", "%1 was changed elsewhere since you opened it."),
            translatable("Messages", "Reload it and make your change again."),
            values=(contact.display_name,),
        )
    apply_draft(session, contact, draft)
    session.flush()
    return contact.id, changes_in(session)


_NAME_PARTS = ("family_name", "given_name", "middle_name", "prefix", "suffix")


def apply_draft(session: Session, contact: Contact, draft: ContactDraft) -> None:
    """Copy a draft's values onto a contact row (used by save and by importers)."""
    renamed = any(getattr(draft, f).strip() != getattr(contact, f) for f in _NAME_PARTS)
    if renamed and draft.formatted_name.strip() == contact.formatted_name:
        draft.formatted_name = ""  # the card's name no longer names the edited contact
    for name in SCALAR_FIELDS:
        value = getattr(draft, name)
        setattr(contact, name, value.strip() if isinstance(value, str) else value)
    contact.photo = draft.photo
    contact.website = draft.websites[0] if draft.websites else ""
    contact.account_id, contact.owner = draft.account_id, draft.owner.strip()
    contact.preferred_channel = draft.preferred_channel
    contact.lunar_birthday = draft.lunar_birthday
    contact.sort_key = contact_sort_key(
        contact.family_name, contact.given_name, contact.organization
    )
    sync_points(contact, draft.phones, draft.emails, draft.addresses)
    set_tags(session, contact, draft.tags)


def delete_contacts(session: Session, ids: Sequence[uuid.UUID]) -> Changes:
    """Move contacts to the recycle bin (soft delete)."""
    return records.move_to_bin(session, Contact, ids)


def restore_contacts(session: Session, ids: Sequence[uuid.UUID]) -> Changes:
    return records.restore_from_bin(session, Contact, ids)




def purge_contacts(session: Session, ids: Sequence[uuid.UUID]) -> Changes:
    """Delete contacts in the recycle bin for good: the person, their phones, emails, addresses,
    tags and search entry (activities keep their text and lose the link). Live contacts are
    left alone: only what the bin holds can be purged."""
    return records.purge_from_bin(session, Contact, ids, ("phones", "emails", "addresses"))


@dataclass(frozen=True)
class ContactSummary:
    """What the filtered contacts are like: how many, their accounts' tiers, where they are."""

    count: int
    with_phone: int
    with_email: int
    tiers: tuple[tuple[str, int], ...]
    cities: tuple[tuple[str, int], ...]
    owners: tuple[tuple[str, int], ...]



def contact_summary(session: Session, flt: ContactFilter = ContactFilter()) -> ContactSummary:
    """Counts over the contacts `flt` selects, for the pane's right side when nothing is open."""
    chosen = _filtered(select(Contact.id), flt).scalar_subquery()
    count = session.scalar(select(func.count()).where(Contact.id.in_(chosen))) or 0

    def having(model: type[Phone] | type[Email]) -> int:
        stmt = select(func.count(func.distinct(model.contact_id))).where(
            model.contact_id.in_(chosen), model.deleted_at.is_(None)
        )
        return session.scalar(stmt) or 0

    tiers = records.top_counts(
        session,
        select(Account.value_tier, func.count())
        .join(Contact, Contact.account_id == Account.id)
        .where(Contact.id.in_(chosen))
        .group_by(Account.value_tier),
    )
    cities = records.top_counts(
        session,
        select(Address.city, func.count(func.distinct(Address.contact_id)))
        .where(Address.contact_id.in_(chosen), Address.deleted_at.is_(None), Address.city != "")
        .group_by(Address.city),
    )
    owners = records.top_counts(
        session,
        select(Contact.owner, func.count())
        .where(Contact.id.in_(chosen), Contact.owner != "")
        .group_by(Contact.owner),
    )
    return ContactSummary(count, having(Phone), having(Email), tiers, cities, owners)


@dataclass(frozen=True)
class Facets:
    """The values the filter boxes offer: small lists, computed by the database."""

    tags: tuple[str, ...]
    cities: tuple[str, ...]
    owners: tuple[str, ...]


def facets(session: Session, max_cities: int = 300) -> Facets:
    """Tags, the most common cities and the owners of contacts and accounts."""
    tags = session.scalars(select(Tag.name).where(Tag.deleted_at.is_(None)).order_by(Tag.name))
    cities = session.scalars(
        select(Address.city)
        .where(Address.deleted_at.is_(None), Address.city != "")
        .group_by(Address.city)
        .order_by(func.count().desc())
        .limit(max_cities)
    )
    owners = session.scalars(
        select(Contact.owner)
        .where(Contact.owner != "")
        .union(select(Account.owner).where(Account.owner != ""))
    )
    return Facets(tuple(tags), tuple(sorted(cities)), tuple(sorted(owners)))
