"""The day plan as a printable PDF (A4): one block per appointment, in order.

Chinese text is set in reportlab's built-in CID font (STSong-Light), so no font file is needed;
the labels come translated from the caller (this layer knows no Qt)."""

from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

FONT = "STSong-Light"
LABELS = {
    "title": "Day plan %1", "all_day": "All day", "address": "Address", "phone": "Phone",
    "last": "Last activity", "opportunities": "Open opportunities", "none": "Nothing planned.",
    "location": "Location",
}


def render_day_plan(plan: Any, labels: Mapping[str, str] = LABELS) -> bytes:
    """The plan (services.day_plan.DayPlan: day, owner, stops) as PDF bytes."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    heading = ParagraphStyle("heading", fontName=FONT, fontSize=16, leading=22)
    stop = ParagraphStyle("stop", fontName=FONT, fontSize=12, leading=16, spaceBefore=6)
    line = ParagraphStyle("line", fontName=FONT, fontSize=10, leading=14, leftIndent=8 * mm)
    title = labels["title"].replace("%1", plan.day.isoformat())
    if plan.owner:
        title += f" · {plan.owner}"
    story: list = [Paragraph(escape(title), heading), Spacer(1, 4 * mm)]
    if not plan.stops:
        story.append(Paragraph(escape(labels["none"]), stop))
    for one in plan.stops:
        when = (f"{one.start:%H:%M}–{one.end:%H:%M}" if one.start and one.end
                else labels["all_day"])
        head = f"{when}  {one.title}" + (f" · {one.account}" if one.account else "")
        story.append(Paragraph(f"<b>{escape(head)}</b>", stop))
        for key, value in (("location", one.location), ("address", one.address),
                           ("phone", one.phone), ("last", one.last_activity),
                           ("opportunities", "; ".join(one.open_opportunities))):
            if value:
                story.append(Paragraph(f"{escape(labels[key])}: {escape(value)}", line))
    out = BytesIO()
    SimpleDocTemplate(out, pagesize=A4, title=title, leftMargin=18 * mm, rightMargin=18 * mm,
                      topMargin=16 * mm, bottomMargin=16 * mm).build(story)
    return out.getvalue()


__all__ = ["LABELS", "render_day_plan"]
