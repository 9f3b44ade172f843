"""`crmdesk analyze …`: figures and rules over the data. Each wing adds its sub-verbs through a
registrar (`register(analyze_verbs)`); the list below names them."""

from __future__ import annotations

from typing import Any

from crmdesk.cli import analyze_service

REGISTRARS = (analyze_service.register,)


def register(verbs: Any) -> None:
    noun = verbs.add_parser("analyze", help="figures: service, satisfaction …")
    sub = noun.add_subparsers(
        dest="action", metavar="ANALYSIS", required=True, parser_class=type(noun)
    )
    for registrar in REGISTRARS:
        registrar(sub)
