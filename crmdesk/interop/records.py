"""Plain records that interchange files are read into and written from.

They carry everything the data model has a place for, in the file's own words where the model has
no fixed vocabulary, so that an importer never has to drop a field it understood.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from crmdesk.models.enums import AddressKind, EmailKind, PhoneKind


@dataclass(slots=True)
class PhoneRecord:
    number: str
    kind: PhoneKind = PhoneKind.OTHER
    primary: bool = False


@dataclass(slots=True)
class EmailRecord:
    address: str
    kind: EmailKind = EmailKind.OTHER
    primary: bool = False


@dataclass(slots=True)
class AddressRecord:
    """The seven parts of a vCard ADR, plus its kind and any preformatted label."""

    street: str = ""
    extended: str = ""
    po_box: str = ""
    city: str = ""
    region: str = ""
    postal_code: str = ""
    country: str = ""
    kind: AddressKind = AddressKind.OTHER
    label: str = ""
    primary: bool = False

    def is_empty(self) -> bool:
        parts = (
            self.street,
            self.extended,
            self.po_box,
            self.city,
            self.region,
            self.postal_code,
            self.country,
            self.label,
        )
        return not any(p.strip() for p in parts)


@dataclass(slots=True)
class ContactRecord:
    """One person as read from (or written to) a file.

    `formatted_name` is the file's display name (vCard FN); importers fill family/given names from
    it when the file has no structured name. `source_line` is the 1-based line where the record
    starts, so that a rejected record can be named to the user.
    """

    family_name: str = ""
    given_name: str = ""
    middle_name: str = ""
    prefix: str = ""
    suffix: str = ""
    nickname: str = ""
    formatted_name: str = ""
    phonetic_family_name: str = ""
    phonetic_given_name: str = ""
    organization: str = ""
    department: str = ""
    title: str = ""
    phones: list[PhoneRecord] = field(default_factory=list)
    emails: list[EmailRecord] = field(default_factory=list)
    addresses: list[AddressRecord] = field(default_factory=list)
    birthday: dt.date | None = None
    websites: list[str] = field(default_factory=list)
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    photo: bytes | None = None
    photo_mime: str = ""
    photo_uri: str = ""
    wechat: str = ""
    uid: str = ""  # the card's UID: the same card coming back is the same contact
    source_line: int = 0


@dataclass(slots=True)
class OrderLineRecord:
    product: str = ""
    quantity: Decimal = Decimal(1)
    unit_price: Decimal | None = None
    amount: Decimal | None = None


@dataclass(slots=True)
class OrderRecord:
    """One order (a sale) as read from an ERP's CSV or Excel export."""

    customer_name: str = ""
    customer_code: str = ""
    customer_email: str = ""
    ordered_on: dt.date | None = None
    amount: Decimal | None = None
    currency: str = ""
    number: str = ""
    lines: list[OrderLineRecord] = field(default_factory=list)
    source_line: int = 0
