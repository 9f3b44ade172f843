"""Monthly targets…: the month's stored targets in a grid, saved at once as one undo step."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtGui import QUndoStack

from crmdesk.services import targets
from crmdesk.services.accounts import AccountDraft, save_account
from crmdesk.services.targets import TargetDraft
from crmdesk.store.db import Database
from crmdesk.views.insights.targets_dialog import TargetsDialog
from crmdesk.views.shell.bus import DataBus

D = Decimal


def _stored(db: Database, month: str = "2026-06") -> dict:
    with db.reading() as session:
        return dict(targets.month_grid(session, month).cells)


def _setup(db: Database) -> None:
    with db.transaction() as session:
        save_account(session, AccountDraft(name="锐新电气", owner="Li"))
        save_account(session, AccountDraft(name="Acme", owner="Wang"))
        targets.set_targets(session, [
            TargetDraft("Li", "2026-05", "revenue_won", D(80000), D(2)),
            TargetDraft("Li", "2026-05", "calls_made", D(30), D(1)),
            TargetDraft("Li", "2026-06", "revenue_won", D("85000.50"), D(3)),
            TargetDraft("Wang", "2026-06", "calls_made", D(1200), D(1)),
        ])  # fmt: skip


def _dialog(qtbot, db, bus=None, stack=None, month="2026-06") -> TargetsDialog:
    dialog = TargetsDialog(db, bus or DataBus(), stack or QUndoStack(), month)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_dialog_shows_the_stored_targets_with_amounts_grouped(qtbot, db) -> None:
    _setup(db)
    dialog = _dialog(qtbot, db)
    assert dialog.grid_data is not None and dialog.grid_data.owners == ("Li", "Wang")
    target, weight = dialog.fields[("Li", "revenue_won")]
    assert (target.text(), weight.text()) == ("85,000.50", "3")
    assert dialog.fields[("Wang", "calls_made")][0].text() == "1,200"
    assert dialog.fields[("Li", "calls_made")][0].text() == ""
    assert dialog.shares["Li"].text() == "100 %"


def test_saving_stores_the_grid_as_one_undo_step_and_is_broadcast(qtbot, db) -> None:
    _setup(db)
    bus, stack = DataBus(), QUndoStack()
    dialog = _dialog(qtbot, db, bus, stack)
    before = _stored(db)
    dialog.fields[("Li", "calls_made")][0].setText("40")
    dialog.fields[("Li", "calls_made")][1].setText("1")
    dialog.fields[("Wang", "calls_made")][0].setText("")  # removed
    dialog.fields[("Li", "revenue_won")][0].setText("90,000")
    with qtbot.waitSignal(bus.changed) as published:
        assert dialog.save()
    assert published.args[0].targets
    assert _stored(db) == {
        ("Li", "revenue_won"): (D(90000), D(3)),
        ("Li", "calls_made"): (D(40), D(1)),
    }
    assert stack.count() == 1 and "2026-06" in stack.text(0)
    stack.undo()
    assert _stored(db) == before
    assert dialog.fields[("Li", "revenue_won")][0].text() == "85,000.50"  # the grid follows
    stack.redo()
    assert _stored(db)[("Li", "calls_made")] == (D(40), D(1))


def test_copy_from_last_month_fills_the_grid_for_saving(qtbot, db) -> None:
    _setup(db)
    dialog = _dialog(qtbot, db)
    assert dialog.copy_last_month()
    assert dialog.fields[("Li", "revenue_won")][0].text() == "80,000"
    assert dialog.fields[("Li", "calls_made")][0].text() == "30"
    assert dialog.shares["Li"].text() == "67 % · 33 %"
    assert "2026-05" in dialog.message.text()
    assert dialog.save()
    stored = _stored(db)
    assert stored[("Li", "revenue_won")] == (D(80000), D(2))
    assert stored[("Li", "calls_made")] == (D(30), D(1))


def test_a_negative_value_is_refused_with_a_clear_message(qtbot, db, monkeypatch) -> None:
    from crmdesk.views.shell import errors

    shown: list[BaseException] = []
    monkeypatch.setattr(errors, "report", lambda parent, error: shown.append(error))
    _setup(db)
    stack = QUndoStack()
    dialog = _dialog(qtbot, db, stack=stack)
    before = _stored(db)
    edit = dialog.fields[("Wang", "visits_made")][0]
    edit.setText("-5")
    assert not dialog.save()
    assert "Wang, Visits made: a target cannot be negative." in dialog.message.text()
    assert dialog.message.text().startswith("Nothing was saved:\n")
    assert edit.styleSheet()  # marked
    assert _stored(db) == before and stack.count() == 0
    assert shown == []  # said in the dialog, before any write is tried


def test_the_insights_pane_opens_it_for_its_month_and_shows_what_is_saved(qtbot, db) -> None:
    import datetime as dt

    from crmdesk.views.insights.pane import InsightsPane

    _setup(db)
    bus = DataBus()
    pane = InsightsPane(db, bus, QUndoStack(), today=dt.date(2026, 6, 15))
    qtbot.addWidget(pane)
    with qtbot.waitSignal(pane.work.busy_changed, timeout=15_000, check_params_cb=lambda b: not b):
        pane.show()
    assert pane.gauges.scores == [("Li", 0.0), ("Wang", 0.0)]
    box = pane.gauges.parentWidget()  # in the Targets box, below the charts
    assert pane.targets_button.parentWidget() is box
    assert box.layout().indexOf(pane.targets_button) == 2
    pane.targets_button.click()
    (dialog,) = pane.findChildren(TargetsDialog)
    assert dialog.month == "2026-06" and dialog.month_edit.text() == "2026-06"
    assert dialog.fields[("Wang", "calls_made")][0].text() == "1,200"
    dialog.fields[("Wang", "calls_made")][0].setText("0")  # met with none made
    assert dialog.save()
    qtbot.waitUntil(lambda: pane.gauges.scores == [("Li", 0.0), ("Wang", 100.0)], timeout=15_000)


def test_another_month_is_read_and_unsaved_edits_are_asked_about(qtbot, db, monkeypatch) -> None:
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QMessageBox

    _setup(db)
    dialog = _dialog(qtbot, db)
    edit = dialog.fields[("Li", "calls_made")][0]
    qtbot.keyClicks(edit, "7")  # typed, so unsaved
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    dialog.month_edit.setDate(QDate(2026, 5, 1))
    assert dialog.month == "2026-06" and dialog.month_edit.text() == "2026-06"
    assert dialog.fields[("Li", "calls_made")][0].text() == "7"  # kept
    dialog.month_edit.setDate(QDate(2026, 5, 1))
    assert dialog.month == "2026-05" and not answers
    assert dialog.fields[("Li", "calls_made")][0].text() == "30"
    assert dialog.fields[("Li", "revenue_won")][0].text() == "80,000"
