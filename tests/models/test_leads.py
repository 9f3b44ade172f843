"""Leads, quotes and contact roles round-trip through a migrated file, money exactly."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select

from crmdesk.models import Base, Lead, Quote, QuoteLine
from crmdesk.models.enums import LeadStatus
from crmdesk.store.db import Database


def test_migrated_file_matches_the_models(db: Database) -> None:
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert [d for d in diff if "search_" not in str(d)] == []


def test_lead_and_quote_keep_decimal_money(db: Database) -> None:
    with db.transaction() as session:
        lead = Lead(family_name="王", given_name="芳", company="华东物流", source="展会")
        session.add(lead)
        session.flush()
        assert lead.person_name == "王芳"
        assert lead.status == LeadStatus.NEW
    with db.reading() as session:
        found = session.scalars(select(Lead)).one()
        assert (found.company, found.estimated_amount) == ("华东物流", Decimal("0"))


def test_quote_line_prices_are_exact(db: Database) -> None:
    from crmdesk.services.pipeline import OpportunityDraft, save_opportunity

    with db.transaction() as session:
        opp_id, _ = save_opportunity(session, OpportunityDraft(name="Scanners"))
        quote = Quote(opportunity_id=opp_id, number="Q-1", issued_on=dt.date(2026, 1, 5))
        quote.lines.append(QuoteLine(unit_price=Decimal("1234.5678"), discount=Decimal("12.5")))
        session.add(quote)
    with db.reading() as session:
        line = session.scalars(select(QuoteLine)).one()
        assert (line.unit_price, line.discount) == (Decimal("1234.5678"), Decimal("12.5"))
