"""The demo loader completes rows with the common columns and defaults, and writes them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from crmdesk.demo.loader import Loader, TableRows
from crmdesk.demo.rows import TagRow
from crmdesk.models import Contact, Phone, Tag


def test_entity_rows_get_their_times_from_the_id_then_version_and_defaults(db) -> None:
    with db.engine.connect() as conn:
        rows = TableRows(Tag.__table__, TagRow._fields, conn.dialect)
    assert rows.entity and rows.columns[:7] == (
        "id", "name", "color", "created_at", "updated_at", "deleted_at", "version",
    )  # fmt: skip
    ms = int(dt.datetime(2025, 3, 11, 10, tzinfo=dt.UTC).timestamp() * 1000)
    rows.rows.append((f"{ms:012x}7000800000000000000a", "VIP", "#fff"))
    (full,) = rows.take(everything=True)
    assert rows.written == 1 and not rows.rows
    assert full[3] == full[4] == "2025-03-11 10:00:00.000000"
    assert full[5:7] == (None, 1) and len(full) == len(rows.columns)


def test_rows_are_written_and_counted_and_indexes_come_back(db) -> None:
    def indexes(conn) -> list[str]:
        return conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contacts'"
            " AND sql IS NOT NULL ORDER BY name"
        ).scalars().all()

    with db.engine.connect() as conn, conn.begin():
        before = indexes(conn)
        loader = Loader(conn, False, None, None, ["tags", "contacts"])
        loader.open(Tag.__table__, TagRow._fields)
        loader.open(Contact.__table__, ("id", "family_name", "given_name"))
        ids = [f"0195820e7000700080000000{n:08x}" for n in range(1500)]
        loader.rows("tags").append((ids[0], "VIP", "#fff"))
        loader.rows("contacts").extend((i, "张", "三") for i in ids)
        loader.flush()
        assert before and not indexes(conn)  # dropped while loading
        loader.finish()
        assert indexes(conn) == before
        assert loader.counts() == {"tags": 1, "contacts": 1500}
        assert conn.execute(text("SELECT COUNT(*) FROM contacts")).scalar() == 1500


def test_a_table_nothing_refers_to_keeps_its_remainder_for_the_next_write(db) -> None:
    with db.engine.connect() as conn, conn.begin():
        loader = Loader(conn, False, None, None, ["tags", "contacts", "phones"])
        loader.open(Tag.__table__, TagRow._fields)
        loader.open(Contact.__table__, ("id", "family_name", "given_name"))
        loader.open(Phone.__table__, ("id", "contact_id", "kind", "number", "e164"))
        ids = [f"0195820e7000700080000000{n:08x}" for n in range(700)]
        loader.rows("tags").append((ids[0], "VIP", "#fff"))
        loader.rows("contacts").extend((i, "张", "三") for i in ids[1:])
        loader.rows("phones").extend(
            (f"0195820e7000700080000001{n:08x}", i, "mobile", "138", "+86138") for n, i in
            enumerate(ids[1:])
        )  # fmt: skip
        loader.flush()
        whole = loader.tables["phones"].statement_rows
        assert whole > 1 and loader.tables["contacts"].statement_rows == 1
        assert loader.counts() == {"tags": 1, "contacts": 699, "phones": 699 - 699 % whole}
        loader.finish()
        assert loader.counts()["phones"] == 699
