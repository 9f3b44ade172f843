"""Ids as typed: a whole UUID, or a unique start or end of its hex digits."""

from __future__ import annotations

import uuid

import pytest

from crmdesk.core.errors import RecordNotFound
from crmdesk.models import Contact
from crmdesk.store.ids import resolve_id


def test_a_whole_id_with_or_without_dashes(db, people):
    wanted = people["张三"]
    with db.reading() as session:
        assert resolve_id(session, Contact, str(wanted)) == wanted
        assert resolve_id(session, Contact, wanted.hex.upper()) == wanted


def test_a_unique_end_or_start_finds_the_contact(db, people):
    wanted = people["John Smith"]
    with db.reading() as session:
        assert resolve_id(session, Contact, wanted.hex[-8:]) == wanted
        others = [i.hex for i in people.values() if i != wanted]
        unique = (wanted.hex[:n] for n in range(6, 33))
        prefix = next(p for p in unique if not any(o.startswith(p) for o in others))
        assert resolve_id(session, Contact, prefix) == wanted


@pytest.mark.parametrize("text", ["abc", "zzzzzzzz", "12-34"])
def test_too_short_or_not_hex_is_refused(db, text):
    with db.reading() as session, pytest.raises(RecordNotFound, match="not a contact id"):
        resolve_id(session, Contact, text)


def test_no_match_is_refused(db, people):
    missing = uuid.uuid4().hex[-10:]
    while any(i.hex.endswith(missing) or i.hex.startswith(missing) for i in people.values()):
        missing = uuid.uuid4().hex[-10:]
    with db.reading() as session, pytest.raises(RecordNotFound, match="No contact id"):
        resolve_id(session, Contact, missing)


def test_a_start_shared_by_several_is_refused(db, people):
    # UUIDv7 keys made together share their leading timestamp digits
    shared = next(iter(people.values())).hex[:6]
    assert all(i.hex.startswith(shared) for i in people.values())
    with db.reading() as session, pytest.raises(RecordNotFound, match="More than one"):
        resolve_id(session, Contact, shared)
