"""What a contact import's preview shows and its result reports."""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass, field
from typing import Any

from crmdesk.core.texts import Text, as_text, translatable
from crmdesk.services.changes import Changes
from crmdesk.services.importing.files import Rejection

# =================================================================================================
# Contacts: what each row will do
# =================================================================================================


class RowAction(enum.StrEnum):
    NEW = "new"
    UPDATE = "update"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"


@dataclass(frozen=True)
class PreviewRow:
    """One row as it will land: what it holds and what will happen to it."""

    line: int
    name: str
    organization: str
    phone: str
    email: str
    city: str
    action: RowAction
    target: str = ""  # the contact it updates or duplicates
    reason: str = ""  # why it is rejected
    outcome: str = field(init=False)  # "new", "update 张三", "duplicate of 张三", "rejected: …"

    def __post_init__(self) -> None:
        outcome = {  # Texts: the wizard words them in the user's language
            RowAction.NEW: Text(translatable("Import", "new")),
            RowAction.UPDATE: Text(translatable("Import", "update %1"), self.target),
            RowAction.DUPLICATE: Text(translatable("Import", "duplicate of %1"), self.target),
            RowAction.REJECTED: Text(translatable("Import", "rejected: %1"), as_text(self.reason)),
        }[self.action]
        object.__setattr__(self, "outcome", outcome)


@dataclass(frozen=True)
class PossibleDuplicate:
    """A row imported as new whose name alone resembles an existing contact: for later review."""

    line: int
    name: str
    contact_id: uuid.UUID
    contact_name: str
    score: float


@dataclass(frozen=True)
class ImportPreview:
    source: str
    filename: str
    total: int
    new: int
    updated: int
    duplicate: int
    rejected: int
    accounts_to_create: int
    rows: tuple[PreviewRow, ...]
    rejections: tuple[Rejection, ...]
    possible_duplicates: tuple[PossibleDuplicate, ...]
    new_accounts: tuple[str, ...]
    headers: tuple[str, ...]
    mapping: Any  # the column mapping used, as JSON (None for vCard)
    left_out: tuple[Rejection, ...] = ()  # phones and e-mails the form would refuse, set aside


@dataclass(frozen=True)
class ImportResult:
    new: int
    updated: int
    duplicate: int
    rejected: int  # rejected rows skipped (only when allowed)
    accounts_created: int
    changes: Changes
