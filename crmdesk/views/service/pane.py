"""The Service pane: the case list (filtered and paged in SQL), the solutions base, surveys
and the service figures. A timer checks the service levels while crmdesk runs: a case past its
target is escalated and its owner (and the owner's manager) told in the window."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.core import clock
from crmdesk.core.errors import KnownError
from crmdesk.models.enums import CaseKind, CasePriority, CaseStatus
from crmdesk.services import cases, escalation, solutions
from crmdesk.services.cases import CaseFilter
from crmdesk.services.changes import Changes
from crmdesk.services.escalation import Notice
from crmdesk.store.db import Database
from crmdesk.views.records.keyed_table_model import ID_ROLE
from crmdesk.views.records.record_table import record_table
from crmdesk.views.records.selection import selected_rows
from crmdesk.views.service import recycle
from crmdesk.views.service.editor import CaseEditor
from crmdesk.views.service.figures_chart import ServiceFiguresView
from crmdesk.views.service.surveys_view import SurveysView
from crmdesk.views.service.table import ACCOUNT_COLUMN, SUBJECT_COLUMN, CaseTableModel
from crmdesk.views.shell import database_files, errors, writes
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.i18n import translated
from crmdesk.views.shell.vocabulary import enum_text

ESCALATION_CHECK_MS = 60_000
ESCALATED_SHOWN = 4  # cases named above the list
SEARCH_DELAY_MS = 250


# a filter's width in 'x's: 全部优先级 (five CJK characters) takes about nine
FILTER_CHARS = 9


def _fill(box: QComboBox, every: str, values: type[CaseStatus | CasePriority | CaseKind]) -> None:
    box.addItem(every, None)
    for value in values:
        box.addItem(enum_text(value), value.value)  # findData compares plain text
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(FILTER_CHARS)


class ServicePane(QWidget):
    """`notices(list[Notice])`: cases just escalated, for the window to tell their owners."""

    notices = Signal(list)

    def __init__(self, db: Database, bus: DataBus, undo: QUndoStack,
                 parent: QWidget | None = None, *,
                 now: Callable[[], dt.datetime] = clock.now) -> None:  # fmt: skip
        super().__init__(parent)
        self._db, self._bus, self._undo, self._now = db, bus, undo, now
        path = database_files.database_path(db)
        self.folder: Path | None = cases.files_folder(path) if path is not None else None
        self._account_id: uuid.UUID | None = None
        self._build_filters()
        self.model = CaseTableModel(db, bus, self.current_filter(), self)
        self.table = record_table(self.model, "cases", self)
        self.table.setAlternatingRowColors(False)  # the VIP complaints' tint reads on its own
        header = self.table.horizontalHeader()  # subject and account share a wide window
        header.setStretchLastSection(False)
        for column in (SUBJECT_COLUMN, ACCOUNT_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.count = QLabel(self)
        self._build_bin_bar()
        self.model.keys_loaded.connect(self._on_keys_loaded)
        self.escalated = QLabel(self)
        self.escalated.setStyleSheet("color: #c62828; font-weight: bold;")
        self.escalated.setWordWrap(True)
        cases_tab = QWidget(self)
        box = QVBoxLayout(cases_tab)
        box.addLayout(self._filter_row)
        box.addWidget(self.escalated)
        box.addWidget(self.table, 1)
        box.addLayout(self._bin_bar)
        self.solutions_tab = self._build_solutions()
        self.surveys = SurveysView(db, bus, undo, self)
        self.figures = ServiceFiguresView(db, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(cases_tab, self.tr("Cases"))
        self.tabs.addTab(self.solutions_tab, self.tr("Solutions"))
        self.tabs.addTab(self.surveys, self.tr("Surveys"))
        self.tabs.addTab(self.figures, self.tr("Figures"))
        self.tabs.setCornerWidget(self.new_button, Qt.Corner.TopRightCorner)
        self.tabs.currentChanged.connect(lambda _i: self._refresh_tab())
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        bus.changed.connect(self._on_bus_changed)
        self.escalation_timer = QTimer(self)
        self.escalation_timer.setInterval(ESCALATION_CHECK_MS)
        self.escalation_timer.timeout.connect(self.check_escalations)
        self.escalation_timer.start()
        QTimer.singleShot(0, self.check_escalations)

    # -- filters -------------------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search number, subject or account"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(80)
        self.status = QComboBox(self)
        _fill(self.status, self.tr("Any status"), CaseStatus)
        self.status.insertItem(1, self.tr("Open"), "open")
        self.priority = QComboBox(self)
        _fill(self.priority, self.tr("Any priority"), CasePriority)
        self.kind = QComboBox(self)
        _fill(self.kind, self.tr("Any kind"), CaseKind)
        self.owner = QComboBox(self)
        self._fill_owners()
        self.account = QLineEdit(self)
        self.account.setPlaceholderText(self.tr("Account"))
        self.account.setClearButtonEnabled(True)
        self.account.setMaximumWidth(240)
        self.account.setMinimumWidth(60)
        self._account_completer = QCompleter([], self)
        self._account_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.account.setCompleter(self._account_completer)
        self._account_ids: dict[str, uuid.UUID] = {}
        self.account.textEdited.connect(self._on_account_typed)
        self._account_completer.activated.connect(self._on_account_chosen)
        self.overdue = QCheckBox(self.tr("Overdue"), self)
        self.bin = QCheckBox(self.tr("Recycle bin"), self)
        self.bin.setToolTip(self.tr("Show deleted cases, to restore them"))
        self.new_button = QPushButton(self.tr("New case"), self)
        self.new_button.clicked.connect(lambda: self.open_case(None))
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        for combo in (self.status, self.priority, self.kind, self.owner):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.overdue.toggled.connect(lambda _b: self.apply_filter())
        self.bin.toggled.connect(lambda _b: self.apply_filter())
        rows = QVBoxLayout()  # two rows: the pane fits a small window
        first, second = QHBoxLayout(), QHBoxLayout()
        for widget in (self.search, self.status, self.priority, self.kind):
            first.addWidget(widget, 2 if widget is self.search else 0)
        for other in (self.owner, self.account, self.overdue, self.bin):
            second.addWidget(other)
        second.addStretch(1)
        rows.addLayout(first)
        rows.addLayout(second)
        self._filter_row = rows

    def _fill_owners(self) -> None:
        current = self.owner.currentData()
        self.owner.blockSignals(True)
        self.owner.clear()
        self.owner.addItem(self.tr("Every owner"), None)
        with self._db.reading() as session:
            for name in cases.owners(session):
                self.owner.addItem(name, name)
        self.owner.setCurrentIndex(max(0, self.owner.findData(current)))
        self.owner.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.owner.setMinimumContentsLength(FILTER_CHARS)
        self.owner.blockSignals(False)

    def _on_account_typed(self, text: str) -> None:
        with self._db.reading() as session:
            found = cases.account_choices(session, text)
        self._account_ids = {name: i for i, name in found}
        self._account_completer.model().setStringList(list(self._account_ids))  # type: ignore[attr-defined]
        if not text.strip() and self._account_id is not None:
            self._account_id = None
            self.apply_filter()

    def _on_account_chosen(self, name: str) -> None:
        self._account_id = self._account_ids.get(name)
        self.apply_filter()

    def show_account(self, account_id: uuid.UUID | None, name: str = "") -> None:
        """The cases of one account (from its story)."""
        self._account_id = account_id
        self.account.setText(name)
        self.tabs.setCurrentIndex(0)
        self.apply_filter()

    def current_filter(self) -> CaseFilter:
        status, priority, kind = (box.currentData() for box in (self.status, self.priority,
                                                                  self.kind))  # fmt: skip
        return CaseFilter(
            status=CaseStatus(status) if status not in (None, "open") else None,
            open_only=status == "open", priority=CasePriority(priority) if priority else None,
            kind=CaseKind(kind) if kind else None, owner=self.owner.currentData(),
            account_id=self._account_id, overdue=self.overdue.isChecked(),
            search=self.search.text(), deleted=self.bin.isChecked(),
        )  # fmt: skip

    def apply_filter(self) -> None:
        in_bin = self.bin.isChecked()
        self.delete_button.setVisible(not in_bin)
        self.restore_button.setVisible(in_bin)
        self.model.set_filter(self.current_filter())

    def _on_keys_loaded(self, count: int) -> None:
        self.count.setText(self.tr("%n case(s)", "", count))

    # -- the recycle bin ------------------------------------------------------------------------

    def _build_bin_bar(self) -> None:
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setToolTip(self.tr("Move the selected cases to the recycle bin"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.restore_button = QPushButton(self.tr("Restore"), self)
        self.restore_button.setToolTip(
            self.tr("Bring the selected cases back from the recycle bin"))  # fmt: skip
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_button.hide()
        self.delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        self.delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_key.activated.connect(self.delete_selected)
        bar = QHBoxLayout()
        bar.addWidget(self.count, 1)
        bar.addWidget(self.delete_button)
        bar.addWidget(self.restore_button)
        self._bin_bar = bar

    def selected_ids(self) -> list[uuid.UUID]:
        return [k for r in selected_rows(self.table) if (k := self.model.id_at(r)) is not None]

    def delete_selected(self) -> bool:
        """The selected cases to the recycle bin, as one undoable step."""
        ids = self.selected_ids()
        if self.bin.isChecked() or not ids:
            return False
        return writes.push(self, self._undo, recycle.delete_command(self._db, self._bus, ids))

    def restore_selected(self) -> bool:
        """The selected cases of the recycle bin back in the list, as one undoable step."""
        ids = self.selected_ids()
        if not self.bin.isChecked() or not ids:
            return False
        return writes.push(self, self._undo, recycle.restore_command(self._db, self._bus, ids))

    def _on_double_clicked(self, index: QModelIndex) -> None:
        if not self.bin.isChecked():  # a deleted case is restored, not edited
            self.open_case(index.data(ID_ROLE))

    # -- solutions -----------------------------------------------------------------------------

    def _build_solutions(self) -> QWidget:
        tab = QWidget(self)
        self.solution_search = QLineEdit(tab)
        self.solution_search.setPlaceholderText(
            self.tr("Search solutions (Chinese, pinyin or English)"))  # fmt: skip
        self.solution_search.setClearButtonEnabled(True)
        self.solution_list = QListWidget(tab)
        self.solution_text = QPlainTextEdit(tab)
        self.solution_text.setReadOnly(True)
        self.solution_list.currentItemChanged.connect(self._show_solution)
        self._solution_timer = QTimer(self)
        self._solution_timer.setSingleShot(True)
        self._solution_timer.setInterval(SEARCH_DELAY_MS)
        self._solution_timer.timeout.connect(self.search_solutions)
        self.solution_search.textChanged.connect(lambda _t: self._solution_timer.start())
        split = QSplitter(tab)
        split.addWidget(self.solution_list)
        split.addWidget(self.solution_text)
        split.setSizes([300, 500])
        layout = QVBoxLayout(tab)
        layout.addWidget(self.solution_search)
        layout.addWidget(split, 1)
        self._solutions: dict[uuid.UUID, solutions.SolutionRow] = {}
        return tab

    def search_solutions(self) -> None:
        with self._db.reading() as session:
            found = solutions.search(session, self.solution_search.text())
        self._solutions = {s.id: s for s in found}
        self.solution_list.clear()
        for s in found:
            item = QListWidgetItem(s.title)
            item.setData(ID_ROLE, s.id)
            self.solution_list.addItem(item)
        if found:
            self.solution_list.setCurrentRow(0)
        else:
            self.solution_text.clear()

    def _show_solution(self, item: QListWidgetItem | None) -> None:
        s = self._solutions.get(item.data(ID_ROLE)) if item is not None else None
        if s is None:
            self.solution_text.clear()
            return
        parts = [(self.tr("Problem"), s.problem), (self.tr("Cause"), s.cause),
                 (self.tr("Fix"), s.fix), (self.tr("Products"), s.products)]  # fmt: skip
        self.solution_text.setPlainText(
            s.title + "\n\n" + "\n\n".join(f"{k}: {v}" for k, v in parts if v))

    # -- cases ---------------------------------------------------------------------------------

    def open_case(self, case_id: uuid.UUID | None) -> CaseEditor:
        """The editor on a case (a new one for None), shown modeless; it is returned."""
        editor = CaseEditor(self._db, self._bus, self._undo, self.folder, case_id, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.finished.connect(lambda _r: self._fill_owners())
        editor.show()
        return editor

    def show_case(self, case_id: uuid.UUID) -> CaseEditor | None:
        """The Cases tab with this case in the editor (from a timeline); a case deleted
        meanwhile is said so once. The editor, or None."""
        self.tabs.setCurrentIndex(0)
        try:
            return self.open_case(case_id)
        except KnownError as exc:
            errors.report(self, exc)
            return None

    def check_escalations(self) -> list[Notice]:
        """Escalate what has passed its target by now; the notices (also emitted). A window
        that opened the file read-only (another window has it) leaves that to the other."""
        if self._db.read_only:
            return []
        written = writes.attempt(self, self._db, self._bus,
                                 lambda s: escalation.escalate_due(s, self._now()))  # fmt: skip
        found = list(written.value) if written is not None else []
        self._show_escalated()
        if found:
            self.notices.emit(found)
        return found

    def notice_text(self, notice: Notice) -> str:
        text = translated("Escalation", notice.text.template)
        for n, value in enumerate(notice.text.values, 1):
            text = text.replace(f"%{n}", str(value))
        if notice.recipients:
            text += " " + self.tr("Told: %1").replace("%1", ", ".join(notice.recipients))
        return text

    def _show_escalated(self) -> None:
        with self._db.reading() as session:
            found = escalation.escalated_open(session, limit=ESCALATED_SHOWN)
            count = escalation.escalated_count(session)
        self.escalated.setVisible(bool(found))
        named = "; ".join(f"{n} {s}" for _, n, s in found)
        if count > len(found):
            named = self.tr("%1 and %n more", "", count - len(found)).replace("%1", named)
        self.escalated.setText(self.tr("%n escalated: %1", "", count).replace("%1", named))

    def _refresh_tab(self) -> None:
        current = self.tabs.currentWidget()
        if current is self.figures:
            self.figures.refresh()
        elif current is self.surveys:
            self.surveys.refresh()
        elif current is self.solutions_tab:
            self.search_solutions()

    def _on_bus_changed(self, changes: Changes) -> None:
        if changes.ids("cases") or changes.ids("solutions") or changes.ids("surveys"):
            self._refresh_tab()


__all__ = ["ServicePane"]
