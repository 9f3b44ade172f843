"""`crmdesk import`, `export` and `duplicates`: data in and out of the database, and its doubles.

The services load on use, so `crmdesk info` need not import openpyxl.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crmdesk.cli import output
from crmdesk.cli.output import print_json, progress_line, to_jsonable
from crmdesk.core.errors import KnownError
from crmdesk.store.db import Database

if TYPE_CHECKING:
    from crmdesk.services import importing


def register(verbs: Any) -> None:
    imp = verbs.add_parser(
        "import", help="preview, then import a contact, order or calendar file"
    )
    imp.add_argument(
        "file", help=".vcf, .csv/.txt, .xlsx or .ics (a calendar is known by its content)"
    )
    imp.add_argument("--kind", choices=("contacts", "orders", "events"), default=None,
                     help="what the file holds (default: events for iCalendar, else contacts)")
    imp.add_argument(
        "--mapping", metavar="JSON", help="column mapping for CSV/Excel: JSON text or a .json file"
    )
    imp.add_argument("--dry-run", action="store_true", help="preview only, change nothing")
    imp.add_argument(
        "--allow-rejected", action="store_true", help="skip rows that cannot be imported"
    )
    imp.add_argument(
        "--allow-unmatched", action="store_true", help="orders: skip rows matching no account"
    )
    imp.add_argument("--json", action="store_true", help="JSON lines: the preview, the result")
    imp.set_defaults(handler=_import)

    exp = verbs.add_parser("export", help="write contacts to a vCard, CSV or Excel file")
    what = exp.add_subparsers(dest="noun", metavar="WHAT", required=True, parser_class=type(exp))
    contacts = what.add_parser("contacts", help="export contacts (all, or those searched)")
    contacts.add_argument(
        "--format", "-f", default="vcf", help="vcf (vCard 3.0), vcf4, csv or xlsx"
    )
    contacts.add_argument("--output", "-o", metavar="FILE", required=True)
    contacts.add_argument("--search", "-s", default="", help="only the contacts this finds")
    contacts.add_argument("--json", action="store_true")
    contacts.set_defaults(handler=_export_contacts)
    from crmdesk.cli.documents import add_export_verbs  # labels, envelopes, report
    from crmdesk.cli.events import add_export_parser

    add_export_verbs(what)
    add_export_parser(what, "events")

    dup = verbs.add_parser("duplicates", help="find groups of contacts that look like one person")
    dup.add_argument(
        "--min-score", type=int, default=None, help="0-100; lower finds weaker candidates"
    )
    dup.add_argument("--json", action="store_true", help="JSON lines, one object a group")
    dup.set_defaults(handler=_duplicates)


def _mapping_argument(value: str | None) -> Any:
    if value is None:
        return None
    if value.lstrip().startswith("{"):
        return value
    path = Path(value)
    if not path.is_file():
        raise KnownError(f"--mapping {value}: not JSON text and no such file.")
    return path.read_text(encoding="utf-8-sig")


def _import(db: Database, args: argparse.Namespace) -> int:
    from crmdesk.interop.ics import looks_like_icalendar
    from crmdesk.services import importing

    if args.kind in (None, "events"):
        data = _head(args.file)
        if args.kind == "events" or looks_like_icalendar(data):
            from crmdesk.cli.events import import_events

            return import_events(db, args, Path(args.file).read_bytes())
    mapping = _mapping_argument(args.mapping)
    orders = args.kind == "orders"
    batch: Any = (
        importing.read_order_file(args.file, mapping)
        if orders
        else importing.read_contact_file(args.file, mapping)
    )
    # Preview and import share one transaction: the import does exactly what was shown.
    with db.reading() if args.dry_run else db.transaction() as session:
        preview: Any = (
            importing.preview_orders(session, batch)
            if orders
            else importing.preview_contacts(session, batch, progress=progress_line("matching"))
        )
        if args.json:
            print_json({"preview": preview})
        else:
            (_show_order_preview if orders else _show_contact_preview)(preview)
        if args.dry_run:
            return 0
        if orders:
            result: Any = importing.import_orders(
                session,
                batch,
                allow_unmatched=args.allow_unmatched,
                allow_rejected=args.allow_rejected,
                progress=progress_line("importing"),
            )
        else:
            result = importing.import_contacts(
                session,
                batch,
                allow_rejected=args.allow_rejected,
                progress=progress_line("importing"),
            )
    counts = {k: v for k, v in to_jsonable(result).items() if k != "changes"}
    if args.json:
        print_json({"result": counts})
    else:
        print("imported: " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in counts.items()))
    return 0


def _head(path: str) -> bytes:
    """The start of the file, to tell a calendar from a contact or order file by content."""
    try:
        with open(path, "rb") as handle:
            return handle.read(512)
    except OSError as exc:
        raise KnownError(f"Cannot read {path}: {exc.strerror or exc}.") from exc


def _rows(count: int) -> str:
    return f"{count} row" if count == 1 else f"{count} rows"


def _show_contact_preview(p: importing.ImportPreview) -> None:
    print(f"{p.filename} ({p.source}): {_rows(p.total)}")
    for label, count in (
        ("new", p.new),
        ("updated", p.updated),
        ("duplicate", p.duplicate),
        ("rejected", p.rejected),
        ("accounts to create", p.accounts_to_create),
    ):
        print(f"  {label:19} {count}")
    if p.mapping:
        print(f"  mapping: {json.dumps(p.mapping, ensure_ascii=False)}")
    for row in p.rows:
        shown = "  ".join(
            x for x in (row.name, row.organization, row.phone, row.email, row.city) if x
        )
        print(f"  line {row.line:<6} {row.outcome:32.32} {shown}")
    _show_rejections(p.rejections)
    if p.left_out:
        print("left out (the contact form would refuse them; the rest of the row is imported):")
        for r in p.left_out:
            print(f"  line {r.line}: {r.reason}")
    if p.possible_duplicates:
        print("possible duplicates (same name only; imported as new, review them later):")
        for d in p.possible_duplicates:
            print(f"  line {d.line}: {d.name} ~ {d.contact_name} ({d.score:g})")


def _show_rejections(rejections: Any) -> None:
    if rejections:
        print("rejected:")
        for r in rejections:
            print(f"  line {r.line}: {r.reason}")


def _show_order_preview(p: importing.OrderPreview) -> None:
    print(f"{p.filename} ({p.source}): {_rows(p.total)}")
    for label, count in (
        ("new", p.new),
        ("duplicate", p.duplicate),
        ("unmatched", p.unmatched),
        ("rejected", p.rejected),
        ("matched by code", p.matched_by_code),
        ("matched by name", p.matched_by_name),
        ("matched by e-mail", p.matched_by_email),
        ("products to create", p.products_to_create),
    ):
        print(f"  {label:19} {count}")
    for row in p.rows:
        what = row.account if row.action in ("new", "duplicate") else row.reason
        print(
            f"  line {row.line:<6} {row.action:10} {row.number:12} {row.amount or ''!s:>12}  {what}"
        )
    if p.unmatched_rows:
        print("unmatched:")
        for u in p.unmatched_rows:
            print(f"  line {u.line}: {u.customer}")
    _show_rejections(p.rejections)


def _export_contacts(db: Database, args: argparse.Namespace) -> int:
    from crmdesk.services import exporting
    from crmdesk.services.contacts import ContactFilter

    fmt = exporting.ExportFormat.parse(args.format)
    with db.reading() as session:
        result = exporting.export_contacts(
            session, ContactFilter(search=args.search), fmt, args.output
        )
    if args.json:
        print_json({**to_jsonable(result), "path": str(result.path)})
    else:
        print(f"wrote {result.contacts} contacts to {result.path} ({fmt.value})")
    return 0


def _duplicates(db: Database, args: argparse.Namespace) -> int:
    from crmdesk.services.duplicates import DUPLICATE_MIN_SCORE, find_duplicates

    min_score = DUPLICATE_MIN_SCORE if args.min_score is None else args.min_score
    with db.reading() as session:
        groups = find_duplicates(session, min_score=min_score)
    for group in groups:
        if args.json:
            print_json(group)
            continue
        print(f"score {group.score}  {', '.join(group.reasons)}")
        for member in group.members:
            print("\t".join(["  " + member.id.hex, member.name, member.organization]))
    if not args.json:
        output.note(f"{len(groups)} group(s) of possible duplicates")
    return 0
