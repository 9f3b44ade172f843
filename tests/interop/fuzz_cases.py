"""Hostile variants of the real files in ../shared/interop, and one importer run over each.

Shared by the property tests (tests/interop/test_fuzz.py, a few cases each) and bench/fuzz.py
(many). A run reads the file, previews and imports it in one transaction, and reports how it
ended: imported, or refused with a KnownError; anything else is the bug the tests look for."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st
from sqlalchemy import func, select

from crmdesk.core.errors import ImportFailed, KnownError
from crmdesk.interop import tabular
from crmdesk.models import Account, CalendarEvent, Contact, Order, OrderLine, Product
from crmdesk.store.db import Database

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "interop"

ORDERS_CSV = (
    "订单号,客户名称,客户编码,下单日期,产品,数量,单价,金额\n"
    "SO-1,Acme Trading,C-001,2024-03-01,Widget,3,19.99,59.97\n"
    "SO-2,华夏贸易有限公司,,2024/03/02,电缆 5m,1,120,120\n"
    "SO-3,Nobody Ltd,,2024-03-03,Gadget,2,,40\n"
    "SO-4,acme trading,,01.04.2024,Widget,1,19.99,19.99\n"
).encode()


@functools.cache
def sources(kind: str) -> list[tuple[str, bytes]]:
    """(name, bytes) of the real files an importer of `kind` is fuzzed with (made once: a
    workbook written holds its time, and a draw must see the same bytes each time)."""
    if kind == "vcard":
        return [(p.name, p.read_bytes()) for p in sorted((SHARED / "vcards").glob("*.vcf"))]
    if kind == "ics":
        return [(p.name, p.read_bytes()) for p in sorted((SHARED / "calendars").glob("*.ics"))]
    if kind == "csv":
        return [(p.name, p.read_bytes()) for p in sorted((SHARED / "csv").glob("*.csv"))]
    if kind == "orders":
        return [("orders.csv", ORDERS_CSV)]
    if kind == "xlsx":
        table = tabular.read_table(sources("csv")[0][1], "contacts.csv")
        rows = [row.values for row in table.rows]
        return [("contacts.xlsx", tabular.write_table_xlsx(table.headers, rows))]
    raise ValueError(kind)


KINDS = ("vcard", "ics", "csv", "xlsx", "orders")

# ---------------------------------------------------------------------------------------------
# Mutations: each takes the file's bytes and a draw, and gives other bytes
# ---------------------------------------------------------------------------------------------


def _truncate(data: bytes, draw: Callable) -> bytes:
    return data[: draw(st.integers(0, len(data)))]


def _flip(data: bytes, draw: Callable) -> bytes:
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 8))):
        if out:
            out[draw(st.integers(0, len(out) - 1))] ^= 1 << draw(st.integers(0, 7))
    return bytes(out)


def _nuls(data: bytes, draw: Callable) -> bytes:
    at = draw(st.integers(0, len(data)))
    return data[:at] + b"\0" * draw(st.integers(1, 64)) + data[at:]


def _huge_line(data: bytes, draw: Callable) -> bytes:
    at = data.find(b"\n", draw(st.integers(0, len(data)))) + 1
    filler = draw(st.sampled_from([b"x", b"\xe9\xbe\x99", b",", b'"', b";", b"=", b"\t"]))
    return data[:at] + filler * draw(st.integers(10_000, 400_000)) + b"\n" + data[at:]


def _encoding(data: bytes, draw: Callable) -> bytes:
    text = data.decode("utf-8", errors="replace")
    codec = draw(st.sampled_from(["utf-16-le", "utf-16-be", "utf-32", "gb18030", "shift_jis",
                                  "cp1252", "latin-1", "big5"]))  # fmt: skip
    return text.encode(codec, errors="replace")


def _repeat_header(data: bytes, draw: Callable) -> bytes:
    first, sep, rest = data.partition(b"\n")
    field = draw(st.sampled_from(first.split(b",") or [b"Name"]))
    count = draw(st.integers(2, 900))
    return b",".join([first.rstrip(b"\r"), *([field] * count)]) + sep + rest


def _many_columns(data: bytes, draw: Callable) -> bytes:
    width = draw(st.sampled_from([200, 999, 1001, 5000]))
    lines = data.split(b"\n")
    return b"\n".join(line.rstrip(b"\r") + b",x" * width for line in lines[:50])


def _splice(data: bytes, draw: Callable) -> bytes:
    """A piece of the file copied over another place: repeated BEGIN/END, properties, rows."""
    if len(data) < 2:
        return data
    a = draw(st.integers(0, len(data) - 1))
    b = draw(st.integers(a, min(len(data), a + 2000)))
    at = draw(st.integers(0, len(data)))
    return data[:at] + data[a:b] * draw(st.integers(1, 50)) + data[at:]


MUTATIONS: dict[str, Callable[[bytes, Callable], bytes]] = {
    "truncate": _truncate,
    "flip": _flip,
    "nuls": _nuls,
    "huge_line": _huge_line,
    "encoding": _encoding,
    "repeat_header": _repeat_header,
    "many_columns": _many_columns,
    "splice": _splice,
}


@st.composite
def hostile_files(draw: Callable, kind: str) -> tuple[str, str, bytes]:
    """(mutation names, file name, bytes): a real file with one to three mutations."""
    name, data = draw(st.sampled_from(sources(kind)))
    names = draw(st.lists(st.sampled_from(sorted(MUTATIONS)), min_size=1, max_size=3))
    if kind == "xlsx" and draw(st.booleans()):
        return _hostile_workbook(draw, names)
    for mutation in names:
        data = MUTATIONS[mutation](data, draw)
    return "+".join(names), name, data


def _hostile_workbook(draw: Callable, names: list[str]) -> tuple[str, str, bytes]:
    """A well-formed workbook whose cells are hostile: the CSV mutated, then saved as xlsx."""
    data = sources("csv")[0][1]
    for mutation in names:
        data = MUTATIONS[mutation](data, draw)
    try:
        table = tabular.read_table(data, "contacts.csv")
    except KnownError:
        return "+".join(names), "contacts.csv", data
    book = tabular.write_table_xlsx(table.headers, [row.values for row in table.rows])
    # (the workbook's own time differs from run to run; nothing is drawn after it)
    return "cells:" + "+".join(names), "contacts.xlsx", book


# ---------------------------------------------------------------------------------------------
# One run
# ---------------------------------------------------------------------------------------------

_TABLES = (Contact, Account, Order, OrderLine, Product, CalendarEvent)


def row_counts(db: Database) -> dict[str, int]:
    with db.reading() as session:
        return {
            m.__tablename__: session.scalar(select(func.count()).select_from(m)) or 0
            for m in _TABLES
        }


@dataclass(frozen=True)
class Outcome:
    """How one run ended: "imported" or "refused" (a KnownError), and how long it took."""

    ending: str
    seconds: float
    message: str = ""
    line: int | None = None


def run(db: Database, kind: str, name: str, data: bytes) -> Outcome:
    """Read, preview and import `data` as `kind` in one transaction; a KnownError is an
    outcome, any other exception propagates (it is a bug)."""
    start = time.perf_counter()
    try:
        _import(db, kind, name, data)
    except KnownError as exc:
        line = exc.line if isinstance(exc, ImportFailed) else None
        return Outcome("refused", time.perf_counter() - start, str(exc), line)
    return Outcome("imported", time.perf_counter() - start)


def _import(db: Database, kind: str, name: str, data: bytes) -> None:
    from crmdesk.services import importing

    if kind == "ics":
        from crmdesk.interop.ics import read_calendar
        from crmdesk.services.calendar_import import import_calendar, plan_calendar_import

        calendar = read_calendar(data, name)
        with db.transaction() as session:
            plan_calendar_import(session, calendar)
            import_calendar(session, calendar)
        return
    if kind == "orders":
        batch = importing.read_order_data(data, name)
        with db.transaction() as session:
            importing.preview_orders(session, batch)
            importing.import_orders(session, batch, allow_unmatched=True, allow_rejected=True)
        return
    contacts = importing.read_contact_data(data, name)
    with db.transaction() as session:
        importing.preview_contacts(session, contacts)
        importing.import_contacts(session, contacts, allow_rejected=True)


def strict_run(db: Database, kind: str, name: str, data: bytes) -> Outcome:
    """`run` with rejected rows refusing the import (the default of the window and the CLI),
    so a refusal mid-import is tried too."""
    from crmdesk.services import importing

    if kind not in ("csv", "xlsx", "vcard"):
        return run(db, kind, name, data)
    start = time.perf_counter()
    try:
        contacts = importing.read_contact_data(data, name)
        with db.transaction() as session:
            importing.import_contacts(session, contacts)
    except KnownError as exc:
        line = exc.line if isinstance(exc, ImportFailed) else None
        return Outcome("refused", time.perf_counter() - start, str(exc), line)
    return Outcome("imported", time.perf_counter() - start)

