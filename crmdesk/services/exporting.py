"""Export contacts to vCard 3.0/4.0, Google-compatible CSV or .xlsx.

Contacts are read a chunk at a time (never the whole table as ORM objects at once), turned into
plain ContactRecords, written by the interop writers, and the file is replaced atomically: the
user finds either the old file or the complete new one, never half of one.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, undefer

from crmdesk.core.errors import KnownError
from crmdesk.core.gc_pause import without_gc
from crmdesk.export.atomic import write_atomically
from crmdesk.interop.records import ContactRecord
from crmdesk.interop.tabular import write_contacts_csv, write_contacts_xlsx
from crmdesk.interop.vcard_writer import write_vcards
from crmdesk.models import Contact
from crmdesk.models.names import is_cjk_name
from crmdesk.services.contact_points import address_records, email_records, phone_records
from crmdesk.services.contacts import ContactFilter, contact_ids

CHUNK = 500


class ExportFormat(enum.StrEnum):
    VCF3 = "vcf3"
    VCF4 = "vcf4"
    CSV = "csv"
    XLSX = "xlsx"

    @classmethod
    def parse(cls, name: str) -> ExportFormat:
        """'vcf' (vCard 3.0, what most address books read), 'vcf4', 'csv' or 'xlsx'."""
        key = name.strip().lower().lstrip(".")
        key = {"vcf": "vcf3", "vcard": "vcf3", "vcf30": "vcf3", "vcf40": "vcf4"}.get(key, key)
        try:
            return cls(key)
        except ValueError:
            raise KnownError(
                f"'{name}' is not an export format.", "Use vcf, vcf4, csv or xlsx."
            ) from None


class ExportCancelled(KnownError):
    def __init__(self) -> None:
        super().__init__("The export was cancelled.", "No file was written.")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: ExportFormat
    contacts: int
    size: int  # bytes written


Selection = Sequence[uuid.UUID] | ContactFilter | None


@without_gc
def export_contacts(
    session: Session,
    selection: Selection,
    format: ExportFormat | str,
    path: str | Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportResult:
    """Write the selected contacts (ids in order, a filter, or None for every live contact)."""
    fmt = format if isinstance(format, ExportFormat) else ExportFormat.parse(format)
    if isinstance(selection, ContactFilter) or selection is None:
        ids = contact_ids(session, selection or ContactFilter())
    else:
        ids = list(selection)
    records = list(_records(session, ids, progress, cancelled))
    data = render_contacts(records, fmt)
    written = write_atomically(path, data)
    return ExportResult(written, fmt, len(records), len(data))


def render_contacts(records: Sequence[ContactRecord], fmt: ExportFormat) -> bytes:
    if fmt in (ExportFormat.VCF3, ExportFormat.VCF4):
        return write_vcards(records, version="3.0" if fmt is ExportFormat.VCF3 else "4.0")
    if fmt is ExportFormat.CSV:
        return write_contacts_csv(records)
    return write_contacts_xlsx(records)


def _records(
    session: Session,
    ids: Sequence[uuid.UUID],
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> Iterator[ContactRecord]:
    for start in range(0, len(ids), CHUNK):
        if cancelled is not None and cancelled():
            raise ExportCancelled()
        yield from contact_records(session, ids[start : start + CHUNK])
        if progress is not None:
            progress(min(start + CHUNK, len(ids)), len(ids))


def contact_records(session: Session, ids: Iterable[uuid.UUID]) -> list[ContactRecord]:
    """The contacts (in the order of `ids`) as interchange records; read in one round of queries,
    so pass a chunk of ids, not the whole table."""
    ids = list(ids)
    loaded = session.scalars(
        select(Contact)
        .where(Contact.id.in_(ids))
        .options(
            undefer(Contact.photo),
            selectinload(Contact.phones),
            selectinload(Contact.emails),
            selectinload(Contact.addresses),
            selectinload(Contact.tags),
            selectinload(Contact.account),
        )
    )
    by_id = {c.id: _record(c) for c in loaded}
    return [by_id[i] for i in ids if i in by_id]


def _record(c: Contact) -> ContactRecord:
    organization = c.organization or (c.account.name if c.account else "")
    shown = c.display_name
    if not is_cjk_name(c.family_name + c.given_name):
        shown = " ".join(p for p in (c.prefix, shown, c.suffix) if p)
    return ContactRecord(
        family_name=c.family_name,
        given_name=c.given_name,
        middle_name=c.middle_name,
        prefix=c.prefix,
        suffix=c.suffix,
        nickname=c.nickname,
        formatted_name=c.formatted_name or shown or organization,
        phonetic_family_name=c.phonetic_family_name,
        phonetic_given_name=c.phonetic_given_name,
        organization=organization,
        department=c.department,
        title=c.title,
        phones=phone_records(c.phones),
        emails=email_records(c.emails),
        addresses=address_records(c.addresses),
        birthday=c.birthday,
        websites=[c.website] if c.website else [],
        notes=c.notes,
        tags=[t.name for t in c.tags],
        photo=c.photo,
        photo_mime=c.photo_mime,
        photo_uri=c.photo_uri,
        wechat=c.wechat,
        uid=c.uid,
    )
