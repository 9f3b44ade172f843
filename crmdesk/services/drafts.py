"""Unsaved form edits kept on disk, so a crash or a flat battery does not lose them.

A form writes its draft every few seconds while it has unsaved edits, into a folder beside the
database file (`crm.sqlite3.drafts/`); Save and Revert remove it. On the next start the window
offers what is left. A draft is JSON, one file per record (or per new record), written whole
or not at all; a damaged one is skipped, never an error."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import types
import typing
import uuid
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from crmdesk.export.atomic import write_atomically

NEW = "new"


def drafts_folder(database: str | Path) -> Path:
    """The folder beside the database file where its forms' drafts are kept."""
    path = Path(database)
    return path.with_name(path.name + ".drafts")


@dataclass(frozen=True)
class SavedDraft:
    kind: str  # "contact", "account" …
    record_id: uuid.UUID | None  # None: a new record
    saved_at: dt.datetime
    draft: Any
    path: Path


def _file(folder: Path, kind: str, record_id: uuid.UUID | None) -> Path:
    return folder / f"{kind}-{record_id.hex if record_id else NEW}.json"


def save_draft(folder: Path, kind: str, record_id: uuid.UUID | None, draft: Any) -> Path:
    """Write (or replace) the draft of one record."""
    folder.mkdir(parents=True, exist_ok=True)
    body = {
        "kind": kind,
        "record_id": record_id.hex if record_id else None,
        "saved_at": dt.datetime.now(dt.UTC).isoformat(),
        "draft": to_json(draft),
    }
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    return write_atomically(_file(folder, kind, record_id), data)


def remove_draft(folder: Path, kind: str, record_id: uuid.UUID | None) -> None:
    _file(folder, kind, record_id).unlink(missing_ok=True)


def load_drafts(folder: Path, types_by_kind: dict[str, type]) -> list[SavedDraft]:
    """The drafts left in `folder` of the given kinds, newest first; unreadable ones skipped."""
    found = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            body = json.loads(path.read_text(encoding="utf-8"))
            cls = types_by_kind[body["kind"]]
            record = uuid.UUID(body["record_id"]) if body["record_id"] else None
            found.append(SavedDraft(body["kind"], record,
                                    dt.datetime.fromisoformat(body["saved_at"]),
                                    from_json(cls, body["draft"]), path))  # fmt: skip
        except (ValueError, KeyError, TypeError, OSError):
            continue
    return sorted(found, key=lambda d: d.saved_at, reverse=True)


# --- dataclasses <-> JSON, by their type hints ------------------------------------------------


def to_json(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, list | tuple | set | frozenset):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    return value


def from_json(hint: Any, value: Any) -> Any:
    """`value` (from to_json) as the type `hint` names: dataclasses, lists, optionals, enums."""
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return from_json(options[0], value) if len(options) == 1 else value
    if origin in (list, tuple, set, frozenset):
        (item, *_rest) = typing.get_args(hint) or (Any,)
        return origin(from_json(item, v) for v in value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = typing.get_type_hints(hint)
        known = {f.name for f in dataclasses.fields(hint) if f.init}
        return hint(**{k: from_json(hints[k], v) for k, v in value.items() if k in known})
    if isinstance(hint, type):
        if issubclass(hint, enum.Enum):
            return hint(value)
        if hint is uuid.UUID:
            return uuid.UUID(value)
        if hint is dt.datetime:
            return dt.datetime.fromisoformat(value)
        if hint is dt.date:
            return dt.date.fromisoformat(value)
        if hint is Decimal:
            return Decimal(value)
        if hint is bytes:
            return bytes.fromhex(value)
    return value
