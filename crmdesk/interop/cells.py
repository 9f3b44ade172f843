"""Reading a table's cells as the importers need them: trimmed text a column at a time, dates
and amounts whose order (day/month, decimal comma) is decided per column.

- Dates: day-first or month-first is decided per column from values that can only be read one
  way (13/01/…); with no such value `/` means month/day (US, Outlook) and `.` or `-` day/month.
- Amounts: decimal comma or point is decided per column the same way (`1.234,50` vs `1,234.50`).
- Exporters' placeholders (`Priority: Normal`, `0/0/00` birthdays) read as empty.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import cast

from dateutil import parser as dateparser

from crmdesk.core.errors import ImportFailed
from crmdesk.core.texts import Text, translatable
from crmdesk.interop.column_mapping import ColumnMapping
from crmdesk.interop.table import Cell, Table, cell_text

# Values exporters write that mean "nothing".
PLACEHOLDERS = {"sensitivity": {"normal"}, "priority": {"normal"}, "private": {"false"},
                 "gender": {"unspecified"}}
EMPTY_DATES = {"0/0/00", "0/0/0000", "00/00/00", "00/00/0000", "0000-00-00", "0.0.00"}

# =============================================================================================
# Reading cells
# =============================================================================================

@functools.lru_cache(maxsize=1024)
def _placeholders(header: str) -> frozenset[str]:
    return frozenset(PLACEHOLDERS.get(header.lower(), ()))


class ColumnTexts:
    """A table's cells as text (trimmed; exporters' placeholders and empty dates read as ""),
    a whole column at a time when first asked for: asked cell by cell, a wide export's 100k rows
    took 3.5M calls (1.8 of its 3 s)."""

    def __init__(self, table: Table, index: dict[str, int]) -> None:
        self.rows = table.rows
        self.index = index
        self.columns: dict[str, list[str]] = {"": [""] * len(table.rows)}
        self._cells: list[tuple[Cell, ...]] | None = None

    def column(self, header: str) -> list[str]:
        texts = self.columns.get(header)
        if texts is None:
            texts = self.columns[header] = self._read(header)
        return texts

    def _read(self, header: str) -> list[str]:
        if self._cells is None:  # the table turned into columns, in one go
            self._cells = list(itertools.zip_longest(*(r.values for r in self.rows),
                                                     fillvalue=""))
        position = self.index[header]
        cells = self._cells[position] if position < len(self._cells) else ("",) * len(self.rows)
        try:
            texts = list(map(str.strip, cast("tuple[str, ...]", cells)))
        except TypeError:  # an Excel sheet's numbers and dates
            texts = [cell_text(c) for c in cells]
        if not EMPTY_DATES.isdisjoint(texts):
            texts = ["" if t in EMPTY_DATES else t for t in texts]
        if placeholders := _placeholders(header):
            texts = ["" if t.lower() in placeholders else t for t in texts]
        return texts


class RowCells:
    """A row's cells by header: as text (see ColumnTexts) or as they are."""

    __slots__ = ("n", "row", "texts")

    def __init__(self, texts: ColumnTexts, n: int) -> None:
        self.texts, self.n, self.row = texts, n, texts.rows[n]

    def cell(self, header: str) -> Cell:
        values = self.row.values
        position = self.texts.index[header]
        return values[position] if position < len(values) else ""

    def text(self, header: str) -> str:
        return self.texts.column(header)[self.n]


def row_cells(table: Table, index: dict[str, int]) -> list[RowCells]:
    texts = ColumnTexts(table, index)
    return [RowCells(texts, n) for n in range(len(table.rows))]


def column_index(table: Table, mapping: ColumnMapping) -> dict[str, int]:
    index = {h: i for i, h in enumerate(table.headers)}
    missing = [h for h in mapping.headers() if h not in index]
    if missing:
        raise ImportFailed(
            translatable("Messages", "The column mapping names columns the file doesn't have: %1."),
            values=(", ".join(repr(h) for h in missing),),
            hint=translatable("Messages", "The file's columns: %1."),
            hint_values=(", ".join(table.headers),),
        )
    return index


class NoYear(ValueError):
    pass


_YMD = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?")
_AMBIGUOUS = re.compile(r"(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*[-/.]\s*(\d{4}|\d{2})(?:[ T].*)?")
_EXCEL_EPOCH = dt.date(1899, 12, 30)


class DateReader:
    """Reads one column's dates, day-first or month-first as the column's values show."""

    def __init__(self, cells: Iterable[str]) -> None:
        day = month = 0
        separator = ""
        for text in cells:
            match = _AMBIGUOUS.fullmatch(text)
            if match:
                separator = separator or match[2]
                day += int(match[1]) > 12
                month += int(match[3]) > 12
        self.dayfirst = day > month if day != month else separator in (".", "-")

    def __call__(self, cell: Cell) -> dt.date | None:
        """The date, None for an empty cell; ValueError saying why not, NoYear without year."""
        if isinstance(cell, dt.datetime):
            return cell.date()
        if isinstance(cell, dt.date):
            return cell
        if isinstance(cell, int | float | Decimal) and not isinstance(cell, bool):
            return self._serial(float(cell), cell_text(cell))
        text = cell_text(cell)
        if not text or text in EMPTY_DATES:
            return None
        if re.fullmatch(r"--\d\d-?\d\d", text):
            raise NoYear(Text(translatable("Import", "%1 has no year"), repr(text)))
        if match := _YMD.fullmatch(text):
            return _date(text, int(match[1]), int(match[2]), int(match[3]))
        if match := _AMBIGUOUS.fullmatch(text):
            a, b, year = int(match[1]), int(match[3]), int(match[4])
            if len(match[4]) == 2:
                year += 2000 if year <= dt.date.today().year % 100 else 1900
            day, month = (a, b) if self.dayfirst else (b, a)
            order = (
                translatable("Import", "day/month/year")
                if self.dayfirst
                else translatable("Import", "month/day/year")
            )
            return _date(text, year, month, day, order)
        if re.fullmatch(r"\d{8}", text):
            return _date(text, int(text[:4]), int(text[4:6]), int(text[6:]))
        if re.fullmatch(r"\d{5}(\.\d+)?", text):
            return self._serial(float(text), text)
        return self._words(text)

    @staticmethod
    def _serial(number: float, text: str) -> dt.date:
        """An Excel date number (days since 1899-12-30), as a cell not formatted as date has."""
        if not 1 <= number < 2958466:
            raise ValueError(Text(translatable("Import", "%1 is not a date"), repr(text)))
        return _EXCEL_EPOCH + dt.timedelta(days=int(number))

    def _words(self, text: str) -> dt.date:
        """`March 1, 2024`, `1 Mar 2024`: dateutil, but only when the text names all three parts
        (parsing with two different defaults gives the same date)."""
        try:
            one = dateparser.parse(text, dayfirst=self.dayfirst, default=dt.datetime(2001, 1, 1))
            two = dateparser.parse(text, dayfirst=self.dayfirst, default=dt.datetime(2002, 2, 2))
        except (ValueError, OverflowError) as exc:
            raise ValueError(Text(translatable("Import", "%1 is not a date"), repr(text))) from exc
        if one != two:
            if one.year != two.year and (one.month, one.day) == (two.month, two.day):
                raise NoYear(Text(translatable("Import", "%1 has no year"), repr(text)))
            raise ValueError(Text(translatable("Import", "%1 is not a whole date"), repr(text)))
        return one.date()


def _date(text: str, year: int, month: int, day: int, order: str = "") -> dt.date:
    """The date, or ValueError naming the text (and the column's day order, when it had to
    be worked out)."""
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        if order:
            why = Text(
                translatable("Import", "%1 is not a date (this column writes %2)"),
                repr(text),
                Text(order),
            )
        else:
            why = Text(translatable("Import", "%1 is not a date"), repr(text))
        raise ValueError(why) from exc


_CURRENCIES = (
    ("HK$", "HKD"), ("US$", "USD"), ("RMB", "CNY"), ("CNY", "CNY"), ("USD", "USD"),
    ("EUR", "EUR"), ("GBP", "GBP"), ("HKD", "HKD"), ("JPY", "JPY"), ("人民币", "CNY"),
    ("美元", "USD"), ("欧元", "EUR"), ("英镑", "GBP"), ("港币", "HKD"), ("港元", "HKD"),
    ("日元", "JPY"), ("元", "CNY"), ("¥", "CNY"), ("￥", "CNY"), ("$", "USD"), ("€", "EUR"),
    ("£", "GBP"), ("円", "JPY"))
_CURRENCY_RE = re.compile("|".join(re.escape(t) for t, _ in _CURRENCIES), re.I)
_CURRENCY_CODES = {t.upper(): c for t, c in _CURRENCIES}
_NUMBER = re.compile(r"([+-])?\s*(\()?\s*(\d[\d.,'\s]*\d|\d)\s*(\))?\s*(-)?\s*(万|亿)?\s*"
                     r"[^\W\d_]{0,6}\.?")


def currency_code(text: str) -> str:
    """ISO code for `¥`, `RMB`, `人民币`, `usd` …; other text upper-cased as it is."""
    text = text.strip()
    return _CURRENCY_CODES.get(text.upper(), text.upper())


class NumberReader:
    """Reads one column's numbers, with a decimal comma if the column's values show one."""

    def __init__(self, cells: Iterable[str]) -> None:
        comma = point = 0
        for text in cells:
            comma += bool(re.search(r",\d{1,2}\D*$|\.\d{3},|\d\.\d{3}\.\d{3}", text))
            point += bool(re.search(r"\.\d{1,2}\D*$|,\d{3}\.|\d,\d{3},\d{3}", text))
        self.comma_decimal = comma > point

    def __call__(self, cell: Cell) -> tuple[Decimal | None, str]:
        """(number, currency code written with it); (None, "") for empty; ValueError if not one."""
        if isinstance(cell, int | Decimal) and not isinstance(cell, bool):
            return Decimal(cell), ""
        if isinstance(cell, float):
            return Decimal(repr(round(cell, 9))).normalize() + 0, ""
        text = cell_text(cell)
        if not text:
            return None, ""
        found = _CURRENCY_RE.search(text)
        currency = _CURRENCY_CODES[found[0].upper()] if found else ""
        bare = _CURRENCY_RE.sub(" ", text).strip()
        match = _NUMBER.fullmatch(bare)
        if not match:
            raise ValueError(Text(translatable("Import", "%1 is not a number"), repr(text)))
        sign, open_paren, digits, close_paren, trailing, scale = match.groups()
        value = Decimal(self._plain(re.sub(r"['\s]", "", digits)))
        if scale:
            value *= 10_000 if scale == "万" else 100_000_000
        if sign == "-" or trailing or (open_paren and close_paren):
            value = -value
        return value, currency

    def _plain(self, digits: str) -> str:
        """`1.234,50` -> `1234.50`: with both marks the last is the decimal one; a mark used
        twice groups thousands; one mark before exactly three digits is what the column says."""
        if "," in digits and "." in digits:
            decimal = "," if digits.rfind(",") > digits.rfind(".") else "."
        elif "," in digits or "." in digits:
            mark = "," if "," in digits else "."
            after = len(digits) - digits.rfind(mark) - 1
            if digits.count(mark) > 1:
                decimal = ""
            elif after == 3:
                decimal = "," if self.comma_decimal else "."
                decimal = mark if mark == decimal else ""
            else:
                decimal = mark
        else:
            decimal = ""
        group = {",": ".", ".": ","}.get(decimal, ",.")
        for mark in group:
            digits = digits.replace(mark, "")
        try:
            return str(Decimal(digits.replace(",", ".")))
        except InvalidOperation as exc:
            raise ValueError(
                Text(translatable("Import", "%1 is not a number"), repr(digits))
            ) from exc
