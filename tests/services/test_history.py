"""Undo over the change log: reverting insert, update and delete batches, history, recycle bin."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from crmdesk.core.errors import RecordNotFound
from crmdesk.interop.records import EmailRecord, PhoneRecord
from crmdesk.models import (
    Account,
    Activity,
    ChangeLogEntry,
    Contact,
    Opportunity,
    Phone,
    PipelineStage,
    Tag,
)
from crmdesk.models.changelog import (
    IMPLIED_BY_ENTRY,
    SNAPSHOT_FIELD,
    logged_value,
    session_batch,
    to_json_value,
)
from crmdesk.services.contacts import ContactDraft, delete_contacts, get_contact, save_contact
from crmdesk.services.history import (
    Conflict,
    deleted_count,
    deleted_records,
    recent_batches,
    restore,
    revert_batch,
)
from crmdesk.store.db import Database


@pytest.fixture
def hdb(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path / "t.db")
    yield database
    database.dispose()


def _last_batch(db: Database) -> uuid.UUID:
    with db.reading() as s:
        return s.scalars(
            select(ChangeLogEntry.batch_id)
            .order_by(ChangeLogEntry.at.desc(), ChangeLogEntry.id.desc())
            .limit(1)
        ).one()


def _new_contact(db: Database, **kw) -> uuid.UUID:
    draft = ContactDraft(
        family_name=kw.pop("family_name", "张"),
        given_name=kw.pop("given_name", "三"),
        phones=kw.pop("phones", [PhoneRecord("138 0013 8000")]),
        emails=kw.pop("emails", [EmailRecord("zhang@example.cn")]),
        **kw,
    )
    with db.transaction() as s:
        cid, _ = save_contact(s, draft)
    return cid


def test_revert_insert_soft_deletes_the_row_and_hard_deletes_its_phones(hdb):
    cid = _new_contact(hdb, tags=["VIP"])
    batch = _last_batch(hdb)
    with hdb.transaction() as s:
        result = revert_batch(s, batch)
    assert result.conflicts == ()
    assert cid in result.changes.contacts
    assert result.revert_batch_id != batch
    with hdb.reading() as s:
        contact = s.get(Contact, cid)
        assert contact.deleted_at is not None
        assert s.scalars(select(Phone).where(Phone.contact_id == cid)).all() == []
        # its tags are taken off, and the tag the batch created goes to the bin with it
        assert contact.tags == []
        assert s.scalars(select(Tag.deleted_at).where(Tag.name == "VIP")).one() is not None
        logged = s.scalars(
            select(ChangeLogEntry.action).where(ChangeLogEntry.batch_id == result.revert_batch_id)
        ).all()
    # the revert is its own logged batch, naming the batch it took back
    assert {"delete", "update", "revert"} == set(logged)


def test_reverting_the_revert_of_an_insert_brings_the_phones_back(hdb):
    cid = _new_contact(hdb, tags=["VIP"])
    with hdb.transaction() as s:
        undo = revert_batch(s, _last_batch(hdb))
    with hdb.transaction() as s:
        redo = revert_batch(s, undo.revert_batch_id)
    assert redo.conflicts == ()
    with hdb.reading() as s:
        detail = get_contact(s, cid)
    assert not detail.deleted
    assert [p.number for p in detail.draft.phones] == ["138 0013 8000"]
    assert detail.tags == ("VIP",)
    with hdb.reading() as s:
        assert s.scalars(select(Tag.deleted_at).where(Tag.name == "VIP")).one() is None


def test_revert_update_restores_values_of_every_column_type(hdb):
    with hdb.transaction() as s:
        account_a, account_b = Account(name="Acme"), Account(name="Beta")
        stage = PipelineStage(name="Lead")
        s.add_all([account_a, account_b, stage])
        s.flush()
        contact = Contact(
            family_name="Smith",
            given_name="John",
            birthday=dt.date(1980, 1, 2),
            account_id=account_a.id,
            photo=b"\x89PNG-old",
            notes="old",
        )
        s.add(contact)
        s.flush()
        activity = Activity(
            contact_id=contact.id, occurred_at=dt.datetime(2024, 5, 1, 9, 30, tzinfo=dt.UTC)
        )
        opp = Opportunity(name="Deal", stage_id=stage.id, amount=Decimal("1000.50"))
        s.add_all([activity, opp])
        s.flush()
        ids = contact.id, activity.id, opp.id, account_a.id, account_b.id
    cid, aid, oid, acc_a, acc_b = ids
    with hdb.transaction() as s:
        c = s.get(Contact, cid)
        c.birthday, c.account_id, c.photo, c.notes = dt.date(1990, 3, 4), acc_b, b"new", "new"
        c.preferred_channel = "email"
        c.tags = [Tag(name="Key")]
        s.get(Activity, aid).occurred_at = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
        s.get(Opportunity, oid).amount = Decimal("99.99")
        batch = session_batch(s)
    with hdb.transaction() as s:
        result = revert_batch(s, batch)
    assert result.conflicts == ()
    assert {cid} <= result.changes.contacts
    assert {acc_a, acc_b} <= result.changes.accounts
    assert aid in result.changes.activities and oid in result.changes.opportunities
    with hdb.reading() as s:
        c = s.get(Contact, cid)
        assert (c.birthday, c.account_id, c.photo, c.notes) == (
            dt.date(1980, 1, 2),
            acc_a,
            b"\x89PNG-old",
            "old",
        )
        assert c.preferred_channel is None
        assert c.tags == []
        when = s.get(Activity, aid).occurred_at
        assert when == dt.datetime(2024, 5, 1, 9, 30, tzinfo=dt.UTC) and when.tzinfo is not None
        assert s.get(Opportunity, oid).amount == Decimal("1000.50")
        # the tag the batch created is soft-deleted, as nothing uses it any more
        assert s.scalars(select(Tag.deleted_at).where(Tag.name == "Key")).one() is not None


def test_revert_update_keeps_a_later_edit_and_reports_the_conflict(hdb):
    cid = _new_contact(hdb, title="Engineer", notes="a")
    with hdb.transaction() as s:
        c = s.get(Contact, cid)
        c.title, c.notes = "Manager", "b"
        batch = session_batch(s)
    with hdb.transaction() as s:
        s.get(Contact, cid).title = "Director"
    with hdb.transaction() as s:
        result = revert_batch(s, batch)
    assert result.conflicts == (Conflict("contacts", cid, "title"),)
    with hdb.reading() as s:
        c = s.get(Contact, cid)
        assert (c.title, c.notes) == ("Director", "a")


def test_revert_of_two_flushes_to_one_field_in_one_batch_restores_the_first_value(hdb):
    cid = _new_contact(hdb, title="A")
    with hdb.transaction() as s:
        c = s.get(Contact, cid)
        c.title = "B"
        s.flush()
        c.title = "C"
        batch = session_batch(s)
    with hdb.transaction() as s:
        assert revert_batch(s, batch).conflicts == ()
    with hdb.reading() as s:
        assert s.get(Contact, cid).title == "A"


def test_revert_delete_batch_restores_and_recycle_bin(hdb):
    a = _new_contact(hdb)
    b = _new_contact(hdb, family_name="Smith", given_name="John")
    with hdb.transaction(actor="alice") as s:
        delete_contacts(s, [a, b])
        batch = session_batch(s)
    with hdb.reading() as s:
        binned = deleted_records(s, "contacts")
        assert deleted_count(s, "contacts") == 2
    assert {r.id for r in binned} == {a, b}
    assert {r.name for r in binned} == {"张三", "John Smith"}
    assert all(r.deleted_by == "alice" and r.merged_into is None for r in binned)
    with hdb.transaction() as s:
        result = revert_batch(s, batch)
    assert result.changes.contacts == {a, b} and result.reverted == 2
    with hdb.reading() as s:
        assert deleted_records(s, "contacts") == []


def test_restore_from_recycle_bin(hdb):
    a = _new_contact(hdb)
    with hdb.transaction() as s:
        delete_contacts(s, [a])
    with hdb.transaction() as s:
        changes = restore(s, "contacts", [a])
    assert changes.contacts == {a}
    with hdb.reading() as s:
        assert s.get(Contact, a).deleted_at is None
        assert deleted_count(s, "contacts") == 0


def test_revert_unknown_batch_is_a_known_error(hdb):
    with hdb.transaction() as s, pytest.raises(RecordNotFound):
        revert_batch(s, uuid.uuid4())


def test_recent_batches_describe_each_action(hdb):
    cid = _new_contact(hdb)
    with hdb.transaction(actor="bob") as s:
        s.get(Contact, cid).title = "Boss"
    with hdb.transaction() as s:
        delete_contacts(s, [cid])
    _new_contact(hdb, family_name="Smith", given_name="John")
    with hdb.reading() as s:
        batches = recent_batches(s, limit=10)
        mine = recent_batches(s, limit=10, entity="contacts", entity_id=cid)
    assert [b.description for b in batches] == [
        "Created contact John Smith",
        "Deleted contact 张三",
        "Edited contact 张三: title",
        "Created contact 张三",
    ]
    assert batches[2].actor == "bob" and batches[2].actions == 1
    assert "phones" in batches[3].entities and "contacts" in batches[3].entities
    assert [b.description for b in mine] == [b.description for b in batches[1:]]
    with hdb.reading() as s:
        assert len(recent_batches(s, limit=2)) == 2


def test_history_names_the_owner_of_an_edited_phone(hdb):
    cid = _new_contact(hdb)
    with hdb.transaction() as s:
        draft = get_contact(s, cid).draft
        draft.phones = [PhoneRecord("139 1234 5678")]
        save_contact(s, draft)
    with hdb.reading() as s:
        assert recent_batches(s, limit=1)[0].description == "Edited contact 张三: phones"


def test_a_photo_change_logs_the_old_photo_and_undo_brings_it_back(hdb: Database):
    with hdb.transaction() as s:
        contact = Contact(family_name="曾", given_name="伟", photo=b"old-jpeg")
        s.add(contact)
        s.flush()
        cid = contact.id
    with hdb.transaction() as s:
        s.get(Contact, cid).photo = b"new-jpeg"
        batch = session_batch(s)
    with hdb.reading() as s:
        entry = s.scalars(select(ChangeLogEntry).where(ChangeLogEntry.batch_id == batch)).one()
        assert (entry.field, entry.old) == ("photo", {"base64": "b2xkLWpwZWc="})
    with hdb.transaction() as s:
        revert_batch(s, batch)
    with hdb.reading() as s:
        assert s.get(Contact, cid).photo == b"old-jpeg"


def test_a_large_batch_is_summarised_from_counts(hdb: Database, monkeypatch):
    """An import logs a million entries: the history counts them in SQL instead of loading."""
    from crmdesk.services import batches

    with hdb.transaction() as s:
        for given in ("一", "二", "三"):
            save_contact(
                s,
                ContactDraft(
                    family_name="张", given_name=given, phones=[PhoneRecord("13800138000")]
                ),
            )
    with hdb.reading() as s:
        [small] = recent_batches(s, limit=1)
    monkeypatch.setattr(batches, "LARGE_BATCH", 1)
    with hdb.reading() as s:
        [large] = recent_batches(s, limit=1)
    assert small.description == large.description == "Created 3 contacts"
    assert (large.batch_id, large.actions, large.at) == (small.batch_id, small.actions, small.at)
    assert not large.is_merge


def test_an_insert_entry_keeps_what_is_not_a_default_and_reads_back_whole(hdb):
    draft = ContactDraft(family_name="李", given_name="四", phones=[PhoneRecord("13900001111")])
    with hdb.transaction() as session:
        contact_id, _ = save_contact(session, draft)
    with hdb.reading() as session:
        contact = session.get(Contact, contact_id)
        logged = session.scalars(
            select(ChangeLogEntry.new).where(
                ChangeLogEntry.entity_id == contact_id, ChangeLogEntry.field == SNAPSHOT_FIELD
            )
        ).one()
        assert logged["family_name"] == "李" and "deleted_at" not in logged
        assert not IMPLIED_BY_ENTRY & logged.keys()
        for column in Contact.__table__.columns:
            if column.key not in IMPLIED_BY_ENTRY:
                value = logged_value(Contact.__table__, logged, column.key)
                assert value == to_json_value(getattr(contact, column.key)), column.key


# --- what was taken back, and an import as one entry ----------------------------------------


def test_an_undo_links_the_change_it_took_back_and_a_redo_brings_it_back_into_effect(hdb):
    from crmdesk.core.errors import KnownError
    from crmdesk.services.history import taken_back

    cid = _new_contact(hdb)
    with hdb.transaction() as s:
        draft = get_contact(s, cid).draft
        draft.title = "CFO"
        save_contact(s, draft)
    edit = _last_batch(hdb)
    with hdb.transaction() as s:
        undo = revert_batch(s, edit).revert_batch_id
    with hdb.reading() as s:
        assert taken_back(s, [edit, undo]) == {edit}
        newest = recent_batches(s, limit=2)
        assert newest[0].description == "Undid: Edited contact 张三: title"
        assert newest[1].undone and not newest[0].undone
    with pytest.raises(KnownError, match="already been taken back"), hdb.transaction() as s:
        revert_batch(s, edit)
    with hdb.transaction() as s:
        redo = revert_batch(s, undo).revert_batch_id
    with hdb.reading() as s:
        assert taken_back(s, [edit, undo, redo]) == {undo}
        assert recent_batches(s, limit=1)[0].description == "Redid: Edited contact 张三: title"
        assert get_contact(s, cid).draft.title == "CFO"


def test_an_import_is_one_history_entry_named_by_its_file_and_counts(hdb, tmp_path):
    from crmdesk.services.importing import import_contacts, read_contact_file

    source = tmp_path / "fair.csv"
    source.write_text("Name,Phone\nAnna Berg,+46 8 123 456\nLi Lei,13900139000\n", "utf-8")
    with hdb.transaction() as s:
        import_contacts(s, read_contact_file(source))
    with hdb.reading() as s:
        [entry] = recent_batches(s, limit=1)
        assert entry.description == "Imported fair.csv: created 2 contacts"
    with hdb.transaction() as s:
        result = revert_batch(s, entry.batch_id)
    assert len(result.changes.contacts) == 2
    with hdb.reading() as s:
        assert recent_batches(s, limit=1)[0].description == (
            "Undid: Imported fair.csv: created 2 contacts"
        )


def test_a_large_import_goes_to_the_bin_in_sql_and_a_redo_brings_it_back_whole(
    hdb, tmp_path, monkeypatch
):
    from crmdesk.services import history
    from crmdesk.services.importing import import_contacts, read_contact_file

    monkeypatch.setattr(history, "LARGE_BATCH", 3)
    source = tmp_path / "fair.csv"
    source.write_text(
        "Name,Phone,Company\nAnna Berg,+46 8 123 456,Nordic AB\nLi Lei,13900139000,星光\n", "utf-8"
    )
    with hdb.transaction() as s:
        imported = import_contacts(s, read_contact_file(source))
        batch = session_batch(s)
    created = imported.changes.contacts
    with hdb.transaction() as s:
        undo = revert_batch(s, batch)
    assert undo.changes.contacts == created and undo.conflicts == () and undo.gone == 0
    assert undo.reverted == undo.attempted
    with hdb.reading() as s:
        assert deleted_count(s, "contacts") == 2 and deleted_count(s, "accounts") == 2
        logged = s.execute(
            select(ChangeLogEntry.action, ChangeLogEntry.field).where(
                ChangeLogEntry.batch_id == undo.revert_batch_id,
                ChangeLogEntry.entity == "contacts",
            )
        ).all()
        assert sorted(logged) == [("delete", "deleted_at")] * 2
        versions = s.scalars(select(Contact.version).where(Contact.id.in_(created))).all()
        assert versions == [2, 2]
    with hdb.transaction() as s:
        redo = revert_batch(s, undo.revert_batch_id)
    assert redo.changes.contacts == created
    with hdb.reading() as s:
        assert deleted_count(s, "contacts") == 0
        phones = [p.number for c in created for p in get_contact(s, c).draft.phones]
        assert sorted(phones) == ["+46 8 123 456", "13900139000"]
