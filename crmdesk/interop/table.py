"""A table read from a file: its header, its rows and their cells, whatever format it came in.

Readers (tabular.py) build it and the column mappings (contact_columns.py) read it; both import
it from here, so neither needs the other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

Cell = str | int | float | Decimal | bool | dt.date | dt.datetime | dt.time | dt.timedelta
"""A table cell: text from CSV; from Excel also numbers, booleans and dates. Empty is ""."""


@dataclass
class TableRow:
    """One data row: its cells in header order and its 1-based line (CSV) or sheet row (xlsx)."""

    line: int
    values: list[Cell]


@dataclass
class Table:
    """A file's header and data rows, with the encoding and delimiter found (\\"\\" for xlsx)."""

    headers: list[str]
    rows: list[TableRow] = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""

    def column(self, header: str) -> list[Cell]:
        """The cells of one column, for previews."""
        i = self.headers.index(header)
        return [row.values[i] for row in self.rows]
