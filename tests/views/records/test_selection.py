"""Selections by id: rows merged into ranges, the current record kept, rows outside skipped."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView

from crmdesk.views.contacts.tables import ContactTableModel
from crmdesk.views.records.selection import remember, select_ids, selected_rows


def test_records_selected_by_id_are_remembered_by_id(qtbot, db, people):
    model = ContactTableModel(db, None, load=False)
    with qtbot.waitSignal(model.keys_loaded, timeout=10_000):
        model.refresh()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    keys = model.keys()
    assert len(keys) == 4
    chosen = [keys[0], keys[1], keys[3]]
    select_ids(view, model, chosen, current=keys[3])
    assert selected_rows(view) == [0, 1, 3]
    ranges = view.selectionModel().selection().toList()
    assert [(r.top(), r.bottom()) for r in ranges] == [(0, 1), (3, 3)]  # merged where adjacent
    kept = remember(view, model)
    assert kept.ids == chosen and kept.current == keys[3] and kept.current_row == 3
    view.selectionModel().clearSelection()
    assert remember(view, model).ids == []
