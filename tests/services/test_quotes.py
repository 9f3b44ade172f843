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


def test_quote_document_has_every_printed_field(db: Database) -> None:
    """The fields the documents wing prints: buyer, lines with product and hand-worked totals."""
    from crmdesk.interop.records import AddressRecord, EmailRecord, PhoneRecord
    from crmdesk.services import accounts, products
    from crmdesk.services.accounts import AccountDraft
    from crmdesk.services.pipeline import LineDraft
    from crmdesk.services.products import ProductDraft

    with db.transaction() as session:
        account_id, _ = accounts.save_account(session, AccountDraft(
            name="华东电子", code="C-7", phones=[PhoneRecord("021 5555 0100")],
            emails=[EmailRecord("buy@hd.example")],
            addresses=[AddressRecord(street="淮海中路 1 号", city="上海", postal_code="200020")]))
        product_id, _ = products.save_product(session, ProductDraft(
            code="SC-1", name="Scanner", unit="pc", price=Decimal("1234.50"),
            tax_rate=Decimal(13)))
        line = LineDraft("Desk scanner", Decimal(3), Decimal("1234.50"), Decimal("5"),
                         Decimal("13"), "pc", product_id)
        opp_id, _ = pipeline.save_opportunity(session, OpportunityDraft(
            name="Scanners", account_id=account_id, owner="Li", lines=[line]))
        quote_id, _ = quotes.create_quote(session, opp_id, issued_on=dt.date(2026, 5, 4),
                                          terms="30 days")
        doc = quotes.quote_document(session, quote_id)
    assert (doc.number, doc.revision, doc.revisions, doc.date) == (
        "Q2026-0001", 1, 1, dt.date(2026, 5, 4))
    assert doc.buyer.account == "华东电子" and doc.buyer.account_code == "C-7"
    assert (doc.buyer.phone, doc.buyer.email) == ("021 5555 0100", "buy@hd.example")
    assert (doc.buyer.street, doc.buyer.city, doc.buyer.postal_code) == (
        "淮海中路 1 号", "上海", "200020")
    (only,) = doc.lines
    # 3 × 1234.50 = 3703.50, less 5 % = 3518.325 → 3518.33; tax 13 % = 457.3829 → 457.38
    assert (only.position, only.product_code, only.product, only.unit) == (1, "SC-1", "Scanner",
                                                                           "pc")
    assert (only.net, only.tax, only.gross) == (
        Decimal("3518.33"), Decimal("457.38"), Decimal("3975.71"))
    assert doc.totals.gross == Decimal("3975.71") and doc.terms == "30 days"


def test_quote_status_moves_and_terms_only_on_a_draft(db: Database) -> None:
    with db.transaction() as session:
        opp_id, _ = pipeline.save_opportunity(
            session, OpportunityDraft(name="x", lines=[SCANNER_LINE]))
        quote_id, _ = quotes.create_quote(session, opp_id, issued_on=dt.date(2026, 3, 1))
        quotes.update_terms(session, quote_id, valid_until=dt.date(2026, 4, 1), terms="net 60")
        quotes.change_status(session, quote_id, QuoteStatus.SENT)
        with pytest.raises(KnownError):
            quotes.update_terms(session, quote_id, valid_until=None, terms="other")
        quotes.change_status(session, quote_id, QuoteStatus.ACCEPTED)
        quotes.create_quote(session, opp_id, issued_on=dt.date(2026, 3, 2))
        old = quotes.quotes_of(session, opp_id)[1]
        assert old.status is QuoteStatus.ACCEPTED and old.terms == "net 60"
