"""Pipeline stages: the board's columns, their order, default probability and won/lost kind.

A new database gets six default stages, stored in English and shown translated (context
"Stages"); a stage the user names keeps the name as typed.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crmdesk.core.errors import KnownError, RecordNotFound
from crmdesk.core.texts import translatable
from crmdesk.models import Opportunity, PipelineStage
from crmdesk.models.base import utcnow
from crmdesk.services.changes import Changes, changes_in, register_kind
from crmdesk.services.pipeline.money import HUNDRED

register_kind("pipeline_stages", "stages")

# The stages a new database starts with, stored in English and shown translated (context
# "Stages"); a stage the user names keeps the name as typed.
DEFAULT_STAGES: tuple[tuple[str, int, bool, bool], ...] = (
    (translatable("Stages", "Qualification"), 10, False, False),
    (translatable("Stages", "Needs analysis"), 20, False, False),
    (translatable("Stages", "Proposal"), 50, False, False),
    (translatable("Stages", "Negotiation"), 75, False, False),
    (translatable("Stages", "Won"), 100, True, False),
    (translatable("Stages", "Lost"), 0, False, True),
)


@dataclass(frozen=True)
class StageRow:
    id: uuid.UUID
    name: str
    position: int
    probability: Decimal
    is_won: bool
    is_lost: bool

    @property
    def is_open(self) -> bool:
        return not (self.is_won or self.is_lost)


def _stage_row(s: PipelineStage) -> StageRow:
    return StageRow(s.id, s.name, s.position, s.probability, s.is_won, s.is_lost)


def stages(session: Session) -> list[StageRow]:
    """The live stages in board order."""
    found = session.scalars(
        select(PipelineStage)
        .where(PipelineStage.deleted_at.is_(None))
        .order_by(PipelineStage.position, PipelineStage.name)
    )
    return [_stage_row(s) for s in found]


def ensure_default_stages(session: Session) -> Changes:
    """Give a database without stages the default six (nothing when any stage exists)."""
    if session.scalar(select(func.count()).select_from(PipelineStage)):
        return Changes()
    for position, (name, probability, won, lost) in enumerate(DEFAULT_STAGES):
        session.add(
            PipelineStage(
                name=name,
                position=position,
                probability=Decimal(probability),
                is_won=won,
                is_lost=lost,
            )
        )
    session.flush()
    return changes_in(session)


def check_probability(probability: Decimal) -> Decimal:
    value = Decimal(probability)
    if not Decimal(0) <= value <= HUNDRED:
        raise KnownError(
            translatable("Messages", "A probability is between 0 and 100 %, not %1."),
            values=(value,),
        )
    return value


def add_stage(
    session: Session,
    name: str,
    probability: Decimal,
    *,
    is_won: bool = False,
    is_lost: bool = False,
) -> tuple[uuid.UUID, Changes]:
    """A new stage after the open stages (before the closing ones when it is open itself)."""
    if not name.strip():
        raise KnownError(translatable("Messages", "A stage needs a name."))
    if is_won and is_lost:
        raise KnownError(translatable("Messages", "A stage cannot be both won and lost."))
    current = stages(session)
    closing = [s for s in current if not s.is_open]
    position = (min(s.position for s in closing) if closing and not (is_won or is_lost)
                else max((s.position for s in current), default=-1) + 1)  # fmt: skip
    for s in session.scalars(select(PipelineStage).where(PipelineStage.position >= position)):
        s.position += 1
    stage = PipelineStage(
        name=name.strip(),
        position=position,
        probability=check_probability(probability),
        is_won=is_won,
        is_lost=is_lost,
    )
    session.add(stage)
    session.flush()
    return stage.id, changes_in(session)


def update_stage(
    session: Session,
    stage_id: uuid.UUID,
    *,
    name: str | None = None,
    probability: Decimal | None = None,
    is_won: bool | None = None,
    is_lost: bool | None = None,
) -> Changes:
    stage = stage_record(session, stage_id)
    if name is not None:
        if not name.strip():
            raise KnownError(translatable("Messages", "A stage needs a name."))
        stage.name = name.strip()
    if probability is not None:
        stage.probability = check_probability(probability)
    if is_won is not None:
        stage.is_won = is_won
    if is_lost is not None:
        stage.is_lost = is_lost
    if stage.is_won and stage.is_lost:
        raise KnownError(translatable("Messages", "A stage cannot be both won and lost."))
    session.flush()
    return changes_in(session)


def reorder_stages(session: Session, ordered: Sequence[uuid.UUID]) -> Changes:
    """Put the stages in the order given (every live stage, each once)."""
    live = {s.id for s in stages(session)}
    if set(ordered) != live or len(ordered) != len(live):
        raise KnownError(translatable("Messages", "The new order must name every stage once."))
    for position, stage_id in enumerate(ordered):
        stage_record(session, stage_id).position = position
    session.flush()
    return changes_in(session)


def delete_stage(session: Session, stage_id: uuid.UUID) -> Changes:
    """Remove a stage no opportunity stands in."""
    used = session.scalar(
        select(func.count()).where(
            Opportunity.stage_id == stage_id, Opportunity.deleted_at.is_(None)
        )
    )
    if used:
        raise KnownError(
            translatable("Messages", "%1 opportunities are in this stage; move them first."),
            values=(used,),
        )
    stage_record(session, stage_id).deleted_at = utcnow()
    session.flush()
    return changes_in(session)


def stage_record(session: Session, stage_id: uuid.UUID) -> PipelineStage:
    stage = session.get(PipelineStage, stage_id)
    if stage is None or stage.deleted_at is not None:
        raise RecordNotFound(translatable("Messages", "No such stage."))
    return stage


def adjacent_stage(session: Session, stage_id: uuid.UUID, step: int) -> uuid.UUID | None:
    """The stage `step` places left (-1) or right (+1) of this one on the board, if any."""
    ordered = [s.id for s in stages(session)]
    if stage_id not in ordered:
        return None
    index = ordered.index(stage_id) + step
    return ordered[index] if 0 <= index < len(ordered) else None
