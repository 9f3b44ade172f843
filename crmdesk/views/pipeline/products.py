"""The product catalogue: a dialog listing the products (code, name, category, unit, price,
tax rate, cost, active) with a form to add or change one, and the import of a catalogue file."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from crmdesk.services import products
from crmdesk.services.products import ProductDraft, ProductRow
from crmdesk.store.db import Database
from crmdesk.views.pipeline.editor import decimal_of
from crmdesk.views.shell import writes
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.screen_fit import fit_to_screen
from crmdesk.views.shell.undo import WriteCommand
from crmdesk.views.transfer.import_wizard import PRODUCTS, ImportWizard
from crmdesk.views.widgets.fields import ChoiceEdit

_NUMBERS = ("price", "tax_rate", "cost")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ProductForm(QDialog):
    """One product; `draft()` is None when a figure does not read."""

    def __init__(
        self, draft: ProductDraft, parent: QWidget | None = None, categories: Sequence[str] = ()
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Product") if draft.id else self.tr("New product"))
        self._id = draft.id
        self.code, self.name = QLineEdit(draft.code, self), QLineEdit(draft.name, self)
        self.category = ChoiceEdit(categories, draft.category, self)
        self.category.set_max_length(products.CATEGORY_LENGTH)
        self.unit, self.currency = QLineEdit(draft.unit, self), QLineEdit(draft.currency, self)
        self.currency.setMaxLength(3)
        self.price = QLineEdit(f"{draft.price.normalize():f}", self)
        self.tax_rate = QLineEdit(f"{draft.tax_rate.normalize():f}", self)
        self.cost = QLineEdit(f"{draft.cost.normalize():f}", self)
        self.active = QCheckBox(self.tr("Offered (active)"), self)
        self.active.setChecked(draft.active)
        form = QFormLayout()
        for label, widget in ((self.tr("Code"), self.code), (self.tr("Name"), self.name),
                              (self.tr("Category"), self.category), (self.tr("Unit"), self.unit),
                              (self.tr("Price"), self.price),
                              (self.tr("Currency"), self.currency),
                              (self.tr("Tax rate %"), self.tax_rate), (self.tr("Cost"), self.cost),
                              ("", self.active)):  # fmt: skip
            form.addRow(label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(400, 370))

    def draft(self) -> ProductDraft | None:
        figures = {n: decimal_of(getattr(self, n).text()) for n in _NUMBERS}
        if any(v is None for v in figures.values()):
            return None
        price, tax, cost = (figures[n] or Decimal(0) for n in _NUMBERS)
        return ProductDraft(self.code.text(), self.name.text(), self.unit.text(), price, tax,
                            cost, self.currency.text() or "CNY", self.active.isChecked(),
                            self._id, self.category.text())  # fmt: skip


class ProductCatalogue(QDialog):
    """The catalogue, searchable; double-click or Edit to change a product."""

    def __init__(self, db: Database, bus: DataBus, undo: QUndoStack,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._db, self._bus, self._undo = db, bus, undo
        self.setWindowTitle(self.tr("Product catalogue"))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search code, name or category"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.refresh())
        self.show_inactive = QCheckBox(self.tr("Show inactive"), self)
        self.show_inactive.setChecked(True)
        self.show_inactive.toggled.connect(lambda _on: self.refresh())
        self.table = QTableWidget(0, 8, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Code"), self.tr("Name"), self.tr("Category"), self.tr("Unit"),
            self.tr("Price"), self.tr("Tax rate %"), self.tr("Cost"),
            self.tr("Active")])  # fmt: skip
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 80), (2, 190), (3, 50), (4, 90), (5, 80), (6, 90), (7, 50)):
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.doubleClicked.connect(lambda _i: self.edit_current())
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.show_inactive)
        bar = QHBoxLayout()
        for text, slot in ((self.tr("New product"), lambda: self.edit(ProductDraft())),
                           (self.tr("Edit…"), self.edit_current),
                           (self.tr("Import…"), self.open_import)):  # fmt: skip
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addStretch(1)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)
        self.rows: list[ProductRow] = []
        self.categories: list[str] = []
        fit_to_screen(self, QSize(1000, 540))
        self.refresh()

    def refresh(self) -> None:
        with self._db.reading() as session:
            self.rows = products.products(
                session, active_only=not self.show_inactive.isChecked(), search=self.search.text()
            )
            self.categories = products.categories(session)
        self.table.setRowCount(len(self.rows))
        for n, r in enumerate(self.rows):
            cells = (r.code, r.name, r.category, r.unit, f"{r.price:,.2f}",
                     f"{r.tax_rate.normalize():f}", f"{r.cost:,.2f}",
                     self.tr("Yes") if r.active else self.tr("No"))  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (4, 5, 6):
                    item.setTextAlignment(_RIGHT)
                self.table.setItem(n, column, item)

    def edit_current(self) -> None:
        n = self.table.currentRow()
        if 0 <= n < len(self.rows):
            self.edit(self.rows[n].draft)

    def edit(self, draft: ProductDraft) -> None:
        form = ProductForm(draft, self, self.categories)
        while form.exec():
            if self.save_form(form):
                break
        form.deleteLater()

    def save_form(self, form: ProductForm) -> bool:
        edited = form.draft()
        if edited is None:
            QMessageBox.warning(self, self.tr("Product"), self.tr("A figure does not read."))
            return False
        text = self.tr("Save product %1").replace("%1", edited.code)
        if not writes.push(self, self._undo, WriteCommand(self._db, self._bus, text,
                                                          _saving(edited))):  # fmt: skip
            return False
        self.refresh()
        return True

    def open_import(self) -> None:
        wizard = ImportWizard(self._db, self._bus, self)
        wizard.kind_combo.setCurrentIndex(wizard.kind_combo.findData(PRODUCTS))
        wizard.imported.connect(lambda _r: self.refresh())
        wizard.exec()
        wizard.deleteLater()


def _saving(draft: ProductDraft) -> Callable[[Session], object]:
    return lambda session: products.save_product(session, draft)

