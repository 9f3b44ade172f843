"""SIGKILL a crmdesk process at a random moment of a write and check what is left.

Shared by tests/store/test_crash.py (a few kills at small sizes) and bench/crash.py (many, at
large sizes). Each trial copies a prepared database, starts one operation in its own process
(the CLI's `import` and `export`, or a merge and a batch edit through the services, as the
window runs them), kills it after a random delay, and checks the file: integrity_check is ok,
the operation is all there or not at all (what a finished run committed is there), and an
export file is absent or whole."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
KINDS = ("import", "merge", "batch_edit", "export")

_MERGE = """
import sys, uuid
from sqlalchemy import select
from crmdesk.models import Contact
from crmdesk.services.merge import merge_contacts
from crmdesk.store.db import Database
db = Database.open(sys.argv[1])
with db.transaction() as s:
    ids = s.scalars(select(Contact.id).where(Contact.deleted_at.is_(None))
                    .order_by(Contact.id).limit(int(sys.argv[2]) + 1)).all()
    merge_contacts(s, ids[0], ids[1:])
"""

_BATCH_EDIT = """
import sys
from sqlalchemy import select
from crmdesk.models import Contact
from crmdesk.services.contacts import delete_contacts
from crmdesk.store.db import Database
db = Database.open(sys.argv[1])
with db.transaction() as s:
    ids = s.scalars(select(Contact.id).where(Contact.deleted_at.is_(None))).all()
    delete_contacts(s, ids)
"""


def prepare(folder: Path, contacts: int, imported: int) -> Path:
    """A demo database of `contacts` contacts and a CSV of `imported` new ones, in `folder`."""
    base = folder / "base.sqlite3"
    _crmdesk("demo", "--size", str(contacts), "--db", str(base))
    lines = ["First Name,Last Name,E-mail 1 - Value,Phone 1 - Value,Organization 1 - Name"]
    lines += [
        f"Crash{i},Tester{i},crash{i}@example.com,138{i:08d},Kill Co {i % 97}"  # all distinct
        for i in range(imported)
    ]
    (folder / "new.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with sqlite3.connect(base) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return base


def _crmdesk(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "crmdesk", *args], check=True, capture_output=True,
                   cwd=REPO, timeout=600)  # fmt: skip


def _command(kind: str, db: Path, folder: Path, size: int) -> list[str]:
    python = [sys.executable]
    if kind == "import":
        return [*python, "-m", "crmdesk", "import", str(folder / "new.csv"), "--db", str(db)]
    if kind == "export":
        out = folder / "out.xlsx"
        return [*python, "-m", "crmdesk", "export", "contacts", "-f", "xlsx", "-o", str(out),
                "--db", str(db)]  # fmt: skip
    script = _MERGE if kind == "merge" else _BATCH_EDIT
    return [*python, "-c", script, str(db), str(size)]


@dataclass(frozen=True)
class Trial:
    kind: str
    delay: float
    finished: bool  # the process ended before the kill
    state: str  # "none" (nothing of it visible) or "all"
    problems: tuple[str, ...]


def state(db: Path) -> dict[str, int]:
    """What the checks compare: live and binned contacts, merged-away ones, the log."""
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA query_only = 1")
        one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "integrity": one("PRAGMA integrity_check") == "ok",
            "live": one("SELECT count(*) FROM contacts WHERE deleted_at IS NULL"),
            "binned": one("SELECT count(*) FROM contacts WHERE deleted_at IS NOT NULL"),
            "crash_rows": one("SELECT count(*) FROM contacts WHERE given_name LIKE 'Crash%'"),
            "log": one("SELECT count(*) FROM change_log"),
        }


def trial(kind: str, base: Path, folder: Path, delay: float, size: int) -> Trial:
    """One kill: copy `base`, run `kind`, SIGKILL it after `delay` s, check what is left."""
    db = folder / f"trial-{kind}.sqlite3"
    for leftover in folder.glob(f"trial-{kind}.sqlite3*"):
        leftover.unlink()
    out = folder / "out.xlsx"
    out.unlink(missing_ok=True)
    shutil.copy(base, db)
    before = state(db)
    proc = subprocess.Popen(_command(kind, db, folder, size), cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)  # fmt: skip
    time.sleep(delay)
    finished = proc.poll() is not None
    if not finished:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    after = state(db)
    problems, done = _judge(kind, before, after, out, size)
    if not after["integrity"]:
        problems.append("integrity_check failed")
    if finished and proc.returncode == 0 and not done:
        problems.append("a finished run's changes are missing")
    return Trial(kind, delay, finished, "all" if done else "none", tuple(problems))


def _judge(kind: str, before: dict, after: dict, out: Path, size: int) -> tuple[list[str], bool]:
    """(problems, whether the operation is wholly there); partway is a problem."""
    problems: list[str] = []
    if kind == "import":
        new = after["crash_rows"] - before["crash_rows"]
        done = new == size
        if new not in (0, size):
            problems.append(f"partial import: {new} of {size} rows")
    elif kind == "merge":
        gone = before["live"] - after["live"]
        done = gone == size
        if gone not in (0, size):
            problems.append(f"partial merge: {gone} of {size}")
    elif kind == "batch_edit":
        done = after["live"] == 0
        if after["live"] not in (0, before["live"]):
            problems.append(f"partial batch edit: {after['live']} left of {before['live']}")
    else:
        done = out.exists()
        if done:
            problems += _whole_export(out, before["live"])
        if after != before:
            problems.append("an export changed the database")
    return problems, done


def _whole_export(out: Path, contacts: int) -> list[str]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(out, read_only=True)
        rows = sum(1 for _ in book.worksheets[0].iter_rows()) - 1
        book.close()
    except Exception as exc:  # a half-written file is what this looks for
        return [f"half export: {exc}"]
    return [] if rows == contacts else [f"export holds {rows} of {contacts} contacts"]


def full_run(kind: str, base: Path, folder: Path, size: int) -> float:
    """Seconds one unkilled run of `kind` takes (the kills are spread over it)."""
    db = folder / f"trial-{kind}.sqlite3"
    shutil.copy(base, db)
    start = time.perf_counter()
    proc = subprocess.run(_command(kind, db, folder, size), cwd=REPO, capture_output=True,
                          timeout=600)  # fmt: skip
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    return time.perf_counter() - start


def kills(kind: str, base: Path, folder: Path, size: int, count: int, seed: int) -> list[Trial]:
    """`count` trials of `kind`, killed at delays spread over one full run's time."""
    rng = random.Random(seed)
    longest = full_run(kind, base, folder, size)
    return [trial(kind, base, folder, rng.uniform(0.05, longest * 1.1), size)
            for _ in range(count)]  # fmt: skip
