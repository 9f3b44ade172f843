"""Service cases: the list's filters and key and row queries, saving a case (numbered
CS<year>-<n>, given the service level's due times), the status workflow, the thread of notes,
and files attached (copied into the data folder beside the database file)."""

from __future__ import annotations

import datetime as dt
import shutil
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from crmdesk.core import clock
from crmdesk.core.errors import FieldError, KnownError, ValidationError
from crmdesk.core.texts import translatable
from crmdesk.models.customers import Account, Contact
from crmdesk.models.enums import CaseKind, CasePriority, CaseStatus, Channel, ValueTier
from crmdesk.models.names import display_name
from crmdesk.models.service import MAX_SCORE, CaseAttachment, CaseNote, ServiceCase
from crmdesk.services import records, service_levels
from crmdesk.services.changes import Changes

OPEN_STATES = (CaseStatus.NEW, CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS, CaseStatus.REOPENED)
DONE_STATES = (CaseStatus.RESOLVED, CaseStatus.CLOSED)

# The workflow: where a case may go from each status.
TRANSITIONS: dict[CaseStatus, tuple[CaseStatus, ...]] = {
    CaseStatus.NEW: (CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED),
    CaseStatus.ASSIGNED: (CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED),
    CaseStatus.IN_PROGRESS: (CaseStatus.RESOLVED,),
    CaseStatus.RESOLVED: (CaseStatus.CLOSED, CaseStatus.REOPENED),
    CaseStatus.CLOSED: (CaseStatus.REOPENED,),
    CaseStatus.REOPENED: (CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED),
}


class NoteKind(StrEnum):
    NOTE = "note"
    CALL = "call"
    EMAIL = "email"
    VISIT = "visit"
    STATUS = "status"  # written by the workflow
    ESCALATION = "escalation"  # written when a target is missed
    SURVEY = "survey"  # how the satisfaction survey was sent (services/survey_sending.py)


@dataclass(frozen=True)
class CaseDraft:
    subject: str = ""
    kind: CaseKind = CaseKind.INQUIRY
    priority: CasePriority = CasePriority.NORMAL
    channel: Channel = Channel.PHONE
    account_id: uuid.UUID | None = None
    contact_id: uuid.UUID | None = None
    description: str = ""
    owner: str = ""
    resolution: str = ""
    minutes_spent: int = 0
    satisfaction: int | None = None
    id: uuid.UUID | None = None
    version: int | None = None


@dataclass(frozen=True)
class NoteRow:
    id: uuid.UUID
    kind: str
    written_at: dt.datetime
    author: str
    body: str


@dataclass(frozen=True)
class AttachmentRow:
    id: uuid.UUID
    file_name: str
    stored_as: str
    size: int
    added_at: dt.datetime


@dataclass(frozen=True)
class CaseDetails:
    draft: CaseDraft
    number: str
    status: CaseStatus
    tier: ValueTier
    opened_at: dt.datetime
    response_due_at: dt.datetime | None
    responded_at: dt.datetime | None
    due_at: dt.datetime | None
    resolved_at: dt.datetime | None
    closed_at: dt.datetime | None
    first_contact: bool
    reopen_count: int
    escalated: bool
    account: str
    contact: str
    notes: tuple[NoteRow, ...] = ()
    attachments: tuple[AttachmentRow, ...] = ()

    @property
    def vip_complaint(self) -> bool:
        return self.draft.kind is CaseKind.COMPLAINT and self.tier is ValueTier.VIP

    def next_states(self) -> tuple[CaseStatus, ...]:
        return TRANSITIONS[self.status]


class CaseSort(StrEnum):
    NUMBER = "number"
    OPENED = "opened"
    DUE = "due"
    PRIORITY = "priority"
    STATUS = "status"
    SUBJECT = "subject"
    ACCOUNT = "account"
    OWNER = "owner"


@dataclass(frozen=True)
class CaseFilter:
    """What the case list shows; every field narrows it (None: any)."""

    status: CaseStatus | None = None
    open_only: bool = False
    priority: CasePriority | None = None
    kind: CaseKind | None = None
    owner: str | None = None
    account_id: uuid.UUID | None = None
    contact_id: uuid.UUID | None = None
    overdue: bool = False
    search: str = ""  # in the number, subject or account name
    at: dt.datetime | None = None  # "now" for overdue (None: the clock's)
    deleted: bool = False  # the recycle bin's cases instead of the live ones


@dataclass(frozen=True)
class CaseRow:
    id: uuid.UUID
    number: str
    kind: CaseKind
    priority: CasePriority
    status: CaseStatus
    subject: str
    account: str
    contact: str
    owner: str
    opened_at: dt.datetime
    due_at: dt.datetime | None
    overdue: bool
    escalated: bool
    vip_complaint: bool
    tier: ValueTier = ValueTier.ORDINARY
    flags: tuple[str, ...] = field(default=())


def vip_complaint_condition() -> ColumnElement[bool]:
    return and_(ServiceCase.kind == CaseKind.COMPLAINT, ServiceCase.tier == ValueTier.VIP)


def overdue_condition(now: dt.datetime) -> ColumnElement[bool]:
    """Open and past the resolution target, or not yet answered and past the response one."""
    return and_(
        ServiceCase.status.in_(OPEN_STATES),
        or_(
            ServiceCase.due_at < now,
            and_(ServiceCase.responded_at.is_(None), ServiceCase.response_due_at < now),
        ),
    )


_URGENCY = {"urgent": 0, "high": 1, "normal": 2, "low": 3}


def _sort_columns(sort: CaseSort) -> tuple[ColumnElement[object], ...]:
    from sqlalchemy import case as sql_case

    return {
        CaseSort.NUMBER: (ServiceCase.number,),
        CaseSort.OPENED: (ServiceCase.opened_at,),
        CaseSort.DUE: (ServiceCase.due_at,),
        CaseSort.PRIORITY: (sql_case(_URGENCY, value=ServiceCase.priority, else_=4),),
        CaseSort.STATUS: (ServiceCase.status,),
        CaseSort.SUBJECT: (ServiceCase.subject,),
        CaseSort.ACCOUNT: (Account.name,),
        CaseSort.OWNER: (ServiceCase.owner,),
    }[sort]  # type: ignore[return-value]


def _filtered(stmt: Select[tuple[uuid.UUID]], flt: CaseFilter) -> Select[tuple[uuid.UUID]]:
    gone = ServiceCase.deleted_at.is_not(None)
    stmt = stmt.where(gone if flt.deleted else ServiceCase.deleted_at.is_(None))
    if flt.status is not None:
        stmt = stmt.where(ServiceCase.status == flt.status)
    if flt.open_only:
        stmt = stmt.where(ServiceCase.status.in_(OPEN_STATES))
    if flt.priority is not None:
        stmt = stmt.where(ServiceCase.priority == flt.priority)
    if flt.kind is not None:
        stmt = stmt.where(ServiceCase.kind == flt.kind)
    if flt.owner is not None:
        stmt = stmt.where(ServiceCase.owner == flt.owner)
    if flt.account_id is not None:
        stmt = stmt.where(ServiceCase.account_id == flt.account_id)
    if flt.contact_id is not None:
        stmt = stmt.where(ServiceCase.contact_id == flt.contact_id)
    if flt.overdue:
        stmt = stmt.where(overdue_condition(flt.at or clock.now()))
    words = flt.search.strip()
    if words:
        like = f"%{words}%"
        stmt = stmt.where(
            or_(ServiceCase.number.like(like), ServiceCase.subject.like(like),
                Account.name.like(like))
        )  # fmt: skip
    return stmt


def case_ids(
    session: Session,
    flt: CaseFilter = CaseFilter(),
    sort: CaseSort = CaseSort.OPENED,
    descending: bool = True,
) -> list[uuid.UUID]:
    """The filtered keys in order, what the case list pages through."""
    stmt: Select[tuple[uuid.UUID]] = select(ServiceCase.id)
    if sort is CaseSort.ACCOUNT or flt.search.strip():
        stmt = stmt.outerjoin(Account, Account.id == ServiceCase.account_id)
    columns = _sort_columns(sort)
    order = [c.desc() if descending else c for c in columns]
    stmt = _filtered(stmt, flt).order_by(*order, ServiceCase.id.desc() if descending else
                                         ServiceCase.id)  # fmt: skip
    return list(session.scalars(stmt))


def case_rows(
    session: Session, ids: Sequence[uuid.UUID], now: dt.datetime | None = None
) -> list[CaseRow]:
    """One row per key found (a page of the list), in no particular order."""
    if not ids:
        return []
    now = now or clock.now()
    stmt = (
        select(
            ServiceCase, Account.name, Contact.family_name, Contact.given_name,
            overdue_condition(now),
        )
        .outerjoin(Account, Account.id == ServiceCase.account_id)
        .outerjoin(Contact, Contact.id == ServiceCase.contact_id)
        .where(ServiceCase.id.in_(ids))
    )  # fmt: skip
    rows = []
    for case, account, family, given, overdue in session.execute(stmt):
        vip = case.kind == CaseKind.COMPLAINT and case.tier == ValueTier.VIP
        rows.append(
            CaseRow(
                case.id, case.number, CaseKind(case.kind), CasePriority(case.priority),
                CaseStatus(case.status), case.subject, account or "",
                display_name(family or "", given or ""), case.owner, case.opened_at,
                case.due_at, bool(overdue), case.escalated, vip, ValueTier(case.tier),
            )
        )  # fmt: skip
    return rows


def owners(session: Session) -> list[str]:
    stmt = (
        select(ServiceCase.owner)
        .where(ServiceCase.owner != "", ServiceCase.deleted_at.is_(None))
        .distinct()
        .order_by(ServiceCase.owner)
    )
    return list(session.scalars(stmt))


# -- one case ------------------------------------------------------------------------------------


def _case(session: Session, case_id: uuid.UUID) -> ServiceCase:
    case = session.get(ServiceCase, case_id)
    if case is None or case.deleted_at is not None:
        raise KnownError("The case was not found; it may have been deleted.")
    return case


def find_case(session: Session, key: str) -> uuid.UUID:
    """A case by its number (CS2026-00012) or its id; a clear error when there is none."""
    found = session.scalar(
        select(ServiceCase.id).where(ServiceCase.number == key.strip(),
                                     ServiceCase.deleted_at.is_(None))
    )  # fmt: skip
    if found is not None:
        return found
    try:
        case_id = uuid.UUID(key.strip())
    except ValueError:
        raise KnownError("No case is numbered %1.", values=(key,)) from None
    return _case(session, case_id).id


def get_case(session: Session, case_id: uuid.UUID) -> CaseDetails:
    case = _case(session, case_id)
    account = session.get(Account, case.account_id) if case.account_id else None
    contact = session.get(Contact, case.contact_id) if case.contact_id else None
    draft = CaseDraft(
        case.subject, CaseKind(case.kind), CasePriority(case.priority), Channel(case.channel),
        case.account_id, case.contact_id, case.description, case.owner, case.resolution,
        case.minutes_spent, case.satisfaction, case.id, case.version,
    )  # fmt: skip
    return CaseDetails(
        draft, case.number, CaseStatus(case.status), ValueTier(case.tier), case.opened_at,
        case.response_due_at, case.responded_at, case.due_at, case.resolved_at, case.closed_at,
        case.first_contact, case.reopen_count, case.escalated,
        account.name if account else "",
        display_name(contact.family_name, contact.given_name) if contact else "",
        tuple(NoteRow(n.id, n.kind, n.written_at, n.author, n.body)
              for n in case.notes if n.deleted_at is None),
        tuple(AttachmentRow(a.id, a.file_name, a.stored_as, a.size, a.added_at)
              for a in case.attachments if a.deleted_at is None),
    )  # fmt: skip


def _check(session: Session, draft: CaseDraft) -> None:
    errors = []
    if not draft.subject.strip():
        errors.append(FieldError("subject", translatable("Validation", "A case needs a subject.")))
    if draft.minutes_spent < 0:
        negative = translatable("Validation", "Time spent cannot be negative.")
        errors.append(FieldError("minutes_spent", negative))
    if draft.satisfaction is not None and not 1 <= draft.satisfaction <= MAX_SCORE:
        errors.append(
            FieldError("satisfaction", translatable("Validation", "Satisfaction is 1 to 10."))
        )
    if draft.account_id is not None and session.get(Account, draft.account_id) is None:
        errors.append(FieldError("account", translatable("Validation", "No such account.")))
    if draft.contact_id is not None and session.get(Contact, draft.contact_id) is None:
        errors.append(FieldError("contact", translatable("Validation", "No such contact.")))
    if errors:
        raise ValidationError(errors)


def next_number(session: Session, year: int) -> str:
    """CS<year>-<n>: one more than the year's highest number."""
    prefix = f"CS{year}-"
    last = session.scalar(
        select(func.max(ServiceCase.number)).where(ServiceCase.number.like(prefix + "%"))
    )
    seq = int(last[len(prefix):]) + 1 if last and last[len(prefix):].isdigit() else 1
    return f"{prefix}{seq:05d}"


def _tier_of(session: Session, account_id: uuid.UUID | None) -> ValueTier:
    account = session.get(Account, account_id) if account_id else None
    return ValueTier(account.value_tier) if account is not None else ValueTier.ORDINARY


_DRAFT_FIELDS = (
    "subject", "kind", "priority", "channel", "account_id", "contact_id", "description", "owner",
    "resolution", "minutes_spent", "satisfaction",
)  # fmt: skip


def save_case(session: Session, draft: CaseDraft, now: dt.datetime | None = None) -> uuid.UUID:
    """Create or update a case; a new one is numbered and given its due times."""
    _check(session, draft)
    now = now or clock.now()
    if draft.id is None:
        case = ServiceCase(opened_at=now, status=CaseStatus.NEW,
                           number=next_number(session, now.year))  # fmt: skip
        session.add(case)
    else:
        case = _case(session, draft.id)
        if draft.version is not None and draft.version != case.version:
            raise KnownError("The case was changed elsewhere; reopen it to see the change.")
    targets_change = draft.id is None or (
        case.priority != draft.priority or case.account_id != draft.account_id
    )
    for name in _DRAFT_FIELDS:
        value = getattr(draft, name)
        setattr(case, name, value.strip() if isinstance(value, str) else value)
    if targets_change:
        case.tier = _tier_of(session, draft.account_id)
        due = service_levels.due_times(
            service_levels.load(session), ValueTier(case.tier), CasePriority(case.priority),
            case.opened_at,
        )  # fmt: skip
        case.response_due_at, case.due_at = due.response, due.resolution
    if draft.owner.strip() and case.status == CaseStatus.NEW and draft.id is None:
        _move(case, CaseStatus.ASSIGNED, now)
    session.flush()
    return case.id


def _move(case: ServiceCase, target: CaseStatus, now: dt.datetime) -> None:
    before = CaseStatus(case.status)
    if target is CaseStatus.RESOLVED:
        case.resolved_at = now
        case.first_contact = before is CaseStatus.NEW and case.reopen_count == 0
    elif target is CaseStatus.CLOSED:
        case.closed_at = now
    elif target is CaseStatus.REOPENED:
        case.reopen_count += 1
        case.resolved_at = case.closed_at = None
        case.first_contact = False
    if case.responded_at is None and target is not CaseStatus.NEW:
        case.responded_at = now
    case.status = target
    case.notes.append(CaseNote(kind=NoteKind.STATUS, written_at=now, author=case.owner,
                               body=f"{before.value} -> {target.value}"))  # fmt: skip


def move_case(
    session: Session,
    case_id: uuid.UUID,
    target: CaseStatus,
    now: dt.datetime | None = None,
    *,
    resolution: str | None = None,
) -> None:
    """One step of the workflow; a step it does not allow is refused in one line."""
    target = CaseStatus(target)
    case = _case(session, case_id)
    current = CaseStatus(case.status)
    if target not in TRANSITIONS[current]:
        raise KnownError("A case cannot go from %1 to %2.", values=(current.value, target.value))
    if resolution is not None:
        case.resolution = resolution.strip()
    if target is CaseStatus.RESOLVED and not case.resolution.strip():
        raise KnownError("Say how the case was resolved before resolving it.")
    if target is CaseStatus.ASSIGNED and not case.owner.strip():
        raise KnownError("Give the case an owner before assigning it.")
    now = now or clock.now()
    _move(case, target, now)
    if target is CaseStatus.REOPENED:
        _new_round(session, case, now)
    session.flush()


def _new_round(session: Session, case: ServiceCase, now: dt.datetime) -> None:
    """A reopened case is worked again: a fresh resolution target counted from now (its
    rule's hours), and no longer escalated, so missing that target escalates it anew."""
    levels = service_levels.load(session)
    rule = levels.rule(ValueTier(case.tier), CasePriority(case.priority))
    case.due_at = service_levels.add_hours(levels, now, rule.resolution_hours, rule.working_hours)
    case.escalated, case.escalated_at = False, None


def add_note(
    session: Session,
    case_id: uuid.UUID,
    body: str,
    *,
    kind: NoteKind = NoteKind.NOTE,
    author: str = "",
    minutes: int = 0,
    now: dt.datetime | None = None,
) -> uuid.UUID:
    """A note or an activity on the thread (its minutes added to the time spent); the first
    one answers the customer."""
    if not body.strip():
        raise KnownError("A note needs some text.")
    if minutes < 0:
        raise KnownError("Time spent cannot be negative.")
    case = _case(session, case_id)
    now = now or clock.now()
    note = CaseNote(kind=kind, written_at=now, author=author.strip(), body=body.strip())
    case.notes.append(note)
    case.minutes_spent += minutes
    if case.responded_at is None and kind is not NoteKind.ESCALATION:
        case.responded_at = now
    session.flush()
    return note.id


def delete_cases(session: Session, ids: Sequence[uuid.UUID]) -> Changes:
    """To the recycle bin (the shared one of every record kind)."""
    return records.move_to_bin(session, ServiceCase, ids)


def restore_cases(session: Session, ids: Sequence[uuid.UUID]) -> Changes:
    """Back from the recycle bin, as they were."""
    return records.restore_from_bin(session, ServiceCase, ids)


# -- attachments ---------------------------------------------------------------------------------


def files_folder(database_file: Path) -> Path:
    """The data folder of a database file: crm.sqlite3 keeps its files in crm-files/."""
    return database_file.with_name(database_file.stem + "-files")


def attach_file(
    session: Session, case_id: uuid.UUID, source: Path, folder: Path,
    now: dt.datetime | None = None,
) -> uuid.UUID:  # fmt: skip
    """Copy a file into the data folder and attach it; the copy goes if the write fails."""
    if not source.is_file():
        raise KnownError("%1 is not a file that can be read.", values=(source.name,))
    case = _case(session, case_id)
    relative = Path("attachments") / case.id.hex / f"{uuid.uuid4().hex[:8]}-{source.name}"
    target = folder / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    try:
        attachment = CaseAttachment(
            file_name=source.name, stored_as=relative.as_posix(),
            size=target.stat().st_size, added_at=now or clock.now(),
        )  # fmt: skip
        case.attachments.append(attachment)
        session.flush()
    except Exception:
        target.unlink(missing_ok=True)
        raise
    return attachment.id


def attachment_path(folder: Path, stored_as: str) -> Path:
    return folder / Path(stored_as)


def remove_attachment(session: Session, attachment_id: uuid.UUID) -> None:
    """Off the case (the copy stays in the folder, so an undo brings it back whole)."""
    found = session.get(CaseAttachment, attachment_id)
    if found is None:
        raise KnownError("The attachment was not found.")
    found.deleted_at = clock.now()
    session.flush()


__all__ = [
    "DONE_STATES", "OPEN_STATES", "TRANSITIONS", "AttachmentRow", "CaseDetails", "CaseDraft",
    "CaseFilter", "CaseRow", "CaseSort", "NoteKind", "NoteRow", "add_note", "attach_file",
    "attachment_path", "case_ids", "case_rows", "delete_cases", "files_folder", "find_case",
    "get_case", "move_case", "next_number", "overdue_condition", "owners", "remove_attachment",
    "restore_cases", "save_case", "vip_complaint_condition",
]  # fmt: skip


def account_choices(session: Session, typed: str, limit: int = 20) -> list[tuple[uuid.UUID, str]]:
    """Accounts whose name starts with (then contains) what was typed, for the editor's field."""
    words = typed.strip()
    if not words:
        return []
    starts = (
        select(Account.id, Account.name)
        .where(Account.deleted_at.is_(None), Account.name.like(f"{words}%"))
        .order_by(Account.name)
        .limit(limit)
    )
    found = [(i, n) for i, n in session.execute(starts)]
    if len(found) < limit:
        inside = (
            select(Account.id, Account.name)
            .where(Account.deleted_at.is_(None), Account.name.like(f"%{words}%"))
            .order_by(Account.name)
            .limit(limit)
        )
        known = {i for i, _ in found}
        found += [(i, n) for i, n in session.execute(inside) if i not in known]
    return found[:limit]


def contact_choices(session: Session, account_id: uuid.UUID | None) -> list[tuple[uuid.UUID, str]]:
    """The account's people, for the editor's contact field."""
    if account_id is None:
        return []
    stmt = (
        select(Contact.id, Contact.family_name, Contact.given_name)
        .where(Contact.account_id == account_id, Contact.deleted_at.is_(None))
        .order_by(Contact.sort_key)
        .limit(200)
    )
    return [(i, display_name(f, g)) for i, f, g in session.execute(stmt)]


def account_name(session: Session, account_id: uuid.UUID | None) -> str:
    account = session.get(Account, account_id) if account_id else None
    return account.name if account is not None else ""
