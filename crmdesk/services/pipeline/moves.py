"""Moving a deal between stages, closing it won or lost with a reason, and the order a won
deal becomes. Every move lands in `stage_changes` with its date, which is what time in stage,
the funnel and the win rate read.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.orm import Session

from crmdesk.core.errors import KnownError, RecordNotFound
from crmdesk.core.texts import translatable
from crmdesk.models import Opportunity, Order, OrderLine, StageChange
from crmdesk.models.base import utcnow
from crmdesk.models.enums import OrderStatus
from crmdesk.services.changes import Changes, changes_in
from crmdesk.services.pipeline.money import line_totals
from crmdesk.services.pipeline.stages import stage_record, stages

# The reasons offered when a deal closes (the user may type another).
WON_REASONS = (
    translatable("Reasons", "Price"),
    translatable("Reasons", "Product fit"),
    translatable("Reasons", "Relationship"),
    translatable("Reasons", "Service and support"),
)
LOST_REASONS = (
    translatable("Reasons", "Price too high"),
    translatable("Reasons", "Lost to a competitor"),
    translatable("Reasons", "No budget"),
    translatable("Reasons", "No decision"),
    translatable("Reasons", "Product does not fit"),
)


def opportunity_record(session: Session, opp_id: uuid.UUID) -> Opportunity:
    opp = session.get(Opportunity, opp_id)
    if opp is None or opp.deleted_at is not None:
        raise RecordNotFound(translatable("Messages", "No such opportunity."))
    return opp


def record_move(
    session: Session,
    opp: Opportunity,
    from_stage: uuid.UUID | None,
    to_stage: uuid.UUID,
    when: dt.datetime,
) -> None:
    session.add(
        StageChange(
            opportunity_id=opp.id,
            from_stage_id=from_stage,
            to_stage_id=to_stage,
            changed_at=when,
            amount=opp.amount,
        )
    )


def move_to_stage(
    session: Session,
    opp_id: uuid.UUID,
    stage_id: uuid.UUID,
    *,
    reason: str = "",
    when: dt.datetime | None = None,
) -> Changes:
    """Move a deal to a stage and record the move with its date. A won or lost stage closes it
    (closed_on, and the reason); moving back to an open stage reopens it."""
    opp = opportunity_record(session, opp_id)
    target = stage_record(session, stage_id)
    if opp.stage_id == stage_id:
        return changes_in(session)
    when = when or utcnow()
    record_move(session, opp, opp.stage_id, stage_id, when)
    opp.stage_id = stage_id
    if target.is_won or target.is_lost:
        opp.closed_on = when.date()
        opp.won_reason = reason.strip() if target.is_won else ""
        opp.lost_reason = reason.strip() if target.is_lost else ""
    else:
        opp.closed_on = None
        opp.won_reason = opp.lost_reason = ""
    session.flush()
    return changes_in(session)


def close_opportunity(
    session: Session,
    opp_id: uuid.UUID,
    won: bool,
    reason: str,
    *,
    when: dt.datetime | None = None,
) -> Changes:
    """Close a deal won or lost with its reason (into the first won / lost stage)."""
    if not reason.strip():
        raise KnownError(translatable("Messages", "Say why the deal was won or lost."))
    target = next((s for s in stages(session) if (s.is_won if won else s.is_lost)), None)
    if target is None:
        raise KnownError(
            translatable(
                "Messages", "There is no won or lost stage; add one in the stage settings."
            )
        )
    return move_to_stage(session, opp_id, target.id, reason=reason, when=when)


def create_order_from(
    session: Session, opp_id: uuid.UUID, *, when: dt.date | None = None
) -> tuple[uuid.UUID, Changes]:
    """The order a won deal becomes: its account, contact, amount and lines."""
    opp = opportunity_record(session, opp_id)
    if opp.account_id is None:
        raise KnownError(
            translatable("Messages", "An order needs an account; give the opportunity one first.")
        )
    number = f"SO-{opp.id.hex[-8:].upper()}"
    order = Order(
        number=number,
        account_id=opp.account_id,
        contact_id=opp.contact_id,
        opportunity_id=opp.id,
        ordered_on=when or opp.closed_on or dt.date.today(),
        amount=opp.amount,
        currency=opp.currency,
        status=OrderStatus.OPEN,
    )
    for line in opp.lines:
        totals = line_totals(line.quantity, line.unit_price, line.discount, line.tax_rate)
        order.lines.append(
            OrderLine(
                product_id=line.product_id,
                position=line.position,
                description=line.description,
                quantity=line.quantity,
                unit_price=line.unit_price,
                discount=line.discount,
                tax_rate=line.tax_rate,
                amount=totals.net,
            )
        )
    session.add(order)
    session.flush()
    return order.id, changes_in(session)
