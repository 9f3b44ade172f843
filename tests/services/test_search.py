"""Full-text search as the contact list uses it: caller-ID numbers, initials, identifiers."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from crmdesk.interop.records import PhoneRecord
from crmdesk.services.contacts import ContactDraft, ContactFilter, contact_ids, save_contact
from crmdesk.store.db import DERIVED_DATA, Database


@pytest.fixture
def callers(db):
    """A mobile stored as dialled at home, one stored with its country code, and 钱睿锋 whose
    WeChat ID's random tail starts with "zs"."""
    drafts = {
        "刘海晖": ContactDraft(
            family_name="刘", given_name="海晖", phones=[PhoneRecord("139 6022 8111")]
        ),
        "张三": ContactDraft(
            family_name="张", given_name="三", phones=[PhoneRecord("+86 138 0013 8000")]
        ),
        "钱睿锋": ContactDraft(family_name="钱", given_name="睿锋", wechat="wxid_zszjvfkueae1z6"),
        "Tom Li": ContactDraft(family_name="Li", given_name="Tom", wechat="tom_li_88"),
    }
    ids = {}
    with db.transaction() as session:
        for name, draft in drafts.items():
            ids[name], _ = save_contact(session, draft)
    return ids


def found(db, query):
    with db.reading() as session:
        return set(contact_ids(session, ContactFilter(search=query)))


@pytest.mark.parametrize(
    "query", ["+8613960228111", "008613960228111", "+86 139 6022 8111", "0086 139 6022 8111"]
)
def test_a_caller_id_finds_the_number_stored_as_dialled_at_home(db, callers, query):
    assert found(db, query) == {callers["刘海晖"]}


@pytest.mark.parametrize("query", ["13800138000", "+8613800138000", "008613800138000", "8000"])
def test_a_number_stored_with_its_country_code_is_found_either_way(db, callers, query):
    assert found(db, query) == {callers["张三"]}


def test_digits_after_no_calling_code_are_searched_as_typed(db, callers):
    assert found(db, "+8513960228111") == set()  # 85... begins no calling code
    assert found(db, "+86 13") == {callers["张三"]}  # not "13": it would find every mobile


@pytest.mark.parametrize("query", ["zs", "zs wxid"])
def test_initials_do_not_find_the_tail_of_a_wechat_id(db, callers, query):
    """'zs' found 钱睿锋 (initials qrf): his WeChat ID was indexed as the words "wxid" and
    "zszjvfkueae1z6", and a search is a prefix search."""
    assert callers["钱睿锋"] not in found(db, query)


def test_initials_find_the_names_with_those_initials(db, callers):
    assert found(db, "zs") == {callers["张三"]}
    assert found(db, "qrf") == {callers["钱睿锋"]}
    assert found(db, "rf") == {callers["钱睿锋"]}  # the given name's own initials


@pytest.mark.parametrize("query", ["wxid_zszjvfkueae1z6", "wxid_zszj", "wxid", "WXID_ZSZJ"])
def test_a_wechat_id_is_found_whole_or_by_its_beginning(db, callers, query):
    assert found(db, query) == {callers["钱睿锋"]}


def test_an_identifier_with_underscores_is_one_word(db, callers):
    assert found(db, "tom_li") == found(db, "tom_li_88") == {callers["Tom Li"]}
    assert callers["Tom Li"] not in found(db, "88")


def test_an_older_files_index_is_rebuilt_with_todays_tokens_on_open(tmp_path):
    """A file indexed before identifiers were joined is re-indexed once, when it is opened."""
    path = tmp_path / "old.sqlite3"
    db = Database.open(path)
    with db.transaction() as session:
        qian, _ = save_contact(
            session, ContactDraft(family_name="钱", given_name="睿锋", wechat="wxid_zszjvfkueae1z6")
        )
    with db.engine.begin() as conn:  # as the crmdesk before this one indexed him
        conn.exec_driver_sql(
            "UPDATE search_fts SET body = ' 钱  睿  锋  qianruifeng qrf wxid_zszjvfkueae1z6'"
        )
        conn.exec_driver_sql("PRAGMA user_version = 1")
    assert found(db, "zs") == {qian}
    db.dispose()

    db = Database.open(path)
    assert found(db, "zs") == set()
    assert found(db, "wxid_zszj") == found(db, "qrf") == {qian}
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA user_version")).scalar() == DERIVED_DATA
    db.dispose()
