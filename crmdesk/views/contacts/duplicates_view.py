"""Find duplicate contacts and merge them: groups on the left, the records side by side.

The scan runs off the GUI thread. In the comparison each column is one record and each row one
field; the user ticks the record that survives and, per field, whose value it keeps. A merge is
an undoable command (undo is the service's unmerge), so Ctrl+Z and the history both take it back.
"""

from __future__ import annotations

import uuid
from enum import StrEnum

from PySide6.QtCore import QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QFont, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.core.errors import KnownError
from crmdesk.core.texts import fill
from crmdesk.models.enums import Channel, PhoneKind
from crmdesk.services.contacts import ContactDetail, get_contact
from crmdesk.services.duplicates import DuplicateGroup, Reason, find_duplicates
from crmdesk.services.merge import BOTH, CONTACT_MERGE_FIELDS
from crmdesk.store.db import Database
from crmdesk.views.shell import errors, tasks
from crmdesk.views.shell.background import BackgroundWork
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.field_labels import field_labels
from crmdesk.views.shell.i18n import _tr
from crmdesk.views.shell.screen_fit import fit_to_screen
from crmdesk.views.shell.undo import MergeContactsCommand, MergePlan
from crmdesk.views.shell.vocabulary import value_text


def reason_text(reason: Reason) -> str:
    """Why two contacts were paired, in the user's words."""
    return {
        Reason.PHONE: _tr("same phone"),
        Reason.EMAIL: _tr("same email"),
        Reason.NAME: _tr("same name"),
        Reason.SIMILAR_NAME: _tr("similar name"),
        Reason.ACCOUNT: _tr("same account"),
        Reason.ORGANIZATION: _tr("same organization"),
        Reason.BIRTHDAY: _tr("same birthday"),
    }[reason]


def _field_labels() -> dict[str, str]:
    """The fields a merge chooses between (services.merge.CONTACT_MERGE_FIELDS), labelled."""
    return {k: v for k, v in field_labels().items() if k in CONTACT_MERGE_FIELDS}


def _kept_labels() -> dict[str, str]:
    """Multi-valued fields: the survivor keeps every record's values."""
    return {k: v for k, v in field_labels().items() if k in _KEPT}


_KEPT = ("phones", "emails", "addresses", "tags")


# Fields holding a vocabulary's value (stored as its string, so read back as one).
_VOCABULARIES: dict[str, type[StrEnum]] = {"preferred_channel": Channel}


def field_value(detail: ContactDetail, name: str) -> str:
    """One field of a contact as the comparison shows it."""
    draft = detail.draft
    if name == "account_id":
        return detail.account_name
    if name == "photo":
        return _tr("(photo)") if draft.photo or draft.photo_uri else ""
    if name == "phones":
        return "\n".join(
            fill(_tr("%1 (%2)"), (p.number, value_text(PhoneKind, p.kind))) for p in draft.phones
        )
    if name == "emails":
        return "\n".join(e.address for e in draft.emails)
    if name == "addresses":
        return "\n".join(
            ", ".join(
                part
                for part in (a.street, a.city, a.region, a.postal_code, a.country)
                if part and part.strip()
            )
            for a in draft.addresses
        )
    if name == "tags":
        return _tr(", ").join(detail.tags)
    if name == "website":
        return "\n".join(draft.websites)
    value = getattr(draft, name)
    if value is None:
        return ""
    if name in _VOCABULARIES:  # the word the form shows (WeChat, not "wechat")
        return value_text(_VOCABULARIES[name], value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


class ComparisonTable(QTableWidget):
    """Records side by side: tick the survivor (first row) and, per field, the value kept.

    A field whose records all agree (or are all empty) has nothing to choose and is not shown
    as a choice; notes may keep several records' text (ticking more than one keeps them all).
    """

    SURVIVOR_ROW = 0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details: list[ContactDetail] = []
        self._fields: list[str] = []  # row -> field name ("" for the survivor row)
        self._updating = False
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.setWordWrap(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.itemChanged.connect(self._on_item_changed)
        self.cellClicked.connect(self._on_cell_clicked)

    def show_records(self, details: list[ContactDetail]) -> None:
        self._updating = True
        try:
            self._fill(details)
        finally:
            self._updating = False

    def _fill(self, details: list[ContactDetail]) -> None:
        self.details = details
        labels = _field_labels()
        kept = _kept_labels()
        rows = [name for name in [*labels, *kept] if any(field_value(d, name) for d in details)]
        self._fields = ["", *rows]
        self.clear()
        self.setColumnCount(len(details))
        self.setRowCount(len(self._fields))
        self.setHorizontalHeaderLabels([d.display_name for d in details])
        self.setVerticalHeaderLabels(
            [
                _tr("Keep this record"),
                *(labels.get(n) or _tr("%1 (all kept)").replace("%1", kept[n]) for n in rows),
            ]
        )
        bold = QFont(self.font())
        bold.setBold(True)
        for column, detail in enumerate(details):
            item = QTableWidgetItem(_tr("Survivor") if column == 0 else "")
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if column == 0 else Qt.CheckState.Unchecked)
            item.setFont(bold)
            self.setItem(self.SURVIVOR_ROW, column, item)
            for row, name in enumerate(rows, start=1):
                value = field_value(detail, name)
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.setItem(row, column, cell)
        for row, name in enumerate(rows, start=1):
            values = [field_value(d, name) for d in details]
            if name in labels and len({v.strip() for v in values if v.strip()}) > 1:
                self._make_choice(row, values)

    def _make_choice(self, row: int, values: list[str]) -> None:
        """Tick the value the service would keep by default: the survivor's, else the first."""
        default = next((i for i, v in enumerate(values) if v.strip()), 0)
        for column, value in enumerate(values):
            cell = self.item(row, column)
            if not value.strip():
                continue
            cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            cell.setCheckState(
                Qt.CheckState.Checked if column == default else Qt.CheckState.Unchecked
            )

    def _on_cell_clicked(self, row: int, column: int) -> None:
        """A click anywhere in a cell ticks it (the check box itself is small)."""
        item = self.item(row, column)
        if item is not None and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            if self.field_at(row) == "notes" and item.checkState() == Qt.CheckState.Checked:
                item.setCheckState(Qt.CheckState.Unchecked)
            else:
                item.setCheckState(Qt.CheckState.Checked)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._updating or not item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            return
        row, column = item.row(), item.column()
        self._updating = True
        try:
            if item.checkState() == Qt.CheckState.Checked and self.field_at(row) != "notes":
                for other in range(self.columnCount()):
                    cell = self.item(row, other)
                    if other != column and cell.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                        cell.setCheckState(Qt.CheckState.Unchecked)
            elif not self._checked_columns(row):
                item.setCheckState(Qt.CheckState.Checked)  # one value must stay chosen
        finally:
            self._updating = False
        if row == self.SURVIVOR_ROW:
            for c in range(self.columnCount()):
                self.item(row, c).setText(_tr("Survivor") if c == column else "")

    def field_at(self, row: int) -> str:
        return self._fields[row] if 0 <= row < len(self._fields) else ""

    def row_of(self, name: str) -> int:
        return self._fields.index(name)

    def _checked_columns(self, row: int) -> list[int]:
        return [
            c
            for c in range(self.columnCount())
            if self.item(row, c).flags() & Qt.ItemFlag.ItemIsUserCheckable
            and self.item(row, c).checkState() == Qt.CheckState.Checked
        ]

    def plan(self) -> MergePlan:
        ids = [d.draft.id for d in self.details]
        survivor = ids[self._checked_columns(self.SURVIVOR_ROW)[0]]
        chosen: dict[str, uuid.UUID | str] = {}
        for row, name in enumerate(self._fields):
            if row == self.SURVIVOR_ROW or name not in _field_labels():
                continue
            columns = self._checked_columns(row)
            if len(columns) > 1:
                chosen[name] = BOTH
            elif columns:
                chosen[name] = ids[columns[0]]
        return MergePlan(survivor, tuple(i for i in ids if i != survivor), chosen)


class DuplicatesDialog(QDialog):
    """Tools > Find Duplicates: scan, review one group at a time, merge or set aside."""

    scan_finished = Signal(int)  # groups found
    merged = Signal(object)  # MergeResult

    def __init__(
        self, db: Database, bus: DataBus, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.bus, self.undo_stack = db, bus, undo_stack
        self.groups: list[DuplicateGroup] = []
        self.shown_group: DuplicateGroup | None = None  # the group the comparison shows
        self.setWindowTitle(self.tr("Duplicate contacts"))
        fit_to_screen(self, QSize(1100, 680))

        self.status = QLabel(self)
        self.progress = QProgressBar(self)
        self.work = BackgroundWork(self.progress, self.status, self)
        self.work.busy_changed.connect(self._on_work_busy_changed)
        self.rescan_button = QPushButton(self.tr("Scan again"), self)
        self.rescan_button.clicked.connect(self.scan)
        self.cancel_button = QPushButton(self.tr("Stop"), self)
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel_scan)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.progress)
        top.addWidget(self.cancel_button)
        top.addWidget(self.rescan_button)

        self.group_list = QListWidget(self)
        self.group_list.setWordWrap(True)
        self.group_list.currentRowChanged.connect(self._on_group_list_current_row_changed)
        self.comparison = ComparisonTable(self)
        self.hint = QLabel(
            self.tr(
                "Tick the record to keep and, in each row, the value it keeps. Phones, emails, "
                "addresses and tags of every record are kept; activities, opportunities, events "
                "and orders move to the kept record. Undo or the history can take a merge back."
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.merge_button = QPushButton(self.tr("&Merge"), self)
        self.merge_button.setDefault(True)
        self.merge_button.clicked.connect(self.merge_current)
        self.skip_button = QPushButton(self.tr("&Not duplicates"), self)
        self.skip_button.clicked.connect(self.dismiss_current)
        actions = QHBoxLayout()
        actions.addWidget(self.hint, 1)
        actions.addWidget(self.skip_button)
        actions.addWidget(self.merge_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.comparison, 1)
        right_layout.addLayout(actions)

        splitter = QSplitter(self)
        splitter.addWidget(self.group_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 800])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self._set_review_enabled(False)

    # --- scanning -----------------------------------------------------------------------------

    def scan(self) -> None:
        """Look for duplicates over the whole database, off the GUI thread."""
        db = self.db

        def work(task: tasks.Task) -> list[DuplicateGroup]:
            with db.reading() as session:
                return find_duplicates(session, progress=task.report, cancelled=task.is_cancelled)

        self.work.run(work, self._on_scan_finished, self.tr("Scan stopped."))
        self.status.setText(self.tr("Looking for duplicates…"))

    def cancel_scan(self) -> None:
        self.work.cancel()

    def _on_work_busy_changed(self, busy: bool) -> None:
        self.cancel_button.setVisible(busy)
        self.rescan_button.setEnabled(not busy)

    def _on_scan_finished(self, groups: list[DuplicateGroup]) -> None:
        self.groups = list(groups)
        self._fill_group_list()
        self.scan_finished.emit(len(self.groups))

    # --- reviewing ------------------------------------------------------------------------------

    def _fill_group_list(self) -> None:
        self.group_list.clear()
        line_height = self.group_list.fontMetrics().lineSpacing()
        for group in self.groups:
            names = " · ".join(m.name for m in group.members)
            why = _tr(", ").join(reason_text(r) for r in group.reasons)
            item = QListWidgetItem(f"{names}\n{why}")
            item.setToolTip(self.tr("Score %1 of 100").replace("%1", str(group.score)))
            item.setSizeHint(QSize(0, line_height * 2 + 12))
            self.group_list.addItem(item)
        self._update_status()
        with QSignalBlocker(self.group_list):
            self.group_list.setCurrentRow(0 if self.groups else -1)
        self._show_group(0 if self.groups else -1)

    def _update_status(self) -> None:
        if self.groups:
            self.status.setText(_tr("%n group(s) of possible duplicates", None, len(self.groups)))
        else:
            self.status.setText(self.tr("No duplicates found."))

    def _on_group_list_current_row_changed(self, row: int) -> None:
        self._show_group(row)

    def _show_group(self, row: int) -> None:
        """Compare the records of the group at `row` (nothing, when there is none or its
        records are gone), so the comparison never shows a group the list does not select."""
        self.shown_group = None
        details: list[ContactDetail] = []
        if 0 <= row < len(self.groups):
            try:
                with self.db.reading() as session:
                    details = [get_contact(session, cid) for cid in self.groups[row].ids]
            except KnownError as exc:  # merged or deleted meanwhile
                errors.show_known_error(self, exc)
                details = []
            else:
                self.shown_group = self.groups[row]
        self.comparison.show_records(details)
        self._set_review_enabled(self.shown_group is not None)

    def _set_review_enabled(self, enabled: bool) -> None:
        self.merge_button.setEnabled(enabled)
        self.skip_button.setEnabled(enabled)

    def _remove_group(self, group: DuplicateGroup) -> None:
        """Take a reviewed group off the list and show the one that took its place.

        Removing the current row moves the list's current item by itself (to the row below,
        before the list shifts up), so the removal is silent and the next group is chosen
        and shown here, in one place."""
        row = next((i for i, g in enumerate(self.groups) if g is group), -1)
        if row < 0:
            return
        del self.groups[row]
        with QSignalBlocker(self.group_list):
            self.group_list.takeItem(row)
            row = min(row, len(self.groups) - 1)
            self.group_list.setCurrentRow(row)
        self._update_status()
        self._show_group(row)

    def dismiss_current(self) -> None:
        """Set the shown group aside for this review (it is not a duplicate)."""
        if self.shown_group is not None:
            self._remove_group(self.shown_group)

    def merge_current(self) -> None:
        """Merge the shown records (the selected group's) as ticked: one undoable step."""
        if self.shown_group is None or not self.comparison.details:
            return
        plan = self.comparison.plan()
        survivor = next(d for d in self.comparison.details if d.draft.id == plan.survivor)
        command = MergeContactsCommand(self.db, self.bus, plan, survivor.display_name)
        try:
            self.undo_stack.push(command)
        except KnownError as exc:
            errors.show_known_error(self, exc)
            return
        result = command.result
        if result is None:
            return
        if self.shown_group is not None:
            self._remove_group(self.shown_group)
        moved = sum(result.moved.values())
        self.status.setText(
            self.tr("Merged into %1; %2 related records moved. %3")
            .replace("%1", survivor.display_name)
            .replace("%2", str(moved))
            .replace("%3", self.status.text())
        )
        self.merged.emit(result)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.groups and not self.work.busy:
            self.scan()

    def done(self, result: int) -> None:
        self.cancel_scan()
        super().done(result)


__all__ = ["ComparisonTable", "DuplicatesDialog", "reason_text"]
