"""The contact service against a real SQLite file: lists, search, writes, soft delete."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from crmdesk.core.errors import StaleRecordError, ValidationError
from crmdesk.interop.records import EmailRecord, PhoneRecord
from crmdesk.models import ChangeLogEntry
from crmdesk.services.contacts import (
    ContactDraft,
    ContactFilter,
    ContactSort,
    contact_ids,
    contact_rows,
    delete_contacts,
    facets,
    get_contact,
    restore_contacts,
    save_contact,
)


def names(db, flt=None, **kw):
    with db.reading() as s:
        return [r.name for r in contact_rows(s, contact_ids(s, flt or ContactFilter(), **kw))]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zhangsan", ["张三"]),
        ("zs", ["张三"]),
        ("张三", ["张三"]),
        ("张", ["张三"]),
        ("zhang san", ["张三"]),
        ("ouyang", ["欧阳娜娜"]),
        ("oynn", ["欧阳娜娜"]),
        ("娜娜", ["欧阳娜娜"]),
        ("nana", ["欧阳娜娜"]),
        ("zhang.san@exa", ["张三"]),
        ("acme.com", ["John Smith"]),
        ("0013", ["张三"]),
        ("8000", ["张三"]),
        ("138 0013", ["张三"]),
        ("+86 139", ["欧阳娜娜"]),
        ("1234", ["Anna Müller", "欧阳娜娜"]),
        ("muller", ["Anna Müller"]),
        ("Müller", ["Anna Müller"]),
        ("北京", ["张三"]),
        ("朝阳", ["张三"]),
        ("london", ["John Smith"]),
        ("重点", ["张三"]),
        ("jo sm", ["John Smith"]),
        ("nobody", []),
        ("销售", ["张三"]),
    ],
)
def test_search_finds_by_pinyin_initials_chinese_email_phone_city_and_tag(
    db, people, query, expected
):
    assert sorted(names(db, ContactFilter(search=query))) == sorted(expected)


def test_list_sorts_chinese_names_by_pinyin_among_latin_names(db, people):
    assert names(db) == ["Anna Müller", "欧阳娜娜", "John Smith", "张三"]
    assert names(db, sort=ContactSort.NAME, descending=True)[0] == "张三"


def test_filters_by_tag_and_city(db, people):
    assert names(db, ContactFilter(tag="重点客户")) == ["张三"]
    assert names(db, ContactFilter(city="London")) == ["John Smith"]
    with db.reading() as s:
        f = facets(s)
    assert "重点客户" in f.tags and {"北京", "London"} <= set(f.cities)


def test_edit_is_change_logged_and_reindexed(db, people):
    with db.reading() as s:
        draft = get_contact(s, people["张三"]).draft
    draft.given_name = "三丰"
    with db.transaction() as s:
        save_contact(s, draft)
    with db.reading() as s:
        entry = s.execute(
            select(ChangeLogEntry.old, ChangeLogEntry.new, ChangeLogEntry.action).where(
                ChangeLogEntry.entity_id == people["张三"], ChangeLogEntry.field == "given_name"
            )
        ).one()
    assert tuple(entry) == ("三", "三丰", "update")
    assert names(db, ContactFilter(search="zhangsanf")) == ["张三丰"]
    assert names(db, ContactFilter(search="sanfeng")) == ["张三丰"]


def test_stale_edit_is_refused_and_changes_nothing(db, people):
    with db.reading() as s:
        first = get_contact(s, people["John Smith"]).draft
        second = get_contact(s, people["John Smith"]).draft
    first.title = "CEO"
    with db.transaction() as s:
        save_contact(s, first)
    second.title = "CTO"
    with pytest.raises(StaleRecordError), db.transaction() as s:
        save_contact(s, second)
    with db.reading() as s:
        assert get_contact(s, people["John Smith"]).draft.title == "CEO"


def test_invalid_fields_are_named_and_nothing_is_written(db, people):
    bad = ContactDraft(
        given_name="Bad", phones=[PhoneRecord("12ab")], emails=[EmailRecord("nope@")]
    )
    with pytest.raises(ValidationError) as caught, db.transaction() as s:
        save_contact(s, bad)
    assert {e.field for e in caught.value.errors} == {"phones.0", "emails.0"}
    assert "Bad" not in names(db)


def test_soft_delete_goes_to_recycle_bin_and_restores(db, people):
    victim = people["欧阳娜娜"]
    with db.transaction() as s:
        assert delete_contacts(s, [victim]).contacts == {victim}
    assert "欧阳娜娜" not in names(db)
    assert names(db, ContactFilter(deleted=True)) == ["欧阳娜娜"]
    with db.transaction() as s:
        restore_contacts(s, [victim])
    assert "欧阳娜娜" in names(db)
    with db.reading() as s:
        actions = list(
            s.scalars(
                select(ChangeLogEntry.action)
                .where(ChangeLogEntry.entity_id == victim, ChangeLogEntry.field == "deleted_at")
                .order_by(ChangeLogEntry.at)
            )
        )
    assert actions == ["delete", "restore"]


def test_phones_emails_addresses_round_trip_with_normalised_keys(db, people):
    with db.reading() as s:
        detail = get_contact(s, people["张三"])
    assert [p.number for p in detail.draft.phones] == ["138 0013 8000"]
    assert detail.draft.addresses[0].city == "北京"
    assert detail.display_name == "张三" and detail.tags == ("重点客户",)
    from crmdesk.models import Phone

    with db.reading() as s:
        assert (
            s.scalar(select(Phone.e164).where(Phone.contact_id == people["张三"]))
            == "+8613800138000"
        )


def test_purging_removes_a_binned_contact_and_everything_of_theirs(db, people):
    from sqlalchemy import func, select, text

    from crmdesk.models import Address, Contact, Email, Phone
    from crmdesk.services.contacts import delete_contacts, purge_contacts

    zhang, john = people["张三"], people["John Smith"]
    with db.transaction() as session:
        assert purge_contacts(session, [zhang]).contacts == frozenset()  # live: left alone
        delete_contacts(session, [zhang])
    with db.transaction() as session:
        changes = purge_contacts(session, [zhang, john])
    assert changes.contacts == frozenset({zhang})
    with db.reading() as session:
        for model in (Phone, Email, Address):
            assert session.scalar(select(func.count()).where(model.contact_id == zhang)) == 0
        assert session.get(Contact, zhang) is None
        assert session.get(Contact, john) is not None
        refs = session.execute(text("SELECT ref FROM search_refs")).scalars().all()
        assert zhang.hex not in refs and john.hex in refs
    assert names(db, ContactFilter(search="zhangsan")) == []


def test_the_summary_counts_what_the_filter_selects(db, people):
    from crmdesk.services.contacts import contact_summary

    with db.reading() as session:
        found = contact_summary(session, ContactFilter())
        assert (found.count, found.with_phone, found.with_email) == (4, 3, 2)
        assert dict(found.cities) == {"北京": 1, "London": 1}
        assert contact_summary(session, ContactFilter(city="London")).count == 1


def test_a_lunar_birthday_is_a_month_and_a_day_or_nothing() -> None:
    from crmdesk.services.contacts import lunar_birthday_problem

    assert lunar_birthday_problem("") is None
    assert lunar_birthday_problem("08-15") is None
    assert lunar_birthday_problem("12-30") is None
    assert lunar_birthday_problem("08-00") == "Choose the day of the lunar birthday too."
    assert lunar_birthday_problem("00-15") == "Choose the month of the lunar birthday too."
    for wrong in ("13-01", "01-31", "8-15", "闰8-15"):
        assert lunar_birthday_problem(wrong) == (
            "A lunar birthday is a month (1–12) and a day (1–30)."
        )
