"""Bulk inserts store exactly what row-by-row inserts store, whichever way they go."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import event, text

from crmdesk.store import statements as bulk_insert
from crmdesk.store.statements import (
    ROWS_PER_STATEMENT,
    full_statement_rows,
    insert_rows,
    statement_sizes,
)

COLUMNS = ("a", "b", "c")
ROWS = {
    "text, integers and NULL": [
        ('张三 «quoted» "x" \\ back\nslash', 2**62, None),
        ("null", -7, True),
        ("", 0, False),
        ("😀 emoji and \u00e9", 1, '{"json": [1, 2]}'),
    ],
    "bytes and floats": [("photo", b"\x00\xff\x10", 0.1), ("x", 3, 1e300)],
}


def _stored(conn, table):
    return conn.exec_driver_sql(
        f"SELECT a, typeof(a), b, typeof(b), c, typeof(c) FROM {table} ORDER BY rowid"
    ).all()


@pytest.mark.parametrize("kind", ROWS)
def test_rows_are_stored_as_executemany_stores_them(db, kind):
    with db.engine.begin() as conn:
        for table in ("bulk", "one_by_one"):
            conn.exec_driver_sql(f"CREATE TABLE {table} (a TEXT, b INTEGER, c)")
        insert_rows(conn, "bulk", COLUMNS, ROWS[kind])
        conn.exec_driver_sql("INSERT INTO one_by_one VALUES (?, ?, ?)", ROWS[kind])
        assert _stored(conn, "bulk") == _stored(conn, "one_by_one")
        assert len(_stored(conn, "bulk")) == len(ROWS[kind])


def test_rows_go_in_a_few_multi_row_statements(db, monkeypatch):
    """One sqlite3_step per statement of many rows (the GIL is released during it), in a few
    shapes the connection compiles once."""
    monkeypatch.setattr(bulk_insert, "ROWS_PER_STATEMENT", 512)
    statements = []
    with db.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE bulk (a TEXT, b INTEGER, c)")
        event.listen(conn, "before_cursor_execute", lambda *a: statements.append(a[2]))
        insert_rows(conn, "bulk", COLUMNS, ROWS["text, integers and NULL"] * 500)
        assert conn.exec_driver_sql("SELECT count(*) FROM bulk").scalar() == 2000
    sizes = [sql.count("(?, ?, ?)") for sql in statements if sql.startswith("INSERT")]
    assert sizes == [512, 512, 512, 256, 128, 64, 16]


def test_a_full_statement_holds_as_many_rows_as_the_connection_allows(db):
    with db.engine.begin() as conn:
        assert full_statement_rows(conn, 27) == ROWS_PER_STATEMENT  # 32766 values allowed
        conn.connection.dbapi_connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 10)
        assert full_statement_rows(conn, 3) == 2  # 3 would fit; whole powers of two only


def test_a_statement_binds_no_more_values_than_the_connection_allows(db):
    rows = [(str(i), i, None) for i in range(50)]
    with db.engine.begin() as conn:
        conn.connection.dbapi_connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 10)
        conn.exec_driver_sql("CREATE TABLE bulk (a TEXT, b INTEGER, c)")
        insert_rows(conn, "bulk", COLUMNS, rows)
        assert conn.execute(text("SELECT a, b, c FROM bulk ORDER BY b")).all() == rows


@pytest.mark.parametrize("rows", [1, 2, 3, 255, 256, 257, 1000, 12345])
def test_statement_sizes_cover_the_rows_in_few_shapes(rows):
    sizes = statement_sizes(rows, 10_000)
    assert sum(sizes) == rows
    assert all(s & (s - 1) == 0 and s <= ROWS_PER_STATEMENT for s in sizes)
    assert len(set(sizes)) <= ROWS_PER_STATEMENT.bit_length()


def test_bulk_loading_turns_index_merging_off_and_back(db):
    from crmdesk.store import fulltext

    def settings(conn):
        return dict(conn.exec_driver_sql("SELECT k, v FROM search_fts_config").all())

    with db.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 8)")
        with fulltext.bulk_loading(conn):
            assert settings(conn)["automerge"] == 0 and settings(conn)["hashsize"] == 8 << 20
        assert settings(conn)["automerge"] == 8 and settings(conn)["hashsize"] == 1 << 20
        with pytest.raises(ValueError), fulltext.bulk_loading(conn):
            raise ValueError("the import failed")
        assert settings(conn)["automerge"] == 8
