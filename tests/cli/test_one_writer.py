"""One writer at a time: two crmdesk processes importing the same new file into one database
at once end with each contact once, and a waiting writer says why it waits."""

from __future__ import annotations

import csv
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import text

ROWS = 1500


def _csv(path, rows: int = ROWS):
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["First name", "Last name", "E-mail", "Mobile"])
        for n in range(rows):
            out.writerow([f"Given{n}", f"Family{n}", f"person{n}@example.org", f"+4930{n:07d}"])
    return path


def _start(*args: str) -> subprocess.Popen[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8"}
    if "PYTHONPATH" in os.environ:  # a run against another checkout
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    return subprocess.Popen(
        [sys.executable, "-m", "crmdesk", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_two_imports_at_once_create_each_contact_once(tmp_path, db):
    path = str(db.url.database)
    source = _csv(tmp_path / "people.csv")
    runs = [_start("--db", path, "import", str(source), "--json") for _ in range(2)]
    outcomes = [run.communicate(timeout=300) for run in runs]
    for run, (_out, err) in zip(runs, outcomes, strict=True):
        assert run.returncode == 0, err
        assert "Traceback" not in err
    with db.engine.connect() as conn:
        contacts = conn.execute(text("SELECT count(*) FROM contacts")).scalar()
        emails = conn.execute(
            text("SELECT count(*) - count(DISTINCT address) FROM emails")
        ).scalar()
    assert (contacts, emails) == (ROWS, 0)
    results = sorted(o[0] for o in outcomes)
    assert any(f'"duplicate": {ROWS}' in r for r in results), results


def test_a_second_writer_waits_with_a_message(tmp_path, db):
    """While one program holds the write lock, a CLI write waits and says who it waits for."""
    source = _csv(tmp_path / "few.csv", 3)
    from crmdesk.store.locking import WriteLock

    with WriteLock(Path(str(db.url.database)), "the test").held(1.0):
        run = _start("--db", str(db.path), "import", str(source))
        said = run.stderr.readline()  # the note it prints as it starts to wait (or EOF)
        time.sleep(0.5)
        assert run.poll() is None, run.communicate()  # still waiting
    out, err = run.communicate(timeout=120)
    assert run.returncode == 0, said + err
    assert f"process {os.getpid()}" in said and "waiting" in said
    assert "imported:" in out


def test_sqlites_own_lock_held_too_long_is_one_line(tmp_path, db):
    """Another program (not crmdesk) holds SQLite's write lock past the 5 s busy timeout."""
    source = _csv(tmp_path / "few.csv", 3)
    other = sqlite3.connect(str(db.url.database), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        run = _start("--db", str(db.url.database), "import", str(source))
        out, err = run.communicate(timeout=120)
    finally:
        other.rollback()
        other.close()
    assert run.returncode == 1, out + err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "locked by another program" in lines[0], err
    assert "Traceback" not in err and "INSERT" not in err


def test_an_import_re_plans_inside_its_write_transaction(tmp_path, db):
    """The window previews outside the lock; another process imports the same file before
    the user presses Import: the import finds the rows already there, not new."""
    from crmdesk.services import importing

    source = _csv(tmp_path / "same.csv", 50)
    batch = importing.read_contact_file(str(source), None)
    with db.reading() as session:
        assert importing.preview_contacts(session, batch).new == 50
    other = _start("--db", str(db.url.database), "import", str(source))
    assert other.wait(timeout=120) == 0
    with db.transaction() as session:
        result = importing.import_contacts(session, batch)
    assert (result.new, result.duplicate) == (0, 50)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM contacts")).scalar() == 50
