"""The Opportunities pane: filters over a board, a table and the forecast of the same deals.

Every write goes through the one write operation (a step on the undo stack that publishes what
changed), so the board, the table and the chart refresh from the bus like every other screen.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from crmdesk.analytics.forecast import period_range
from crmdesk.services import pipeline
from crmdesk.services.pipeline import OpportunityDraft, OpportunityFilter
from crmdesk.store.db import Database
from crmdesk.views.pipeline.board import BoardView, stage_name
from crmdesk.views.pipeline.board_model import BoardModel
from crmdesk.views.pipeline.editor import OpportunityEditor, decimal_of
from crmdesk.views.pipeline.forecast_chart import ForecastChart
from crmdesk.views.pipeline.health_chart import HealthView
from crmdesk.views.pipeline.leads import LeadsView
from crmdesk.views.pipeline.products import ProductCatalogue
from crmdesk.views.pipeline.table import OpportunityTableModel
from crmdesk.views.records.keyed_table_model import ID_ROLE
from crmdesk.views.shell import writes
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.i18n import translated
from crmdesk.views.shell.undo import WriteCommand

PERIODS = ("all", "overdue", "this_month", "next_month", "this_quarter", "next_90")


def close_period(key: str, today: dt.date) -> tuple[dt.date | None, dt.date | None, bool]:
    """(from, to, open only) of a close-period choice."""
    month_start = today.replace(day=1)
    next_month = (month_start + dt.timedelta(days=32)).replace(day=1)
    if key == "overdue":
        return None, today - dt.timedelta(days=1), True
    if key == "this_month":
        return month_start, next_month - dt.timedelta(days=1), False
    if key == "next_month":
        after = (next_month + dt.timedelta(days=32)).replace(day=1)
        return next_month, after - dt.timedelta(days=1), False
    if key == "this_quarter":
        first, last = period_range(f"{today.year}-Q{(today.month + 2) // 3}")
        return first, last, False
    if key == "next_90":
        return today, today + dt.timedelta(days=90), False
    return None, None, False


class PipelinePane(QWidget):
    def __init__(self, db: Database, bus: DataBus, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._db, self._bus, self._undo = db, bus, undo_stack
        if not db.read_only:  # another window has the file; it seeded the stages
            with db.transaction() as session:  # a new database gets its stages on first sight
                seeded = pipeline.ensure_default_stages(session)
            bus.publish(seeded)
        self.today = dt.date.today()
        self._build_filters()
        self.board_model = BoardModel(db, bus, self)
        self.board = BoardView(self.board_model, self)
        self.table_model = OpportunityTableModel(db, bus, parent=self)
        self.table = QTableView(self)
        self.table.setModel(self.table_model)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.doubleClicked.connect(lambda i: self.edit(i.data(ID_ROLE)))
        self.chart = ForecastChart(db, self)
        self.health = HealthView(db, self)
        self.leads = LeadsView(db, bus, undo_stack, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.board, self.tr("Board"))
        self.tabs.addTab(self.table, self.tr("Table"))
        self.tabs.addTab(self.chart, self.tr("Forecast"))
        self.tabs.addTab(self.health, self.tr("Health"))
        self.tabs.addTab(self.leads, self.tr("Leads"))
        self.tabs.setCornerWidget(self._actions, Qt.Corner.TopRightCorner)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        layout = QVBoxLayout(self)
        layout.addLayout(self._filter_row)
        layout.addWidget(self.tabs, 1)
        self.board.move_requested.connect(self.move_cards)
        self.board.card_activated.connect(self.edit)
        self.chart.period_clicked.connect(self._on_chart_period_clicked)
        self.health.stage_clicked.connect(self._on_health_stage_clicked)
        bus.changed.connect(self._on_bus_changed)

    # -- filters -------------------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search name or account"))
        self.search.setClearButtonEnabled(True)
        self.owner = QComboBox(self)
        self._fill_owners()
        self.period = QComboBox(self)
        names = {
            "all": self.tr("Any close date"), "overdue": self.tr("Past close date"),
            "this_month": self.tr("Closing this month"),
            "next_month": self.tr("Closing next month"),
            "this_quarter": self.tr("Closing this quarter"),
            "next_90": self.tr("Closing in 90 days"),
        }  # fmt: skip
        for key in PERIODS:
            self.period.addItem(names[key], key)
        self.amount_min = QLineEdit(self)
        self.amount_min.setPlaceholderText(self.tr("Min amount"))
        self.amount_max = QLineEdit(self)
        self.amount_max.setPlaceholderText(self.tr("Max amount"))
        for box in (self.amount_min, self.amount_max):
            box.setMaximumWidth(110)
            box.setMinimumWidth(50)
        self.new_button = QPushButton(self.tr("New opportunity"), self)
        self.new_button.clicked.connect(lambda: self.edit(None))
        self.won_button = QPushButton(self.tr("Won…"), self)
        self.won_button.clicked.connect(lambda: self.close_selected(True))
        self.lost_button = QPushButton(self.tr("Lost…"), self)
        self.lost_button.clicked.connect(lambda: self.close_selected(False))
        self.products_button = QPushButton(self.tr("Products…"), self)
        self.products_button.clicked.connect(self.open_products)
        self.documents_button = QPushButton(self.tr("Documents"), self)
        documents = QMenu(self.documents_button)
        documents.addAction(self.tr("Contracts for the selected deals…"),
                            lambda: self.generate_documents("contract"))
        documents.addAction(self.tr("Quotes for the selected deals…"),
                            lambda: self.generate_documents("quote"))  # fmt: skip
        self.documents_button.setMenu(documents)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.apply_filter)
        for edit in (self.search, self.amount_min, self.amount_max):
            edit.textChanged.connect(lambda _t: self._debounce.start())
        self.owner.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.period.currentIndexChanged.connect(lambda _i: self.apply_filter())
        for combo in (self.owner, self.period):  # the pane fits a small window
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        self.search.setMinimumWidth(80)
        row = QHBoxLayout()
        for widget in (self.search, self.owner, self.period, self.amount_min, self.amount_max):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.products_button)  # not beside the tabs: the pane fits 760 px
        self._filter_row = row
        self._actions = QWidget(self)  # beside the tabs: the pane fits a small window
        bar = QHBoxLayout(self._actions)
        bar.setContentsMargins(0, 0, 0, 2)
        for button in (self.new_button, self.won_button, self.lost_button, self.documents_button):
            button.setParent(self._actions)
            bar.addWidget(button)

    def _fill_owners(self) -> None:
        current = self.owner.currentData()
        self.owner.blockSignals(True)
        self.owner.clear()
        self.owner.addItem(self.tr("Every owner"), None)
        with self._db.reading() as session:
            for name in pipeline.owners(session):
                self.owner.addItem(name, name)
        self.owner.setCurrentIndex(max(0, self.owner.findData(current)))
        self.owner.blockSignals(False)

    def current_filter(self) -> OpportunityFilter:
        start, end, open_only = close_period(self.period.currentData() or "all", self.today)
        low, high = decimal_of(self.amount_min.text()), decimal_of(self.amount_max.text())
        return OpportunityFilter(
            owner=self.owner.currentData(),
            open_only=open_only,
            close_from=start,
            close_to=end,
            amount_min=low if self.amount_min.text().strip() else None,
            amount_max=high if self.amount_max.text().strip() else None,
            search=self.search.text(),
        )

    def apply_filter(self, flt: OpportunityFilter | None = None) -> None:
        flt = flt or self.current_filter()
        self.board_model.set_filter(flt)
        self.table_model.set_filter(flt)
        self.chart.owner = flt.owner
        if self.tabs.currentWidget() is self.chart:
            self.chart.refresh()

    def _on_tabs_current_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.chart:
            self.chart.refresh()
        elif self.tabs.currentWidget() is self.health:
            self.health.refresh()

    def _on_health_stage_clicked(self, name: str) -> None:
        """The deals standing in a stage, in the table."""
        flt = OpportunityFilter(owner=self.owner.currentData(), stage_name=name)
        self.table_model.set_filter(flt)
        self.tabs.setCurrentWidget(self.table)

    def _on_chart_period_clicked(self, label: str, kind: str) -> None:
        """The deals behind a bar, in the table."""
        start, end = period_range(label)
        owner = self.owner.currentData()
        if kind == "won":
            flt = OpportunityFilter(owner=owner, won_from=start, won_to=end)
        else:
            flt = OpportunityFilter(owner=owner, open_only=True, close_from=start, close_to=end)
        self.table_model.set_filter(flt)
        self.tabs.setCurrentWidget(self.table)

    def _on_bus_changed(self, changes: object) -> None:
        if self.tabs.currentWidget() is self.chart:
            self.chart.refresh()
        elif self.tabs.currentWidget() is self.health:
            self.health.refresh()

    # -- writes --------------------------------------------------------------------------------

    def move_cards(self, ids: list[uuid.UUID], stage_id: uuid.UUID) -> bool:
        """Move deals to a stage (one undo step); closing stages ask why, a win offers an order."""
        with self._db.reading() as session:
            stage = next((s for s in pipeline.stages(session) if s.id == stage_id), None)
        if stage is None or not ids:
            return False
        reason = ""
        if not stage.is_open:
            asked = self._ask_reason(stage.is_won)
            if asked is None:
                return False
            reason = asked
        text = self.tr("Move %n deal(s) to %1", "", len(ids)).replace("%1", stage_name(stage.name))

        def move(session: object) -> None:
            for opp_id in ids:
                pipeline.move_to_stage(session, opp_id, stage_id, reason=reason)  # type: ignore[arg-type]

        command = WriteCommand(self._db, self._bus, text, move)
        if not writes.push(self, self._undo, command):
            return False
        if stage.is_won and len(ids) == 1:
            self._offer_order(ids[0])
        return True

    def _ask_reason(self, won: bool) -> str | None:
        reasons = pipeline.WON_REASONS if won else pipeline.LOST_REASONS
        title = self.tr("Deal won") if won else self.tr("Deal lost")
        label = self.tr("Why was it won?") if won else self.tr("Why was it lost?")
        words = [translated("Reasons", r) for r in reasons]
        text, ok = QInputDialog.getItem(self, title, label, words, 0, True)
        return text.strip() if ok and text.strip() else None

    def _offer_order(self, opp_id: uuid.UUID) -> None:
        answer = QMessageBox.question(
            self, self.tr("Deal won"), self.tr("Create the order for this deal now?")
        )
        if answer == QMessageBox.StandardButton.Yes:
            command = WriteCommand(self._db, self._bus, self.tr("Create order"),
                                   lambda s: pipeline.create_order_from(s, opp_id))  # fmt: skip
            writes.push(self, self._undo, command)

    def selected_ids(self) -> list[uuid.UUID]:
        if self.tabs.currentWidget() is self.table:
            rows = self.table.selectionModel().selectedRows()
            return [r.data(ID_ROLE) for r in rows if r.data(ID_ROLE) is not None]
        return self.board.selected_ids()

    def close_selected(self, won: bool) -> None:
        ids = self.selected_ids()
        with self._db.reading() as session:
            target = next((s for s in pipeline.stages(session)
                           if (s.is_won if won else s.is_lost)), None)  # fmt: skip
        if ids and target is not None:
            self.move_cards(ids, target.id)

    def edit(self, opp_id: uuid.UUID | None) -> None:
        with self._db.reading() as session:
            stages = pipeline.stages(session)
            draft = pipeline.get_opportunity(session, opp_id).draft if opp_id else OpportunityDraft(
                stage_id=stages[0].id if stages else None, amount=Decimal(0))  # fmt: skip
        editor = OpportunityEditor(self._db, draft, stages, self, bus=self._bus,
                                   undo=self._undo)
        while editor.exec():
            edited = editor.draft()
            if edited is None:
                unreadable = self.tr("A number in the amount or the lines does not read.")
                QMessageBox.warning(self, self.tr("Opportunity"), unreadable)
                continue
            text = self.tr("Save opportunity %1").replace("%1", edited.name)
            command = WriteCommand(self._db, self._bus, text, _saving(edited))
            if writes.push(self, self._undo, command):
                self._fill_owners()
                break
        editor.deleteLater()

    def generate_documents(self, kind: str) -> QDialog | None:
        """One contract (or quote) per selected deal, through the documents dialog."""
        from crmdesk.views.documents.document_dialog import DocumentDialog

        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(self, self.tr("Documents"),
                                    self.tr("Select the deals in the board or the table first."))
            return None
        dialog = DocumentDialog(self._db, ids, kind, self)
        dialog.open()
        return dialog

    def open_products(self) -> None:
        """The product catalogue (the lines of deals and quotes are made from it)."""
        dialog = ProductCatalogue(self._db, self._bus, self._undo, self)
        dialog.exec()
        dialog.deleteLater()

    def keyPressEvent(self, event: object) -> None:  # Esc clears the search
        from PySide6.QtGui import QKeyEvent

        if isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape and self.search.text():
            self.search.clear()
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]


def _saving(draft: OpportunityDraft) -> Callable[[Session], object]:
    """The write that saves one edited deal (bound now, run by the undo step)."""
    return lambda session: pipeline.save_opportunity(session, draft)
