"""Editing a deal: its fields, line items and contact roles read and saved as one draft.

A save is one transaction in the caller's session: the lines and roles are replaced whole, a
stage change goes through the move (so it is in the history), and a stale version is refused.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from crmdesk.core.errors import KnownError, RecordNotFound
from crmdesk.core.texts import translatable
from crmdesk.models import (
    Contact,
    Opportunity,
    OpportunityContact,
    OpportunityLine,
    PipelineStage,
    StageChange,
)
from crmdesk.models.base import utcnow
from crmdesk.models.enums import ContactRole
from crmdesk.services.changes import Changes, changes_in
from crmdesk.services.pipeline.money import LineDraft, LineTotals, sum_totals
from crmdesk.services.pipeline.moves import move_to_stage, opportunity_record, record_move
from crmdesk.services.pipeline.queries import OpportunityRow, opportunity_rows
from crmdesk.services.pipeline.stages import check_probability, ensure_default_stages, stages


@dataclass
class OpportunityDraft:
    name: str = ""
    stage_id: uuid.UUID | None = None
    account_id: uuid.UUID | None = None
    contact_id: uuid.UUID | None = None
    amount: Decimal = Decimal(0)
    currency: str = "CNY"
    probability: Decimal | None = None  # None: the stage's
    expected_close: dt.date | None = None
    source: str = ""
    owner: str = ""
    competitors: str = ""
    next_step: str = ""
    notes: str = ""
    lines: list[LineDraft] = field(default_factory=list)
    roles: list[tuple[uuid.UUID, ContactRole]] = field(default_factory=list)
    amount_from_lines: bool = False  # the amount is the lines' net total
    id: uuid.UUID | None = None
    version: int | None = None


@dataclass(frozen=True)
class StageStep:
    stage: str
    entered_at: dt.datetime
    left_at: dt.datetime | None
    amount: Decimal

    @property
    def days(self) -> float:
        end = self.left_at or utcnow()
        return (end - self.entered_at).total_seconds() / 86400


@dataclass(frozen=True)
class OpportunityDetail:
    row: OpportunityRow
    draft: OpportunityDraft
    totals: LineTotals
    history: tuple[StageStep, ...]
    won_reason: str
    lost_reason: str
    closed_on: dt.date | None
    contact_names: dict[uuid.UUID, str]


def get_opportunity(session: Session, opp_id: uuid.UUID) -> OpportunityDetail:
    opp = session.scalars(
        select(Opportunity)
        .where(Opportunity.id == opp_id)
        .options(selectinload(Opportunity.lines), selectinload(Opportunity.contact_roles))
    ).first()
    if opp is None or opp.deleted_at is not None:
        raise RecordNotFound(translatable("Messages", "No such opportunity."))
    lines = [
        LineDraft(
            line.description,
            line.quantity,
            line.unit_price,
            line.discount,
            line.tax_rate,
            line.unit,
            line.product_id,
        )
        for line in opp.lines
    ]
    roles = [(r.contact_id, ContactRole(r.role)) for r in opp.contact_roles]
    draft = OpportunityDraft(
        name=opp.name,
        stage_id=opp.stage_id,
        account_id=opp.account_id,
        contact_id=opp.contact_id,
        amount=opp.amount,
        currency=opp.currency,
        probability=opp.probability,
        expected_close=opp.expected_close,
        source=opp.source,
        owner=opp.owner,
        competitors=opp.competitors,
        next_step=opp.next_step,
        notes=opp.notes,
        lines=lines,
        roles=roles,
        id=opp.id,
        version=opp.version,
    )
    wanted = {c for c, _ in roles} | ({opp.contact_id} if opp.contact_id else set())
    names = {
        c.id: c.display_name
        for c in session.scalars(select(Contact).where(Contact.id.in_(wanted)))
    } if wanted else {}  # fmt: skip
    return OpportunityDetail(
        row=opportunity_rows(session, [opp.id])[0],
        draft=draft,
        totals=sum_totals(lines),
        history=tuple(stage_history(session, opp.id)),
        won_reason=opp.won_reason,
        lost_reason=opp.lost_reason,
        closed_on=opp.closed_on,
        contact_names=names,
    )


def stage_history(session: Session, opp_id: uuid.UUID) -> list[StageStep]:
    """Each stage the deal stood in, when it entered and left: time in each stage."""
    rows = session.execute(
        select(PipelineStage.name, StageChange.changed_at, StageChange.amount)
        .join(PipelineStage, PipelineStage.id == StageChange.to_stage_id)
        .where(StageChange.opportunity_id == opp_id, StageChange.deleted_at.is_(None))
        .order_by(StageChange.changed_at, StageChange.id)
    ).all()
    steps = []
    for i, (name, at, amount) in enumerate(rows):
        left = rows[i + 1][1] if i + 1 < len(rows) else None
        steps.append(StageStep(name, at, left, amount))
    return steps


def save_opportunity(
    session: Session, draft: OpportunityDraft, *, when: dt.datetime | None = None
) -> tuple[uuid.UUID, Changes]:
    """Create or update one opportunity with its lines and contact roles (one transaction);
    `when` dates a new deal's creation and first stage (for records made after the fact)."""
    if not draft.name.strip():
        raise KnownError(translatable("Messages", "An opportunity needs a name."))
    if draft.probability is not None:
        check_probability(draft.probability)
    if draft.id is None:
        ensure_default_stages(session)
        stage_id = draft.stage_id or stages(session)[0].id
        opp = Opportunity(stage_id=stage_id, name=draft.name, created_at=when or utcnow())
        session.add(opp)
        session.flush()
        record_move(session, opp, None, stage_id, when or utcnow())
    else:
        opp = opportunity_record(session, draft.id)
        if draft.version is not None and draft.version != opp.version:
            raise KnownError(
                translatable(
                    "Messages", "Someone else changed this opportunity; reopen it to see theirs."
                )
            )
        if draft.stage_id and draft.stage_id != opp.stage_id:
            move_to_stage(session, opp.id, draft.stage_id)
    for attr in ("name", "account_id", "contact_id", "currency", "probability", "expected_close",
                 "source", "owner", "competitors", "next_step", "notes"):  # fmt: skip
        value = getattr(draft, attr)
        setattr(opp, attr, value.strip() if isinstance(value, str) and attr == "name" else value)
    totals = sum_totals(draft.lines)
    opp.amount = totals.net if draft.amount_from_lines and draft.lines else Decimal(draft.amount)
    _replace_lines(opp, draft.lines)
    _replace_roles(opp, draft.roles)
    session.flush()
    return opp.id, changes_in(session)


def _replace_lines(opp: Opportunity, lines: Sequence[LineDraft]) -> None:
    opp.lines[:] = [
        OpportunityLine(
            position=i,
            description=line.description,
            unit=line.unit,
            quantity=Decimal(line.quantity),
            unit_price=Decimal(line.unit_price),
            discount=Decimal(line.discount),
            tax_rate=Decimal(line.tax_rate),
            product_id=line.product_id,
        )
        for i, line in enumerate(lines)
    ]


def _replace_roles(opp: Opportunity, roles: Sequence[tuple[uuid.UUID, ContactRole]]) -> None:
    seen: dict[uuid.UUID, ContactRole] = dict(roles)
    kept = {r.contact_id: r for r in opp.contact_roles if r.contact_id in seen}
    for contact_id, r in kept.items():
        r.role = seen[contact_id]
    opp.contact_roles[:] = [
        kept.get(c) or OpportunityContact(contact_id=c, role=role) for c, role in seen.items()
    ]


def delete_opportunities(session: Session, ids: Sequence[uuid.UUID]) -> Changes:
    when = utcnow()
    for opp_id in ids:
        opportunity_record(session, opp_id).deleted_at = when
    session.flush()
    return changes_in(session)
