"""CSV and Excel contact/order tables: real files written to tmp_path in the encodings and
dialects people send, the real Google legacy export in ../shared/interop/csv (expectations read
from the file itself), Outlook and Google exports, Chinese headers, orders, malformed input,
formula neutralisation and round trips."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import random
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from crmdesk.core.errors import ImportFailed
from crmdesk.interop import tabular
from crmdesk.interop.column_mapping import ColumnMapping, RowProblem
from crmdesk.interop.contact_columns import contacts_from_table
from crmdesk.interop.mapping_guess import guess_contact_mapping, guess_order_mapping
from crmdesk.interop.order_columns import orders_from_table
from crmdesk.interop.records import (
    AddressRecord,
    ContactRecord,
    EmailRecord,
    OrderLineRecord,
    OrderRecord,
    PhoneRecord,
)
from crmdesk.interop.table import Table
from crmdesk.interop.tabular import (
    neutralise,
    read_table,
    write_contacts_csv,
    write_contacts_xlsx,
)
from crmdesk.models.enums import AddressKind, EmailKind, PhoneKind

REPO = Path(__file__).resolve().parents[2]
CSV_DIR = REPO.parent / "shared" / "interop" / "csv"

M, W, H, F, P, OT = (PhoneKind.MOBILE, PhoneKind.WORK, PhoneKind.HOME, PhoneKind.FAX,
                    PhoneKind.PAGER, PhoneKind.OTHER)


def saved(tmp_path: Path, name: str, data: bytes) -> bytes:
    """Write the file for real and read it back, as the importer would get it."""
    path = tmp_path / name
    path.write_bytes(data)
    return path.read_bytes()


def read(tmp_path: Path, name: str, data: bytes) -> Table:
    return read_table(saved(tmp_path, name, data), name)


def contacts(table: Table) -> tuple[list[ContactRecord], list[RowProblem]]:
    return contacts_from_table(table, guess_contact_mapping(table.headers))


def xlsx_bytes(sheets: dict[str, list[list[object]]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def without_line(records: list[ContactRecord]) -> list[ContactRecord]:
    return [dataclasses.replace(r, source_line=0) for r in records]


# =============================================================================================
# The real Google legacy export
# =============================================================================================

def test_real_google_legacy_export_reads_as_a_person_would_read_it():
    name = "google_legacy_export_roundcube.csv"
    table = read_table((CSV_DIR / name).read_bytes(), name)
    assert (table.encoding, table.delimiter, len(table.headers)) == ("utf-8", ",", 81)
    records, problems = contacts(table)
    assert problems == []
    assert records == [ContactRecord(
        family_name="Lastname", given_name="Firstname", middle_name="Middle", prefix="Prefix",
        suffix="Suffix", nickname="nick",
        formatted_name="Prefix Firstname Middle Lastname Suffix",
        organization="company", title="jobtitle",
        phones=[PhoneRecord("pager", P), PhoneRecord("mainphone", OT),
                PhoneRecord("homephone", H), PhoneRecord("homefax", F),
                PhoneRecord("mobile", M), PhoneRecord("workphone", W),
                PhoneRecord("workfax", F)],
        emails=[EmailRecord("home@aaa.pl", EmailKind.HOME, primary=True),
                EmailRecord("work@email.pl", EmailKind.WORK),
                EmailRecord("unknown@email.com", EmailKind.OTHER),
                EmailRecord("other@email.com", EmailKind.OTHER)],
        addresses=[
            AddressRecord(street="home_street", po_box="home_pobox", city="home_city",
                          region="home_state", postal_code="home_zip", country="home_country",
                          kind=AddressKind.HOME,
                          label="home_street\nhome_pobox\nhome_city, home_state home_zip\n"
                                "home_country"),
            AddressRecord(street="work_street", city="work_city", postal_code="work_zip",
                          country="work_country", kind=AddressKind.WORK,
                          label="work_street\nwork_city work_zip\nwork_country")],
        birthday=dt.date(1975, 12, 12),
        websites=["test.com", "home.page.com"],
        notes='note"note\nSpouse: spouse',
        tags=["Test"],
        source_line=2)]


# =============================================================================================
# Reading CSV: encodings, delimiters, quoting, ragged rows
# =============================================================================================

CHINESE = ("姓名,公司,手机,备注\r\n张三,北京科技有限公司,138 0013 8000,老客户\r\n"
           "欧阳娜娜,上海贸易,139 0000 1111,“重要”\r\n")
WESTERN = ("Name,Company,City,Notes\r\nJürgen Müller,Café Straße GmbH,Köln,Größe ändern\r\n"
           "François Léger,Société Générale,Besançon,très bien\r\n")


@pytest.mark.parametrize(("text", "encoding", "data"), [
    (CHINESE, "utf-8", CHINESE.encode("utf-8")),
    (CHINESE, "utf-8-sig", CHINESE.encode("utf-8-sig")),
    (CHINESE, "utf-16", CHINESE.encode("utf-16")),
    (CHINESE, "utf-16", b"\xfe\xff" + CHINESE.encode("utf-16-be")),
    (CHINESE, "utf-16-le", CHINESE.encode("utf-16-le")),
    (CHINESE, "gb18030", CHINESE.encode("gbk")),
    (WESTERN, "cp1252", WESTERN.encode("cp1252")),
    (WESTERN, "utf-8", WESTERN.encode("utf-8")),
])
def test_encodings_are_detected(tmp_path, text, encoding, data):
    table = read(tmp_path, "people.csv", data)
    lines = [line.split(",") for line in text.splitlines()]
    assert table.encoding == encoding
    assert table.headers == lines[0]
    assert [r.values for r in table.rows] == lines[1:]
    assert [r.line for r in table.rows] == [2, 3]


@pytest.mark.parametrize(("delimiter", "text"), [
    (";", "Name;Betrag;Notiz\nMüller;1.234,50;a, b and c\nSchmidt;99,00;x\n"),
    ("\t", "姓名\t手机\t备注\n张三\t13800138000\t喜欢苹果,香蕉\n李四\t13900000000\t无\n"),
    ("|", "name|phone|notes\nAnn|123|a;b,c\nBo|456|d\n"),
    (",", 'name,phone,notes\nAnn,123,"a;b;c"\nBo,456,"d;e"\n'),
])
def test_delimiter_is_sniffed(tmp_path, delimiter, text):
    table = read(tmp_path, "t.csv", text.encode("utf-8"))
    assert table.delimiter == delimiter
    assert len(table.headers) == 3
    assert all(len(r.values) == 3 for r in table.rows)
    assert table.rows[0].values[2] in ("a, b and c", "喜欢苹果,香蕉", "a;b,c", "a;b;c")


def test_excel_sep_line_decides_the_delimiter(tmp_path):
    table = read(tmp_path, "t.csv", b"sep=;\r\nname;phone\r\nAnn, Jr.;123\r\n")
    assert (table.delimiter, table.headers) == (";", ["name", "phone"])
    assert [(r.line, r.values) for r in table.rows] == [(3, ["Ann, Jr.", "123"])]


def test_multi_line_quoted_fields_keep_the_line_where_the_row_starts(tmp_path):
    text = ('name,email,notes\r\n'
            'Alice,a@x.com,"line1\r\nline2\r\nline3"\r\n'
            '\r\n'
            'Bob,b@x.com,plain\r\n'
            ',,"only\na note"\r\n'
            'Carol,c@x.com,x\r\n')
    table = read(tmp_path, "t.csv", text.encode("utf-8"))
    assert [r.line for r in table.rows] == [2, 6, 7, 9]
    assert table.rows[0].values[2] == "line1\r\nline2\r\nline3"
    records, problems = contacts(table)
    assert [(r.formatted_name, r.source_line) for r in records] == [
        ("Alice", 2), ("Bob", 6), ("Carol", 9)]
    assert problems == [RowProblem(7, "no name, company, phone or e-mail")]


def test_ragged_rows_are_padded_and_extra_cells_get_a_column(tmp_path):
    table = read(tmp_path, "t.csv", b"name,phone,email\nAnn,1\nBo,2,b@x.com,VIP\n")
    assert table.headers == ["name", "phone", "email", "Column 4"]
    assert [r.values for r in table.rows] == [["Ann", "1", "", ""],
                                              ["Bo", "2", "b@x.com", "VIP"]]
    records, _ = contacts(table)
    assert records[1].notes == "Column 4: VIP"  # nothing the user typed is lost


def test_title_row_above_the_header_and_duplicate_headers(tmp_path):
    text = "客户名单,,,\n姓名,电话,电话,\n张三,010-1,010-2,\n"
    table = read(tmp_path, "t.csv", text.encode("gbk"))
    assert table.headers == ["姓名", "电话", "电话 (2)"]
    assert [(r.line, r.values) for r in table.rows] == [(3, ["张三", "010-1", "010-2"])]
    records, _ = contacts(table)
    assert [p.number for p in records[0].phones] == ["010-1", "010-2"]


# =============================================================================================
# Malformed input
# =============================================================================================

def _zip_without_workbook() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    return out.getvalue()


@pytest.mark.parametrize(("name", "data", "words"), [
    ("empty.csv", b"", "empty"),
    ("blank.csv", b"\xef\xbb\xbf\r\n  \r\n,,\r\n", "empty"),
    ("garbage.csv", bytes(range(256)) * 40, "binary"),
    ("random.txt", b"\x00\x01\x02\x03abc\x00\xff" * 100, "binary"),
    ("fake.xlsx", b"name,phone\nAnn,1\n", "not a valid Excel"),
    ("other.xlsx", _zip_without_workbook(), "not a readable Excel"),
    ("broken.xlsx", xlsx_bytes({"S": [["a"]]})[:300], "Excel"),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500, ".xls"),
    ("doc.csv", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),
    ("empty.xlsx", xlsx_bytes({"S": []}), "empty"),
])
def test_malformed_files_fail_with_import_failed_only(tmp_path, name, data, words):
    with pytest.raises(ImportFailed) as caught:
        read(tmp_path, name, data)
    assert words in str(caught.value)


def test_damaged_files_fail_only_with_import_failed():
    rnd = random.Random(7)
    name = "google_legacy_export_roundcube.csv"
    for data, filename in (((CSV_DIR / name).read_bytes(), "a.csv"),
                           (write_contacts_xlsx(people()), "a.xlsx")):
        for i in range(120):
            damaged = bytearray(data[:rnd.randrange(1, len(data))] if i % 3 == 0 else data)
            for _ in range(i % 3 * 4):
                damaged[rnd.randrange(len(damaged))] = rnd.randrange(256)
            try:
                table = read_table(bytes(damaged), filename)
                contacts(table)
                orders_from_table(table, guess_order_mapping(table.headers))
            except ImportFailed:
                pass


def test_a_quote_never_closed_names_the_line_where_it_opens(tmp_path):
    data = b'name,notes\nAnn,ok\nBo,"starts here\nand never\nends\n'
    with pytest.raises(ImportFailed) as caught:
        read(tmp_path, "t.csv", data)
    assert caught.value.line == 3
    assert "never closed" in str(caught.value)


def test_bom_file_with_bytes_that_are_not_utf8(tmp_path):
    data = b"\xef\xbb\xbfname\nAnn\n\xc4\xe3\xba\xc3\n"
    with pytest.raises(ImportFailed) as caught:
        read(tmp_path, "t.csv", data)
    assert caught.value.line == 3


# =============================================================================================
# Reading Excel
# =============================================================================================

def test_xlsx_first_or_named_sheet_with_dates_numbers_and_sheet_rows(tmp_path):
    data = xlsx_bytes({
        "联系人": [["联系人列表"], [], ["姓名", "手机", "生日", "积分", "备注"],
                ["张三", 13800138000, dt.datetime(1985, 3, 1), 1.5, "老客户"],
                [], ["李四", "139 0000 1111", None, 2, None]],
        "Orders": [["Order", "Customer", "Date", "Total"],
                   ["A1", "张三", dt.datetime(2024, 3, 1, 9, 30), 99.5]]})
    table = read(tmp_path, "book.xlsx", data)
    assert (table.sheet, table.encoding, table.delimiter) == ("联系人", "", "")
    assert table.headers == ["姓名", "手机", "生日", "积分", "备注"]
    assert [r.line for r in table.rows] == [4, 6]
    assert table.rows[0].values == ["张三", 13800138000, dt.date(1985, 3, 1), 1.5, "老客户"]
    records, _ = contacts(table)
    assert records[0].phones == [PhoneRecord("13800138000", M)]
    assert records[0].birthday == dt.date(1985, 3, 1)
    assert records[0].notes == "老客户\n积分: 1.5"
    assert records[1].source_line == 6

    orders = read_table(data, "book.xlsx", sheet="Orders")
    assert orders.rows[0].values == ["A1", "张三", dt.datetime(2024, 3, 1, 9, 30), 99.5]
    with pytest.raises(ImportFailed, match="no sheet 'Nope'"):
        read_table(data, "book.xlsx", sheet="Nope")


def test_content_decides_over_the_name(tmp_path):
    data = xlsx_bytes({"S": [["name", "email"], ["Ann", "a@x.com"]]})
    table = read(tmp_path, "renamed.csv", data)
    assert table.rows[0].values == ["Ann", "a@x.com"]


# =============================================================================================
# Outlook, Google current and Chinese headers
# =============================================================================================

OUTLOOK_HEADER = [
    "Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company", "Department",
    "Job Title", "Business Street", "Business Street 2", "Business Street 3", "Business City",
    "Business State", "Business Postal Code", "Business Country/Region", "Home Street",
    "Home Street 2", "Home Street 3", "Home City", "Home State", "Home Postal Code",
    "Home Country/Region", "Other Street", "Other Street 2", "Other Street 3", "Other City",
    "Other State", "Other Postal Code", "Other Country/Region", "Assistant's Phone",
    "Business Fax", "Business Phone", "Business Phone 2", "Callback", "Car Phone",
    "Company Main Phone", "Home Fax", "Home Phone", "Home Phone 2", "ISDN", "Mobile Phone",
    "Other Fax", "Other Phone", "Pager", "Primary Phone", "Radio Phone", "TTY/TDD Phone",
    "Telex", "Account", "Anniversary", "Assistant's Name", "Billing Information", "Birthday",
    "Business Address PO Box", "Categories", "Children", "Directory Server", "E-mail Address",
    "E-mail Type", "E-mail Display Name", "E-mail 2 Address", "E-mail 2 Type",
    "E-mail 2 Display Name", "E-mail 3 Address", "E-mail 3 Type", "E-mail 3 Display Name",
    "Gender", "Government ID Number", "Hobby", "Home Address PO Box", "Initials",
    "Internet Free Busy", "Keywords", "Language", "Location", "Manager's Name", "Mileage",
    "Notes", "Office Location", "Organizational ID Number", "Other Address PO Box", "Priority",
    "Private", "Profession", "Referred By", "Sensitivity", "Spouse", "User 1", "User 2",
    "User 3", "User 4", "Web Page"]


def outlook_row(**values: str) -> list[str]:
    defaults = {"Gender": "Unspecified", "Priority": "Normal", "Private": "False",
                "Sensitivity": "Normal", "Birthday": "0/0/00", "Anniversary": "0/0/00"}
    values = {**defaults, **{k.replace("_", " "): v for k, v in values.items()}}
    return [values.get(h, "") for h in OUTLOOK_HEADER]


def csv_text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def test_outlook_export(tmp_path):
    john = outlook_row(**{
        "Title": "Mr.", "First Name": "John", "Last Name": "Smith", "Company": "Contoso",
        "Department": "Sales", "Job Title": "Manager", "Business Street": "1 Main St",
        "Business Street 2": "Suite 200", "Business City": "Seattle", "Business State": "WA",
        "Business Postal Code": "98101", "Business Country/Region": "United States",
        "Business Phone": "+1 206 555 0100", "Mobile Phone": "+1 206 555 0111",
        "Business Fax": "+1 206 555 0199", "Primary Phone": "+1 206 555 0111",
        "Anniversary": "6/15/2010", "Categories": "Customers;VIP",
        "E-mail Address": "john@contoso.com", "E-mail Type": "SMTP",
        "E-mail Display Name": "John Smith (john@contoso.com)", "Initials": "J.S.",
        "Notes": "Met at the fair", "Web Page": "www.contoso.com", "Spouse": "Mary"})
    mei = outlook_row(**{"First Name": "Mei", "Last Name": "Chen", "Birthday": "3/4/1980",
                         "Home Phone": "+86 21 5555 0000", "Home City": "上海",
                         "E-mail 2 Address": "mei@example.cn", "E-mail 2 Type": "SMTP",
                         "Sensitivity": "Private"})
    data = csv_text([OUTLOOK_HEADER, john, mei]).encode("utf-8")
    table = read(tmp_path, "outlook.csv", data)
    mapping = guess_contact_mapping(table.headers)
    assert mapping.fields["prefix"] == "Title"
    assert mapping.fields["title"] == "Job Title"
    assert {"E-mail Display Name", "E-mail Type", "Initials"} <= set(mapping.ignore)
    records, problems = contacts_from_table(table, mapping)
    assert problems == []
    assert records[0] == ContactRecord(
        prefix="Mr.", given_name="John", family_name="Smith", formatted_name="Mr. John Smith",
        organization="Contoso", department="Sales", title="Manager",
        phones=[PhoneRecord("+1 206 555 0199", F), PhoneRecord("+1 206 555 0100", W),
                PhoneRecord("+1 206 555 0111", M, primary=True)],
        emails=[EmailRecord("john@contoso.com")],
        addresses=[AddressRecord(street="1 Main St\nSuite 200", city="Seattle", region="WA",
                                 postal_code="98101", country="United States",
                                 kind=AddressKind.WORK)],
        birthday=None, websites=["www.contoso.com"], tags=["Customers", "VIP"],
        notes="Met at the fair\nAnniversary: 6/15/2010\nSpouse: Mary", source_line=2)
    mei_rec = records[1]
    assert mei_rec.birthday == dt.date(1980, 3, 4)  # Outlook writes month/day/year
    assert mei_rec.addresses == [AddressRecord(city="上海", kind=AddressKind.HOME)]
    assert mei_rec.phones == [PhoneRecord("+86 21 5555 0000", H)]
    assert mei_rec.emails == [EmailRecord("mei@example.cn")]
    assert mei_rec.notes == "Sensitivity: Private"  # not a default, so kept


GOOGLE_HEADER = [
    "First Name", "Middle Name", "Last Name", "Phonetic First Name", "Phonetic Middle Name",
    "Phonetic Last Name", "Name Prefix", "Name Suffix", "Nickname", "File As",
    "Organization Name", "Organization Title", "Organization Department", "Birthday", "Notes",
    "Photo", "Labels", "E-mail 1 - Label", "E-mail 1 - Value", "E-mail 2 - Label",
    "E-mail 2 - Value", "Phone 1 - Label", "Phone 1 - Value", "Phone 2 - Label",
    "Phone 2 - Value", "Address 1 - Label", "Address 1 - Formatted", "Address 1 - Street",
    "Address 1 - City", "Address 1 - PO Box", "Address 1 - Region", "Address 1 - Postal Code",
    "Address 1 - Country", "Address 1 - Extended Address", "Relation 1 - Label",
    "Relation 1 - Value", "Website 1 - Label", "Website 1 - Value", "Event 1 - Label",
    "Event 1 - Value", "IM 1 - Label", "IM 1 - Service", "IM 1 - Value",
    "Custom Field 1 - Label", "Custom Field 1 - Value"]


def test_google_current_export(tmp_path):
    values = {
        "First Name": "娜", "Last Name": "李", "Phonetic First Name": "Na",
        "Phonetic Last Name": "Li", "Nickname": "Nana", "Organization Name": "ACME 中国",
        "Organization Title": "CTO", "Organization Department": "研发部",
        "Birthday": "--12-25", "Notes": "Likes tea",
        "Labels": "* myContacts ::: * starred ::: Friends",
        "E-mail 1 - Label": "* Work", "E-mail 1 - Value": "na@acme.cn",
        "E-mail 2 - Label": "Home", "E-mail 2 - Value": "na@home.cn",
        "Phone 1 - Label": "Mobile", "Phone 1 - Value": "+86 139 1234 5678 ::: +86 139 0000 1111",
        "Phone 2 - Label": "Work Fax", "Phone 2 - Value": "+86 10 8888 9999",
        "Address 1 - Label": "Home", "Address 1 - Formatted": "北京市朝阳区建国路1号",
        "Address 1 - Street": "建国路1号", "Address 1 - City": "北京",
        "Address 1 - Postal Code": "100020", "Address 1 - Country": "中国",
        "Relation 1 - Label": "Spouse", "Relation 1 - Value": "王伟",
        "Website 1 - Label": "Profile", "Website 1 - Value": "https://acme.cn/na",
        "Event 1 - Label": "Anniversary", "Event 1 - Value": "2015-06-01",
        "IM 1 - Service": "WeChat", "IM 1 - Value": "lina_wx",
        "Custom Field 1 - Label": "Customer ID", "Custom Field 1 - Value": "C-77"}
    data = csv_text([GOOGLE_HEADER, [values.get(h, "") for h in GOOGLE_HEADER]])
    table = read(tmp_path, "contacts.csv", data.encode("utf-8"))
    records, problems = contacts(table)
    assert problems == []
    assert records == [ContactRecord(
        family_name="李", given_name="娜", formatted_name="李娜", nickname="Nana",
        phonetic_family_name="Li", phonetic_given_name="Na", organization="ACME 中国",
        title="CTO", department="研发部",
        emails=[EmailRecord("na@acme.cn", EmailKind.WORK, primary=True),
                EmailRecord("na@home.cn", EmailKind.HOME)],
        phones=[PhoneRecord("+86 139 1234 5678", M), PhoneRecord("+86 139 0000 1111", M),
                PhoneRecord("+86 10 8888 9999", F)],
        addresses=[AddressRecord(street="建国路1号", city="北京", postal_code="100020",
                                 country="中国", kind=AddressKind.HOME,
                                 label="北京市朝阳区建国路1号")],
        birthday=None, websites=["https://acme.cn/na"], tags=["starred", "Friends"],
        wechat="lina_wx",
        notes="Likes tea\nBirthday: --12-25\nSpouse: 王伟\nAnniversary: 2015-06-01\n"
              "Customer ID: C-77",
        source_line=2)]


def test_chinese_headers(tmp_path):
    header = ["姓", "名", "公司", "部门", "职位", "手机", "电话", "电话", "邮箱", "省", "城市",
              "地址", "邮编", "国家", "生日", "备注", "标签", "微信", "客户来源"]
    rows = [["王", "小明", "深圳华强", "采购部", "采购经理", "13800138000", "0755-12345678",
             "0755-87654321", "xm@hq.cn", "广东", "深圳", "华强北路1号", "518000", "中国",
             "1990/5/6", "重点客户", "VIP，华南", "wxm", "展会"],
            ["", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "只有备注", "", "", ""]]
    table = read(tmp_path, "客户.csv", csv_text([header, *rows]).encode("gbk"))
    records, problems = contacts(table)
    assert records == [ContactRecord(
        family_name="王", given_name="小明", formatted_name="王小明", organization="深圳华强",
        department="采购部", title="采购经理",
        phones=[PhoneRecord("13800138000", M), PhoneRecord("0755-12345678", OT),
                PhoneRecord("0755-87654321", OT)],
        emails=[EmailRecord("xm@hq.cn")],
        addresses=[AddressRecord(street="华强北路1号", city="深圳", region="广东",
                                 postal_code="518000", country="中国")],
        birthday=dt.date(1990, 5, 6), notes="重点客户\n客户来源: 展会", tags=["VIP", "华南"],
        wechat="wxm", source_line=2)]
    assert problems == [RowProblem(3, "no name, company, phone or e-mail")]


@pytest.mark.parametrize(("headers", "expected"), [
    (["Name", "E-mail", "Phone", "Company"],
     {"formatted_name": "Name", "organization": "Company",
      "emails": [{"value": "E-mail", "kind": "other"}],
      "phones": [{"value": "Phone", "kind": "other"}]}),
    (["姓名", "手机号码（必填）", "电子邮箱", "公司名称", "职务"],
     {"formatted_name": "姓名", "organization": "公司名称", "title": "职务",
      "phones": [{"value": "手机号码（必填）", "kind": "mobile"}],
      "emails": [{"value": "电子邮箱", "kind": "other"}]}),
])
def test_generic_headers_by_synonyms(headers, expected):
    assert guess_contact_mapping(headers).to_json() == expected


def test_a_full_name_is_split_like_the_vcard_reader_does(tmp_path):
    table = read(tmp_path, "t.csv", "姓名,name\n欧阳娜娜,\n,Mary Ann Smith\n".encode())
    mapping = ColumnMapping.from_json({"formatted_name": "姓名"})
    records, _ = contacts_from_table(table, mapping)
    assert [(r.family_name, r.given_name) for r in records] == [("欧阳", "娜娜")]
    records, _ = contacts_from_table(table, ColumnMapping.from_json({"formatted_name": "name"}))
    assert [(r.family_name, r.given_name, r.middle_name) for r in records] == [
        ("Smith", "Mary", "Ann")]


# =============================================================================================
# The mapping as JSON
# =============================================================================================

def test_mapping_json_round_trip_and_use(tmp_path):
    mapping = guess_contact_mapping(OUTLOOK_HEADER)
    text = json.dumps(mapping.to_json(), ensure_ascii=False)
    assert ColumnMapping.from_json(text) == mapping
    assert ColumnMapping.from_json(json.loads(text)) == mapping

    german = "Kunde;Tel;Mail;Stadt;Quelle\nMüller;0221 1;m@x.de;Köln;Messe\n"
    table = read(tmp_path, "de.csv", german.encode("cp1252"))
    custom = ColumnMapping.from_json({
        "formatted_name": "Kunde", "phones": ["Tel"],
        "emails": [{"value": "Mail", "kind": "work", "primary": True}],
        "addresses": [{"city": "Stadt", "kind": "work"}]})
    records, _ = contacts_from_table(table, custom)
    assert records == [ContactRecord(
        given_name="Müller", formatted_name="Müller", phones=[PhoneRecord("0221 1")],
        emails=[EmailRecord("m@x.de", EmailKind.WORK, primary=True)],
        addresses=[AddressRecord(city="Köln", kind=AddressKind.WORK)], notes="Quelle: Messe",
        source_line=2)]


@pytest.mark.parametrize(("data", "words"), [
    ("[1, 2]", "JSON object"),
    ("{not json", "not valid JSON"),
    ({"shoe_size": "Size"}, "unknown field 'shoe_size'"),
    ({"phones": [{"value": "Tel", "kind": "satellite"}]}, "not a kind of phones"),
    ({"phones": [{"label": "Tel"}]}, "needs a \"value\""),
    ({"given_name": 3}, "must name a column"),
    ({"addresses": [{"town": "City"}]}, "unknown key 'town'"),
])
def test_bad_mappings_say_what_is_wrong(data, words):
    with pytest.raises(ImportFailed) as caught:
        ColumnMapping.from_json(data)
    assert words in str(caught.value)


def test_mapping_naming_a_missing_column_or_no_usable_column(tmp_path):
    table = read(tmp_path, "t.csv", b"foo,bar\n1,2\n")
    with pytest.raises(ImportFailed, match="doesn't have: 'Phone'"):
        contacts_from_table(table, ColumnMapping.from_json({"phones": ["Phone"]}))
    with pytest.raises(ImportFailed, match="None of the columns"):
        contacts(table)
    with pytest.raises(ImportFailed, match="customer"):
        orders_from_table(table, guess_order_mapping(table.headers))


# =============================================================================================
# Orders
# =============================================================================================

def test_chinese_order_lines_with_day_first_dates_and_currency_symbols(tmp_path):
    text = ('订单号,日期,客户,客户编号,产品,数量,单价,金额,币种\r\n'
            'SO-1,01/03/2024,北京科技,C001,"激光打印机\r\n(含安装)",2,"￥1,234.50","￥2,469.00",\r\n'
            'SO-1,01/03/2024,北京科技,C001,墨盒,10,￥50,￥500,\r\n'
            'SO-2,25/03/2024,上海贸易,C002,扫描仪,1,RMB 800,RMB 800,人民币\r\n'
            'SO-3,31/02/2024,广州商行,C003,纸,1,1,1,\r\n'
            'SO-4,2024年4月1日,,,笔,1,1,1,\r\n'
            'SO-1,02/03/2024,北京科技,C001,纸,1,1,1,\r\n'
            'SO-5,2024/4/2,深圳,C005,胶带,三,1,1,\r\n'
            'SO-6,2024-04-03,杭州,C006,订书机,3件,"12,5",,USD\r\n')
    table = read(tmp_path, "orders.csv", text.encode("gbk"))
    mapping = guess_order_mapping(table.headers)
    assert mapping.fields["line_amount"] == "金额"  # rows carry products: 金额 is the line's
    orders, problems = orders_from_table(table, mapping)
    assert orders == [
        OrderRecord(customer_name="北京科技", customer_code="C001",
                    ordered_on=dt.date(2024, 3, 1), amount=Decimal("2969.00"), currency="CNY",
                    number="SO-1", source_line=2, lines=[
                        OrderLineRecord("激光打印机\r\n(含安装)", Decimal(2), Decimal("1234.50"),
                                        Decimal("2469.00")),
                        OrderLineRecord("墨盒", Decimal(10), Decimal(50), Decimal(500))]),
        OrderRecord(customer_name="上海贸易", customer_code="C002",
                    ordered_on=dt.date(2024, 3, 25), amount=Decimal(800), currency="CNY",
                    number="SO-2", source_line=5,
                    lines=[OrderLineRecord("扫描仪", Decimal(1), Decimal(800), Decimal(800))]),
        OrderRecord(customer_name="杭州", customer_code="C006", ordered_on=dt.date(2024, 4, 3),
                    amount=Decimal("37.5"), currency="USD", number="SO-6", source_line=10,
                    lines=[OrderLineRecord("订书机", Decimal(3), Decimal("12.5"), None)])]
    assert problems == [
        RowProblem(6, "日期: '31/02/2024' is not a date (this column writes day/month/year)"),
        RowProblem(7, "no customer"),
        RowProblem(8, "order SO-1 has date 2024-03-01 on line 2, this row says 2024-03-02"),
        RowProblem(9, "数量: '三' is not a number")]


def test_english_orders_month_first_and_decimal_comma(tmp_path):
    text = ("Order No;Date;Customer Email;Total;Currency\n"
            "1001;03/14/2024;a@x.com;1.234,50 €;\n"
            "1002;04/01/2024;b@x.com;(500,00);EUR\n"
            "1003;04/02/2024;c@x.com;1.000;eur\n"
            "1004;;d@x.com;;\n"
            "1005;13/13/2024;e@x.com;5;\n"
            "1006;04/03/2024;f@x.com;lots;\n")
    table = read(tmp_path, "orders.csv", text.encode("utf-8"))
    orders, problems = orders_from_table(table, guess_order_mapping(table.headers))
    assert [(o.number, o.ordered_on, o.customer_email, o.amount, o.currency, o.lines)
            for o in orders] == [
        ("1001", dt.date(2024, 3, 14), "a@x.com", Decimal("1234.50"), "EUR", []),
        ("1002", dt.date(2024, 4, 1), "b@x.com", Decimal("-500.00"), "EUR", []),
        ("1003", dt.date(2024, 4, 2), "c@x.com", Decimal(1000), "EUR", []),
        ("1004", None, "d@x.com", None, "", [])]
    assert [p.line for p in problems] == [6, 7]
    assert "month/day/year" in problems[0].reason
    assert problems[1].reason == "Total: 'lots' is not a number"


def test_ambiguous_dates_follow_the_separator():
    from crmdesk.interop.cells import DateReader

    assert DateReader(["01/03/2024"])("01/03/2024") == dt.date(2024, 1, 3)
    assert DateReader(["01.03.2024"])("01.03.2024") == dt.date(2024, 3, 1)
    assert DateReader(["01/03/2024", "25/12/2024"])("01/03/2024") == dt.date(2024, 3, 1)
    reader = DateReader([])
    assert reader("March 1, 2024") == reader("1 Mar 2024") == dt.date(2024, 3, 1)
    assert reader("20240301") == reader("45352") == reader(45352) == dt.date(2024, 3, 1)
    assert reader("2024-03-01 10:30:00") == dt.date(2024, 3, 1)
    with pytest.raises(ValueError):
        reader("5")


def test_orders_from_excel_with_date_cells_and_serial_numbers(tmp_path):
    data = xlsx_bytes({"销售": [
        ["单号", "下单日期", "客户名称", "合计", "币种"],
        ["X1", dt.datetime(2024, 3, 1), "北京科技", 1234.5, "¥"],
        ["X2", 45353, "上海贸易", 88, "USD"],
        ["X3", "2024年3月3日", "广州商行", "¥ 1,000", None]]})
    table = read(tmp_path, "sales.xlsx", data)
    orders, problems = orders_from_table(table, guess_order_mapping(table.headers))
    assert problems == []
    assert [(o.number, o.ordered_on, o.customer_name, o.amount, o.currency, o.source_line)
            for o in orders] == [
        ("X1", dt.date(2024, 3, 1), "北京科技", Decimal("1234.5"), "CNY", 2),
        ("X2", dt.date(2024, 3, 2), "上海贸易", Decimal(88), "USD", 3),
        ("X3", dt.date(2024, 3, 3), "广州商行", Decimal(1000), "CNY", 4)]


def test_order_total_repeated_on_each_line_and_a_contradicting_total(tmp_path):
    text = ("Invoice,Customer,Product,Qty,Price,Order Total\n"
            "7,ACME,Bolt,100,0.10,25.00\n"
            "7,ACME,Nut,100,0.15,25.00\n"
            "7,ACME,Washer,1,1,26.00\n")
    table = read(tmp_path, "inv.csv", text.encode())
    orders, problems = orders_from_table(table, guess_order_mapping(table.headers))
    assert [(o.number, o.amount, [li.product for li in o.lines]) for o in orders] == [
        ("7", Decimal("25.00"), ["Bolt", "Nut"])]
    assert problems == [RowProblem(4, "order 7 has total 25.00 on line 2, this row says 26.00")]


# =============================================================================================
# Writing: formula neutralisation and round trips
# =============================================================================================

def people() -> list[ContactRecord]:
    return [
        ContactRecord(
            family_name="张", given_name="三", formatted_name="张三", nickname="小张",
            phonetic_family_name="zhang", phonetic_given_name="san",
            organization="北京科技有限公司", department="@市场部", title="=销售经理",
            phones=[PhoneRecord("+86 138 0013 8000", M, primary=True),
                    PhoneRecord("-010 6000 0000", W), PhoneRecord("010 8888 0000", F)],
            emails=[EmailRecord("zhang@example.cn", EmailKind.WORK, primary=True),
                    EmailRecord("z3@home.cn", EmailKind.HOME)],
            addresses=[AddressRecord(street="中关村大街1号\n2层", city="北京", region="北京",
                                     postal_code="100080", country="中国", kind=AddressKind.WORK,
                                     label="中国北京中关村大街1号2层", primary=True),
                       AddressRecord(po_box="PO 9", extended="Apt 3", kind=AddressKind.POSTAL)],
            birthday=dt.date(1985, 3, 1), websites=["https://bj.example.cn", "b.cn"],
            notes='第一行\n=HYPERLINK("http://evil")\n\'=already quoted',
            tags=["VIP", "重要客户"], wechat="zs_wx"),
        ContactRecord(family_name="Smith", given_name="John", middle_name="Q", prefix="Dr.",
                      suffix="Jr.", formatted_name="Johnny Smith",
                      emails=[EmailRecord("j@x.com")], photo_uri="https://p.example/x.jpg"),
        ContactRecord(given_name="+Plus", formatted_name="+Plus", organization="-Minus GmbH",
                      phones=[PhoneRecord("@123", P)]),
    ]


def test_csv_is_utf8_with_bom_and_neutralises_formulas():
    data = write_contacts_csv(people())
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.startswith("First Name,Middle Name,Last Name,Phonetic First Name,")
    cells = [c for row in csv.reader(io.StringIO(text, newline="")) for c in row]
    for cell in ("'=销售经理", "'@市场部", "'+86 138 0013 8000", "'-010 6000 0000", "'+Plus",
                 "'-Minus GmbH", "'@123"):
        assert cell in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    notes = next(c for c in cells if c.startswith("第一行"))
    assert "\n=HYPERLINK" in notes  # not at a cell's start: harmless, left alone
    assert neutralise("'=x") == "''=x" and neutralise("'Tis") == "'Tis"
    assert neutralise("\tx") == "'\tx" and neutralise("\rx") == "'\rx"


def test_xlsx_cells_are_text_not_formulas():
    """A text cell holds the text as typed: no `'` shows in a phone number, and an `=` is a
    string cell, never a formula."""
    data = write_contacts_xlsx(people())
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    cells = {c.value: c for row in ws.iter_rows() for c in row if c.value is not None}
    assert all(c.data_type != "f" for c in cells.values())
    for text in ("=销售经理", "@市场部", "+86 138 0013 8000", "-010 6000 0000", "+Plus"):
        assert cells[text].data_type == "s"
    assert not [v for v in cells if isinstance(v, str) and v.startswith("'")]
    birthday = next(c for c in cells.values() if isinstance(c.value, dt.datetime))
    assert birthday.value == dt.datetime(1985, 3, 1)


@pytest.mark.parametrize("text", ["=1+1", "'=1+1", "''=x", "'Tis", "+86 138 0013 8000"])
def test_an_xlsx_text_cell_reads_back_as_written(text):
    data = tabular.write_table_xlsx(["Notes"], [[text]])
    assert tabular.read_table(data, "x.xlsx").rows[0].values == [text]


@pytest.mark.parametrize(
    "text",
    ["\ufeff=1+1", "\u200b=1+1", "  =1+1", "\uff1dSUM(A1)", "\uff0b1", "\u3000@x"],
)
def test_csv_neutralises_formulas_behind_invisible_or_full_width_characters(text):
    assert neutralise(text) == "'" + text
    assert tabular.unneutralise(neutralise(text)) == text


def test_a_csv_cell_split_at_another_list_separator_starts_no_formula():
    """Excel opens a CSV with the locale's list separator (`;` in much of Europe): every
    part of a cell after a `;` or tab is neutralised too, and reading gives the cell back."""
    cells = [["x", "a;=1+1"], ["b\t=2", "c;'=3"], ["d; -4", "e;ok"]]
    data = tabular.write_table_csv(["A", "B"], cells)
    text = data.decode("utf-8-sig")
    for separator in (";", "\t"):
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=separator):
            assert not [c for c in row if c.lstrip(' "')[:1] in ("=", "+", "-", "@")]
    assert [r.values for r in tabular.read_table(data, "x.csv").rows] == cells


@pytest.mark.parametrize(("writer", "name", "lines"), [
    (write_contacts_csv, "out.csv", [2, 6, 7]),  # the first row's street and notes span lines
    (write_contacts_xlsx, "out.xlsx", [2, 3, 4])])
def test_round_trip_gives_the_same_records(tmp_path, writer, name, lines):
    records = people()
    table = read(tmp_path, name, writer(records))
    back, problems = contacts(table)
    assert problems == []
    assert without_line(back) == records
    assert [r.source_line for r in back] == lines


def test_round_trip_of_what_the_reader_made_from_the_real_google_file(tmp_path):
    name = "google_legacy_export_roundcube.csv"
    first, _ = contacts(read_table((CSV_DIR / name).read_bytes(), name))
    for writer, out in ((write_contacts_csv, "o.csv"), (write_contacts_xlsx, "o.xlsx")):
        back, _ = contacts(read(tmp_path, out, writer(first)))
        assert back == first


def test_a_header_only_file_gives_no_records(tmp_path):
    table = read(tmp_path, "t.csv", write_contacts_csv([]))
    assert table.rows == []
    assert contacts(table) == ([], [])


def test_binary_data_is_refused_naming_the_line_it_starts_on(tmp_path):
    data = b"name,email\nZhang,z@example.cn\nLi,l@example.cn\n" + bytes(range(256)) * 40
    with pytest.raises(ImportFailed, match="holds binary data") as refused:
        read(tmp_path, "t.csv", data)
    assert refused.value.line == 4


def test_a_utf32_file_that_breaks_off_names_the_line():
    import codecs

    data = codecs.BOM_UTF32_LE + "name,email\nZhang,z@example.cn\n".encode("utf-32-le")
    with pytest.raises(ImportFailed, match="not all UTF-32") as refused:
        read_table(data + b"\xff\xff\xff\xff", "u.csv")
    assert refused.value.line == 3
