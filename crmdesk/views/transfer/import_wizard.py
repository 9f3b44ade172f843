"""File > Import: choose a file, map its columns, preview what will land, import in one go
(contacts, orders, leads, products; a calendar file, known by its content, has no columns).

Reading, previewing and importing all run off the GUI thread (a 100k-row file takes seconds);
the import is one transaction, so Cancel or a failing row leaves the database as it was.
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from crmdesk.core.errors import ImportFailed
from crmdesk.core.texts import fill, translatable
from crmdesk.interop.column_mapping import (
    IGNORE_ROLE,
    NOTES_ROLE,
    PART_ROLE,
    ColumnMapping,
    column_role,
    column_roles,
    with_column_role,
)
from crmdesk.interop.event_records import CalendarFile
from crmdesk.interop.flat_columns import guess_flat_mapping
from crmdesk.interop.table import Table, cell_text
from crmdesk.models.enums import AddressKind, EmailKind, PhoneKind
from crmdesk.services import importing
from crmdesk.services.calendar_import import (
    CalendarImportResult,
    CalendarPlan,
    import_calendar,
    plan_calendar_import,
)
from crmdesk.services.history import batch_summary
from crmdesk.services.importing import (
    ContactBatch,
    ImportPreview,
    OrderAction,
    OrderBatch,
    OrderPreview,
    OrderPreviewRow,
)
from crmdesk.services.importing.flat import (
    FlatAction,
    FlatBatch,
    FlatImportResult,
    FlatPreview,
    import_flat,
    preview_flat,
    read_flat_file,
)
from crmdesk.store.db import Database
from crmdesk.views.shell import tasks, writes
from crmdesk.views.shell.background import BackgroundWork
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.field_labels import field_labels
from crmdesk.views.shell.i18n import _tr, translated
from crmdesk.views.shell.screen_fit import fit_to_screen
from crmdesk.views.shell.undo import ImportCommand, UndoHistory
from crmdesk.views.shell.undo_words import import_question
from crmdesk.views.shell.vocabulary import enum_text
from crmdesk.views.transfer import calendar_preview
from crmdesk.views.transfer.calendar_preview import EVENTS
from crmdesk.views.widgets.address_words import address_part_captions

CONTACTS, ORDERS, LEADS, PRODUCTS = "contacts", "orders", "leads", "products"
FILE_PAGE, MAPPING_PAGE, PREVIEW_PAGE = range(3)
SAMPLES = 3


def role_label(role: str) -> str:
    """A column role (interop.column_mapping.column_roles) in the user's words."""
    if role == NOTES_ROLE:
        return _tr("(keep in notes)")
    if role == IGNORE_ROLE:
        return _tr("(do not import)")
    if role == PART_ROLE:
        return _tr("(type of the column beside it)")
    group, _, rest = role.partition(":")
    if group == "field":
        return _field_role_labels().get(rest) or field_labels().get(rest, rest)
    if group in ("phones", "emails"):
        noun = _tr("Phone") if group == "phones" else _tr("Email")
        kind = PhoneKind(rest) if group == "phones" else EmailKind(rest)
        return fill(_tr("%1 (%2)"), (noun, enum_text(kind)))
    if group == "addresses":
        address_kind, _, part = rest.partition(":")
        words = (enum_text(AddressKind(address_kind)), address_part_captions().get(part, part))
        return fill(_tr("%1 address: %2"), words)
    return {"websites": _tr("Website"), "tags": _tr("Tag"), "ims": _tr("Chat")}.get(group, role)


def _field_role_labels() -> dict[str, str]:
    """Fields a file's column can feed that no record form shows under that name."""
    return {
        "formatted_name": _tr("Full name (as written)"),
        "photo_uri": _tr("Photo address (URL)"),
        "number": _tr("Order number"),
        "customer_name": _tr("Customer name"),
        "customer_code": _tr("Customer code"),
        "customer_email": _tr("Customer e-mail"),
        "ordered_on": _tr("Order date"),
        "amount": _tr("Order amount"),
        "currency": _tr("Currency"),
        "product": _tr("Product"),
        "quantity": _tr("Quantity"),
        "unit_price": _tr("Unit price"),
        "line_amount": _tr("Line amount"),
        "company": _tr("Company"),
        "phone": _tr("Phone"),
        "email": _tr("Email"),
        "city": _tr("City"),
        "source": _tr("Lead source"),
        "campaign": _tr("Campaign"),
        "owner": _tr("Owner"),
        "estimated_amount": _tr("Estimated amount"),
        "code": _tr("Product code"),
        "name": _tr("Product name"),
        "category": _tr("Product category"),
        "unit": _tr("Unit"),
        "price": _tr("Price"),
        "tax_rate": _tr("Tax rate %"),
        "cost": _tr("Cost"),
        "active": _tr("Active (yes/no)"),
    }


def reason_text(reason: str) -> str:
    """What happens to a row, or why it cannot be imported, in the user's words: the importers
    mark their texts (crmdesk.core.texts, Import context); one they did not mark shows as
    written."""
    return translated(("Import", "Validation"), reason)


def _order_cells(row: OrderPreviewRow) -> list[str]:
    amount = f"{row.amount} {row.currency}".strip() if row.amount is not None else ""
    outcome = {
        OrderAction.NEW: _tr("New"),
        OrderAction.DUPLICATE: _tr("Already here"),
        OrderAction.UNMATCHED: _tr("No matching account"),
        OrderAction.REJECTED: _tr("Rejected"),
    }[row.action]
    if row.reason:
        outcome = _tr("%1: %2").replace("%1", outcome).replace("%2", reason_text(row.reason))
    day = row.ordered_on.isoformat() if row.ordered_on else ""
    return [str(row.line), row.customer, row.number, day, amount, row.account, outcome]


@dataclasses.dataclass
class ImportSource:
    """The file as read: its table (None for vCard), the mapping in use, what it holds."""

    path: Path
    kind: str
    table: Table | None
    mapping: ColumnMapping | None


Batch = ContactBatch | OrderBatch | FlatBatch | CalendarFile
Preview = ImportPreview | OrderPreview | FlatPreview | CalendarPlan


def read_source(path: Path, kind: str) -> ImportSource:
    """Read the file once for the mapping step (vCards have no columns to map): the service
    sniffs it and refuses what it cannot import. An iCalendar file is known by its content."""
    if kind == EVENTS or calendar_preview.is_calendar(path):
        return ImportSource(path, EVENTS, None, None)
    table, mapping = importing.read_columns(path, orders=kind == ORDERS)
    if kind in (LEADS, PRODUCTS):
        if table is None:
            raise ImportFailed(translatable("Messages", "A vCard holds contacts, not a table."))
        mapping = guess_flat_mapping(kind, table.headers)
    return ImportSource(path, kind, table, mapping)


def read_batch(source: ImportSource) -> Batch:
    if source.kind == EVENTS:
        return calendar_preview.read_calendar_file(source.path)
    if source.kind in (LEADS, PRODUCTS):
        return read_flat_file(source.path, source.kind, source.mapping)
    if source.kind == ORDERS:
        return importing.read_order_file(source.path, source.mapping)
    return importing.read_contact_file(source.path, source.mapping)


class ImportWizard(QDialog):
    """Three steps on one dialog: File, Columns (CSV/Excel only), Preview and import."""

    imported = Signal(object)  # the import's result: contacts, orders, leads, products, events
    step_ready = Signal(int)  # the page now shown, once its background work is done

    def __init__(
        self,
        db: Database,
        bus: DataBus,
        parent: QWidget | None = None,
        undo: UndoHistory | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.bus, self.undo = db, bus, undo
        self.source: ImportSource | None = None
        self.batch: Batch | None = None
        self.preview: Preview | None = None
        self.result: Any = None
        self.setWindowTitle(self.tr("Import"))
        fit_to_screen(self, QSize(980, 640))

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._mapping_page())
        self.pages.addWidget(self._preview_page())

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.work = BackgroundWork(self.progress, self.message, self)
        self.work.busy_changed.connect(self._update_buttons)
        self.back_button = QPushButton(self.tr("< &Back"), self)
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton(self.tr("&Next >"), self)
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next)
        self.import_button = QPushButton(self.tr("&Import"), self)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch()
        for button in (self.back_button, self.next_button, self.import_button, self.cancel_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._show_page(FILE_PAGE)

    # --- pages --------------------------------------------------------------------------------

    def _file_page(self) -> QWidget:
        page = QWidget(self)
        self.path_edit = QLineEdit(page)
        self.path_edit.setPlaceholderText(self.tr("A .vcf, .csv, .xlsx or .ics file"))
        self.path_edit.textChanged.connect(self._on_path_edit_text_changed)
        browse = QPushButton(self.tr("&Browse…"), page)
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.kind_combo = QComboBox(page)
        self.kind_combo.addItem(self.tr("Contacts (vCard, Google, Outlook, any table)"), CONTACTS)
        self.kind_combo.addItem(self.tr("Orders / sales history (CSV or Excel)"), ORDERS)
        self.kind_combo.addItem(self.tr("Leads (CSV or Excel)"), LEADS)
        self.kind_combo.addItem(self.tr("Products, the catalogue (CSV or Excel)"), PRODUCTS)
        self.kind_combo.addItem(self.tr("Calendar events and tasks (iCalendar .ics)"), EVENTS)
        form = QFormLayout(page)
        form.addRow(self.tr("File:"), row)
        form.addRow(self.tr("It holds:"), self.kind_combo)
        note = QLabel(
            self.tr(
                "Nothing is written until you press Import on the last step; the import then "
                "lands whole or not at all."
            ),
            page,
        )
        note.setWordWrap(True)
        form.addRow(note)
        return page

    def _mapping_page(self) -> QWidget:
        page = QWidget(self)
        self.mapping_table = QTableWidget(0, 3, page)
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("First values"), self.tr("Goes into")]
        )
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(page)
        hint = QLabel(
            self.tr("Choose where each column goes. Columns kept in notes are not lost."), page
        )
        layout.addWidget(hint)
        layout.addWidget(self.mapping_table, 1)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget(self)
        self.counts_label = QLabel(page)
        self.counts_label.setWordWrap(True)
        self.rows_table = QTableWidget(0, 0, page)
        self.rows_table.verticalHeader().hide()
        self.rows_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows_table.horizontalHeader().setStretchLastSection(True)
        self.problems_label = QLabel(page)
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.allow_rejected = QCheckBox(
            self.tr("Import the other rows and skip the rejected ones"), page
        )
        self.allow_rejected.toggled.connect(self._update_buttons)
        self.allow_unmatched = QCheckBox(
            self.tr("Skip orders whose customer matches no account"), page
        )
        self.allow_unmatched.toggled.connect(self._update_buttons)
        layout = QVBoxLayout(page)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.rows_table, 1)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.allow_rejected)
        layout.addWidget(self.allow_unmatched)
        return page

    # --- navigation ---------------------------------------------------------------------------

    def set_file(self, path: str | Path, kind: str | None = None) -> None:
        """Choose the file (and what it holds); what Browse… does after its file dialog."""
        self.path_edit.setText(str(path))
        if kind is not None:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        elif calendar_preview.is_calendar(Path(path)):
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(EVENTS))
        elif "order" in Path(path).stem.lower() or "订单" in Path(path).stem:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(ORDERS))

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import from"),
            self.path_edit.text(),
            self.tr("Contacts, tables and calendars (*.vcf *.vcard *.csv *.txt *.xlsx *.ics);;"
                    "All files (*)"),
        )
        if path:
            self.set_file(path)

    def page(self) -> int:
        return self.pages.currentIndex()

    def next(self) -> None:
        if self.page() == FILE_PAGE:
            path, kind = Path(self.path_edit.text().strip()), self.kind_combo.currentData()
            self._run(lambda _t: read_source(path, kind), self._on_source_read)
        elif self.page() == MAPPING_PAGE:
            self._load_preview()

    def back(self) -> None:
        if self.page() == PREVIEW_PAGE and self.source and self.source.table is not None:
            self._show_page(MAPPING_PAGE)
        else:
            self._show_page(FILE_PAGE)

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self.message.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self.work.busy
        page = self.page()
        self.back_button.setEnabled(page != FILE_PAGE and not busy)
        self.next_button.setVisible(page != PREVIEW_PAGE)
        self.next_button.setEnabled(bool(self.path_edit.text().strip()) and not busy)
        self.import_button.setVisible(page == PREVIEW_PAGE)
        self.import_button.setEnabled(page == PREVIEW_PAGE and not busy and self._can_import())

    def _can_import(self) -> bool:
        preview = self.preview
        if preview is None:
            return False
        if isinstance(preview, CalendarPlan):
            return calendar_preview.can_import(preview)
        if preview.rejected and not self.allow_rejected.isChecked():
            return False
        if isinstance(preview, OrderPreview):
            if preview.unmatched and not self.allow_unmatched.isChecked():
                return False
            return preview.new > 0
        return preview.new + preview.updated > 0  # contacts, leads and products alike

    def _on_path_edit_text_changed(self, _text: str) -> None:
        self._update_buttons()

    # --- background work ------------------------------------------------------------------------

    def _run(self, work: Callable[[tasks.Task], Any], done: Callable[[Any], None]) -> None:
        self.work.run(work, done, self.tr("Stopped. Nothing was imported."))

    def cancel(self) -> None:
        """Stop the work under way (nothing is written), or close the dialog."""
        if not self.work.cancel():
            self.reject()

    def done(self, result: int) -> None:
        self.work.cancel()
        super().done(result)

    # --- steps --------------------------------------------------------------------------------

    def _on_source_read(self, source: ImportSource) -> None:
        self.source = source
        if source.table is None:
            self._load_preview()
            return
        self._fill_mapping_table(source)
        self._show_page(MAPPING_PAGE)
        self.step_ready.emit(MAPPING_PAGE)

    def _fill_mapping_table(self, source: ImportSource) -> None:
        table, mapping = source.table, source.mapping
        assert table is not None and mapping is not None
        roles = column_roles(source.kind)
        self.mapping_table.setRowCount(len(table.headers))
        for row, header in enumerate(table.headers):
            self.mapping_table.setItem(row, 0, QTableWidgetItem(header))
            samples = [cell_text(c) for c in table.column(header)[:50] if cell_text(c)][:SAMPLES]
            sample_item = QTableWidgetItem(" | ".join(s.replace("\n", " ") for s in samples))
            sample_item.setToolTip("\n".join(samples))
            self.mapping_table.setItem(row, 1, sample_item)
            combo = QComboBox(self.mapping_table)
            current = column_role(mapping, header)
            for role in roles if current != PART_ROLE else [PART_ROLE, *roles]:
                combo.addItem(role_label(role), role)
            combo.setCurrentIndex(combo.findData(current))
            combo.currentIndexChanged.connect(
                lambda _i, h=header, c=combo: self._on_role_changed(h, c.currentData())
            )
            self.mapping_table.setCellWidget(row, 2, combo)

    def role_combo(self, header: str) -> QComboBox:
        assert self.source is not None and self.source.table is not None
        row = self.source.table.headers.index(header)
        combo = self.mapping_table.cellWidget(row, 2)
        assert isinstance(combo, QComboBox)
        return combo

    def _on_role_changed(self, header: str, role: str) -> None:
        source = self.source
        if source is None or source.mapping is None or role == PART_ROLE:
            return
        source.mapping = with_column_role(source.mapping, header, role)
        for row, other in enumerate(source.table.headers if source.table else []):
            combo = self.mapping_table.cellWidget(row, 2)
            if other != header and isinstance(combo, QComboBox):
                wanted = column_role(source.mapping, other)
                if combo.currentData() != wanted and combo.findData(wanted) >= 0:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(combo.findData(wanted))
                    combo.blockSignals(False)

    def _load_preview(self) -> None:
        source = self.source
        assert source is not None
        db = self.db

        def work(task: tasks.Task) -> tuple[Any, Any]:
            batch = read_batch(source)
            with db.reading() as session:
                if isinstance(batch, CalendarFile):
                    return batch, plan_calendar_import(session, batch)
                if isinstance(batch, FlatBatch):
                    return batch, preview_flat(session, batch)
                if isinstance(batch, OrderBatch):
                    return batch, importing.preview_orders(session, batch)
                return batch, importing.preview_contacts(
                    session, batch, progress=task.report, cancelled=task.is_cancelled
                )

        self._run(work, self._on_preview_loaded)

    def _on_preview_loaded(self, loaded: tuple[Any, Any]) -> None:
        self.batch, self.preview = loaded
        preview = self.preview
        self.allow_rejected.setChecked(False)
        self.allow_unmatched.setChecked(False)
        rejected = not isinstance(preview, CalendarPlan) and bool(preview.rejected)
        self.allow_rejected.setVisible(rejected)
        orders = preview if isinstance(preview, OrderPreview) else None
        self.allow_unmatched.setVisible(orders is not None and bool(orders.unmatched))
        if isinstance(preview, CalendarPlan):
            self._show_calendar_preview(preview)
        elif isinstance(preview, OrderPreview):
            self._show_order_preview(preview)
        elif isinstance(preview, FlatPreview):
            self._show_flat_preview(preview)
        else:
            self._show_contact_preview(preview)
        self._show_page(PREVIEW_PAGE)
        self.step_ready.emit(PREVIEW_PAGE)

    def _show_contact_preview(self, preview: ImportPreview) -> None:
        self.counts_label.setText(self._contact_counts(preview))
        headers = [self.tr("Line"), self.tr("Name"), self.tr("Organization"), self.tr("Phone"),
                   self.tr("Email"), self.tr("City"), self.tr("What happens")]  # fmt: skip
        rows = [
            [str(r.line), r.name, r.organization, r.phone, r.email, r.city, reason_text(r.outcome)]
            for r in preview.rows
        ]
        self._fill_rows(headers, rows)
        self._show_problems(
            [(r.line, reason_text(r.reason)) for r in preview.rejections],
            self.tr("Rejected rows"),
            [
                (
                    self.tr("Left out (the contact form would refuse them; kept in the notes)"),
                    [(r.line, reason_text(r.reason)) for r in preview.left_out],
                ),
                (
                    self.tr("Possible duplicates (same name only; imported as new, to review)"),
                    [(d.line, f"{d.name} ~ {d.contact_name}") for d in preview.possible_duplicates],
                ),
            ],
        )

    def _contact_counts(self, p: ImportPreview) -> str:
        """ "<b>1</b> row: <b>1</b> new, …": English has a word for one, Chinese a numerus form."""
        one = p.total == 1
        rows = self.tr("<b>1</b> row") if one else self.tr("<b>%n</b> rows", "", p.total)
        updated = (
            self.tr("<b>1</b> updates an existing contact")
            if p.updated == 1
            else self.tr("<b>%n</b> update existing contacts", "", p.updated)
        )
        duplicate = (
            self.tr("<b>1</b> duplicate of a contact already here (merged into it)")
            if p.duplicate == 1
            else self.tr(
                "<b>%n</b> duplicates of contacts already here (merged into them)", "", p.duplicate
            )
        )
        accounts = (
            self.tr("1 new account.")
            if p.accounts_to_create == 1
            else self.tr("%n new accounts.", "", p.accounts_to_create)
        )
        return (
            self.tr("%1: %2, %3, %4, %5. %6")
            .replace("%1", rows)
            .replace("%2", self.tr("<b>%n</b> new", "contacts", p.new))
            .replace("%3", updated)
            .replace("%4", duplicate)
            .replace("%5", self.tr("<b>%n</b> rejected", "rows", p.rejected))
            .replace("%6", accounts)
        )

    def _show_calendar_preview(self, plan: CalendarPlan) -> None:
        """An iCalendar file: new events, updates by UID, and the lines skipped or read in part."""
        self.counts_label.setText(calendar_preview.counts_text(plan))
        self._fill_rows(calendar_preview.headers(), calendar_preview.rows(plan))
        self._show_problems(calendar_preview.problems(plan), calendar_preview.problems_title())

    def _show_order_preview(self, preview: OrderPreview) -> None:
        self.counts_label.setText(
            self.tr(
                "<b>%1</b> orders: <b>%2</b> new, <b>%3</b> already here (skipped), "
                "<b>%4</b> whose customer matches no account, <b>%5</b> rejected. "
                "Customers matched by code %6, by name %7, by email %8; %9 new products."
            )
            .replace("%1", str(preview.total))
            .replace("%2", str(preview.new))
            .replace("%3", str(preview.duplicate))
            .replace("%4", str(preview.unmatched))
            .replace("%5", str(preview.rejected))
            .replace("%6", str(preview.matched_by_code))
            .replace("%7", str(preview.matched_by_name))
            .replace("%8", str(preview.matched_by_email))
            .replace("%9", str(preview.products_to_create))
        )
        headers = [self.tr("Line"), self.tr("Customer"), self.tr("Number"), self.tr("Date"),
                   self.tr("Amount"), self.tr("Account"), self.tr("What happens")]  # fmt: skip
        rows = [_order_cells(r) for r in preview.rows]
        self._fill_rows(headers, rows)
        problems = [(r.line, reason_text(r.reason)) for r in preview.unmatched_rows]
        problems += [(r.line, reason_text(r.reason)) for r in preview.rejections]
        self._show_problems(sorted(problems), self.tr("Rows that cannot be imported"))

    def _show_flat_preview(self, preview: FlatPreview) -> None:
        """Leads or products: counts, the first rows and the rejected lines."""
        self.counts_label.setText(
            self.tr("<b>%1</b> rows: <b>%2</b> new, <b>%3</b> updated, <b>%4</b> already here "
                    "(skipped), <b>%5</b> rejected.")
            .replace("%1", str(preview.total)).replace("%2", str(preview.new))
            .replace("%3", str(preview.updated)).replace("%4", str(preview.duplicate))
            .replace("%5", str(preview.rejected))
        )  # fmt: skip
        words = {FlatAction.NEW: self.tr("New"), FlatAction.UPDATED: self.tr("Updated"),
                 FlatAction.DUPLICATE: self.tr("Already here"),
                 FlatAction.REJECTED: self.tr("Rejected")}  # fmt: skip
        leads = preview.kind == LEADS
        headers = [self.tr("Line"), self.tr("Name") if leads else self.tr("Product"),
                   self.tr("Company") if leads else self.tr("Price"),
                   self.tr("What happens")]  # fmt: skip
        rows = []
        for r in preview.rows:
            outcome = words[r.action]
            if r.reason:
                outcome = self.tr("%1: %2").replace("%1", outcome).replace(
                    "%2", reason_text(r.reason))
            rows.append([str(r.line), r.name, r.detail, outcome])
        self._fill_rows(headers, rows)
        problems = [(r.line, reason_text(r.reason)) for r in preview.rejections]
        self._show_problems(problems, self.tr("Rows that cannot be imported"))

    def _fill_rows(self, headers: list[str], rows: list[list[str]]) -> None:
        table = self.rows_table
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                table.setItem(r, c, QTableWidgetItem(value))
        table.resizeColumnsToContents()

    def _show_problems(
        self,
        problems: list[tuple[int, str]],
        title: str,
        more: list[tuple[str, list[tuple[int, str]]]] | None = None,
    ) -> None:
        """Lists of lines under the preview: `problems` under `title`, then each of `more`."""
        sections = [
            self._problem_section(heading, found)
            for heading, found in [(title, problems), *(more or [])]
            if found
        ]
        if not sections:
            self.problems_label.clear()
            self.problems_label.hide()
            return
        self.problems_label.setText("<br>".join(sections))
        self.problems_label.show()

    def _problem_section(self, title: str, problems: list[tuple[int, str]]) -> str:
        shown = problems[:10]
        lines = [
            self.tr("line %1: %2").replace("%1", str(line)).replace("%2", html.escape(reason))
            for line, reason in shown
        ]
        if len(problems) > len(shown):
            lines.append(_tr("… and %n more", None, len(problems) - len(shown)))
        return f"<b>{html.escape(title)}</b><br>" + "<br>".join(lines)

    def start_import(self) -> None:
        """Import what the preview shows, in one transaction, off the GUI thread."""
        batch, db = self.batch, self.db
        if batch is None or not self._can_import():
            return
        allow_rejected = self.allow_rejected.isChecked()
        allow_unmatched = self.allow_unmatched.isChecked()

        def write(session: Session, task: tasks.Task) -> Any:
            if isinstance(batch, CalendarFile):
                return import_calendar(session, batch, task.report, task.is_cancelled)
            if isinstance(batch, FlatBatch):
                return import_flat(session, batch, allow_rejected=allow_rejected,
                                   progress=task.report, cancelled=task.is_cancelled)  # fmt: skip
            if isinstance(batch, OrderBatch):
                return importing.import_orders(
                    session,
                    batch,
                    allow_unmatched=allow_unmatched,
                    allow_rejected=allow_rejected,
                    progress=task.report,
                    cancelled=task.is_cancelled,
                )
            return importing.import_contacts(
                session,
                batch,
                allow_rejected=allow_rejected,
                progress=task.report,
                cancelled=task.is_cancelled,
            )

        def work(task: tasks.Task) -> writes.Written[Any]:
            # the bulk writer works beside the ORM: its result says what it changed
            return writes.transact(db, lambda s: write(s, task), lambda r: r.changes)

        self._run(work, self._on_imported)

    def _on_imported(self, written: writes.Written[Any]) -> None:
        result = written.value
        self.result, self.preview = result, None
        writes.publish(self.bus, written)
        if self.undo is not None and self.batch is not None:
            self._push_undo_step(written)
        if isinstance(result, CalendarImportResult):
            text = calendar_preview.result_text(result)
        elif isinstance(result, FlatImportResult):
            text = (
                self.tr("Imported: %1 new, %2 updated, %3 skipped.")
                .replace("%1", str(result.new)).replace("%2", str(result.updated))
                .replace("%3", str(result.duplicate))
            )  # fmt: skip
        elif hasattr(result, "updated"):
            text = (
                self.tr("Imported: %1, %2, %3.")
                .replace("%1", self.tr("%n new", "contacts", result.new))
                .replace("%2", self.tr("%n updated", "contacts", result.updated))
                .replace("%3", self.tr("%n merged into existing contacts", "", result.duplicate))
            )
        else:
            text = (
                self.tr("Imported 1 order.")
                if result.new == 1
                else self.tr("Imported %n orders.", "", result.new)
            )
        self.message.setText(text)
        self.imported.emit(result)
        self.import_button.hide()
        self.back_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Close"))

    def _push_undo_step(self, written: writes.Written[Any]) -> None:
        """The import as one step of the window's undo stack, named by its file."""
        assert self.undo is not None and self.batch is not None
        batch = self.batch
        name = Path(batch.name if isinstance(batch, CalendarFile) else batch.filename).name
        text = self.tr("Import %1").replace("%1", name)
        with self.db.reading() as session:
            summary = batch_summary(session, written.batch_id)
        if summary is None or summary.note is None:
            return  # it wrote nothing: no step to take back
        question = import_question(summary.note)
        command = ImportCommand(self.db, self.bus, written, text, question)
        self.undo.stack.push(command)


__all__ = ["ImportWizard", "read_source", "role_label"]
