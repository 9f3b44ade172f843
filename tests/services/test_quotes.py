"""Quotes: numbered, copied from the deal's lines, revisions kept (revision n of m)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from crmdesk.core.errors import KnownError
from crmdesk.models.enums import QuoteStatus
from crmdesk.services import pipeline, quotes
from crmdesk.services.pipeline import OpportunityDraft
from crmdesk.store.db import Database
from tests.pipeline_data import SCANNER_LINE


def test_quote_revisions(db: Database) -> None:
    day = dt.date(2026, 3, 1)
    with db.transaction() as session:
        opp_id, _ = pipeline.save_opportunity(session, OpportunityDraft(name="x"))
        with pytest.raises(KnownError):
            quotes.create_quote(session, opp_id, issued_on=day)
        draft = pipeline.get_opportunity(session, opp_id).draft
        draft.lines = [SCANNER_LINE]
        pipeline.save_opportunity(session, draft)
        quotes.create_quote(session, opp_id, issued_on=day, terms="30 days net")
        draft = pipeline.get_opportunity(session, opp_id).draft
        draft.lines = [SCANNER_LINE, SCANNER_LINE]
        pipeline.save_opportunity(session, draft)
        quotes.create_quote(session, opp_id, issued_on=day)
        found = quotes.quotes_of(session, opp_id)
    newest, first = found
    assert (newest.number, newest.revision, newest.revisions) == ("Q2026-0001", 2, 2)
    assert first.number == "Q2026-0001" and first.status is QuoteStatus.SUPERSEDED
    assert first.totals.gross == Decimal("3975.91") and len(first.lines) == 1
    assert newest.totals.gross == Decimal("7951.82")
    assert first.valid_until == dt.date(2026, 3, 31) and first.terms == "30 days net"
