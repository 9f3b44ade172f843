"""Excel reports: one generic writer that makes every report a proper workbook.

A title and the filter used above a frozen header with an autofilter; values with real number,
date and currency formats (never numbers as text); a totals row of SUBTOTAL formulas (they
follow the autofilter); a data bar where a column is worth comparing at a glance; a summary
sheet with a native chart; a sheet describing the data. Headings and sheet names come in
already translated. The workbook is written in openpyxl's write-only mode, so memory stays
flat however many rows there are; column widths are fitted to the first rows.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import islice
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.formatting.rule import DataBarRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from crmdesk.core.errors import KnownError
from crmdesk.core.texts import translatable
from crmdesk.export.atomic import write_atomically

FORMATS = {
    "integer": "#,##0",
    "number": "#,##0.00",
    "date": "yyyy-mm-dd",
    "month": "yyyy-mm",
    "percent": "0.0%",
}
CURRENCY_SIGNS = {"CNY": "¥", "RMB": "¥", "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
SAMPLE = 500  # rows read ahead to fit the column widths
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
TITLE_ROW, FILTER_ROW, HEADER_ROW = 1, 2, 4


class ReportCancelled(KnownError):
    def __init__(self) -> None:
        super().__init__(
            translatable("Messages", "The report was cancelled."),
            translatable("Messages", "No file was written."),
        )


@dataclass(frozen=True)
class Column:
    """One column: its heading, what its values are ("text", "integer", "number", "money",
    "date", "month", "percent"), whether the totals row sums it, and what it means."""

    heading: str
    kind: str = "text"
    total: bool = False
    bar: bool = False  # a data bar (conditional formatting) over the column
    meaning: str = ""


@dataclass(frozen=True)
class Chart:
    """A native chart of the summary table: its first column the categories, the others
    the series."""

    title: str
    kind: str = "bar"  # or "line"
    y_title: str = ""


@dataclass(frozen=True)
class Summary:
    """A small table (per tier, per month …) on a sheet of its own, with the chart."""

    sheet: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Any, ...], ...]
    chart: Chart | None = None


@dataclass(frozen=True)
class Report:
    """A report ready to write: every text in the reader's language."""

    sheet: str
    title: str
    filter_text: str
    columns: tuple[Column, ...]
    rows: Iterable[Sequence[Any]]
    total_label: str = "Total"
    currency: str = "CNY"
    summary: Summary | None = None
    more_summaries: tuple[Summary, ...] = ()  # further small tables, a sheet each
    about_sheet: str = "About"
    about: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # (label, value) lines
    expected_rows: int | None = None  # for the progress callback


@dataclass(frozen=True)
class ReportResult:
    path: Path
    rows: int
    size: int


def number_format(column: Column, currency: str) -> str | None:
    if column.kind == "money":
        sign = CURRENCY_SIGNS.get(currency.upper(), "")
        return f'"{sign}"#,##0.00;-"{sign}"#,##0.00' if sign else "#,##0.00"
    return FORMATS.get(column.kind)


TextRule = Callable[[str], str]  # what makes user text fit a cell (interop's xlsx_plain)


def _value(value: Any, kind: str, neutralise: TextRule) -> Any:
    """What goes into the cell: numbers as numbers, user text as text."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, str):
        return neutralise(value)
    if kind == "month" and isinstance(value, dt.date):
        return value.replace(day=1)
    return value


def _display_width(value: Any, kind: str) -> int:
    if value is None:
        return 0
    if kind in ("money", "number"):
        return len(f"{float(value):,.2f}") + 2
    if kind in ("date", "month"):
        return 10
    text = str(value)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)  # CJK is twice as wide


def _fit_widths(sheet: WriteOnlyWorksheet, columns: Sequence[Column], sample: list[Any]) -> None:
    for index, column in enumerate(columns):
        widest = max(
            [_display_width(column.heading, "text"), *(_display_width(r[index], column.kind)
                                                       for r in sample)]
        )  # fmt: skip
        letter = get_column_letter(index + 1)
        sheet.column_dimensions[letter].width = min(max(widest + 2, 8), 60)


def _printable(sheet: WriteOnlyWorksheet, landscape: bool = True) -> None:
    """Printed: as wide as one page, the heading row on every page."""
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _cell(sheet: WriteOnlyWorksheet, value: Any, **style: Any) -> WriteOnlyCell:
    """A styled cell; text is a string cell, never a formula, whatever it starts with."""
    cell = _formula(sheet, value, **style)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def _formula(sheet: WriteOnlyWorksheet, value: Any, **style: Any) -> WriteOnlyCell:
    """A styled cell as openpyxl makes it: text starting with `=` is a formula (the report's
    own totals, never user text)."""
    cell = WriteOnlyCell(sheet, value=value)
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def _header(sheet: WriteOnlyWorksheet, report_title: str, filter_text: str,
            columns: Sequence[Column]) -> None:  # fmt: skip
    sheet.append([_cell(sheet, report_title, font=Font(bold=True, size=14))])
    sheet.append([_cell(sheet, filter_text, font=Font(italic=True, color="555555"))])
    sheet.append([])
    sheet.append(
        [
            _cell(
                sheet,
                c.heading,
                font=Font(bold=True),
                fill=HEADER_FILL,
                alignment=Alignment(horizontal="center", wrap_text=True),
            )
            for c in columns
        ]
    )


def _data_rows(
    sheet: WriteOnlyWorksheet,
    report: Report,
    rows: Iterator[Sequence[Any]],
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
    neutralise: TextRule,
) -> int:
    formats = [number_format(c, report.currency) for c in report.columns]
    kinds = [c.kind for c in report.columns]
    plain = [f is None for f in formats]
    total = report.expected_rows or 0
    count = 0
    for count, row in enumerate(rows, start=1):
        values = [_value(v, k, neutralise) for v, k in zip(row, kinds, strict=True)]
        cells: list[Any] = []
        for value, fmt, is_plain in zip(values, formats, plain, strict=True):
            if isinstance(value, str) and value.startswith("="):
                cells.append(_cell(sheet, value))  # user text, not a formula
            elif is_plain or value is None:
                cells.append(value)
            else:
                cells.append(_cell(sheet, value, number_format=fmt))
        sheet.append(cells)
        if count % 2000 == 0:
            if cancelled and cancelled():
                raise ReportCancelled()
            if progress:
                progress(count, max(total, count))
    if progress:
        progress(count, max(total, count))
    return count


def _totals(sheet: WriteOnlyWorksheet, report: Report, first: int, last: int) -> None:
    bold = Font(bold=True)
    cells: list[Any] = []
    for index, column in enumerate(report.columns):
        letter = get_column_letter(index + 1)
        if index == 0:
            cells.append(_cell(sheet, report.total_label, font=bold))
        elif column.total:
            formula = f"=SUBTOTAL(109,{letter}{first}:{letter}{max(last, first)})"
            fmt = number_format(column, report.currency)
            cells.append(
                _formula(sheet, formula, font=bold, **({"number_format": fmt} if fmt else {}))
            )
        else:
            cells.append(None)
    sheet.append(cells)


def _summary_sheet(
    workbook: Workbook, summary: Summary, currency: str, neutralise: TextRule
) -> None:
    sheet = workbook.create_sheet(summary.sheet)
    _printable(sheet)
    _fit_widths(sheet, summary.columns, list(summary.rows))
    sheet.append(
        [_cell(sheet, c.heading, font=Font(bold=True), fill=HEADER_FILL) for c in summary.columns]
    )
    formats = [number_format(c, currency) for c in summary.columns]
    for row in summary.rows:
        sheet.append(
            [
                _cell(sheet, _value(v, c.kind, neutralise), **({"number_format": f} if f else {}))
                for v, c, f in zip(row, summary.columns, formats, strict=True)
            ]
        )
    if summary.chart and summary.rows:
        chart = BarChart() if summary.chart.kind == "bar" else LineChart()
        chart.title = summary.chart.title
        chart.y_axis.title = summary.chart.y_title
        chart.height, chart.width = 8, 16
        last = len(summary.rows) + 1
        data = Reference(sheet, min_col=2, max_col=len(summary.columns), min_row=1, max_row=last)
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=last))
        sheet.add_chart(chart, f"{get_column_letter(len(summary.columns) + 2)}2")


def _about_sheet(workbook: Workbook, report: Report, neutralise: TextRule) -> None:
    sheet = workbook.create_sheet(report.about_sheet)
    _printable(sheet, landscape=False)
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 80
    sheet.append([_cell(sheet, report.title, font=Font(bold=True, size=14))])
    for label, value in (*report.about, ("", "")):
        text = _cell(sheet, neutralise(str(value)))
        sheet.append([_cell(sheet, label, font=Font(bold=True)), text])
    for column in report.columns:
        sheet.append([_cell(sheet, column.heading, font=Font(bold=True)), column.meaning])


def render_report(
    report: Report,
    *,
    neutralise: TextRule,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[bytes, int]:
    """The workbook's bytes and its number of data rows."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(report.sheet[:31])
    rows = iter(report.rows)
    sample = [tuple(r) for r in islice(rows, SAMPLE)]
    _fit_widths(sheet, report.columns, sample)
    first = HEADER_ROW + 1
    sheet.freeze_panes = f"A{first}"
    _printable(sheet)
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    _header(sheet, report.title, report.filter_text, report.columns)
    count = _data_rows(sheet, report, _chain(sample, rows), progress, cancelled, neutralise)
    last = HEADER_ROW + count
    width = get_column_letter(len(report.columns))
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{width}{max(last, first)}"
    for index, column in enumerate(report.columns):
        if column.bar and count:
            letter = get_column_letter(index + 1)
            rule = DataBarRule(start_type="min", end_type="max", color="5B9BD5")
            sheet.conditional_formatting.add(f"{letter}{first}:{letter}{last}", rule)
    _totals(sheet, report, first, last)
    for summary in (report.summary, *report.more_summaries):
        if summary is not None:
            _summary_sheet(workbook, summary, report.currency, neutralise)
    _about_sheet(workbook, report, neutralise)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), count


def _chain(sample: list[Any], rest: Iterator[Any]) -> Iterator[Any]:
    yield from sample
    yield from rest


def write_report(
    path: str | os.PathLike[str],
    report: Report,
    *,
    neutralise: TextRule,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ReportResult:
    """Write the report to `path` atomically; `neutralise` is the rule every xlsx exporter
    applies to user text (interop.tabular.xlsx_plain); such text is a string cell, never a
    formula."""
    data, rows = render_report(
        report, neutralise=neutralise, progress=progress, cancelled=cancelled
    )
    return ReportResult(write_atomically(path, data), rows, len(data))
