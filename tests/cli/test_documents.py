"""`crmdesk labels stocks` and `crmdesk export labels|envelopes|report`, as a user runs them."""

from __future__ import annotations

import json

import openpyxl
import pdfplumber

from crmdesk.interop.records import AddressRecord
from crmdesk.models.enums import AddressKind
from crmdesk.services.contacts import ContactDraft, save_contact
from tests.cli.test_main import crmdesk


def test_stocks_are_listed_with_their_geometry_in_points(tmp_path):
    db = str(tmp_path / "crm.sqlite3")
    out = crmdesk("--db", db, "labels", "stocks", "--search", "avery l7160", "--json")
    stocks = [json.loads(line) for line in out.stdout.splitlines()]
    l7160 = next(s for s in stocks if s["name"] == "Avery L7160")
    assert l7160["source"] == "built-in" and l7160["labels"] == 21 and l7160["unit"] == "pt"
    assert l7160["page"] == [595.28, 841.89] and l7160["label"] == [180.0, 108.0]
    assert l7160["layouts"] == [{"nx": 3, "ny": 7, "x0": 20.55, "y0": 42.94, "dx": 187.2,
                                 "dy": 108.0}]  # fmt: skip
    plain = crmdesk("--db", db, "labels", "stocks", "--search", "5160")
    assert "Avery 5160" in plain.stdout


def test_export_labels_and_envelopes_skip_contacts_without_an_address(db, tmp_path):
    with db.transaction() as s:
        save_contact(s, ContactDraft(family_name="张", given_name="三", tags=["mail"], addresses=[
            AddressRecord(street="体育西路103号", city="广州市", region="广东省",
                          postal_code="510620", kind=AddressKind.WORK)]))
        save_contact(s, ContactDraft(family_name="Smith", given_name="Jane", tags=["mail"],
                                     addresses=[AddressRecord(street="1 Main St", city="Boston",
                                                              region="MA", postal_code="02110",
                                                              kind=AddressKind.HOME)]))
        save_contact(s, ContactDraft(family_name="No", given_name="Address", tags=["mail"]))
    path = str(tmp_path / "crm.sqlite3")
    labels = tmp_path / "labels.pdf"
    out = crmdesk("--db", path, "export", "labels", "--stock", "L7163", "--tag", "mail",
                  "--start", "2", "--outline", "-o", str(labels), "--json")  # fmt: skip
    assert json.loads(out.stdout) == {"labels": 2, "skipped": 1, "path": str(labels)}
    with pdfplumber.open(labels) as pdf:
        text = pdf.pages[0].extract_text()
    assert "张三 收" in text and "Jane Smith" in text and "Boston, MA 02110" in text
    envelopes = tmp_path / "env.pdf"
    out = crmdesk(
        "--db", path, "export", "envelopes", "--size", "6号", "--search", "张三",
        "--sender-name", "李四", "--sender-city", "北京市", "-o", str(envelopes),
    )  # fmt: skip
    assert f"wrote 1 envelopes to {envelopes}" in out.stdout
    with pdfplumber.open(envelopes) as pdf:
        assert len(pdf.pages) == 1 and "张三 收" in pdf.pages[0].extract_text()


def test_a_stock_that_is_not_there_is_one_clear_line(tmp_path):
    out = crmdesk("--db", str(tmp_path / "c.sqlite3"), "export", "labels", "--stock", "Avery 0",
                  "-o", str(tmp_path / "x.pdf"), check=False)  # fmt: skip
    assert out.returncode == 1
    assert out.stderr.strip().splitlines() == [
        "crmdesk: No label sheet is called Avery 0. "
        "List the sheets with: crmdesk labels stocks --search 0"
    ]
    assert not (tmp_path / "x.pdf").exists()


def test_export_report_with_a_period(db, tmp_path):
    path = str(tmp_path / "crm.sqlite3")
    target = tmp_path / "customers.xlsx"
    out = crmdesk("--db", path, "export", "report", "customers", "--from", "2025-01-01",
                  "--to", "2025-12-31", "-o", str(target), "--json")  # fmt: skip
    assert json.loads(out.stdout)["rows"] == 0
    sheet = openpyxl.load_workbook(target)["Customers"]
    assert sheet["A2"].value == "From 2025-01-01 to 2025-12-31"
    bad = crmdesk("--db", path, "export", "report", "sales", "-o", str(target), check=False)
    assert bad.returncode == 1 and "no report called sales" in bad.stderr
