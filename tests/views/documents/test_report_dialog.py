"""File > Excel Report… and the pipeline's Documents menu: what the window adds to the documents
services (which tests/services and tests/export read back in full)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QDate
from PySide6.QtGui import QUndoStack

from crmdesk.services.accounts import AccountDraft, save_account
from crmdesk.store.db import Database
from crmdesk.views.documents.report_dialog import ReportDialog
from crmdesk.views.pipeline.pane import PipelinePane
from crmdesk.views.shell.bus import DataBus
from tests.document_data import build_deal


def test_the_report_dialog_writes_the_chosen_report_for_the_period(
    qtbot, db: Database, tmp_path: Path
) -> None:
    with db.transaction() as session:
        save_account(session, AccountDraft(name="云杉贸易有限公司"))
    dialog = ReportDialog(db)
    qtbot.addWidget(dialog)
    dialog.report.setCurrentIndex(dialog.report.findData("customers"))
    dialog.limited.setChecked(True)
    dialog.start.setDate(QDate(2026, 1, 1))
    dialog.end.setDate(QDate(2026, 6, 30))
    assert dialog.period().start == dt.date(2026, 1, 1)
    assert dialog.period().end == dt.date(2026, 6, 30)
    target = tmp_path / "customers.xlsx"
    dialog.save_to(target)
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=20000)
    book = load_workbook(target)
    text = "\n".join(str(c.value) for ws in book.worksheets for row in ws.iter_rows()
                     for c in row if c.value is not None)  # fmt: skip
    assert "2026-01-01" in text and "2026-06-30" in text  # the period is named in the workbook
    assert "云杉贸易有限公司" in text


def test_the_documents_menu_makes_one_contract_per_selected_deal(qtbot, db: Database) -> None:
    first, second = build_deal(db, "数据中心扩容"), build_deal(db, "机房改造")
    pane = PipelinePane(db, DataBus(), QUndoStack())
    qtbot.addWidget(pane)
    pane.tabs.setCurrentWidget(pane.table)
    qtbot.waitUntil(lambda: pane.table_model.rowCount() == 2, timeout=10000)
    pane.table.selectAll()
    dialog = pane.generate_documents("contract")
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert set(dialog._ids) == {first, second}
    assert "2" in dialog.windowTitle()
