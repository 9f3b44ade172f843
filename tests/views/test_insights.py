"""The Insights pane on a hand-worked history: charts filled, a click picks its customers."""

from __future__ import annotations

from PySide6.QtCore import QDate, QPoint, Qt

from crmdesk.analytics.rfm import Segment
from crmdesk.views.insights.pane import InsightsPane
from crmdesk.views.shell.bus import DataBus
from tests.insights_data import AS_OF, rfm_example

WAIT = 15_000


def _pane(qtbot, db) -> InsightsPane:
    pane = InsightsPane(db, DataBus(), today=AS_OF)
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


def test_store_scores_writes_them_off_the_gui_thread(qtbot, db) -> None:
    from sqlalchemy import select

    from crmdesk.models import Account

    rfm_example(db)
    pane = _pane(qtbot, db)
    pane.as_of.setDate(QDate(AS_OF.year, AS_OF.month, AS_OF.day))
    with qtbot.waitSignal(pane.scores_stored, timeout=WAIT):
        pane.store_scores()
    with db.reading() as session:
        cells = {a.name: a.rfm_cell for a in session.scalars(select(Account))}
    assert cells["A"] == "353" and "5 account(s)" in pane.message.text()


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
