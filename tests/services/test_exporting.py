"""Contact export: vCard 3.0/4.0, CSV and xlsx round trips, formula neutralising, atomic files."""

from __future__ import annotations

import datetime as dt
import errno
import os

import openpyxl
import pytest

from crmdesk.export import atomic
from crmdesk.export.atomic import WriteFailed, write_atomically
from crmdesk.interop.records import AddressRecord, EmailRecord, PhoneRecord
from crmdesk.models.enums import AddressKind, EmailKind, PhoneKind
from crmdesk.services import exporting
from crmdesk.services.contacts import ContactDraft, ContactFilter, contact_ids, get_contact
from crmdesk.services.contacts import save_contact as save
from crmdesk.services.exporting import ExportFormat, export_contacts
from crmdesk.services.importing import import_contacts, read_contact_file
from crmdesk.store.db import Database


@pytest.fixture
def rich(db, people):
    """The shared people plus one contact with every field a file can carry."""
    with db.transaction() as session:
        save(
            session,
            ContactDraft(
                family_name="李",
                given_name="小龙",
                nickname="小李",
                organization="北京龙腾科技有限公司",
                department="销售部",
                title="总经理",
                phones=[
                    PhoneRecord("+86 10 6552 9988", PhoneKind.WORK, primary=True),
                    PhoneRecord("13987654321", PhoneKind.MOBILE),
                ],
                emails=[EmailRecord("li.xl@longteng.cn", EmailKind.WORK, primary=True)],
                addresses=[
                    AddressRecord(
                        street="朝阳区建国路88号",
                        city="北京",
                        region="北京市",
                        postal_code="100022",
                        country="中国",
                        kind=AddressKind.WORK,
                    )
                ],
                birthday=dt.date(1980, 11, 27),
                websites=["https://longteng.example.cn"],
                notes="第一行\n第二行; with, punctuation",
                tags=["重点客户", "VIP"],
            ),
        )
    return people


def contents(database: Database) -> list[tuple]:
    """Every live contact as the fields a round trip must keep, in a stable order."""
    rows = []
    with database.reading() as session:
        for cid in contact_ids(session):
            d = get_contact(session, cid).draft
            rows.append(
                (
                    d.family_name,
                    d.given_name,
                    d.nickname,
                    d.organization,
                    d.department,
                    d.title,
                    d.birthday,
                    d.notes,
                    tuple(d.websites),
                    tuple((p.number, p.kind) for p in d.phones),
                    tuple((e.address, e.kind) for e in d.emails),
                    tuple(
                        (a.street, a.city, a.region, a.postal_code, a.country, a.kind)
                        for a in d.addresses
                    ),
                    tuple(sorted(d.tags)),
                )
            )
    return sorted(rows, key=repr)


def reimport(tmp_path, path) -> Database:
    fresh = Database.open(tmp_path / f"fresh-{path.name}.sqlite3")
    with fresh.transaction() as session:
        import_contacts(session, read_contact_file(path))
    return fresh


@pytest.mark.parametrize("fmt", ["vcf3", "vcf4", "csv", "xlsx"])
def test_export_then_import_gives_the_same_contacts(db, rich, tmp_path, fmt):
    path = tmp_path / f"out.{'vcf' if fmt.startswith('vcf') else fmt}"
    with db.reading() as session:
        result = export_contacts(session, None, fmt, path)
    assert result.contacts == 5 and result.size == path.stat().st_size
    fresh = reimport(tmp_path, path)
    try:
        assert contents(fresh) == contents(db)
    finally:
        fresh.dispose()


def test_vcard_versions_are_what_was_asked_for(db, rich, tmp_path):
    with db.reading() as session:
        export_contacts(session, None, "vcf", tmp_path / "three.vcf")
        export_contacts(session, None, ExportFormat.VCF4, tmp_path / "four.vcf")
    three = (tmp_path / "three.vcf").read_text(encoding="utf-8")
    four = (tmp_path / "four.vcf").read_text(encoding="utf-8")
    assert three.count("BEGIN:VCARD") == 5 and three.count("VERSION:3.0") == 5
    assert four.count("VERSION:4.0") == 5 and "VERSION:3.0" not in four
    assert "FN:李小龙" in three and "N:李;小龙;" in three


def test_a_selection_or_a_search_exports_only_those_in_that_order(db, rich, tmp_path):
    with db.reading() as session:
        ids = [rich["John Smith"], rich["张三"]]
        by_ids = export_contacts(session, ids, "vcf", tmp_path / "two.vcf")
        searched = export_contacts(
            session, ContactFilter(search="zhang"), "vcf", tmp_path / "zs.vcf"
        )
    assert by_ids.contacts == 2 and searched.contacts == 1
    text = (tmp_path / "two.vcf").read_text(encoding="utf-8")
    assert text.index("FN:John Smith") < text.index("FN:张三")
    assert "FN:张三" in (tmp_path / "zs.vcf").read_text(encoding="utf-8")


def test_contacts_are_read_a_chunk_at_a_time(db, rich, tmp_path, monkeypatch):
    monkeypatch.setattr(exporting, "CHUNK", 2)
    reads = []
    real = exporting.contact_records
    monkeypatch.setattr(
        exporting, "contact_records", lambda s, ids: reads.append(len(ids)) or real(s, ids)
    )
    progress = []
    with db.reading() as session:
        ids = contact_ids(session)
        exporting.export_contacts(
            session, ids, "vcf", tmp_path / "c.vcf", progress=lambda d, t: progress.append(d)
        )
    assert reads == [2, 2, 1] and progress == [2, 4, 5]


FORMULAS = ["=1+2", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)"]


def formula_people(db):
    with db.transaction() as session:
        save(
            session,
            ContactDraft(
                family_name=FORMULAS[0],
                given_name=FORMULAS[1],
                organization=FORMULAS[2],
                title=FORMULAS[3],
                notes='=HYPERLINK("http://evil.example")',
            ),
        )


def test_formula_cells_are_text_in_xlsx(db, tmp_path):
    formula_people(db)
    with db.reading() as session:
        export_contacts(session, None, "xlsx", tmp_path / "f.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "f.xlsx").active
    cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    assert cells and not [c.coordinate for c in cells if c.data_type == "f"]
    texts = {str(c.value) for c in cells}
    for formula in FORMULAS:  # the text as typed, a string cell, no `'` before it
        assert formula in texts


def test_formula_cells_are_neutralised_in_csv(db, tmp_path):
    formula_people(db)
    with db.reading() as session:
        export_contacts(session, None, "csv", tmp_path / "f.csv")
    import csv
    import io

    text = (tmp_path / "f.csv").read_bytes().decode("utf-8-sig")
    cells = [c for row in csv.reader(io.StringIO(text)) for c in row if c]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]
    for formula in FORMULAS:
        assert any(formula in c for c in cells)


def test_unknown_format_is_a_clear_error(db, tmp_path):
    with db.reading() as session, pytest.raises(Exception, match="not an export format"):
        export_contacts(session, None, "pdf", tmp_path / "x.pdf")


# --- atomic writes --------------------------------------------------------------------------


def test_write_atomically_replaces_the_file(tmp_path):
    target = tmp_path / "a.vcf"
    target.write_bytes(b"old")
    write_atomically(target, b"new contents")
    assert target.read_bytes() == b"new contents"
    assert os.listdir(tmp_path) == ["a.vcf"]


def test_a_failure_mid_write_leaves_the_old_file_and_no_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "contacts.vcf"
    target.write_bytes(b"the old export")

    def disk_full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", disk_full)
    with pytest.raises(WriteFailed, match="No space left on device"):
        write_atomically(target, b"x" * 100_000)
    assert target.read_bytes() == b"the old export"
    assert os.listdir(tmp_path) == ["contacts.vcf"]


def test_an_export_that_fails_leaves_the_old_file(db, rich, tmp_path, monkeypatch):
    target = tmp_path / "contacts.vcf"
    target.write_bytes(b"the old export")

    def broken(*args, **kwargs):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(atomic.os, "replace", broken)
    with db.reading() as session, pytest.raises(WriteFailed, match="Input/output error"):
        export_contacts(session, None, "vcf", target)
    assert target.read_bytes() == b"the old export"
    assert not [n for n in os.listdir(tmp_path) if n.endswith(".tmp")]


def test_an_unwritable_folder_is_a_known_error(db, rich, tmp_path):
    with db.reading() as session, pytest.raises(WriteFailed, match="Cannot write"):
        export_contacts(session, None, "vcf", tmp_path / "no" / "such" / "folder.vcf")
