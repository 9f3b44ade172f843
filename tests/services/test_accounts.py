"""Accounts in the recycle bin deleted for good; the summary of a filter; industry codes."""

from __future__ import annotations

from sqlalchemy import func, select

from crmdesk.interop.records import AddressRecord
from crmdesk.models import Account, Address, Contact
from crmdesk.models.enums import Industry, industry_code
from crmdesk.services.accounts import (
    AccountDraft,
    AccountFilter,
    account_ids,
    account_summary,
    delete_accounts,
    purge_accounts,
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
