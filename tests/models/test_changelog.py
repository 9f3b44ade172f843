"""The change log: one entry per field written, in one batch per transaction, as JSON."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import select

from crmdesk.models import ChangeLogEntry, Contact
from crmdesk.models.changelog import SNAPSHOT_FIELD, logged_value, to_json_value
from crmdesk.models.enums import ChangeAction
from crmdesk.services.tags import set_tags


def entries(db, entity_id):
    with db.reading() as session:
        found = session.scalars(
            select(ChangeLogEntry)
            .where(ChangeLogEntry.entity_id == entity_id)
            .order_by(ChangeLogEntry.id)
        ).all()
        session.expunge_all()
        return found


def test_json_values_of_every_stored_type():
    key = uuid.UUID(int=1)
    assert to_json_value(key) == str(key)
    assert to_json_value(dt.date(2024, 1, 2)) == "2024-01-02"
    assert to_json_value(Decimal("1.50")) == "1.50"
    assert to_json_value(b"\x00\xff") == {"base64": "AP8="}
    assert to_json_value((key, 1, None)) == [str(key), 1, None]
    assert to_json_value({"at": dt.date(2024, 1, 2)}) == {"at": "2024-01-02"}
    with pytest.raises(TypeError, match="no JSON form"):
        to_json_value(object())


def test_an_insert_keeps_what_is_not_a_default(db, people):
    insert, tags = entries(db, people["张三"])  # the tags are a link, logged as an update
    assert (tags.field, tags.batch_id) == ("tags", insert.batch_id)
    assert (insert.action, insert.field, insert.old) == (ChangeAction.INSERT, SNAPSHOT_FIELD, None)
    assert insert.new["family_name"] == "张" and "id" not in insert.new
    assert logged_value(Contact.__table__, insert.new, "nickname") == ""


def test_an_update_logs_old_and_new_and_a_delete_its_own_action(db, people):
    zhang = people["张三"]
    with db.transaction() as session:
        contact = session.get(Contact, zhang)
        contact.title = "总经理"
        contact.nickname = "小张"
    with db.transaction() as session:
        session.get(Contact, zhang).deleted_at = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    log = entries(db, zhang)[2:]
    edits = {(e.field, e.old, e.new) for e in log if e.action == ChangeAction.UPDATE}
    assert edits == {("title", "销售经理", "总经理"), ("nickname", "", "小张")}
    assert len({e.batch_id for e in log if e.action == ChangeAction.UPDATE}) == 1
    (delete,) = [e for e in log if e.action == ChangeAction.DELETE]
    assert delete.batch_id != log[0].batch_id and delete.old is None


def test_tag_changes_are_logged_as_sorted_id_lists(db, people):
    with db.transaction() as session:
        contact = session.get(Contact, people["John Smith"])
        set_tags(session, contact, ["b", "a"])
    (tags,) = [e for e in entries(db, people["John Smith"]) if e.field == "tags"]
    assert tags.old == [] and len(tags.new) == 2 and tags.new == sorted(tags.new)


def test_replacing_an_unread_photo_logs_the_old_one(db, people):
    with db.transaction() as session:
        session.get(Contact, people["欧阳娜娜"]).photo = b"old"
    with db.transaction() as session:
        session.get(Contact, people["欧阳娜娜"]).photo = b"new"  # the deferred column unread
    (photo,) = [e for e in entries(db, people["欧阳娜娜"]) if e.field == "photo" and e.old]
    assert photo.old == to_json_value(b"old") and photo.new == to_json_value(b"new")
