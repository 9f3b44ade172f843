"""`crmdesk backup now|list|restore` and `crmdesk check`: copies of the file, and its health."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any

from crmdesk.cli import output
from crmdesk.core.errors import KnownError
from crmdesk.core.texts import translatable
from crmdesk.services import backups
from crmdesk.store.backup import copy_facts, default_backup_folder
from crmdesk.store.db import Database
from crmdesk.store.health import examine, salvage


def register(verbs: Any) -> None:
    backup = verbs.add_parser("backup", help="back the database up, list backups, restore one")
    what = backup.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=type(backup)
    )
    now = what.add_parser("now", help="make a checked copy now")
    now.add_argument("--to", metavar="DIR", help="folder (default: the chosen or beside the file)")
    now.add_argument("--json", action="store_true")
    now.set_defaults(handler=_now)
    listed = what.add_parser("list", help="backups of this database, newest first")
    listed.add_argument("--from", dest="folder", metavar="DIR", help="folder to look in")
    listed.add_argument("--json", action="store_true", help="one JSON object a backup")
    listed.set_defaults(handler=_list)
    daily = what.add_parser("daily", help="the day's backup, if none was made today (for cron)")
    daily.add_argument("--json", action="store_true")
    daily.set_defaults(handler=_daily)
    chosen = what.add_parser("settings", help="show or change where backups go, how many kept")
    chosen.add_argument("--folder", metavar="DIR", help='backup folder ("" = beside the file)')
    chosen.add_argument("--automatic", choices=("on", "off"), help="the daily backup at start")
    for kind in ("daily", "weekly", "monthly"):
        chosen.add_argument(f"--{kind}", type=int, metavar="N", help=f"{kind} backups kept")
    chosen.add_argument("--json", action="store_true")
    chosen.set_defaults(handler=_settings)
    restore = what.add_parser("restore", help="put a backup's contents back (current kept)")
    restore.add_argument("file", help="the backup file")
    restore.add_argument("--yes", action="store_true", help="restore without asking")
    restore.add_argument("--json", action="store_true")
    restore.set_defaults(handler=_restore, takes_target=True)

    check = verbs.add_parser("check", help="check the file and its search index; what to do")
    check.add_argument(
        "--salvage", metavar="NEW_FILE", help="copy what can be read into a new file"
    )
    check.add_argument("--json", action="store_true")
    check.set_defaults(handler=_check, takes_target=True)


def _facts(b: backups.Backup) -> dict[str, Any]:
    return {
        "path": str(b.path),
        "time": b.made.isoformat(sep=" "),
        "reason": b.reason,
        "size": b.size,
        "contacts": b.contacts,
        "accounts": b.accounts,
    }


def _now(db: Database, args: argparse.Namespace) -> int:
    made = backups.backup_now(db, Path(args.to).expanduser() if args.to else None)
    if not args.to:
        backups.rotate(db)
    if args.json:
        output.print_json(_facts(made))
    else:
        print(f"backed up {made.contacts} contacts to {made.path} ({made.size} bytes, checked)")
    return 0


def _daily(db: Database, args: argparse.Namespace) -> int:
    made = backups.daily_backup(db)
    if args.json:
        output.print_json(_facts(made) if made else {"made": None})
    elif made is None:
        output.note("crmdesk: no backup needed (made today already, or switched off)")
    else:
        print(f"backed up {made.contacts} contacts to {made.path} ({made.size} bytes, checked)")
    return 0


def _settings(db: Database, args: argparse.Namespace) -> int:
    changes: dict[str, Any] = {
        name: getattr(args, name)
        for name in ("folder", "daily", "weekly", "monthly")
        if getattr(args, name) is not None
    }
    if args.folder:
        changes["folder"] = str(Path(args.folder).expanduser().absolute())
    if args.automatic is not None:
        changes["automatic"] = args.automatic == "on"
    chosen = backups.backup_settings(db)
    if changes:
        chosen = dataclasses.replace(chosen, **changes)
        with db.transaction() as session:
            backups.save_backup_settings(session, chosen)
    facts = dataclasses.asdict(chosen) | {"folder_used": str(backups.backup_folder(db, chosen))}
    output.show_facts(facts, args.json)
    return 0


def _list(db: Database, args: argparse.Namespace) -> int:
    found = backups.list_backups(db, Path(args.folder).expanduser() if args.folder else None)
    for b in found:
        if args.json:
            output.print_json(_facts(b))
        else:
            print(f"{b.path}\t{b.made:%Y-%m-%d %H:%M:%S}\t{b.size}\t{b.contacts} contacts")
    if not args.json:
        output.note(f"{len(found)} backup(s)")
    return 0


def _target_file(target: str | Path) -> Path:
    if "://" in str(target) and not str(target).startswith("sqlite:"):
        raise KnownError(
            translatable("Messages", "Only a database file can be checked or restored.")
        )
    return Path(str(target).removeprefix("sqlite:///")).expanduser().absolute()


def _restore(target: str | Path, args: argparse.Namespace) -> int:
    database = _target_file(target)
    shown = backups.preview(Path(args.file))
    if not args.yes:
        output.note(
            f"crmdesk: {shown.path.name} holds {shown.contacts} contacts and {shown.accounts} "
            f"accounts ({shown.made:%Y-%m-%d %H:%M}). Run again with --yes to put it in place of "
            f"{database} (which is kept as a backup first)."
        )
        return 1
    folder = default_backup_folder(database)
    try:  # the folder the user chose, if the file can tell
        db = Database.open(database, upgrade=False)
        try:
            folder = backups.backup_folder(db)
        finally:
            db.dispose()
    except Exception:
        pass
    kept = backups.restore_file(database, Path(args.file), folder)
    if args.json:
        output.print_json({"restored": str(args.file), "kept": str(kept.path)})
    else:
        print(
            f"restored {shown.contacts} contacts from {args.file}; the file as it was: {kept.path}"
        )
    return 0


def _check(target: str | Path, args: argparse.Namespace) -> int:
    database = _target_file(target)
    if not database.is_file():
        raise KnownError(translatable("Messages", "%1 does not exist."), values=(database,))
    if args.salvage:
        saved = Path(args.salvage).expanduser()
        way = salvage(database, saved)
        saved_facts = copy_facts(saved)
        how = "SQLite's .recover" if way == "recover" else "a copy of the rows still readable"
        print(
            f"salvaged {saved_facts.contacts} contacts and {saved_facts.accounts} accounts into "
            f"{saved} ({how}); look at it with: crmdesk --db {saved} info"
        )
        return 0
    health = examine(database)
    facts = {
        "database": str(database),
        "integrity": health.integrity[0] if health.integrity == ["ok"] else "damaged",
        "search_index": "ok" if health.search_index == "ok" else "damaged",
    }
    if not health.ok:
        facts["what_to_do"] = (
            f"restore a backup (crmdesk --db {database} backup list, then backup restore FILE), "
            f"or salvage: crmdesk --db {database} check --salvage NEW_FILE"
        )
    output.show_facts(facts, args.json)
    return 0 if health.ok else 1
