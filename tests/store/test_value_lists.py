"""A list bound as one parameter: IN tests and joins read every value, however many."""

from __future__ import annotations

from sqlalchemy import select

from crmdesk.models import Contact
from crmdesk.store.value_lists import bound, in_listed, listed, listed_text


def test_in_listed_finds_exactly_the_listed_values(db, people):
    statement = select(Contact.family_name).where(in_listed(Contact.family_name))
    with db.reading() as session:
        found = session.scalars(statement, {"values": bound(["张", "Smith", "nobody"])}).all()
        assert sorted(found) == ["Smith", "张"]
        assert session.scalars(statement, {"values": bound([])}).all() == []


def test_listed_is_a_table_to_join(db, people):
    names = listed("names")
    statement = select(listed_text(names)).select_from(names)
    with db.reading() as session:
        values = [f"v{i}" for i in range(3000)]
        assert session.scalars(statement, {"names": bound(values)}).all() == values
