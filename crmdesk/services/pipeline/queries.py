"""Reading the pipeline: the filtered, sorted keys of deals, their rows, and the board's
columns with their header figures, all in SQL so a board of 50k deals never loads them whole.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVarTuple

from sqlalchemy import ColumnElement, Integer, Select, String, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from crmdesk.models import Account, Opportunity, PipelineStage
from crmdesk.services.pipeline.money import HUNDRED, cents
from crmdesk.services.pipeline.stages import stages


class Status(StrEnum):
    OPEN = "open"
    WON = "won"
    LOST = "lost"


@dataclass(frozen=True)
class OpportunityRow:
    id: uuid.UUID
    name: str
    account: str
    account_id: uuid.UUID | None
    stage: str
    stage_id: uuid.UUID
    status: Status
    amount: Decimal
    currency: str
    probability: Decimal  # effective, 0-100
    probability_overridden: bool
    close_date: dt.date | None
    owner: str

    @property
    def weighted(self) -> Decimal:
        return cents(self.amount * self.probability / HUNDRED)

    def is_overdue(self, today: dt.date) -> bool:
        return (
            self.status is Status.OPEN and self.close_date is not None and self.close_date < today
        )


class OpportunitySort(StrEnum):
    CLOSE = "close"
    AMOUNT = "amount"
    NAME = "name"
    ACCOUNT = "account"
    STAGE = "stage"
    OWNER = "owner"
    PROBABILITY = "probability"


@dataclass(frozen=True)
class OpportunityFilter:
    owner: str | None = None
    stage_id: uuid.UUID | None = None
    stage_name: str | None = None
    account_id: uuid.UUID | None = None
    open_only: bool = False
    close_from: dt.date | None = None
    close_to: dt.date | None = None
    amount_min: Decimal | None = None
    amount_max: Decimal | None = None
    search: str = ""
    ids: frozenset[uuid.UUID] | None = None
    won_from: dt.date | None = None  # won (closed in a won stage) on or after
    won_to: dt.date | None = None


def effective_probability() -> ColumnElement[Decimal]:
    """SQL for the probability a deal counts with: its own, else its stage's."""
    return func.coalesce(Opportunity.probability, PipelineStage.probability)


_Row = TypeVarTuple("_Row")


def _filtered(stmt: Select[*_Row], flt: OpportunityFilter) -> Select[*_Row]:
    stmt = stmt.where(Opportunity.deleted_at.is_(None))
    if flt.owner:
        stmt = stmt.where(Opportunity.owner == flt.owner)
    if flt.stage_id:
        stmt = stmt.where(Opportunity.stage_id == flt.stage_id)
    if flt.stage_name:
        stmt = stmt.where(func.lower(PipelineStage.name) == flt.stage_name.strip().lower())
    if flt.account_id:
        stmt = stmt.where(Opportunity.account_id == flt.account_id)
    if flt.open_only:
        stmt = stmt.where(PipelineStage.is_won.is_(False), PipelineStage.is_lost.is_(False))
    if flt.close_from:
        stmt = stmt.where(Opportunity.expected_close >= flt.close_from)
    if flt.close_to:
        stmt = stmt.where(Opportunity.expected_close <= flt.close_to)
    if flt.amount_min is not None:
        stmt = stmt.where(Opportunity.amount >= flt.amount_min)
    if flt.amount_max is not None:
        stmt = stmt.where(Opportunity.amount <= flt.amount_max)
    if flt.search.strip():
        pattern = f"%{flt.search.strip()}%"
        stmt = stmt.where(or_(Opportunity.name.ilike(pattern), Account.name.ilike(pattern)))
    if flt.ids is not None:
        stmt = stmt.where(Opportunity.id.in_(flt.ids))
    if flt.won_from or flt.won_to:
        stmt = stmt.where(PipelineStage.is_won.is_(True))
        if flt.won_from:
            stmt = stmt.where(Opportunity.closed_on >= flt.won_from)
        if flt.won_to:
            stmt = stmt.where(Opportunity.closed_on <= flt.won_to)
    return stmt


def _joined(stmt: Select[*_Row]) -> Select[*_Row]:
    return stmt.join(PipelineStage, PipelineStage.id == Opportunity.stage_id).outerjoin(
        Account, Account.id == Opportunity.account_id
    )


_SORT_COLUMNS: dict[OpportunitySort, ColumnElement[Any]] = {
    OpportunitySort.CLOSE: Opportunity.expected_close.expression,
    OpportunitySort.AMOUNT: Opportunity.amount.expression,
    OpportunitySort.NAME: Opportunity.name.expression,
    OpportunitySort.ACCOUNT: Account.sort_key.expression,
    OpportunitySort.STAGE: PipelineStage.position.expression,
    OpportunitySort.OWNER: Opportunity.owner.expression,
}


def opportunity_ids(
    session: Session,
    flt: OpportunityFilter = OpportunityFilter(),
    sort: OpportunitySort = OpportunitySort.CLOSE,
    descending: bool = False,
) -> list[uuid.UUID]:
    """The filtered keys in order: what a board column or the table pages through."""
    probability = sort is OpportunitySort.PROBABILITY
    column = effective_probability() if probability else _SORT_COLUMNS[sort]
    order = column.desc() if descending else column
    stmt = _filtered(_joined(select(Opportunity.id)), flt).order_by(order, Opportunity.id)
    return list(session.scalars(stmt))


def column_ids(
    session: Session, flt: OpportunityFilter = OpportunityFilter()
) -> dict[uuid.UUID, list[uuid.UUID]]:
    """Every stage's keys (the board's columns), sorted by expected close, in one query."""
    stmt = _filtered(_joined(select(Opportunity.stage_id, Opportunity.id)), flt).order_by(
        Opportunity.stage_id, Opportunity.expected_close, Opportunity.id
    )
    found: dict[uuid.UUID, list[uuid.UUID]] = {s.id: [] for s in stages(session)}
    for stage_id, opp_id in session.execute(stmt):
        found.setdefault(stage_id, []).append(opp_id)
    return found


@dataclass(frozen=True)
class ColumnFigures:
    count: int
    amount: Decimal
    weighted: Decimal


@dataclass(frozen=True)
class BoardColumn:
    keys: list[int]  # the deals' ids as 128-bit ints, by expected close
    figures: ColumnFigures


def board_columns(
    session: Session, flt: OpportunityFilter = OpportunityFilter()
) -> dict[uuid.UUID, BoardColumn]:
    """Every stage's keys and header figures in one pass over the board index.

    Keys come as the stored hex turned into ints, and the sums as exact integers of the stored
    minor units (cents × probability in 1/10,000 %), so 50,000 deals cost no UUID or Decimal
    object each; the Decimals are made once per column."""
    raw_prob = type_coerce(effective_probability(), Integer)
    stmt = _filtered(
        _joined(
            select(
                type_coerce(Opportunity.stage_id, String),
                type_coerce(Opportunity.id, String),
                type_coerce(Opportunity.amount, Integer),
                raw_prob,
            )
        ),
        flt,
    ).order_by(Opportunity.stage_id, Opportunity.expected_close, Opportunity.id)
    acc: dict[str, tuple[list[int], list[int]]] = {s.id.hex: ([], [0, 0]) for s in stages(session)}
    for stage_hex, opp_hex, amount, prob in session.execute(stmt):
        entry = acc.get(stage_hex)
        if entry is None:
            entry = acc[stage_hex] = ([], [0, 0])
        entry[0].append(int(opp_hex, 16))
        sums = entry[1]
        sums[0] += amount
        sums[1] += amount * (prob or 0)
    # cents → units: 10^-2; weighted: cents × percent × 10^4 → units × fraction: 10^-2-4-2
    return {
        uuid.UUID(hex=k): BoardColumn(
            keys,
            ColumnFigures(
                len(keys),
                cents(Decimal(total).scaleb(-2)),
                cents(Decimal(weighted).scaleb(-8)),
            ),
        )
        for k, (keys, (total, weighted)) in acc.items()
    }


def column_figures(
    session: Session, flt: OpportunityFilter = OpportunityFilter()
) -> dict[uuid.UUID, ColumnFigures]:
    """Per stage: how many deals, their sum and their weighted sum (a column header)."""
    prob = effective_probability()
    stmt = _filtered(
        _joined(select(Opportunity.stage_id, prob, func.count(), func.sum(Opportunity.amount))),
        flt,
    ).group_by(Opportunity.stage_id, prob)
    totals: dict[uuid.UUID, tuple[int, Decimal, Decimal]] = {}
    for stage_id, probability, count, amount in session.execute(stmt):
        amount = amount or Decimal(0)
        n, a, w = totals.get(stage_id, (0, Decimal(0), Decimal(0)))
        totals[stage_id] = (n + count, a + amount, w + amount * (probability or 0) / HUNDRED)
    return {k: ColumnFigures(n, cents(a), cents(w)) for k, (n, a, w) in totals.items()}


def _status(is_won: bool, is_lost: bool) -> Status:
    return Status.WON if is_won else Status.LOST if is_lost else Status.OPEN


def opportunity_rows(session: Session, ids: Sequence[uuid.UUID]) -> list[OpportunityRow]:
    """Rows for the keys given, in their order (one IN query)."""
    if not ids:
        return []
    stmt = _joined(
        select(
            Opportunity.id,
            Opportunity.name,
            Account.name,
            Opportunity.account_id,
            PipelineStage.name,
            Opportunity.stage_id,
            PipelineStage.is_won,
            PipelineStage.is_lost,
            Opportunity.amount,
            Opportunity.currency,
            Opportunity.probability,
            PipelineStage.probability,
            Opportunity.expected_close,
            Opportunity.owner,
        )
    ).where(Opportunity.id.in_(ids))
    found = {}
    for r in session.execute(stmt):
        found[r[0]] = OpportunityRow(
            id=r[0],
            name=r[1],
            account=r[2] or "",
            account_id=r[3],
            stage=r[4],
            stage_id=r[5],
            status=_status(r[6], r[7]),
            amount=r[8],
            currency=r[9],
            probability=r[10] if r[10] is not None else r[11],
            probability_overridden=r[10] is not None,
            close_date=r[12],
            owner=r[13],
        )
    return [found[i] for i in ids if i in found]


def owners(session: Session) -> list[str]:
    stmt = (
        select(Opportunity.owner)
        .where(Opportunity.deleted_at.is_(None), Opportunity.owner != "")
        .distinct()
        .order_by(Opportunity.owner)
    )
    return list(session.scalars(stmt))
