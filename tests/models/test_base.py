"""The column types every row relies on: UTC datetimes, exact money, time-ordered ids."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.exc import StatementError
from sqlalchemy.orm.exc import StaleDataError

from crmdesk.models import Contact
from crmdesk.models.base import Money, UTCDateTime, new_id


def test_ids_sort_in_the_order_they_were_made():
    ids = [new_id() for _ in range(50)]
    assert ids == sorted(ids) and ids[0].version == 7


def test_utc_datetimes_go_in_naive_utc_and_come_back_aware():
    kind = UTCDateTime()
    shanghai = dt.datetime(2024, 1, 1, 8, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    assert kind.process_bind_param(shanghai, None) == dt.datetime(2024, 1, 1, 0, 0)
    assert kind.process_result_value(dt.datetime(2024, 1, 1), None).tzinfo is dt.UTC
    with pytest.raises(ValueError, match="naive"):
        kind.process_bind_param(dt.datetime(2024, 1, 1), None)


def test_money_is_integer_units_both_ways():
    money = Money(scale=2)
    assert money.process_bind_param(Decimal("12.345"), None) == 1234
    assert money.process_bind_param(7, None) == 700
    assert money.process_result_value(1234, None) == Decimal("12.34")
    assert money.process_bind_param(None, None) is None


def test_a_naive_datetime_is_refused_by_the_database_layer(db, people):
    with pytest.raises(StatementError, match="naive"), db.reading() as session:
        session.execute(select(Contact).where(Contact.created_at < dt.datetime(2030, 1, 1)))


def test_a_stale_write_raises_instead_of_overwriting(db, people):
    with pytest.raises(StaleDataError), db.transaction() as first:
        stale = first.get(Contact, people["张三"])
        with db.transaction() as second:
            second.get(Contact, people["张三"]).title = "newer"
        stale.title = "older"
    with db.reading() as session:
        assert session.get(Contact, people["张三"]).title == "newer"
