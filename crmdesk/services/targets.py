"""Setting monthly targets, and reading an owner's or the team's scorecards.

Targets live in `monthly_targets`, one row per owner, month and indicator; the indicators a
scorecard counts are the configured list (`InsightSettings.indicators`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.analytics import targets as rules
from crmdesk.core.errors import KnownError
from crmdesk.core.texts import translatable
from crmdesk.models import Account, MonthlyTarget
from crmdesk.models.base import utcnow
from crmdesk.services.changes import Changes, changes_in
from crmdesk.services.insights import load_settings


@dataclass(frozen=True, slots=True)
class TargetDraft:
    owner: str
    month: str  # "2026-06"
    indicator: str
    target: Decimal
    weight: Decimal


def _checked(draft: TargetDraft) -> TargetDraft:
    try:
        rules.month_start(draft.month)
        if len(draft.month) != 7:
            raise ValueError(draft.month)
    except ValueError:
        raise KnownError(
            translatable("Messages", "%1 is not a month (YYYY-MM)."), values=(draft.month,)
        ) from None
    if draft.indicator not in rules.INDICATORS:
        raise KnownError(
            translatable("Messages", "%1 is not an indicator."), values=(draft.indicator,)
        )
    try:
        target, weight = Decimal(draft.target), Decimal(draft.weight)
    except (InvalidOperation, TypeError):
        raise KnownError(translatable("Messages", "A target and its weight are numbers.")) from None
    if target < 0 or weight < 0:
        raise KnownError(translatable("Messages", "A target and its weight cannot be negative."))
    return TargetDraft(draft.owner.strip(), draft.month, draft.indicator, target, weight)


def set_targets(session: Session, drafts: list[TargetDraft]) -> Changes:
    """Set (or replace) targets; all are checked before anything is written."""
    checked = [_checked(d) for d in drafts]
    for d in checked:
        row = session.scalar(
            select(MonthlyTarget).where(
                MonthlyTarget.owner == d.owner,
                MonthlyTarget.month == d.month,
                MonthlyTarget.indicator == d.indicator,
                MonthlyTarget.deleted_at.is_(None),
            )
        )
        if row is None:
            session.add(
                MonthlyTarget(
                    owner=d.owner,
                    month=d.month,
                    indicator=d.indicator,
                    target=d.target,
                    weight=d.weight,
                )
            )
        else:
            row.target, row.weight = d.target, d.weight
    session.flush()
    return changes_in(session)


Cell = tuple[Decimal, Decimal]  # target, weight


@dataclass(frozen=True)
class MonthGrid:
    """A month's targets as the dialog edits them: owners × the configured indicators."""

    month: str
    indicators: tuple[str, ...]
    owners: tuple[str, ...]  # account owners and whoever has targets this month or the last
    cells: Mapping[tuple[str, str], Cell]  # (owner, indicator) -> target, weight


def _stored(session: Session, month: str) -> dict[tuple[str, str], MonthlyTarget]:
    rows = session.scalars(
        select(MonthlyTarget).where(
            MonthlyTarget.month == month, MonthlyTarget.deleted_at.is_(None)
        )
    )
    return {(r.owner, r.indicator): r for r in rows}


def month_grid(session: Session, month: str) -> MonthGrid:
    indicators = tuple(k for k in load_settings(session).indicators if k in rules.INDICATORS)
    stored = _stored(session, month)
    owners = set(session.scalars(select(Account.owner).where(Account.deleted_at.is_(None))))
    owners |= {o for o, _ in stored} | set(
        owners_with_targets(session, rules.shift_month(month, -1))
    )
    return MonthGrid(
        month,
        indicators,
        tuple(sorted(o for o in owners if o)),
        {k: (r.target, r.weight) for k, r in stored.items() if k[1] in indicators},
    )


def save_month(
    session: Session, month: str, cells: Mapping[tuple[str, str], Cell | None]
) -> Changes:
    """Set a month's targets at once: a cell with a value sets (or replaces) that target, a
    None removes it. All are checked before anything is written."""
    drafts = [
        _checked(TargetDraft(owner, month, indicator, *cell))
        for (owner, indicator), cell in cells.items()
        if cell is not None
    ]
    stored = _stored(session, month)
    now = utcnow()
    for (owner, indicator), cell in cells.items():
        row = stored.get((owner.strip(), indicator))
        if cell is None and row is not None:
            row.deleted_at = now
    set_targets(session, drafts)
    return changes_in(session)


def owners_with_targets(session: Session, month: str) -> list[str]:
    return list(
        session.scalars(
            select(MonthlyTarget.owner)
            .where(MonthlyTarget.month == month, MonthlyTarget.deleted_at.is_(None))
            .distinct()
            .order_by(MonthlyTarget.owner)
        )
    )


def scorecard(session: Session, owner: str, month: str) -> rules.Scorecard | None:
    cards = rules.scorecards(session, [month], load_settings(session).indicators, owner)
    return cards[0] if cards else None


def team(session: Session, month: str) -> list[rules.Scorecard]:
    """Every owner's scorecard for the month (a manager's view)."""
    return rules.scorecards(session, [month], load_settings(session).indicators)


def trend(
    session: Session, month: str, owner: str | None = None
) -> dict[str, list[Decimal | None]]:
    return rules.trend(session, month, load_settings(session).indicators, owner)


def this_month(today: dt.date) -> str:
    return rules.month_label(today)
