"""`crmdesk campaign create|start|status`: campaigns from the terminal; starting one freezes its
members and queues its e-mails in the outbox (`crmdesk outbox send` sends them)."""

from __future__ import annotations

import argparse
from decimal import Decimal, InvalidOperation
from typing import Any

from crmdesk.cli import output
from crmdesk.core.errors import KnownError
from crmdesk.core.texts import translatable
from crmdesk.models.enums import Channel
from crmdesk.services import campaigns, outbox, segments
from crmdesk.services.campaigns import CampaignDraft
from crmdesk.store.db import Database


def register(verbs: Any) -> None:
    noun = verbs.add_parser("campaign", help="campaigns: create, start, status")
    sub = noun.add_subparsers(dest="action", metavar="ACTION", required=True,
                              parser_class=type(noun))  # fmt: skip
    create = sub.add_parser("create", help="a new campaign over a saved segment")
    create.add_argument("name")
    create.add_argument("--segment", required=True, help="the saved segment's name")
    create.add_argument("--channel", action="append", choices=[c.value for c in Channel],
                        help="a channel (repeat for several; default email)")
    create.add_argument("--goal", default="")
    create.add_argument("--budget", default="0")
    create.add_argument("--subject", default="")
    create.add_argument("--body", default="", help="plain text, with {{ name }} and other fields")
    create.add_argument("--html", default="", help="the HTML part (optional)")
    create.add_argument("--script", default="", help="what callers say")
    create.add_argument("--attribution-days", type=int, default=30)
    create.add_argument("--json", action="store_true")
    create.set_defaults(handler=_create)
    for name, handler, text in (
        ("start", _start, "freeze the members and queue the e-mails"),
        ("status", _status, "members, responses and results per channel"),
    ):
        verb = sub.add_parser(name, help=text)
        verb.add_argument("name")
        verb.add_argument("--json", action="store_true")
        verb.set_defaults(handler=handler)


def _create(db: Database, args: argparse.Namespace) -> int:
    try:
        budget = Decimal(args.budget)
    except InvalidOperation:
        raise KnownError(translatable("Messages", "%1 is not an amount."),
                         values=(args.budget,)) from None  # fmt: skip
    with db.transaction() as session:
        segment = segments.get_segment(session, args.segment)
        draft = CampaignDraft(
            args.name, goal=args.goal, budget=budget, segment_id=segment.id,
            channels=[Channel(c) for c in (args.channel or ["email"])], subject=args.subject,
            body_text=args.body, body_html=args.html, script=args.script,
            attribution_days=args.attribution_days,
        )  # fmt: skip
        campaign_id = campaigns.save_campaign(session, draft)
    output.show_facts({"id": campaign_id.hex, "name": args.name}, args.json)
    return 0


def _start(db: Database, args: argparse.Namespace) -> int:
    with db.transaction() as session:
        started = campaigns.start_campaign(session, args.name)
        info = campaigns.get_campaign(session, args.name)
        sender = outbox.smtp_settings(session).from_address
        queued = outbox.queue_campaign(session, info.id, sender)
    output.show_facts({"name": info.name, "included": started.included,
                       "left_out": started.left_out, "queued": queued}, args.json)  # fmt: skip
    return 0


def _status(db: Database, args: argparse.Namespace) -> int:
    with db.transaction() as session:
        campaigns.attribute_responses(session, args.name)
        found = campaigns.results(session, args.name)
    c = found.campaign
    rows = [*found.channels, found.total]
    if args.json:
        output.print_json({
            "name": c.name, "status": c.status, "segment": c.segment, "budget": c.budget,
            "left_out": found.left_out,
            "channels": [_result(r) for r in found.channels], "total": _result(found.total),
        })  # fmt: skip
        return 0
    output.show(c.name, [("status", c.status.value), ("segment", c.segment),
                         ("budget", f"{c.budget:.2f} {c.currency}"),
                         ("left out", found.left_out)])  # fmt: skip
    print("\t".join(["channel", "members", "reached", "responded", "converted", "revenue",
                     "cost/response", "roi"]))  # fmt: skip
    for r in rows:
        print("\t".join(str(x) for x in (
            r.channel or "total", r.members, r.reached, r.responded, r.converted,
            f"{r.revenue:.2f}", r.cost_per_response or "", _percent(r.roi),
        )))  # fmt: skip
    return 0


def _percent(value: Decimal | None) -> str:
    return "" if value is None else f"{value * 100:.1f}%"


def _result(r: campaigns.ChannelResult) -> dict[str, Any]:
    return {"channel": r.channel, "members": r.members, "reached": r.reached,
            "responded": r.responded, "converted": r.converted, "revenue": r.revenue,
            "cost": r.cost, "cost_per_response": r.cost_per_response, "roi": r.roi}  # fmt: skip
