"""Mailing labels as a PDF: one address block per label of a sheet.

The text of each label shrinks until it fits inside the label's markup margin, so nothing ever
spills onto the next label; printing can start at any position of a partly used first sheet.
Latin text is set in Helvetica, anything else in reportlab's CID font STSong-Light (Chinese),
which every PDF viewer supplies, so nothing has to be embedded.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.lib.colors import Color
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from crmdesk.core.errors import KnownError
from crmdesk.core.texts import translatable
from crmdesk.export.address_block import Recipient, address_lines
from crmdesk.export.atomic import write_atomically
from crmdesk.export.label_stock import LabelStock, validate

LATIN = "Helvetica"
LATIN_BOLD = "Helvetica-Bold"
CJK = "STSong-Light"
MAX_SIZE = 11.0
MIN_SIZE = 4.0
LEADING = 1.2
OUTLINE = Color(0.6, 0.6, 0.6)


class LabelsCancelled(KnownError):
    def __init__(self) -> None:
        super().__init__(
            translatable("Messages", "Making the labels was cancelled."),
            translatable("Messages", "No file was written."),
        )


@dataclass(frozen=True)
class LabelsResult:
    path: Path
    labels: int
    pages: int


@cache
def _register_cjk() -> str:
    pdfmetrics.registerFont(UnicodeCIDFont(CJK))
    return CJK


def font_for(text: str, bold: bool = False) -> str:
    """Helvetica for text it can show (Latin-1), the CJK font for anything else."""
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return _register_cjk()
    return LATIN_BOLD if bold else LATIN


def runs(text: str, font: str) -> list[tuple[str, str]]:
    """A line in the CJK font, split so accented Latin letters (ö, é), which the CID font
    lacks, are set in Helvetica: "Adeline Förster 收" is three runs."""
    if font != CJK or not _ACCENTED.search(text):
        return [(text, font)]
    return [(part, LATIN if _ACCENTED.match(part) else CJK) for part in _ACCENTED_SPLIT.split(
        text) if part]  # fmt: skip


_ACCENTED = re.compile("[\u0080-\u024f]+")
_ACCENTED_SPLIT = re.compile("([\u0080-\u024f]+)")


def line_width(text: str, font: str, size: float) -> float:
    return sum(pdfmetrics.stringWidth(part, f, size) for part, f in runs(text, font))


@dataclass(frozen=True)
class Block:
    """Lines fitted to a box: the font size and each line with its font."""

    size: float
    lines: tuple[tuple[str, str], ...]  # (text, font)


def fit_block(
    lines: Sequence[str],
    width: float,
    height: float,
    bold_line: int = -1,
    largest: float = MAX_SIZE,
) -> Block:
    """The largest size (`largest` down to MIN_SIZE) at which every line fits the box; lines
    that are too wide even at MIN_SIZE are cut short with an ellipsis."""
    fonts = tuple((t, font_for(t, i == bold_line)) for i, t in enumerate(lines))
    if not fonts:
        return Block(largest, ())
    widest = max(line_width(t, f, 1.0) for t, f in fonts) or 1.0
    size = min(largest, width / widest, height / (len(fonts) * LEADING))
    if size >= MIN_SIZE:
        return Block(size, fonts)
    size = max(min(largest, height / (len(fonts) * LEADING)), 1.0)
    if size < MIN_SIZE:  # more lines than fit: keep the first ones
        keep = max(1, int(height / (MIN_SIZE * LEADING)))
        fonts, size = fonts[:keep], MIN_SIZE
    return Block(size, tuple((_cut(t, f, size, width), f) for t, f in fonts))


def _cut(text: str, font: str, size: float, width: float) -> str:
    if line_width(text, font, size) <= width:
        return text
    while text and line_width(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def label_lines(recipient: Recipient) -> tuple[list[str], int]:
    """A recipient's lines and which one is the name (set in bold)."""
    lines = address_lines(recipient)
    name = recipient.name.strip()
    bold = next((i for i, line in enumerate(lines) if name and line.startswith(name)), -1)
    return lines, bold


def draw_block(canvas: Canvas, block: Block, x: float, top: float) -> None:
    """The block's lines from `top` down (PDF coordinates), left-aligned at x, as one text
    object (a label costs one BT … ET, not one per line)."""
    text = canvas.beginText(x, top - block.size)
    current = ""
    for line, line_font in block.lines:
        parts = runs(line, line_font)
        for n, (part, font) in enumerate(parts, start=1):
            if font != current:
                text.setFont(font, block.size, block.size * LEADING)
                current = font
            if n < len(parts):
                text.textOut(part)
            else:
                text.textLine(part)  # the last run ends the line
    canvas.drawText(text)


def render_labels(
    stock: LabelStock,
    recipients: Sequence[Recipient],
    *,
    start: int = 1,
    outline: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[bytes, int]:
    """The PDF's bytes and its number of pages; the first label goes at position `start`."""
    validate(stock)
    origins = stock.origins()
    if not 1 <= start <= len(origins):
        raise KnownError(
            translatable("Messages", "The start position must be between 1 and %1."),
            values=(len(origins),),
        )
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(stock.page_width, stock.page_height), pageCompression=1)
    canvas.setTitle(stock.name)
    canvas.setCreator("crmdesk")
    inset = max(stock.margin, 2.0)
    width, height = stock.label_width - 2 * inset, stock.label_height - 2 * inset
    slot, pages, total = start - 1, 1, len(recipients)
    for done, recipient in enumerate(recipients):
        if slot == len(origins):
            canvas.showPage()
            slot, pages = 0, pages + 1
        if cancelled and done % 200 == 0 and cancelled():
            raise LabelsCancelled()
        x, y = origins[slot]
        if outline:
            _outline(canvas, stock, x, y)
        lines, bold = label_lines(recipient)
        block = fit_block(lines, width, height, bold)
        used = len(block.lines) * block.size * LEADING
        top = stock.page_height - y - inset - max(0.0, (height - used) / 2)  # centred vertically
        draw_block(canvas, block, x + inset, top)
        slot += 1
        if progress and (done % 500 == 0 or done + 1 == total):
            progress(done + 1, total)
    if outline and not recipients:
        for x, y in origins:
            _outline(canvas, stock, x, y)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue(), pages


def _outline(canvas: Canvas, stock: LabelStock, x: float, y: float) -> None:
    canvas.setStrokeColor(OUTLINE)
    canvas.setLineWidth(0.3)
    bottom = stock.page_height - y - stock.label_height
    radius = min(stock.round, stock.label_width / 2, stock.label_height / 2)
    canvas.roundRect(x, bottom, stock.label_width, stock.label_height, radius, stroke=1, fill=0)


def write_labels(
    path: str | os.PathLike[str],
    stock: LabelStock,
    recipients: Sequence[Recipient],
    *,
    start: int = 1,
    outline: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> LabelsResult:
    """Write the labels to `path` atomically (nothing is written when it fails or is
    cancelled)."""
    data, pages = render_labels(
        stock, recipients, start=start, outline=outline, progress=progress, cancelled=cancelled
    )
    return LabelsResult(write_atomically(path, data), len(recipients), pages)
