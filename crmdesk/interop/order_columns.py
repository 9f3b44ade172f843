"""The order records built from a table's rows through a ColumnMapping: one order per number,
its lines joined, amounts and dates read per column (interop/cells.py)."""

from __future__ import annotations

from decimal import Decimal

from crmdesk.core.errors import ImportFailed
from crmdesk.core.texts import Text, translatable
from crmdesk.interop.cells import (
    DateReader,
    NumberReader,
    RowCells,
    column_index,
    currency_code,
    row_cells,
)
from crmdesk.interop.column_mapping import ColumnMapping, RowProblem
from crmdesk.interop.records import (
    OrderLineRecord,
    OrderRecord,
)
from crmdesk.interop.table import Table

# =============================================================================================
# Orders
# =============================================================================================

_LINE_FIELDS = ("product", "quantity", "unit_price", "line_amount")


class _RowError(ValueError):
    pass


def orders_from_table(table: Table, mapping: ColumnMapping,
                      ) -> tuple[list[OrderRecord], list[RowProblem]]:
    """Orders in file order; rows sharing an order number are one order with a line each. A
    row without customer, with a date or number that can't be read, or contradicting its
    order's earlier rows is a RowProblem."""
    index = column_index(table, mapping)
    f = mapping.fields
    if not any(f.get(k) for k in ("customer_name", "customer_code", "customer_email")):
        raise ImportFailed(
            translatable("Messages", "No column of the file could be read as the customer."),
            hint=translatable("Messages", "Give a column mapping. The file's columns: %1."),
            hint_values=(", ".join(table.headers),),
        )
    if not any(f.get(k) for k in ("amount", "product", "line_amount", "unit_price")):
        raise ImportFailed(
            translatable(
                "Messages", "No column of the file could be read as an amount or a product."
            ),
            hint=translatable("Messages", "The file's columns: %1."),
            hint_values=(", ".join(table.headers),),
        )
    rows = row_cells(table, index)
    dates = DateReader(r.text(f.get("ordered_on", "")) for r in rows)
    numbers = {k: NumberReader(r.text(f.get(k, "")) for r in rows)
               for k in ("amount", "quantity", "unit_price", "line_amount")}
    orders: list[OrderRecord] = []
    by_number: dict[str, OrderRecord] = {}
    problems: list[RowProblem] = []
    for row in rows:
        try:
            order, line = _order_row(row, f, dates, numbers)
            if order.number in by_number:
                _join(by_number[order.number], order, line)
                continue
            orders.append(order)
            if order.number:
                by_number[order.number] = order
            order.lines += [line] if line else []
        except _RowError as exc:
            problems.append(RowProblem(row.row.line, exc.args[0]))  # a Text: translatable
    for order in orders:
        if order.amount is None and order.lines and all(
                _line_total(li) is not None for li in order.lines):
            order.amount = sum((_line_total(li) or Decimal(0) for li in order.lines), Decimal(0))
    return orders, problems


def _order_row(row: RowCells, f: dict[str, str], dates: DateReader,
               numbers: dict[str, NumberReader]) -> tuple[OrderRecord, OrderLineRecord | None]:
    order = OrderRecord(customer_name=row.text(f.get("customer_name", "")),
                        customer_code=row.text(f.get("customer_code", "")),
                        customer_email=row.text(f.get("customer_email", "")),
                        number=row.text(f.get("number", "")), source_line=row.row.line)
    if not (order.customer_name or order.customer_code or order.customer_email):
        raise _RowError(translatable("Import", "no customer"))
    try:
        order.ordered_on = dates(row.cell(f["ordered_on"])) if "ordered_on" in f else None
    except ValueError as exc:
        raise _RowError(
            Text(translatable("Import", "%1: %2"), f["ordered_on"], exc.args[0])
        ) from exc
    values: dict[str, Decimal | None] = {}
    currencies = []
    for key in ("amount", "quantity", "unit_price", "line_amount"):
        try:
            values[key], currency = numbers[key](row.cell(f[key])) if key in f else (None, "")
        except ValueError as exc:
            raise _RowError(Text(translatable("Import", "%1: %2"), f[key], exc.args[0])) from exc
        currencies.append(currency)
    order.amount = values["amount"]
    written = row.text(f.get("currency", ""))
    order.currency = currency_code(written) if written else next(
        (c for c in currencies if c), "")
    line = None
    if any(row.text(f.get(k, "")) for k in _LINE_FIELDS):
        quantity = values["quantity"]
        line = OrderLineRecord(product=row.text(f.get("product", "")),
                               quantity=Decimal(1) if quantity is None else quantity,
                               unit_price=values["unit_price"], amount=values["line_amount"])
    return order, line


def _join(order: OrderRecord, row: OrderRecord, line: OrderLineRecord | None) -> None:
    """Another row of an order already seen: it adds a line and must not contradict."""
    for name, label in (
        ("customer_name", translatable("Import", "customer")),
        ("customer_code", translatable("Import", "customer code")),
        ("customer_email", translatable("Import", "customer e-mail")),
        ("ordered_on", translatable("Import", "date")),
        ("currency", translatable("Import", "currency")),
        ("amount", translatable("Import", "total")),
    ):
        mine, theirs = getattr(order, name), getattr(row, name)
        if mine not in (None, "") and theirs not in (None, "") and mine != theirs:
            raise _RowError(
                Text(
                    translatable("Import", "order %1 has %2 %3 on line %4, this row says %5"),
                    order.number,
                    Text(label),
                    mine,
                    order.source_line,
                    theirs,
                )
            )
    for name in ("customer_name", "customer_code", "customer_email", "ordered_on", "currency",
                 "amount"):
        if getattr(order, name) in (None, ""):
            setattr(order, name, getattr(row, name))
    if line:
        order.lines.append(line)


def _line_total(line: OrderLineRecord) -> Decimal | None:
    if line.amount is not None:
        return line.amount
    return line.quantity * line.unit_price if line.unit_price is not None else None
