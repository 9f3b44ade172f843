"""Changes: what a write touched, merged field by field."""

from __future__ import annotations

import uuid

from crmdesk.services.changes import Changes


def test_changes_merge_field_by_field_and_know_when_empty():
    a, b, c = (uuid.uuid4() for _ in range(3))
    merged = Changes(contacts=frozenset({a})) | Changes(
        contacts=frozenset({b}), orders=frozenset({c})
    )
    assert merged == Changes(contacts=frozenset({a, b}), orders=frozenset({c}))
    assert Changes().is_empty and not merged.is_empty
    assert (Changes() | Changes()).is_empty
