"""The Excel reports, read back with openpyxl and recalculated by LibreOffice."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from decimal import Decimal

import openpyxl
import pytest

from crmdesk.core.errors import KnownError
from crmdesk.models import Account, Contact
from crmdesk.models.activities import Activity
from crmdesk.models.enums import ActivityKind, LoyaltyStage, OrderStatus, ValueTier
from crmdesk.models.sales import Order
from crmdesk.services.reports import Period, export_report


@pytest.fixture
def sales(db):
    """Three accounts, hand-worked orders (one cancelled) and activities."""
    with db.transaction() as s:
        acme = Account(name="=HYPERLINK(\"http://x\")", sort_key="a", value_tier=ValueTier.VIP,
                       loyalty_stage=LoyaltyStage.LOYAL, owner="王经理")
        huaxia = Account(name="华夏贸易有限公司", sort_key="huaxia", owner="王经理")
        zed = Account(name="Zed Ltd", sort_key="zed", owner="Ann")
        s.add_all([acme, huaxia, zed])
        s.flush()
        s.add(Contact(family_name="张", given_name="三", sort_key="zhang san", account_id=acme.id))
        for account, day, amount, status in (
            (acme, dt.date(2025, 1, 5), "1000.50", OrderStatus.PAID),
            (acme, dt.date(2025, 1, 20), "200.25", OrderStatus.SHIPPED),
            (acme, dt.date(2025, 2, 1), "300.00", OrderStatus.PAID),
            (huaxia, dt.date(2025, 2, 14), "12345.60", OrderStatus.PAID),
            (huaxia, dt.date(2025, 2, 15), "999.99", OrderStatus.CANCELLED),
            (zed, dt.date(2024, 12, 31), "50.00", OrderStatus.PAID),
        ):
            s.add(Order(account_id=account.id, ordered_on=day, amount=Decimal(amount),
                        status=status))
        for owner, when, kind in (
            ("王经理", dt.datetime(2025, 1, 6, 9, tzinfo=dt.UTC), ActivityKind.CALL),  # a Monday
            ("王经理", dt.datetime(2025, 1, 12, 9, tzinfo=dt.UTC), ActivityKind.VISIT),  # Sunday
            ("王经理", dt.datetime(2025, 1, 13, 9, tzinfo=dt.UTC), ActivityKind.CALL),
            ("Ann", dt.datetime(2025, 1, 8, 9, tzinfo=dt.UTC), ActivityKind.MEETING),
        ):
            s.add(Activity(owner=owner, occurred_at=when, kind=kind, duration_minutes=30))
    return db  # fmt: skip


def data_rows(sheet):
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    return rows[:-1], rows[-1]


def test_the_customers_report_is_a_proper_workbook(sales, tmp_path):
    with sales.reading() as s:
        result = export_report(s, "customers", tmp_path / "c.xlsx", Period(dt.date(2025, 1, 1)))
    assert result.rows == 3
    book = openpyxl.load_workbook(result.path)
    assert book.sheetnames == ["Customers", "By tier", "About this report"]
    sheet = book["Customers"]
    assert sheet["A1"].value == "Customers" and sheet["A2"].value == "From 2025-01-01"
    assert sheet.freeze_panes == "A5" and sheet.print_title_rows == "$4:$4"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet.auto_filter.ref == "A4:J7"
    assert [c.value for c in sheet[4]][:5] == ["Customer", "Code", "Industry", "Tier",
                                               "Loyalty stage"]  # fmt: skip
    rows, totals = data_rows(sheet)
    acme = rows[0]
    assert acme[0] == "=HYPERLINK(\"http://x\")"  # the text as typed, not a formula
    assert sheet["A5"].data_type == "s"
    assert acme[3:10] == ("VIP", "Loyal", "王经理", 1, 3, 1500.75, dt.datetime(2025, 2, 1))
    assert rows[1][0] == "华夏贸易有限公司" and rows[1][8] == 12345.6  # cancelled left out
    assert rows[2][0] == "Zed Ltd" and rows[2][8] == 0  # its order is before the period
    assert totals[0] == "Total" and totals[8] == "=SUBTOTAL(109,I5:I7)"
    assert sheet["I5"].number_format == '"¥"#,##0.00;-"¥"#,##0.00'
    assert sheet["J5"].number_format == "yyyy-mm-dd" and sheet["J5"].is_date
    assert sheet["G5"].data_type == "n"
    assert sheet.column_dimensions["A"].width >= len("华夏贸易有限公司") * 2
    assert sheet.conditional_formatting  # the revenue data bar
    chart_sheet = book["By tier"]
    assert len(chart_sheet._charts) == 1
    assert list(chart_sheet.iter_rows(min_row=2, values_only=True)) == [
        ("VIP", 1), ("Important", 0), ("Ordinary", 2)]  # fmt: skip
    about = [r[0] for r in book["About this report"].iter_rows(values_only=True)]
    assert "Filter" in about and "Revenue" in about


def test_the_orders_report_per_customer_and_month(sales, tmp_path):
    with sales.reading() as s:
        result = export_report(s, "orders", tmp_path / "o.xlsx")
    sheet = openpyxl.load_workbook(result.path)["Orders"]
    rows, totals = data_rows(sheet)
    assert [(r[0][:5], r[1].date(), r[2], r[3]) for r in rows] == [
        ("=HYPE", dt.date(2025, 1, 1), 2, 1200.75),
        ("=HYPE", dt.date(2025, 2, 1), 1, 300.0),
        ("华夏贸易有", dt.date(2025, 2, 1), 1, 12345.6),
        ("Zed L", dt.date(2024, 12, 1), 1, 50.0),
    ]
    assert sheet["B5"].number_format == "yyyy-mm"
    assert totals[2:] == ("=SUBTOTAL(109,C5:C8)", "=SUBTOTAL(109,D5:D8)")


def test_the_activities_report_per_owner_and_week(sales, tmp_path):
    with sales.reading() as s:
        result = export_report(s, "activities", tmp_path / "a.xlsx")
    rows, _ = data_rows(openpyxl.load_workbook(result.path)["Activities"])
    assert [(r[0], r[1].date(), r[2], r[3], r[4], r[5]) for r in rows] == [
        ("Ann", dt.date(2025, 1, 6), 1, 0, 0, 1),
        ("王经理", dt.date(2025, 1, 6), 2, 1, 1, 0),  # Monday and the Sunday after
        ("王经理", dt.date(2025, 1, 13), 1, 1, 0, 0),
    ]


def test_headings_come_in_the_readers_language(sales, tmp_path):
    words = {"Customers": "客户", "Total": "合计", "Customer": "客户名称"}
    with sales.reading() as s:
        result = export_report(
            s, "customers", tmp_path / "c.xlsx",
            say=lambda t: words.get(t, t), word=lambda e: f"<{e.value}>",
        )  # fmt: skip
    sheet = openpyxl.load_workbook(result.path)["客户"]
    assert sheet["A4"].value == "客户名称" and sheet["D5"].value == "<vip>"
    assert data_rows(sheet)[1][0] == "合计"


def test_an_unknown_report_is_refused(sales, tmp_path):
    with sales.reading() as s, pytest.raises(KnownError, match="no report called sales"):
        export_report(s, "sales", tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.filterwarnings("ignore:.*extension is not supported:UserWarning")
def test_libreoffice_recalculates_the_same_totals(sales, tmp_path):
    with sales.reading() as s:
        result = export_report(s, "customers", tmp_path / "c.xlsx")
    out = tmp_path / "lo"
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(result.path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    ours = openpyxl.load_workbook(result.path)["Customers"]
    theirs = openpyxl.load_workbook(out / "c.xlsx", data_only=True)["Customers"]
    rows, _ = data_rows(ours)
    last = 5 + len(rows)
    assert theirs[f"I{last}"].value == pytest.approx(sum(r[8] for r in rows))
    assert theirs[f"I{last}"].value == pytest.approx(1000.50 + 200.25 + 300 + 12345.60 + 50)
    assert theirs[f"H{last}"].value == 5 and theirs[f"G{last}"].value == 1
