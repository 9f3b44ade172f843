"""`crmdesk opportunities list|show`: the deals in the pipeline, for scripts and terminals."""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import Any

from crmdesk.cli import output
from crmdesk.models import Opportunity
from crmdesk.services import pipeline
from crmdesk.services.pipeline import OpportunityFilter, OpportunityRow
from crmdesk.store.db import Database
from crmdesk.store.ids import resolve_id


def register(verbs: Any) -> None:
    noun = verbs.add_parser("opportunities", help="list or show the deals in the pipeline")
    sub = noun.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=type(noun)
    )
    lst = sub.add_parser("list", help="list opportunities, by expected close")
    lst.add_argument("--owner")
    lst.add_argument("--stage", help="a stage's name, e.g. Proposal")
    lst.add_argument("--open", action="store_true", help="only deals not won or lost")
    lst.add_argument("--json", action="store_true", help="JSON lines, one object a deal")
    lst.set_defaults(handler=_list)
    show = sub.add_parser("show", help="one deal with its lines and totals")
    show.add_argument("id", help="the id (or its first or last 6+ hex digits)")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)


def emit(value: dict[str, Any]) -> None:
    """One JSON object on one line; Decimals as exact strings."""
    output.print_json(value)


def percent(value: Decimal) -> int | float:
    """A probability as a plain JSON number (50, or 12.5)."""
    return int(value) if value == value.to_integral_value() else float(value)


def row_object(row: OpportunityRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "name": row.name,
        "account": row.account,
        "stage": row.stage,
        "status": row.status.value,
        "amount": row.amount.quantize(Decimal("0.01")),
        "currency": row.currency,
        "probability": percent(row.probability),
        "probability_overridden": row.probability_overridden,
        "weighted": row.weighted,
        "close_date": row.close_date,
        "owner": row.owner,
    }


def _list(db: Database, args: argparse.Namespace) -> int:
    flt = OpportunityFilter(owner=args.owner, stage_name=args.stage, open_only=args.open)
    with db.reading() as session:
        ids = pipeline.opportunity_ids(session, flt)
        for start in range(0, len(ids), 500):
            for row in pipeline.opportunity_rows(session, ids[start : start + 500]):
                if args.json:
                    emit(row_object(row))
                else:
                    fields = (row.name, row.account, row.stage, row.status.value,
                              f"{row.amount:.2f} {row.currency}", f"{percent(row.probability)}%",
                              str(row.close_date or ""), row.owner)  # fmt: skip
                    print("\t".join([row.id.hex, *fields]))
    return 0


def _show(db: Database, args: argparse.Namespace) -> int:
    with db.reading() as session:
        detail = pipeline.get_opportunity(session, resolve_id(session, Opportunity, args.id))
    d = detail.draft
    lines = [
        {
            "description": line.description,
            "quantity": line.quantity.normalize(),
            "unit": line.unit,
            "unit_price": line.unit_price.quantize(Decimal("0.01")),
            "discount": percent(line.discount),
            "tax_rate": percent(line.tax_rate),
            **_totals(line.totals),
        }
        for line in d.lines
    ]
    shown = {
        **row_object(detail.row),
        "competitors": d.competitors,
        "next_step": d.next_step,
        "source": d.source,
        "notes": d.notes,
        "won_reason": detail.won_reason,
        "lost_reason": detail.lost_reason,
        "closed_on": detail.closed_on,
        "contacts": [
            {"id": c, "name": detail.contact_names.get(c, ""), "role": role.value}
            for c, role in d.roles
        ],
        "lines": lines,
        "totals": _totals(detail.totals),
        "history": [
            {"stage": s.stage, "entered_at": s.entered_at, "left_at": s.left_at}
            for s in detail.history
        ],
    }
    if args.json:
        emit(shown)
        return 0
    print(detail.row.name)
    for key in _SHOWN:
        if shown[key] not in ("", None):
            print(f"  {key:12} {shown[key]}")
    for line in lines:
        print(f"  line         {line['quantity']} × {line['unit_price']} {line['description']}"
              f"  net {line['net']} tax {line['tax']} gross {line['gross']}")  # fmt: skip
    t = shown["totals"]
    print(f"  totals       net {t['net']} tax {t['tax']} gross {t['gross']}")
    for step in detail.history:
        print(f"  history      {step.entered_at:%Y-%m-%d} {step.stage} ({step.days:.1f} d)")
    return 0


_SHOWN = ("id", "account", "stage", "status", "amount", "currency", "probability", "close_date",
          "owner", "competitors", "next_step", "won_reason", "lost_reason")  # fmt: skip


def _totals(t: pipeline.LineTotals) -> dict[str, Decimal]:
    return {"net": t.net, "tax": t.tax, "gross": t.gross}
