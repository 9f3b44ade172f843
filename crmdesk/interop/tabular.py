"""Contact and order tables: CSV and Excel (.xlsx) files read into a Table, and contacts written
as Google Contacts CSV or .xlsx. The column mapping lives in
column_mapping.py (guessed in mapping_guess.py), the records built from rows in contact_columns.py
and order_columns.py, the Table type in table.py.

Choices worth knowing:
- The encoding is found by decisive rules first (a byte-order mark, then strict UTF-8) and only
  then guessed (charset-normalizer plus the vCard reader's plausibility check, which tells GBK
  from cp1252 on short names); GBK is read as its superset GB18030.
- A cell written starts with `'` when it would otherwise start with `=`, `+`, `-`, `@`, tab or
  CR (OWASP's advice against formula injection), and a cell read loses one leading `'` before
  such a character, so "+86 138 …" comes back as it went out.
- A row's `line` is where it starts in the file (a quoted field over several lines counts all
  of them) or its sheet row; blank rows are skipped, a lone title above the header is skipped,
  short rows are padded and cells beyond the header get columns named `Column n`.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from sys import intern
from typing import TYPE_CHECKING

from crmdesk.core.errors import ImportFailed
from crmdesk.core.texts import as_text, translatable
from crmdesk.interop.charsets import guess_charset
from crmdesk.interop.contact_columns import google_contact_rows
from crmdesk.interop.limits import MAX_CELL_CHARS, MAX_COLUMNS, MAX_FILE_BYTES, too_big
from crmdesk.interop.records import ContactRecord
from crmdesk.interop.table import Cell, Table, TableRow, cell_text

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

__all__ = [
    "neutralise",
    "read_table",
    "unneutralise",
    "write_contacts_csv",
    "write_contacts_xlsx",
    "write_table_csv",
    "write_table_xlsx",
    "xlsx_plain",
    "xlsx_text",
]


# =============================================================================================
# Reading
# =============================================================================================

_MAGIC = ((b"%PDF", translatable("Messages", "a PDF document")),
          (b"\x89PNG", translatable("Messages", "a PNG image")),
          (b"\xff\xd8\xff", translatable("Messages", "a JPEG image")),
          (b"GIF8", translatable("Messages", "a GIF image")),
          (b"\x1f\x8b", translatable("Messages", "a gzip archive")),
          (b"Rar!", translatable("Messages", "a RAR archive")),
          (b"7z\xbc\xaf", translatable("Messages", "a 7-Zip archive")),
          (b"SQLite format 3", translatable("Messages", "an SQLite database")))


def read_table(data: bytes, filename: str, sheet: str | None = None) -> Table:
    """The table in a CSV/TXT file or an .xlsx workbook (its first sheet, or `sheet`).

    The format comes from the content (a zip is a workbook) before the file name; anything
    that is not a readable table raises ImportFailed saying so, never another exception."""
    name = Path(filename).name or "The file"
    if not data:
        raise ImportFailed(translatable("Messages", "%1 is empty."), values=(name,))
    if len(data) > MAX_FILE_BYTES:
        raise too_big(name)
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(data, name, sheet)
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise ImportFailed(
            translatable("Messages", "%1 is an old Excel (.xls) workbook."),
            values=(name,),
            hint=translatable("Messages", "Save it as .xlsx or CSV in Excel, then import that."),
        )
    if Path(filename).suffix.lower() in (".xlsx", ".xlsm"):
        raise ImportFailed(
            translatable(
                "Messages",
                "%1 is not a valid Excel workbook (an .xlsx file is a "
                "zip archive, this one is not).",
            ),
            values=(name,),
            hint=translatable("Messages", "Open it in Excel and save it again."),
        )
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ImportFailed(
                translatable("Messages", "%1 is %2, not a table (CSV or Excel)."),
                values=(name, as_text(what)),
                hint=translatable("Messages", "Choose a CSV, TXT or .xlsx file."),
            )
    return _read_csv(data, name)


def _build(records: Iterable[tuple[int, list[Cell]]], name: str) -> tuple[list[str],
                                                                          list[TableRow]]:
    """Header and rows from (line, cells): blank rows dropped, a title row above the header
    skipped, rows made as long as the header (which grows if a row is longer)."""
    rows = [TableRow(line, cells) for line, cells in records
            if any(cell_text(c) for c in cells)]
    if not rows:
        raise ImportFailed(
            translatable("Messages", "%1 is empty: there is no header row in it."), values=(name,)
        )
    filled = [sum(1 for c in r.values if cell_text(c)) for r in rows[:2]]
    if len(rows) > 1 and filled[0] == 1 and filled[1] >= 3:
        rows = rows[1:]
    header, rows = rows[0], rows[1:]
    widest = max([header, *rows], key=lambda r: len(r.values))
    width = len(widest.values)
    if width > MAX_COLUMNS:
        raise ImportFailed(
            translatable("Messages", "%1 has %2 columns; at most %3 can be imported."),
            values=(name, width, MAX_COLUMNS),
            line=widest.line,
            hint=translatable("Messages", "Keep only the columns to import and save it again."),
        )
    headers = [cell_text(h).lstrip("\ufeff").strip() for h in header.values]
    headers += [""] * (width - len(headers))
    for row in rows:
        row.values += [""] * (width - len(row.values))
    keep = [i for i, h in enumerate(headers) if h or any(cell_text(r.values[i]) for r in rows)]
    if len(keep) < width:
        headers = [headers[i] for i in keep]
        for row in rows:
            row.values = [row.values[i] for i in keep]
    return _unique([h or f"Column {i}" for i, h in enumerate(headers, start=1)]), rows


def _unique(headers: list[str]) -> list[str]:
    """Two columns called 电话 become `电话` and `电话 (2)`, so a mapping can name each.

    Linear: each name's next number is kept, so 4,000 equal headers take milliseconds."""
    taken = set(headers)
    seen: set[str] = set()
    following: dict[str, int] = {}
    out: list[str] = []
    for header in headers:
        name = header
        if name in seen:
            n = following.get(header, 1)
            while name in seen or name in taken:
                n += 1
                name = f"{header} ({n})"
            following[header] = n
        seen.add(name)
        out.append(name)
    return out


def _plain(cell: object) -> Cell:
    """A sheet's cell value as a Cell (anything else a sheet may hold, as its text)."""
    if cell is None:
        return ""
    if isinstance(cell, str):
        return unneutralise_start(cell)
    if isinstance(cell, dt.datetime) and cell.time() == dt.time():
        return cell.date()
    if isinstance(cell, int | float | Decimal | dt.date | dt.time | dt.timedelta):
        return cell
    return str(cell)


# ---------------------------------------------------------------------------------------------
# CSV
# ---------------------------------------------------------------------------------------------

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_CONTROLS = bytes(b for b in range(32) if b not in b"\t\n\r\x0c\x1a")
_DELIMITERS = (",", ";", "\t", "|")


def _read_csv(data: bytes, name: str) -> Table:
    text, encoding = _decode(data, name)
    if not text.strip():
        raise ImportFailed(translatable("Messages", "%1 is empty."), values=(name,))
    delimiter, first = _sniff(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[tuple[int, list[Cell]]] = []
    end = 0
    # a cell starting with ' may be neutralised; without one (the common case) read as it is
    quoted = re.search(rf"(?:^|{re.escape(delimiter)}|[;\t])\"?'", text, re.MULTILINE)
    # a cell as long as the file may be read (and then refused for its length, with its
    # column's limit, instead of as an unclosed quote); the csv module's limit is global
    limit = csv.field_size_limit()
    csv.field_size_limit(min(max(limit, len(text)), MAX_CELL_CHARS + 1))
    try:
        for values in reader:
            start, end = end + 1, reader.line_num
            if start >= first:
                cells = values
                if quoted and "'" in "".join(values):  # one join a row, not a call a cell
                    cells = [unneutralise(v) for v in values]
                if len(cells) > MAX_COLUMNS:
                    records.append((start, [*map(intern, cells)]))
                    break  # _build refuses the row, read no further
                if sum(map(len, cells)) > MAX_CELL_CHARS:  # only then can one cell be
                    _check_cells(cells, start, name)  # (a row's sum in C: 1 s of 100k rows)
                # one string a value: cities, companies, titles, names repeat down a column
                # (a 100k-row file's records hold 50 MB less; reading takes 0.3 s more)
                records.append((start, list(map(intern, cells))))
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise _cell_too_long(name, end + 1) from exc
        raise ImportFailed(
            translatable(
                "Messages", "%1 cannot be read as CSV (%2); a quote is probably never closed"
            ),
            values=(name, exc),
            line=end + 1,
        ) from exc
    finally:
        csv.field_size_limit(limit)
    if records:
        _check_closed(text, records[-1][0], delimiter, name)
    headers, rows = _build(records, name)
    return Table(headers, rows, encoding, delimiter)


def _check_cells(cells: Sequence[object], line: int, name: str) -> None:
    if any(isinstance(c, str) and len(c) > MAX_CELL_CHARS for c in cells):
        raise _cell_too_long(name, line)


def _cell_too_long(name: str, line: int) -> ImportFailed:
    return ImportFailed(
        translatable("Messages", "%1: a cell holds more than %2 characters."),
        values=(name, f"{MAX_CELL_CHARS:,}"),
        line=line,
    )


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """Text and codec: a BOM, else UTF-16 by its NULs, else strict UTF-8, else a guess."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as exc:
                body = data[len(bom):]  # the codec reports positions after the BOM
                line = body[: exc.start].decode(codec, errors="replace").count("\n") + 1
                label = codec.removesuffix("-sig").upper()
                raise ImportFailed(
                    translatable(
                        "Messages", "%1 starts with a %2 byte-order mark but is not all %2."
                    ),
                    values=(name, label),
                    line=line,
                ) from exc
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    sample = data[:65536]
    if b"\0" in sample or len(sample) - len(sample.translate(None, _CONTROLS)) > len(sample) / 100:
        raise ImportFailed(
            translatable("Messages", "%1 is not a text table (CSV): it holds binary data."),
            values=(name,),
            hint=translatable(
                "Messages", "Export the data as CSV or Excel (.xlsx) and import that."
            ),
            line=_first_binary_line(sample),
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    codec = guess_charset(data)
    return data.decode(codec, errors="replace"), codec


def _utf16_without_bom(data: bytes) -> str | None:
    """CSV is mostly ASCII, which UTF-16 writes with a NUL in every other byte."""
    head = data[:4096]
    half = len(head) // 2
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if half >= 4 and even > 0.3 * half and odd == 0:
        return "utf-16-be"
    if half >= 4 and odd > 0.3 * half and even == 0:
        return "utf-16-le"
    return None


def _sniff(text: str) -> tuple[str, int]:
    """(delimiter, first line to read). Excel's `sep=;` first line decides; otherwise the
    candidate giving most rows of the same width (at least 2) wins, the wider on a tie."""
    first_line = text[:20].partition("\n")[0].strip()
    if re.fullmatch(r"sep=.", first_line, re.I):
        return first_line[4], 2
    sample = text[:65536]
    best, best_key = ",", (0.0, 0)
    for delimiter in _DELIMITERS:
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
        try:
            widths = [len(r) for r in itertools.islice(reader, 200) if any(c.strip() for c in r)]
        except csv.Error:
            continue
        if not widths:
            continue
        width, count = Counter(widths).most_common(1)[0]
        key = (round(count / len(widths), 1), width) if width > 1 else (0.0, 0)
        if key > best_key:
            best, best_key = delimiter, key
    return best, 1


def _check_closed(text: str, start: int, delimiter: str, name: str) -> None:
    """A quote never closed swallows the rest of the file into the last row: say so."""
    tail = "".join(io.StringIO(text, newline="").readlines()[start - 1:])
    try:
        list(csv.reader(io.StringIO(tail, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise ImportFailed(
                translatable(
                    "Messages", "%1: a quoted field starting in this row is never closed."
                ),
                values=(name,),
                line=start,
            ) from exc


# ---------------------------------------------------------------------------------------------
# Excel
# ---------------------------------------------------------------------------------------------

def _read_xlsx(data: bytes, name: str, sheet: str | None) -> Table:
    # openpyxl reports a damaged workbook with whatever exception its parsers raise (KeyError,
    # BadZipFile, XML errors …), so everything it raises here is the file's fault.
    try:
        import openpyxl  # here: 36 MB (numpy, PIL) a CSV import need not hold

        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        raise ImportFailed(
            translatable("Messages", "%1 is not a readable Excel workbook (.xlsx): %2"),
            values=(name, exc),
            hint=translatable("Messages", "Open it in Excel and save it again as .xlsx."),
        ) from exc
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise ImportFailed(
                translatable("Messages", "%1 has no sheet %2."),
                values=(name, repr(sheet)),
                hint=translatable("Messages", "Its sheets: %1."),
                hint_values=(", ".join(book.sheetnames),),
            )
        if not book.worksheets:
            raise ImportFailed(translatable("Messages", "%1 has no worksheet."), values=(name,))
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        if not hasattr(ws, "reset_dimensions"):
            raise ImportFailed(translatable("Messages", "Sheet %1 of %2 is a chart, not a table."),
                               values=(repr(ws.title), name))
        ws.reset_dimensions()  # a wrong stored size would cut rows off
        records = []
        for n, row in enumerate(ws.iter_rows(values_only=True), start=1):
            cells = [_plain(c) for c in row]
            while cells and cells[-1] == "":
                cells.pop()  # a sheet's stored width may run far past its data
            if len(cells) > MAX_COLUMNS:
                records.append((n, cells))
                break  # _build refuses the row, read no further
            _check_cells(cells, n, name)
            records.append((n, cells))
        title = ws.title
    except ImportFailed:
        raise
    except Exception as exc:
        raise ImportFailed(translatable("Messages", "%1 is a damaged Excel workbook: %2"),
                           values=(name, exc)) from exc
    finally:
        book.close()
    headers, rows = _build(records, f"{name} (sheet {title!r})" if sheet else name)
    return Table(headers, rows, sheet=title)


# =============================================================================================
# Writing
# =============================================================================================

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# what a spreadsheet may drop before it reads a cell: a BOM, zero-width characters, spaces
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u00a0\u3000 "
# a CSV opened where the list separator is `;` (or a tab, for .txt) splits a cell there: each
# part that would start a formula gets its `'` too
_PART_START = re.compile(f"([;\t])(?=['{_INVISIBLE}]*[=+\\-@\uff1d\uff0b\uff0d\uff20])")
_PART_QUOTED = re.compile(f"([;\t])'(?=['{_INVISIBLE}]*[=+\\-@\uff1d\uff0b\uff0d\uff20])")


def neutralise(text: str) -> str:
    """`'` before a cell that a spreadsheet would run as a formula (also behind a BOM, a
    zero-width space or spaces, with the full-width ＝＋－＠ an input method types, and after
    a `;` or tab where a spreadsheet may split the cell); one more `'` before text that
    already has `'` there, so unneutralise gives it back."""
    if ";" in text or "\t" in text:
        text = _PART_START.sub(r"\1'", text)
    return _neutralise_start(text)


def _neutralise_start(text: str) -> str:
    bare = text.lstrip("'").lstrip(_INVISIBLE)
    return "'" + text if bare.startswith(_FORMULA_START) else text


def unneutralise(text: str) -> str:
    """The CSV cell as it was before neutralise."""
    if "'" not in text:
        return text
    if ";" in text or "\t" in text:
        text = _PART_QUOTED.sub(r"\1", text)
    return unneutralise_start(text)


def unneutralise_start(text: str) -> str:
    """The cell without the one `'` neutralise puts at its start (xlsx text has only that)."""
    if text.startswith("'") and text.lstrip("'").lstrip(_INVISIBLE).startswith(_FORMULA_START):
        return text[1:]
    return text


def write_table_csv(headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    """UTF-8 with a BOM (so Excel shows Chinese right), CRLF, every cell neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in headers])
    for row in rows:
        writer.writerow([neutralise(cell_text(c) if not isinstance(c, str) else c)
                         for c in row])
    return codecs.BOM_UTF8 + out.getvalue().encode("utf-8")


def write_table_xlsx(headers: Sequence[str], rows: Iterable[Sequence[Cell]],
                     title: str = "Sheet1") -> bytes:
    """One sheet, header frozen; text stored as text (never a formula, and without the `'` a
    CSV needs, so a phone number reads +86 …), stripped of the control characters a workbook
    cannot hold; dates as dates."""
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    ws = book.create_sheet(title)
    ws.freeze_panes = "A2"
    ws.append([_xlsx_cell(ws, h) for h in headers])
    for row in rows:
        ws.append([_xlsx_cell(ws, c) for c in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xlsx_plain(text: str) -> str:
    """User text as an xlsx string cell holds it: without the control characters a workbook
    cannot hold, and a `'` doubled only where reading it back would drop one."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    return _neutralise_start(text) if text.startswith("'") else text


def xlsx_text(ws: WriteOnlyWorksheet, text: str) -> object:
    """A text cell for a write-only sheet: openpyxl takes a str starting with `=` for a
    formula, so such a cell is made a string cell explicitly."""
    text = xlsx_plain(text)
    if not text.startswith("="):
        return text
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=text)
    cell.data_type = "s"
    return cell


def _xlsx_cell(ws: WriteOnlyWorksheet, cell: Cell) -> object:
    if cell == "":
        return None  # no cell at all: most of a contact sheet is empty, and writes faster so
    if isinstance(cell, str):
        return xlsx_text(ws, cell)
    if isinstance(cell, dt.date) and not isinstance(cell, dt.datetime):
        from openpyxl.cell import WriteOnlyCell

        out = WriteOnlyCell(ws, value=cell)  # type: ignore[arg-type]  # the stubs omit date
        out.number_format = "yyyy-mm-dd"
        return out
    return cell


def write_contacts_csv(records: Sequence[ContactRecord]) -> bytes:
    """The contacts as a Google Contacts (current) CSV export that Excel opens right."""
    headers, rows = google_contact_rows(records)
    return write_table_csv(headers, rows)


def write_contacts_xlsx(records: Sequence[ContactRecord]) -> bytes:
    """The same columns as write_contacts_csv, as an .xlsx workbook."""
    headers, rows = google_contact_rows(records)
    return write_table_xlsx(headers, rows, title="Contacts")


def _first_binary_line(sample: bytes) -> int:
    """The line of the first byte no text holds (a NUL or another control character)."""
    first = next((n for n, byte in enumerate(sample) if byte == 0 or byte in _CONTROLS), 0)
    return sample[:first].count(b"\n") + 1
