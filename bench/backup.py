"""Backup and restore of a large database: prints {contacts, size_mb, backup_s, restore_s, …}
as JSON.

Without --db it builds a demo database of --size contacts (`crmdesk demo`), then times a
checked backup (online backup API + integrity_check of the copy), a restore of it (the current
file kept as a backup first, then the backup's pages copied into the live file), the quick
check every open runs, and `crmdesk check`'s full check.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from _memory import peak_rss_mb

from crmdesk.demo.build import build_demo
from crmdesk.services import backups
from crmdesk.store.db import Database
from crmdesk.store.files import sqlite_uri
from crmdesk.store.health import examine, quick_check


def _timed(work):
    start = time.perf_counter()
    value = work()
    return value, round(time.perf_counter() - start, 2)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, help="an existing crmdesk database (copied first)")
    parser.add_argument("--size", type=int, default=100_000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="crmdesk-bench-backup-"))
    try:
        path = work / "crm.sqlite3"
        build_s = None
        if args.db:
            shutil.copy(args.db, path)
        else:
            db = Database.open(path)
            _, build_s = _timed(lambda: build_demo(db, args.size))
            db.dispose()
        db = Database.open(path)
        with db.engine.connect() as conn:
            contacts = conn.exec_driver_sql("SELECT count(*) FROM contacts").scalar_one()
        made, backup_s = _timed(lambda: backups.backup_now(db))
        _, restore_s = _timed(lambda: backups.restore(db, made.path))
        db.dispose()
        with contextlib.closing(sqlite3.connect(sqlite_uri(path), uri=True)) as conn:
            ok, quick_s = _timed(lambda: quick_check(conn))
        health, check_s = _timed(lambda: examine(path))
        opened, open_s = _timed(lambda: Database.open(path))
        opened.dispose()
        print(json.dumps({
            "contacts": contacts,
            "size_mb": round(path.stat().st_size / 1e6, 1),
            "demo_build_s": build_s,
            "backup_s": backup_s,
            "restore_s": restore_s,
            "quick_check_s": quick_s,
            "quick_check_ok": ok,
            "full_check_s": check_s,
            "full_check_ok": health.ok,
            "open_s": open_s,
            "peak_rss_mb": peak_rss_mb(),
        }))  # fmt: skip
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
