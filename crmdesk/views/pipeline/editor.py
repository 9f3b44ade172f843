"""The opportunity editor: the deal's fields and its line items, whose net, tax and gross
totals are worked out in Decimal as each cell is typed (and can drive the amount)."""

from __future__ import annotations

import uuid
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate, QSize, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from crmdesk.core.clock import local_zone_name
from crmdesk.models.enums import EventKind
from crmdesk.services import accounts, pipeline, products
from crmdesk.services.activities import people_present_choices
from crmdesk.services.pipeline import LineDraft, LineTotals, OpportunityDraft, StageRow
from crmdesk.services.pipeline.follow_ups import opportunity_story, schedule_follow_up
from crmdesk.store.db import Database
from crmdesk.views.pipeline.board import stage_name
from crmdesk.views.pipeline.choices import choose_value
from crmdesk.views.pipeline.deal_contacts import ContactRoles
from crmdesk.views.pipeline.deal_story import FollowUpDialog, StoryTable
from crmdesk.views.pipeline.quotes_view import QuotesView
from crmdesk.views.shell import writes
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.screen_fit import fit_to_screen
from crmdesk.views.shell.undo import WriteCommand

# line table columns: the editable inputs, then the three computed totals
DESCRIPTION, QUANTITY, UNIT, PRICE, DISCOUNT, TAX_RATE, NET, TAX, GROSS = range(9)
_INPUTS = (QUANTITY, PRICE, DISCOUNT, TAX_RATE)


def decimal_of(text: str) -> Decimal | None:
    """A typed number as Decimal ("1,234.56", "5%", "1 234" all read); None when it is not one."""
    cleaned = text.strip().replace(",", "").replace(" ", "").rstrip("%")
    if not cleaned:
        return Decimal(0)
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


class LineItemsTable(QTableWidget):
    """A deal's lines (a few rows, so a QTableWidget); `totals_changed(LineTotals)` as typed."""

    totals_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 9, parent)
        self.setHorizontalHeaderLabels([
            self.tr("Description"), self.tr("Quantity"), self.tr("Unit"), self.tr("Unit price"),
            self.tr("Discount %"), self.tr("Tax %"), self.tr("Net"), self.tr("Tax"),
            self.tr("Gross"),
        ])  # fmt: skip
        self.horizontalHeader().setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.itemChanged.connect(self._on_item_changed)
        self.totals = pipeline.ZERO_TOTALS

    def set_lines(self, lines: list[LineDraft]) -> None:
        self.blockSignals(True)
        self.setRowCount(0)
        for line in lines:
            self._append(line)
        self.blockSignals(False)
        self._recompute()

    def add_line(self, line: LineDraft | None = None) -> None:
        self.blockSignals(True)
        self._append(line or LineDraft())
        self.blockSignals(False)
        self._recompute()

    def remove_current(self) -> None:
        if self.currentRow() >= 0:
            self.removeRow(self.currentRow())
            self._recompute()

    def _append(self, line: LineDraft) -> None:
        row = self.rowCount()
        self.insertRow(row)
        texts = {DESCRIPTION: line.description, QUANTITY: f"{line.quantity.normalize():f}",
                 UNIT: line.unit, PRICE: f"{line.unit_price.normalize():f}",
                 DISCOUNT: f"{line.discount.normalize():f}",
                 TAX_RATE: f"{line.tax_rate.normalize():f}"}  # fmt: skip
        for column in range(9):
            item = QTableWidgetItem(texts.get(column, ""))
            if column == DESCRIPTION:  # the catalogue's product the line is made of
                item.setData(Qt.ItemDataRole.UserRole, line.product_id)
            if column in (NET, TAX, GROSS):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if column not in (DESCRIPTION, UNIT):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.setItem(row, column, item)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() in _INPUTS:
            self._recompute()

    def line(self, row: int) -> LineDraft | None:
        """The row as a LineDraft; None when a number in it does not read."""
        values = [decimal_of(self._text(row, c)) for c in _INPUTS]
        if any(v is None for v in values):
            return None
        qty, price, discount, tax = (v or Decimal(0) for v in values)
        item = self.item(row, DESCRIPTION)
        product_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return LineDraft(self._text(row, DESCRIPTION), qty, price, discount, tax,
                         self._text(row, UNIT), product_id)  # fmt: skip

    def lines(self) -> list[LineDraft | None]:
        return [self.line(row) for row in range(self.rowCount())]

    def _text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""

    def _recompute(self) -> None:
        self.blockSignals(True)
        total = pipeline.ZERO_TOTALS
        for row in range(self.rowCount()):
            line = self.line(row)
            t = line.totals if line is not None else None
            for column, value in ((NET, t and t.net), (TAX, t and t.tax), (GROSS, t and t.gross)):
                item = self.item(row, column)
                if item is not None:
                    item.setText(f"{value:,.2f}" if value is not None else "?")
            if t is not None:
                total = total + t
        self.blockSignals(False)
        self.totals = total
        self.totals_changed.emit(total)


class OpportunityEditor(QDialog):
    """Edits one deal (or a new one). `draft()` is what Save writes."""

    def __init__(
        self,
        db: Database,
        draft: OpportunityDraft,
        stages: list[StageRow],
        parent: QWidget | None = None,
        *,
        bus: DataBus | None = None,
        undo: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Opportunity") if draft.id else self.tr("New opportunity"))
        self._db, self._bus, self._undo = db, bus or DataBus(self), undo
        self._draft = draft
        self._stages = stages
        self._db = db
        self.name = QLineEdit(draft.name, self)
        self.account = QComboBox(self)
        self.account.addItem(self.tr("(none)"), None)
        with db.reading() as session:
            choices = accounts.account_choices(session, limit=500)
            if draft.account_id and draft.account_id not in {c for c, _ in choices}:
                choices += [
                    (draft.account_id, accounts.get_account(session, draft.account_id).draft.name)
                ]
        for account_id, name in choices:
            self.account.addItem(name, account_id)
        choose_value(self.account, draft.account_id)
        self.stage = QComboBox(self)
        for s in stages:
            self.stage.addItem(stage_name(s.name), s.id)
        choose_value(self.stage, draft.stage_id)
        self.amount = QLineEdit(f"{draft.amount:.2f}", self)
        self.currency = QLineEdit(draft.currency, self)
        self.currency.setMaxLength(3)
        self.override = QCheckBox(self.tr("Override the stage's probability"), self)
        self.probability = QDoubleSpinBox(self)
        self.probability.setRange(0, 100)
        self.probability.setDecimals(1)
        self.probability.setSuffix(" %")
        self.close_date = QDateEdit(self)
        self.close_date.setCalendarPopup(True)
        self.close_date.setDisplayFormat("yyyy-MM-dd")
        close = draft.expected_close
        self.close_date.setDate(
            QDate(close.year, close.month, close.day) if close else QDate.currentDate()
        )
        self.source = QLineEdit(draft.source, self)
        self.owner = QLineEdit(draft.owner, self)
        self.competitors = QLineEdit(draft.competitors, self)
        self.next_step = QLineEdit(draft.next_step, self)
        self.notes = QPlainTextEdit(draft.notes, self)
        self.notes.setMaximumHeight(60)
        self.lines = LineItemsTable(self)
        self.product = QComboBox(self)
        self.product.setMinimumContentsLength(14)
        self.product.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        with db.reading() as session:
            self._products = {p.id: p for p in products.products(session, active_only=True)}
        for p in self._products.values():
            self.product.addItem(f"{p.code} · {p.name}", p.id)
            if p.category:  # the category as the item's tip
                self.product.setItemData(self.product.count() - 1, p.category,
                                         Qt.ItemDataRole.ToolTipRole)  # fmt: skip
        self.lines.set_lines(list(draft.lines))
        self.totals = QLabel(self)
        self.probability_note = QLabel(self)
        self.contacts = ContactRoles(self)
        self.story = StoryTable(self)
        self.follow_up_button = QPushButton(self.tr("Schedule follow-up…"), self)
        self.follow_up_button.setEnabled(draft.id is not None)
        self.follow_up_button.clicked.connect(self._on_follow_up_clicked)
        self._load_people()
        self.refresh_story()
        self.amount_from_lines = QCheckBox(self.tr("Amount is the lines' net total"), self)
        self.amount_from_lines.setChecked(bool(draft.lines) and draft.amount == sum(
            (line.totals.net for line in draft.lines), Decimal(0)))  # fmt: skip
        self._layout()
        self.override.toggled.connect(self._on_override_toggled)
        self.stage.currentIndexChanged.connect(self._show_probability)
        self.account.currentIndexChanged.connect(lambda _i: self._load_people(keep=True))
        self.lines.totals_changed.connect(self._on_lines_totals_changed)
        self.amount_from_lines.toggled.connect(
            lambda _on: self._on_lines_totals_changed(self.lines.totals)
        )
        self.override.setChecked(draft.probability is not None)
        self.probability.setEnabled(self.override.isChecked())
        self._show_probability()
        self._on_lines_totals_changed(self.lines.totals)

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Account"), self.account)
        form.addRow(self.tr("Stage"), self.stage)
        money = QHBoxLayout()
        money.addWidget(self.amount, 1)
        money.addWidget(self.currency)
        form.addRow(self.tr("Amount"), money)
        prob = QHBoxLayout()
        prob.addWidget(self.probability)
        prob.addWidget(self.override)
        prob.addWidget(self.probability_note, 1)
        form.addRow(self.tr("Probability"), prob)
        form.addRow(self.tr("Expected close"), self.close_date)
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self.tr("Owner"), self.owner)
        form.addRow(self.tr("Competitors"), self.competitors)
        form.addRow(self.tr("Next step"), self.next_step)
        form.addRow(self.tr("Notes"), self.notes)
        add = QPushButton(self.tr("Add line"), self)
        add.clicked.connect(lambda: self.lines.add_line())
        add_product = QPushButton(self.tr("Add product"), self)
        add_product.clicked.connect(self.add_product_line)
        remove = QPushButton(self.tr("Remove line"), self)
        remove.clicked.connect(self.lines.remove_current)
        bar = QHBoxLayout()
        bar.addWidget(self.product)
        bar.addWidget(add_product)
        bar.addWidget(add)
        bar.addWidget(remove)
        bar.addWidget(self.amount_from_lines)
        bar.addStretch(1)
        bar.addWidget(self.totals)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        if self._draft.id is not None:  # documents (views/documents) for a saved deal
            for kind, text in (("contract", self.tr("Generate contract…")),
                               ("quote", self.tr("Generate quote…"))):  # fmt: skip
                button = buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
                button.clicked.connect(lambda _c=False, k=kind: self._generate(k))
        details = QWidget(self)
        details_layout = QVBoxLayout(details)
        details_layout.addLayout(form)
        details_layout.addStretch(1)  # the rows keep their height; the space goes below
        items = QWidget(self)
        items_layout = QVBoxLayout(items)
        items_layout.addWidget(self.lines, 1)
        items_layout.addLayout(bar)
        story = QWidget(self)
        story_layout = QVBoxLayout(story)
        story_layout.addWidget(self.story, 1)
        follow = QHBoxLayout()
        follow.addWidget(self.follow_up_button)
        follow.addStretch(1)
        story_layout.addLayout(follow)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(details, self.tr("Deal"))
        self.tabs.addTab(items, self.tr("Line items"))
        self.tabs.addTab(self.contacts, self.tr("Contacts"))
        self.tabs.addTab(story, self.tr("Activities and events"))
        self.quotes = QuotesView(self._db, self._bus, self._undo, self._draft.id, self)
        self.tabs.addTab(self.quotes, self.tr("Quotes"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(860, 600))

    def _generate(self, kind: str) -> None:
        from crmdesk.views.documents.document_dialog import DocumentDialog

        if self._draft.id is not None:
            DocumentDialog(self._db, [self._draft.id], kind, self).exec()

    def _stage_row(self) -> StageRow | None:
        stage_id = self.stage.currentData()
        return next((s for s in self._stages if s.id == stage_id), None)

    def _show_probability(self) -> None:
        stage = self._stage_row()
        if not self.override.isChecked() and stage is not None:
            self.probability.setValue(float(stage.probability))
        elif self._draft.probability is not None and self.probability.value() == 0:
            self.probability.setValue(float(self._draft.probability))
        default = f"{stage.probability:.0f} %" if stage is not None else ""
        if self.override.isChecked():
            note = self.tr("Overridden; the stage's default is %1").replace("%1", default)
        else:
            note = self.tr("The stage's default")
        self.probability_note.setText(note)

    def add_product_line(self) -> None:
        """A line from the chosen catalogue product: its name, unit, price and tax rate."""
        p = self._products.get(self.product.currentData())
        if p is not None:
            self.lines.add_line(LineDraft(p.name, Decimal(1), p.price, Decimal(0), p.tax_rate,
                                          p.unit, p.id))  # fmt: skip

    # -- contacts and the deal's story ---------------------------------------------------------

    def _load_people(self, keep: bool = False) -> None:
        """The account's contacts to choose from; the deal's people with their roles."""
        roles = self.contacts.roles() if keep else list(self._draft.roles)
        with self._db.reading() as session:
            on_deal = [c for c, _ in roles]
            account_id = self.account.currentData()
            people = people_present_choices(session, self._draft.contact_id, account_id, on_deal)
        names = {p.id: p.name for p in people}
        offered = [p for p in people if p.id not in {c for c, _ in roles}] or people
        self.contacts.set_people(offered, roles, names)

    def refresh_story(self) -> None:
        if self._draft.id is None:
            return
        with self._db.reading() as session:
            self.story.set_items(opportunity_story(session, self._draft.id))

    def follow_up_dialog(self) -> FollowUpDialog:
        title = self.next_step.text().strip() or self.tr("Follow up: %1").replace(
            "%1", self.name.text().strip()
        )
        return FollowUpDialog(title, self)

    def finish_follow_up(self, dialog: FollowUpDialog) -> bool:
        """Put the follow-up in the calendar, linked to this deal (one undoable step)."""
        opp_id = self._draft.id
        if opp_id is None:
            return False
        title, day, at = dialog.title.text(), dialog.chosen_day(), dialog.chosen_time()
        kind, zone = EventKind(dialog.kind.currentData()), local_zone_name()

        def schedule(session: Session) -> object:
            return schedule_follow_up(session, opp_id, title=title, day=day, at=at, kind=kind,
                                      zone=zone)  # fmt: skip

        text = self.tr("Schedule follow-up %1").replace("%1", title)
        if self._undo is not None:
            done = writes.push(self, self._undo, WriteCommand(self._db, self._bus, text, schedule))
        else:
            done = writes.attempt(self, self._db, self._bus, schedule) is not None
        if done:
            self.refresh_story()
        return done

    def _on_follow_up_clicked(self) -> None:
        dialog = self.follow_up_dialog()
        if dialog.exec():
            self.finish_follow_up(dialog)
        dialog.deleteLater()

    def _on_override_toggled(self, on: bool) -> None:
        self.probability.setEnabled(on)
        self._show_probability()

    def _on_lines_totals_changed(self, totals: LineTotals) -> None:
        self.totals.setText(
            self.tr("Net %1 · tax %2 · gross %3")
            .replace("%1", f"{totals.net:,.2f}").replace("%2", f"{totals.tax:,.2f}")
            .replace("%3", f"{totals.gross:,.2f}")
        )  # fmt: skip
        driven = self.amount_from_lines.isChecked()
        self.amount.setReadOnly(driven)
        if driven:
            self.amount.setText(f"{totals.net:.2f}")

    def draft(self) -> OpportunityDraft | None:
        """The edited deal; None when a number does not read (the user is told)."""
        amount = decimal_of(self.amount.text())
        lines = self.lines.lines()
        if amount is None or any(line is None for line in lines):
            return None
        d = self._draft
        date = self.close_date.date()
        import datetime as dt

        return OpportunityDraft(
            name=self.name.text(),
            stage_id=self.stage.currentData(),
            account_id=self.account.currentData(),
            contact_id=d.contact_id,
            amount=amount,
            currency=self.currency.text().strip().upper() or "CNY",
            probability=Decimal(str(self.probability.value()))
            if self.override.isChecked()
            else None,
            expected_close=dt.date(date.year(), date.month(), date.day()),
            source=self.source.text().strip(),
            owner=self.owner.text().strip(),
            competitors=self.competitors.text().strip(),
            next_step=self.next_step.text().strip(),
            notes=self.notes.toPlainText(),
            lines=[line for line in lines if line is not None],
            roles=self.contacts.roles(),
            amount_from_lines=self.amount_from_lines.isChecked(),
            id=d.id,
            version=d.version,
        )

    def selected_account(self) -> uuid.UUID | None:
        return self.account.currentData()
