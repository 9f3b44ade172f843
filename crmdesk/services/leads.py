"""Leads: prospects before they are customers; their duplicates, qualification and conversion.

Converting is one transaction that creates (or links) the account, the contact and the deal;
the lead row stays, qualified, pointing at what it became, so conversion per source is known.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVarTuple

from sqlalchemy import ColumnElement, Select, case, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from crmdesk.core.errors import KnownError, RecordNotFound
from crmdesk.core.texts import translatable
from crmdesk.interop.records import AddressRecord, EmailRecord, PhoneRecord
from crmdesk.models import Account, Lead, Opportunity, PipelineStage
from crmdesk.models.base import utcnow
from crmdesk.models.enums import ContactRole, LeadStatus
from crmdesk.models.names import text_sort_key
from crmdesk.services.accounts import AccountDraft, save_account
from crmdesk.services.changes import Changes, changes_in, register_kind
from crmdesk.services.contacts import ContactDraft, save_contact
from crmdesk.services.duplicates import match_incoming
from crmdesk.services.pipeline import OpportunityDraft, save_opportunity

register_kind("leads", "leads")

_FIELDS = ("family_name", "given_name", "company", "title", "phone", "email", "city", "source",
           "campaign", "owner", "estimated_amount", "notes")  # fmt: skip
# The order a lead moves through; disqualified can follow any open status.
_NEXT = {
    LeadStatus.NEW: {LeadStatus.CONTACTED, LeadStatus.QUALIFIED, LeadStatus.DISQUALIFIED},
    LeadStatus.CONTACTED: {LeadStatus.QUALIFIED, LeadStatus.DISQUALIFIED, LeadStatus.NEW},
    LeadStatus.QUALIFIED: {LeadStatus.CONTACTED},
    LeadStatus.DISQUALIFIED: {LeadStatus.NEW, LeadStatus.CONTACTED},
}


@dataclass
class LeadDraft:
    family_name: str = ""
    given_name: str = ""
    company: str = ""
    title: str = ""
    phone: str = ""
    email: str = ""
    city: str = ""
    source: str = ""
    campaign: str = ""
    owner: str = ""
    estimated_amount: Decimal = Decimal(0)
    notes: str = ""
    id: uuid.UUID | None = None


@dataclass(frozen=True)
class LeadRow:
    id: uuid.UUID
    name: str
    company: str
    phone: str
    email: str
    source: str
    campaign: str
    status: LeadStatus
    owner: str
    disqualified_reason: str
    converted_opportunity_id: uuid.UUID | None
    created_at: dt.datetime


@dataclass(frozen=True)
class LeadFilter:
    status: LeadStatus | None = None
    source: str | None = None
    owner: str | None = None
    search: str = ""


def save_lead(session: Session, draft: LeadDraft) -> tuple[uuid.UUID, Changes]:
    """Create or update a lead; it needs a person's name or a company."""
    if not (draft.family_name.strip() or draft.given_name.strip() or draft.company.strip()):
        raise KnownError(translatable("Messages", "A lead needs a person's name or a company."))
    lead = _lead(session, draft.id) if draft.id else Lead()
    for name in _FIELDS:
        value = getattr(draft, name)
        setattr(lead, name, value.strip() if isinstance(value, str) else value)
    session.add(lead)
    session.flush()
    return lead.id, changes_in(session)


def get_lead(session: Session, lead_id: uuid.UUID) -> tuple[LeadDraft, LeadRow]:
    """The lead as its editor shows it (the draft) and as the list shows it (the row)."""
    lead = _lead(session, lead_id)
    draft = LeadDraft(id=lead.id)
    for name in _FIELDS:
        setattr(draft, name, getattr(lead, name))
    return draft, lead_rows(session, [lead.id])[0]


def _distinct(session: Session, column: InstrumentedAttribute[str]) -> list[str]:
    stmt = select(column).where(Lead.deleted_at.is_(None), column != "").distinct()
    return list(session.scalars(stmt.order_by(column)))


def lead_sources(session: Session) -> list[str]:
    """Every source a live lead names (a filter's choices)."""
    return _distinct(session, Lead.source)


def lead_owners(session: Session) -> list[str]:
    return _distinct(session, Lead.owner)


def _lead(session: Session, lead_id: uuid.UUID) -> Lead:
    lead = session.get(Lead, lead_id)
    if lead is None or lead.deleted_at is not None:
        raise RecordNotFound(translatable("Messages", "No such lead."))
    return lead


def set_status(
    session: Session, lead_id: uuid.UUID, status: LeadStatus, reason: str = ""
) -> Changes:
    """Move a lead on (new → contacted → qualified), or disqualify it with a reason."""
    lead = _lead(session, lead_id)
    if status == lead.status:
        return changes_in(session)
    if status not in _NEXT[LeadStatus(lead.status)]:
        raise KnownError(
            translatable("Messages", "A lead cannot go from %1 to %2."),
            values=(lead.status, status),
        )
    if status is LeadStatus.DISQUALIFIED and not reason.strip():
        raise KnownError(translatable("Messages", "Say why the lead is disqualified."))
    if lead.converted_opportunity_id is not None:
        raise KnownError(
            translatable(
                "Messages", "This lead has been converted; change its opportunity instead."
            )
        )
    lead.status = status
    lead.disqualified_reason = reason.strip() if status is LeadStatus.DISQUALIFIED else ""
    session.flush()
    return changes_in(session)


_Row = TypeVarTuple("_Row")


def _filtered(stmt: Select[*_Row], flt: LeadFilter) -> Select[*_Row]:
    stmt = stmt.where(Lead.deleted_at.is_(None))
    if flt.status:
        stmt = stmt.where(Lead.status == flt.status)
    if flt.source:
        stmt = stmt.where(Lead.source == flt.source)
    if flt.owner:
        stmt = stmt.where(Lead.owner == flt.owner)
    if flt.search.strip():
        p = f"%{flt.search.strip()}%"
        stmt = stmt.where(
            or_(
                Lead.company.ilike(p),
                (Lead.family_name + Lead.given_name).ilike(p),
                Lead.given_name.ilike(p),
                Lead.family_name.ilike(p),
                Lead.email.ilike(p),
                Lead.phone.ilike(p),
            )
        )
    return stmt


class LeadSort(StrEnum):
    CREATED = "created"
    NAME = "name"
    COMPANY = "company"
    SOURCE = "source"
    STATUS = "status"
    OWNER = "owner"


_LEAD_SORT: dict[LeadSort, ColumnElement[Any]] = {
    LeadSort.CREATED: Lead.created_at.expression,
    LeadSort.NAME: (Lead.family_name + Lead.given_name),
    LeadSort.COMPANY: Lead.company.expression,
    LeadSort.SOURCE: Lead.source.expression,
    LeadSort.STATUS: Lead.status.expression,
    LeadSort.OWNER: Lead.owner.expression,
}


def lead_ids(
    session: Session,
    flt: LeadFilter = LeadFilter(),
    sort: LeadSort = LeadSort.CREATED,
    descending: bool = True,
) -> list[uuid.UUID]:
    """The filtered keys in order (newest first unless asked otherwise)."""
    column = _LEAD_SORT[sort]
    order = (column.desc(), Lead.id.desc()) if descending else (column, Lead.id)
    return list(session.scalars(_filtered(select(Lead.id), flt).order_by(*order)))


def lead_rows(session: Session, ids: Sequence[uuid.UUID]) -> list[LeadRow]:
    found = {
        lead.id: LeadRow(
            id=lead.id,
            name=lead.person_name,
            company=lead.company,
            phone=lead.phone,
            email=lead.email,
            source=lead.source,
            campaign=lead.campaign,
            status=LeadStatus(lead.status),
            owner=lead.owner,
            disqualified_reason=lead.disqualified_reason,
            converted_opportunity_id=lead.converted_opportunity_id,
            created_at=lead.created_at,
        )
        for lead in session.scalars(select(Lead).where(Lead.id.in_(ids)))
    }
    return [found[i] for i in ids if i in found]


@dataclass(frozen=True)
class LeadDuplicates:
    """Existing records a lead may already be: contacts (with score) and accounts by name."""

    contacts: tuple[tuple[uuid.UUID, str, int], ...]
    accounts: tuple[tuple[uuid.UUID, str], ...]


def _as_record(lead: Lead) -> ContactDraft:
    return ContactDraft(
        family_name=lead.family_name,
        given_name=lead.given_name,
        title=lead.title,
        phones=[PhoneRecord(lead.phone)] if lead.phone else [],
        emails=[EmailRecord(lead.email)] if lead.email else [],
        addresses=[AddressRecord(city=lead.city)] if lead.city else [],
        notes=lead.notes,
    )


def find_duplicates(session: Session, lead_id: uuid.UUID) -> LeadDuplicates:
    """The contact this lead most likely is (the importer's matching: phone, e-mail, name) and
    the accounts with the same company name."""
    lead = _lead(session, lead_id)
    people: tuple[tuple[uuid.UUID, str, int], ...] = ()
    if lead.family_name or lead.given_name or lead.phone or lead.email:
        match = match_incoming(session, [_as_record(lead)])[0]
        if match is not None:
            people = ((match.contact_id, match.name, match.score),)
    companies: tuple[tuple[uuid.UUID, str], ...] = ()
    if lead.company.strip():
        key = text_sort_key(lead.company.strip())
        rows = session.execute(
            select(Account.id, Account.name).where(
                Account.deleted_at.is_(None),
                or_(Account.sort_key == key, func.lower(Account.name) == lead.company.lower()),
            )
        )
        companies = tuple((r[0], r[1]) for r in rows)
    return LeadDuplicates(people, companies)


@dataclass(frozen=True)
class Conversion:
    account_id: uuid.UUID | None
    contact_id: uuid.UUID | None
    opportunity_id: uuid.UUID | None
    changes: Changes


def convert_lead(
    session: Session,
    lead_id: uuid.UUID,
    *,
    account_id: uuid.UUID | None = None,
    contact_id: uuid.UUID | None = None,
    create_opportunity: bool = True,
    opportunity_name: str = "",
    amount: Decimal | None = None,
    stage_id: uuid.UUID | None = None,
    expected_close: dt.date | None = None,
) -> Conversion:
    """Make the lead an account, a contact and (optionally) a deal, linking existing ones given.

    All in the caller's one transaction: a failure leaves nothing half-made. The lead stays,
    qualified, with the converted ids and its notes carried to the deal."""
    lead = _lead(session, lead_id)
    if lead.converted_at is not None:
        raise KnownError(translatable("Messages", "This lead has already been converted."))
    if lead.status == LeadStatus.DISQUALIFIED:
        raise KnownError(
            translatable("Messages", "A disqualified lead cannot be converted; reopen it first.")
        )
    if account_id is None and lead.company.strip():
        account_id, _ = save_account(
            session, AccountDraft(name=lead.company, source=lead.source, owner=lead.owner)
        )
    if contact_id is None and (lead.family_name.strip() or lead.given_name.strip()):
        draft = _as_record(lead)
        draft.account_id = account_id
        draft.owner = lead.owner
        contact_id, _ = save_contact(session, draft)
    opp_id = None
    if create_opportunity:
        name = opportunity_name.strip() or lead.company or lead.person_name
        opp_id, _ = save_opportunity(
            session,
            OpportunityDraft(
                name=name,
                stage_id=stage_id,
                account_id=account_id,
                contact_id=contact_id,
                amount=lead.estimated_amount if amount is None else amount,
                expected_close=expected_close,
                source=lead.source,
                owner=lead.owner,
                notes=lead.notes,
                roles=[(contact_id, ContactRole.DECISION_MAKER)] if contact_id else [],
            ),
        )
    lead.status = LeadStatus.QUALIFIED
    lead.converted_at = utcnow()
    lead.converted_account_id = account_id
    lead.converted_contact_id = contact_id
    lead.converted_opportunity_id = opp_id
    session.flush()
    return Conversion(account_id, contact_id, opp_id, changes_in(session))


@dataclass(frozen=True)
class SourceFigures:
    source: str
    leads: int
    converted: int
    disqualified: int
    won: int

    @property
    def conversion_rate(self) -> Decimal:
        """Converted leads per lead, in percent (two places)."""
        if not self.leads:
            return Decimal("0.00")
        return (Decimal(self.converted) * 100 / self.leads).quantize(Decimal("0.01"))


def conversion_by_source(session: Session) -> list[SourceFigures]:
    """Per lead source: how many leads, converted, disqualified and won deals (one query)."""
    won = (
        select(Opportunity.id)
        .join(PipelineStage, PipelineStage.id == Opportunity.stage_id)
        .where(PipelineStage.is_won.is_(True), Opportunity.deleted_at.is_(None))
    )
    stmt = (
        select(
            Lead.source,
            func.count(),
            func.count(Lead.converted_at),
            func.sum(case((Lead.status == LeadStatus.DISQUALIFIED, 1), else_=0)),
            func.sum(case((Lead.converted_opportunity_id.in_(won), 1), else_=0)),
        )
        .where(Lead.deleted_at.is_(None))
        .group_by(Lead.source)
        .order_by(func.count().desc(), Lead.source)
    )
    return [
        SourceFigures(source, leads, converted, int(dis or 0), int(w or 0))
        for source, leads, converted, dis, w in session.execute(stmt)
    ]


def delete_leads(session: Session, ids: Sequence[uuid.UUID]) -> Changes:
    when = utcnow()
    for lead_id in ids:
        _lead(session, lead_id).deleted_at = when
    session.flush()
    return changes_in(session)
