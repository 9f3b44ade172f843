"""The recycle bin's moves shared by every record kind, and the summary's top counts."""

from __future__ import annotations

from sqlalchemy import func, select

from crmdesk.models import Account, Contact
from crmdesk.services import records
from crmdesk.services.accounts import AccountDraft, save_account


def test_bin_moves_mark_and_unmark_and_purge_takes_only_binned_rows(db, people):
    zhang, smith = people["张三"], people["John Smith"]
    with db.transaction() as session:
        changes = records.move_to_bin(session, Contact, [zhang])
        assert changes.contacts == {zhang}
    with db.transaction() as session:
        records.purge_from_bin(session, Contact, [zhang, smith], ("phones", "emails"))
    with db.reading() as session:
        assert session.get(Contact, zhang) is None  # binned: gone for good
        assert session.get(Contact, smith) is not None  # live: left alone


def test_restore_brings_a_binned_record_back(db):
    with db.transaction() as session:
        account_id, _ = save_account(session, AccountDraft(name="云杉贸易"))
        records.move_to_bin(session, Account, [account_id])
    with db.transaction() as session:
        records.restore_from_bin(session, Account, [account_id])
    with db.reading() as session:
        assert session.get(Account, account_id).deleted_at is None


def test_top_counts_lists_the_most_common_values_first(db, people):
    with db.reading() as session:
        stmt = select(Contact.family_name, func.count()).group_by(Contact.family_name)
        top = records.top_counts(session, stmt, limit=2)
    assert len(top) == 2 and all(n == 1 for _, n in top)
