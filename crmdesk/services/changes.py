"""What a write changed: one value every screen reads to decide what to refresh."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields

Ids = frozenset[uuid.UUID]


@dataclass(frozen=True)
class Changes:
    contacts: Ids = frozenset()
    accounts: Ids = frozenset()
    activities: Ids = frozenset()
    events: Ids = frozenset()
    opportunities: Ids = frozenset()
    orders: Ids = frozenset()
    cases: Ids = frozenset()

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            **{f.name: getattr(self, f.name) | getattr(other, f.name) for f in fields(self)}
        )

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))
