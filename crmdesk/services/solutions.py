"""The solutions base: what resolved cases taught (problem, cause, fix, products), published
from a case or written afresh, and found again with the contacts' full-text search (Chinese,
pinyin and English alike); the case editor asks for those matching a subject as it is typed."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.core import clock
from crmdesk.core.errors import KnownError
from crmdesk.models.service import ServiceCase, Solution
from crmdesk.services.cases import DONE_STATES
from crmdesk.store import fulltext


@dataclass(frozen=True)
class SolutionDraft:
    title: str = ""
    problem: str = ""
    cause: str = ""
    fix: str = ""
    products: str = ""
    case_id: uuid.UUID | None = None
    id: uuid.UUID | None = None


@dataclass(frozen=True)
class SolutionRow:
    id: uuid.UUID
    title: str
    problem: str
    cause: str
    fix: str
    products: str
    case_id: uuid.UUID | None
    published_at: dt.datetime


def save_solution(
    session: Session, draft: SolutionDraft, now: dt.datetime | None = None
) -> uuid.UUID:
    """Create or update a solution (indexed for search in the same transaction)."""
    if not draft.title.strip():
        raise KnownError("A solution needs a title.")
    if not draft.fix.strip():
        raise KnownError("A solution needs the fix.")
    if draft.id is None:
        solution = Solution(published_at=now or clock.now())
        session.add(solution)
    else:
        found = session.get(Solution, draft.id)
        if found is None or found.deleted_at is not None:
            raise KnownError("The solution was not found; it may have been deleted.")
        solution = found
    for name in ("title", "problem", "cause", "fix", "products"):
        setattr(solution, name, getattr(draft, name).strip())
    solution.case_id = draft.case_id
    session.flush()
    return solution.id


def solution_of_case(session: Session, case_id: uuid.UUID) -> uuid.UUID | None:
    """The solution published from the case (the latest), if any."""
    return session.scalar(
        select(Solution.id).where(Solution.case_id == case_id, Solution.deleted_at.is_(None))
        .order_by(Solution.published_at.desc()).limit(1)
    )  # fmt: skip


def draft_from_case(session: Session, case_id: uuid.UUID) -> SolutionDraft:
    """A solution as a resolved case tells it: its subject, description and resolution; the
    solution published from the case before, when there is one (to edit, not to repeat)."""
    case = session.get(ServiceCase, case_id)
    if case is None or case.deleted_at is not None:
        raise KnownError("The case was not found; it may have been deleted.")
    if case.status not in DONE_STATES:
        raise KnownError("Only a resolved or closed case can be published as a solution.")
    found = solution_of_case(session, case.id)
    published = session.get(Solution, found) if found is not None else None
    if published is not None:
        return SolutionDraft(published.title, published.problem, published.cause, published.fix,
                             published.products, case.id, published.id)  # fmt: skip
    return SolutionDraft(
        title=case.subject, problem=case.description or case.subject, fix=case.resolution,
        case_id=case.id,
    )  # fmt: skip


def publish_case(
    session: Session, case_id: uuid.UUID, *, cause: str = "", products: str = "",
    now: dt.datetime | None = None,
) -> uuid.UUID:  # fmt: skip
    draft = draft_from_case(session, case_id)
    return save_solution(
        session,
        SolutionDraft(draft.title, draft.problem, cause or draft.cause, draft.fix,
                      products or draft.products, case_id, draft.id),
        now,
    )  # fmt: skip


def delete_solution(session: Session, solution_id: uuid.UUID) -> None:
    found = session.get(Solution, solution_id)
    if found is None:
        raise KnownError("The solution was not found; it may have been deleted.")
    found.deleted_at = clock.now()
    session.flush()


def _rows(session: Session, ids: list[uuid.UUID]) -> list[SolutionRow]:
    if not ids:
        return []
    found = {
        s.id: s
        for s in session.scalars(
            select(Solution).where(Solution.id.in_(ids), Solution.deleted_at.is_(None))
        )
    }
    return [
        SolutionRow(s.id, s.title, s.problem, s.cause, s.fix, s.products, s.case_id,
                    s.published_at)
        for i in ids if (s := found.get(i)) is not None
    ]  # fmt: skip


def search(session: Session, query: str, limit: int = 50) -> list[SolutionRow]:
    """Solutions with every typed word (Chinese, pinyin, English), best match first; every
    solution, newest first, for an empty query."""
    match = fulltext.match_expression(query)
    if match is None:
        ids = list(
            session.scalars(
                select(Solution.id)
                .where(Solution.deleted_at.is_(None))
                .order_by(Solution.published_at.desc())
                .limit(limit)
            )
        )
        return _rows(session, ids)
    return _rows(session, fulltext.ranked_refs(session.connection(), fulltext.SOLUTION, match,
                                               limit))  # fmt: skip


def suggestions(session: Session, subject: str, limit: int = 5) -> list[SolutionRow]:
    """Solutions sharing the most words with a subject (as it is typed), best first."""
    match = fulltext.suggestion_expression(subject)
    if match is None:
        return []
    return _rows(session, fulltext.ranked_refs(session.connection(), fulltext.SOLUTION, match,
                                               limit))  # fmt: skip


__all__ = [
    "SolutionDraft", "SolutionRow", "delete_solution", "draft_from_case", "publish_case",
    "save_solution", "search", "solution_of_case", "suggestions",
]  # fmt: skip
