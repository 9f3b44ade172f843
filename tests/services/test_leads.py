"""Leads: statuses, duplicates against contacts and accounts, conversion and its records."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from crmdesk.core.errors import KnownError
from crmdesk.models import Account, Contact, Lead, Opportunity
from crmdesk.models.enums import ContactRole, LeadStatus
from crmdesk.services import leads, pipeline
from crmdesk.services.accounts import AccountDraft, save_account
from crmdesk.services.leads import LeadDraft
from crmdesk.store.db import Database


def _lead(db: Database, **fields: object) -> object:
    draft = LeadDraft(**{"family_name": "王", "given_name": "芳", "company": "华东物流",
                         "phone": "13912345678", "source": "展会", "owner": "Li",
                         "estimated_amount": Decimal("50000"), "notes": "met at the fair",
                         **fields})  # type: ignore[arg-type]  # fmt: skip
    with db.transaction() as session:
        lead_id, _ = leads.save_lead(session, draft)
    return lead_id


def test_lead_needs_a_name_or_company(db: Database) -> None:
    with db.transaction() as session, pytest.raises(KnownError):
        leads.save_lead(session, LeadDraft(source="web"))


def test_status_flow_and_disqualify_reason(db: Database) -> None:
    lead_id = _lead(db)
    with db.transaction() as session:
        leads.set_status(session, lead_id, LeadStatus.CONTACTED)
        with pytest.raises(KnownError):
            leads.set_status(session, lead_id, LeadStatus.DISQUALIFIED)
        leads.set_status(session, lead_id, LeadStatus.DISQUALIFIED, "No budget this year")
        row = leads.lead_rows(session, [lead_id])[0]
    assert (row.status, row.disqualified_reason) == (LeadStatus.DISQUALIFIED, "No budget this year")


def test_convert_creates_account_contact_and_deal(db: Database) -> None:
    lead_id = _lead(db)
    with db.transaction() as session:
        result = leads.convert_lead(session, lead_id)
    assert result.account_id and result.contact_id and result.opportunity_id
    assert result.opportunity_id in result.changes.opportunities
    with db.reading() as session:
        account = session.get(Account, result.account_id)
        contact = session.get(Contact, result.contact_id)
        opp = session.get(Opportunity, result.opportunity_id)
        lead = session.get(Lead, lead_id)
        assert account is not None and account.name == "华东物流"
        assert contact is not None and contact.display_name == "王芳"
        assert contact.account_id == account.id and contact.phones[0].e164 == "+8613912345678"
        assert opp is not None and (opp.account_id, opp.contact_id) == (account.id, contact.id)
        assert (opp.amount, opp.source, opp.owner, opp.notes) == (
            Decimal("50000.00"), "展会", "Li", "met at the fair")  # fmt: skip
        assert [(r.contact_id, r.role) for r in opp.contact_roles] == [
            (contact.id, ContactRole.DECISION_MAKER)
        ]
        assert lead is not None and lead.status == LeadStatus.QUALIFIED
        assert lead.converted_opportunity_id == opp.id and lead.converted_at is not None
    with db.transaction() as session, pytest.raises(KnownError):
        leads.convert_lead(session, lead_id)


def test_convert_links_existing_records_and_duplicates_found(db: Database, people: dict) -> None:
    with db.transaction() as session:
        account_id, _ = save_account(session, AccountDraft(name="北京朝阳贸易"))
    lead_id = _lead(db, family_name="张", given_name="三", phone="138 0013 8000",
                    company="北京朝阳贸易")  # fmt: skip
    with db.reading() as session:
        found = leads.find_duplicates(session, lead_id)
    assert [c[0] for c in found.contacts] == [people["张三"]]
    assert [a[0] for a in found.accounts] == [account_id]
    with db.transaction() as session:
        result = leads.convert_lead(
            session, lead_id, account_id=account_id, contact_id=people["张三"],
            create_opportunity=False,
        )  # fmt: skip
    assert (result.account_id, result.contact_id, result.opportunity_id) == (
        account_id, people["张三"], None)  # fmt: skip
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Account)) == 1
        assert session.scalar(select(func.count()).select_from(Opportunity)) == 0


def test_failed_conversion_leaves_nothing(db: Database) -> None:
    lead_id = _lead(db)
    with pytest.raises(KnownError), db.transaction() as session:
        leads.convert_lead(session, lead_id, opportunity_name="x", amount=Decimal(1),
                           stage_id=None)  # fmt: skip
        raise KnownError("the user cancelled")
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Account)) == 0
        assert session.get(Lead, lead_id).status == LeadStatus.NEW  # type: ignore[union-attr]


def test_conversion_rate_per_source(db: Database) -> None:
    converted = _lead(db)
    _lead(db, source="展会", family_name="李", given_name="雷")
    _lead(db, source="Web", family_name="Smith", given_name="Ann", company="")
    with db.transaction() as session:
        result = leads.convert_lead(session, converted)
        won = next(s for s in pipeline.stages(session) if s.is_won)
        assert result.opportunity_id is not None
        pipeline.move_to_stage(session, result.opportunity_id, won.id, reason="Price")
        figures = {f.source: f for f in leads.conversion_by_source(session)}
    fair = figures["展会"]
    assert (fair.leads, fair.converted, fair.won, fair.conversion_rate) == (
        2, 1, 1, Decimal("50.00"))  # fmt: skip
    assert figures["Web"].conversion_rate == Decimal("0.00")
