"""Tools > Settings > Pipeline stages: names, order, default probability, open / won / lost.

A default stage is stored in English and shown translated; its name is kept as stored unless
the user types another. Saving applies every change in the dialog's one transaction (a stage
that deals still stand in refuses to go, and then nothing is written).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from crmdesk.services import pipeline
from crmdesk.views.pipeline.board import stage_name
from crmdesk.views.pipeline.choices import choose_value

OPEN, WON, LOST = "open", "won", "lost"


@dataclass
class _Row:
    id: uuid.UUID | None
    stored: str  # the name as stored ("" for a new stage)


class StageSettingsPage(QWidget):
    """The stages in board order, one row each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Stage"), self.tr("Default probability"), self.tr("Kind")]
        )
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.rows: list[_Row] = []
        self._removed: list[uuid.UUID] = []
        bar = QHBoxLayout()
        for text, slot in ((self.tr("Add stage"), self.add_stage),
                           (self.tr("Remove"), self.remove_current),
                           (self.tr("Move up"), lambda: self.move_current(-1)),
                           (self.tr("Move down"), lambda: self.move_current(1))):  # fmt: skip
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addStretch(1)
        note = QLabel(
            self.tr("Deals use a stage's probability unless their own is set. A stage with "
                    "deals in it cannot be removed; move them first."), self)  # fmt: skip
        note.setWordWrap(True)
        self.setMinimumSize(520, 320)  # six stages without scrolling
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)
        layout.addWidget(note)

    def title(self) -> str:
        return self.tr("Pipeline stages")

    def load(self, session: Session) -> None:
        pipeline.ensure_default_stages(session)
        self.rows, self._removed = [], []
        self.table.setRowCount(0)
        for s in pipeline.stages(session):
            kind = WON if s.is_won else LOST if s.is_lost else OPEN
            self._append(_Row(s.id, s.name), stage_name(s.name), s.probability, kind)

    def _append(self, row: _Row, name: str, probability: Decimal, kind: str) -> None:
        n = self.table.rowCount()
        self.table.insertRow(n)
        self.table.setItem(n, 0, QTableWidgetItem(name))
        spin = QDoubleSpinBox(self.table)
        spin.setRange(0, 100)
        spin.setDecimals(1)
        spin.setSuffix(" %")
        spin.setValue(float(probability))
        self.table.setCellWidget(n, 1, spin)
        combo = QComboBox(self.table)
        for key, words in ((OPEN, self.tr("Open")), (WON, self.tr("Won")), (LOST, self.tr("Lost"))):
            combo.addItem(words, key)
        choose_value(combo, kind)
        self.table.setCellWidget(n, 2, combo)
        self.rows.append(row)

    def add_stage(self) -> None:
        self._append(_Row(None, ""), self.tr("New stage"), Decimal(30), OPEN)

    def remove_current(self) -> None:
        n = self.table.currentRow()
        if 0 <= n < len(self.rows):
            removed = self.rows.pop(n)
            if removed.id is not None:
                self._removed.append(removed.id)
            self.table.removeRow(n)

    def move_current(self, step: int) -> None:
        n = self.table.currentRow()
        other = n + step
        if not (0 <= n < len(self.rows) and 0 <= other < len(self.rows)):
            return
        values = [self.values(i) for i in (n, other)]
        self.rows[n], self.rows[other] = self.rows[other], self.rows[n]
        for i, (name, prob, kind) in zip((other, n), values, strict=True):
            self._set(i, name, prob, kind)
        self.table.setCurrentCell(other, 0)

    def _set(self, n: int, name: str, probability: Decimal, kind: str) -> None:
        item = self.table.item(n, 0)
        assert item is not None
        item.setText(name)
        self._spin(n).setValue(float(probability))
        choose_value(self._kind(n), kind)

    def _spin(self, n: int) -> QDoubleSpinBox:
        widget = self.table.cellWidget(n, 1)
        assert isinstance(widget, QDoubleSpinBox)
        return widget

    def _kind(self, n: int) -> QComboBox:
        widget = self.table.cellWidget(n, 2)
        assert isinstance(widget, QComboBox)
        return widget

    def values(self, n: int) -> tuple[str, Decimal, str]:
        item = self.table.item(n, 0)
        name = item.text().strip() if item is not None else ""
        probability = Decimal(str(round(self._spin(n).value(), 1)))
        return name, probability, str(self._kind(n).currentData())

    def save(self, session: Session) -> None:
        for stage_id in self._removed:
            pipeline.delete_stage(session, stage_id)
        ordered: list[uuid.UUID] = []
        for n, row in enumerate(self.rows):
            name, probability, kind = self.values(n)
            if row.id is not None and name == stage_name(row.stored):
                name = row.stored  # unchanged: a default stage stays translatable
            won, lost = kind == WON, kind == LOST
            if row.id is None:
                stage_id, _ = pipeline.add_stage(session, name, probability, is_won=won,
                                                 is_lost=lost)  # fmt: skip
            else:
                stage_id = row.id
                pipeline.update_stage(session, stage_id, name=name, probability=probability,
                                      is_won=won, is_lost=lost)  # fmt: skip
            ordered.append(stage_id)
        pipeline.reorder_stages(session, ordered)
