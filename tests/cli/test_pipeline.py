"""`crmdesk opportunities|leads|forecast`, run as a real process against a real file."""

from __future__ import annotations

import json
from decimal import Decimal

from crmdesk.services import leads, pipeline
from crmdesk.services.leads import LeadDraft
from crmdesk.store.db import Database
from tests.cli.test_main import crmdesk
from tests.pipeline_data import SCANNER_LINE, build_pipeline


def _lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_opportunities_list_filters_and_fields(db: Database) -> None:
    build_pipeline(db)
    path = str(db.url.database)
    rows = _lines(crmdesk("opportunities", "list", "--open", "--json", "--db", path).stdout)
    assert [r["name"] for r in rows] == ["Deal A", "Deal B", "Deal C"]
    b = rows[1]
    assert {k: b[k] for k in ("stage", "status", "amount", "currency", "probability",
                              "close_date", "owner")} == {
        "stage": "Negotiation", "status": "open", "amount": "20000.00", "currency": "CNY",
        "probability": 60, "close_date": "2026-03-31", "owner": "Wang"}  # fmt: skip
    assert {"id", "account"} <= set(b)
    li = _lines(crmdesk("opportunities", "list", "--owner", "Li", "--json", "--db", path).stdout)
    assert {r["status"] for r in li} == {"open", "lost"}
    won = _lines(crmdesk("opportunities", "list", "--stage", "won", "--json", "--db", path).stdout)
    assert [(r["name"], r["probability"]) for r in won] == [("Deal D", 100)]


def test_opportunities_show_lines_and_totals(db: Database) -> None:
    with db.transaction() as session:
        opp_id, _ = pipeline.save_opportunity(
            session,
            pipeline.OpportunityDraft(
                name="Scanners", lines=[SCANNER_LINE], amount_from_lines=True
            ),
        )
    path = str(db.url.database)
    shown = json.loads(
        crmdesk("opportunities", "show", opp_id.hex[-8:], "--json", "--db", path).stdout
    )
    assert shown["totals"] == {"net": "3518.50", "tax": "457.41", "gross": "3975.91"}
    assert shown["lines"][0]["discount"] == 5 and shown["amount"] == "3518.50"
    assert [h["stage"] for h in shown["history"]] == ["Qualification"]
    text = crmdesk("opportunities", "show", opp_id.hex, "--db", path).stdout
    assert "gross 3975.91" in text
    bad = crmdesk("opportunities", "show", "zzzzzz", "--db", path, check=False)
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1


def test_leads_list(db: Database) -> None:
    with db.transaction() as session:
        leads.save_lead(session, LeadDraft(company="华东物流", source="展会",
                                           estimated_amount=Decimal(1)))  # fmt: skip
    rows = _lines(crmdesk("leads", "list", "--json", "--db", str(db.url.database)).stdout)
    assert [(r["company"], r["source"], r["status"]) for r in rows] == [("华东物流", "展会", "new")]


def test_forecast_by_month_and_quarter(db: Database) -> None:
    build_pipeline(db)
    path = str(db.url.database)
    q = _lines(crmdesk("forecast", "--by", "quarter", "--json", "--db", path).stdout)
    assert q == [
        {"period": "2026-Q1", "count": 2, "amount": "30000.00", "weighted": "17000.00",
         "won": "8000.00"},
        {"period": "2026-Q2", "count": 1, "amount": "5000.00", "weighted": "500.00",
         "won": "0.00"},
        {"period": "total", "count": 3, "amount": "35000.00", "weighted": "17500.00",
         "won": "8000.00"},
    ]  # fmt: skip
    m = _lines(
        crmdesk("forecast", "--by", "month", "--owner", "Wang", "--json", "--db", path).stdout
    )
    assert [(r["period"], r["weighted"], r["won"]) for r in m] == [
        ("2026-02", "0.00", "8000.00"), ("2026-03", "12000.00", "0.00"),
        ("total", "12000.00", "8000.00")]  # fmt: skip


def test_leads_sources_reports_conversion_per_source(db: Database) -> None:
    with db.transaction() as session:
        made = [
            leads.save_lead(session, LeadDraft(company=f"Co {n}", source=source))[0]
            for n, source in enumerate(["Fair", "Fair", "Fair", "Web"])
        ]
        leads.convert_lead(session, made[0])
        leads.set_status(session, made[1], leads.LeadStatus.DISQUALIFIED, "No budget")
    path = str(db.url.database)
    rows = _lines(crmdesk("leads", "sources", "--json", "--db", path).stdout)
    assert rows[0] == {"source": "Fair", "leads": 3, "converted": 1, "disqualified": 1,
                       "won": 0, "conversion_rate": "33.33"}  # fmt: skip
    assert rows[1]["source"] == "Web" and rows[1]["conversion_rate"] == "0.00"
