"""The full-text index: the query language typed into it, the tokens it holds (folded, Han
characters one token each), entries kept with their rows, rebuilds and bulk loading."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from crmdesk.models import Contact
from crmdesk.models.base import utcnow
from crmdesk.services.contacts import ContactDraft, save_contact
from crmdesk.store import fulltext
from crmdesk.store.fulltext import match_expression, spaced


@pytest.mark.parametrize(
    ("query", "match"),
    [
        ("+8613960228111", '("8613960228111"* OR "13960228111"*)'),
        ("008613960228111", '("008613960228111"* OR "8613960228111"* OR "13960228111"*)'),
        ("+86 139 6022 8111", '("8613960228111"* OR "13960228111"*)'),
        ("+1 (213) 946-0010", '("12139460010"* OR "2139460010"*)'),
        ("+86 13", '"8613"*'),  # too short a national rest would find every mobile
        ("0013", '"0013"*'),  # a fragment, not a caller ID
        ("138 0013", '"138"* AND "0013"*'),
        ("zs", '"zs"*'),
        ("wxid_zszj", '"wxidzszj"*'),
        ("朝阳", '"朝 阳"*'),
        ("+", None),
    ],
)
def test_what_is_typed_becomes_a_match_expression(query, match):
    assert match_expression(query) == match


def test_an_underscore_joins_an_identifier_into_one_token():
    assert spaced("wxid_zszjvfkueae1z6") == "wxidzszjvfkueae1z6"
    assert spaced("李_雷").split() == ["李", "雷"]


def test_spaced_folds_and_splits_han_characters():
    assert fulltext.spaced("Müller") == "muller"
    assert fulltext.spaced("ÉCOLE") == "ecole"
    assert fulltext.spaced("张三abc").split() == ["张", "三", "abc"]


def test_phone_fragments_are_every_tail_long_enough():
    fragments = fulltext.phone_fragments("138-0013")
    assert fragments[0] == "1380013" and fragments[-1] == "1380013"[-fulltext.MIN_PHONE_FRAGMENT :]
    assert len(fragments) == 7 - fulltext.MIN_PHONE_FRAGMENT + 1


def entry(db, contact_id):
    with db.reading() as session:
        return session.execute(
            text(
                "SELECT f.body FROM search_fts f JOIN search_refs r ON r.rowid = f.rowid"
                " WHERE r.ref = :ref"
            ),
            {"ref": contact_id.hex},
        ).scalar_one_or_none()


def test_an_entry_follows_edits_of_its_row_and_its_phones(db, people):
    zhang = people["张三"]
    body = entry(db, zhang)
    assert "zhang" in body and "13800138000" in body and "北" in body
    with db.transaction() as session:
        session.get(Contact, zhang).title = "Director of Sales"
    assert "director" in entry(db, zhang)
    with db.transaction() as session:
        session.get(Contact, zhang).phones[0].deleted_at = utcnow()
    assert "13800138000" not in entry(db, zhang)


def test_rebuild_reports_progress_and_matches_what_writes_index(db, people):
    before = {name: entry(db, i) for name, i in people.items()}
    heard = []
    with db.engine.begin() as conn:
        fulltext.rebuild(conn, lambda done, total: heard.append((done, total)))
    assert heard[-1] == (len(people), len(people))
    assert {name: entry(db, i) for name, i in people.items()} == before


def test_bulk_loading_restores_the_settings(db):
    def settings(conn):
        return dict(conn.exec_driver_sql("SELECT k, v FROM search_fts_config").all())

    with db.engine.begin() as conn:
        start = settings(conn)
        with fulltext.bulk_loading(conn):
            assert settings(conn)["automerge"] == 0
        after = settings(conn)
    assert after.get("automerge", 4) == start.get("automerge", 4) == 4


def test_a_new_contact_is_searchable_in_its_transaction(db):
    with db.transaction() as session:
        cid, _ = save_contact(session, ContactDraft(family_name="欧阳", given_name="修"))
        sql = fulltext.matching_ids_sql(fulltext.CONTACT)
        refs = session.execute(text(sql), {"match": fulltext.match_expression("ouyang")}).all()
    assert refs == [(cid.hex,)]
