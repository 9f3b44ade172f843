"""Paints a deal's card: account, name, amount, close date, probability and owner's initials.

One delegate paints every card of a column, so the board costs no widget per deal; a deal past
its close date gets a red edge and a red date.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from crmdesk.services.pipeline import OpportunityRow
from crmdesk.views.pipeline.board_model import CardRole
from crmdesk.views.shell.formatting import money_text

CARD_HEIGHT = 76
OVERDUE = QColor("#c62828")


def initials(owner: str) -> str:
    """ "Li Wei" → "LW"; a Chinese name keeps its first two characters (王芳 → 王芳)."""
    owner = owner.strip()
    if not owner:
        return ""
    if any("\u4e00" <= ch <= "\u9fff" for ch in owner):
        return owner[:2]
    return "".join(part[0] for part in owner.split()[:2]).upper()


class CardDelegate(QStyledItemDelegate):
    """Draws a card; `today` decides which are overdue (tests set it)."""

    today: dt.date | None = None

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(option.rect.width() or 220, CARD_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:  # fmt: skip
        card: OpportunityRow | None = index.data(CardRole)
        painter.save()
        rect = option.rect.adjusted(4, 3, -4, -3)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        overdue = card is not None and card.is_overdue(self.today or dt.date.today())
        fill = palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(OVERDUE if overdue else palette.color(QPalette.ColorRole.Mid),
                            2 if overdue else 1))  # fmt: skip
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 5, 5)
        if overdue:
            painter.fillRect(QRect(rect.left(), rect.top() + 2, 4, rect.height() - 4), OVERDUE)
        if card is not None:
            self._text(painter, rect, card, selected, overdue, palette)
        painter.restore()

    def _text(self, painter: QPainter, rect: QRect, card: OpportunityRow, selected: bool,
              overdue: bool, palette: QPalette) -> None:  # fmt: skip
        ink = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        inner = rect.adjusted(10, 4, -8, -4)
        line = inner.height() // 3
        small = QFont(painter.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        bold = QFont(painter.font())
        bold.setBold(True)
        painter.setFont(small)
        painter.setPen(ink)
        top = QRect(inner.left(), inner.top(), inner.width() - 30, line)
        painter.drawText(top, Qt.AlignmentFlag.AlignVCenter, _elided(painter, card.account, top))
        badge = QRect(inner.right() - 26, inner.top(), 26, line)
        painter.drawText(badge, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         initials(card.owner))  # fmt: skip
        painter.setFont(bold)
        middle = QRect(inner.left(), inner.top() + line, inner.width(), line)
        painter.drawText(middle, Qt.AlignmentFlag.AlignVCenter, _elided(painter, card.name, middle))
        painter.setFont(small)
        bottom = QRect(inner.left(), inner.top() + 2 * line, inner.width(), line)
        painter.drawText(bottom, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         money_text(card.amount, card.currency, decimals=0))  # fmt: skip
        prob = f"{card.probability:.0f}%" + ("*" if card.probability_overridden else "")
        date = card.close_date.isoformat() if card.close_date else ""
        painter.setPen(OVERDUE if overdue and not selected else ink)
        painter.drawText(bottom, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                         f"{date}  {prob}")  # fmt: skip


def _elided(painter: QPainter, text: str, rect: QRect) -> str:
    return painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
