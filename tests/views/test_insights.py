"""The Insights pane on a hand-worked history: charts filled, a click picks its customers."""

from __future__ import annotations

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from crmdesk.analytics.rfm import Segment
from crmdesk.views.insights.pane import InsightsPane
from crmdesk.views.shell.bus import DataBus
from tests.insights_data import AS_OF, rfm_example

WAIT = 15_000


def _pane(qtbot, db, bus: DataBus | None = None, stack: QUndoStack | None = None) -> InsightsPane:
    pane = InsightsPane(db, bus or DataBus(), stack or QUndoStack(), today=AS_OF)
    qtbot.addWidget(pane)
    with qtbot.waitSignal(pane.work.busy_changed, timeout=WAIT, check_params_cb=lambda b: not b):
        pane.show()
    return pane


def test_charts_show_the_figures_and_pick_customers(qtbot, db) -> None:
    ids = rfm_example(db)
    pane = _pane(qtbot, db)
    assert pane.overview is not None
    assert [(label, value) for label, value, _ in pane.pyramid.groups] == [
        ("Platinum", 1), ("Gold", 0), ("Iron", 0), ("Lead", 4)]  # fmt: skip
    # heat map: C is R1 F4; A is R3 F5
    assert pane.heat.cells[(1, 4)][0] == 1 and ids["C"] in pane.heat.cells[(1, 4)][2]
    with qtbot.waitSignal(pane.customers_picked) as picked:
        pane.pyramid.pick(0)
    assert picked.args == [frozenset({ids["C"]}), "Platinum"]
    segments = dict((label, who) for label, _, who in pane.segments.groups)
    assert segments[pane.segment_word(Segment.CANT_LOSE)] == frozenset({ids["C"]})
    # top 20 % = 1 buyer: C, 2,000 of 2,660
    assert "75.2 %" in pane.pareto_note.text() and "does not hold" in pane.pareto_note.text()
    assert "CLV =" in pane.clv_note.text()
    with qtbot.waitSignal(pane.customers_picked):
        rect = pane.heat.cell_rect(1, 4)
        qtbot.mouseClick(
            pane.heat, Qt.MouseButton.LeftButton, pos=QPoint(*map(int, rect.center().toTuple()))
        )


def test_store_scores_writes_them_off_the_gui_thread_and_says_so(qtbot, db) -> None:
    from sqlalchemy import select

    from crmdesk.models import Account

    ids = rfm_example(db)
    bus = DataBus()
    pane = _pane(qtbot, db, bus)
    pane.as_of.setDate(QDate(AS_OF.year, AS_OF.month, AS_OF.day))
    qtbot.waitUntil(lambda: not pane.work.busy, timeout=WAIT)
    with qtbot.waitSignal(bus.changed, timeout=WAIT) as published:
        pane.store_scores()
    qtbot.waitUntil(lambda: "5 account(s)" in pane.message.text(), timeout=WAIT)
    with db.reading() as session:
        cells = {a.name: a.rfm_cell for a in session.scalars(select(Account))}
    assert cells["A"] == "353"
    # every live account's scores (and date) were written: open lists of them read again
    assert published.args[0].accounts == frozenset(ids.values())
    assert not pane.work.busy  # the pane does not recompute its figures for its own scores


def test_applying_value_tiers_is_one_undoable_step_and_is_broadcast(
    qtbot, db, monkeypatch
) -> None:
    from sqlalchemy import select

    from crmdesk.models import Account
    from crmdesk.models.enums import ValueTier

    ids = rfm_example(db)
    with db.transaction() as session:
        session.get(Account, ids["A"]).value_tier = ValueTier.VIP  # type: ignore[union-attr]

    def tiers() -> dict[str, ValueTier]:
        with db.reading() as session:
            return {a.name: ValueTier(a.value_tier) for a in session.scalars(select(Account))}

    before = tiers()
    bus, stack = DataBus(), QUndoStack()
    pane = _pane(qtbot, db, bus, stack)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)  # fmt: skip
    with qtbot.waitSignal(bus.changed, timeout=WAIT) as published:
        assert pane.apply_tiers()
    after = tiers()
    # C is platinum (VIP); A falls to ordinary; the rest stay ordinary
    assert after["C"] is ValueTier.VIP and after["A"] is ValueTier.ORDINARY
    assert published.args[0].accounts == frozenset({ids["A"], ids["C"]})
    assert stack.count() == 1 and "2 account(s)" in stack.text(0)
    with qtbot.waitSignal(bus.changed, timeout=WAIT) as undone:
        stack.undo()  # what Ctrl+Z does
    assert tiers() == before
    assert undone.args[0].accounts == frozenset({ids["A"], ids["C"]})
    stack.redo()
    assert tiers() == after


def test_picked_customers_open_as_a_filtered_accounts_list(qtbot, db) -> None:
    from PySide6.QtGui import QUndoStack

    from crmdesk.views.contacts.pane import ContactsPane

    ids = rfm_example(db)
    pane = ContactsPane(db, DataBus(), QUndoStack())
    qtbot.addWidget(pane)
    pane.show()
    pane.show_chosen(frozenset({ids["A"], ids["C"]}), False, "Platinum")
    qtbot.waitUntil(lambda: pane.model.rowCount() == 2, timeout=WAIT)
    assert "Platinum" in pane.search_box.placeholderText()
    pane.clear_filters()
    qtbot.waitUntil(lambda: pane.model.rowCount() == 7, timeout=WAIT)
    assert pane.chosen is None


def test_customers_without_orders_are_listed_apart_and_cells_say_their_revenue(
    qtbot, db
) -> None:
    ids = rfm_example(db)
    pane = _pane(qtbot, db)
    label, count, who = pane.segments.groups[-1]
    assert (label, count, who) == ("No orders yet", 2, frozenset({ids["F"], ids["G"]}))
    with qtbot.waitSignal(pane.customers_picked) as picked:
        pane.segments.pick(len(pane.segments.groups) - 1)
    assert picked.args == [frozenset({ids["F"], ids["G"]}), "No orders yet"]
    # C alone is R1 F4, with 2,000 of revenue
    assert pane.heat.tips[(1, 4)] == "R1 F4: 1 customer(s), revenue 2,000.00"
    assert pane.heat.cell_at(pane.heat.cell_rect(1, 4).center()) == (1, 4)


def test_short_bars_keep_their_number_and_the_churn_list_fits_its_box(qtbot, db) -> None:
    from PySide6.QtCharts import QHorizontalBarSeries

    from tests.insights_data import customers

    rfm_example(db)
    long_name = "Shanghai Very Long Name Precision Instruments and Machinery Trading Co., Ltd."
    customers(db, {long_name: [("2026-01-01", "5"), ("2026-01-11", "5")]})  # silent 170 days
    pane = _pane(qtbot, db)
    (series,) = pane.pyramid.chart().series()
    assert isinstance(series, QHorizontalBarSeries)
    # beyond the bar's end, in a dark colour: a bar a few pixels long still shows its count
    assert series.labelsPosition() is QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd
    assert series.barSets()[0].labelColor().lightness() < 64
    assert pane.gauges.names.text() == "No targets are set for this month."
    pane.resize(900, 700)
    names = [pane.churn.item(row, 0).text() for row in range(pane.churn.rowCount())]
    assert long_name in names
    header = pane.churn.horizontalHeader()
    qtbot.waitUntil(lambda: header.length() <= pane.churn.viewport().width(), timeout=WAIT)
    assert not pane.churn.horizontalScrollBar().isVisible()


def test_the_team_view_draws_every_owners_score_over_twelve_months(qtbot, db) -> None:
    """Li: a call target met in April, missed in June (weight 1 of 1); Wang: June only."""
    import datetime as dt
    from decimal import Decimal

    from crmdesk.models import Activity
    from crmdesk.models.enums import ActivityKind
    from crmdesk.services import targets
    from crmdesk.services.targets import TargetDraft

    rfm_example(db)
    with db.transaction() as session:
        session.add(Activity(kind=ActivityKind.CALL, owner="Li", subject="call",
                             occurred_at=dt.datetime(2026, 4, 10, 9, tzinfo=dt.UTC)))  # fmt: skip
        one = Decimal(1)
        targets.set_targets(session, [
            TargetDraft("Li", "2026-04", "calls_made", one, one),
            TargetDraft("Li", "2026-06", "calls_made", one, one),
            TargetDraft("Wang", "2026-06", "calls_made", Decimal(0), one),
        ])  # fmt: skip
    pane = _pane(qtbot, db)
    assert pane.trend.lines == {"Li": [(9, 100.0), (11, 0.0)], "Wang": [(11, 100.0)]}
    (axis,) = [a for a in pane.trend.chart().axes() if a.orientation() == Qt.Orientation.Horizontal]
    assert axis.categories()[0] == "07" and axis.categories()[-1] == "06"
    assert axis.titleText() == "2025-07 – 2026-06"
    assert pane.gauges.scores == [("Li", 0.0), ("Wang", 100.0)]  # June: Li missed, Wang met
    assert not pane.gauges.names.isVisibleTo(pane)
    assert sorted(s.name() for s in pane.trend.chart().series()) == ["Li", "Wang"]


def test_lifecycle_phases_are_drawn_and_stages_apply_as_one_undoable_step(
    qtbot, db, monkeypatch
) -> None:
    from sqlalchemy import select

    from crmdesk.models import Account
    from crmdesk.models.enums import LifecyclePhase, LoyaltyStage

    ids = rfm_example(db)

    def stages() -> dict[str, tuple[str, str]]:
        with db.reading() as session:
            return {a.name: (a.loyalty_stage, a.lifecycle_phase)
                    for a in session.scalars(select(Account))}  # fmt: skip

    before = stages()
    bus, stack = DataBus(), QUndoStack()
    pane = _pane(qtbot, db, bus, stack)
    phases = {label: who for label, _, who in pane.phases.groups}
    assert sum(len(who) for who in phases.values()) == len(ids)  # every account in one phase
    assert len(pane.phases.groups) == len(LifecyclePhase)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a, **k: (
        asked.append(text), QMessageBox.StandardButton.Yes)[1])  # fmt: skip
    with qtbot.waitSignal(bus.changed, timeout=WAIT) as published:
        assert pane.apply_stages()
    after = stages()
    assert after != before and after["B"] == (LoyaltyStage.NEW, LifecyclePhase.ACQUISITION)
    assert published.args[0].accounts == {ids[n] for n in after if after[n] != before[n]}
    assert f"on {len(published.args[0].accounts)} account(s)" in asked[0]
    assert stack.count() == 1
    stack.undo()
    assert stages() == before
    stack.redo()
    assert stages() == after
    assert not pane.apply_stages()  # nothing left to suggest: not asked again
    assert len(asked) == 1 and "already matches" in pane.message.text()


def test_the_clv_box_gives_the_historical_value_beside_the_projection(qtbot, db) -> None:
    rfm_example(db)  # counted: A 300, B 50, C 2,000, D 300, E 10; no product costs: 30 %
    pane = _pane(qtbot, db)
    first, formula = pane.clv_note.text().split("\n")
    assert first.startswith("Historical: revenue 2,660.00, margin 798.00 from 5 customer(s);")
    assert formula.startswith("CLV =")
