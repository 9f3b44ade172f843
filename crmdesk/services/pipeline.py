"""The sales pipeline: stages, opportunities and their lines, moves between stages, closing.

Every move lands in `stage_changes` with its date, which is what time-in-stage, the funnel and
the win rate read. Money is Decimal throughout (line totals quantised to cents, half up).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from sqlalchemy import Integer, Select, String, func, or_, select, type_coerce
from sqlalchemy.orm import Session, selectinload

from crmdesk.core.errors import KnownError, RecordNotFound
from crmdesk.core.texts import translatable
from crmdesk.models import (
    Account,
    Contact,
    Opportunity,
    OpportunityContact,
    OpportunityLine,
    Order,
    OrderLine,
    PipelineStage,
    StageChange,
)
from crmdesk.models.base import utcnow
from crmdesk.models.enums import ContactRole, OrderStatus
from crmdesk.services.changes import Changes, changes_in, register_kind

register_kind("pipeline_stages", "stages")

CENT = Decimal("0.01")
HUNDRED = Decimal(100)

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


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class LineTotals:
    net: Decimal
    tax: Decimal
    gross: Decimal

    def __add__(self, other: LineTotals) -> LineTotals:
        return LineTotals(self.net + other.net, self.tax + other.tax, self.gross + other.gross)


ZERO_TOTALS = LineTotals(Decimal("0.00"), Decimal("0.00"), Decimal("0.00"))


def line_totals(
    quantity: Decimal,
    unit_price: Decimal,
    discount: Decimal = Decimal(0),
    tax_rate: Decimal = Decimal(0),
) -> LineTotals:
    """net = qty × price × (1 − discount %), tax = net × rate %, each rounded to cents half up;
    the tax is taken on the rounded net, as an invoice prints it."""
    net = cents(Decimal(quantity) * Decimal(unit_price) * (1 - Decimal(discount) / HUNDRED))
    tax = cents(net * Decimal(tax_rate) / HUNDRED)
    return LineTotals(net, tax, net + tax)


def sum_totals(lines: Iterable[LineDraft | OpportunityLine]) -> LineTotals:
    total = ZERO_TOTALS
    for line in lines:
        total = total + line_totals(line.quantity, line.unit_price, line.discount, line.tax_rate)
    return total


# --- stages -------------------------------------------------------------------------------


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


def _check_probability(probability: Decimal) -> Decimal:
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
        probability=_check_probability(probability),
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
    stage = _stage(session, stage_id)
    if name is not None:
        if not name.strip():
            raise KnownError(translatable("Messages", "A stage needs a name."))
        stage.name = name.strip()
    if probability is not None:
        stage.probability = _check_probability(probability)
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
        _stage(session, stage_id).position = position
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
    _stage(session, stage_id).deleted_at = utcnow()
    session.flush()
    return changes_in(session)


def _stage(session: Session, stage_id: uuid.UUID) -> PipelineStage:
    stage = session.get(PipelineStage, stage_id)
    if stage is None or stage.deleted_at is not None:
        raise RecordNotFound(translatable("Messages", "No such stage."))
    return stage


# --- opportunities ------------------------------------------------------------------------


class Status(StrEnum):
    OPEN = "open"
    WON = "won"
    LOST = "lost"


@dataclass
class LineDraft:
    description: str = ""
    quantity: Decimal = Decimal(1)
    unit_price: Decimal = Decimal(0)
    discount: Decimal = Decimal(0)
    tax_rate: Decimal = Decimal(0)
    unit: str = ""
    product_id: uuid.UUID | None = None

    @property
    def totals(self) -> LineTotals:
        return line_totals(self.quantity, self.unit_price, self.discount, self.tax_rate)


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


def effective_probability() -> object:
    """SQL for the probability a deal counts with: its own, else its stage's."""
    return func.coalesce(Opportunity.probability, PipelineStage.probability)


def _filtered(stmt: Select, flt: OpportunityFilter) -> Select:
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


def _joined(stmt: Select) -> Select:
    return stmt.join(PipelineStage, PipelineStage.id == Opportunity.stage_id).outerjoin(
        Account, Account.id == Opportunity.account_id
    )


_SORT_COLUMNS = {
    OpportunitySort.CLOSE: (Opportunity.expected_close,),
    OpportunitySort.AMOUNT: (Opportunity.amount,),
    OpportunitySort.NAME: (Opportunity.name,),
    OpportunitySort.ACCOUNT: (Account.sort_key,),
    OpportunitySort.STAGE: (PipelineStage.position,),
    OpportunitySort.OWNER: (Opportunity.owner,),
}


def opportunity_ids(
    session: Session,
    flt: OpportunityFilter = OpportunityFilter(),
    sort: OpportunitySort = OpportunitySort.CLOSE,
    descending: bool = False,
) -> list[uuid.UUID]:
    """The filtered keys in order: what a board column or the table pages through."""
    if sort is OpportunitySort.PROBABILITY:
        columns: tuple[object, ...] = (effective_probability(),)
    else:
        columns = _SORT_COLUMNS[sort]
    order = [c.desc() if descending else c for c in columns]  # type: ignore[attr-defined]
    stmt = _filtered(_joined(select(Opportunity.id)), flt).order_by(*order, Opportunity.id)
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


def _opportunity(session: Session, opp_id: uuid.UUID) -> Opportunity:
    opp = session.get(Opportunity, opp_id)
    if opp is None or opp.deleted_at is not None:
        raise RecordNotFound(translatable("Messages", "No such opportunity."))
    return opp


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
        _check_probability(draft.probability)
    if draft.id is None:
        ensure_default_stages(session)
        stage_id = draft.stage_id or stages(session)[0].id
        opp = Opportunity(stage_id=stage_id, name=draft.name, created_at=when or utcnow())
        session.add(opp)
        session.flush()
        _record_move(session, opp, None, stage_id, when or utcnow())
    else:
        opp = _opportunity(session, draft.id)
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


def _record_move(
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
    opp = _opportunity(session, opp_id)
    target = _stage(session, stage_id)
    if opp.stage_id == stage_id:
        return changes_in(session)
    when = when or utcnow()
    _record_move(session, opp, opp.stage_id, stage_id, when)
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


def adjacent_stage(session: Session, stage_id: uuid.UUID, step: int) -> uuid.UUID | None:
    """The stage `step` places left (-1) or right (+1) of this one on the board, if any."""
    ordered = [s.id for s in stages(session)]
    if stage_id not in ordered:
        return None
    index = ordered.index(stage_id) + step
    return ordered[index] if 0 <= index < len(ordered) else None


def create_order_from(
    session: Session, opp_id: uuid.UUID, *, when: dt.date | None = None
) -> tuple[uuid.UUID, Changes]:
    """The order a won deal becomes: its account, contact, amount and lines."""
    opp = _opportunity(session, opp_id)
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


def delete_opportunities(session: Session, ids: Sequence[uuid.UUID]) -> Changes:
    when = utcnow()
    for opp_id in ids:
        _opportunity(session, opp_id).deleted_at = when
    session.flush()
    return changes_in(session)
