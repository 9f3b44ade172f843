"""Labels and envelopes for contacts: who gets one, at which address, and who is skipped.

Recipients are chosen by a contacts filter (search, tag …) or by ids in order; each gets the
address of the kind asked for (postal, work, home), else its primary one, else its first.
Contacts with no usable address are skipped and counted, so the user can be told how many.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from crmdesk.export.address_block import Recipient
from crmdesk.export.envelopes import EnvelopeSize, EnvelopesResult, write_envelopes
from crmdesk.export.label_stock import LabelStock
from crmdesk.export.labels import LabelsResult, write_labels
from crmdesk.models import Address, Contact
from crmdesk.models.enums import AddressKind
from crmdesk.services.contacts import ContactFilter, contact_ids

CHUNK = 500
Selection = Sequence[uuid.UUID] | ContactFilter


@dataclass(frozen=True)
class Recipients:
    recipients: tuple[Recipient, ...]
    skipped: int  # contacts without a usable address


def _address(rows: Sequence[Address], kind: AddressKind | None) -> Address | None:
    live = [a for a in rows if a.deleted_at is None]
    for choice in (
        [a for a in live if kind and a.kind == kind],
        [a for a in live if a.is_primary],
        live,
    ):
        usable = [a for a in choice if _recipient_of("", a).has_address()]
        if usable:
            return usable[0]
    return None


def _recipient_of(name: str, a: Address, company: str = "") -> Recipient:
    return Recipient(
        name=name,
        street=a.street,
        extended=a.extended,
        po_box=a.po_box,
        city=a.city,
        region=a.region,
        postal_code=a.postal_code,
        country=a.country,
        company=company,
    )


def recipients(
    session: Session, selection: Selection, kind: AddressKind | None = AddressKind.POSTAL
) -> Recipients:
    """The selected contacts as recipients, in the selection's order."""
    ids = list(selection) if not isinstance(selection, ContactFilter) else contact_ids(
        session, selection
    )
    found: list[Recipient] = []
    skipped = 0
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        rows = session.scalars(
            select(Contact)
            .where(Contact.id.in_(chunk))
            .options(selectinload(Contact.addresses), selectinload(Contact.account))
        ).all()
        by_id = {c.id: c for c in rows}
        for contact_id in chunk:
            contact = by_id.get(contact_id)
            address = _address(contact.addresses, kind) if contact else None
            if contact is None or address is None:
                skipped += 1
                continue
            company = contact.account.name if contact.account else contact.organization
            found.append(_recipient_of(contact.display_name, address, company))
    return Recipients(tuple(found), skipped)


def print_labels(
    session: Session,
    selection: Selection,
    stock: LabelStock,
    path: str | Path,
    *,
    kind: AddressKind | None = AddressKind.POSTAL,
    start: int = 1,
    outline: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[LabelsResult, int]:
    """Labels for the selected contacts; also how many were skipped for want of an address."""
    chosen = recipients(session, selection, kind)
    result = write_labels(path, stock, chosen.recipients, start=start, outline=outline,
                          progress=progress, cancelled=cancelled)  # fmt: skip
    return result, chosen.skipped


def print_envelopes(
    session: Session,
    selection: Selection,
    size: EnvelopeSize,
    path: str | Path,
    *,
    sender: Recipient | None = None,
    kind: AddressKind | None = AddressKind.POSTAL,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[EnvelopesResult, int]:
    """Envelopes for the selected contacts, and how many were skipped."""
    chosen = recipients(session, selection, kind)
    result = write_envelopes(path, size, chosen.recipients, sender, progress=progress,
                             cancelled=cancelled)  # fmt: skip
    return result, chosen.skipped
