"""The Contacts pane: contacts and accounts in big SQL-backed tables, search as you type, filters,
the recycle bin, and the selected record's form with its timeline beside the table."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QObject,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTabBar,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.enums import LoyaltyStage, ValueTier
from crmdesk.services.accounts import AccountFilter
from crmdesk.services.changes import Changes
from crmdesk.services.contacts import (
    ContactFilter,
    Facets,
    facets,
)
from crmdesk.store.db import Database
from crmdesk.views.contacts.account_form import AccountForm
from crmdesk.views.contacts.contact_form import ContactForm
from crmdesk.views.contacts.tables import AccountTableModel, ContactTableModel
from crmdesk.views.contacts.timeline_view import TimelineView
from crmdesk.views.records.keyed_table_model import KeyedTableModel
from crmdesk.views.shell import errors, tasks, writes
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.i18n import _tr
from crmdesk.views.shell.undo import (
    DeleteAccountsCommand,
    DeleteContactsCommand,
    restore_command,
)
from crmdesk.views.widgets.form_widgets import KindCombo, RecordForm

SEARCH_DELAY_MS = 150
FACETS_DELAY_MS = 500
CONTACTS, ACCOUNTS = 0, 1


def grouped(n: int) -> str:
    """A count with the locale's digit grouping (1,234), even in the bare C locale."""
    locale = QLocale()
    locale.setNumberOptions(locale.numberOptions() & ~QLocale.NumberOption.OmitGroupSeparator)
    return locale.toString(n)


def count_text(kind: int, n: int, *, deleted: bool) -> str:
    if kind == CONTACTS:
        if deleted:
            text = (
                _tr("1 contact in the recycle bin")
                if n == 1
                else _tr("%1 contacts in the recycle bin")
            )
        else:
            text = _tr("1 contact") if n == 1 else _tr("%1 contacts")
    elif deleted:
        text = (
            _tr("1 account in the recycle bin") if n == 1 else _tr("%1 accounts in the recycle bin")
        )
    else:
        text = _tr("1 account") if n == 1 else _tr("%1 accounts")
    return text.replace("%1", grouped(n))


@dataclass
class _Remembered:
    """What was selected before a table reset, to select it again by id afterwards."""

    ids: list[uuid.UUID] = field(default_factory=list)
    current: uuid.UUID | None = None
    current_row: int = -1


class _Tab:
    """One entity's table: its model, its view, its form, and what to restore after a reset."""

    def __init__(self, kind: int, model: KeyedTableModel, view: QTableView) -> None:
        self.kind, self.model, self.view = kind, model, view
        self.form: RecordForm | None = None
        self.remembered: _Remembered | None = None
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

    def __init__(
        self,
        db: Database,
        bus: DataBus,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db, self._bus, self._undo_stack = db, bus, undo_stack
        self._tabs: dict[int, _Tab] = {}
        self._shown: tuple[int, uuid.UUID | None] | None = None
        self._syncing_selection = False
        self._autosaving = False
        self._split_once = self._detail_split_once = False
        self._fitted: list[RecordForm] = []  # forms the detail side was widened for
        self._facet_generation = 0
        self._facet_tasks: dict[int, tasks.Task] = {}
        self._finished_tasks: list[tasks.Task] = []

        self._build_toolbar()
        self._build_filters()
        self.tables = QStackedWidget(self)
        self.detail = QStackedWidget(self)
        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setEnabled(False)
        self.placeholder.setMargin(24)
        self.detail.addWidget(self.placeholder)
        self.timeline = TimelineView(db, bus, self)
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
        left_layout.addLayout(self._toolbar_layout)
        left_layout.addLayout(self._filters_layout)
        left_layout.addWidget(self.tables, 1)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.restore_button)
        left_layout.addLayout(bottom)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail_splitter)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filter)
        self._facets_timer = QTimer(self)
        self._facets_timer.setSingleShot(True)
        self._facets_timer.setInterval(FACETS_DELAY_MS)
        self._facets_timer.timeout.connect(self._load_facets)
        bus.changed.connect(self._on_bus_changed)

        self._tab(CONTACTS)
        self.tables.setCurrentWidget(self._tabs[CONTACTS].view)
        self._update_placeholder()
        self._facets_started = False  # loaded after the first keys: they'd compete for the CPU

    # -- building ------------------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        self.switch = QTabBar(self)
        self.switch.setDocumentMode(True)
        self.switch.setExpanding(False)
        self.switch.setDrawBase(False)
        self.switch.setUsesScrollButtons(False)
        self.switch.addTab(_tr("Contacts"))
        self.switch.addTab(_tr("Accounts"))
        self.switch.currentChanged.connect(self._on_switch_current_changed)
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("search_box")
        self.search_box.setPlaceholderText(_tr("Search name, pinyin, phone, email…"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(self.search_box.fontMetrics().averageCharWidth() * 28)
        self.search_box.textChanged.connect(self._on_search_box_text_changed)
        self.search_box.returnPressed.connect(self._on_search_box_return_pressed)
        clear = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search_box)
        clear.setContext(Qt.ShortcutContext.WidgetShortcut)
        clear.activated.connect(self.clear_search)
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.search_box)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        down.activated.connect(self._focus_table)
        self.bin_button = QToolButton(self)
        self.bin_button.setText(_tr("Recycle bin"))
        self.bin_button.setToolTip(_tr("Show deleted records, to restore them"))
        self.bin_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
        self.bin_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.bin_button.setCheckable(True)
        self.bin_button.toggled.connect(self._on_bin_button_toggled)
        self.restore_button = QPushButton(_tr("Restore"), self)
        self.restore_button.setToolTip(_tr("Bring the selected records back from the recycle bin"))
        self.restore_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogResetButton)
        )
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_button.hide()
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.switch)
        row.addWidget(self.search_box, 1)
        row.addWidget(self.bin_button)
        self._toolbar_layout = row

    def _build_filters(self) -> None:
        self.tier_combo = KindCombo(ValueTier, self, _tr("All tiers"))
        self.loyalty_combo = KindCombo(LoyaltyStage, self, _tr("All stages"))
        self.tag_combo = self._facet_combo(_tr("All tags"))
        self.city_combo = self._facet_combo(_tr("All cities"))
        self.owner_combo = self._facet_combo(_tr("All owners"))
        self.tier_combo.setToolTip(_tr("Customer value tier (of the contact's account)"))
        self.loyalty_combo.setToolTip(_tr("Loyalty stage (of the contact's account)"))
        for combo in (self.tier_combo, self.loyalty_combo):
            combo.currentIndexChanged.connect(self._apply_filter)
        row = QHBoxLayout()
        row.setSpacing(6)
        for combo in (
            self.tier_combo,
            self.loyalty_combo,
            self.tag_combo,
            self.city_combo,
            self.owner_combo,
        ):
            # Narrow enough that the filters never make the table side wider than it needs.
            combo.setMinimumContentsLength(3)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            combo.setMaximumWidth(220)
            row.addWidget(combo)
        self._filters_layout = row
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count_label")
        self.count_label.setEnabled(False)

    def _facet_combo(self, all_text: str) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(all_text, None)
        combo.setMaxVisibleItems(20)
        combo.currentIndexChanged.connect(self._apply_filter)
        return combo

    def _tab(self, kind: int) -> _Tab:
        """The table of contacts or accounts, built the first time it is shown."""
        if kind in self._tabs:
            return self._tabs[kind]
        model_class = ContactTableModel if kind == CONTACTS else AccountTableModel
        model = model_class(self._db, self._bus, self._filter(kind), self, load=False)
        view = QTableView(self.tables)
        view.setObjectName("contacts_table" if kind == CONTACTS else "accounts_table")
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setShowGrid(False)
        view.setWordWrap(False)
        view.setTabKeyNavigation(False)
        view.setCornerButtonEnabled(False)
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        row_height = view.fontMetrics().height() + 10
        rows.setMinimumSectionSize(row_height)
        rows.setDefaultSectionSize(row_height)
        rows.hide()
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        char = view.fontMetrics().averageCharWidth()
        for section, column in enumerate(model.columns):
            header.resizeSection(section, column.width * char + 16)
        header.setSortIndicator(model.sort_column(), model.sort_order())
        view.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._on_header_sort_indicator_changed)
        view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        view.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        view.activated.connect(self._on_view_activated)
        view.installEventFilter(self)  # Delete deletes the selection
        model.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)
        model.keys_loaded.connect(self._on_model_keys_loaded)
        model.load_failed.connect(self._on_model_load_failed)
        self.tables.addWidget(view)
        tab = _Tab(kind, model, view)
        self._tabs[kind] = tab
        model.refresh()
        return tab

    def _form(self, kind: int) -> RecordForm:
        tab = self._tab(kind)
        if tab.form is None:
            form_class = ContactForm if kind == CONTACTS else AccountForm
            tab.form = form_class(self._db, self._bus, self._undo_stack, self.detail)
            tab.form.saved.connect(self._on_form_saved)
            self.detail.addWidget(tab.form)
        return tab.form

    # -- public API ----------------------------------------------------------------------------

    @property
    def kind(self) -> int:
        """CONTACTS or ACCOUNTS: which table is showing."""
        return self.switch.currentIndex()

    @property
    def model(self) -> KeyedTableModel:
        return self._tabs[self.kind].model

    @property
    def table(self) -> QTableView:
        return self._tabs[self.kind].view

    @property
    def form(self) -> RecordForm | None:
        return self._tabs[self.kind].form

    def current_id(self) -> uuid.UUID | None:
        """The record in the table's current row (None when no row is current)."""
        index = self.table.selectionModel().currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def selected_ids(self) -> list[uuid.UUID]:
        model = self.model
        return [model.id_at(row) for row in self._selected_rows(self.table)]

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

    def new_record(self) -> None:
        """A blank form for a new contact (or account, on the Accounts tab)."""
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
        self.focus_form()

    def delete_selected(self) -> None:
        """Move the selected records to the recycle bin (undoable)."""
        if self.bin_button.isChecked():
            return
        rows = self._selected_rows(self.table)
        if not rows:
            return
        tab = self._tabs[self.kind]
        ids = [tab.model.id_at(row) for row in rows]
        command_class = DeleteContactsCommand if self.kind == CONTACTS else DeleteAccountsCommand
        tab.select_after_delete = rows[0]
        if not writes.push(self, self._undo_stack, command_class(self._db, self._bus, ids)):
            tab.select_after_delete = None

    def restore_selected(self) -> None:
        """Bring the selected records back from the recycle bin (undoable)."""
        rows = self._selected_rows(self.table)
        if not self.bin_button.isChecked() or not rows:
            return
        tab = self._tabs[self.kind]
        ids = [tab.model.id_at(row) for row in rows]
        kind = "contacts" if self.kind == CONTACTS else "accounts"
        command = restore_command(self._db, self._bus, ids, kind)
        tab.select_after_delete = rows[0]
        if not writes.push(self, self._undo_stack, command):
            tab.select_after_delete = None

    def focus_form(self) -> None:
        form = self.form
        if form is None or self.detail.currentWidget() is not form:
            return
        first = getattr(form, "family_name", None) or getattr(form, "name", None)
        (first if isinstance(first, QWidget) else form).setFocus(Qt.FocusReason.OtherFocusReason)

    # -- filters -------------------------------------------------------------------------------

    def _filter(self, kind: int) -> ContactFilter | AccountFilter:
        values: dict[str, Any] = {
            "search": self.search_box.text().strip(),
            "value_tier": self.tier_combo.value(),
            "loyalty_stage": self.loyalty_combo.value(),
            "tag": self.tag_combo.currentData(),
            "city": self.city_combo.currentData(),
            "owner": self.owner_combo.currentData(),
            "deleted": self.bin_button.isChecked(),
        }
        return ContactFilter(**values) if kind == CONTACTS else AccountFilter(**values)

    def contact_filter(self) -> ContactFilter:
        """The contacts the filters and search select now (what "export these" exports)."""
        found = self._filter(CONTACTS)
        assert isinstance(found, ContactFilter)
        return found

    @Slot()
    def _apply_filter(self) -> None:
        self._search_timer.stop()
        if self.kind in self._tabs:
            self.model.set_filter(self._filter(self.kind))

    def _on_search_box_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def _on_search_box_return_pressed(self) -> None:
        self._apply_filter()
        self._focus_table()

    def _focus_table(self) -> None:
        view = self.table
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not view.selectionModel().hasSelection() and self.model.rowCount():
            view.selectRow(0)

    def _on_bin_button_toggled(self, checked: bool) -> None:
        self.restore_button.setVisible(checked)
        self._apply_filter()
        self._update_count()
        self._update_placeholder()

    def _on_switch_current_changed(self, kind: int) -> None:
        if not self._tabs:
            return  # still building
        tab = self._tab(kind)
        self.tables.setCurrentWidget(tab.view)
        tab.model.set_filter(self._filter(kind))
        self._update_count()
        index = tab.view.selectionModel().currentIndex()
        key = tab.model.id_at(index.row()) if index.isValid() else None
        if key is not None:
            self._show_record(kind, key)
        elif tab.form is not None and self._shown is not None and self._shown[0] == kind:
            self._show_form(kind, tab.form.record_id)
        else:
            self._show_placeholder()
        self.selection_changed.emit()

    # -- facets (filter choices) ---------------------------------------------------------------

    @Slot()
    def _load_facets(self) -> None:
        self._finished_tasks.clear()
        self._facet_generation += 1
        generation, db = self._facet_generation, self._db

        def work(_task: tasks.Task) -> tuple[int, Facets]:
            with db.reading() as session:
                return generation, facets(session)

        task = tasks.Task(work)
        task.signals.finished.connect(self._on_facets_finished)
        task.signals.failed.connect(self._on_facets_failed)
        self._facet_tasks[generation] = task
        QThreadPool.globalInstance().start(task)

    @Slot(object)
    def _on_facets_finished(self, answer: tuple[int, Facets]) -> None:
        generation, found = answer
        task = self._facet_tasks.pop(generation, None)
        if task is not None:
            self._finished_tasks.append(task)
        if generation != self._facet_generation:
            return
        changed = False
        for combo, values in (
            (self.tag_combo, found.tags),
            (self.city_combo, found.cities),
            (self.owner_combo, found.owners),
        ):
            changed |= self._set_choices(combo, values)
        if changed:
            self._apply_filter()
        self.facets_loaded.emit()

    @Slot(object, str)
    def _on_facets_failed(self, error: BaseException, details: str) -> None:
        for generation in list(self._facet_tasks):
            if generation != self._facet_generation:
                continue
            self._finished_tasks.append(self._facet_tasks.pop(generation))
        errors.report(self, error, details)

    @staticmethod
    def _set_choices(combo: QComboBox, values: Sequence[str]) -> bool:
        """Offer these values (after the "All" entry); True when the chosen one had to go."""
        chosen = combo.currentData()
        current = [combo.itemData(i) for i in range(1, combo.count())]
        if current == list(values):
            return False
        combo.blockSignals(True)
        try:
            while combo.count() > 1:
                combo.removeItem(1)
            for value in values:
                combo.addItem(value, value)
            index = combo.findData(chosen) if chosen is not None else 0
            combo.setCurrentIndex(max(index, 0))
        finally:
            combo.blockSignals(False)
        return chosen is not None and index < 0

    def _on_bus_changed(self, changes: Changes) -> None:
        if changes.contacts or changes.accounts:
            self._facets_timer.start()

    # -- table resets: keep the selection by id ------------------------------------------------

    def _tab_of(self, model: object) -> _Tab | None:
        return next((t for t in self._tabs.values() if t.model is model), None)

    @staticmethod
    def _selected_rows(view: QTableView) -> list[int]:
        rows: set[int] = set()
        for selected in view.selectionModel().selection():
            rows.update(range(selected.top(), selected.bottom() + 1))
        return sorted(rows)

    @Slot()
    def _on_model_about_to_be_reset(self) -> None:
        tab = self._tab_of(self.sender())
        if tab is None:
            return
        index = tab.view.selectionModel().currentIndex()
        tab.remembered = _Remembered(
            [tab.model.id_at(row) for row in self._selected_rows(tab.view)],
            tab.model.id_at(index.row()) if index.isValid() else None,
            index.row() if index.isValid() else -1,
        )

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
                self._select_ids(tab, [tab.model.id_at(row)], tab.model.id_at(row))
        if tab.kind == self.kind:
            self._update_count()
            self._update_placeholder()
        if not self._facets_started:
            self._facets_started = True
            self._load_facets()

    def _select_ids(self, tab: _Tab, ids: Sequence[uuid.UUID], current: uuid.UUID) -> None:
        """Select these records' rows (merged into ranges) and make `current` current."""
        model, selection = tab.model, QItemSelection()
        rows = sorted(r for r in (model.row_of(key) for key in ids) if r is not None)
        last_column = model.columnCount() - 1
        start = previous = None
        for row in [*rows, None]:
            if start is not None and (row is None or row != previous + 1):
                selection.select(model.index(start, 0), model.index(previous, last_column))
                start = None
            if row is not None and start is None:
                start = row
            previous = row
        current_row = model.row_of(current)
        flags = QItemSelectionModel.SelectionFlag
        selection_model = tab.view.selectionModel()
        selection_model.select(selection, flags.ClearAndSelect | flags.Rows)
        if current_row is not None:
            index = model.index(current_row, 0)
            selection_model.setCurrentIndex(index, flags.NoUpdate)
            tab.view.scrollTo(index)

    @Slot(object, str)
    def _on_model_load_failed(self, error: BaseException, details: str) -> None:
        if not self._facets_started:
            self._facets_started = True
            self._load_facets()
        errors.report(self, error, details)

    def _update_count(self) -> None:
        tab = self._tabs.get(self.kind)
        if tab is None:
            return
        n = tab.model.rowCount()
        self.count_label.setText(count_text(self.kind, n, deleted=self.bin_button.isChecked()))

    # -- selection and the detail area ---------------------------------------------------------

    @Slot()
    def _on_selection_changed(self) -> None:
        self.selection_changed.emit()

    @Slot(QModelIndex, QModelIndex)
    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing_selection or not current.isValid():
            return
        tab = self._tab_of(current.model())
        if tab is None or tab.kind != self.kind:
            return
        self._show_record(tab.kind, tab.model.id_at(current.row()))

    def _show_record(self, kind: int, key: uuid.UUID) -> None:
        if self._shown == (kind, key):
            return
        form = self._form(kind)
        if not self._leave_form(form):
            self._reselect_form_record(kind, form)
            return
        form.load(key)
        self._show_form(kind, key)

    def _leave_form(self, form: RecordForm) -> bool:
        """Before showing another record: save unsaved edits (False if they cannot be saved)."""
        if not form.is_dirty():
            return True
        self._autosaving = True
        try:
            return form.save()
        finally:
            self._autosaving = False

    def _reselect_form_record(self, kind: int, form: RecordForm) -> None:
        tab = self._tabs[kind]
        self._syncing_selection = True
        try:
            if form.record_id is not None and tab.model.row_of(form.record_id) is not None:
                self._select_ids(tab, [form.record_id], form.record_id)
            else:
                tab.view.clearSelection()
        finally:
            self._syncing_selection = False

    def _show_form(self, kind: int, key: uuid.UUID | None) -> None:
        form = self._form(kind)
        self.detail.setCurrentWidget(form)
        if form not in self._fitted:
            # Measured once the form is laid out with what load() filled in.
            self._fitted.append(form)
            QTimer.singleShot(0, self, lambda: self._fit_detail(form))
        if key is None:
            self.timeline.show_for()
        elif kind == CONTACTS:
            self.timeline.show_for(contact_id=key)
        else:
            self.timeline.show_for(account_id=key)
        self.timeline.show()
        self._shown = (kind, key)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._split_once:
            self._split_once = True
            total = sum(self.splitter.sizes())
            right = int(total * 0.42)
            self.splitter.setSizes([total - right, right])

    def _fit_detail(self, form: RecordForm) -> None:
        """Widen the detail side so the form fits without scrolling sideways (table keeps 400px);
        the first time, also give the form about three quarters of the height."""
        if not self.isVisible():
            return
        needed = (
            form.content.minimumSizeHint().width()
            + form.scroll.verticalScrollBar().sizeHint().width()
            + 2 * form.scroll.frameWidth()
            + 2
        )
        left, right = self.splitter.sizes()
        total = left + right
        if right < needed and total > 0:
            right = min(needed, max(total - 400, right))
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

    def _update_placeholder(self) -> None:
        if self.detail.currentWidget() is not self.placeholder:
            return
        self.timeline.hide()
        if self.bin_button.isChecked():
            text = _tr("Select a deleted record to see it, then Restore to bring it back.")
        elif self.kind == CONTACTS:
            text = _tr("Select a contact to see and edit it here, or press New to add one.")
        else:
            text = _tr("Select an account to see and edit it here, or press New to add one.")
        self.placeholder.setText(text)

    @Slot(object)
    def _on_form_saved(self, key: uuid.UUID) -> None:
        form = self.sender()
        kind = next((k for k, t in self._tabs.items() if t.form is form), self.kind)
        was_new = self._shown == (kind, None)
        if was_new:
            self._shown = (kind, key)
            if kind == CONTACTS:
                self.timeline.show_for(contact_id=key)
            else:
                self.timeline.show_for(account_id=key)
            if not self._autosaving:
                self._tabs[kind].pending_select = key

    @Slot(QModelIndex)
    def _on_view_activated(self, index: QModelIndex) -> None:
        tab = self._tab_of(index.model())
        if tab is None:
            return
        self._show_record(tab.kind, tab.model.id_at(index.row()))
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
    def _on_header_sort_indicator_changed(self, section: int, _order: Qt.SortOrder) -> None:
        tab = self._tabs[self.kind]
        columns = tab.model.columns
        if 0 <= section < len(columns) and columns[section].sort is None:
            # Not sortable: put the indicator back where the rows really are sorted.
            tab.view.horizontalHeader().setSortIndicator(
                tab.model.sort_column(), tab.model.sort_order()
            )


__all__ = ["ContactsPane"]
