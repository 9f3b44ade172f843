"""`crmdesk leads list` and `leads sources`: prospects not yet customers, with their source
and status, and how many of each source became customers."""

from __future__ import annotations

import argparse
from typing import Any

from crmdesk.cli.opportunities import emit
from crmdesk.models.enums import LeadStatus
from crmdesk.services import leads
from crmdesk.store.db import Database


def register(verbs: Any) -> None:
    noun = verbs.add_parser("leads", help="list leads (prospects not yet qualified)")
    sub = noun.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=type(noun)
    )
    lst = sub.add_parser("list", help="list leads, newest first")
    lst.add_argument("--status", choices=[s.value for s in LeadStatus])
    lst.add_argument("--source")
    lst.add_argument("--owner")
    lst.add_argument("--search", "-s", default="")
    lst.add_argument("--json", action="store_true", help="JSON lines, one object a lead")
    lst.set_defaults(handler=_list)
    src = sub.add_parser("sources", help="leads, conversions and won deals per lead source")
    src.add_argument("--json", action="store_true", help="JSON lines, one object a source")
    src.set_defaults(handler=_sources)


def _sources(db: Database, args: argparse.Namespace) -> int:
    with db.reading() as session:
        figures = leads.conversion_by_source(session)
    for f in figures:
        if args.json:
            emit({
                "source": f.source, "leads": f.leads, "converted": f.converted,
                "disqualified": f.disqualified, "won": f.won,
                "conversion_rate": f.conversion_rate,
            })  # fmt: skip
        else:
            cells = (f.source or "-", f.leads, f.converted, f.disqualified, f.won,
                     f"{f.conversion_rate}%")  # fmt: skip
            print("\t".join(str(c) for c in cells))
    return 0


def _list(db: Database, args: argparse.Namespace) -> int:
    flt = leads.LeadFilter(
        status=LeadStatus(args.status) if args.status else None,
        source=args.source,
        owner=args.owner,
        search=args.search,
    )
    with db.reading() as session:
        ids = leads.lead_ids(session, flt)
        for start in range(0, len(ids), 500):
            for row in leads.lead_rows(session, ids[start : start + 500]):
                if args.json:
                    emit({
                        "id": row.id, "name": row.name, "company": row.company,
                        "phone": row.phone, "email": row.email, "source": row.source,
                        "campaign": row.campaign, "status": row.status.value,
                        "disqualified_reason": row.disqualified_reason, "owner": row.owner,
                        "converted_opportunity_id": row.converted_opportunity_id,
                        "created_at": row.created_at,
                    })  # fmt: skip
                else:
                    fields = (row.name, row.company, row.source, row.status.value, row.owner)
                    print("\t".join([row.id.hex, *fields]))
    return 0
