"""vCards keep what they say: a card's FN (when it is more than its N composed) is the name the
contact shows, and its UID is kept, written on export and matched first when the card comes back."""

from __future__ import annotations

import sqlite3

from alembic import command
from sqlalchemy import select

from crmdesk.interop.vcard import read_vcards
from crmdesk.interop.vcard_writer import write_vcards
from crmdesk.models import Contact
from crmdesk.services.contacts import ContactFilter, contact_ids, contact_rows, get_contact
from crmdesk.services.exporting import contact_records
from crmdesk.services.importing import import_contacts, preview_contacts, read_contact_data
from crmdesk.store.db import Database, _alembic_config

CARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:urn:uuid:5f1c2c3e-1111-4a4a-9b9b-0123456789ab\r\n"
    "N:Li;Lei;;;\r\nFN:Dr. Lei \"Ray\" Li\r\nTEL;TYPE=CELL:13800138000\r\nEND:VCARD\r\n"
)


def _import(db, data: bytes):
    batch = read_contact_data(data, "card.vcf")
    with db.transaction() as session:
        preview = preview_contacts(session, batch)
        result = import_contacts(session, batch)
    return preview, result


def test_a_card_whose_fn_differs_from_its_n_shows_its_fn(db):
    _, result = _import(db, CARD.encode())
    (cid,) = result.changes.contacts
    with db.reading() as session:
        detail = get_contact(session, cid)
        (row,) = contact_rows(session, [cid])
    assert detail.display_name == row.name == 'Dr. Lei "Ray" Li'
    assert (detail.draft.family_name, detail.draft.given_name) == ("Li", "Lei")


def test_a_card_whose_fn_is_its_n_keeps_no_separate_name(db):
    card = CARD.replace('FN:Dr. Lei "Ray" Li', "FN:Lei Li")
    _import(db, card.encode())
    with db.reading() as session:
        (shown,) = session.scalars(select(Contact.formatted_name)).all()
    assert shown == ""


def test_the_uid_is_kept_exported_and_matched_first_when_the_card_comes_back(db):
    _, first = _import(db, CARD.encode())
    (cid,) = first.changes.contacts
    with db.reading() as session:
        (exported,) = contact_records(session, [cid])
    out = write_vcards([exported]).decode()
    assert "UID:urn:uuid:5f1c2c3e-1111-4a4a-9b9b-0123456789ab" in out
    assert 'FN:Dr. Lei "Ray" Li' in out
    # the same card, its number and name changed on the phone: an update, not a new contact
    again = CARD.replace("13800138000", "13900139000").replace("N:Li;Lei", "N:Li;Leo")
    preview, _ = _import(db, again.encode())
    assert (preview.new, preview.updated) == (0, 1)
    with db.reading() as session:
        assert contact_ids(session, ContactFilter()) == [cid]
        phones = [p.number for p in get_contact(session, cid).draft.phones]
    assert phones == ["13800138000", "13900139000"]
    assert read_vcards(out.encode())[0].uid == "urn:uuid:5f1c2c3e-1111-4a4a-9b9b-0123456789ab"


def test_a_file_from_before_is_upgraded_with_room_for_the_card_s_name_and_uid(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = Database.open(path)
    command.downgrade(_alembic_config(db.engine), "0001_baseline")  # as the baseline left it
    db.dispose()
    with sqlite3.connect(path) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(contacts)")}
        assert "uid" not in columns and "formatted_name" not in columns
    db = Database.open(path)
    with db.transaction() as session:
        session.add(Contact(given_name="Lei", uid="u-1", formatted_name="Lei the Ray"))
    with db.reading() as session:
        assert session.scalars(select(Contact.uid)).all() == ["u-1"]
    db.dispose()
