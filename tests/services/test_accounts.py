"""Accounts through the service: save, validate, stale edits, filters, sorting, the bin
(deleted for good too), the summary of a filter and industry codes."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from crmdesk.core.errors import StaleRecordError, ValidationError
from crmdesk.interop.records import AddressRecord, EmailRecord, PhoneRecord
from crmdesk.models import Account, Address, Contact
from crmdesk.models.enums import Industry, ValueTier, industry_code
from crmdesk.services.accounts import (
    AccountDraft,
    AccountFilter,
    AccountSort,
    account_choices,
    account_ids,
    account_rows,
    account_summary,
    count_accounts,
    delete_accounts,
    get_account,
    purge_accounts,
    restore_accounts,
    save_account,
)
from crmdesk.services.contacts import get_contact, save_contact


def test_purging_an_account_keeps_its_contacts_without_it(db, people):
    with db.transaction() as session:
        account_id, _ = save_account(
            session, AccountDraft(name="星辰", addresses=[AddressRecord(city="广州")])
        )
        draft = get_contact(session, people["张三"]).draft
        draft.account_id = account_id
        save_contact(session, draft)
    with db.transaction() as session:
        assert purge_accounts(session, [account_id]).accounts == frozenset()  # live: kept
        delete_accounts(session, [account_id])
    with db.transaction() as session:
        changes = purge_accounts(session, [account_id])
    assert account_id in changes.accounts and people["张三"] in changes.contacts
    with db.reading() as session:
        assert session.get(Account, account_id) is None
        assert session.scalar(select(func.count()).where(Address.account_id == account_id)) == 0
        assert session.get(Contact, people["张三"]).account_id is None


def test_the_industry_filter_and_summary_read_codes_and_older_words(db):
    with db.transaction() as session:
        save_account(session, AccountDraft(name="甲", industry="Manufacturing"))
        save_account(session, AccountDraft(name="乙", industry="manufacturing"))
        save_account(session, AccountDraft(name="丙", industry="Shipbuilding"))
    with db.reading() as session:
        found = account_ids(session, AccountFilter(industry=Industry.MANUFACTURING))
        assert len(found) == 2
        assert account_summary(session, AccountFilter()).count == 3
    assert industry_code("Public sector") is Industry.PUBLIC_SECTOR
    assert industry_code("Shipbuilding") is None


@pytest.fixture
def accounts(db, people):
    drafts = {
        "huaxin": AccountDraft(
            name="  华新科技有限公司 ",
            industry="软件",
            value_tier=ValueTier.VIP,
            owner="王经理",
            phones=[PhoneRecord("010 6543 2100")],
            emails=[EmailRecord("info@huaxin.cn")],
            addresses=[AddressRecord(city="北京"), AddressRecord()],
            tags=["重点客户", "重点客户", " "],
        ),
        "acme": AccountDraft(
            name="Acme Ltd", industry="Retail", addresses=[AddressRecord(city="London")]
        ),
        "zeta": AccountDraft(name="Zeta GmbH", industry="Auto"),
    }
    ids = {}
    with db.transaction() as session:
        for key, draft in drafts.items():
            ids[key], changes = save_account(session, draft)
            assert ids[key] in changes.accounts
        session.get(Contact, people["张三"]).account_id = ids["huaxin"]
    return ids


def test_a_saved_account_reads_back_trimmed_with_its_points(db, accounts):
    with db.reading() as session:
        detail = get_account(session, accounts["huaxin"])
    draft = detail.draft
    assert draft.name == "华新科技有限公司"
    assert [p.number for p in draft.phones] == ["010 6543 2100"]
    assert [a.city for a in draft.addresses] == ["北京"]  # the empty address is dropped
    assert draft.tags == ["重点客户"]
    assert detail.contacts == 1 and not detail.deleted


def test_a_name_is_required(db):
    with db.transaction() as session, pytest.raises(ValidationError) as caught:
        save_account(session, AccountDraft(name="  ", emails=[EmailRecord("not-an-address")]))
    assert [e.field for e in caught.value.errors] == ["name", "emails.0"]


def test_an_edit_of_an_old_version_is_refused(db, accounts):
    with db.reading() as session:
        first = get_account(session, accounts["acme"]).draft
    with db.transaction() as session:
        first.notes = "one"
        save_account(session, first)
    with db.transaction() as session, pytest.raises(StaleRecordError):
        first.notes = "two"
        save_account(session, first)


def test_rows_sorting_and_filters(db, accounts):
    with db.reading() as session:
        by_name = account_ids(session, sort=AccountSort.NAME)
        assert by_name[0] == accounts["acme"] and by_name[-1] == accounts["zeta"]
        assert account_ids(session, sort=AccountSort.NAME, descending=True) == by_name[::-1]
        assert account_ids(session, AccountFilter(value_tier=ValueTier.VIP)) == [accounts["huaxin"]]
        assert account_ids(session, AccountFilter(city="London")) == [accounts["acme"]]
        assert account_ids(session, AccountFilter(tag="重点客户")) == [accounts["huaxin"]]
        assert account_ids(session, AccountFilter(owner="王经理")) == [accounts["huaxin"]]
        assert account_ids(session, AccountFilter(search="huaxin")) == [accounts["huaxin"]]
        assert count_accounts(session) == 3
        rows = account_rows(session, [accounts["zeta"], accounts["huaxin"]])
    assert [r.name for r in rows] == ["Zeta GmbH", "华新科技有限公司"]
    assert (rows[1].city, rows[1].contacts) == ("北京", 1)


def test_delete_and_restore_change_only_what_they_must(db, accounts):
    with db.transaction() as session:
        assert delete_accounts(session, [accounts["zeta"]]).accounts == {accounts["zeta"]}
    with db.transaction() as session:
        assert delete_accounts(session, [accounts["zeta"]]).is_empty  # already in the bin
    with db.reading() as session:
        assert count_accounts(session) == 2
        assert account_ids(session, AccountFilter(deleted=True)) == [accounts["zeta"]]
        assert get_account(session, accounts["zeta"]).deleted
    with db.transaction() as session:
        assert restore_accounts(session, [accounts["zeta"]]).accounts == {accounts["zeta"]}
    with db.reading() as session:
        assert count_accounts(session) == 3


def test_choices_are_live_accounts_by_name_and_search(db, accounts):
    with db.transaction() as session:
        delete_accounts(session, [accounts["zeta"]])
    with db.reading() as session:
        assert [n for _, n in account_choices(session)] == ["Acme Ltd", "华新科技有限公司"]
        assert account_choices(session, "acme") == [(accounts["acme"], "Acme Ltd")]
        assert account_choices(session, limit=1) == [(accounts["acme"], "Acme Ltd")]
