"""Monthly targets…: a month's targets, owners (rows) × the configured indicators (a target and
a weight each), saved at once as one step on the undo stack.

Weights are relative (normalised): a score counts each met indicator's weight as its share of
that owner's weights, so 2, 1, 1 count 50 %, 25 %, 25 %; the shares are shown beside each row.
An empty target sets none (a stored one is removed); an empty weight counts 1.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from functools import cmp_to_key

from PySide6.QtCore import QCollator, QDate, QLocale, QSize, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crmdesk.analytics.targets import INDICATORS, month_label, shift_month
from crmdesk.core.texts import fill
from crmdesk.services import targets
from crmdesk.services.changes import Changes
from crmdesk.store.db import Database
from crmdesk.views.pipeline.editor import decimal_of
from crmdesk.views.shell import writes
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.formatting import grouped, money_text
from crmdesk.views.shell.i18n import translated
from crmdesk.views.shell.screen_fit import fit_to_screen
from crmdesk.views.shell.undo import WriteCommand

ONE = Decimal(1)
BAD = "QLineEdit { background: #fde2e2; }"
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

Cells = dict[tuple[str, str], targets.Cell | None]


def figure_text(value: Decimal, money: bool) -> str:
    """A target as the Today page reads it: amounts grouped (85,000; cents only when there are
    some), counts whole."""
    whole = value == value.to_integral_value()
    if money:
        return money_text(value, "", decimals=0 if whole else 2).strip()
    return grouped(int(value)) if whole else f"{value.normalize():f}"


def weight_text(value: Decimal) -> str:
    return f"{value.normalize():f}"


class TargetsDialog(QDialog):
    def __init__(
        self,
        db: Database,
        bus: DataBus,
        undo_stack: QUndoStack,
        month: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.bus, self.undo_stack = db, bus, undo_stack
        self.setWindowTitle(self.tr("Monthly targets"))
        self.grid_data: targets.MonthGrid | None = None
        self.fields: dict[tuple[str, str], tuple[QLineEdit, QLineEdit]] = {}
        self.shares: dict[str, QLabel] = {}
        self.dirty = False
        self._month = month

        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month:"), self))
        self.month_edit = QDateEdit(QDate(int(month[:4]), int(month[5:7]), 1), self)
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.month_edit.setCalendarPopup(True)
        self.month_edit.dateChanged.connect(self._on_month_changed)
        top.addWidget(self.month_edit)
        top.addStretch(1)
        self.copy_button = QPushButton(self.tr("Copy from last month"), self)
        self.copy_button.clicked.connect(self.copy_last_month)
        top.addWidget(self.copy_button)
        outer.addLayout(top)

        note = QLabel(
            self.tr(
                "Weights are relative: each owner's weights count as shares of their total "
                "(2, 1, 1 count 50 %, 25 %, 25 %); an empty weight counts 1. An empty target "
                "sets none."
            ),
            self,
        )
        note.setWordWrap(True)
        outer.addWidget(note)
        self.area = QScrollArea(self)
        self.area.setWidgetResizable(True)
        outer.addWidget(self.area, 1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        outer.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = self.buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        bus.changed.connect(self._on_changed)
        fit_to_screen(self, QSize(1100, 480))
        self.load()

    # -- reading -----------------------------------------------------------------------------

    @property
    def month(self) -> str:
        return self._month

    def load(self) -> None:
        with self.db.reading() as session:
            self.grid_data = targets.month_grid(session, self.month)
        self._build_grid(self.grid_data)
        self._fill(self.grid_data.cells)
        self.dirty = False

    def _build_grid(self, data: targets.MonthGrid) -> None:
        body = QWidget(self.area)
        grid = QGridLayout(body)
        grid.setHorizontalSpacing(6)
        grid.addWidget(self._bold(self.tr("Owner"), body), 0, 0)
        for k, key in enumerate(data.indicators):
            label = self._bold(translated("Insights", INDICATORS[key].label), body)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(label, 0, 1 + 2 * k, 1, 2)
            grid.addWidget(QLabel(self.tr("Target"), body), 1, 1 + 2 * k)
            grid.addWidget(QLabel(self.tr("Weight"), body), 1, 2 + 2 * k)
        last = 1 + 2 * len(data.indicators)
        grid.addWidget(self._bold(self.tr("Weight shares"), body), 0, last)
        self.fields, self.shares = {}, {}
        collator = QCollator(QLocale())  # 陈静 before 王芳 in Chinese (by pinyin)
        owners = sorted(data.owners, key=cmp_to_key(collator.compare))
        for r, owner in enumerate(owners, start=2):
            grid.addWidget(QLabel(owner, body), r, 0)
            for k, key in enumerate(data.indicators):
                target, weight = QLineEdit(body), QLineEdit(body)
                target.setAlignment(_RIGHT)
                weight.setAlignment(_RIGHT)
                target.setMinimumWidth(70)
                weight.setMaximumWidth(48)
                weight.setPlaceholderText("1")
                for edit in (target, weight):
                    edit.textEdited.connect(lambda _t, o=owner: self._edited(o))
                grid.addWidget(target, r, 1 + 2 * k)
                grid.addWidget(weight, r, 2 + 2 * k)
                self.fields[(owner, key)] = (target, weight)
            self.shares[owner] = QLabel(body)
            grid.addWidget(self.shares[owner], r, last)
        if not data.owners:
            grid.addWidget(QLabel(self.tr("No owners yet: accounts name them."), body), 2, 0, 1, -1)
        grid.setRowStretch(len(data.owners) + 2, 1)
        grid.setColumnStretch(last, 1)
        self.area.setWidget(body)

    def _bold(self, text: str, parent: QWidget) -> QLabel:
        label = QLabel(text, parent)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def _fill(self, given: Mapping[tuple[str, str], targets.Cell]) -> None:
        for (owner, key), (target, weight) in self.fields.items():
            cell = given.get((owner, key))
            target.setStyleSheet("")
            weight.setStyleSheet("")
            if cell is None:
                target.clear()
                weight.clear()
            else:
                target.setText(figure_text(cell[0], INDICATORS[key].is_money))
                weight.setText(weight_text(cell[1]))
        for owner in self.shares:
            self._show_shares(owner)

    def _edited(self, owner: str) -> None:
        self.dirty = True
        self._show_shares(owner)

    def _show_shares(self, owner: str) -> None:
        assert self.grid_data is not None
        weights = []
        for key in self.grid_data.indicators:
            target, weight = self.fields[(owner, key)]
            if target.text().strip():
                value = decimal_of(weight.text()) if weight.text().strip() else ONE
                weights.append(value if value is not None and value >= 0 else Decimal(0))
        total = sum(weights, Decimal(0))
        label = self.shares[owner]
        if not total:
            label.setText("–")
            return
        label.setText(" · ".join(f"{w * 100 / total:.0f} %" for w in weights))

    # -- writing -----------------------------------------------------------------------------

    def cells(self) -> tuple[Cells, list[str]]:
        """What the grid says, and what in it does not read (each marked red)."""
        found: Cells = {}
        problems: list[str] = []
        for (owner, key), (target, weight) in self.fields.items():
            label = translated("Insights", INDICATORS[key].label)
            target.setStyleSheet("")
            weight.setStyleSheet("")
            if not target.text().strip():
                found[(owner, key)] = None
                continue
            value = decimal_of(target.text())
            share = decimal_of(weight.text()) if weight.text().strip() else ONE
            for edit, number, negative in (
                (target, value, self.tr("%1, %2: a target cannot be negative.")),
                (weight, share, self.tr("%1, %2: a weight cannot be negative.")),
            ):
                if number is None:
                    problems.append(
                        fill(self.tr("%1, %2: “%3” is not a number."), [owner, label, edit.text()])
                    )
                    edit.setStyleSheet(BAD)
                elif number < 0:
                    problems.append(fill(negative, [owner, label]))
                    edit.setStyleSheet(BAD)
            if value is not None and share is not None:
                found[(owner, key)] = (value, share)
        return found, problems

    def save(self) -> bool:
        found, problems = self.cells()
        if problems:
            said = "\n".join(problems[:4] + (["…"] if len(problems) > 4 else []))
            self._say(fill(self.tr("Nothing was saved:\n%1"), [said]), error=True)
            return False
        stored = dict(self.grid_data.cells) if self.grid_data else {}
        changed = {k: v for k, v in found.items() if v != stored.get(k)}
        if not changed:
            self._say(self.tr("Nothing has changed."))
            return False
        month = self.month
        command = WriteCommand(
            self.db,
            self.bus,
            fill(self.tr("Set the targets of %1"), [month]),
            lambda s: targets.save_month(s, month, changed),
        )
        if not writes.push(self, self.undo_stack, command):
            return False
        self.load()
        self._say(fill(self.tr("The targets of %1 are saved."), [month]))
        return True

    def copy_last_month(self) -> bool:
        last = shift_month(self.month, -1)
        with self.db.reading() as session:
            before = targets.month_grid(session, last)
        if not before.cells:
            self._say(fill(self.tr("No targets were set in %1."), [last]))
            return False
        self._fill(before.cells)
        self.dirty = True
        self._say(fill(self.tr("Copied from %1: save to keep them."), [last]))
        return True

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "")
        self.message.setText(text)

    # -- following ---------------------------------------------------------------------------

    def _on_month_changed(self, date: QDate) -> None:
        month = month_label(dt.date(date.year(), date.month(), 1))
        if month == self._month:
            return
        if self.dirty:
            answer = QMessageBox.question(
                self,
                self.tr("Monthly targets"),
                fill(self.tr("Discard the unsaved targets of %1?"), [self._month]),
            )
            if answer != QMessageBox.StandardButton.Yes:
                self.month_edit.blockSignals(True)
                self.month_edit.setDate(QDate(int(self._month[:4]), int(self._month[5:7]), 1))
                self.month_edit.blockSignals(False)
                return
        self._month = month
        self._say("")
        self.load()

    def _on_changed(self, changes: Changes) -> None:
        if changes.ids("targets") and not self.dirty:
            self.load()  # an undo, or the command line's targets
