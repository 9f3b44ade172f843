"""The Quotes tab: a quote from the deal's lines, revisions, status, a draft's terms."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QDate
from PySide6.QtGui import QUndoStack

from crmdesk.models.enums import QuoteStatus
from crmdesk.services import pipeline, quotes
from crmdesk.services.pipeline import OpportunityDraft
from crmdesk.store.db import Database
from crmdesk.views.pipeline.quotes_view import QuotesView
from crmdesk.views.shell.bus import DataBus
from tests.pipeline_data import SCANNER_LINE


def test_quotes_from_lines_with_revisions_and_status(qtbot, db: Database) -> None:
    with db.transaction() as session:
        opp_id, _ = pipeline.save_opportunity(
            session, OpportunityDraft(name="Scanners", lines=[SCANNER_LINE]))
    undo = QUndoStack()
    view = QuotesView(db, DataBus(), undo, opp_id)
    qtbot.addWidget(view)
    assert view.table.rowCount() == 0
    assert view.new_quote()
    assert view.table.rowCount() == 1 and view.table.item(0, 1).text() == "1 of 1"
    assert view.table.item(0, 7).text() == "3,975.91"  # hand-worked: 3518.50 + 457.41
    assert view.lines.rowCount() == 1 and view.lines.item(0, 6).text() == "3,518.50"
    view.valid_until.setDate(QDate(2030, 6, 30))
    view.terms.setPlainText("Payment 30 days net")
    assert view.save_terms()
    assert view.set_status(QuoteStatus.SENT)
    assert not view.save_terms_button.isEnabled()  # a quote sent changes by a new revision
    assert view.new_quote()
    assert [view.table.item(r, 1).text() for r in range(2)] == ["2 of 2", "1 of 2"]
    with db.reading() as session:
        newest, first = quotes.quotes_of(session, opp_id)
    assert first.status is QuoteStatus.SUPERSEDED and first.terms == "Payment 30 days net"
    assert first.valid_until == dt.date(2030, 6, 30)
    assert newest.status is QuoteStatus.DRAFT and newest.totals.gross == Decimal("3975.91")
    undo.undo()
    view.refresh()
    assert view.table.rowCount() == 1
