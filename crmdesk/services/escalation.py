"""Escalation: a case past its response or resolution target (by the settings' grace hours) is
flagged once, its thread says so, and a notice goes to its owner and the owner's manager.

The caller gives the moment (the window's timer reads core.clock; tests give their own), so a
check at any time escalates exactly the cases whose targets have passed by then."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from crmdesk.core.texts import Text, translatable
from crmdesk.models.service import CaseNote, ServiceCase
from crmdesk.services import service_levels
from crmdesk.services.cases import OPEN_STATES, NoteKind

RESPONSE, RESOLUTION = "response", "resolution"
# What the thread and the notice say (a note keeps the English; the window translates it).
MISSED_TEXTS = {
    RESOLUTION: translatable("Escalation", "%1 %2 is past its resolution target."),
    RESPONSE: translatable("Escalation", "%1 %2 has had no response in time."),
}


@dataclass(frozen=True)
class Notice:
    """What the owner (and their manager) hear of an escalated case."""

    case_id: uuid.UUID
    number: str
    subject: str
    missed: str  # RESPONSE or RESOLUTION
    recipients: tuple[str, ...]
    text: Text


def escalate_due(session: Session, now: dt.datetime) -> list[Notice]:
    """Escalate every open case whose target passed `now` by more than the grace; the
    notices, oldest target first. A case is escalated once for each target it misses: for the
    response, then again for the resolution (and anew once reopened)."""
    levels = service_levels.load(session)
    cutoff = now - dt.timedelta(hours=levels.escalate_after_hours)
    late_response = and_(
        ServiceCase.responded_at.is_(None), ServiceCase.response_due_at < cutoff
    )
    # escalated before its resolution target passed: that was the response; now the resolution
    response_only = and_(ServiceCase.escalated.is_(True), ServiceCase.escalated_at.is_not(None),
                         ServiceCase.escalated_at <= ServiceCase.due_at)  # fmt: skip
    stmt = (
        select(ServiceCase)
        .where(
            ServiceCase.deleted_at.is_(None),
            ServiceCase.status.in_(OPEN_STATES),
            or_(
                and_(ServiceCase.escalated.is_(False),
                     or_(ServiceCase.due_at < cutoff, late_response)),
                and_(response_only, ServiceCase.due_at < cutoff),
            ),
        )
        .order_by(ServiceCase.due_at, ServiceCase.id)
    )
    notices = []
    for case in session.scalars(stmt):
        resolution_late = case.due_at is not None and case.due_at < cutoff
        missed = RESOLUTION if resolution_late else RESPONSE
        case.escalated, case.escalated_at = True, now
        text = Text(MISSED_TEXTS[missed], case.number, case.subject)
        case.notes.append(CaseNote(kind=NoteKind.ESCALATION, written_at=now, author="",
                                   body=str(text)))  # fmt: skip
        notices.append(
            Notice(case.id, case.number, case.subject, missed, _recipients(levels, case.owner),
                   text)
        )  # fmt: skip
    session.flush()
    return notices


def _recipients(levels: service_levels.ServiceLevels, owner: str) -> tuple[str, ...]:
    manager = levels.manager_of(owner) if levels.notify_manager else ""
    return tuple(name for name in dict.fromkeys((owner, manager)) if name)


def escalated_count(session: Session) -> int:
    """How many open cases are escalated."""
    return session.scalar(
        select(func.count()).select_from(ServiceCase)
        .where(ServiceCase.deleted_at.is_(None), ServiceCase.escalated.is_(True),
               ServiceCase.status.in_(OPEN_STATES))
    ) or 0  # fmt: skip


def escalated_open(session: Session, limit: int = 50) -> list[tuple[uuid.UUID, str, str]]:
    """(id, number, subject) of open escalated cases, for the Today page and the pane."""
    stmt = (
        select(ServiceCase.id, ServiceCase.number, ServiceCase.subject)
        .where(ServiceCase.deleted_at.is_(None), ServiceCase.escalated.is_(True),
               ServiceCase.status.in_(OPEN_STATES))
        .order_by(ServiceCase.escalated_at.desc())
        .limit(limit)
    )  # fmt: skip
    return [(i, n, s) for i, n, s in session.execute(stmt)]


__all__ = ["MISSED_TEXTS", "RESOLUTION", "RESPONSE", "Notice", "escalate_due", "escalated_count",
           "escalated_open"]
