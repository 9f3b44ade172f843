"""0016_product_category: a file at 0015 keeps its products, each now with an empty category,
and the new column is indexed."""

from __future__ import annotations

import sqlite3
import uuid

from alembic import command
from sqlalchemy import create_engine

from crmdesk.services import products
from crmdesk.store import db as dbm
from crmdesk.store.db import Database
from tests.store.test_event_contacts_migration import insert


def test_a_file_at_0015_keeps_its_products_and_gains_a_category(tmp_path):
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    command.upgrade(dbm._alembic_config(engine), "0015_event_contacts")
    engine.dispose()
    pump, valve = uuid.uuid4(), uuid.uuid4()
    with sqlite3.connect(path) as conn:
        columns = [r[1] for r in conn.execute("PRAGMA table_info(products)")]
        assert "category" not in columns
        insert(conn, "products", id=pump.hex, code="P-100", name="水泵 / Pump", unit="台",
               price=1_000_000, cost=0, tax_rate=0, currency="CNY", active=1)  # fmt: skip
        insert(conn, "products", id=valve.hex, code="P-200", name="阀门 / Valve", unit="个",
               price=2_000_000, cost=0, tax_rate=0, currency="CNY", active=0)  # fmt: skip
    db = Database.open(path)  # upgrades on open
    try:
        with db.reading() as session:
            rows = products.products(session)
        assert [(r.id, r.code, r.name, r.unit, r.price, r.active, r.category) for r in rows] == [
            (pump, "P-100", "水泵 / Pump", "台", 100, True, ""),
            (valve, "P-200", "阀门 / Valve", "个", 200, False, ""),
        ]
        draft = rows[0].draft
        draft.category = "泵 / Pumps"
        with db.transaction() as session:
            products.save_product(session, draft)
        with db.reading() as session:
            assert [r.category for r in products.products(session)] == ["泵 / Pumps", ""]
    finally:
        db.dispose()
    with sqlite3.connect(path) as conn:
        head = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        indexes = [r[1] for r in conn.execute("PRAGMA index_list(products)")]
    assert head == ("0016_product_category",)
    assert "ix_products_category" in indexes
