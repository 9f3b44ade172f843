"""Phones, emails and addresses of a contact or an account: validation and syncing child rows.

Contacts and accounts carry the same three lists, so both services use these functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from crmdesk.core.errors import FieldError
from crmdesk.interop.records import AddressRecord, EmailRecord, PhoneRecord
from crmdesk.models import Address, Email, Phone
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
    """Inline errors named `phones.N` / `emails.N` so a form can mark the offending row."""
    errors = []
    for i, phone in enumerate(phones):
        if problem := phone_problem(phone.number):
            errors.append(FieldError(f"phones.{i}", problem))
    for i, email in enumerate(emails):
        if problem := email_problem(email.address):
            errors.append(FieldError(f"emails.{i}", problem))
    return errors


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
