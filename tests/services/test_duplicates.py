"""Duplicate detection: blocking keys, pinyin-aware names, scores, groups, incoming records."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from crmdesk.interop.records import ContactRecord, EmailRecord, PhoneRecord
from crmdesk.models import Account
from crmdesk.services import duplicates
from crmdesk.services.contacts import ContactDraft, delete_contacts, save_contact
from crmdesk.services.duplicates import (
    DUPLICATE_MIN_SCORE,
    Reason,
    find_duplicates,
    match_incoming,
    phonetic,
    score_pair,
)
from crmdesk.store.db import Database


@pytest.fixture
def ddb(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path / "t.db")
    yield database
    database.dispose()


def add(db: Database, family: str, given: str, phones=(), emails=(), **kw) -> uuid.UUID:
    draft = ContactDraft(
        family_name=family,
        given_name=given,
        phones=[PhoneRecord(p) for p in phones],
        emails=[EmailRecord(e) for e in emails],
        **kw,
    )
    with db.transaction() as s:
        cid, _ = save_contact(s, draft)
    return cid


def account(db: Database, name: str) -> uuid.UUID:
    with db.transaction() as s:
        acc = Account(name=name)
        s.add(acc)
        s.flush()
        return acc.id


def groups(db: Database, **kw) -> list[duplicates.DuplicateGroup]:
    with db.reading() as s:
        return find_duplicates(s, **kw)


def group_of(found, cid):
    return next((g for g in found if cid in g.ids), None)


def test_same_phone_in_different_formats_and_pinyin_name(ddb):
    a = add(ddb, "张", "三", phones=["138 0013 8000"])
    b = add(ddb, "Zhang", "San", phones=["+86 13800138000"])
    add(ddb, "李", "四", phones=["139 1234 5678"])
    [group] = groups(ddb)
    assert set(group.ids) == {a, b}
    assert group.reasons == (Reason.PHONE, Reason.NAME)
    assert group.score == 80
    assert {m.name for m in group.members} == {"张三", "San Zhang"}
    assert group.members[0].id == a  # oldest first: the suggested survivor


@pytest.mark.parametrize(
    ("family", "given"), [("Zhang", "San"), ("San", "Zhang"), ("", "zhang san"), ("", "Zhangsan")]
)
def test_pinyin_aware_name_match_at_the_same_organisation(ddb, family, given):
    a = add(ddb, "张", "三", organization="Acme 有限公司")
    b = add(ddb, family, given, organization="ACME有限公司")
    [group] = groups(ddb)
    assert set(group.ids) == {a, b}
    assert set(group.reasons) == {Reason.NAME, Reason.ORGANIZATION}
    assert group.score == 60


def test_email_match_ignores_case(ddb):
    a = add(ddb, "李", "四", emails=["li.si@Example.com"])
    b = add(ddb, "Li", "Si", emails=["LI.SI@example.COM"])
    [group] = groups(ddb)
    assert set(group.ids) == {a, b} and Reason.EMAIL in group.reasons


def test_fuzzy_latin_name_at_the_same_account(ddb):
    acme = account(ddb, "Acme")
    a = add(ddb, "Smith", "Jon", account_id=acme)
    b = add(ddb, "Smith", "John", account_id=acme)
    add(ddb, "Smith", "Jane", account_id=acme)  # another person at the same account
    [group] = groups(ddb)
    assert set(group.ids) == {a, b}
    assert set(group.reasons) == {Reason.SIMILAR_NAME, Reason.ACCOUNT}


def test_three_records_chain_into_one_group(ddb):
    a = add(ddb, "Müller", "Anna", phones=["+49 30 1234567"])
    b = add(ddb, "Mueller", "Anna", phones=["+49 (30) 123 4567"], emails=["anna@mueller.de"])
    c = add(ddb, "", "Anna Müller", emails=["Anna@Mueller.de"])
    found = groups(ddb)
    assert len(found) == 1
    assert set(found[0].ids) == {a, b, c}
    assert len(found[0].pairs) >= 2


def test_same_common_name_and_nothing_else_is_not_a_duplicate(ddb):
    add(ddb, "王", "伟", phones=["138 0000 0001"], organization="甲公司")
    add(ddb, "王", "伟", phones=["138 0000 0002"], organization="乙公司")
    add(ddb, "Wang", "Wei", emails=["wang.wei@example.com"])
    assert groups(ddb) == []
    # a name alone scores 40: below the default threshold, found when asking for less
    assert DUPLICATE_MIN_SCORE > duplicates.NAME_POINTS
    [weak] = groups(ddb, min_score=40)
    assert len(weak.ids) == 3 and weak.reasons == (Reason.NAME,)


def test_colleagues_sharing_a_switchboard_are_not_duplicates(ddb):
    acme = account(ddb, "Acme")
    add(ddb, "Parker", "Peter", phones=["010 6512 3456"], account_id=acme)
    add(ddb, "Watson", "Mary Jane", phones=["010-65123456"], account_id=acme)
    assert groups(ddb) == []


def test_same_name_and_birthday_is_a_duplicate(ddb):
    a = add(ddb, "王", "伟", birthday=dt.date(1980, 5, 17))
    b = add(ddb, "Wang", "Wei", birthday=dt.date(1980, 5, 17))
    [group] = groups(ddb)
    assert set(group.ids) == {a, b} and Reason.BIRTHDAY in group.reasons


def test_deleted_contacts_are_not_candidates(ddb):
    add(ddb, "张", "三", phones=["138 0013 8000"])
    b = add(ddb, "张", "三", phones=["138 0013 8000"])
    with ddb.transaction() as s:
        delete_contacts(s, [b])
    assert groups(ddb) == []


def test_oversized_block_is_split_by_name(ddb, monkeypatch):
    monkeypatch.setattr(duplicates, "MAX_BLOCK", 3)
    switchboard = "010 6512 3456"
    for given in ("Alice", "Bob", "Carol", "Dave", "Erin"):
        add(ddb, "Doe", given, phones=[switchboard])
    a = add(ddb, "Roe", "Frank", phones=[switchboard])
    b = add(ddb, "Roe", "Frank", phones=[switchboard])
    scored = []

    def counting(x, y):
        scored.append((x, y))
        return score_pair(x, y)

    monkeypatch.setattr(duplicates, "score_pair", counting)
    [group] = groups(ddb)
    assert set(group.ids) == {a, b}
    assert len(scored) == 1  # not the 21 pairs of the whole block


def test_progress_and_cancel(ddb):
    add(ddb, "张", "三", phones=["138 0013 8000"])
    add(ddb, "张", "三", phones=["138 0013 8000"])
    seen = []
    assert len(groups(ddb, progress=lambda done, total: seen.append((done, total)))) == 1
    assert seen[-1] == (100, 100) and seen == sorted(seen)
    assert groups(ddb, cancelled=lambda: True) == []


def test_a_scan_lets_go_of_the_names_it_cached(ddb):
    add(ddb, "张", "三", phones=["138 0013 8000"], organization="Acme")
    add(ddb, "Zhang", "San", phones=["138 0013 8000"], organization="Acme")
    assert len(groups(ddb)) == 1
    # names repeat within a run, so they are cached there; afterwards they would only be held
    assert duplicates._name_shape.cache_info().currsize == 0
    assert duplicates._org_key.cache_info().currsize == 0
    assert groups(ddb, cancelled=lambda: True) == []
    assert duplicates._part_tokens.cache_info().currsize == 0


def test_phonetic_key():
    assert phonetic("jon") == phonetic("john") == "J500"
    assert phonetic("smith") == phonetic("smyth")
    assert phonetic("catherine") == phonetic("katherine")


def test_match_incoming_finds_the_best_existing_contact_per_record(ddb):
    acme = account(ddb, "Acme")
    zhang = add(ddb, "张", "三", phones=["138 0013 8000"])
    john = add(ddb, "Smith", "John", account_id=acme)
    li = add(ddb, "李", "四", emails=["li.si@example.com"])
    wang = add(ddb, "王", "伟")
    records = [
        ContactRecord(
            family_name="Zhang", given_name="San", phones=[PhoneRecord("+8613800138000")]
        ),
        ContactRecord(formatted_name="Jon Smith", organization="ACME"),
        ContactRecord(given_name="Somebody", emails=[EmailRecord("LI.SI@Example.COM")]),
        ContactRecord(
            family_name="Nobody", given_name="Here", phones=[PhoneRecord("139 9999 0000")]
        ),
        ContactRecord(formatted_name="Wang Wei"),
    ]
    with ddb.reading() as s:
        matches = match_incoming(s, records)
    assert len(matches) == len(records)
    first, second, third, fourth, fifth = matches
    assert (first.index, first.contact_id, first.strong, first.name) == (0, zhang, True, "张三")
    assert set(first.reasons) == {Reason.PHONE, Reason.NAME} and first.score == 80
    assert (second.contact_id, second.strong) == (john, True)
    assert set(second.reasons) == {Reason.SIMILAR_NAME, Reason.ORGANIZATION}
    # the email decides (strong), but the low score says the names differ
    assert (third.contact_id, third.strong, third.reasons) == (li, True, (Reason.EMAIL,))
    assert third.score < DUPLICATE_MIN_SCORE
    assert fourth is None
    assert (fifth.contact_id, fifth.strong, fifth.score) == (wang, False, 40)  # possible only
    with ddb.reading() as s:
        strict = match_incoming(s, records, min_score=DUPLICATE_MIN_SCORE)
    assert strict[4] is None and strict[0].contact_id == zhang


def test_match_incoming_reads_a_whole_name_in_one_field_either_way(ddb):
    """A file with the whole name in one field, given name first ("Wei Wang"), or with a
    comma ("Wang, Wei"), still finds 王伟."""
    wang = add(ddb, "王", "伟")
    records = [
        ContactRecord(given_name="Wei Wang"),
        ContactRecord(family_name="Wang, Wei"),
        ContactRecord(given_name="Wei  Wang "),
    ]
    with ddb.reading() as s:
        matches = match_incoming(s, records)
    assert [m.contact_id if m else None for m in matches] == [wang, wang, wang]


def test_match_incoming_with_nothing_to_match(ddb):
    with ddb.reading() as s:
        assert match_incoming(s, []) == []
        assert match_incoming(s, [ContactRecord(given_name="X")]) == [None]
