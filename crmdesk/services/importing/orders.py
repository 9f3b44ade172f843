"""Order (sales history) imports: customers matched to accounts by code, name or e-mail, products
matched or created, orders written in one transaction."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import String, select
from sqlalchemy.orm import Session

from crmdesk.core.errors import ImportFailed
from crmdesk.core.gc_pause import without_gc
from crmdesk.core.texts import Text, translatable
from crmdesk.interop.records import (
    OrderLineRecord,
    OrderRecord,
)
from crmdesk.models import (
    Account,
    Contact,
    Email,
    Order,
    OrderLine,
    Product,
)
from crmdesk.models.base import Money
from crmdesk.services.changes import Changes
from crmdesk.services.importing import common
from crmdesk.services.importing.common import (
    PREVIEW_ROWS,
    QUERY_CHUNK,
    Cancelled,
    Progress,
    check_cancelled,
    failing_at,
    in_chunks,
    note_import,
    organisation_key,
    plan_for,
    squash,
)
from crmdesk.services.importing.files import OrderBatch, Rejection, mapping_json
from crmdesk.services.normalize import amount_problem, normalize_email
from crmdesk.store.bulk import BulkWriter
from crmdesk.store.db import refresh_stale_statistics

# =================================================================================================
# Orders (sales history)
# =================================================================================================


_ORDER_TABLES = [
    t.name for t in (Order.__table__, OrderLine.__table__, Product.__table__, Account.__table__)
]


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


def _order_problem(rec: OrderRecord) -> str | Text:
    """Why a row cannot become an order, or "": the preview and the import both ask this, so
    the preview never accepts what the database cannot store."""
    if not (rec.customer_name.strip() or rec.customer_code.strip() or rec.customer_email.strip()):
        return translatable("Import", "no customer (name, code or e-mail)")
    if rec.ordered_on is None:
        return translatable("Import", "no order date")
    if too_long := _text_problem(rec):
        return too_long
    try:
        amount = _order_amount(rec)
        if problem := _amounts_problem(rec, amount):
            return problem
    except (InvalidOperation, ArithmeticError) as exc:
        return Text(translatable("Import", "the amounts cannot be computed: %1"), exc)
    if amount is None:
        return translatable("Import", "no amount and no order lines")
    return ""


_PRICE = Money(scale=4)
_QUANTITY_LIMIT = Decimal(10) ** 14  # Numeric(18, 4)
_TOTAL = translatable("Import", "The order's total")
_PRICE_WORD = translatable("Import", "A unit price")
_LINE_WORD = translatable("Import", "A line's amount")


def _amounts_problem(rec: OrderRecord, amount: Decimal | None) -> str | Text | None:
    """The first amount, price or quantity of the order that its column cannot hold."""
    if amount is not None and (problem := amount_problem(amount, _TOTAL)):
        return problem
    for line in rec.lines:
        quantity, price, line_amount = _line_values(line)
        if not (quantity.is_finite() and abs(quantity) < _QUANTITY_LIMIT):
            return Text(
                translatable("Import", "the quantity %1 is out of range"),
                _short(format(quantity, "f")),
            )
        if problem := amount_problem(price, _PRICE_WORD, _PRICE) or amount_problem(
            line_amount, _LINE_WORD
        ):
            return problem
    return None


def _text_problem(rec: OrderRecord) -> Text | None:
    """An order number or product name longer than its column (the form's limit)."""
    number, limit = rec.number.strip(), _width(Order.__table__.c.number)
    if len(number) > limit:
        return _too_long(translatable("Import", "The order number"), len(number), limit)
    limit = min(_width(Product.__table__.c.name), _width(OrderLine.__table__.c.description))
    for line in rec.lines:
        if len(product := line.product.strip()) > limit:
            return _too_long(translatable("Import", "A product"), len(product), limit)
    return None


def _width(column: Any) -> int:
    """The characters a String(n) column holds."""
    assert isinstance(column.type, String) and column.type.length
    return column.type.length


def _too_long(what: str, length: int, limit: int) -> Text:
    return Text(
        translatable("Validation", "%1 is too long: %2 characters, at most %3 fit."),
        Text(what),
        length,
        limit,
    )


def _short(text: str) -> str:
    return text if len(text) <= 24 else f"{text[:10]}…{text[-10:]}"


def _product_key(value: str) -> str:
    return squash(value)


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
            by_code[squash(code)].append((account_id, name))
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
                by_code.get(squash(rec.customer_code), []) if rec.customer_code.strip() else [],
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
    for chunk in in_chunks(sorted(e for e in emails if e), QUERY_CHUNK):
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
    for chunk in in_chunks(sorted(numbers), QUERY_CHUNK):
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
    plan: _OrderPlan = plan_for(session, batch, _order_plan)
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
    plan: _OrderPlan = plan_for(session, batch, _order_plan, take=True)
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
    check_cancelled(cancelled)
    order_ids: list[uuid.UUID] = []
    with BulkWriter.for_session(session, background=True) as writer:
        products = _create_products(writer, plan)
        chunks = list(in_chunks(new, common.CHUNK))
        for n, chunk in enumerate(chunks, 1):
            check_cancelled(cancelled)
            order_ids += _insert_orders(writer, chunk, products, final=n == len(chunks))
            done += len(chunk)
            report(done, total)
    check_cancelled(cancelled)
    session.expire_all()
    if order_ids:
        refresh_stale_statistics(session.connection(), _ORDER_TABLES)
    if new:
        note_import(
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


def _create_products(writer: BulkWriter, plan: _OrderPlan) -> dict[str, uuid.UUID]:
    ids = dict(plan.products)
    codes = set(plan.product_codes)
    with failing_at(0, translatable("Messages", "the new products could not be created")):
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
    writer: BulkWriter,
    fates: Sequence[_OrderFate],
    products: dict[str, uuid.UUID],
    *,
    final: bool,
) -> list[uuid.UUID]:
    ids: list[uuid.UUID] = []
    for fate in fates:
        rec = fate.record
        assert rec is not None and fate.account_id is not None
        with failing_at(fate.line):
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
    last = fates[-1].line
    what = translatable("Messages", "the orders from line %1 to %2 could not be saved")
    writer.flush_rows(
        fates[0].line, lambda line: failing_at(line, Text(what, line, last)), final=final
    )
    return ids
