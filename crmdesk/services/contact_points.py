"""Phones, emails and addresses of a contact or an account: validation and syncing child rows.

Contacts and accounts carry the same three lists, so both services use these functions.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, String, exists

from crmdesk.core.errors import FieldError
from crmdesk.core.texts import Text, translatable
from crmdesk.interop.records import AddressRecord, EmailRecord, PhoneRecord
from crmdesk.models import Address, Base, Email, Phone
from crmdesk.models.base import utcnow
from crmdesk.models.names import has_cjk
from crmdesk.services.normalize import email_problem, normalize_email, phone_e164, phone_problem

ADDRESS_PARTS = (
    "street",
    "extended",
    "po_box",
    "city",
    "region",
    "postal_code",
    "country",
    "label",
)


def point_errors(phones: Sequence[PhoneRecord], emails: Sequence[EmailRecord]) -> list[FieldError]:
    """Inline errors named `phones.N` / `emails.N` so a form can mark the offending row: the
    one rule for phones and e-mails that forms, importers and the command line apply."""
    errors = []
    for i, phone in enumerate(phones):
        if problem := phone_problem(phone.number) or length_problem(Phone, "number", phone.number):
            errors.append(FieldError(f"phones.{i}", problem))
    for i, email in enumerate(emails):
        if problem := email_problem(email.address) or length_problem(
            Email, "address", email.address
        ):
            errors.append(FieldError(f"emails.{i}", problem))
    return errors


# How a field is named in a sentence that says it is too long.
FIELD_WORDS = {
    "family_name": translatable("Validation", "The family name"),
    "given_name": translatable("Validation", "The given name"),
    "middle_name": translatable("Validation", "The middle name"),
    "prefix": translatable("Validation", "The prefix"),
    "suffix": translatable("Validation", "The suffix"),
    "nickname": translatable("Validation", "The nickname"),
    "phonetic_family_name": translatable("Validation", "The phonetic family name"),
    "phonetic_given_name": translatable("Validation", "The phonetic given name"),
    "organization": translatable("Validation", "The organisation"),
    "title": translatable("Validation", "The title"),
    "department": translatable("Validation", "The department"),
    "wechat": translatable("Validation", "The WeChat ID"),
    "website": translatable("Validation", "The website"),
    "owner": translatable("Validation", "The owner"),
    "name": translatable("Validation", "The name"),
    "code": translatable("Validation", "The code"),
    "tax_id": translatable("Validation", "The tax ID"),
    "industry": translatable("Validation", "The industry"),
    "number": translatable("Validation", "The phone number"),
    "address": translatable("Validation", "The e-mail address"),
    "street": translatable("Validation", "The street"),
    "extended": translatable("Validation", "The address's second line"),
    "po_box": translatable("Validation", "The PO box"),
    "city": translatable("Validation", "The city"),
    "region": translatable("Validation", "The region"),
    "postal_code": translatable("Validation", "The postal code"),
    "country": translatable("Validation", "The country"),
}


@functools.cache
def column_limits(model: type[Base]) -> dict[str, int]:
    """The most characters each text column of `model` holds (String(n) columns)."""
    return {
        c.key: c.type.length
        for c in model.__table__.columns
        if isinstance(c.type, String) and c.type.length and c.key in FIELD_WORDS
    }


def length_problem(model: type[Base], key: str, value: str) -> str | None:
    """Why `value` does not fit the column `key` of `model`, or None when it does."""
    limit = column_limits(model).get(key)
    if limit is None or len(value) <= limit:
        return None
    return Text(
        translatable("Validation", "%1 is too long: %2 characters, at most %3 fit."),
        Text(FIELD_WORDS[key]),
        len(value),
        limit,
    )


def length_errors(model: type[Base], values: Any, prefix: str = "") -> list[FieldError]:
    """Inline errors for the text fields of `values` (a record or a draft, read by attribute)
    that do not fit their columns: what a form, an importer and the command line refuse."""
    return [
        FieldError(prefix + key, problem)
        for key in column_limits(model)
        if isinstance(value := getattr(values, key, None), str)
        and (problem := length_problem(model, key, value))
    ]


def address_length_errors(addresses: Sequence[AddressRecord]) -> list[FieldError]:
    """`length_errors` of each address, named `addresses.N.part`."""
    return [
        e for i, a in enumerate(addresses) for e in length_errors(Address, a, f"addresses.{i}.")
    ]


def _sync(existing: list[Any], wanted: Sequence[Any], make: Any, update: Any) -> list[Any]:
    """Reuse rows in order (so an edit is an UPDATE in the change log), add or retire the rest."""
    live = [row for row in existing if row.deleted_at is None]
    result = []
    for position, value in enumerate(wanted):
        row = live[position] if position < len(live) else make()
        update(row, value, position)
        result.append(row)
    for row in live[len(wanted) :]:
        row.deleted_at = utcnow()
        result.append(row)
    return result + [row for row in existing if row.deleted_at is not None and row not in result]


def _set_phone(row: Phone, value: PhoneRecord, position: int) -> None:
    row.number, row.kind, row.is_primary = value.number.strip(), value.kind, value.primary
    row.e164, row.position = phone_e164(value.number), position


def _set_email(row: Email, value: EmailRecord, position: int) -> None:
    row.address, row.kind, row.is_primary = value.address.strip(), value.kind, value.primary
    row.normalized, row.position = normalize_email(value.address), position


def _set_address(row: Address, value: AddressRecord, position: int) -> None:
    for part in ADDRESS_PARTS:
        setattr(row, part, getattr(value, part).strip())
    row.kind, row.is_primary, row.position = value.kind, value.primary, position


def sync_points(
    owner: Any,
    phones: Sequence[PhoneRecord],
    emails: Sequence[EmailRecord],
    addresses: Sequence[AddressRecord],
) -> None:
    """Make the owner's child rows match the given lists (empty addresses are dropped)."""
    owner.phones = _sync(owner.phones, phones, Phone, _set_phone)
    owner.emails = _sync(owner.emails, emails, Email, _set_email)
    kept = [a for a in addresses if not a.is_empty()]
    owner.addresses = _sync(owner.addresses, kept, Address, _set_address)


def phone_records(rows: Sequence[Phone]) -> list[PhoneRecord]:
    return [PhoneRecord(r.number, r.kind, r.is_primary) for r in rows if r.deleted_at is None]


def email_records(rows: Sequence[Email]) -> list[EmailRecord]:
    return [EmailRecord(r.address, r.kind, r.is_primary) for r in rows if r.deleted_at is None]


def address_records(rows: Sequence[Address]) -> list[AddressRecord]:
    return [
        AddressRecord(
            **{p: getattr(r, p) for p in ADDRESS_PARTS}, kind=r.kind, primary=r.is_primary
        )
        for r in rows
        if r.deleted_at is None
    ]


CHINA = frozenset({"中国", "中华人民共和国", "China", "CN", "PRC", "P.R. China"})


def format_address(a: AddressRecord | Address) -> str:
    """One line, in the order the address's own country writes it.

    Chinese (Han text): postal code first, then from the largest place to the smallest:
    province, city, district and street (the district is written in the city or street part),
    building last, e.g. "510620 广东省广州市天河区体育西路 103 号 维多利广场 A 座".
    Western: street, building, PO box, postal code and city, region, country.
    """
    if has_cjk(a.city + a.street + a.region + a.extended):
        country = a.country if a.country.strip() not in CHINA else ""
        places = "".join(p.strip() for p in (country, a.region, a.city, a.street) if p.strip())
        rest = [p.strip() for p in (a.extended, a.po_box) if p.strip()]
        return " ".join(p for p in (a.postal_code.strip(), places, *rest) if p)
    city_line = " ".join(p for p in (a.postal_code, a.city) if p)
    return ", ".join(
        p for p in (a.street, a.extended, a.po_box, city_line, a.region, a.country) if p
    )


def has_address_in(owner_column: Any, owner_id: Any, city: str) -> ColumnElement[bool]:
    """Owners with a live address in the city (`owner_column`: Address.contact_id or
    Address.account_id)."""
    return exists().where(
        owner_column == owner_id, Address.deleted_at.is_(None), Address.city == city
    )
