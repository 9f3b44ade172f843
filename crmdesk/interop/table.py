"""A table read from a file, whatever the format: its header, its rows of cells, and a cell as
the text a person sees. The readers (tabular.py) make one; the mappings (column_mapping.py,
contact_columns.py, order_columns.py) read records from one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

Cell = str | int | float | Decimal | bool | dt.date | dt.datetime | dt.time | dt.timedelta
"""A table cell: text from CSV; from Excel also numbers, booleans and dates. Empty is ""."""


def cell_text(cell: Cell | None) -> str:
    """A cell as the text a person sees: 13800138000 not 13800138000.0, dates as ISO."""
    if cell is None:
        return ""
    if isinstance(cell, str):
        return cell.strip()
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, float):
        if cell.is_integer() and abs(cell) < 1e15:
            return str(int(cell))
        return format(Decimal(repr(cell)), "f")
    if isinstance(cell, Decimal):
        return format(cell, "f")
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat() if cell.time() == dt.time() else cell.isoformat(" ")
    if isinstance(cell, dt.date | dt.time):
        return cell.isoformat()
    return str(cell)


@dataclass
class TableRow:
    """One data row: its cells in header order and its 1-based line (CSV) or sheet row (xlsx)."""

    line: int
    values: list[Cell]


@dataclass
class Table:
    """A file's header and data rows, with the encoding and delimiter found (\"\" for xlsx)."""

    headers: list[str]
    rows: list[TableRow] = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""

    def column(self, header: str) -> list[Cell]:
        """The cells of one column, for previews."""
        i = self.headers.index(header)
        return [row.values[i] for row in self.rows]
