"""The Contacts pane: contacts and accounts in big SQL-backed tables, search as you type, filters,
the recycle bin, and the selected record's form with its timeline beside the table.

Each tab is a `RecordKind` (views/contacts/kinds.py): what differs between contacts and accounts
lives there, so this module never asks which kind it is showing.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSettings,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services.changes import Changes
from crmdesk.services.contacts import ContactFilter
from crmdesk.store.db import Database
from crmdesk.views.contacts.account_form import AccountForm
from crmdesk.views.contacts.kinds import KINDS
from crmdesk.views.contacts.pane_bars import FilterBar, SearchBar
from crmdesk.views.contacts.timeline_view import TimelineView
from crmdesk.views.records.entity import AnyForm, AnyTable, RecordKind
from crmdesk.views.records.record_table import key_columns_width, record_table
from crmdesk.views.records.recycle_bin import confirm_purge
from crmdesk.views.records.selection import Remembered, remember, select_ids, selected_rows
from crmdesk.views.records.summary_view import SummaryLoader, SummaryView
from crmdesk.views.shell import errors, writes
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.i18n import _tr
from crmdesk.views.shell.undo import restore_command

SUMMARY_DELAY_MS = 300
CONTACTS, ACCOUNTS = 0, 1  # the tabs, in the order of kinds.KINDS
SPLITTER_KEY = "contacts_pane/splitter"



def _ids_at(model: AnyTable, rows: Sequence[int]) -> list[uuid.UUID]:
    """The keys shown in these rows (rows outside the table have none)."""
    return [key for row in rows if (key := model.id_at(row)) is not None]


class _Tab:
    """One kind's table: its model, its view, its form, and what to restore after a reset."""

    def __init__(self, index: int, kind: RecordKind, model: AnyTable, view: QTableView):
        self.index, self.kind, self.model, self.view = index, kind, model, view
        self.form: AnyForm | None = None
        self.remembered: Remembered | None = None
        self.select_after_delete: int | None = None
        self.pending_select: uuid.UUID | None = None


class ContactsPane(QWidget):
    """Contacts | Accounts, a search box and filters over a table, the record's form beside it.

    `selection_changed` is emitted when the table selection changes; `current_id()` is the record
    of the table's current row. The main window calls `new_record()`, `delete_selected()` and
    `focus_search()` from its actions.
    """

    selection_changed = Signal()
    facets_loaded = Signal()
    summary_loaded = Signal()
    case_requested = Signal(object)  # a case's id, from the timeline: for the Service pane

    def __init__(
        self,
        db: Database,
        bus: DataBus,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self._db, self._bus, self._undo_stack = db, bus, undo_stack
        self._settings = settings
        self._tabs: dict[int, _Tab] = {}
        self._shown: tuple[int, uuid.UUID | None] | None = None
        self._syncing_selection = False
        self._autosaving = False
        self._split_once = self._detail_split_once = False
        self._fitted: list[AnyForm] = []  # forms the detail side was widened for
        self._summary = SummaryLoader(db, self)
        self._summary.loaded.connect(self._on_summary_loaded)
        self._summary.failed.connect(lambda error, details: errors.report(self, error, details))
        self._purge_note = ""  # "2 contacts deleted for good.", until a record is shown

        self.bar = SearchBar([kind.words.tab() for kind in KINDS], self)
        self.filters = FilterBar(db, self)
        self._alias_bar_widgets()
        self.chosen: frozenset[uuid.UUID] | None = None  # customers an Insights chart picked
        self._search_placeholder = self.search_box.placeholderText()
        self.tables = QStackedWidget(self)
        self.detail = QStackedWidget(self)
        self.placeholder = SummaryView(self)
        self.detail.addWidget(self.placeholder)
        self.timeline = TimelineView(db, bus, self, undo_stack=undo_stack)
        self.addAction(self.timeline.log_action)  # Ctrl+L anywhere in the pane
        self.timeline.case_requested.connect(self.case_requested)
        self.detail_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.detail_splitter.addWidget(self.detail)
        self.detail_splitter.addWidget(self.timeline)
        self.detail_splitter.setStretchFactor(0, 3)
        self.detail_splitter.setStretchFactor(1, 1)
        self.detail_splitter.setChildrenCollapsible(False)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 0, 8)
        left_layout.setSpacing(6)
        left_layout.addWidget(self.bar)
        left_layout.addWidget(self.filters)
        left_layout.addWidget(self.filters.empty_notice)
        left_layout.addWidget(self.tables, 1)
        left_layout.addLayout(self.filters.bottom)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("contacts_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail_splitter)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.splitterMoved.connect(self._on_splitter_moved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self._summary_timer = QTimer(self)
        self._summary_timer.setSingleShot(True)
        self._summary_timer.setInterval(SUMMARY_DELAY_MS)
        self._summary_timer.timeout.connect(self._load_summary)
        self._connect_bars()
        bus.changed.connect(self._on_bus_changed)

        self._tab(CONTACTS)
        self.tables.setCurrentWidget(self._tabs[CONTACTS].view)
        self._update_placeholder()

    def _alias_bar_widgets(self) -> None:
        """The bars' widgets under the names the main window and tests know them by."""
        self.switch, self.search_box, self.bin_button = (
            self.bar.switch,
            self.bar.search_box,
            self.bar.bin_button,
        )
        f = self.filters
        self.tier_combo, self.loyalty_combo, self.industry_combo = (
            f.tier_combo,
            f.loyalty_combo,
            f.industry_combo,
        )
        self.tag_combo, self.city_combo, self.owner_combo = f.tag_combo, f.city_combo, f.owner_combo
        self.count_label, self.restore_button, self.empty_bin_button = (
            f.count_label,
            f.restore_button,
            f.empty_bin_button,
        )
        self.empty_notice = f.empty_notice

    def _connect_bars(self) -> None:
        self.bar.filter_changed.connect(self._apply_filter)
        self.bar.switch.currentChanged.connect(self._on_switch_current_changed)
        self.bar.down_pressed.connect(self._focus_table)
        self.bar.bin_button.toggled.connect(self._on_bin_button_toggled)
        self.filters.filter_changed.connect(self._apply_filter)
        self.filters.restore_button.clicked.connect(self.restore_selected)
        self.filters.empty_bin_button.clicked.connect(self.empty_recycle_bin)
        self.filters.clear_requested.connect(self.clear_filters)
        self.filters.facets_loaded.connect(self._on_facets_loaded)

    def _tab(self, index: int) -> _Tab:
        """The table of one kind, built the first time it is shown."""
        if index in self._tabs:
            return self._tabs[index]
        kind = KINDS[index]
        model = kind.table(self._db, self._bus, self._filter(kind), self, load=False)
        view = record_table(model, f"{kind.name}_table", self.tables)
        view.horizontalHeader().sortIndicatorChanged.connect(self._on_header_sort_changed)
        view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        view.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        view.activated.connect(self._on_view_activated)
        view.installEventFilter(self)  # Delete deletes the selection
        model.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)
        model.keys_loaded.connect(self._on_model_keys_loaded)
        model.load_failed.connect(self._on_model_load_failed)
        self.tables.addWidget(view)
        tab = _Tab(index, kind, model, view)
        self._tabs[index] = tab
        model.refresh()
        return tab

    def _form(self, index: int) -> AnyForm:
        tab = self._tab(index)
        if tab.form is None:
            tab.form = tab.kind.form(self._db, self._bus, self._undo_stack, self.detail)
            tab.form.saved.connect(self._on_form_saved)
            if isinstance(tab.form, AccountForm):
                tab.form.contact_opened.connect(self.open_contact)
            tab.form.restore_requested.connect(self._on_form_restore_requested)
            tab.form.purge_requested.connect(self._on_form_purge_requested)
            self.detail.addWidget(tab.form)
        return tab.form

    # -- public API ----------------------------------------------------------------------------

    @property
    def kind(self) -> int:
        """CONTACTS or ACCOUNTS: which table is showing."""
        return self.switch.currentIndex()

    @property
    def record_kind(self) -> RecordKind:
        return KINDS[self.kind]

    @property
    def model(self) -> AnyTable:
        return self._tabs[self.kind].model

    @property
    def table(self) -> QTableView:
        return self._tabs[self.kind].view

    @property
    def form(self) -> AnyForm | None:
        return self._tabs[self.kind].form

    def current_id(self) -> uuid.UUID | None:
        """The record in the table's current row (None when no row is current)."""
        index = self.table.selectionModel().currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def selected_ids(self) -> list[uuid.UUID]:
        model = self.model
        return _ids_at(model, selected_rows(self.table))

    def show_contacts(self) -> None:
        self.switch.setCurrentIndex(CONTACTS)

    def show_accounts(self) -> None:
        self.switch.setCurrentIndex(ACCOUNTS)

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def search(self, text: str) -> None:
        """Show the records matching `text` now (typing waits for a pause first)."""
        self.search_box.setText(text)
        self._apply_filter()

    def clear_search(self) -> None:
        self.search_box.clear()
        self._apply_filter()

    def clear_filters(self) -> None:
        """Search box and every filter back to "all" (what the empty-result notice offers)."""
        self.search_box.clear()
        self.filters.clear()
        if self.chosen is not None:
            self.chosen = None
            self.search_box.setPlaceholderText(self._search_placeholder)
        self._apply_filter()

    def new_record(self) -> None:
        """A blank form for a new record of the tab's kind, scrolled to the top."""
        if self.bin_button.isChecked():
            self.bin_button.setChecked(False)
        form = self._form(self.kind)
        if not self._leave_form(form):
            return
        self._syncing_selection = True
        try:
            self.table.clearSelection()
            self.table.selectionModel().setCurrentIndex(
                QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        finally:
            self._syncing_selection = False
        form.load(None)
        self._show_form(self.kind, None)
        form.scroll_area.verticalScrollBar().setValue(0)
        self.focus_form()

    def delete_selected(self) -> None:
        """Move the selected records to the recycle bin (undoable)."""
        if self.bin_button.isChecked():
            return
        rows = selected_rows(self.table)
        if not rows:
            return
        tab = self._tabs[self.kind]
        ids = _ids_at(tab.model, rows)
        tab.select_after_delete = rows[0]
        command = tab.kind.delete_command(self._db, self._bus, ids)
        if not writes.push(self, self._undo_stack, command):
            tab.select_after_delete = None

    def restore_selected(self) -> None:
        """Bring the selected records back from the recycle bin (undoable)."""
        rows = selected_rows(self.table)
        if not self.bin_button.isChecked() or not rows:
            return
        tab = self._tabs[self.kind]
        self._restore(tab, _ids_at(tab.model, rows), rows[0])

    def _restore(self, tab: _Tab, ids: Sequence[uuid.UUID], first_row: int | None) -> None:
        command = restore_command(self._db, self._bus, ids, tab.kind.name)
        tab.select_after_delete = first_row
        if not writes.push(self, self._undo_stack, command):
            tab.select_after_delete = None

    def open_contact(self, contact_id: uuid.UUID) -> None:
        """Show a contact (double-clicked in an account's story) in the Contacts table."""
        self._open(CONTACTS, contact_id)

    def open_account(self, account_id: uuid.UUID) -> None:
        """Show an account (a Today or Insights line, a draft restored after a crash) in the
        Accounts table."""
        self._open(ACCOUNTS, account_id)

    def _open(self, index: int, record_id: uuid.UUID) -> None:
        if self.bin_button.isChecked():
            self.bin_button.setChecked(False)
        if index == CONTACTS:
            self.show_contacts()
        else:
            self.show_accounts()
        self._show_record(index, record_id)
        tab = self._tabs[index]
        if tab.model.row_of(record_id) is None:
            tab.pending_select = record_id
        else:
            self._syncing_selection = True
            try:
                self._select_ids(tab, [record_id], record_id)
            finally:
                self._syncing_selection = False

    def show_chosen(self, account_ids: frozenset[uuid.UUID], contacts: bool, what: str) -> None:
        """List only these customers (an Insights segment), or the contacts at them; `what`
        names the choice in the search box until the filters are cleared."""
        self.chosen = account_ids
        self.search_box.clear()
        self.search_box.setPlaceholderText(
            self.tr("Showing %1 (%n customer(s)) — clear the filters to see all", "",
                    len(account_ids)).replace("%1", what)
        )  # fmt: skip
        self.switch.setCurrentIndex(CONTACTS if contacts else ACCOUNTS)
        self._apply_filter()
    def purge_records(self, ids: Sequence[uuid.UUID]) -> bool:
        """Delete these records of the tab's kind for good, after asking; True if done."""
        tab = self._tabs[self.kind]
        if not ids or not confirm_purge(self, tab.kind.words.purge_question(len(ids))):
            return False
        first = min((r for r in map(tab.model.row_of, ids) if r is not None), default=None)
        tab.select_after_delete = first
        written = writes.attempt(self, self._db, self._bus, lambda s: tab.kind.purge(s, ids))
        if written is None:
            tab.select_after_delete = None
            return False
        gone = written.changes.ids(tab.kind.name) & frozenset(ids)
        self._purge_note = tab.kind.words.purged(len(gone))
        if self._shown is not None and self._shown[1] in gone:
            self._show_placeholder()
        else:
            self._update_placeholder()
        return True

    def empty_recycle_bin(self) -> bool:
        """Everything of the tab's kind in the recycle bin, deleted for good (asked first)."""
        if not self.bin_button.isChecked():
            return False
        kind = self.record_kind
        with self._db.reading() as session:
            ids = kind.keys(session, kind.filter_type(deleted=True))
        return self.purge_records(ids)

    def focus_form(self) -> None:
        form = self.form
        if form is None or self.detail.currentWidget() is not form:
            return
        first = getattr(form, self.record_kind.first_field, None)
        (first if isinstance(first, QWidget) else form).setFocus(Qt.FocusReason.OtherFocusReason)

    # -- filters -------------------------------------------------------------------------------

    def _filter(self, kind: RecordKind) -> Any:
        return kind.filter_type(
            search=self.search_box.text().strip(),
            deleted=self.bin_button.isChecked(),
            account_ids=self.chosen,
            **self.filters.values(),
        )

    def contact_filter(self) -> ContactFilter:
        """The contacts the filters and search select now (what "export these" exports)."""
        found = self._filter(KINDS[CONTACTS])
        assert isinstance(found, ContactFilter)
        return found

    @Slot()
    def _apply_filter(self) -> None:
        self.bar.stop_timer()
        if self.kind in self._tabs:
            self.model.set_filter(self._filter(self.record_kind))

    def _focus_table(self) -> None:
        view = self.table
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not view.selectionModel().hasSelection() and self.model.rowCount():
            view.selectRow(0)

    def _on_bin_button_toggled(self, checked: bool) -> None:
        self.filters.set_bin_mode(checked)
        self._apply_filter()
        self._update_count()
        self._update_placeholder()

    def _on_switch_current_changed(self, index: int) -> None:
        if not self._tabs:
            return  # still building
        tab = self._tab(index)
        self.tables.setCurrentWidget(tab.view)
        tab.model.set_filter(self._filter(tab.kind))
        self._update_count()
        current = tab.view.selectionModel().currentIndex()
        key = tab.model.id_at(current.row()) if current.isValid() else None
        if key is not None:
            self._show_record(index, key)
        elif tab.form is not None and self._shown is not None and self._shown[0] == index:
            self._show_form(index, tab.form.record_id)
        else:
            self._show_placeholder()
        self.selection_changed.emit()

    @Slot()
    def _on_facets_loaded(self) -> None:
        self.facets_loaded.emit()

    def _on_bus_changed(self, changes: Changes) -> None:
        if changes.contacts or changes.accounts:
            self.filters.schedule_facets()
            self._summary_timer.start()

    # -- the summary shown when no record is open ----------------------------------------------

    @Slot()
    def _load_summary(self) -> None:
        if self.detail.currentWidget() is self.placeholder and self.kind in self._tabs:
            self._summary.load(self.record_kind, self._filter(self.record_kind))

    @Slot(object)
    def _on_summary_loaded(self, found: Any) -> None:
        kind, in_bin = self.record_kind, self.bin_button.isChecked()
        self.placeholder.show_summary(
            kind.words.count(self.model.rowCount(), in_bin),
            [] if in_bin else kind.describe(found),
            self._placeholder_hint(),
        )
        self.summary_loaded.emit()

    # -- table resets: keep the selection by id ------------------------------------------------

    def _tab_of(self, model: object) -> _Tab | None:
        return next((t for t in self._tabs.values() if t.model is model), None)

    @Slot()
    def _on_model_about_to_be_reset(self) -> None:
        tab = self._tab_of(self.sender())
        if tab is None:
            return
        tab.remembered = remember(tab.view, tab.model)

    @Slot(int)
    def _on_model_keys_loaded(self, count: int) -> None:
        tab = self._tab_of(self.sender())
        if tab is None:
            return
        remembered, tab.remembered = tab.remembered, None
        after_delete, tab.select_after_delete = tab.select_after_delete, None
        pending, tab.pending_select = tab.pending_select, None
        if pending is not None and tab.model.row_of(pending) is not None:
            self._select_ids(tab, [pending], pending)
        elif remembered is not None:
            found = [key for key in remembered.ids if tab.model.row_of(key) is not None]
            if found:
                current = remembered.current if remembered.current in found else found[0]
                self._select_ids(tab, found, current)
            elif after_delete is not None and count:
                row = min(after_delete, count - 1)
                if (key := tab.model.id_at(row)) is not None:
                    self._select_ids(tab, [key], key)
        if tab.index == self.kind:
            self._update_count()
            self._update_placeholder()
            self.filters.show_empty_notice(
                count == 0 and not self.bin_button.isChecked(),
                self._is_filtered(),
                tab.kind.words.tab(),
            )
        self.filters.start_facets_once()

    def _is_filtered(self) -> bool:
        return bool(self.search_box.text().strip()) or self.filters.is_filtered()

    def _select_ids(self, tab: _Tab, ids: Sequence[uuid.UUID], current: uuid.UUID) -> None:
        select_ids(tab.view, tab.model, ids, current)

    @Slot(object, str)
    def _on_model_load_failed(self, error: BaseException, details: str) -> None:
        self.filters.start_facets_once()
        errors.report(self, error, details)

    def _update_count(self) -> None:
        tab = self._tabs.get(self.kind)
        if tab is None:
            return
        n = tab.model.rowCount()
        self.count_label.setText(tab.kind.words.count(n, self.bin_button.isChecked()))
        self.empty_bin_button.setEnabled(self.bin_button.isChecked() and n > 0)

    # -- selection and the detail area ---------------------------------------------------------

    @Slot()
    def _on_selection_changed(self) -> None:
        self.selection_changed.emit()

    @Slot(QModelIndex, QModelIndex)
    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing_selection or not current.isValid():
            return
        tab = self._tab_of(current.model())
        if tab is None or tab.index != self.kind:
            return
        if (key := tab.model.id_at(current.row())) is not None:
            self._show_record(tab.index, key)

    def _show_record(self, index: int, key: uuid.UUID) -> None:
        if self._shown == (index, key):
            return
        form = self._form(index)
        if not self._leave_form(form):
            self._reselect_form_record(index, form)
            return
        form.load(key)
        self._show_form(index, key)

    def _leave_form(self, form: AnyForm) -> bool:
        """Before showing another record: save unsaved edits (False if they cannot be saved)."""
        if not form.is_dirty():
            return True
        self._autosaving = True
        try:
            return form.save()
        finally:
            self._autosaving = False

    def _reselect_form_record(self, index: int, form: AnyForm) -> None:
        tab = self._tabs[index]
        self._syncing_selection = True
        try:
            if form.record_id is not None and tab.model.row_of(form.record_id) is not None:
                self._select_ids(tab, [form.record_id], form.record_id)
            else:
                tab.view.clearSelection()
        finally:
            self._syncing_selection = False

    def _show_form(self, index: int, key: uuid.UUID | None) -> None:
        form = self._form(index)
        self.detail.setCurrentWidget(form)
        if form not in self._fitted:
            # Measured once the form is laid out with what load() filled in.
            self._fitted.append(form)
            QTimer.singleShot(0, self, lambda: self._fit_detail(form))
        self._show_timeline(index, key)
        self.timeline.show()
        self._shown = (index, key)
        self._purge_note = ""

    def _show_timeline(self, index: int, key: uuid.UUID | None) -> None:
        if key is None:
            self.timeline.show_for()
        else:
            self.timeline.show_for(**{KINDS[index].timeline_link: key})

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._split_once:
            return
        self._split_once = True
        saved = self._settings.value(SPLITTER_KEY) if self._settings is not None else None
        if isinstance(saved, QByteArray) and self.splitter.restoreState(saved):
            self._restored_split = True
            return
        total = sum(self.splitter.sizes())
        right = int(total * 0.42)
        self.splitter.setSizes([total - right, right])

    _restored_split = False

    def _on_splitter_moved(self, _pos: int, _index: int) -> None:
        self._restored_split = True  # the user's choice from now on: no automatic widening
        if self._settings is not None:
            self._settings.setValue(SPLITTER_KEY, self.splitter.saveState())

    def _fit_detail(self, form: AnyForm) -> None:
        """Widen the detail side so the form fits without scrolling sideways, as far as the
        table keeps its key columns; the first time, give the form three quarters of the height."""
        if not self.isVisible():
            return
        needed = (
            form.content.minimumSizeHint().width()
            + form.scroll_area.verticalScrollBar().sizeHint().width()
            + 2 * form.scroll_area.frameWidth()
            + 2
        )
        left, right = self.splitter.sizes()
        total = left + right
        keep = key_columns_width(self.table, 3) + 8  # name, account and phone stay in view
        if right < needed and total > 0 and not self._restored_split:
            right = min(needed, max(total - keep, right))
            self.splitter.setSizes([total - right, right])
        if not self._detail_split_once:
            self._detail_split_once = True
            height = sum(self.detail_splitter.sizes()) or self.detail_splitter.height()
            self.detail_splitter.setSizes([height * 3 // 4, height - height * 3 // 4])

    def _show_placeholder(self) -> None:
        self._shown = None
        self.detail.setCurrentWidget(self.placeholder)
        self.timeline.show_for()
        self.timeline.hide()
        self._update_placeholder()

    def _placeholder_hint(self) -> str:
        if self._purge_note:
            return self._purge_note
        if self.bin_button.isChecked():
            return _tr(
                "Select a deleted record to see it, then Restore to bring it back or Delete "
                "for good to remove it."
            )
        return self.record_kind.words.placeholder()

    def _update_placeholder(self) -> None:
        if self.detail.currentWidget() is not self.placeholder:
            return
        self.timeline.hide()
        if self.kind in self._tabs:
            n = self.model.rowCount()
            heading = self.record_kind.words.count(n, self.bin_button.isChecked())
            self.placeholder.heading.setText(heading)
        self.placeholder.hint.setText(self._placeholder_hint())
        if self.kind in self._tabs and not self.model.is_loading:
            self._summary_timer.start()  # after the keys: the first page comes first

    @Slot(object)
    def _on_form_saved(self, key: uuid.UUID) -> None:
        form = self.sender()
        index = next((i for i, t in self._tabs.items() if t.form is form), self.kind)
        if self._shown == (index, None):
            self._shown = (index, key)
            self._show_timeline(index, key)
            if not self._autosaving:
                self._tabs[index].pending_select = key

    def _form_tab(self) -> tuple[_Tab, uuid.UUID] | None:
        form = self.sender()
        tab = next((t for t in self._tabs.values() if t.form is form), None)
        if tab is None or tab.form is None or tab.form.record_id is None:
            return None
        return tab, tab.form.record_id

    @Slot()
    def _on_form_restore_requested(self) -> None:
        found = self._form_tab()
        if found is not None:
            tab, key = found
            self._restore(tab, [key], tab.model.row_of(key))

    @Slot()
    def _on_form_purge_requested(self) -> None:
        found = self._form_tab()
        if found is not None:
            self.purge_records([found[1]])

    @Slot(QModelIndex)
    def _on_view_activated(self, index: QModelIndex) -> None:
        tab = self._tab_of(index.model())
        if tab is None:
            return
        if (key := tab.model.id_at(index.row())) is not None:
            self._show_record(tab.index, key)
        self.focus_form()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and any(tab.view is watched for tab in self._tabs.values())
            and event.matches(QKeySequence.StandardKey.Delete)
        ):
            self.delete_selected()
            return True
        return super().eventFilter(watched, event)

    @Slot(int, Qt.SortOrder)
    def _on_header_sort_changed(self, section: int, _order: Qt.SortOrder) -> None:
        tab = self._tabs[self.kind]
        columns = tab.model.columns
        if 0 <= section < len(columns) and columns[section].sort is None:
            # Not sortable: put the indicator back where the rows really are sorted.
            tab.view.horizontalHeader().setSortIndicator(
                tab.model.sort_column(), tab.model.sort_order()
            )


__all__ = ["ACCOUNTS", "CONTACTS", "ContactsPane"]
