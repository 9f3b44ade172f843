"""The pipeline, forecast and service reports, read back with openpyxl."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from crmdesk.models.enums import CaseKind, CaseStatus
from crmdesk.models.service import ServiceCase
from crmdesk.services.reports import Period, export_report
from tests.pipeline_data import build_pipeline

UTC = dt.UTC


def _sheet(path, name):
    book = openpyxl.load_workbook(path)
    sheet = book[name]
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    return book, sheet, rows[:-1], rows[-1]


def test_the_pipeline_report_lists_every_deal_with_weighted_amounts(db, tmp_path):
    build_pipeline(db)
    with db.reading() as s:
        result = export_report(s, "pipeline", tmp_path / "p.xlsx")
    book, sheet, rows, totals = _sheet(result.path, "Pipeline")
    assert book.sheetnames == ["Pipeline", "By stage", "About this report"]
    assert sheet.freeze_panes == "A5" and sheet.auto_filter.ref == "A4:J9"
    by_name = {r[0]: r for r in rows}
    assert by_name["Deal B"][2:8] == ("Negotiation", "Open", "Wang", 20000, 0.6, 12000)
    assert by_name["Deal D"][3] == "Won" and by_name["Deal E"][3] == "Lost"
    assert totals[5] == "=SUBTOTAL(109,F5:F9)" and totals[7] == "=SUBTOTAL(109,H5:H9)"
    assert sheet["G5"].number_format == "0.0%" and sheet["I5"].is_date
    chart = book["By stage"]
    assert len(chart._charts) == 1
    stages = {r[0]: r[1:] for r in chart.iter_rows(min_row=2, values_only=True)}
    assert stages["Proposal"] == (10000, 5000) and "Won" not in stages  # open deals only


def test_the_forecast_groups_open_deals_by_month_owner_and_stage(db, tmp_path):
    build_pipeline(db)
    with db.reading() as s:
        result = export_report(s, "forecast", tmp_path / "f.xlsx",
                               Period(dt.date(2026, 3, 1), dt.date(2026, 4, 30)))  # fmt: skip
    book, sheet, rows, totals = _sheet(result.path, "Forecast")
    assert sheet["A2"].value == "From 2026-03-01 to 2026-04-30"
    assert rows == [
        (dt.datetime(2026, 3, 1), "Li", "Proposal", 1, 10000, 5000),
        (dt.datetime(2026, 3, 1), "Wang", "Negotiation", 1, 20000, 12000),
        (dt.datetime(2026, 4, 1), "Li", "Qualification", 1, 5000, 500),
    ]
    assert sheet["A5"].number_format == "yyyy-mm"
    assert totals[3:] == ("=SUBTOTAL(109,D5:D7)", "=SUBTOTAL(109,E5:E7)", "=SUBTOTAL(109,F5:F7)")
    months = list(book["By month"].iter_rows(min_row=2, values_only=True))
    assert months == [(dt.datetime(2026, 3, 1), 30000, 17000), (dt.datetime(2026, 4, 1), 5000, 500)]
    assert len(book["By month"]._charts) == 1


def test_the_service_report_has_resolution_times_and_on_time(db, tmp_path):
    opened = dt.datetime(2026, 1, 5, 9, tzinfo=UTC)
    with db.transaction() as s:
        s.add_all([
            ServiceCase(number="S-1", subject="打印机卡纸", kind=CaseKind.REPAIR, owner="Li",
                        status=CaseStatus.RESOLVED, opened_at=opened,
                        due_at=opened + dt.timedelta(hours=24),
                        resolved_at=opened + dt.timedelta(hours=6, minutes=30)),
            ServiceCase(number="S-2", subject="Late", kind=CaseKind.REPAIR, owner="Li",
                        status=CaseStatus.CLOSED, opened_at=opened + dt.timedelta(days=1),
                        due_at=opened + dt.timedelta(days=2),
                        resolved_at=opened + dt.timedelta(days=3, hours=1)),
            ServiceCase(number="S-3", subject="Question", kind=CaseKind.INQUIRY,
                        opened_at=opened + dt.timedelta(days=2)),
        ])  # fmt: skip
    with db.reading() as s:
        result = export_report(s, "service", tmp_path / "s.xlsx")
    book, sheet, rows, _totals = _sheet(result.path, "Service")
    assert [(r[0], r[9], r[10]) for r in rows] == [("S-1", 6.5, "Yes"), ("S-2", 49.0, "No"),
                                                   ("S-3", None, None)]  # fmt: skip
    assert rows[0][3:6] == ("Repair", "Normal", "Resolved")
    assert sheet["J5"].number_format == "#,##0.00" and sheet["H5"].is_date
    kinds = {r[0]: r[1:] for r in book["By kind"].iter_rows(min_row=2, values_only=True)}
    assert kinds["Repair"] == (2, pytest.approx(27.75)) and kinds["Inquiry"] == (1, None)
    # the service figures: S-1 on time in 6.5 h, S-2 late in 49 h, S-3 open; no buyers
    assert book.sheetnames == ["Service", "By kind", "Service figures", "Cases per month",
                               "Within target", "About this report"]  # fmt: skip
    figures = dict(book["Service figures"].iter_rows(min_row=2, values_only=True))
    assert figures == {
        "Cases opened": 3, "Cases resolved": 2, "First-contact resolution (%)": 0,
        "Average hours to resolve": 27.75, "90th percentile of hours to resolve": 49,
        "Complaints per 100 customers": None, "Reopened (% of resolved)": 0,
        "Satisfaction c after closing": None, "Surveys after closing": 0,
    }  # fmt: skip
    months = list(book["Cases per month"].iter_rows(min_row=2, values_only=True))
    assert months == [("2026-01", 3, 0)]  # closed_at was never set
    tiers = list(book["Within target"].iter_rows(min_row=2, values_only=True))
    assert tiers == [("Ordinary", 0.5)]
    assert book["Within target"]["B2"].number_format == "0.0%"


def test_report_headings_in_chinese(db, tmp_path):
    build_pipeline(db)
    words = {"Pipeline": "销售管道", "Opportunity": "商机", "Total": "合计"}
    with db.reading() as s:
        result = export_report(s, "pipeline", tmp_path / "p.xlsx", say=lambda t: words.get(t, t))
    book = openpyxl.load_workbook(result.path)
    assert book.sheetnames[0] == "销售管道" and book["销售管道"]["A4"].value == "商机"
