"""The Leads tab of the Opportunities pane: prospects filtered by status, source, owner and
text, edited, converted into a customer and a deal, disqualified with a reason, imported.

Dialogs are made and finished by separate methods (`convert_dialog` / `finish_convert`), so a
test drives the real dialog and the real write without a modal loop.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from crmdesk.core.texts import translatable
from crmdesk.models.enums import LeadStatus
from crmdesk.services import leads, pipeline
from crmdesk.services.leads import LeadDraft, LeadFilter, LeadRow, LeadSort
from crmdesk.store.db import Database
from crmdesk.views.pipeline.lead_dialogs import ConvertDialog, LeadEditor
from crmdesk.views.records.keyed_table_model import ID_ROLE, Column, KeyedTableModel
from crmdesk.views.shell import writes
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.i18n import translated
from crmdesk.views.shell.undo import WriteCommand
from crmdesk.views.shell.vocabulary import enum_text
from crmdesk.views.transfer.import_wizard import LEADS, ImportWizard

DISQUALIFY_REASONS = (
    translatable("Reasons", "No budget"),
    translatable("Reasons", "No need"),
    translatable("Reasons", "Cannot be reached"),
    translatable("Reasons", "Went elsewhere"),
    translatable("Reasons", "Duplicate"),
)


class LeadTableModel(KeyedTableModel[LeadFilter, LeadSort, LeadRow]):
    """Leads newest first, filtered in SQL and paged like the contacts list."""

    columns = (
        Column(translatable("LeadTableModel", "Created"), "created_at", LeadSort.CREATED,
               formatter=lambda d: d.date().isoformat(), width=10),
        Column(translatable("LeadTableModel", "Name"), "name", LeadSort.NAME, width=14),
        Column(translatable("LeadTableModel", "Company"), "company", LeadSort.COMPANY, width=20),
        Column(translatable("LeadTableModel", "Phone"), "phone", width=14),
        Column(translatable("LeadTableModel", "Email"), "email", width=20),
        Column(translatable("LeadTableModel", "Source"), "source", LeadSort.SOURCE, width=12),
        Column(translatable("LeadTableModel", "Status"), "status", LeadSort.STATUS,
               formatter=enum_text, width=10),
        Column(translatable("LeadTableModel", "Owner"), "owner", LeadSort.OWNER, width=10),
    )  # fmt: skip
    watches = ("leads",)

    def __init__(self, db: Database, bus: DataBus | None, parent: QWidget | None = None) -> None:
        super().__init__(db, bus, leads.lead_ids, leads.lead_rows, LeadFilter(), parent=parent)


class LeadsView(QWidget):
    """The list with its filters and the lead actions."""

    def __init__(self, db: Database, bus: DataBus, undo: QUndoStack,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._db, self._bus, self._undo = db, bus, undo
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search name, company, phone or e-mail"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("Every status"), None)
        for status in LeadStatus:
            self.status.addItem(enum_text(status), status)
        self.source, self.owner = QComboBox(self), QComboBox(self)
        self.model = LeadTableModel(db, bus, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.doubleClicked.connect(lambda i: self.edit(i.data(ID_ROLE)))
        self.new_button = QPushButton(self.tr("New lead"), self)
        self.new_button.clicked.connect(lambda: self.edit(None))
        self.convert_button = QPushButton(self.tr("Convert…"), self)
        self.convert_button.clicked.connect(self._on_convert_clicked)
        self.disqualify_button = QPushButton(self.tr("Disqualify…"), self)
        self.disqualify_button.clicked.connect(self._on_disqualify_clicked)
        self.import_button = QPushButton(self.tr("Import leads…"), self)
        self.import_button.clicked.connect(self.open_import)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        for combo in (self.status, self.source, self.owner):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        self.fill_choices()
        row = QHBoxLayout()
        for widget in (self.search, self.status, self.source, self.owner):
            row.addWidget(widget)
        row.addStretch(1)
        actions = QHBoxLayout()  # a row of their own: the pane fits a small window
        for button in (self.new_button, self.convert_button, self.disqualify_button,
                       self.import_button):  # fmt: skip
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)

    # -- filters -------------------------------------------------------------------------------

    def fill_choices(self) -> None:
        with self._db.reading() as session:
            sources, owners = leads.lead_sources(session), leads.lead_owners(session)
        for combo, everyone, names in ((self.source, self.tr("Every source"), sources),
                                       (self.owner, self.tr("Every owner"), owners)):  # fmt: skip
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everyone, None)
            for name in names:
                combo.addItem(name, name)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def current_filter(self) -> LeadFilter:
        return LeadFilter(
            status=self.status.currentData(),
            source=self.source.currentData(),
            owner=self.owner.currentData(),
            search=self.search.text(),
        )

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())

    def selected_id(self) -> uuid.UUID | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    # -- writes --------------------------------------------------------------------------------

    def _push(self, text: str, write: Callable[[Session], object]) -> bool:
        if not writes.push(self, self._undo, WriteCommand(self._db, self._bus, text, write)):
            return False
        self.fill_choices()
        return True

    def edit(self, lead_id: uuid.UUID | None) -> None:
        draft = LeadDraft()
        if lead_id is not None:
            with self._db.reading() as session:
                draft = leads.get_lead(session, lead_id)[0]
        editor = LeadEditor(draft, self)
        while editor.exec():
            if self.save_edited(editor):
                break
        editor.deleteLater()

    def save_edited(self, editor: LeadEditor) -> bool:
        edited = editor.draft()
        if edited is None:
            QMessageBox.warning(self, self.tr("Lead"), self.tr("The amount does not read."))
            return False
        name = edited.company or f"{edited.family_name}{edited.given_name}"
        return self._push(self.tr("Save lead %1").replace("%1", name),
                          lambda s: leads.save_lead(s, edited))  # fmt: skip

    def convert_dialog(self, lead_id: uuid.UUID) -> ConvertDialog:
        """The Convert dialog for a lead, with the duplicate check's findings."""
        with self._db.reading() as session:
            draft, row = leads.get_lead(session, lead_id)
            found = leads.find_duplicates(session, lead_id)
            stages = pipeline.stages(session)
        name = row.company or row.name
        return ConvertDialog(name, found, stages, draft.estimated_amount, self)

    def finish_convert(self, lead_id: uuid.UUID, dialog: ConvertDialog) -> bool:
        """Convert as the dialog says: one undoable step."""
        amount = dialog.deal_amount()
        if amount is None:
            QMessageBox.warning(self, self.tr("Convert lead"), self.tr("The amount does not read."))
            return False
        contact_id, account_id = dialog.contact_id(), dialog.account_id()
        make_deal, stage_id = dialog.make_deal.isChecked(), dialog.stage_id()
        deal_name = dialog.deal_name.text()

        def convert(session: Session) -> object:
            return leads.convert_lead(
                session, lead_id, account_id=account_id, contact_id=contact_id,
                create_opportunity=make_deal, opportunity_name=deal_name, amount=amount,
                stage_id=stage_id,
            ).changes  # fmt: skip

        return self._push(self.tr("Convert lead %1").replace("%1", deal_name), convert)

    def _on_convert_clicked(self) -> None:
        lead_id = self.selected_id()
        if lead_id is None:
            return
        dialog = self.convert_dialog(lead_id)
        while dialog.exec():
            if self.finish_convert(lead_id, dialog):
                break
        dialog.deleteLater()

    def disqualify(self, lead_id: uuid.UUID, reason: str) -> bool:
        return self._push(
            self.tr("Disqualify lead"),
            lambda s: leads.set_status(s, lead_id, LeadStatus.DISQUALIFIED, reason),
        )

    def _on_disqualify_clicked(self) -> None:
        lead_id = self.selected_id()
        if lead_id is None:
            return
        words = [translated("Reasons", r) for r in DISQUALIFY_REASONS]
        question = self.tr("Why is the lead disqualified?")
        text, ok = QInputDialog.getItem(self, self.tr("Disqualify lead"), question, words, 0, True)
        if ok and text.strip():
            self.disqualify(lead_id, text.strip())

    def open_import(self) -> None:
        """The import wizard, set for a table of leads."""
        wizard = ImportWizard(self._db, self._bus, self)
        wizard.kind_combo.setCurrentIndex(wizard.kind_combo.findData(LEADS))
        wizard.imported.connect(lambda _r: self.fill_choices())
        wizard.exec()
        wizard.deleteLater()
