"""Merging duplicate contacts and accounts, and taking merges back exactly."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from crmdesk.core.errors import KnownError, ValidationError
from crmdesk.models import (
    Account,
    Activity,
    Address,
    Base,
    CalendarEvent,
    ChangeLogEntry,
    Contact,
    Email,
    Opportunity,
    Order,
    Phone,
    PipelineStage,
    SatisfactionSurvey,
    ServiceCase,
    Tag,
)
from crmdesk.models.enums import ChangeAction
from crmdesk.services.history import Conflict, deleted_records, recent_batches
from crmdesk.services.merge import BOTH, merge_accounts, merge_contacts, unmerge
from crmdesk.services.normalize import normalize_email, phone_e164
from crmdesk.store.db import Database

_VOLATILE = {"updated_at", "version"}


@pytest.fixture
def mdb(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path / "t.db")
    yield database
    database.dispose()


def _phone(number: str, position: int = 0, primary: bool = False) -> Phone:
    return Phone(number=number, e164=phone_e164(number), position=position, is_primary=primary)


def _email(address: str, position: int = 0) -> Email:
    return Email(address=address, normalized=normalize_email(address), position=position)


@pytest.fixture
def pair(mdb: Database) -> dict[str, Any]:
    """张三 (survivor) and 'Zhang San' (duplicate) with related rows of every kind."""
    with mdb.transaction() as s:
        acme, other = Account(name="Acme 有限公司"), Account(name="Other")
        stage = PipelineStage(name="Lead")
        vip, new_tag = Tag(name="VIP"), Tag(name="Imported")
        s.add_all([acme, other, stage, vip, new_tag])
        s.flush()
        survivor = Contact(
            family_name="张",
            given_name="三",
            sort_key="zhang san",
            title="",
            notes="met at fair",
            account_id=acme.id,
            phones=[_phone("138 0013 8000", primary=True)],
            emails=[_email("zhang.san@example.cn")],
            tags=[vip],
        )
        loser = Contact(
            family_name="Zhang",
            given_name="San",
            sort_key="zhang san",
            title="Sales Manager",
            notes="called twice",
            birthday=dt.date(1985, 6, 1),
            account_id=other.id,
            phones=[_phone("+86 13800138000", primary=True), _phone("139 1234 5678", 1)],
            emails=[_email("Zhang.San@Example.CN"), _email("zs@private.cn", 1)],
            addresses=[Address(city="北京", street="朝阳路1号")],
            tags=[vip, new_tag],
        )
        bystander = Contact(family_name="李", given_name="四", sort_key="li si")
        s.add_all([survivor, loser, bystander])
        s.flush()
        at = dt.datetime(2024, 3, 1, 9, tzinfo=dt.UTC)
        related = [
            Activity(contact_id=loser.id, occurred_at=at, subject="call 1"),
            Activity(contact_id=loser.id, occurred_at=at, subject="call 2"),
            Activity(contact_id=survivor.id, occurred_at=at, subject="own"),
            Opportunity(
                name="Deal", contact_id=loser.id, stage_id=stage.id, amount=Decimal("12.50")
            ),
            CalendarEvent(title="Visit", contact_id=loser.id, starts_at=at),
            Order(account_id=other.id, contact_id=loser.id, ordered_on=dt.date(2024, 1, 5)),
            ServiceCase(contact_id=loser.id, subject="broken", opened_at=at),
            SatisfactionSurvey(contact_id=loser.id, surveyed_on=dt.date(2024, 2, 1)),
            Activity(contact_id=bystander.id, occurred_at=at, subject="other person"),
        ]
        s.add_all(related)
        s.flush()
        return {
            "survivor": survivor.id,
            "loser": loser.id,
            "bystander": bystander.id,
            "acme": acme.id,
            "other": other.id,
        }


def full_snapshot(db: Database) -> dict[str, list[tuple]]:
    """Every row of every table (but the log), without the columns every write bumps."""
    out = {}
    with db.reading() as s:
        for table in Base.metadata.sorted_tables:
            if table.name == "change_log":
                continue
            cols = [c for c in table.columns if c.name not in _VOLATILE]
            rows = s.execute(select(*cols)).all()
            out[table.name] = sorted((tuple(r) for r in rows), key=repr)
    return out


def test_merge_moves_everything_to_the_survivor(mdb, pair):
    survivor, loser = pair["survivor"], pair["loser"]
    with mdb.transaction() as s:
        result = merge_contacts(
            s, survivor, [loser], {"title": loser, "notes": BOTH, "family_name": survivor}
        )
    assert result.survivor_id == survivor and result.loser_ids == (loser,)
    assert result.moved == {
        "phones": 1,
        "emails": 1,
        "addresses": 1,
        "activities": 2,
        "calendar_events": 1,
        "opportunities": 1,
        "orders": 1,
        "service_cases": 1,
        "satisfaction_surveys": 1,
    }
    assert {survivor, loser} <= result.changes.contacts
    assert len(result.changes.activities) == 2 and len(result.changes.orders) == 1
    with mdb.reading() as s:
        c = s.get(Contact, survivor)
        assert (c.family_name, c.given_name, c.title) == ("张", "三", "Sales Manager")
        assert c.notes == "met at fair\n\ncalled twice"
        assert c.birthday == dt.date(1985, 6, 1)  # blank on the survivor: filled from the loser
        assert c.account_id == pair["acme"]  # not blank: kept
        assert sorted(t.name for t in c.tags) == ["Imported", "VIP"]
        phones = [(p.e164, p.is_primary, p.position) for p in c.phones]
        assert phones == [("+8613800138000", True, 0), ("+8613912345678", False, 1)]
        assert [e.address for e in c.emails] == ["zhang.san@example.cn", "zs@private.cn"]
        assert [a.city for a in c.addresses] == ["北京"]
        for model in (Activity, CalendarEvent, Opportunity, Order, ServiceCase):
            assert s.scalars(select(model).where(model.contact_id == loser)).all() == []
        assert len(s.scalars(select(Activity).where(Activity.contact_id == survivor)).all()) == 3
        assert s.get(Contact, loser).deleted_at is not None
        assert s.get(Contact, pair["bystander"]).deleted_at is None
        merges = s.scalars(
            select(ChangeLogEntry).where(
                ChangeLogEntry.batch_id == result.batch_id,
                ChangeLogEntry.action == ChangeAction.MERGE,
                ChangeLogEntry.field == "merged_into",
            )
        ).all()
        assert [(m.entity, m.entity_id, m.new) for m in merges] == [
            ("contacts", loser, str(survivor))
        ]
        [binned] = deleted_records(s, "contacts")
        assert (binned.id, binned.merged_into) == (loser, survivor)
        [summary] = recent_batches(s, limit=1)
    assert summary.is_merge and summary.batch_id == result.batch_id
    assert summary.description == "Merged 1 contact into 张三"


def test_unmerge_restores_every_row_exactly(mdb, pair):
    before = full_snapshot(mdb)
    with mdb.transaction() as s:
        merged = merge_contacts(s, pair["survivor"], [pair["loser"]], {"title": pair["loser"]})
    assert full_snapshot(mdb) != before
    with mdb.transaction() as s:
        result = unmerge(s, merged.batch_id)
    assert result.conflicts == ()
    assert {pair["survivor"], pair["loser"]} <= result.changes.contacts
    assert full_snapshot(mdb) == before
    with mdb.reading() as s:
        assert deleted_records(s, "contacts") == []
        unmerges = s.scalars(
            select(ChangeLogEntry.entity_id).where(
                ChangeLogEntry.batch_id == result.revert_batch_id,
                ChangeLogEntry.action == ChangeAction.UNMERGE,
            )
        ).all()
        assert unmerges == [pair["loser"]]
        assert recent_batches(s, limit=1)[0].description == "Unmerged contact San Zhang"
    with mdb.transaction() as s, pytest.raises(KnownError, match="already"):
        unmerge(s, merged.batch_id)


def test_unmerge_keeps_a_later_edit_and_reports_the_conflict(mdb, pair):
    survivor, loser = pair["survivor"], pair["loser"]
    with mdb.transaction() as s:
        merged = merge_contacts(s, survivor, [loser], {"title": loser})
    with mdb.transaction() as s:
        s.get(Contact, survivor).title = "Regional Director"
    with mdb.transaction() as s:
        result = unmerge(s, merged.batch_id)
    assert result.conflicts == (Conflict("contacts", survivor, "title"),)
    with mdb.reading() as s:
        assert s.get(Contact, survivor).title == "Regional Director"
        assert s.get(Contact, loser).deleted_at is None
        assert len(s.scalars(select(Activity).where(Activity.contact_id == loser)).all()) == 2
        assert [p.e164 for p in s.get(Contact, survivor).phones] == ["+8613800138000"]


def test_merge_of_three_and_its_unmerge(mdb, pair):
    with mdb.transaction() as s:
        third = Contact(family_name="张", given_name="三", sort_key="zhang san")
        third.phones = [_phone("010 6512 3456")]
        s.add(third)
        s.flush()
        third_id = third.id
    before = full_snapshot(mdb)
    with mdb.transaction() as s:
        merged = merge_contacts(s, pair["survivor"], [pair["loser"], third_id])
    with mdb.reading() as s:
        assert len(s.get(Contact, pair["survivor"]).phones) == 3
        assert {r.id for r in deleted_records(s)} == {pair["loser"], third_id}
    with mdb.transaction() as s:
        unmerge(s, merged.batch_id)
    assert full_snapshot(mdb) == before


def test_merge_refuses_bad_requests(mdb, pair):
    survivor, loser = pair["survivor"], pair["loser"]
    with mdb.transaction() as s, pytest.raises(KnownError, match=r"^A contact cannot be merged"):
        merge_contacts(s, survivor, [survivor])
    with mdb.transaction() as s, pytest.raises(KnownError, match=r"^Choose at least one other"):
        merge_contacts(s, survivor, [])
    with mdb.transaction() as s, pytest.raises(ValidationError):
        merge_contacts(s, survivor, [loser], {"title": pair["bystander"]})
    with mdb.transaction() as s, pytest.raises(ValidationError):
        merge_contacts(s, survivor, [loser], {"id": loser})
    missing = uuid.uuid4()
    with mdb.transaction() as s, pytest.raises(KnownError, match=rf"^No contact with id {missing}"):
        merge_contacts(s, survivor, [missing])
    with mdb.transaction() as s, pytest.raises(KnownError, match=r"^An account cannot be merged"):
        merge_accounts(s, missing, [missing])
    with mdb.transaction() as s, pytest.raises(KnownError, match="not a merge"):
        unmerge(s, uuid.uuid4())


def test_merge_accounts_moves_contacts_and_orders_and_unmerges(mdb, pair):
    before = full_snapshot(mdb)
    with mdb.transaction() as s:
        merged = merge_accounts(s, pair["acme"], [pair["other"]], {"name": pair["acme"]})
    assert merged.moved["contacts"] == 1 and merged.moved["orders"] == 1
    with mdb.reading() as s:
        assert s.get(Contact, pair["loser"]).account_id == pair["acme"]
        assert s.scalars(select(Order.account_id)).all() == [pair["acme"]]
        assert s.get(Account, pair["other"]).deleted_at is not None
    with mdb.transaction() as s:
        assert unmerge(s, merged.batch_id).conflicts == ()
    assert full_snapshot(mdb) == before
