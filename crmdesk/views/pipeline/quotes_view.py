"""A deal's quotes (报价单): made from its line items, revisions kept (quote 2 of 3), moved
from draft to sent, accepted or rejected; a draft's validity and terms can change."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from crmdesk.models.enums import QuoteStatus
from crmdesk.services import quotes
from crmdesk.services.quotes import QuoteSummary
from crmdesk.store.db import Database
from crmdesk.views.shell import writes
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.undo import WriteCommand
from crmdesk.views.shell.vocabulary import enum_text

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _cells(table: QTableWidget, rows: list[list[str]], right: set[int]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            item = QTableWidgetItem(text)
            if c in right:
                item.setTextAlignment(_RIGHT)
            table.setItem(r, c, item)


class QuotesView(QWidget):
    """The quotes of one deal, newest revision first, and the lines of the one selected."""

    def __init__(self, db: Database, bus: DataBus, undo: QUndoStack | None,
                 opp_id: uuid.UUID | None, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._db, self._bus, self._undo, self._opp_id = db, bus, undo, opp_id
        self.quotes: list[QuoteSummary] = []
        self.table = QTableWidget(0, 8, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Number"), self.tr("Revision"), self.tr("Status"), self.tr("Issued"),
            self.tr("Valid until"), self.tr("Net"), self.tr("Tax"), self.tr("Gross")])  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.lines = QTableWidget(0, 7, self)
        self.lines.setHorizontalHeaderLabels([
            self.tr("Description"), self.tr("Quantity"), self.tr("Unit"), self.tr("Unit price"),
            self.tr("Discount %"), self.tr("Tax %"), self.tr("Net")])  # fmt: skip
        self.lines.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.lines.verticalHeader().hide()
        self.lines.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.valid_until = QDateEdit(self)
        self.valid_until.setCalendarPopup(True)
        self.valid_until.setDisplayFormat("yyyy-MM-dd")
        self.terms = QPlainTextEdit(self)
        self.terms.setMaximumHeight(54)
        self.new_button = QPushButton(self.tr("New quote from the lines"), self)
        self.new_button.clicked.connect(self.new_quote)
        self.save_terms_button = QPushButton(self.tr("Save validity and terms"), self)
        self.save_terms_button.clicked.connect(self.save_terms)
        self.status_buttons: dict[QuoteStatus, QPushButton] = {}
        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        for status, words in ((QuoteStatus.SENT, self.tr("Mark sent")),
                              (QuoteStatus.ACCEPTED, self.tr("Accepted")),
                              (QuoteStatus.REJECTED, self.tr("Rejected"))):  # fmt: skip
            button = QPushButton(words, self)
            button.clicked.connect(lambda _c=False, s=status: self.set_status(s))
            self.status_buttons[status] = button
            bar.addWidget(button)
        bar.addStretch(1)
        self.summary = QLabel(self)
        form = QFormLayout()
        form.addRow(self.tr("Valid until"), self.valid_until)
        form.addRow(self.tr("Terms"), self.terms)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.lines, 1)
        layout.addLayout(form)
        layout.addWidget(self.save_terms_button, 0, Qt.AlignmentFlag.AlignRight)
        self.refresh()

    def refresh(self) -> None:
        if self._opp_id is None:
            self.setEnabled(False)
            return
        with self._db.reading() as session:
            self.quotes = quotes.quotes_of(session, self._opp_id)
        rows = [self._row(q) for q in self.quotes]
        _cells(self.table, rows, {5, 6, 7})
        self.table.resizeColumnsToContents()
        if self.quotes:
            self.table.selectRow(0)
        self._show_selected()

    def _row(self, q: QuoteSummary) -> list[str]:
        revision = self.tr("%1 of %2").replace("%1", str(q.revision)).replace(
            "%2", str(q.revisions))
        until = q.valid_until.isoformat() if q.valid_until else ""
        t = q.totals
        return [q.number, revision, enum_text(q.status), q.issued_on.isoformat(), until,
                f"{t.net:,.2f}", f"{t.tax:,.2f}", f"{t.gross:,.2f}"]  # fmt: skip

    def selected(self) -> QuoteSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.quotes[rows[0].row()] if rows else None

    def _show_selected(self) -> None:
        q = self.selected()
        lines = [] if q is None else [
            [ln.description, f"{ln.quantity.normalize():f}", ln.unit, f"{ln.unit_price:,.2f}",
             f"{ln.discount.normalize():f}", f"{ln.tax_rate.normalize():f}",
             f"{ln.totals.net:,.2f}"] for ln in q.lines]  # fmt: skip
        _cells(self.lines, lines, {1, 3, 4, 5, 6})
        draft = q is not None and q.status is QuoteStatus.DRAFT
        for widget in (self.valid_until, self.terms, self.save_terms_button):
            widget.setEnabled(draft)
        if q is not None:
            until = q.valid_until or q.issued_on
            self.valid_until.setDate(QDate(until.year, until.month, until.day))
            self.terms.setPlainText(q.terms)
            self.summary.setText(
                self.tr("Quote %1, revision %2 of %3: gross %4 %5")
                .replace("%1", q.number).replace("%2", str(q.revision))
                .replace("%3", str(q.revisions)).replace("%4", f"{q.totals.gross:,.2f}")
                .replace("%5", q.currency)
            )  # fmt: skip
        else:
            self.summary.clear()

    def _write(self, text: str, write: Callable[[Session], object]) -> bool:
        if self._undo is not None:
            done = writes.push(self, self._undo, WriteCommand(self._db, self._bus, text, write))
        else:
            done = writes.attempt(self, self._db, self._bus, write) is not None
        if done:
            self.refresh()
        return done

    def new_quote(self) -> bool:
        """A quote of the deal's saved lines (the next revision when it has one)."""
        opp_id = self._opp_id
        if opp_id is None:
            return False
        return self._write(self.tr("New quote"), lambda s: quotes.create_quote(s, opp_id))

    def set_status(self, status: QuoteStatus) -> bool:
        q = self.selected()
        if q is None:
            return False
        text = self.tr("Quote %1: %2").replace("%1", q.number).replace("%2", enum_text(status))
        return self._write(text, lambda s: quotes.change_status(s, q.id, status))

    def save_terms(self) -> bool:
        q = self.selected()
        if q is None:
            return False
        d = self.valid_until.date()
        until, terms = dt.date(d.year(), d.month(), d.day()), self.terms.toPlainText()
        return self._write(
            self.tr("Quote %1: terms").replace("%1", q.number),
            lambda s: quotes.update_terms(s, q.id, valid_until=until, terms=terms),
        )
