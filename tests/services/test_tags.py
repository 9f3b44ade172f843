"""Tags are created on first use, found by name, and only rewritten when the set changes."""

from __future__ import annotations

from sqlalchemy import func, select

from crmdesk.models import Contact, Tag
from crmdesk.services.tags import set_tags, tags_named


def test_tags_named_creates_the_missing_and_keeps_order(db):
    with db.transaction() as session:
        first = tags_named(session, ["VIP", " 北京 ", "VIP", ""])
        assert [t.name for t in first] == ["VIP", "北京"]
        session.flush()
        again = tags_named(session, ["北京", "new"])
        assert again[0] is first[1]
    with db.reading() as session:
        assert session.scalar(select(func.count(Tag.id))) == 3


def test_set_tags_replaces_the_set_and_leaves_an_equal_one(db, people):
    with db.transaction() as session:
        contact = session.get(Contact, people["张三"])
        before = list(contact.tags)
        set_tags(session, contact, ["重点客户"])
        assert contact.tags == before  # the same set: the list is not replaced
        set_tags(session, contact, ["新客户", "重点客户"])
    with db.reading() as session:
        assert {t.name for t in session.get(Contact, people["张三"]).tags} == {"新客户", "重点客户"}
