"""The search condition: every typed word must match, names by pinyin too, nothing for blanks."""

from __future__ import annotations

from sqlalchemy import select

from crmdesk.models import Contact
from crmdesk.services.search import search_condition


def found(db, query):
    with db.reading() as session:
        stmt = select(Contact.family_name).where(search_condition(Contact.id, "contact", query))
        return sorted(session.scalars(stmt))


def test_words_narrow_and_pinyin_finds_chinese_names(db, people):
    assert found(db, "zhang") == ["张"]
    assert found(db, "john smith") == ["Smith"]
    assert found(db, "john müller") == []
    assert found(db, "muller") == ["Müller"]
    assert found(db, "13800138000") == ["张"]


def test_nothing_searchable_matches_nothing(db, people):
    assert found(db, "  ") == []
    assert found(db, "!!!") == []
