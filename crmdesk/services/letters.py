"""Mail-merge letters: one template filled once per selected contact.

Each contact gets the salutation of the template's language, the address block of the address
kind asked for (as labels and envelopes print it, export.address_block), their account's
fields and our company's. The letters go into one document, a page break between them, or a
file each; either way nothing is written until every letter is filled.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from crmdesk.core.errors import KnownError
from crmdesk.core.texts import translatable
from crmdesk.export.address_block import address_lines
from crmdesk.export.atomic import write_atomically
from crmdesk.export.docx_merge import combine
from crmdesk.export.docx_template import TemplateProblems, check_template, render_template
from crmdesk.export.letter_fields import LetterData, letter_context, letter_known_fields
from crmdesk.export.pdf_convert import convert_to_pdf
from crmdesk.models import Account, Contact
from crmdesk.models.enums import AddressKind
from crmdesk.services.contacts import ContactFilter, contact_ids
from crmdesk.services.contracts import (
    TemplateInfo,
    buyer_party,
    output_format,
    safe_file_name,
    seller_party,
)
from crmdesk.services.mailing import _address, _recipient_of

CHUNK = 500
Selection = Sequence[uuid.UUID] | ContactFilter


@dataclass(frozen=True)
class LettersResult:
    paths: tuple[Path, ...]
    letters: int


def _first(rows: Sequence[object]) -> object | None:
    live = [r for r in rows if getattr(r, "deleted_at", None) is None]
    return next((r for r in live if getattr(r, "is_primary", False)), live[0] if live else None)


def letter_data(
    session: Session, selection: Selection, kind: AddressKind | None = AddressKind.POSTAL,
    day: dt.date | None = None,
) -> list[LetterData]:  # fmt: skip
    """The selected contacts, in the selection's order, as letters."""
    ids = list(selection) if not isinstance(selection, ContactFilter) else contact_ids(
        session, selection
    )  # fmt: skip
    found: list[LetterData] = []
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        rows = session.scalars(
            select(Contact).where(Contact.id.in_(chunk), Contact.deleted_at.is_(None)).options(
                selectinload(Contact.addresses), selectinload(Contact.phones),
                selectinload(Contact.emails),
                selectinload(Contact.account).selectinload(Account.addresses),
            )
        ).all()  # fmt: skip
        by_id = {c.id: c for c in rows}
        for contact_id in chunk:
            c = by_id.get(contact_id)
            if c is not None:
                found.append(_letter(c, kind, day))
    return found


def _letter(c: Contact, kind: AddressKind | None, day: dt.date | None) -> LetterData:
    address = _address(c.addresses, kind)
    if address is None and c.account is not None:
        address = _address(c.account.addresses, kind)
    company = c.account.name if c.account else c.organization
    lines = address_lines(_recipient_of(c.display_name, address, company)) if address else []
    phone, email = _first(c.phones), _first(c.emails)
    account = c.account
    return LetterData(
        name=c.display_name, family_name=c.family_name, given_name=c.given_name,
        prefix=c.prefix, title=c.title, department=c.department,
        email=getattr(email, "address", ""), phone=getattr(phone, "number", ""),
        owner=c.owner or (account.owner if account else ""),
        account=buyer_party(account), account_code=account.code if account else "",
        account_industry=account.industry if account else "",
        address_lines=tuple(lines), date=day,
    )  # fmt: skip


def write_letters(
    session: Session,
    template: TemplateInfo,
    selection: Selection,
    target: str | Path,
    *,
    each: bool = False,
    kind: AddressKind | None = AddressKind.POSTAL,
    day: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> LettersResult:
    """Fill `template` per contact: into one document at `target` (.docx or .pdf), or with
    `each` one .docx per contact in the folder `target`."""
    known = letter_known_fields()
    source = template.read()
    checked = check_template(source, known)
    if not checked.ok:
        raise TemplateProblems(template.name, checked.problems)
    letters = letter_data(session, selection, kind, day)
    if not letters:
        raise KnownError(translatable("Messages", "No contact is selected for the letters."))
    seller = seller_party(session)
    filled: list[bytes] = []
    for done, letter in enumerate(letters, start=1):
        if cancelled and cancelled():
            raise KnownError(translatable("Messages", "Cancelled; no file was written."))
        context = letter_context(letter, seller, checked.language)
        filled.append(render_template(source, context, known, check=False))
        if progress:
            progress(done, len(letters))
    if each:
        folder = Path(target)
        folder.mkdir(parents=True, exist_ok=True)
        names: dict[str, int] = {}
        paths = []
        for letter, data in zip(letters, filled, strict=True):
            stem = safe_file_name(letter.name or "letter")
            names[stem] = names.get(stem, 0) + 1
            suffix = f"-{names[stem]}" if names[stem] > 1 else ""
            paths.append(write_atomically(folder / f"{stem}{suffix}.docx", data))
        return LettersResult(tuple(paths), len(letters))
    combined = combine(filled)
    if output_format(target) == "pdf":
        return LettersResult(tuple(convert_to_pdf([(combined, target)])), len(letters))
    return LettersResult((write_atomically(target, combined),), len(letters))
