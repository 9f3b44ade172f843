"""Envelopes as a PDF, one page an envelope, sender and recipient where the envelope's
convention puts them.

ISO and US envelopes (DL, C5, C6, US #10): the sender at the top left, the recipient's block
right of the centre and below the middle, where sorting machines read it. Chinese envelopes
(GB/T 1416, 5号/6号/7号): the recipient's postal code in the six red boxes at the top left, the
stamp box at the top right, the recipient's address on the left, the name in large type in the
middle with 收, and the sender's address, name and postal code at the bottom right.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from crmdesk.core.errors import KnownError
from crmdesk.core.texts import translatable
from crmdesk.export.address_block import Recipient, address_lines
from crmdesk.export.atomic import write_atomically
from crmdesk.export.labels import LabelsCancelled, draw_block, fit_block, font_for

POSTAL_RED = Color(0.85, 0.1, 0.12)


@dataclass(frozen=True)
class EnvelopeSize:
    key: str
    description: str
    width: float  # points, landscape (the long side across)
    height: float
    chinese: bool = False


ENVELOPES = {
    e.key: e
    for e in (
        EnvelopeSize("DL", "DL 220 × 110 mm", 220 * mm, 110 * mm),
        EnvelopeSize("C5", "C5 229 × 162 mm", 229 * mm, 162 * mm),
        EnvelopeSize("C6", "C6 162 × 114 mm", 162 * mm, 114 * mm),
        EnvelopeSize("US10", "US #10 9½ × 4⅛ in", 9.5 * 72, 4.125 * 72),
        EnvelopeSize("CN5", "5号 (DL) 220 × 110 mm", 220 * mm, 110 * mm, chinese=True),
        EnvelopeSize("CN6", "6号 (ZL) 230 × 120 mm", 230 * mm, 120 * mm, chinese=True),
        EnvelopeSize("CN7", "7号 (C5) 229 × 162 mm", 229 * mm, 162 * mm, chinese=True),
    )
}
_SPELLINGS = {"#10": "US10", "COM10": "US10", "5号": "CN5", "6号": "CN6", "7号": "CN7"}


def envelope_size(name: str) -> EnvelopeSize:
    """DL, C5, C6, US10 (or "US #10"), CN5/CN6/CN7 (or 5号, 6号, 7号)."""
    key = re.sub(r"[\s_.-]+", "", name).upper().removeprefix("US") or name
    key = _SPELLINGS.get(key, _SPELLINGS.get(name.strip(), key))
    key = "US10" if key in ("10", "#10") else key
    if key not in ENVELOPES:
        raise KnownError(
            translatable("Messages", "%1 is not an envelope size."),
            translatable("Messages", "Sizes: %1."),
            values=(name,),
            hint_values=(", ".join(ENVELOPES),),
        )
    return ENVELOPES[key]


@dataclass(frozen=True)
class EnvelopesResult:
    path: Path
    envelopes: int


def _western(canvas: Canvas, size: EnvelopeSize, to: Recipient, sender: Recipient | None) -> None:
    if sender:
        block = fit_block(address_lines(sender), size.width * 0.4, size.height * 0.3, largest=9)
        draw_block(canvas, block, 12 * mm, size.height - 10 * mm)
    lines = address_lines(to)
    name = next((i for i, line in enumerate(lines) if line.startswith(to.name.strip())), -1)
    left, width = size.width * 0.42, size.width * 0.52
    block = fit_block(lines, width, size.height * 0.42, name, largest=12)
    draw_block(canvas, block, left, size.height * 0.5)


def _postal_boxes(canvas: Canvas, code: str, left: float, top: float) -> None:
    """Six red boxes 8 × 10 mm, 2 mm apart, the code's digits in them."""
    canvas.setStrokeColor(POSTAL_RED)
    canvas.setLineWidth(0.8)
    digits = re.sub(r"\D", "", code)[:6]
    for i in range(6):
        x = left + i * 10 * mm
        canvas.rect(x, top - 10 * mm, 8 * mm, 10 * mm, stroke=1, fill=0)
        if i < len(digits):
            canvas.setFont("Helvetica", 16)
            canvas.drawCentredString(x + 4 * mm, top - 8 * mm, digits[i])


def _stamp_box(canvas: Canvas, size: EnvelopeSize) -> None:
    right, top = size.width - 10 * mm, size.height - 10 * mm
    canvas.setStrokeColor(POSTAL_RED)
    canvas.setDash(2, 2)
    canvas.rect(right - 20 * mm, top - 25 * mm, 20 * mm, 25 * mm, stroke=1, fill=0)
    canvas.setDash()
    canvas.setFillColor(POSTAL_RED)
    canvas.setFont(font_for("贴邮票处"), 7)
    canvas.drawCentredString(right - 10 * mm, top - 14 * mm, "贴邮票处")
    canvas.setFillColor(Color(0, 0, 0))


def _chinese(canvas: Canvas, size: EnvelopeSize, to: Recipient, sender: Recipient | None) -> None:
    code = to.postal_code.strip() if re.fullmatch(r"\d{6}", to.postal_code.strip()) else ""
    _postal_boxes(canvas, code, 20 * mm, size.height - 10 * mm)  # a Chinese code, else empty
    _stamp_box(canvas, size)
    lines = [line for line in address_lines(to) if not code or line != code]
    name = f"{to.name.strip()} 收" if to.chinese else to.name.strip()
    lines = [line for line in lines if line != name]
    address = fit_block(lines, size.width - 50 * mm, size.height * 0.25, largest=12)
    draw_block(canvas, address, 20 * mm, size.height * 0.72)
    if name:
        big = fit_block([name], size.width * 0.6, 14 * mm, largest=22)
        canvas.setFont(big.lines[0][1], big.size)
        canvas.drawCentredString(size.width / 2, size.height * 0.42, big.lines[0][0])
    if sender:
        own = [ln for ln in address_lines(sender) if ln != sender.postal_code.strip()]
        own = [ln.removesuffix(" 收") for ln in own]
        if sender.postal_code.strip():
            own.append(f"邮政编码：{sender.postal_code.strip()}")
        block = fit_block(own, size.width * 0.45, size.height * 0.25, largest=9)
        draw_block(canvas, block, size.width * 0.5, size.height * 0.25)


def render_envelopes(
    size: EnvelopeSize,
    recipients: Sequence[Recipient],
    sender: Recipient | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(size.width, size.height), pageCompression=1)
    canvas.setTitle(size.description)
    canvas.setCreator("crmdesk")
    for done, recipient in enumerate(recipients):
        if cancelled and done % 50 == 0 and cancelled():
            raise LabelsCancelled()
        (_chinese if size.chinese else _western)(canvas, size, recipient, sender)
        canvas.showPage()
        if progress:
            progress(done + 1, len(recipients))
    if not recipients:
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def write_envelopes(
    path: str | os.PathLike[str],
    size: EnvelopeSize,
    recipients: Sequence[Recipient],
    sender: Recipient | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> EnvelopesResult:
    """One envelope a recipient, written to `path` atomically."""
    data = render_envelopes(size, recipients, sender, progress=progress, cancelled=cancelled)
    return EnvelopesResult(write_atomically(path, data), len(recipients))
