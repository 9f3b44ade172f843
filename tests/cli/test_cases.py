"""`crmdesk cases` and `crmdesk analyze service|satisfaction`, run as a real process."""

from __future__ import annotations

import json

from crmdesk.store.db import Database
from tests.cli.test_main import crmdesk
from tests.services.case_data import build_worked


def _lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_cases_list_filters_by_status_and_overdue(db: Database) -> None:
    build_worked(db)
    path = str(db.url.database)
    everything = _lines(crmdesk("cases", "list", "--json", "--db", path).stdout)
    assert [r["subject"] for r in everything] == ["D", "C", "B", "A"]  # newest first
    closed = _lines(crmdesk("cases", "list", "--status", "closed", "--json", "--db", path).stdout)
    assert [(r["subject"], r["vip_complaint"]) for r in closed] == [("B", True)]
    overdue = _lines(crmdesk("cases", "list", "--overdue", "--json", "--db", path).stdout)
    assert [r["subject"] for r in overdue] == ["D"]  # the only open one, long past its target
    plain = crmdesk("cases", "list", "--db", path).stdout.splitlines()
    assert len(plain) == 4 and "CS2026-00004" in plain[0]


def test_cases_show_by_number_with_its_thread(db: Database) -> None:
    build_worked(db)
    path = str(db.url.database)
    shown = json.loads(crmdesk("cases", "show", "CS2026-00003", "--json", "--db", path).stdout)
    assert shown["subject"] == "C" and shown["reopen_count"] == 1
    assert [n["text"] for n in shown["notes"]][-1] == "reopened -> resolved"
    text = crmdesk("cases", "show", "CS2026-00002", "--db", path).stdout
    assert text.startswith("CS2026-00002  B") and "closed" in text
    missing = crmdesk("cases", "show", "CS1999-00001", "--db", path, check=False)
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1


def test_analyze_service_and_satisfaction(db: Database) -> None:
    build_worked(db)
    path = str(db.url.database)
    service = json.loads(crmdesk("analyze", "service", "--json", "--db", path).stdout)
    assert service["resolved"] == 3 and service["p90_hours_to_resolve"] == 24
    assert service["within_target"] == {"vip": 0.0, "ordinary": 1.0}
    march = json.loads(crmdesk("analyze", "service", "--from", "2026-04-01", "--to",
                               "2026-04-30", "--json", "--db", path).stdout)  # fmt: skip
    assert march["opened"] == 1
    rows = _lines(crmdesk("analyze", "satisfaction", "--json", "--db", path).stdout)
    assert rows[0] == {"item": "Product", "expected": 5.0, "perceived": 4.0, "c": 0.8,
                       "band": "dissatisfied", "answers": 1}  # fmt: skip
    # weighted by the items' weights (2, 1, 1): a = (2*5 + 4 + 3) / 4, b = (2*4 + 5 + 3) / 4
    assert rows[-1] == {"item": "overall", "expected": 4.25, "perceived": 4.0, "c": 0.9625,
                        "band": "satisfied", "surveys": 1}  # fmt: skip
    bad = crmdesk("analyze", "satisfaction", "--from", "soon", "--db", path, check=False)
    assert bad.returncode == 1 and "soon" in bad.stderr


def test_cases_survey_sends_once_and_refuses_an_open_or_surveyed_case(db: Database) -> None:
    from crmdesk.models.enums import CaseStatus
    from crmdesk.services import cases
    from tests.services.survey_data import closed_case, desk_and_people

    ids = desk_and_people(db)
    path = str(db.url.database)
    closed = closed_case(db, ids["tom"], owner="Wang")
    with db.transaction() as session:
        number = cases.get_case(session, closed).number
        draft = cases.CaseDraft(subject="Open", contact_id=ids["tom"])
        still_open = cases.save_case(session, draft)
        open_number = cases.get_case(session, still_open).number
    sent = json.loads(crmdesk("cases", "survey", number, "--json", "--db", path).stdout)
    assert (sent["channel"], sent["contact"], sent["email"]) == ("phone", "Tom Baker", None)
    assert sent["task"] and sent["note"].startswith("Survey task for Wang, due ")
    again = crmdesk("cases", "survey", number, "--db", path, check=False)
    assert again.returncode == 1 and again.stdout == ""
    assert again.stderr.count("\n") == 1 and "was sent already" in again.stderr
    refused = crmdesk("cases", "survey", open_number, "--db", path, check=False)
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1
    assert f"Case {open_number} is not closed" in refused.stderr
    with db.reading() as session:
        notes = [n for n in cases.get_case(session, closed).notes if n.kind == "survey"]
        assert len(notes) == 1
        assert cases.get_case(session, still_open).status is CaseStatus.NEW


def test_analyze_satisfaction_lines_up_chinese_items(db: Database) -> None:
    import datetime as dt

    from crmdesk.services import surveys
    from crmdesk.services.surveys import Answer, SurveyDraft

    with db.transaction() as session:
        surveys.save_survey(session, SurveyDraft(dt.date(2026, 3, 2), (
            Answer("Product", 5, 4), Answer("服务响应速度", 4, 4))))  # fmt: skip
    lines = crmdesk("analyze", "satisfaction", "--db", str(db.url.database)).stdout.splitlines()
    product, chinese = lines[0], lines[1]
    assert chinese.startswith("服务响应速度")
    # the same terminal column: six wide characters take twelve columns, so six fewer spaces
    assert product.index("expected") == chinese.index("expected") + 6
