"""Imports of contact files (vCard, CSV, Excel) and of order history, previewed and then done in
one transaction: all of it or none of it.

What a row of a contact file becomes (the preview counts these, and the import does exactly that):

- **new**: it matches no contact in the database nor an earlier row of the file; it will be created.
- **updated**: it strongly matches an existing contact, or an earlier row of the same file, and
  brings something that contact lacks (a phone, an e-mail, an address, a tag, or a value for a field
  that is empty there); the new values are merged in, nothing already there is overwritten.
- **duplicate**: it strongly matches and brings nothing new; it is skipped.
- **rejected**: it cannot become a contact (no name, phone or e-mail; a row the reader could not
  read). Never silently dropped: the import refuses to run, naming the first rejected line, unless
  the caller allows rejected rows to be skipped.

A strong match is the same phone number (E.164), the same e-mail address (normalised), or the same
name at the same organisation. A name alone is not enough to merge two people: such a row is
imported as new and listed as a *possible duplicate* for the duplicate review to look at later.

Organisations: a contact is linked to the live account with the same name (compared without case
and extra spaces); an account is created once for each name that has none.

The preview and the import share one plan: `import_contacts` right after `preview_contacts` in
the same transaction does exactly what the preview showed without matching everything again (in
another transaction the plan is made afresh, as the database may have changed since).

Speed: an ORM flush costs ~1.5 ms a contact (objects, change log, index), far too slow for 100k
rows. So rows are bound once and written many to a statement (`bulk_insert`), a chunk at a time,
on a thread of their own beside the Python preparing the next chunk, outside the ORM but
in the caller's transaction; this module writes their change-log entries and full-text entries
itself, in the form the ORM hooks in `crmdesk.store.db` write them (tests hold the two equal, and
`history.revert_batch` undoes an import like any other action). A merge into an existing contact
is a stale-checked UPDATE (`WHERE version = …`) logged field by field as an ORM edit would be.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import enum
import functools
import re
import sys
import threading
import unicodedata
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Connection, Dialect, String, Table, select, text
from sqlalchemy.orm import Session

from crmdesk.core.errors import ImportFailed, KnownError, StaleRecordError
from crmdesk.core.gc_pause import without_gc
from crmdesk.core.texts import Text, as_text, translatable
from crmdesk.interop import tabular
from crmdesk.interop.contact_columns import ColumnMapping
from crmdesk.interop.records import (
    AddressRecord,
    ContactRecord,
    EmailRecord,
    OrderLineRecord,
    OrderRecord,
    PhoneRecord,
)
from crmdesk.interop.vcard import read_vcards
from crmdesk.models import (
    Account,
    Address,
    ChangeLogEntry,
    Contact,
    Email,
    Entity,
    Order,
    OrderLine,
    Phone,
    Product,
    Tag,
    new_id,
    utcnow,
)
from crmdesk.models.changelog import (
    IMPLIED_BY_ENTRY,
    SNAPSHOT_FIELD,
    column_defaults,
    session_batch,
    to_json_value,
)
from crmdesk.models.changelog import _actor as change_actor
from crmdesk.models.customers import contact_tags
from crmdesk.models.enums import ChangeAction
from crmdesk.models.names import (
    contact_sort_key,
    display_name,
    name_search_terms,
    pinyin_search_terms,
    split_full_name,
    text_sort_key,
)
from crmdesk.services import duplicates
from crmdesk.services.changes import Changes
from crmdesk.services.contact_points import ADDRESS_PARTS
from crmdesk.services.contacts import SCALAR_FIELDS
from crmdesk.services.history import note_batch
from crmdesk.services.normalize import normalize_email, phone_e164
from crmdesk.store import fulltext
from crmdesk.store.bulk import full_statement_rows, insert_rows
from crmdesk.store.db import refresh_stale_statistics

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
MappingGiven = ColumnMapping | str | Mapping[str, Any] | None  # a mapping, or its JSON

PREVIEW_ROWS = 20
# rows a flush, a progress report and a cancel check; new contacts and their index entries fill
# whole bulk statements (4 x 512)
CHUNK = 2048
_QUERY_CHUNK = 500  # ids in one IN (…) list


class ImportCancelled(KnownError):
    """The user stopped the import; the transaction is rolled back, nothing was written."""

    def __init__(self) -> None:
        super().__init__(
            translatable("Messages", "The import was cancelled."),
            translatable("Messages", "Nothing was imported."),
        )


# =================================================================================================
# Reading files
# =================================================================================================


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
    used = _mapping(mapping) or tabular.guess_contact_mapping(table.headers)
    records, problems = tabular.contacts_from_table(table, used)
    return ContactBatch(
        records,
        [Rejection(p.line, p.reason) for p in problems],
        source=kind,
        filename=name,
        headers=list(table.headers),
        mapping=used,
    )


def read_order_file(path: str | Path, mapping: MappingGiven = None) -> OrderBatch:
    return read_order_data(_read_bytes(path), str(path), mapping)


@without_gc
def read_order_data(data: bytes, filename: str, mapping: MappingGiven = None) -> OrderBatch:
    """The orders of a CSV or .xlsx file (columns guessed unless a mapping is given)."""
    kind = file_format(data, filename)
    if kind == "vcard":
        raise ImportFailed(
            translatable("Messages", "%1 is a vCard (contacts) file, not a table of orders."),
            values=(Path(filename).name,),
        )
    table = tabular.read_table(data, filename)
    used = _mapping(mapping) or tabular.guess_order_mapping(table.headers)
    records, problems = tabular.orders_from_table(table, used)
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


# =================================================================================================
# Bulk writes that are change-logged and indexed like ORM writes
# =================================================================================================


_JSON_READY = (str, int, float, bool, type(None))


class _Ids:
    """Time-ordered UUIDv7 keys for bulk rows, as `new_id` makes them at a quarter of the cost:
    each block starts from a fresh `new_id()` and counts up in its random bits (RFC 9562's
    monotonic method), so keys still sort in the order they were made."""

    BLOCK = 1 << 16

    def __init__(self) -> None:
        self._next = self._left = 0

    def restart(self) -> None:
        """The next key starts a block after every key `new_id` has made so far."""
        self._left = 0

    def __call__(self) -> uuid.UUID:
        return uuid.UUID(int=self._advance())

    def hex(self) -> str:
        """The next key as the database column holds it (what UUID.hex gives), no UUID made."""
        return f"{self._advance():032x}"

    def _advance(self) -> int:
        if not self._left:
            self._next = new_id().int & ~(1 << 61)  # room to count up below the variant bits
            self._left = self.BLOCK
        self._next += 1
        self._left -= 1
        return self._next


class _PendingRows:
    """Rows of one table waiting to be inserted, each already bound as the driver takes it (by
    its column type's own bind processor, what Core's insert() would do per row and value)."""

    def __init__(self, writer: _BulkWriter, table: Table) -> None:
        dialect = writer.conn.dialect
        quote = dialect.identifier_preparer.quote
        self.writer, self.table = writer, table
        # an Entity is change-logged; its name a plain str (sqlite3 binds a str subclass such
        # as SQLAlchemy's quoted_name through its adapter lookup: ~0.7 s a 300k-row log)
        self.entity = str(table.name) if "version" in table.c else ""
        columns = list(table.columns)
        self.names = {c.key: quote(c.name) for c in columns}
        self.position = {c.key: i for i, c in enumerate(columns)}
        self.processors = {c.key: _bind_processor(c, dialect) for c in columns}
        self.defaults = column_defaults(table)
        row = dict(self.defaults)  # in column order
        if self.entity:
            row.update(created_at=writer.now, updated_at=writer.now, version=1)
        self.template = [self.bind(k, v) for k, v in row.items()]
        self.table_sql = quote(table.name)
        self.columns_sql = [quote(c.name) for c in columns]
        self.params: list[tuple[Any, ...]] = []
        # a table no other one refers to may keep a remainder short of a whole statement for
        # the writer's next flush; (rows, first line of their flush) of what is queued
        self.statement_rows = (
            full_statement_rows(writer.conn, len(columns)) if table not in _REFERENCED else 1
        )
        self._flushes: list[list[int]] = []

    def bind(self, key: str, value: Any) -> Any:
        """The value as the driver takes it for this column."""
        processor = self.processors[key]
        return value if value is None or processor is None else processor(value)

    def quoted(self, key: str) -> str:
        return self.names[key]

    def add(self, values: Mapping[str, Any]) -> uuid.UUID | None:
        """Queue a row (defaults for what `values` leaves out); its id, for an Entity."""
        params = self.template.copy()
        position, processors = self.position, self.processors
        for key, value in values.items():
            processor = processors[key]
            params[position[key]] = (
                value if value is None or processor is None else processor(value)
            )
        if not self.entity:
            self.params.append(tuple(params))
            return None
        row_id = self.writer.ids()
        params[position["id"]] = processors["id"](row_id)
        self.params.append(tuple(params))
        # as insert_snapshot gives it (a test holds it); the JSON column's serializer converts
        # the values as to_json_value does
        defaults = self.defaults
        snapshot = {
            k: v for k, v in values.items() if v != defaults[k] and k not in IMPLIED_BY_ENTRY
        }
        self.writer.log(ChangeAction.INSERT, self.entity, row_id, SNAPSHOT_FIELD, None, snapshot)
        return row_id

    def take(self, line: int, everything: bool) -> tuple[_Rows, int]:
        """The table, its columns and the rows to insert now, and the first line of the earliest
        flush they come from (`line`, this flush's, when none come from an earlier one). All of
        them, or only whole statements' worth unless `everything`, the rest staying queued."""
        queued = sum(rows for rows, _ in self._flushes)
        if len(self.params) > queued:
            self._flushes.append([len(self.params) - queued, line])
        count = len(self.params)
        if not everything:
            count -= count % self.statement_rows
        taken, self.params = self.params[:count], self.params[count:]
        earliest = self._flushes[0][1] if taken else line
        while count:
            rows = min(count, self._flushes[0][0])
            self._flushes[0][0] -= rows
            count -= rows
            if not self._flushes[0][0]:
                del self._flushes[0]
        return (self.table_sql, self.columns_sql, taken), earliest


def _bind_processor(column: Column[Any], dialect: Dialect) -> Callable[[Any], Any] | None:
    """What Core would bind a value of the column as; text as a plain str, so that a StrEnum
    (a phone's kind) is not adapted by sqlite3 through its adapter lookup, value by value."""
    processor = column.type.dialect_impl(dialect).bind_processor(dialect)
    if processor is None and isinstance(column.type, String):
        return str
    return processor


def _json_value(value: Any) -> Any:
    return value if isinstance(value, _JSON_READY) else to_json_value(value)


_LOG_COLUMNS = (
    "id",
    "batch_id",
    "at",
    "actor",
    "action",
    "entity",
    "entity_id",
    "field",
    "old",
    "new",
)


_Rows = tuple[str, list[str], list[tuple[Any, ...]]]  # table, columns, rows: SQL to insert
# tables other tables refer to: their rows go in with the flush that queued them
_REFERENCED = frozenset(
    fk.column.table for t in ChangeLogEntry.metadata.tables.values() for fk in t.foreign_keys
)
_Failing = Callable[[], contextlib.AbstractContextManager[None]]


class _BulkWriter:
    """Inserts many rows a statement through the session's connection (so, in its transaction),
    with a change-log entry per inserted entity in the form `record_changes` writes them and
    full-text entries in the form `fulltext` writes them: an import is logged (and undoable)
    and searchable like any other write.

    A `background` writer runs each flush's statements on a thread of its own while the caller
    prepares the next rows: SQLite releases the GIL while it inserts and indexes, so the two
    overlap on a second core. One flush runs at a time, in order; `connection()` waits for it
    before handing the connection back. Use it as a context manager, so that no statement is
    still running when the caller's transaction ends."""

    def __init__(self, session: Session, *, background: bool = False) -> None:
        self.conn = session.connection()
        self._thread = ThreadPoolExecutor(1, "crmdesk-bulk-write") if background else None
        self._running: tuple[Future[None], _Failing] | None = None
        self.now = utcnow()
        self.ids = _Ids()
        self._pending: dict[Table, _PendingRows] = {}
        log = _PendingRows(self, ChangeLogEntry.__table__)
        if list(log.position) != list(_LOG_COLUMNS):
            raise RuntimeError(f"change_log columns changed: {list(log.position)}")
        self._log_rows = log
        self._log_constant = (
            log.bind("batch_id", session_batch(session)),
            log.bind("at", self.now),
            change_actor(session),
        )
        self._log_uuid = log.processors["id"]
        self._log_json = log.processors["new"]
        self._log_null = self._log_json(None)  # the ORM logs a missing old value as JSON null
        self._documents: list[tuple[str, uuid.UUID, str]] = []

    def pending(self, model: type[Entity]) -> _PendingRows:
        return self._rows(model.__table__)

    def _rows(self, table: Table) -> _PendingRows:
        if table not in self._pending:
            self._pending[table] = _PendingRows(self, table)
        return self._pending[table]

    def add(self, model: type[Entity], values: Mapping[str, Any]) -> uuid.UUID:
        """Queue a new row of an entity (change-logged); its id."""
        row_id = self._rows(model.__table__).add(values)
        assert row_id is not None
        return row_id

    def link(self, table: Table, values: Mapping[str, Any]) -> None:
        """Queue a row of an association table (contact_tags)."""
        self._rows(table).add(values)

    def log(
        self, action: ChangeAction, entity: str, entity_id: uuid.UUID, name: str, old: Any, new: Any
    ) -> None:
        """A change-log entry (the columns in _LOG_COLUMNS order, bound for the driver)."""
        to_uuid, to_json, null = self._log_uuid, self._log_json, self._log_null
        batch_id, at, actor = self._log_constant
        self._log_rows.params.append(
            (
                self.ids.hex(),
                batch_id,
                at,
                actor,
                str(action),
                entity,
                to_uuid(entity_id),
                name,
                null if old is None else to_json(old),
                null if new is None else to_json(new),
            )
        )

    def document(self, entity: str, ref: uuid.UUID, body: str) -> None:
        """A full-text entry for a row this writer inserts (it has none yet)."""
        self._documents.append((entity, ref, body))

    def flush(self, failing: _Failing = contextlib.nullcontext) -> None:
        """Insert everything queued: parents before children, then log and index entries.

        `failing()` wraps the statements (a background flush's error is raised by the next
        flush, `connection()` or `wait()`, still wrapped by it)."""
        self._run(self._take(0, everything=True)[0], failing)

    def flush_rows(self, first: int, last: int, what: str, *, final: bool) -> None:
        """Insert the rows queued for lines `first` to `last`, but for a remainder short of a
        whole statement of a table nothing refers to, which waits for the next flush (the
        `final` one writes everything). `what`, "the rows from line %1 to %2 …", names the
        lines if the statements fail: from the earliest whose rows they write."""
        statements, earliest = self._take(first, everything=final)
        self._run(statements, functools.partial(_failing_at, earliest, Text(what, earliest, last)))

    def _take(self, line: int, *, everything: bool) -> tuple[list[_Rows], int]:
        tables = ChangeLogEntry.metadata.sorted_tables
        queues = [*(self._pending[t] for t in tables if t in self._pending), self._log_rows]
        statements, earliest = [], line
        for queue in queues:
            statement, first = queue.take(line, everything)
            statements.append(statement)
            earliest = min(earliest, first)
        return statements, earliest

    def _queued(self) -> bool:
        return bool(self._documents) or any(
            q.params for q in (*self._pending.values(), self._log_rows)
        )

    def _run(self, statements: list[_Rows], failing: _Failing) -> None:
        documents, self._documents = self._documents, []
        self.ids.restart()
        self.wait()
        if self._thread is None:
            with failing():
                self._execute(statements, documents)
        else:
            self._running = (self._thread.submit(self._execute, statements, documents), failing)

    def _execute(
        self, statements: list[_Rows], documents: list[tuple[str, uuid.UUID, str]]
    ) -> None:
        for table, columns, rows in statements:
            insert_rows(self.conn, table, columns, rows)
        fulltext.add_entries(self.conn, documents)

    def wait(self) -> None:
        """Until the flush under way has run; its error, if it failed."""
        if self._running is not None:
            future, failing = self._running
            self._running = None
            with failing():
                future.result()

    def connection(self) -> Connection:
        """The connection, for statements of the caller's own, once no flush is running."""
        self.wait()
        return self.conn

    def __enter__(self) -> _BulkWriter:
        with contextlib.ExitStack() as stack:
            stack.enter_context(fulltext.bulk_loading(self.conn))
            if self._thread is not None:
                stack.enter_context(_GIL_HANDOFFS.quick())
            stack.push(self._finish)  # first out: no statement runs once indexing is done
            self._exit = stack.pop_all()
        return self

    def __exit__(self, *error: Any) -> bool | None:
        return self._exit.__exit__(*error)

    def _finish(self, error: type[BaseException] | None, *_: Any) -> None:
        try:
            if self._running is not None and error is not None:
                self._running[0].exception()  # let it end; the caller's error is the one raised
                self._running = None
            elif error is None and self._queued():
                self.flush()  # rows kept for a next flush that did not come
            self.wait()
        finally:
            if self._thread is not None:
                self._thread.shutdown()


class _GilHandoffs:
    """While a background writer runs, threads hand the GIL over after 0.5 ms instead of
    Python's 5: the writer needs it for a moment before each statement (to bind its values)
    and waited out the importer's whole switch interval each time (~1500 statements an
    import of 100k rows: 20 s instead of 16). Back to what it was once no writer runs."""

    INTERVAL = 0.0005

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._writers = 0
        self._before = 0.0

    @contextlib.contextmanager
    def quick(self) -> Iterator[None]:
        with self._lock:
            if not self._writers:
                self._before = sys.getswitchinterval()
                sys.setswitchinterval(self.INTERVAL)
            self._writers += 1
        try:
            yield
        finally:
            with self._lock:
                self._writers -= 1
                if not self._writers:
                    sys.setswitchinterval(self._before)


_GIL_HANDOFFS = _GilHandoffs()


def _contact_text(
    contact: Mapping[str, Any],
    account_name: str,
    phones: Iterable[str],
    emails: Iterable[str],
    addresses: Iterable[Mapping[str, Any]],
    tags: Iterable[str],
) -> str:
    """The full-text body of a new contact, from the values being inserted: the same text
    `fulltext` composes from the database (a test holds them equal), without reading back
    what was just written."""
    c = contact
    family, given = c["family_name"], c["given_name"]
    parts = [
        family,
        given,
        c["middle_name"],
        c["nickname"],
        c["phonetic_family_name"],
        c["phonetic_given_name"],
        account_name,
        *name_search_terms(family, given),
        *pinyin_search_terms(account_name),
        c["organization"],
        c["title"],
        c["department"],
        c["wechat"],
        c["notes"],
    ]
    for number in phones:
        parts += [number, *fulltext.phone_fragments(number)]
    parts += emails
    for a in addresses:
        parts += [a["street"], a["city"], a["region"], a["postal_code"], a["country"]]
    parts += tags
    return fulltext.body(parts)


def _account_text(name: str) -> str:
    """A new account's text (it has no code, industry, notes, phones … yet)."""
    return fulltext.body((name, *pinyin_search_terms(name)))


# =================================================================================================
# Contacts: what each row will do
# =================================================================================================


class RowAction(enum.StrEnum):
    NEW = "new"
    UPDATE = "update"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"


@dataclass(frozen=True)
class PreviewRow:
    """One row as it will land: what it holds and what will happen to it."""

    line: int
    name: str
    organization: str
    phone: str
    email: str
    city: str
    action: RowAction
    target: str = ""  # the contact it updates or duplicates
    reason: str = ""  # why it is rejected
    outcome: str = field(init=False)  # "new", "update 张三", "duplicate of 张三", "rejected: …"

    def __post_init__(self) -> None:
        outcome = {  # Texts: the wizard words them in the user's language
            RowAction.NEW: Text(translatable("Import", "new")),
            RowAction.UPDATE: Text(translatable("Import", "update %1"), self.target),
            RowAction.DUPLICATE: Text(translatable("Import", "duplicate of %1"), self.target),
            RowAction.REJECTED: Text(translatable("Import", "rejected: %1"), as_text(self.reason)),
        }[self.action]
        object.__setattr__(self, "outcome", outcome)


@dataclass(frozen=True)
class PossibleDuplicate:
    """A row imported as new whose name alone resembles an existing contact: for later review."""

    line: int
    name: str
    contact_id: uuid.UUID
    contact_name: str
    score: float


@dataclass(frozen=True)
class ImportPreview:
    source: str
    filename: str
    total: int
    new: int
    updated: int
    duplicate: int
    rejected: int
    accounts_to_create: int
    rows: tuple[PreviewRow, ...]
    rejections: tuple[Rejection, ...]
    possible_duplicates: tuple[PossibleDuplicate, ...]
    new_accounts: tuple[str, ...]
    headers: tuple[str, ...]
    mapping: Any  # the column mapping used, as JSON (None for vCard)


@dataclass(frozen=True)
class ImportResult:
    new: int
    updated: int
    duplicate: int
    rejected: int  # rejected rows skipped (only when allowed)
    accounts_created: int
    changes: Changes


_NAME_PARTS = ("family_name", "given_name", "middle_name", "prefix", "suffix")
# Fields a merge may fill when the contact has no value there yet (never overwritten).
_FILLABLE = tuple(f for f in SCALAR_FIELDS if f not in _NAME_PARTS)


@dataclass(slots=True, eq=False)
class _Target:
    """A contact the import writes: an existing one it merges into, or one it creates.

    For a new contact `record` is the whole contact (its first row, later rows merged in); for
    an existing one it holds only what the import adds, and `filled` names the fields it sets.
    What a merge compares against (the key sets, the empty fields) is made on the first merge:
    most new contacts never have one, and 100k of them must stay small."""

    existing: uuid.UUID | None
    record: ContactRecord
    first_line: int
    known_name: str = ""  # an existing contact's display name
    rows: int = 0  # rows of the file that land in this contact
    phone_keys: set[str] | None = None
    email_keys: set[str] | None = None
    address_keys: set[tuple[str, ...]] | None = None
    tags: set[str] | None = None
    empty: set[str] | None = None  # fields (and "name", "website", "photo") with no value yet
    filled: set[str] | None = None
    has_account: bool = False
    account_key: str = ""  # normalised organisation to link to, when the contact has no account
    shared: bool = False  # `record` is the row's own (the caller's): copy before merging into it
    # An existing contact as read: its version, the values a merge may change, the positions
    # after its last phone/e-mail/address, and its tags' ids.
    version: int = 0
    current: dict[str, Any] | None = None
    next_position: dict[str, int] | None = None
    tag_ids: list[str] | None = None

    @property
    def name(self) -> str:
        if self.existing is not None:
            return self.known_name
        rec = self.record
        shown = display_name(rec.family_name, rec.given_name, rec.middle_name) or rec.organization
        return f"{shown} (line {self.first_line})"

    @property
    def changed(self) -> set[str]:
        return self.filled or set()

    def _prepare_merge(self, phones: _PhoneKeys) -> None:
        if self.shared:
            r = self.record
            self.record = dataclasses.replace(
                r,
                phones=list(r.phones),
                emails=list(r.emails),
                addresses=list(r.addresses),
                tags=list(r.tags),
                websites=list(r.websites),
            )
            self.shared = False
        if self.empty is None:  # a new contact: compare with its first row from now on
            rec = self.record
            keys = _keys(rec, phones)
            self.phone_keys, self.email_keys = set(keys.phones), set(keys.emails)
            self.address_keys, self.tags = set(keys.addresses), set(rec.tags)
            self.empty = _empty_fields(rec, rec.websites, rec.photo is not None)
        if self.filled is None:
            self.filled = set()

    def brings(self, rec: ContactRecord, phones: _PhoneKeys) -> bool:
        """Merge what `rec` adds into this target; False when it adds nothing."""
        self._prepare_merge(phones)
        keys = _keys(rec, phones)
        assert self.phone_keys is not None and self.email_keys is not None
        assert self.address_keys is not None and self.tags is not None
        assert self.empty is not None and self.filled is not None
        added = False
        for phone, key in zip(rec.phones, keys.phones, strict=True):
            if key not in self.phone_keys:
                self.phone_keys.add(key)
                self.record.phones.append(dataclasses.replace(phone, primary=False))
                added = True
        for email, key in zip(rec.emails, keys.emails, strict=True):
            if key not in self.email_keys:
                self.email_keys.add(key)
                self.record.emails.append(dataclasses.replace(email, primary=False))
                added = True
        for address, key in zip(rec.addresses, keys.addresses, strict=True):
            if key not in self.address_keys:
                self.address_keys.add(key)
                self.record.addresses.append(dataclasses.replace(address, primary=False))
                added = True
        for tag in rec.tags:
            if tag not in self.tags:
                self.tags.add(tag)
                self.record.tags.append(tag)
                added = True
        if "name" in self.empty and (rec.family_name or rec.given_name):
            for part in _NAME_PARTS:
                setattr(self.record, part, getattr(rec, part))
            self.filled.update(_NAME_PARTS)
            self.empty.discard("name")
            added = True
        for name in _FILLABLE:
            value = getattr(rec, name)
            if name in self.empty and _has_value(value):
                setattr(self.record, name, value)
                self.filled.add(name)
                self.empty.discard(name)
                added = True
        if "website" in self.empty and rec.websites:
            self.record.websites = [rec.websites[0]]
            self.filled.add("website")
            self.empty.discard("website")
            added = True
        if "photo" in self.empty and rec.photo:
            self.record.photo, self.record.photo_mime = rec.photo, rec.photo_mime
            self.filled.update(("photo", "photo_mime"))
            self.empty.discard("photo")
            added = True
        return added


def _empty_fields(values: Any, websites: Any, has_photo: bool) -> set[str]:
    """The fields a merge may fill: those of `values` (a record or a row's dict) with no value."""
    get = values.get if isinstance(values, dict) else lambda f: getattr(values, f)
    empty = {f for f in _FILLABLE if not _has_value(get(f))}
    if not (get("family_name") or get("given_name")):
        empty.add("name")
    if not websites:
        empty.add("website")
    if not has_photo:
        empty.add("photo")
    return empty


def _has_value(value: Any) -> bool:
    return bool(value.strip()) if isinstance(value, str) else value is not None


@dataclass(slots=True)
class _Keys:
    """The comparable forms of a record's phones, e-mails and addresses (what a merge compares)."""

    phones: list[str]
    emails: list[str]
    addresses: list[tuple[str, ...]]


def _squash(value: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", value).casefold().split())


def organisation_key(name: str) -> str:
    """Account names compare without case and extra spaces."""
    return _squash(name)


class _PhoneKeys:
    """E.164 form of each number (cached: phonenumbers is slow and lists repeat numbers)."""

    def __init__(self) -> None:
        self._cache: dict[str, str] = {}

    def e164(self, number: str) -> str:
        found = self._cache.get(number)
        if found is None:
            found = self._cache[number] = phone_e164(number)
        return found

    def key(self, number: str) -> str:
        """E.164 where the number is one, else its digits, else its text."""
        return self.e164(number) or re.sub(r"\D", "", number) or _squash(number)


def _strong_keys(rec: ContactRecord, phones: _PhoneKeys) -> list[str]:
    """What an in-file match may go by: "p:+86…" (E.164), "e:a@b.c", "n:name|organisation"."""
    keys = [f"p:{e}" for p in rec.phones if (e := phones.e164(p.number))]
    keys += [f"e:{e}" for m in rec.emails if "@" in (e := normalize_email(m.address))]
    name = _squash(display_name(rec.family_name, rec.given_name, rec.middle_name))
    org = organisation_key(rec.organization)
    if name and org:
        keys.append(f"n:{name}|{org}")
    return keys


def _keys(rec: ContactRecord, phones: _PhoneKeys) -> _Keys:
    return _Keys(
        [phones.key(p.number) for p in rec.phones],
        [normalize_email(e.address) for e in rec.emails],
        [_address_key(a) for a in rec.addresses],
    )


def _address_key(address: AddressRecord) -> tuple[str, ...]:
    return tuple(_squash(getattr(address, part)) for part in ADDRESS_PARTS)


def prepare_record(rec: ContactRecord) -> tuple[ContactRecord | None, str]:
    """The record as it will be stored (blank phones/e-mails/addresses dropped, text trimmed, a
    name made from the display name, e-mail or phone when it has none), or None and why it
    cannot be a contact. A record already so is returned as it is (no copy)."""
    phones = [
        p if p.number == (n := p.number.strip()) else dataclasses.replace(p, number=n)
        for p in rec.phones
        if p.number.strip()
    ]
    emails = [
        e if e.address == (a := e.address.strip()) else dataclasses.replace(e, address=a)
        for e in rec.emails
        if e.address.strip()
    ]
    addresses = [a for a in rec.addresses if not a.is_empty()]
    tags = list(dict.fromkeys(t.strip() for t in rec.tags if t.strip()))
    websites = [w.strip() for w in rec.websites if w.strip()]
    family, given = rec.family_name.strip(), rec.given_name.strip()
    organization = rec.organization.strip()
    if not (family or given):
        shown = rec.formatted_name.strip() or rec.nickname.strip()
        if shown in {e.address for e in emails} | {p.number for p in phones}:
            given = shown  # a card named by its e-mail or number: keep it whole
        elif shown and shown != organization:
            family, given = split_full_name(shown)
        elif not organization:
            if emails:
                given = emails[0].address
            elif phones:
                given = phones[0].number
            else:
                return None, translatable("Import", "no name, phone number or e-mail address")
    same = (
        (family, given, organization) == (rec.family_name, rec.given_name, rec.organization)
        and len(phones) == len(rec.phones)
        and all(a is b for a, b in zip(phones, rec.phones, strict=False))
        and len(emails) == len(rec.emails)
        and all(a is b for a, b in zip(emails, rec.emails, strict=False))
        and len(addresses) == len(rec.addresses)
        and tags == rec.tags
        and websites == rec.websites
    )
    if same:
        return rec, ""
    return (
        dataclasses.replace(
            rec,
            family_name=family,
            given_name=given,
            organization=organization,
            phones=phones,
            emails=emails,
            addresses=addresses,
            tags=tags,
            websites=websites,
        ),
        "",
    )


@dataclass(slots=True)
class _Fate:
    """What happens to one row of the file."""

    line: int
    record: ContactRecord | None
    action: RowAction
    target: _Target | None = None
    reason: str = ""


@dataclass
class _ContactPlan:
    fates: list[_Fate]  # every row, in line order
    targets: list[_Target]  # the contacts written, in the order the file first names them
    possible: list[PossibleDuplicate]
    accounts: dict[str, tuple[uuid.UUID, str]]  # organisation key -> existing account, name
    new_accounts: dict[str, str]  # organisation key -> name of the account to create
    phones: _PhoneKeys

    @property
    def rejected(self) -> list[_Fate]:
        return [f for f in self.fates if f.action is RowAction.REJECTED]


MATCH_CHUNK = 5000  # records matched at a time: a record's match does not depend on the others


def _existing_matches(
    session: Session, records: list[ContactRecord], step: Callable[[int], None]
) -> list[Any]:
    """For each record, the existing contact it most likely duplicates, or None.

    Matched a few thousand at a time, so the candidates read for common names stay a few MB
    instead of half a GB for 100k rows; in the order of their names, so each chunk reads the
    contacts of its own names (in file order, every chunk read the 王伟s again: 2.3 s more)."""
    order = sorted(
        range(len(records)),
        key=lambda i: duplicates.name_sort_key(records[i].family_name, records[i].given_name),
    )
    matches: list[Any] = [None] * len(records)
    for chunk in _chunks(order, MATCH_CHUNK):
        found = duplicates.match_incoming(session, [records[i] for i in chunk])
        for i, match in zip(chunk, found, strict=True):
            matches[i] = match
        step(len(chunk))
    return matches


class _SamePerson:
    """Whether a row and an earlier row of the file that shares a phone, an e-mail or name and
    organisation with it are one person: scored exactly as `match_incoming` scores a row against
    a contact, so a shared switchboard number does not merge two colleagues."""

    def __init__(self) -> None:
        self._people: dict[int, Any] = {}

    def _person(self, rec: ContactRecord) -> Any:
        if id(rec) not in self._people:
            self._people[id(rec)] = duplicates.incoming_person(rec)
        return self._people[id(rec)]

    def __call__(self, rec: ContactRecord, earlier: ContactRecord) -> bool:
        score, reasons = duplicates.score_pair(self._person(rec), self._person(earlier))
        return score >= duplicates.POSSIBLE_MIN_SCORE and duplicates._is_strong(reasons)


def _plan(
    session: Session,
    batch: ContactBatch,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> _ContactPlan:
    """What importing the batch does; `progress(done, total)` hears of it (matching against the
    database, then the rows against each other) and `cancelled()` stops it (ImportCancelled)."""
    total, done = 2 * len(batch.records), 0

    def step(rows: int) -> None:
        nonlocal done
        _check(cancelled)
        done += rows
        if progress is not None:
            progress(done, total)

    phones = _PhoneKeys()
    fates = [_Fate(p.line, None, RowAction.REJECTED, reason=p.reason) for p in batch.problems]
    accepted: list[ContactRecord] = []
    for rec in batch.records:
        prepared, reason = prepare_record(rec)
        if prepared is None:
            fates.append(_Fate(rec.source_line, rec, RowAction.REJECTED, reason=reason))
        else:
            accepted.append(prepared)
    step(len(batch.records) - len(accepted))  # rejected: nothing to match
    matches = _existing_matches(session, accepted, step)
    strong = {m.contact_id for m in matches if m is not None and m.strong}
    existing = _existing_targets(session, strong, phones)
    same_person = _SamePerson()
    # strong key -> the (target, row) that had it: one pair, or a list of them when several do
    index: dict[str, Any] = {}
    targets: dict[int, _Target] = {}
    possible = []
    for n, (rec, match) in enumerate(zip(accepted, matches, strict=True), 1):
        if n % MATCH_CHUNK == 0:
            step(MATCH_CHUNK)
        keys = _strong_keys(rec, phones)
        target = existing.get(match.contact_id) if match is not None and match.strong else None
        if target is None:
            earlier = {id(t): (t, r) for k in keys for t, r in _entries(index.get(k))}
            target = next((t for t, r in earlier.values() if same_person(rec, r)), None)
        if target is None:
            target = _new_target(rec)
            action = RowAction.NEW
            if match is not None:
                possible.append(
                    PossibleDuplicate(
                        rec.source_line, target.name, match.contact_id, match.name, match.score
                    )
                )
        else:
            action = RowAction.UPDATE if target.brings(rec, phones) else RowAction.DUPLICATE
        target.rows += 1
        target.first_line = target.first_line or rec.source_line
        targets.setdefault(id(target), target)
        for key in keys:
            found = index.get(key)
            if found is None:
                index[key] = (target, rec)
            elif isinstance(found, list):
                found.append((target, rec))
            else:
                index[key] = [found, (target, rec)]
        fates.append(_Fate(rec.source_line, rec, action, target))
    step(len(accepted) % MATCH_CHUNK + len(batch.records) - len(accepted))
    duplicates.forget_names()  # matching is done
    fates.sort(key=lambda f: f.line)
    accounts = _account_keys(session)
    new_accounts: dict[str, str] = {}
    for target in targets.values():
        if target.existing is not None and (
            target.has_account or "organization" not in target.changed
        ):
            continue
        key = organisation_key(target.record.organization)
        if key:
            target.account_key = key
            if key not in accounts:
                new_accounts.setdefault(key, target.record.organization)
    return _ContactPlan(fates, list(targets.values()), possible, accounts, new_accounts, phones)


def _new_target(rec: ContactRecord) -> _Target:
    return _Target(existing=None, record=rec, first_line=rec.source_line, shared=True)


def _entries(found: Any) -> list[tuple[_Target, ContactRecord]]:
    if found is None:
        return []
    return found if isinstance(found, list) else [found]


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


_MERGED_COLUMNS = (*SCALAR_FIELDS, "website", "sort_key", "account_id")


def _existing_targets(
    session: Session, ids: set[uuid.UUID], phones: _PhoneKeys
) -> dict[uuid.UUID, _Target]:
    """Merge targets for existing live contacts: what they hold now, read in batches."""
    targets: dict[uuid.UUID, _Target] = {}
    columns = [getattr(Contact, f) for f in _MERGED_COLUMNS]
    for chunk in _chunks(sorted(ids), _QUERY_CHUNK):
        rows = session.execute(
            select(Contact.id, Contact.version, Contact.photo.is_not(None), *columns).where(
                Contact.id.in_(chunk), Contact.deleted_at.is_(None)
            )
        )
        for cid, version, has_photo, *values in rows:
            current = dict(zip(_MERGED_COLUMNS, values, strict=True))
            name = display_name(
                current["family_name"], current["given_name"], current["middle_name"]
            )
            targets[cid] = _Target(
                existing=cid,
                record=ContactRecord(),
                first_line=0,
                known_name=name or current["organization"],
                phone_keys=set(),
                email_keys=set(),
                address_keys=set(),
                tags=set(),
                empty=_empty_fields(current, current["website"], has_photo),
                filled=set(),
                has_account=current["account_id"] is not None,
                version=version,
                current=current,
                next_position={"phones": 0, "emails": 0, "addresses": 0},
                tag_ids=[],
            )
        live = [i for i in chunk if i in targets]
        if not live:
            continue
        # Deleted rows are skipped in Python, not SQL: given `deleted_at IS NULL` SQLite picks
        # the deleted_at index (every live row matches it) over the contact_id one.
        for cid, deleted, number, e164, position in session.execute(
            select(
                Phone.contact_id, Phone.deleted_at, Phone.number, Phone.e164, Phone.position
            ).where(Phone.contact_id.in_(live))
        ):
            if deleted is None:
                targets[cid].phone_keys.add(e164 or phones.key(number))
                _after(targets[cid], "phones", position)
        for cid, deleted, normalized, position in session.execute(
            select(Email.contact_id, Email.deleted_at, Email.normalized, Email.position).where(
                Email.contact_id.in_(live)
            )
        ):
            if deleted is None:
                targets[cid].email_keys.add(normalized)
                _after(targets[cid], "emails", position)
        parts = [getattr(Address, p) for p in ADDRESS_PARTS]
        for cid, deleted, position, *values in session.execute(
            select(Address.contact_id, Address.deleted_at, Address.position, *parts).where(
                Address.contact_id.in_(live)
            )
        ):
            if deleted is None:
                targets[cid].address_keys.add(tuple(_squash(v or "") for v in values))
                _after(targets[cid], "addresses", position)
        for cid, tag_id, name in session.execute(
            select(contact_tags.c.contact_id, Tag.id, Tag.name)
            .join(Tag, Tag.id == contact_tags.c.tag_id)
            .where(contact_tags.c.contact_id.in_(live))
        ):
            targets[cid].tags.add(name)
            targets[cid].tag_ids.append(str(tag_id))
    return targets


def _after(target: _Target, kind: str, position: int) -> None:
    target.next_position[kind] = max(target.next_position[kind], position + 1)


def _account_keys(session: Session) -> dict[str, tuple[uuid.UUID, str]]:
    """Live accounts (id, name) by organisation key (the oldest wins where two share a name)."""
    found: dict[str, tuple[uuid.UUID, str]] = {}
    for account_id, name in session.execute(
        select(Account.id, Account.name)
        .where(Account.deleted_at.is_(None))
        .order_by(Account.created_at, Account.id)
    ):
        found.setdefault(organisation_key(name), (account_id, name))
    return found


def _plan_for(
    session: Session,
    batch: ContactBatch | OrderBatch,
    make: Callable[..., Any],
    *,
    take: bool = False,
    **work: Any,
) -> Any:
    """The batch's plan, computed once while the database stays as it was: an import right after
    its preview does exactly what the preview showed without matching everything again (half
    the time of a 100k-row import). `take` (the import) removes it from the cache, so a retry
    after a failure plans afresh."""
    state = _database_state(session)
    cached = batch.__dict__.pop("_plan", None) if take else batch.__dict__.get("_plan")
    if cached is not None and cached[0] == state:
        return cached[1]
    plan = make(session, batch, **work)
    if not take:
        batch.__dict__["_plan"] = (state, plan)
    return plan


_STATE_SQL = text(
    "SELECT (SELECT max(rowid) FROM change_log), (SELECT max(rowid) FROM contacts), "
    "(SELECT max(rowid) FROM accounts), (SELECT max(rowid) FROM phones), "
    "(SELECT max(rowid) FROM emails), (SELECT max(rowid) FROM orders), "
    "(SELECT max(rowid) FROM products)"
)


def _database_state(session: Session) -> tuple[Any, ...]:
    """What changes whenever the rows a plan reads change: every ORM write adds change-log rows
    and bulk loads add rows (SQLite's rowids only grow here). Elsewhere: the transaction."""
    if session.get_bind().dialect.name != "sqlite":
        return (session.get_transaction(),)
    return tuple(session.execute(_STATE_SQL).one())


def _shown_name(rec: ContactRecord) -> str:
    return (
        display_name(rec.family_name, rec.given_name, rec.middle_name)
        or rec.organization
        or rec.formatted_name
    )


def _preview_row(fate: _Fate) -> PreviewRow:
    rec = fate.record or ContactRecord()
    return PreviewRow(
        line=fate.line,
        name=_shown_name(rec),
        organization=rec.organization,
        phone=rec.phones[0].number if rec.phones else "",
        email=rec.emails[0].address if rec.emails else "",
        city=next((a.city for a in rec.addresses if a.city), ""),
        action=fate.action,
        target=fate.target.name if fate.target and fate.action is not RowAction.NEW else "",
        reason=fate.reason,
    )


@without_gc
def preview_contacts(
    session: Session,
    batch: ContactBatch,
    *,
    rows: int = PREVIEW_ROWS,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportPreview:
    """What importing the batch will do: counts, the first rows as they will land, rejections.
    `progress(done, total)` hears how far the matching is; `cancelled()` stops it
    (ImportCancelled, nothing kept)."""
    plan: _ContactPlan = _plan_for(session, batch, _plan, progress=progress, cancelled=cancelled)
    counts = {action: 0 for action in RowAction}
    for fate in plan.fates:
        counts[fate.action] += 1
    return ImportPreview(
        source=batch.source,
        filename=batch.filename,
        total=len(plan.fates),
        new=counts[RowAction.NEW],
        updated=counts[RowAction.UPDATE],
        duplicate=counts[RowAction.DUPLICATE],
        rejected=counts[RowAction.REJECTED],
        accounts_to_create=len(plan.new_accounts),
        rows=tuple(_preview_row(f) for f in plan.fates[:rows]),
        rejections=tuple(Rejection(f.line, f.reason) for f in plan.rejected),
        possible_duplicates=tuple(plan.possible),
        new_accounts=tuple(plan.new_accounts.values()),
        headers=tuple(batch.headers),
        mapping=mapping_json(batch.mapping),
    )


_THIS_ROW = translatable("Messages", "this row could not be imported")


@contextlib.contextmanager
def _failing_at(line: int, what: str = _THIS_ROW) -> Iterator[None]:
    """An unexpected error becomes an ImportFailed naming the line and what failed (a marked
    text or a Text; the error's own words follow as they are). The caller rolls back."""
    try:
        yield
    except KnownError:
        raise
    except Exception as exc:
        raise ImportFailed(
            translatable("Messages", "%1: %2"), line=line or None, values=(as_text(what), exc)
        ) from exc


def _check(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise ImportCancelled()


def _clean(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


@without_gc
def import_contacts(
    session: Session,
    batch: ContactBatch,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    allow_rejected: bool = False,
) -> ImportResult:
    """Create and update exactly what `preview_contacts` shows, in the caller's transaction.

    Raises ImportFailed naming the first rejected line (unless `allow_rejected`), ImportCancelled
    when `cancelled()` turns true, and ImportFailed naming the line of any row that fails; in every
    case the caller's transaction rolls back and nothing of the file is left behind."""
    plan: _ContactPlan = _plan_for(session, batch, _plan, take=True, cancelled=cancelled)
    rejected = plan.rejected
    if rejected and not allow_rejected:
        raise ImportFailed(
            rejected[0].reason,
            line=rejected[0].line,
            hint=translatable(
                "Messages",
                "Nothing was imported (%1 row(s) cannot become contacts). "
                "Correct the file, or import without the rejected rows.",
            ),
            hint_values=(len(rejected),),
        )
    total, done = len(plan.fates), len(rejected)
    report = progress or (lambda _done, _total: None)
    report(done, total)
    _check(cancelled)
    created = [t for t in plan.targets if t.existing is None]
    merged = [t for t in plan.targets if t.existing is not None and _changes_anything(t)]
    new_ids: list[uuid.UUID] = []
    with _BulkWriter(session, background=True) as writer:
        accounts = _create_accounts(writer, plan)
        tag_ids = _tag_ids(writer, {t for target in plan.targets for t in target.record.tags})
        chunks = list(_chunks(created, CHUNK))
        for n, chunk in enumerate(chunks, 1):
            _check(cancelled)
            new_ids += _insert_contacts(
                writer, plan, chunk, accounts, tag_ids, final=n == len(chunks)
            )
            done += sum(t.rows for t in chunk)
            report(done, total)
        for chunk in _chunks(merged, _QUERY_CHUNK):
            _check(cancelled)
            _merge_contacts(writer, plan, chunk, accounts, tag_ids)
            done += sum(t.rows for t in chunk)
            report(done, total)
    _check(cancelled)
    session.expire_all()  # rows were written beside the ORM: nothing loaded may be stale
    if new_ids:
        refresh_stale_statistics(session.connection(), _CONTACT_TABLES)
    report(total, total)
    counts = {action: 0 for action in RowAction}
    for fate in plan.fates:
        counts[fate.action] += 1
    linked = {accounts[t.account_key][0] for t in plan.targets if t.account_key}
    if created or merged:  # a step to take back, named by its file and counts
        counted = [("created", "contacts", len(created)), ("edited", "contacts", len(merged))]
        _note_import(session, batch, [*counted, ("created", "accounts", len(plan.new_accounts))])
    return ImportResult(
        new=counts[RowAction.NEW],
        updated=counts[RowAction.UPDATE],
        duplicate=counts[RowAction.DUPLICATE],
        rejected=counts[RowAction.REJECTED],
        accounts_created=len(plan.new_accounts),
        changes=Changes(
            contacts=frozenset(new_ids) | frozenset(t.existing for t in merged if t.existing),
            accounts=frozenset(linked),
        ),
    )


# what an import writes to, so whose statistics it may have made stale (the change log's shape
# stays alike)
_CONTACT_TABLES = [
    t.name
    for t in (
        Contact.__table__,
        Phone.__table__,
        Email.__table__,
        Address.__table__,
        Account.__table__,
        Tag.__table__,
        contact_tags,
    )
]
_ORDER_TABLES = [
    t.name for t in (Order.__table__, OrderLine.__table__, Product.__table__, Account.__table__)
]


def _changes_anything(target: _Target) -> bool:
    rec = target.record
    added = rec.phones or rec.emails or rec.addresses or rec.tags
    return bool(target.changed or added or target.account_key)


def _create_accounts(writer: _BulkWriter, plan: _ContactPlan) -> dict[str, tuple[uuid.UUID, str]]:
    """(id, name) of every account the plan links to, creating the missing ones (once a name)."""
    accounts = dict(plan.accounts)
    failing = functools.partial(
        _failing_at, 0, translatable("Messages", "the new accounts could not be created")
    )
    with failing():
        for key, name in plan.new_accounts.items():
            name = name.strip()
            account_id = writer.add(Account, {"name": name, "sort_key": text_sort_key(name)})
            accounts[key] = (account_id, name)
            writer.document(fulltext.ACCOUNT, account_id, _account_text(name))
    writer.flush(failing)
    return accounts


def _tag_ids(writer: _BulkWriter, names: set[str]) -> dict[str, uuid.UUID]:
    """Ids of the named tags, creating the missing ones (names kept as written)."""
    ids: dict[str, uuid.UUID] = {}
    for chunk in _chunks(sorted(names), _QUERY_CHUNK):
        found = writer.connection().execute(select(Tag.name, Tag.id).where(Tag.name.in_(chunk)))
        ids.update(found.all())
    failing = functools.partial(
        _failing_at, 0, translatable("Messages", "the new tags could not be created")
    )
    with failing():
        for name in sorted(names - ids.keys()):
            tag_id = writer.add(Tag, {"name": name})
            ids[name] = tag_id
    writer.flush(failing)
    return ids


def _insert_contacts(
    writer: _BulkWriter,
    plan: _ContactPlan,
    targets: Sequence[_Target],
    accounts: dict[str, tuple[uuid.UUID, str]],
    tag_ids: dict[str, uuid.UUID],
    *,
    final: bool,
) -> list[uuid.UUID]:
    ids: list[uuid.UUID] = []
    tagged: list[tuple[uuid.UUID, list[str]]] = []
    for target in targets:
        with _failing_at(target.first_line):
            rec = target.record
            values = {f: _clean(getattr(rec, f)) for f in SCALAR_FIELDS}
            account_id, account_name = accounts.get(target.account_key, (None, ""))
            values.update(
                photo=rec.photo,
                website=rec.websites[0].strip() if rec.websites else "",
                account_id=account_id,
                sort_key=contact_sort_key(
                    values["family_name"], values["given_name"], values["organization"]
                ),
            )
            cid = writer.add(Contact, values)
            ids.append(cid)
            numbers, mails, places = [], [], []
            for i, phone in enumerate(rec.phones):
                numbers.append(_phone_values(plan, phone) | {"contact_id": cid, "position": i})
                writer.add(Phone, numbers[-1])
            for i, email in enumerate(rec.emails):
                mails.append(_email_values(email) | {"contact_id": cid, "position": i})
                writer.add(Email, mails[-1])
            for i, address in enumerate(rec.addresses):
                places.append(_address_values(address) | {"contact_id": cid, "position": i})
                writer.add(Address, places[-1])
            for name in rec.tags:
                writer.link(contact_tags, {"contact_id": cid, "tag_id": tag_ids[name]})
            if rec.tags:
                tagged.append((cid, [str(tag_ids[name]) for name in rec.tags]))
            body = _contact_text(
                values,
                account_name,
                [p["number"] for p in numbers],
                [e["address"] for e in mails],
                places,
                rec.tags,
            )
            writer.document(fulltext.CONTACT, cid, body)
    # The ORM logs a new contact's tags as a change of its `tags`: no tag ids, then these.
    for cid, tag_list in tagged:
        writer.log(ChangeAction.UPDATE, "contacts", cid, "tags", [], sorted(tag_list))
    writer.flush_rows(
        targets[0].first_line,
        targets[-1].first_line,
        translatable("Messages", "the rows from line %1 to %2 could not be saved"),
        final=final,
    )
    return ids


def _phone_values(plan: _ContactPlan, phone: PhoneRecord) -> dict[str, Any]:
    number = phone.number.strip()
    return {
        "number": number,
        "kind": phone.kind,
        "is_primary": phone.primary,
        "e164": plan.phones.e164(number),
    }


def _email_values(email: EmailRecord) -> dict[str, Any]:
    return {
        "address": email.address.strip(),
        "kind": email.kind,
        "is_primary": email.primary,
        "normalized": normalize_email(email.address),
    }


def _address_values(address: AddressRecord) -> dict[str, Any]:
    parts = {part: getattr(address, part).strip() for part in ADDRESS_PARTS}
    return {**parts, "kind": address.kind, "is_primary": address.primary}


def _merge_contacts(
    writer: _BulkWriter,
    plan: _ContactPlan,
    targets: Sequence[_Target],
    accounts: dict[str, tuple[uuid.UUID, str]],
    tag_ids: dict[str, uuid.UUID],
) -> None:
    """Merge additions into existing contacts: fill their empty fields (a stale-checked UPDATE,
    logged field by field as the ORM logs an edit), add phones, e-mails, addresses and tags after
    theirs, and re-index them."""
    contacts = writer.pending(Contact)
    for target in targets:
        cid, rec, current, filled = target.existing, target.record, target.current, target.changed
        assert cid is not None and current is not None
        assert target.next_position is not None and target.tag_ids is not None
        with _failing_at(target.first_line):
            changed: dict[str, Any] = {}
            for name in filled & set(SCALAR_FIELDS):
                changed[name] = _clean(getattr(rec, name))
            if "website" in filled:
                changed["website"] = rec.websites[0].strip()
            if "photo" in filled:
                changed["photo"] = rec.photo
            if filled & {"family_name", "given_name", "organization"}:
                merged = {**current, **changed}
                changed["sort_key"] = contact_sort_key(
                    merged["family_name"], merged["given_name"], merged["organization"]
                )
            if target.account_key and current["account_id"] is None:
                changed["account_id"] = accounts[target.account_key][0]
            changed = {k: v for k, v in changed.items() if v != current.get(k)}
            for name, value in changed.items():
                old = current.get(name)  # a photo is only ever filled: it had none
                writer.log(
                    ChangeAction.UPDATE,
                    "contacts",
                    cid,
                    name,
                    None if old is None else _json_value(old),
                    None if value is None else _json_value(value),
                )
            assignments = [*(f"{contacts.quoted(k)} = ?" for k in changed), "updated_at = ?"]
            done = writer.connection().exec_driver_sql(
                f"UPDATE contacts SET {', '.join(assignments)}, version = version + 1"
                " WHERE id = ? AND version = ?",
                (
                    *(contacts.bind(k, v) for k, v in changed.items()),
                    contacts.bind("updated_at", writer.now),
                    contacts.bind("id", cid),
                    target.version,
                ),
            )
            if done.rowcount != 1:
                raise StaleRecordError(
                    translatable(
                        "Messages", "%1 was changed elsewhere while the file was being imported."
                    ),
                    translatable("Messages", "Import the file again."),
                    values=(target.name,),
                )
            for kind, model, items, values in (
                ("phones", Phone, rec.phones, lambda p: _phone_values(plan, p)),
                ("emails", Email, rec.emails, _email_values),
                ("addresses", Address, rec.addresses, _address_values),
            ):
                position = target.next_position[kind]
                for offset, item in enumerate(items):
                    row = values(item) | {"contact_id": cid, "position": position + offset}
                    writer.add(model, row | {"is_primary": False})
            if rec.tags:
                added = [str(tag_ids[name]) for name in rec.tags]
                for tag_id in added:
                    writer.link(contact_tags, {"contact_id": cid, "tag_id": uuid.UUID(tag_id)})
                writer.log(
                    ChangeAction.UPDATE,
                    "contacts",
                    cid,
                    "tags",
                    sorted(target.tag_ids),
                    sorted(target.tag_ids + added),
                )
    first = targets[0].first_line
    with _failing_at(first, translatable("Messages", "the merged contacts could not be saved")):
        writer.flush()
        fulltext.reindex(writer.connection(), fulltext.CONTACT, [t.existing for t in targets])


# =================================================================================================
# Orders (sales history)
# =================================================================================================


class OrderAction(enum.StrEnum):
    NEW = "new"
    DUPLICATE = "duplicate"  # an order with this number is already on the account
    UNMATCHED = "unmatched"  # no account matches its customer
    REJECTED = "rejected"


class MatchedBy(enum.StrEnum):
    CODE = "code"
    NAME = "name"
    EMAIL = "email"


_AMBIGUOUS_CUSTOMER = {
    MatchedBy.CODE: translatable("Import", "%1 accounts match the customer's code"),
    MatchedBy.NAME: translatable("Import", "%1 accounts match the customer's name"),
}


@dataclass(frozen=True)
class OrderPreviewRow:
    line: int
    customer: str
    number: str
    ordered_on: dt.date | None
    amount: Decimal | None
    currency: str
    lines: int
    account: str
    matched_by: str
    action: OrderAction
    reason: str = ""


@dataclass(frozen=True)
class UnmatchedOrder:
    """A row whose customer matches no account: its line and the customer it names."""

    line: int
    customer: str
    reason: str


@dataclass(frozen=True)
class OrderPreview:
    source: str
    filename: str
    total: int
    new: int
    duplicate: int
    unmatched: int
    rejected: int
    matched_by_code: int
    matched_by_name: int
    matched_by_email: int
    products_to_create: int
    rows: tuple[OrderPreviewRow, ...]
    unmatched_rows: tuple[UnmatchedOrder, ...]
    rejections: tuple[Rejection, ...]
    new_products: tuple[str, ...]
    headers: tuple[str, ...]
    mapping: Any


@dataclass(frozen=True)
class OrderImportResult:
    new: int
    duplicate: int
    unmatched: int  # skipped (only when allowed)
    rejected: int  # skipped (only when allowed)
    products_created: int
    changes: Changes


@dataclass
class _OrderFate:
    line: int
    record: OrderRecord | None
    action: OrderAction
    customer: str = ""
    account_id: uuid.UUID | None = None
    account_name: str = ""
    contact_id: uuid.UUID | None = None
    matched_by: str = ""
    reason: str = ""
    amount: Decimal | None = None


@dataclass
class _OrderPlan:
    fates: list[_OrderFate]
    products: dict[str, uuid.UUID]  # product key -> existing product
    new_products: dict[str, str]  # product key -> name of the product to create
    product_codes: set[str]  # codes in use, so a new product's code is unique

    def of(self, *actions: OrderAction) -> list[_OrderFate]:
        return [f for f in self.fates if f.action in actions]


def _customer(rec: OrderRecord) -> str:
    """The customer as the row names it, for the user: 'name (code) <email>'."""
    parts = [rec.customer_name.strip()]
    if rec.customer_code.strip():
        parts.append(f"({rec.customer_code.strip()})")
    if rec.customer_email.strip():
        parts.append(f"<{rec.customer_email.strip()}>")
    return " ".join(p for p in parts if p)


def _line_values(line: OrderLineRecord) -> tuple[Decimal, Decimal, Decimal]:
    """(quantity, unit price, amount) of an order line, each derived from the others if absent."""
    quantity = line.quantity if line.quantity is not None else Decimal(1)
    price, amount = line.unit_price, line.amount
    if amount is None:
        amount = (price or Decimal(0)) * quantity
    if price is None:
        price = amount / quantity if quantity else Decimal(0)
    return quantity, price, amount


def _order_amount(rec: OrderRecord) -> Decimal | None:
    if rec.amount is not None:
        return rec.amount
    if rec.lines:
        return sum((_line_values(line)[2] for line in rec.lines), Decimal(0))
    return None


def _order_problem(rec: OrderRecord) -> str:
    if not (rec.customer_name.strip() or rec.customer_code.strip() or rec.customer_email.strip()):
        return translatable("Import", "no customer (name, code or e-mail)")
    if rec.ordered_on is None:
        return translatable("Import", "no order date")
    try:
        amount = _order_amount(rec)
    except (InvalidOperation, ArithmeticError) as exc:
        return Text(translatable("Import", "the amounts cannot be computed: %1"), exc)
    if amount is None:
        return translatable("Import", "no amount and no order lines")
    return ""


def _product_key(value: str) -> str:
    return _squash(value)


def _order_plan(session: Session, batch: OrderBatch) -> _OrderPlan:
    fates = [
        _OrderFate(p.line, None, OrderAction.REJECTED, reason=p.reason) for p in batch.problems
    ]
    by_code: dict[str, list[tuple[uuid.UUID, str]]] = defaultdict(list)
    by_name: dict[str, list[tuple[uuid.UUID, str]]] = defaultdict(list)
    for account_id, name, code in session.execute(
        select(Account.id, Account.name, Account.code)
        .where(Account.deleted_at.is_(None))
        .order_by(Account.created_at, Account.id)
    ):
        by_name[organisation_key(name)].append((account_id, name))
        if code.strip():
            by_code[_squash(code)].append((account_id, name))
    by_email = _accounts_by_email(
        session, {normalize_email(r.customer_email) for r in batch.records if r.customer_email}
    )
    taken = _order_numbers(session, {r.number.strip() for r in batch.records if r.number.strip()})
    for rec in batch.records:
        fate = _OrderFate(rec.source_line, rec, OrderAction.NEW, customer=_customer(rec))
        fates.append(fate)
        fate.reason = _order_problem(rec)
        if fate.reason:
            fate.action = OrderAction.REJECTED
            continue
        fate.amount = _order_amount(rec)
        candidates = [
            (
                MatchedBy.CODE,
                by_code.get(_squash(rec.customer_code), []) if rec.customer_code.strip() else [],
            ),
            (
                MatchedBy.NAME,
                by_name.get(organisation_key(rec.customer_name), [])
                if rec.customer_name.strip()
                else [],
            ),
        ]
        for how, found in candidates:
            if len(found) == 1:
                (fate.account_id, fate.account_name), fate.matched_by = found[0], how
                break
            if len(found) > 1 and not fate.reason:
                fate.reason = Text(_AMBIGUOUS_CUSTOMER[how], len(found))
        if fate.account_id is None and rec.customer_email.strip():
            hit = by_email.get(normalize_email(rec.customer_email))
            if hit is not None:
                fate.account_id, fate.account_name, fate.contact_id = hit
                fate.matched_by = MatchedBy.EMAIL
        if fate.account_id is None:
            fate.action = OrderAction.UNMATCHED
            fate.reason = fate.reason or Text(
                translatable("Import", "no account matches the customer %1"), fate.customer
            )
            continue
        fate.reason = ""
        number = rec.number.strip()
        if number and (fate.account_id, number) in taken:
            fate.action = OrderAction.DUPLICATE
            fate.reason = Text(
                translatable("Import", "order %1 of %2 is already there"),
                number,
                fate.account_name,
            )
        elif number:
            taken.add((fate.account_id, number))
    fates.sort(key=lambda f: f.line)
    products, codes, new_products = _plan_products(session, fates)
    return _OrderPlan(fates, products, new_products, codes)


def _accounts_by_email(
    session: Session, emails: set[str]
) -> dict[str, tuple[uuid.UUID, str, uuid.UUID | None]]:
    """E-mail -> (account, its name, the contact) for contacts at an account, and accounts'
    own e-mails; the first live one found wins. (Deleted rows are skipped in Python: given
    `deleted_at IS NULL` in SQL, SQLite would pick that index over the e-mail one.)"""
    found: dict[str, tuple[uuid.UUID, str, uuid.UUID | None]] = {}
    for chunk in _chunks(sorted(e for e in emails if e), _QUERY_CHUNK):
        rows = session.execute(
            select(
                Email.normalized,
                Account.id,
                Account.name,
                Contact.id,
                Email.deleted_at,
                Contact.deleted_at,
                Account.deleted_at,
            )
            .join(Contact, Contact.id == Email.contact_id)
            .join(Account, Account.id == Contact.account_id)
            .where(Email.normalized.in_(chunk))
            .order_by(Contact.created_at)
        )
        for normalized, account_id, name, contact_id, *deleted in rows:
            if deleted == [None, None, None]:
                found.setdefault(normalized, (account_id, name, contact_id))
        for normalized, account_id, name, *deleted in session.execute(
            select(Email.normalized, Account.id, Account.name, Email.deleted_at, Account.deleted_at)
            .join(Account, Account.id == Email.account_id)
            .where(Email.normalized.in_(chunk))
        ):
            if deleted == [None, None]:
                found.setdefault(normalized, (account_id, name, None))
    return found


def _order_numbers(session: Session, numbers: set[str]) -> set[tuple[uuid.UUID, str]]:
    """(account, number) of the live orders with these numbers."""
    taken: set[tuple[uuid.UUID, str]] = set()
    for chunk in _chunks(sorted(numbers), _QUERY_CHUNK):
        for account_id, number, deleted in session.execute(
            select(Order.account_id, Order.number, Order.deleted_at).where(Order.number.in_(chunk))
        ):
            if deleted is None:
                taken.add((account_id, number))
    return taken


def _plan_products(
    session: Session, fates: list[_OrderFate]
) -> tuple[dict[str, uuid.UUID], set[str], dict[str, str]]:
    """Products the new orders' lines name: matched by code, then by name; the rest to create."""
    products: dict[str, uuid.UUID] = {}
    codes: set[str] = set()
    by_name: dict[str, uuid.UUID] = {}
    for product_id, code, name in session.execute(
        select(Product.id, Product.code, Product.name).order_by(Product.created_at)
    ):
        codes.add(code)
        products.setdefault(_product_key(code), product_id)
        by_name.setdefault(_product_key(name), product_id)
    for key, product_id in by_name.items():
        products.setdefault(key, product_id)
    new_products: dict[str, str] = {}
    for fate in fates:
        if fate.action is OrderAction.NEW and fate.record is not None:
            for line in fate.record.lines:
                key = _product_key(line.product)
                if key and key not in products:
                    new_products.setdefault(key, line.product.strip())
    return products, codes, new_products


def _order_row(fate: _OrderFate) -> OrderPreviewRow:
    rec = fate.record or OrderRecord()
    return OrderPreviewRow(
        line=fate.line,
        customer=fate.customer,
        number=rec.number,
        ordered_on=rec.ordered_on,
        amount=fate.amount,
        currency=_currency(rec.currency),
        lines=len(rec.lines),
        account=fate.account_name,
        matched_by=str(fate.matched_by),
        action=fate.action,
        reason=fate.reason,
    )


def _currency(value: str) -> str:
    return (value.strip().upper() or "CNY")[:3]


@without_gc
def preview_orders(
    session: Session, batch: OrderBatch, *, rows: int = PREVIEW_ROWS
) -> OrderPreview:
    """What importing the orders will do: counts, how customers matched, unmatched rows."""
    plan: _OrderPlan = _plan_for(session, batch, _order_plan)
    counts = {action: len(plan.of(action)) for action in OrderAction}
    matched = [f for f in plan.fates if f.action in (OrderAction.NEW, OrderAction.DUPLICATE)]
    by = {how: sum(1 for f in matched if f.matched_by == how) for how in MatchedBy}
    return OrderPreview(
        source=batch.source,
        filename=batch.filename,
        total=len(plan.fates),
        new=counts[OrderAction.NEW],
        duplicate=counts[OrderAction.DUPLICATE],
        unmatched=counts[OrderAction.UNMATCHED],
        rejected=counts[OrderAction.REJECTED],
        matched_by_code=by[MatchedBy.CODE],
        matched_by_name=by[MatchedBy.NAME],
        matched_by_email=by[MatchedBy.EMAIL],
        products_to_create=len(plan.new_products),
        rows=tuple(_order_row(f) for f in plan.fates[:rows]),
        unmatched_rows=tuple(
            UnmatchedOrder(f.line, f.customer, f.reason) for f in plan.of(OrderAction.UNMATCHED)
        ),
        rejections=tuple(Rejection(f.line, f.reason) for f in plan.of(OrderAction.REJECTED)),
        new_products=tuple(plan.new_products.values()),
        headers=tuple(batch.headers),
        mapping=mapping_json(batch.mapping),
    )


@without_gc
def import_orders(
    session: Session,
    batch: OrderBatch,
    *,
    allow_unmatched: bool = False,
    allow_rejected: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> OrderImportResult:
    """Orders and their lines, in the caller's transaction; products created when missing.

    Unmatched and rejected rows stop the import (naming the first line) unless allowed, in which
    case they are skipped; orders already on the account (same number) are skipped."""
    plan: _OrderPlan = _plan_for(session, batch, _order_plan, take=True)
    rejected, unmatched = plan.of(OrderAction.REJECTED), plan.of(OrderAction.UNMATCHED)
    for refused, allowed, hint in (
        (
            rejected,
            allow_rejected,
            translatable("Messages", "Nothing was imported (%1 row(s) cannot be read as orders)."),
        ),
        (
            unmatched,
            allow_unmatched,
            translatable("Messages", "Nothing was imported (%1 row(s) match no account)."),
        ),
    ):
        if refused and not allowed:
            raise ImportFailed(
                refused[0].reason, line=refused[0].line, hint=hint, hint_values=(len(refused),)
            )
    new = plan.of(OrderAction.NEW)
    total, done = len(plan.fates), len(plan.fates) - len(new)
    report = progress or (lambda _done, _total: None)
    report(done, total)
    _check(cancelled)
    order_ids: list[uuid.UUID] = []
    with _BulkWriter(session, background=True) as writer:
        products = _create_products(writer, plan)
        chunks = list(_chunks(new, CHUNK))
        for n, chunk in enumerate(chunks, 1):
            _check(cancelled)
            order_ids += _insert_orders(writer, chunk, products, final=n == len(chunks))
            done += len(chunk)
            report(done, total)
    _check(cancelled)
    session.expire_all()
    if order_ids:
        refresh_stale_statistics(session.connection(), _ORDER_TABLES)
    if new:
        _note_import(
            session,
            batch,
            [("created", "orders", len(new)), ("created", "products", len(plan.new_products))],
        )
    return OrderImportResult(
        new=len(new),
        duplicate=len(plan.of(OrderAction.DUPLICATE)),
        unmatched=len(unmatched),
        rejected=len(rejected),
        products_created=len(plan.new_products),
        changes=Changes(
            orders=frozenset(order_ids),
            accounts=frozenset(f.account_id for f in new if f.account_id),
        ),
    )


def _note_import(
    session: Session, batch: ContactBatch | OrderBatch, counts: list[tuple[str, str, int]]
) -> None:
    """The import as History names it: its file and what it created and edited."""
    note_batch(session, "import", {"file": Path(batch.filename).name, "counts": counts})


def _create_products(writer: _BulkWriter, plan: _OrderPlan) -> dict[str, uuid.UUID]:
    ids = dict(plan.products)
    codes = set(plan.product_codes)
    with _failing_at(0, translatable("Messages", "the new products could not be created")):
        for key, name in plan.new_products.items():
            code, n = name[:60], 1
            while code in codes:
                n += 1
                code = f"{name[:55]}-{n}"
            codes.add(code)
            product_id = writer.add(Product, {"code": code, "name": name})
            ids[key] = product_id
        writer.flush()
    return ids


def _insert_orders(
    writer: _BulkWriter,
    fates: Sequence[_OrderFate],
    products: dict[str, uuid.UUID],
    *,
    final: bool,
) -> list[uuid.UUID]:
    ids: list[uuid.UUID] = []
    for fate in fates:
        rec = fate.record
        assert rec is not None and fate.account_id is not None
        with _failing_at(fate.line):
            order_id = writer.add(
                Order,
                {
                    "number": rec.number.strip(),
                    "account_id": fate.account_id,
                    "contact_id": fate.contact_id,
                    "ordered_on": rec.ordered_on,
                    "amount": fate.amount,
                    "currency": _currency(rec.currency),
                },
            )
            ids.append(order_id)
            for position, line in enumerate(rec.lines):
                quantity, price, amount = _line_values(line)
                writer.add(
                    OrderLine,
                    {
                        "order_id": order_id,
                        "product_id": products.get(_product_key(line.product)),
                        "position": position,
                        "description": line.product.strip(),
                        "quantity": quantity,
                        "unit_price": price,
                        "amount": amount,
                    },
                )
    writer.flush_rows(
        fates[0].line,
        fates[-1].line,
        translatable("Messages", "the orders from line %1 to %2 could not be saved"),
        final=final,
    )
    return ids
