"""`crmdesk cases list|show|survey`: service cases, for scripts and terminals."""

from __future__ import annotations

import argparse
from typing import Any

from crmdesk.cli import output
from crmdesk.core.errors import KnownError
from crmdesk.models.enums import CaseStatus
from crmdesk.models.service import ServiceCase
from crmdesk.services import cases
from crmdesk.services.cases import CaseDetails, CaseFilter, CaseRow
from crmdesk.store.db import Database
from crmdesk.store.ids import resolve_id

PAGE = 500


def register(verbs: Any) -> None:
    noun = verbs.add_parser("cases", help="list or show service cases")
    sub = noun.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=type(noun)
    )
    lst = sub.add_parser("list", help="list cases, newest first")
    lst.add_argument("--status", choices=[s.value for s in CaseStatus])
    lst.add_argument("--overdue", action="store_true", help="only open cases past a target")
    lst.add_argument("--json", action="store_true", help="JSON lines, one object a case")
    lst.set_defaults(handler=_list)
    show = sub.add_parser("show", help="one case with its notes and attachments")
    show.add_argument("id", help="the case number (CS2026-00012) or its id (6+ hex digits)")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)
    survey = sub.add_parser(
        "survey", help="send a closed case's satisfaction survey (an e-mail, else a task), once"
    )
    survey.add_argument("id", help="the case number (CS2026-00012) or its id (6+ hex digits)")
    survey.add_argument("--json", action="store_true")
    survey.set_defaults(handler=_survey)


def row_object(row: CaseRow) -> dict[str, Any]:
    return {
        "id": row.id, "number": row.number, "kind": row.kind.value,
        "priority": row.priority.value, "status": row.status.value, "subject": row.subject,
        "account": row.account, "contact": row.contact, "owner": row.owner,
        "opened_at": row.opened_at, "due_at": row.due_at, "overdue": row.overdue,
        "escalated": row.escalated, "vip_complaint": row.vip_complaint, "tier": row.tier.value,
    }  # fmt: skip


def _list(db: Database, args: argparse.Namespace) -> int:
    flt = CaseFilter(status=CaseStatus(args.status) if args.status else None,
                     overdue=args.overdue)  # fmt: skip
    with db.reading() as session:
        ids = cases.case_ids(session, flt)
        for start in range(0, len(ids), PAGE):
            page = ids[start : start + PAGE]
            found = {r.id: r for r in cases.case_rows(session, page)}
            for row in (found[i] for i in page if i in found):
                if args.json:
                    output.print_json(row_object(row))
                else:
                    fields = (row.number, row.status.value, row.priority.value, row.kind.value,
                              row.subject, row.account, row.owner,
                              row.due_at.isoformat() if row.due_at else "",
                              "overdue" if row.overdue else "")  # fmt: skip
                    print("\t".join([row.id.hex, *fields]))
    return 0


def _find(db: Database, key: str) -> CaseDetails:
    with db.reading() as session:
        try:
            case_id = cases.find_case(session, key)
        except KnownError:
            case_id = resolve_id(session, ServiceCase, key)
        return cases.get_case(session, case_id)


def details_object(case: CaseDetails) -> dict[str, Any]:
    d = case.draft
    return {
        "id": d.id, "number": case.number, "status": case.status.value, "kind": d.kind.value,
        "priority": d.priority.value, "channel": d.channel.value, "tier": case.tier.value,
        "subject": d.subject, "description": d.description, "account": case.account,
        "contact": case.contact, "owner": d.owner, "opened_at": case.opened_at,
        "response_due_at": case.response_due_at, "responded_at": case.responded_at,
        "due_at": case.due_at, "resolved_at": case.resolved_at, "closed_at": case.closed_at,
        "resolution": d.resolution, "minutes_spent": d.minutes_spent,
        "first_contact": case.first_contact, "reopen_count": case.reopen_count,
        "escalated": case.escalated, "vip_complaint": case.vip_complaint,
        "satisfaction": d.satisfaction,
        "notes": [{"kind": n.kind, "at": n.written_at, "author": n.author, "text": n.body}
                  for n in case.notes],
        "attachments": [{"file": a.file_name, "stored_as": a.stored_as, "size": a.size}
                        for a in case.attachments],
    }  # fmt: skip


def _show(db: Database, args: argparse.Namespace) -> int:
    case = _find(db, args.id)
    facts = details_object(case)
    if args.json:
        output.print_json(facts)
        return 0
    notes = facts.pop("notes")
    attachments = facts.pop("attachments")
    output.show(f"{case.number}  {case.draft.subject}",
                [(k, v) for k, v in facts.items() if k not in ("number", "subject")])  # fmt: skip
    for note in notes:
        print(f"  - {note['at']:%Y-%m-%d %H:%M} [{note['kind']}] {note['text']}")
    for attachment in attachments:
        print(f"  @ {attachment['file']} ({attachment['size']} bytes)")
    return 0


def _survey(db: Database, args: argparse.Namespace) -> int:
    from crmdesk.services import survey_sending

    case_id = _find(db, args.id).draft.id
    assert case_id is not None
    with db.transaction() as session:
        sent = survey_sending.send_survey(session, case_id)
    plan = sent.plan
    facts = {
        "case": plan.number, "contact": plan.contact,
        "channel": plan.channel.value if plan.channel else None, "reach": plan.reach,
        "email": sent.message_id, "task": sent.task_id,
        "due": plan.due if sent.task_id else None, "note": sent.note,
    }  # fmt: skip
    if not args.json:
        facts = {k: v for k, v in facts.items() if v not in (None, "")}
    output.show_facts(facts, args.json)
    return 0
