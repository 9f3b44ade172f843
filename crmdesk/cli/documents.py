"""Command-line verbs for documents: label stock, labels, envelopes and Excel reports.

`crmdesk labels stocks` lists the label sheets; `crmdesk export labels|envelopes|report` sit
beside `export contacts` (cli/transfer.py hands this module its `export` sub-parsers).
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from crmdesk.cli.output import note, print_json
from crmdesk.core.errors import KnownError
from crmdesk.store.db import Database

ADDRESS_KINDS = ("postal", "work", "home", "any")


def register(verbs: Any) -> None:
    """The `labels` noun."""
    labels = verbs.add_parser("labels", help="label sheets (stock) for mailing labels")
    sub = labels.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=type(labels)
    )
    stocks = sub.add_parser("stocks", help="the known label sheets, with their geometry")
    stocks.add_argument("--search", "-s", default="", help="words in the name or description")
    stocks.add_argument("--file", metavar="FILE", help="also read this gLabels template file")
    stocks.add_argument("--json", action="store_true", help="JSON lines, one object a sheet")
    stocks.set_defaults(handler=_stocks)


def add_export_verbs(what: Any) -> None:
    """`export labels`, `export envelopes` and `export report`."""
    labels = what.add_parser("labels", help="mailing labels for contacts as a PDF")
    labels.add_argument("--stock", required=True, help='label sheet, e.g. "Avery L7160"')
    labels.add_argument("--stock-file", metavar="FILE", help="a gLabels template file to use")
    labels.add_argument("--start", type=int, default=1, help="first label position (1: top left)")
    labels.add_argument("--outline", action="store_true", help="draw each label's outline")
    _recipient_options(labels)
    labels.set_defaults(handler=_labels)

    envelopes = what.add_parser("envelopes", help="envelopes for contacts as a PDF")
    envelopes.add_argument("--size", required=True, help="DL, C5, C6, US10, CN5, CN6 or CN7")
    envelopes.add_argument("--sender-name", default="", help="the sender printed on each")
    envelopes.add_argument("--sender-street", default="")
    envelopes.add_argument("--sender-city", default="")
    envelopes.add_argument("--sender-region", default="")
    envelopes.add_argument("--sender-postal-code", default="")
    envelopes.add_argument("--sender-country", default="")
    _recipient_options(envelopes)
    envelopes.set_defaults(handler=_envelopes)

    report = what.add_parser("report", help="an Excel report (customers, pipeline, forecast …)")
    report.add_argument(
        "name", help="customers, pipeline, forecast, activities, orders or service"
    )
    report.add_argument("--output", "-o", metavar="FILE", required=True, help="the .xlsx file")
    report.add_argument("--from", dest="start", type=_date, help="first day (YYYY-MM-DD)")
    report.add_argument("--to", dest="end", type=_date, help="last day (YYYY-MM-DD)")
    report.add_argument("--json", action="store_true")
    report.set_defaults(handler=_report)

    from crmdesk.cli.templates import add_export_verbs as add_document_verbs

    add_document_verbs(what)  # contract, quote, letters


def _recipient_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--search", "-s", default="", help="only the contacts this finds")
    parser.add_argument("--tag", help="only contacts with this tag")
    parser.add_argument(
        "--address", choices=ADDRESS_KINDS, default="postal",
        help="which address to use (else the primary one; default postal)",
    )  # fmt: skip
    parser.add_argument("--output", "-o", metavar="FILE", required=True, help="the .pdf file")
    parser.add_argument("--json", action="store_true")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _geometry(stock: Any) -> dict[str, Any]:
    return {
        "name": stock.name,
        "brand": stock.brand,
        "part": stock.part,
        "description": stock.description,
        "source": stock.source,
        "paper": stock.paper,
        "page": [round(stock.page_width, 2), round(stock.page_height, 2)],
        "label": [round(stock.label_width, 2), round(stock.label_height, 2)],
        "round": round(stock.round, 2),
        "labels": stock.count,
        "layouts": [
            {k: round(getattr(lay, k), 2) for k in ("nx", "ny", "x0", "y0", "dx", "dy")}
            for lay in stock.layouts
        ],
        "unit": "pt",
    }


def _stocks(db: Database, args: argparse.Namespace) -> int:
    from crmdesk.export.label_stock import all_stocks, read_stock_file, search_stocks

    extra = read_stock_file(args.file) if args.file else []
    found = search_stocks(args.search, all_stocks(extra))
    for stock in found:
        if args.json:
            print_json(_geometry(stock))
        else:
            size = f"{stock.label_width:.1f} x {stock.label_height:.1f} pt"
            line = f"{stock.name:32} {stock.paper:10} {stock.count:4} x {size:22}"
            print(f"{line} {stock.description}")
    note(f"{len(found)} label sheet(s)")
    return 0


def _selection(args: argparse.Namespace) -> Any:
    from crmdesk.services.contacts import ContactFilter

    return ContactFilter(search=args.search, tag=args.tag)


def _kind(args: argparse.Namespace) -> Any:
    from crmdesk.models.enums import AddressKind

    return None if args.address == "any" else AddressKind(args.address)


def _done(args: argparse.Namespace, what: str, count: int, skipped: int, path: Any) -> None:

    if args.json:
        print_json({what: count, "skipped": skipped, "path": str(path)})
        return
    print(f"wrote {count} {what} to {path}")
    if skipped:
        note(f"skipped {skipped} contact(s) without an address")


def _labels(db: Database, args: argparse.Namespace) -> int:
    from crmdesk.export.label_stock import all_stocks, find_stock, read_stock_file
    from crmdesk.services.mailing import print_labels

    extra = read_stock_file(args.stock_file) if args.stock_file else []
    stock = find_stock(args.stock, all_stocks(extra))
    with db.reading() as session:
        result, skipped = print_labels(
            session, _selection(args), stock, args.output,
            kind=_kind(args), start=args.start, outline=args.outline,
        )  # fmt: skip
    _done(args, "labels", result.labels, skipped, result.path)
    return 0


def _envelopes(db: Database, args: argparse.Namespace) -> int:
    from crmdesk.export.address_block import Recipient
    from crmdesk.export.envelopes import envelope_size
    from crmdesk.services.mailing import print_envelopes

    size = envelope_size(args.size)
    sender = Recipient(
        args.sender_name, street=args.sender_street, city=args.sender_city,
        region=args.sender_region, postal_code=args.sender_postal_code,
        country=args.sender_country,
    )  # fmt: skip
    has_sender = any((args.sender_name, args.sender_street, args.sender_city))
    with db.reading() as session:
        result, skipped = print_envelopes(
            session, _selection(args), size, args.output,
            sender=sender if has_sender else None, kind=_kind(args),
        )  # fmt: skip
    _done(args, "envelopes", result.envelopes, skipped, result.path)
    return 0


def _report(db: Database, args: argparse.Namespace) -> int:
    from crmdesk.services.reports import Period, export_report

    if args.start and args.end and args.start > args.end:
        raise KnownError("--from is after --to.")
    with db.reading() as session:
        result = export_report(session, args.name, args.output, Period(args.start, args.end))
    if args.json:
        print_json({"rows": result.rows, "size": result.size, "path": str(result.path)})
    else:
        print(f"wrote {result.rows} rows to {result.path}")
    return 0
