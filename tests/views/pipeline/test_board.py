"""The board: columns per stage with their figures, cards dragged across stages (and moved
with Ctrl+→) landing in the stage history, undo taking a move back, the table and editor."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from crmdesk.services import pipeline
from crmdesk.store.db import Database
from crmdesk.views.pipeline.board_model import BoardModel
from crmdesk.views.pipeline.editor import OpportunityEditor
from crmdesk.views.pipeline.pane import PipelinePane
from crmdesk.views.shell.bus import DataBus
from tests.pipeline_data import build_pipeline


def _pane(qtbot, db: Database) -> PipelinePane:
    pane = PipelinePane(db, DataBus(), QUndoStack())
    qtbot.addWidget(pane)
    pane.resize(1366, 700)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def _history(db: Database, opp_id: uuid.UUID) -> list[str]:
    with db.reading() as session:
        return [s.stage for s in pipeline.stage_history(session, opp_id)]


def test_columns_and_headers(qtbot, db: Database, qtmodeltester) -> None:
    ids = build_pipeline(db)
    pane = _pane(qtbot, db)
    board = pane.board
    assert [c.model.stage.name for c in board.columns] == [
        "Qualification", "Needs analysis", "Proposal", "Negotiation", "Won", "Lost"]  # fmt: skip
    negotiation = board.columns[3]
    assert negotiation.model.rowCount() == 1
    assert negotiation.model.id_at(0) == ids["B"]
    header = negotiation.header.text()
    assert "20,000" in header and "12,000" in header
    for column in board.columns:
        qtmodeltester.check(column.model)
    qtmodeltester.check(pane.table_model)


def test_drag_a_card_to_the_next_stage(qtbot, db: Database) -> None:
    ids = build_pipeline(db)
    pane = _pane(qtbot, db)
    source, target = pane.board.columns[2], pane.board.columns[3]  # Proposal -> Negotiation
    view = source.view
    start = view.visualRect(source.model.index(0, 0)).center()
    mime = source.model.mimeData([source.model.index(0, 0)])
    # a real drag runs a nested event loop no offscreen test can steer; deliver its drop
    target.model.dropMimeData(
        mime, Qt.DropAction.MoveAction, -1, 0, target.model.index(0, 0).parent()
    )
    qtbot.waitUntil(lambda: target.model.rowCount() == 2)
    assert source.model.rowCount() == 0
    assert _history(db, ids["A"]) == ["Proposal", "Negotiation"]
    assert start != QPoint()
    pane._undo.undo()
    qtbot.waitUntil(lambda: source.model.rowCount() == 1)
    assert _history(db, ids["A"]) == ["Proposal"]


def test_ctrl_right_moves_the_current_card(qtbot, db: Database) -> None:
    ids = build_pipeline(db)
    pane = _pane(qtbot, db)
    assert pane.board.select(ids["C"])  # Qualification
    view = pane.board.columns[0].view
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: pane.board.columns[1].model.rowCount() == 1)
    assert _history(db, ids["C"]) == ["Qualification", "Needs analysis"]
    with db.reading() as session:
        changes = pipeline.stage_history(session, ids["C"])
    assert changes[-1].entered_at.date() == dt.datetime.now(dt.UTC).date()


def test_filters_narrow_board_and_table(qtbot, db: Database) -> None:
    build_pipeline(db)
    pane = _pane(qtbot, db)
    pane.owner.setCurrentIndex(pane.owner.findData("Wang"))
    assert sum(c.model.rowCount() for c in pane.board.columns) == 2
    pane.amount_min.setText("15000")
    pane.apply_filter()
    assert sum(c.model.rowCount() for c in pane.board.columns) == 1
    with qtbot.waitSignal(pane.table_model.keys_loaded, timeout=5000):
        pane.apply_filter()
    assert pane.table_model.rowCount() == 1


def test_board_model_loads_pages_not_every_card(qtbot, db: Database) -> None:
    with db.transaction() as session:
        for n in range(400):
            pipeline.save_opportunity(session, pipeline.OpportunityDraft(name=f"D{n}"))
    model = BoardModel(db, None)
    first = model.columns[0]
    assert first.rowCount() == 400 and first.fetches == 0
    first.card(0)
    first.card(399)
    assert first.fetches == 2


def test_editor_totals_as_you_type(qtbot, db: Database) -> None:
    with db.transaction() as session:
        pipeline.ensure_default_stages(session)
        stages = pipeline.stages(session)
    draft = pipeline.OpportunityDraft(name="Scanners", stage_id=stages[2].id)
    editor = OpportunityEditor(db, draft, stages)
    qtbot.addWidget(editor)
    editor.amount_from_lines.setChecked(True)
    editor.lines.add_line()
    for column, text in ((0, "Scanner"), (1, "3"), (3, "1,234.56"), (4, "5"), (5, "13")):
        editor.lines.item(0, column).setText(text)
    assert editor.lines.totals == pipeline.LineTotals(
        Decimal("3518.50"), Decimal("457.41"), Decimal("3975.91"))  # fmt: skip
    assert editor.lines.item(0, 8).text() == "3,975.91"
    assert editor.amount.text() == "3518.50" and editor.amount.isReadOnly()
    assert "3,975.91" in editor.totals.text()
    assert editor.probability.value() == 50 and not editor.probability.isEnabled()
    editor.override.setChecked(True)
    editor.probability.setValue(65)
    edited = editor.draft()
    assert edited is not None and edited.probability == Decimal("65.0")
    assert edited.lines[0].unit_price == Decimal("1234.56")
    editor.lines.item(0, 1).setText("three")
    assert editor.lines.item(0, 8).text() == "?" and editor.draft() is None
    QApplication.processEvents()


def test_editor_shows_the_stage_and_account_the_deal_has(qtbot, db: Database) -> None:
    """Ids read in another query are equal, not identical: the combo boxes must still find
    them (saving an unchanged deal once moved it to the first stage and dropped its account)."""
    from crmdesk.services import accounts
    from crmdesk.services.accounts import AccountDraft

    ids = build_pipeline(db)
    with db.transaction() as session:
        account_id, _ = accounts.save_account(session, AccountDraft(name="华东电子"))
        draft = pipeline.get_opportunity(session, ids["B"]).draft
        draft.account_id = account_id
        pipeline.save_opportunity(session, draft)
    with db.reading() as session:
        draft = pipeline.get_opportunity(session, ids["B"]).draft
        stages = pipeline.stages(session)
    editor = OpportunityEditor(db, draft, stages)
    qtbot.addWidget(editor)
    edited = editor.draft()
    assert edited is not None
    assert edited.stage_id == draft.stage_id and edited.account_id == account_id
