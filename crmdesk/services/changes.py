"""What a write changed: one value every screen reads to decide what to refresh.

The ORM's flushes are watched (a Session event listener, for every session), so a write
through the ORM is collected where it is seen, not rebuilt by hand by each service:
`changes_in(session)` is what the session's transaction has flushed so far. Writes that
bypass the ORM (the import's bulk writer) report theirs with `report(session, changes)`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Mapping

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, UOWTransaction

Ids = frozenset[uuid.UUID]

# The tables whose rows are a kind of record screens show, and the kind's name in Changes. A new
# wing adds its table here (`register_kind`); rows of other tables (phones, order lines, links)
# change the records they point at through their foreign keys.
TABLE_KINDS: dict[str, str] = {
    "contacts": "contacts",
    "accounts": "accounts",
    "activities": "activities",
    "calendar_events": "events",
    "opportunities": "opportunities",
    "orders": "orders",
    "service_cases": "cases",
    "segments": "segments",
    "campaigns": "campaigns",
    "campaign_members": "campaigns",
    "campaign_responses": "campaigns",
    "outbox_messages": "outbox",
    "call_lists": "call_lists",
    "call_list_entries": "call_lists",
    "solutions": "solutions",
    "satisfaction_surveys": "surveys",
    "survey_templates": "survey_templates",
    "monthly_targets": "targets",
}


def register_kind(table: str, kind: str) -> None:
    """Make rows of `table` reported as `kind` (e.g. a new wing's table)."""
    TABLE_KINDS[table] = kind


class Changes:
    """Ids of changed records by kind: `changes.contacts`, `changes.ids("events")`.

    Immutable; `a | b` joins two; any registered kind reads as an attribute (empty when none
    changed), so screens of later wings read theirs the same way."""

    __slots__ = ("_by_kind",)
    _by_kind: dict[str, Ids]

    def __init__(
        self,
        by_kind: Mapping[str, Iterable[uuid.UUID]] | None = None,
        **kinds: Iterable[uuid.UUID],
    ) -> None:
        merged: dict[str, Ids] = {}
        for kind, ids in (*(by_kind or {}).items(), *kinds.items()):
            found = frozenset(ids)
            if found:
                merged[kind] = merged.get(kind, frozenset()) | found
        object.__setattr__(self, "_by_kind", merged)

    def __getattr__(self, name: str) -> Ids:
        if name.startswith("_") or name not in _known_kinds():
            raise AttributeError(name)
        return self._by_kind.get(name, frozenset())

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Changes is immutable")

    def ids(self, kind: str) -> Ids:
        return self._by_kind.get(kind, frozenset())

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(self._by_kind)

    def items(self) -> Iterator[tuple[str, Ids]]:
        return iter(self._by_kind.items())

    def __or__(self, other: Changes) -> Changes:
        joined = dict(self._by_kind)
        for kind, ids in other._by_kind.items():
            joined[kind] = joined.get(kind, frozenset()) | ids
        return Changes(joined)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Changes) and self._by_kind == other._by_kind

    def __hash__(self) -> int:
        return hash(frozenset(self._by_kind.items()))

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={len(v)}" for k, v in sorted(self._by_kind.items()))
        return f"Changes({inner})"

    @property
    def is_empty(self) -> bool:
        return not self._by_kind


def _known_kinds() -> frozenset[str]:
    return frozenset(TABLE_KINDS.values())


NO_CHANGES = Changes()
_KEY = "crmdesk.changes"


def changes_in(session: Session) -> Changes:
    """What the session's current transaction has written so far (its flushes, and what bulk
    writers reported); pending, unflushed changes are not in it."""
    found: dict[str, set[uuid.UUID]] = session.info.get(_KEY, {})
    return Changes(found)


def report(session: Session, changes: Changes) -> None:
    """Add what a write beside the ORM changed to the transaction's changes."""
    found: dict[str, set[uuid.UUID]] = session.info.setdefault(_KEY, {})
    for kind, ids in changes.items():
        found.setdefault(kind, set()).update(ids)


def _row_kinds(obj: object) -> Iterator[tuple[str, uuid.UUID]]:
    """The records a flushed row changes: itself, when its table is a kind; else the records
    its foreign keys point at (a phone's contact, an order line's order)."""
    table = getattr(obj, "__table__", None)
    if table is None:
        return
    kind = TABLE_KINDS.get(table.name)
    if kind is not None:
        row_id = getattr(obj, "id", None)
        if isinstance(row_id, uuid.UUID):
            yield kind, row_id
        return
    for column in table.columns:
        for fk in column.foreign_keys:
            target = TABLE_KINDS.get(fk.column.table.name)
            value = getattr(obj, column.key, None)
            if target is not None and isinstance(value, uuid.UUID):
                yield target, value


def _moved_between(obj: object) -> Iterator[tuple[str, uuid.UUID]]:
    """A record re-pointed from one record to another (a contact moved to another account)
    changes both: each one's list of them."""
    table = getattr(obj, "__table__", None)
    if table is None or table.name not in TABLE_KINDS:
        return
    for column in table.columns:
        targets = {TABLE_KINDS.get(fk.column.table.name) for fk in column.foreign_keys} - {None}
        if not targets:
            continue
        history = inspect(obj).attrs[column.key].history
        for kind in targets:
            for value in (*history.added, *history.deleted):
                if isinstance(value, uuid.UUID):
                    yield str(kind), value


def _collect(session: Session, _flush_context: UOWTransaction) -> None:
    found: dict[str, set[uuid.UUID]] = session.info.setdefault(_KEY, {})
    dirty = [obj for obj in session.dirty if session.is_modified(obj)]
    for obj in (*session.new, *dirty, *session.deleted):
        for kind, row_id in _row_kinds(obj):
            found.setdefault(kind, set()).add(row_id)
    for obj in dirty:
        for kind, row_id in _moved_between(obj):
            found.setdefault(kind, set()).add(row_id)


def _forget(session: Session) -> None:
    session.info.pop(_KEY, None)


event.listen(Session, "after_flush", _collect)
event.listen(Session, "after_commit", _forget)
event.listen(Session, "after_rollback", _forget)
