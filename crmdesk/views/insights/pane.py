"""The Insights pane: the value pyramid, Pareto curve, RFM heat map and segments, lifecycle
funnel, CLV distribution, churn list and the team's targets, as of a chosen day.

Figures are read off the GUI thread (`services.insights.overview`); clicking a bar or a cell
emits `customers_picked(ids, label)`, which the window turns into the accounts list filtered
to those customers. "Store scores" writes the RFM scores onto the accounts; "Apply value
tiers…" sets the pyramid's suggested tiers after asking, as one step on the undo stack.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from decimal import Decimal

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.analytics.clv import distribution
from crmdesk.analytics.pyramid import Measure, Tier
from crmdesk.analytics.rfm import Segment
from crmdesk.analytics.targets import month_label
from crmdesk.core.texts import fill
from crmdesk.models.enums import LifecyclePhase, LoyaltyStage
from crmdesk.services import insights
from crmdesk.services.changes import Changes
from crmdesk.store.db import Database
from crmdesk.views.insights.charts import Gauges, HeatMap, ParetoChart, PickingBars, TrendChart
from crmdesk.views.insights.targets_dialog import TargetsDialog
from crmdesk.views.shell import writes
from crmdesk.views.shell.background import BackgroundWork
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.i18n import translated
from crmdesk.views.shell.undo import WriteCommand
from crmdesk.views.shell.vocabulary import enum_text

WATCHED = ("orders", "accounts", "opportunities", "activities", "cases", "targets")


class InsightsPane(QWidget):
    customers_picked = Signal(object, str)  # frozenset of account ids, what they are
    open_requested = Signal(str, object, object)  # as the Today page's
    scores_stored = Signal()

    def __init__(
        self,
        db: Database,
        bus: DataBus,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.bus, self.undo_stack = db, bus, undo_stack
        self.overview: insights.Overview | None = None
        self._stale = True
        self._own_scores: Changes | None = None  # what storing the scores just published
        self._build(today or dt.date.today())
        self.work = BackgroundWork(self.progress, self.message, self)
        bus.changed.connect(self._on_changed)

    # -- building ----------------------------------------------------------------------------

    def _build(self, day: dt.date) -> None:
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        top.setSpacing(4)  # the date, four buttons and the progress fit a 760-pixel window
        top.addWidget(QLabel(self.tr("As of:"), self))
        self.as_of = QDateEdit(QDate(day), self)
        self.as_of.setCalendarPopup(True)
        self.as_of.dateChanged.connect(lambda _d: self.reload())
        top.addWidget(self.as_of)
        self.refresh_button = QPushButton(self.tr("Recompute"), self)
        self.refresh_button.clicked.connect(self.reload)
        self.store_button = QPushButton(self.tr("Store scores"), self)
        self.store_button.setToolTip(
            self.tr("Write the RFM scores onto the accounts, for lists, filters and labels")
        )
        self.store_button.clicked.connect(self.store_scores)
        self.tiers_button = QPushButton(self.tr("Apply value tiers…"), self)
        self.tiers_button.clicked.connect(self.apply_tiers)
        self.stages_button = QPushButton(self.tr("Apply stages…"), self)
        self.stages_button.setToolTip(
            self.tr("Set the suggested loyalty stage and lifecycle phase on the accounts")
        )
        self.stages_button.clicked.connect(self.apply_stages)
        buttons = (self.refresh_button, self.store_button, self.tiers_button, self.stages_button)
        for button in buttons:
            top.addWidget(button)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(90)
        top.addWidget(self.progress)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        top.addWidget(self.message, 1)
        outer.addLayout(top)

        self.pyramid = PickingBars(self.pyramid_title(Measure.REVENUE))
        self.pareto = ParetoChart(self.tr("Pareto curve"))
        self.pareto_note = QLabel(self)
        self.pareto_note.setWordWrap(True)
        self.heat = HeatMap(self)
        self.segments = PickingBars(self.tr("RFM segments"))
        self.funnel = PickingBars(self.tr("Loyalty funnel (suggested stages)"))
        self.phases = PickingBars(self.tr("Lifecycle phases (suggested)"))
        self.clv_chart = PickingBars(self.tr("Projected lifetime value"))
        self.clv_note = QLabel(self)
        self.clv_note.setWordWrap(True)
        self.churn = QTableWidget(0, 4, self)
        self.churn.setHorizontalHeaderLabels(
            [self.tr("Customer"), self.tr("Last order"), self.tr("Days silent"), self.tr("Owner")]
        )
        self.churn.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.churn.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = self.churn.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # the customer's name takes the room left (elided when long): no sideways scrolling
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.churn.cellDoubleClicked.connect(self._on_churn_opened)
        self.gauges = Gauges(self.tr("Targets met this month (weighted)"))
        self.trend = TrendChart(self.tr("Team: targets met, last 12 months"))
        for chart in (self.pyramid, self.segments, self.funnel, self.phases, self.clv_chart):
            chart.picked.connect(self.customers_picked)
        self.heat.picked.connect(self.customers_picked)

        body = QWidget(self)
        grid = QGridLayout(body)
        boxes: list[tuple[str, list[QWidget]]] = [
            (self.tr("Customer value"), [self.pyramid]),
            (self.tr("Share of revenue"), [self.pareto, self.pareto_note]),
            (self.tr("RFM: recency × frequency, coloured by monetary"), [self.heat]),
            (self.tr("Segments"), [self.segments]),
            (self.tr("Lifecycle"), [self.funnel, self.phases]),
            (self.tr("Customer lifetime value"), [self.clv_chart, self.clv_note]),
            (self.tr("Churn risk"), [self.churn]),
            (self.tr("Targets"), [self.gauges, self.trend]),
        ]
        for index, (title, widgets) in enumerate(boxes):
            box = QGroupBox(title, body)
            lay = QVBoxLayout(box)
            for widget in widgets:
                widget.setParent(box)
                lay.addWidget(widget, 0 if isinstance(widget, QLabel) else 1)
            box.setMinimumHeight(300)
            grid.addWidget(box, index // 2, index % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.pareto_box = self.pareto.parentWidget()
        targets_box = self.gauges.parentWidget()
        self.targets_button = QPushButton(self.tr("Monthly targets…"), targets_box)
        self.targets_button.setToolTip(self.tr("Set each owner's targets and weights for a month"))
        self.targets_button.clicked.connect(self.edit_targets)
        box_layout = targets_box.layout() if targets_box is not None else None
        if isinstance(box_layout, QVBoxLayout):  # below the trend, at the right
            box_layout.addWidget(self.targets_button, 0, Qt.AlignmentFlag.AlignRight)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

    # -- reading -----------------------------------------------------------------------------

    @property
    def day(self) -> dt.date:
        d = self.as_of.date()
        return dt.date(d.year(), d.month(), d.day())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        self._stale = False
        db, day = self.db, self.day

        def work(_task: object) -> insights.Overview:
            with db.reading() as session:
                return insights.overview(session, day)

        self.work.run(work, self.show_overview)

    def _on_changed(self, changes: Changes) -> None:
        if changes is self._own_scores:
            return  # stored scores are read from the figures shown: nothing to recompute
        if any(changes.ids(kind) for kind in WATCHED):
            self._stale = True
            if self.isVisible():
                self.reload()

    # -- showing -----------------------------------------------------------------------------

    def show_overview(self, view: insights.Overview) -> None:
        self.overview = view
        p = view.pyramid
        tier_words = {
            Tier.PLATINUM: self.tr("Platinum"),
            Tier.GOLD: self.tr("Gold"),
            Tier.IRON: self.tr("Iron"),
            Tier.LEAD: self.tr("Lead"),
        }
        self.pyramid.set_title(self.pyramid_title(p.measure))
        self.pyramid.show_groups(
            [(tier_words[t.tier], t.customers, view.tier_ids[t.tier]) for t in p.tiers]
        )
        by_margin = p.measure is Measure.MARGIN
        value = self.tr("margin") if by_margin else self.tr("revenue")
        self.pareto.show_curve(p.pareto, self.tr("customers"), value)
        if isinstance(self.pareto_box, QGroupBox):
            self.pareto_box.setTitle(
                self.tr("Share of margin") if by_margin else self.tr("Share of revenue")
            )
        self.pareto_note.setText(self._pareto_words(view))
        counts: dict[tuple[int, int], int] = defaultdict(int)
        m_sums: dict[tuple[int, int], int] = defaultdict(int)
        revenue: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
        ids: dict[tuple[int, int], set[uuid.UUID]] = defaultdict(set)
        by_segment: dict[Segment, set[uuid.UUID]] = defaultdict(set)
        for row in view.rfm.rows:
            counts[(row.r, row.f)] += 1
            m_sums[(row.r, row.f)] += row.m
            revenue[(row.r, row.f)] += row.monetary
            ids[(row.r, row.f)].add(row.id)
            by_segment[row.segment].add(row.id)
        self.heat.show_cells(
            {k: (n, m_sums[k] / n, frozenset(ids[k])) for k, n in counts.items()},
            {k: self._cell_words(k, n, revenue[k]) for k, n in counts.items()},
        )
        apart = frozenset(aid for aid, _name in view.rfm.without_orders)
        self.segments.show_groups(
            [(self.segment_word(s), len(by_segment[s]), frozenset(by_segment[s])) for s in Segment]
            + [(self.tr("No orders yet"), len(apart), apart)]  # not scored: listed apart
        )
        loyalty = view.stages["loyalty"]
        stages = [(stage, loyalty.get(stage.value, frozenset())) for stage in LoyaltyStage]
        self.funnel.show_groups([(enum_text(st), len(who), who) for st, who in stages])
        lifecycle = view.stages["lifecycle"]
        phases = [(phase, lifecycle.get(phase.value, frozenset())) for phase in LifecyclePhase]
        self.phases.show_groups([(enum_text(ph), len(who), who) for ph, who in phases])
        self._show_clv(view)
        self._show_churn(view)
        self.gauges.show_scores(
            [(c.owner, float(c.score)) for c in view.team],
            self.tr("No targets are set for this month."),
        )
        self.trend.show_trend(
            view.trend_months,
            {o: [None if v is None else float(v) for v in vals] for o, vals in view.trend.items()},
        )

    def _cell_words(self, cell: tuple[int, int], customers: int, revenue: Decimal) -> str:
        return fill(
            self.tr("R%1 F%2: %3 customer(s), revenue %4"),
            [str(cell[0]), str(cell[1]), str(customers), f"{revenue:,.2f}"],
        )

    def pyramid_title(self, measure: Measure) -> str:
        if measure is Measure.MARGIN:
            return self.tr("Value pyramid by margin (customers per tier)")
        return self.tr("Value pyramid by revenue (customers per tier)")

    def _pareto_words(self, view: insights.Overview) -> str:
        p = view.pyramid
        share = f"{p.top20_share * 100:.1f}"
        if p.measure is not Measure.MARGIN:
            return (
                self.tr("The top 20 % of buyers bring %1 % of the revenue: 80/20 holds.")
                if p.holds_80_20
                else self.tr(
                    "The top 20 % of buyers bring %1 % of the revenue: 80/20 does not hold."
                )
            ).replace("%1", share)
        text = (
            self.tr("The top 20 % of buyers bring %1 % of the margin: 80/20 holds.")
            if p.holds_80_20
            else self.tr("The top 20 % of buyers bring %1 % of the margin: 80/20 does not hold.")
        )
        covered = self.tr(
            "Margin from product costs on %2 of revenue, from the gross margin rate on %3."
        )
        return (
            f"{text} {covered}".replace("%1", share)
            .replace("%2", f"{p.costed_revenue:,.2f}")
            .replace("%3", f"{p.rated_revenue:,.2f}")
        )

    def segment_word(self, segment: Segment) -> str:
        return {
            Segment.CHAMPIONS: self.tr("Champions"),
            Segment.LOYAL: self.tr("Loyal"),
            Segment.POTENTIAL_LOYALIST: self.tr("Potential loyalists"),
            Segment.NEW: self.tr("New"),
            Segment.AT_RISK: self.tr("At risk"),
            Segment.CANT_LOSE: self.tr("Can't lose"),
            Segment.HIBERNATING: self.tr("Hibernating"),
            Segment.LOST: self.tr("Lost"),
        }[segment]

    def _show_clv(self, view: insights.Overview) -> None:
        rows = view.clv.rows
        bins = distribution([r.projected for r in rows], bins=8)
        groups = []
        for low, high, _count in bins:
            last = high == bins[-1][1]
            members = frozenset(
                r.id for r in rows if low <= r.projected and (r.projected < high or last)
            )
            groups.append((f"{low:,.0f}–{high:,.0f}", len(members), members))
        self.clv_chart.show_groups(list(reversed(groups)))
        revenue = sum((r.revenue for r in rows), Decimal(0))
        margin = sum((r.margin for r in rows), Decimal(0))
        projected = sum((r.projected for r in rows), Decimal(0))
        history = fill(
            self.tr("Historical: revenue %1, margin %2 from %3 customer(s); projected %4."),
            [f"{revenue:,.2f}", f"{margin:,.2f}", str(len(rows)), f"{projected:,.2f}"],
        )
        self.clv_note.setText(history + "\n" + translated("Insights", view.clv.formula))

    def _show_churn(self, view: insights.Overview) -> None:
        self.churn.setRowCount(len(view.churn))
        for row, c in enumerate(view.churn):
            values = [c.name, c.last_order.isoformat(), str(c.days_silent), c.owner]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, c.id)
                self.churn.setItem(row, col, item)

    def _on_churn_opened(self, row: int, _column: int) -> None:
        item = self.churn.item(row, 0)
        if item is not None:
            self.open_requested.emit("account", item.data(Qt.ItemDataRole.UserRole), None)

    # -- writing -----------------------------------------------------------------------------

    def edit_targets(self) -> TargetsDialog:
        """The month's targets (the as-of day's month), in a window beside the pane."""
        dialog = TargetsDialog(self.db, self.bus, self.undo_stack, month_label(self.day), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def store_scores(self) -> None:
        """Write the RFM scores onto the accounts, off the GUI thread (a few seconds at 100k)."""
        db, day = self.db, self.day

        def work(_task: object) -> writes.Written[int]:
            return writes.transact(db, lambda s: insights.store_scores(s, day))

        def done(written: writes.Written[int]) -> None:
            self._own_scores = written.changes
            writes.publish(self.bus, written)  # lists showing the scores read them again
            self.message.setText(self.tr("Scores stored on %n account(s).", "", written.value))
            self.scores_stored.emit()

        self.work.run(work, done)

    def apply_stages(self) -> bool:
        """Set the suggested loyalty stages and lifecycle phases after asking, as one step on
        the undo stack (the reasons are in `crmdesk analyze lifecycle`)."""
        day = self.day
        with self.db.reading() as session:
            wanted = insights.stage_changes(session, day)
        if not wanted:
            self.message.setText(self.tr("Every stage already matches the suggestions."))
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Apply stages"),
            self.tr(
                "Set the suggested loyalty stage and lifecycle phase on %n account(s)?",
                "",
                len(wanted),
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        text = self.tr("Apply stages to %n account(s)", "", len(wanted))
        command = WriteCommand(
            self.db, self.bus, text,
            lambda s: insights.apply_stage_suggestions(s, day, wanted),
        )  # fmt: skip
        return writes.push(self, self.undo_stack, command)

    def apply_tiers(self) -> bool:
        with self.db.reading() as session:
            changes = insights.tier_changes(session, self.day)
        if not changes:
            self.message.setText(self.tr("Every value tier already matches the pyramid."))
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Apply value tiers"),
            self.tr("Set the suggested value tier on %n account(s)?", "", len(changes)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        text = self.tr("Apply value tiers to %n account(s)", "", len(changes))
        command = WriteCommand(
            self.db, self.bus, text, lambda s: insights.apply_value_tiers(s, changes)
        )
        return writes.push(self, self.undo_stack, command)
