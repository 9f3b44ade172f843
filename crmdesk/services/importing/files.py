"""Contact and order files read into batches: the format sniffed from the content first and the
extension second, the columns guessed or mapped."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crmdesk.core.errors import ImportFailed
from crmdesk.core.gc_pause import without_gc
from crmdesk.core.texts import translatable
from crmdesk.interop import contact_columns, mapping_guess, order_columns, tabular
from crmdesk.interop.column_mapping import ColumnMapping
from crmdesk.interop.records import (
    ContactRecord,
    OrderRecord,
)
from crmdesk.interop.table import Table
from crmdesk.interop.vcard import read_vcards

# =================================================================================================
# Reading files
# =================================================================================================

MappingGiven = ColumnMapping | str | Mapping[str, Any] | None  # a mapping, or its JSON


@dataclass(frozen=True)
class Rejection:
    """A row that cannot be imported: its 1-based line in the file and why."""

    line: int
    reason: str


@dataclass
class ContactBatch:
    """What a contact file holds, ready to preview and import."""

    records: list[ContactRecord]
    problems: list[Rejection] = field(default_factory=list)
    source: str = ""  # "vcard", "csv" or "xlsx"
    filename: str = ""
    headers: list[str] = field(default_factory=list)
    mapping: ColumnMapping | None = None  # the columns read (None for vCard)


@dataclass
class OrderBatch:
    """What an order (sales history) file holds."""

    records: list[OrderRecord]
    problems: list[Rejection] = field(default_factory=list)
    source: str = ""
    filename: str = ""
    headers: list[str] = field(default_factory=list)
    mapping: ColumnMapping | None = None


def file_format(data: bytes, filename: str) -> str:
    """'vcard', 'xlsx' or 'csv', from the content first and the extension second."""
    suffix = Path(filename).suffix.lower()
    if data[:4] == b"PK\x03\x04":
        return "xlsx"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" or suffix == ".xls":
        raise ImportFailed(
            translatable("Messages", "%1 is an old Excel (.xls) workbook."),
            hint=translatable("Messages", "Save it as .xlsx or CSV in Excel, then import that."),
            values=(Path(filename).name or "The file",),
        )
    head = data[:4096].replace(b"\x00", b"").lstrip(b"\xef\xbb\xbf\xfe\xff \t\r\n").upper()
    if head.startswith(b"BEGIN:VCARD") or suffix in (".vcf", ".vcard"):
        return "vcard"
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    return "csv"


def _read_bytes(path: str | Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise ImportFailed(
            translatable("Messages", "Cannot read %1: %2."), values=(path, exc.strerror or exc)
        ) from exc


def read_contact_file(path: str | Path, mapping: MappingGiven = None) -> ContactBatch:
    """Read a .vcf/.vcard, .csv/.txt or .xlsx contact file (see read_contact_data)."""
    return read_contact_data(_read_bytes(path), str(path), mapping)


@without_gc
def read_contact_data(data: bytes, filename: str, mapping: MappingGiven = None) -> ContactBatch:
    """The contacts of a file's bytes. `mapping` (for CSV/Excel) is a ColumnMapping, its JSON text
    or its dict; without one the columns are guessed from the header."""
    kind = file_format(data, filename)
    name = Path(filename).name
    if kind == "vcard":
        return ContactBatch(read_vcards(data), source=kind, filename=name)
    table = tabular.read_table(data, filename)
    used = _mapping(mapping) or mapping_guess.guess_contact_mapping(table.headers)
    records, problems = contact_columns.contacts_from_table(table, used)
    return ContactBatch(
        records,
        [Rejection(p.line, p.reason) for p in problems],
        source=kind,
        filename=name,
        headers=list(table.headers),
        mapping=used,
    )


def read_columns(
    path: str | Path, *, orders: bool = False
) -> tuple[Table | None, ColumnMapping | None]:
    """A file's table and the guessed mapping of its columns, for a mapping step before the
    import (None, None for a vCard, which has no columns); the refusals are the import's own."""
    if not Path(path).is_file():
        raise ImportFailed(translatable("Messages", "There is no file at %1."), values=(path,))
    data = _read_bytes(path)
    kind = file_format(data, str(path))
    if kind == "vcard":
        if orders:
            _refuse_vcard_orders(str(path))
        return None, None
    table = tabular.read_table(data, str(path))
    guess = mapping_guess.guess_order_mapping if orders else mapping_guess.guess_contact_mapping
    return table, guess(table.headers)


def _refuse_vcard_orders(filename: str) -> None:
    raise ImportFailed(
        translatable("Messages", "%1 is a vCard (contacts) file, not a table of orders."),
        values=(Path(filename).name,),
    )


def read_order_file(path: str | Path, mapping: MappingGiven = None) -> OrderBatch:
    return read_order_data(_read_bytes(path), str(path), mapping)


@without_gc
def read_order_data(data: bytes, filename: str, mapping: MappingGiven = None) -> OrderBatch:
    """The orders of a CSV or .xlsx file (columns guessed unless a mapping is given)."""
    kind = file_format(data, filename)
    if kind == "vcard":
        _refuse_vcard_orders(filename)
    table = tabular.read_table(data, filename)
    used = _mapping(mapping) or mapping_guess.guess_order_mapping(table.headers)
    records, problems = order_columns.orders_from_table(table, used)
    return OrderBatch(
        records,
        [Rejection(p.line, p.reason) for p in problems],
        source=kind,
        filename=Path(filename).name,
        headers=list(table.headers),
        mapping=used,
    )


def _mapping(mapping: MappingGiven) -> ColumnMapping | None:
    """A ColumnMapping from what the caller gave: None, the mapping itself, JSON text or a dict."""
    if mapping is None or isinstance(mapping, ColumnMapping):
        return mapping
    return ColumnMapping.from_json(mapping)


def mapping_json(mapping: ColumnMapping | None) -> dict[str, Any] | None:
    """The mapping in JSON form, for a preview and for `--mapping`."""
    return None if mapping is None else mapping.to_json()
