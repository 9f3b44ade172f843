"""The file crmdesk is given: damaged pages, odd names, things that are not databases, empty
files. Each is one line on stderr, exit status 1, and the file is left as it was."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from crmdesk.store.db import Database

ENV = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8"}
if "PYTHONPATH" in os.environ:  # a run against another checkout
    ENV["PYTHONPATH"] = os.environ["PYTHONPATH"]


def crmdesk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "crmdesk", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=ENV,
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_clear_line(result: subprocess.CompletedProcess[str], *words: str) -> None:
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1, result.stdout + result.stderr
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in ("SELECT", "INSERT", "sqlalchemy", "[SQL"):
        assert word not in result.stderr, result.stderr
    for word in words:
        assert word in lines[0], lines[0]


def _damage(path: Path, table: str) -> None:
    """Overwrite the table's root page with junk (the WAL folded in first)."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()[0]
    with path.open("r+b") as f:
        f.seek((root - 1) * size)
        f.write(bytes((n * 37 + 11) % 256 for n in range(size)))


@pytest.fixture
def damaged(request, tmp_path, db, people):
    path = Path(str(db.url.database))
    db.dispose()
    _damage(path, request.param)
    return path


VERBS = [
    ("info",),
    ("contacts", "list"),
    ("export", "contacts", "-o", "OUT.vcf"),
    ("duplicates",),
    ("import", "SRC", "--dry-run"),
    ("import", "SRC"),
]


@pytest.mark.parametrize("damaged", ["contacts", "phones", "search_fts_data"], indirect=True)
def test_a_damaged_file_is_one_line_and_never_written(tmp_path, damaged):
    source = tmp_path / "new.csv"
    source.write_text("First name,Last name,E-mail\nNew,Person,new@example.org\n" * 3)
    before = digest(damaged)
    for verb in VERBS:
        args = [
            str(tmp_path / "out.vcf") if a == "OUT.vcf" else str(source) if a == "SRC" else a
            for a in verb
        ]
        result = crmdesk("--db", str(damaged), *args)
        one_clear_line(result, "damaged")
    assert digest(damaged) == before
    assert not (tmp_path / "out.vcf").exists()
    checked = crmdesk("--db", str(damaged), "check")
    assert checked.returncode == 1 and "damaged" in checked.stdout
    assert "backup restore" in checked.stdout and "--salvage" in checked.stdout


@pytest.mark.parametrize("name", ["x#y", "what?", "100%", "a%25b"])
def test_an_odd_folder_name_keeps_a_foreign_file_untouched(tmp_path, name):
    folder = tmp_path / name
    folder.mkdir()
    foreign = folder / "places.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    before = digest(foreign)
    result = crmdesk("--db", str(foreign), "info")
    one_clear_line(result, "not a crmdesk database")
    assert digest(foreign) == before
    assert sorted(p.name for p in tmp_path.rglob("*")) == sorted([name, "places.sqlite"])


@pytest.mark.parametrize("name", ["crm#1.sqlite3", "crm%25.sqlite3", "what?.sqlite3"])
def test_an_odd_file_name_opens_and_reopens(tmp_path, name):
    path = tmp_path / name
    assert crmdesk("--db", str(path), "info").returncode == 0
    again = crmdesk("--db", str(path), "info", "--json")
    assert again.returncode == 0, again.stderr
    assert '"contacts": 0' in again.stdout


@pytest.mark.parametrize(
    ("target", "words"),
    [
        ("DIR", "is a folder"),
        ("/dev/null", "not a regular file"),
        ("/proc/self/status", "not an SQLite file"),
        ("postgresql://u@localhost/crm", "No driver for postgresql"),
        ("nosuch://x", "not a kind of database"),
    ],
)
def test_other_db_values_are_one_line_saying_what_to_do(tmp_path, target, words):
    result = crmdesk("--db", str(tmp_path) if target == "DIR" else target, "info")
    one_clear_line(result, words)
    assert sorted(tmp_path.iterdir()) == []


def test_an_empty_file_needs_create(tmp_path):
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    one_clear_line(crmdesk("--db", str(empty), "info"), "empty file", "--create")
    assert empty.stat().st_size == 0
    bare = tmp_path / "bare.sqlite3"
    sqlite3.connect(bare).execute("PRAGMA user_version = 0").connection.close()
    bare.write_bytes(bare.read_bytes())  # a header, no tables
    if bare.stat().st_size:
        before = digest(bare)
        one_clear_line(crmdesk("--db", str(bare), "info"), "--create")
        assert digest(bare) == before
    assert crmdesk("--db", str(empty), "--create", "info").returncode == 0
    assert crmdesk("--db", str(empty), "info").returncode == 0  # ours now


def test_a_file_made_by_crmdesk_opens_without_create(tmp_path):
    path = tmp_path / "ours.sqlite3"
    Database.open(path).dispose()
    assert crmdesk("--db", str(path), "info").returncode == 0
