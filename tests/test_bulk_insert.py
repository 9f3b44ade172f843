"""Bulk inserts store exactly what row-by-row inserts store, whichever way they go."""

from __future__ import annotations

import pytest
from sqlalchemy import event, text

from crmdesk.bulk_insert import insert_rows

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


def test_plain_rows_go_in_one_statement_run(db):
    """The point of the JSON form: one sqlite3_step for the chunk (the GIL is released)."""
    statements = []
    with db.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE bulk (a TEXT, b INTEGER, c)")
        event.listen(conn, "before_cursor_execute", lambda *a: statements.append(a[2]))
        insert_rows(conn, "bulk", COLUMNS, ROWS["text, integers and NULL"] * 500)
        assert len(statements) == 1 and "json_each" in statements[0]
        assert conn.exec_driver_sql("SELECT count(*) FROM bulk").scalar() == 2000


def test_a_value_json_cannot_carry_falls_back_to_executemany(db):
    with db.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE bulk (a TEXT, b INTEGER, c)")
        insert_rows(conn, "bulk", COLUMNS, [("x", 2**63 - 1, None), ("y", 1, b"")])
        assert conn.execute(text("SELECT b, c FROM bulk")).all() == [(2**63 - 1, None), (1, b"")]


def test_values_every_row_shares_are_bound_once(db):
    """Only varying columns travel in the JSON (SQLite parses a row again for each value)."""
    statements = []
    rows = [("same", i, None) for i in range(3)] + [("same", 3, True)]
    with db.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE bulk (a TEXT, b INTEGER, c)")
        conn.exec_driver_sql("CREATE TABLE one_by_one (a TEXT, b INTEGER, c)")
        event.listen(conn, "before_cursor_execute", lambda *a: statements.append(a[2:4]))
        insert_rows(conn, "bulk", COLUMNS, rows)
        insert_rows(conn, "bulk", COLUMNS, [("one", 1, None)])
        conn.exec_driver_sql("INSERT INTO one_by_one VALUES (?, ?, ?)", [*rows, ("one", 1, None)])
        assert _stored(conn, "bulk") == _stored(conn, "one_by_one")
    sql, params = statements[0]
    assert "?2" in sql and params[1:] == ("same",) and "same" not in params[0]
    assert statements[1][1][1:] == ("one", 1, None)  # a single row: every value shared


def test_bulk_loading_turns_index_merging_off_and_back(db):
    from crmdesk import fulltext

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
