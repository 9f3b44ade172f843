"""The right side of a list pane when no record is open: what the list holds, in figures."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from crmdesk.views.records.entity import SummaryLines


class SummaryView(QWidget):
    """A heading, a hint and (caption, figures) lines, e.g. "Cities: 北京 120 · 上海 96"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summary_view")
        self.heading = QLabel(self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)
        self.lines = QFormLayout()
        self.lines.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.lines.setHorizontalSpacing(12)
        self.lines.setVerticalSpacing(8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addLayout(self.lines)
        layout.addWidget(self.hint)
        layout.addStretch(1)

    def show_summary(self, heading: str, lines: SummaryLines, hint: str) -> None:
        self.heading.setText(heading)
        self.hint.setText(hint)
        while self.lines.rowCount():
            self.lines.removeRow(0)
        for caption, text in lines:
            value = QLabel(text, self)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.lines.addRow(QLabel(caption, self), value)

    def texts(self) -> list[tuple[str, str]]:
        """What the lines say (caption, figures), as shown."""
        found = []
        for row in range(self.lines.rowCount()):
            label = self.lines.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            field = self.lines.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
            assert isinstance(label, QLabel) and isinstance(field, QLabel)
            found.append((label.text(), field.text()))
        return found


__all__ = ["SummaryView"]
