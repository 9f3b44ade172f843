"""Lead and product imports: flat tables (CSV/xlsx) through the same reading and mapping step
as contacts and orders, previewed and then written in one transaction.

- Leads: a row whose e-mail or phone an existing lead (or an earlier row) has is a duplicate
  and skipped; a row without a person's name or a company is rejected.
- Products: a row whose code the catalogue has updates that product; a code seen earlier in
  the file is a duplicate; a row without a code, or with a figure the catalogue refuses, is
  rejected.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crmdesk.core.errors import ImportFailed, KnownError
from crmdesk.core.texts import translatable
from crmdesk.interop import tabular
from crmdesk.interop.column_mapping import ColumnMapping
from crmdesk.interop.flat_columns import FlatRecord, flat_from_table, guess_flat_mapping
from crmdesk.models import Lead, Product
from crmdesk.services.changes import Changes, changes_in
from crmdesk.services.history import note_batch
from crmdesk.services.importing.common import (
    PREVIEW_ROWS,
    Cancelled,
    Progress,
    check_cancelled,
)
from crmdesk.services.importing.files import MappingGiven, Rejection, _mapping, _read_bytes
from crmdesk.services.leads import LeadDraft, save_lead
from crmdesk.services.products import ProductDraft, check_product, save_product

LEADS, PRODUCTS = "leads", "products"


class FlatAction(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"


@dataclass
class FlatBatch:
    """A lead or product file as read: its records, the rows that could not be read."""

    kind: str
    records: list[FlatRecord]
    problems: list[Rejection] = field(default_factory=list)
    filename: str = ""
    headers: list[str] = field(default_factory=list)
    mapping: ColumnMapping | None = None


@dataclass(frozen=True)
class FlatPreviewRow:
    line: int
    name: str
    detail: str  # a lead's company or a product's price
    action: FlatAction
    reason: str = ""


@dataclass(frozen=True)
class FlatPreview:
    kind: str
    total: int
    new: int
    updated: int
    duplicate: int
    rejected: int
    rows: tuple[FlatPreviewRow, ...]
    rejections: tuple[Rejection, ...]


@dataclass(frozen=True)
class FlatImportResult:
    kind: str
    new: int
    updated: int
    duplicate: int
    changes: Changes


def read_flat_file(path: str | Path, kind: str, mapping: MappingGiven = None) -> FlatBatch:
    """A lead or product table (CSV or .xlsx); the columns guessed unless a mapping is given."""
    data = _read_bytes(path)
    table = tabular.read_table(data, str(path))
    used = _mapping(mapping) or guess_flat_mapping(kind, table.headers)
    records, problems = flat_from_table(kind, table, used)
    return FlatBatch(kind, records, [Rejection(p.line, p.reason) for p in problems],
                     Path(path).name, list(table.headers), used)  # fmt: skip


@dataclass(frozen=True)
class _Fate:
    record: FlatRecord | None
    line: int
    action: FlatAction
    reason: str = ""
    existing: uuid.UUID | None = None


def _lead_fates(session: Session, batch: FlatBatch) -> list[_Fate]:
    rows = session.execute(
        select(func.lower(Lead.email), Lead.phone).where(Lead.deleted_at.is_(None))
    ).all()
    seen = {e for e, _ in rows if e} | {p for _, p in rows if p}
    fates = []
    for record in batch.records:
        keys = {record.text("email").lower(), record.text("phone")} - {""}
        if keys & seen:
            why = translatable("Import", "a lead with this e-mail or phone exists")
            fates.append(_Fate(record, record.line, FlatAction.DUPLICATE, why))
        else:
            fates.append(_Fate(record, record.line, FlatAction.NEW))
        seen |= keys
    return fates


def _product_draft(record: FlatRecord) -> ProductDraft:
    return ProductDraft(
        code=record.text("code"), name=record.text("name"), unit=record.text("unit"),
        category=record.text("category"),
        price=record.number("price"), tax_rate=record.number("tax_rate"),
        cost=record.number("cost"), currency=record.text("currency") or "CNY",
        active=record.values.get("active", "yes") != "",
    )  # fmt: skip


def _product_fates(session: Session, batch: FlatBatch) -> list[_Fate]:
    known: dict[str, uuid.UUID] = dict(
        session.execute(
            select(func.lower(Product.code), Product.id).where(Product.deleted_at.is_(None))
        ).all()
    )
    seen: set[str] = set()
    fates = []
    for record in batch.records:
        code = record.text("code").strip().lower()
        try:
            check_product(_product_draft(record))
        except KnownError as exc:
            fates.append(_Fate(record, record.line, FlatAction.REJECTED, exc.message))
            continue
        if code in seen:
            why = translatable("Import", "this code is on an earlier row")
            fates.append(_Fate(record, record.line, FlatAction.DUPLICATE, why))
        elif code in known:
            fates.append(_Fate(record, record.line, FlatAction.UPDATED, existing=known[code]))
        else:
            fates.append(_Fate(record, record.line, FlatAction.NEW))
        seen.add(code)
    return fates


def _fates(session: Session, batch: FlatBatch) -> list[_Fate]:
    fates = _lead_fates(session, batch) if batch.kind == LEADS else _product_fates(session, batch)
    fates += [_Fate(None, p.line, FlatAction.REJECTED, p.reason) for p in batch.problems]
    return sorted(fates, key=lambda f: f.line)


def _count(fates: list[_Fate], action: FlatAction) -> int:
    return sum(1 for f in fates if f.action is action)


def preview_flat(session: Session, batch: FlatBatch) -> FlatPreview:
    """What importing the file will do, row by row (the first rows) and in counts."""
    fates = _fates(session, batch)
    rows = []
    for f in fates[:PREVIEW_ROWS]:
        r = f.record
        if r is None:
            name = detail = ""
        elif batch.kind == LEADS:
            name = f"{r.text('family_name')}{r.text('given_name')}" or r.text("company")
            detail = r.text("company")
        else:
            name, detail = f"{r.text('code')} {r.text('name')}", f"{r.number('price'):.2f}"
        rows.append(FlatPreviewRow(f.line, name, detail, f.action, f.reason))
    return FlatPreview(
        batch.kind, len(fates), _count(fates, FlatAction.NEW), _count(fates, FlatAction.UPDATED),
        _count(fates, FlatAction.DUPLICATE), _count(fates, FlatAction.REJECTED), tuple(rows),
        tuple(Rejection(f.line, f.reason) for f in fates if f.action is FlatAction.REJECTED),
    )  # fmt: skip


def _lead_draft(record: FlatRecord) -> LeadDraft:
    draft = LeadDraft(estimated_amount=record.number("estimated_amount"))
    for name in ("family_name", "given_name", "company", "title", "phone", "email", "city",
                 "source", "campaign", "owner", "notes"):  # fmt: skip
        setattr(draft, name, record.text(name))
    return draft


def import_flat(
    session: Session,
    batch: FlatBatch,
    *,
    allow_rejected: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> FlatImportResult:
    """Write what the preview showed, in the caller's transaction. A rejected row stops the
    import (naming its line) unless rejected rows may be skipped."""
    fates = _fates(session, batch)
    rejected = [f for f in fates if f.action is FlatAction.REJECTED]
    if rejected and not allow_rejected:
        raise ImportFailed(
            rejected[0].reason, line=rejected[0].line,
            hint=translatable("Messages", "Nothing was imported (%1 row(s) cannot be read)."),
            hint_values=(len(rejected),),
        )  # fmt: skip
    report = progress or (lambda _done, _total: None)
    for n, fate in enumerate(fates):
        if n % 200 == 0:
            check_cancelled(cancelled)
            report(n, len(fates))
        if fate.record is None or fate.action not in (FlatAction.NEW, FlatAction.UPDATED):
            continue
        if batch.kind == LEADS:
            save_lead(session, _lead_draft(fate.record))
        else:
            draft = _product_draft(fate.record)
            draft.id = fate.existing
            if draft.id is not None and "category" not in fate.record.values:
                known = session.get(Product, draft.id)  # a file without categories keeps them
                draft.category = known.category if known is not None else ""
            save_product(session, draft)
    new, updated = _count(fates, FlatAction.NEW), _count(fates, FlatAction.UPDATED)
    entity = "leads" if batch.kind == LEADS else "products"
    counts = [("created", entity, new), ("edited", entity, updated)]
    note_batch(session, "import", {"file": batch.filename, "counts": counts})
    report(len(fates), len(fates))
    return FlatImportResult(batch.kind, new, updated, _count(fates, FlatAction.DUPLICATE),
                            changes_in(session))  # fmt: skip


__all__ = [
    "LEADS", "PRODUCTS", "FlatAction", "FlatBatch", "FlatImportResult", "FlatPreview",
    "FlatPreviewRow", "import_flat", "preview_flat", "read_flat_file",
]  # fmt: skip
