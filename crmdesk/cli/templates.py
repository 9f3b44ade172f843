"""Command-line verbs for Word documents: `templates list|check`, `export contract|quote|letters`.

`templates check` prints one line per problem (its place and what is wrong) and exits with
status 1 when there is any, so a script can refuse a broken template before a mailing.
"""

from __future__ import annotations

import argparse
from typing import Any

from crmdesk.cli.output import note, print_json
from crmdesk.core.errors import KnownError
from crmdesk.store.db import Database


def register(verbs: Any) -> None:
    """The `templates` noun."""
    templates = verbs.add_parser("templates", help="Word templates for contracts, quotes, letters")
    sub = templates.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=type(templates)
    )
    listed = sub.add_parser("list", help="the shipped templates and yours")
    listed.add_argument("--json", action="store_true")
    listed.set_defaults(handler=_list)
    check = sub.add_parser("check", help="report unknown fields and syntax errors by place")
    check.add_argument("file", metavar="FILE", help="a .docx file or a template's name")
    check.add_argument("--letter", action="store_true", help="check against the letter fields")
    check.add_argument("--json", action="store_true", help="one JSON object per problem")
    check.set_defaults(handler=_check)


def add_export_verbs(what: Any) -> None:
    """`export contract`, `export quote` and `export letters`."""
    for kind, words in (("contract", "a contract"), ("quote", "a quote")):
        parser = what.add_parser(kind, help=f"{words} for an opportunity (.docx or .pdf)")
        parser.add_argument(
            "--opportunity", required=True, action="append", metavar="ID",
            help="the opportunity (id or its start); repeat for a batch",
        )  # fmt: skip
        parser.add_argument("--template", metavar="NAME|FILE", help="default: the shipped one")
        parser.add_argument("--output", "-o", metavar="FILE", required=True,
                            help="FILE.docx or FILE.pdf; a folder for several")  # fmt: skip
        parser.add_argument("--pdf", action="store_true", help="a batch as PDF files")
        parser.add_argument("--json", action="store_true")
        parser.set_defaults(handler=_document, kind=kind)
    letters = what.add_parser("letters", help="a mail-merge letter per contact")
    letters.add_argument("--template", required=True, metavar="NAME|FILE")
    letters.add_argument("--search", "-s", default="", help="only the contacts this finds")
    letters.add_argument("--tag", help="only contacts with this tag")
    letters.add_argument("--address", choices=("postal", "work", "home", "any"), default="postal")
    letters.add_argument("--each", action="store_true", help="one file per contact (-o a folder)")
    letters.add_argument("--output", "-o", metavar="FILE", required=True)
    letters.add_argument("--json", action="store_true")
    letters.set_defaults(handler=_letters)


def _list(db: Database, args: argparse.Namespace) -> int:
    from crmdesk.services.contracts import list_templates, templates_folder

    found = list_templates()
    for t in found:
        if args.json:
            print_json({"name": t.name, "kind": t.kind, "built_in": t.built_in, "path": t.path})
        else:
            print(f"{t.name:28} {t.kind or '-':9} {'built-in' if t.built_in else t.path}")
    note(f"{len(found)} template(s); yours go in {templates_folder()}")
    return 0


def _check(db: Database, args: argparse.Namespace) -> int:
    from crmdesk.export.contract_fields import known_fields
    from crmdesk.export.letter_fields import letter_known_fields
    from crmdesk.services.contracts import check, find_template

    template = find_template(args.file)
    letter = args.letter or template.kind == "letter"
    result = check(template, letter_known_fields() if letter else known_fields())
    for p in result.problems:
        if args.json:
            print_json({"kind": p.kind, "name": p.name, "place": p.place, "message": p.message})
        else:
            print(f"{template.name}: {p.place}: {p.message}")
    if result.ok:
        fields = ", ".join(result.fields) or "none"
        if args.json:
            print_json({"ok": True, "language": result.language, "fields": list(result.fields)})
        else:
            print(f"{template.name}: no problems ({result.language}); fields used: {fields}")
        return 0
    note(f"{len(result.problems)} problem(s); nothing would be written")
    return 1


def _document(db: Database, args: argparse.Namespace) -> int:
    from crmdesk.models import Opportunity
    from crmdesk.services.contracts import find_template, generate
    from crmdesk.store.ids import resolve_id

    template = find_template(args.template) if args.template else None
    with db.reading() as session:
        ids = [resolve_id(session, Opportunity, text) for text in args.opportunity]
        written = generate(session, ids, args.kind, args.output, template=template,
                           fmt="pdf" if args.pdf else "docx")  # fmt: skip
    for path in written:
        if args.json:
            print_json({"kind": args.kind, "path": str(path)})
        else:
            print(f"wrote {path}")
    return 0


def _letters(db: Database, args: argparse.Namespace) -> int:
    from crmdesk.models.enums import AddressKind
    from crmdesk.services.contacts import ContactFilter
    from crmdesk.services.contracts import find_template
    from crmdesk.services.letters import write_letters

    if not args.search and not args.tag:
        raise KnownError("Choose the contacts with --search or --tag.")
    kind = None if args.address == "any" else AddressKind(args.address)
    template = find_template(args.template)
    with db.reading() as session:
        result = write_letters(session, template, ContactFilter(search=args.search, tag=args.tag),
                               args.output, each=args.each, kind=kind)  # fmt: skip
    if args.json:
        print_json({"letters": result.letters, "paths": [str(p) for p in result.paths]})
    else:
        print(f"wrote {result.letters} letter(s) to {len(result.paths)} file(s)")
    return 0
