"""Typed settings sections over the `settings` table: one dataclass per section.

A section is a frozen dataclass with a `KEY` class variable. Reading fills fields the file does
not hold (yet) with their defaults and ignores ones it no longer knows, so older and newer files
both open; writing replaces the section in the caller's transaction.
"""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar, Protocol, TypeVar

from sqlalchemy.orm import Session

from crmdesk.core.jsontypes import JsonValue
from crmdesk.models.settings import Setting


class Section(Protocol):
    KEY: ClassVar[str]
    __dataclass_fields__: ClassVar[dict[str, Any]]


S = TypeVar("S", bound=Section)


def read_value(session: Session, key: str) -> JsonValue:
    """The raw JSON stored under `key`, or None where nothing is stored."""
    row = session.get(Setting, key)
    return None if row is None else row.value


def write_value(session: Session, key: str, value: JsonValue) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def load(session: Session, section: type[S]) -> S:
    """The stored section, defaults where a field is missing or the section was never saved."""
    stored = read_value(session, section.KEY)
    known = {f.name for f in dataclasses.fields(section)}
    values = {k: v for k, v in stored.items() if k in known} if isinstance(stored, dict) else {}
    return section(**values)


def save(session: Session, value: Section) -> None:
    """Store the section as a JSON object (fields must hold JSON values: str, int, lists …)."""
    write_value(session, value.KEY, dataclasses.asdict(value))
