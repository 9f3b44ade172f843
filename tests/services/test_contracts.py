"""Contracts and quotes: read back with python-docx and pdfplumber, against hand-worked values."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest
from docx import Document

from crmdesk.core.errors import KnownError
from crmdesk.export.docx_template import TemplateProblems
from crmdesk.services import contracts
from crmdesk.services.quotes import create_quote
from crmdesk.store.db import Database
from tests.document_data import GROSS, GROSS_EN, GROSS_ZH, build_deal

DAY = dt.date(2026, 12, 2)


def _text(path: Path) -> tuple[str, list[list[list[str]]]]:
    doc = Document(str(path))
    body = "\n".join(p.text for p in doc.paragraphs)
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]
    cells = "\n".join(c for t in tables for row in t for c in row)
    return body + "\n" + cells, tables


def test_the_data_comes_from_the_deal_its_account_contact_and_our_company(db: Database) -> None:
    opp = build_deal(db)
    with db.reading() as session:
        data = contracts.document_data(session, opp, "contract", day=DAY)
    assert data.seller.address == "200120 上海市浦东新区世纪大道100号"
    assert data.seller.bank == "招商银行上海分行 1219 0000 0000 001"
    assert (data.buyer.name, data.buyer.tax_id) == ("广州天河贸易有限公司", "91440101MA5TH0042")
    assert data.buyer.address == "510620 广东省广州市体育西路103号"
    assert (data.contact.name, data.contact.phone) == ("王伟", "138 0013 8000")
    assert (
        data.lines[0].product == "机架式服务器" and data.lines[0].description == "2U 机架式，双路"
    )
    assert [ln.net for ln in data.lines] == [Decimal("22800.00"), Decimal("5999.70"),
                                             Decimal("0.05")]  # fmt: skip
    assert (data.net, data.tax, data.gross) == (Decimal("28799.75"), Decimal("3743.97"), GROSS)
    assert data.number.startswith("CT-20261202-")


def test_a_chinese_contract_has_every_field_and_a_row_per_line(
    db: Database, tmp_path: Path
) -> None:
    opp = build_deal(db)
    out = tmp_path / "合同.docx"
    with db.reading() as session:
        contracts.generate(session, [opp], "contract", out, day=DAY)
    text, tables = _text(out)
    for expected in (
        "购销合同",
        "2026年12月2日",
        "上海云帆科技有限公司",
        "91310115MA1K3YF001",
        "招商银行上海分行 1219 0000 0000 001",
        "广州天河贸易有限公司",
        "91440101MA5TH0042",
        "510620 广东省广州市体育西路103号",
        "王伟",
        "138 0013 8000",
        "李娜",
        GROSS_ZH,
        "32,543.72",
        "28,799.75",
        "3,743.97",
    ):
        assert expected in text, expected  # fmt: skip
    lines = tables[1]
    assert [row[0] for row in lines[1:4]] == ["1", "2", "3"]  # the loop rows are gone
    assert len(lines) == 5  # heading, three lines, total
    assert lines[1][1] == "机架式服务器\n2U 机架式，双路"
    assert lines[1][3:] == ["2", "12,000.00", "5%", "13%", "22,800.00", "25,764.00"]
    assert lines[3][1].startswith("Cable & <tie>")
    assert "{{" not in text and "{%" not in text


def test_an_english_contract_writes_the_amount_and_date_in_english(
    db: Database, tmp_path: Path
) -> None:
    opp = build_deal(db)
    with db.reading() as session:
        template = contracts.find_template("contract-en")
        contracts.generate(session, [opp], "contract", tmp_path / "c.docx", template=template,
                           day=DAY)  # fmt: skip
    text, _ = _text(tmp_path / "c.docx")
    assert GROSS_EN in text and "2 December 2026" in text and "SALES CONTRACT" in text


def test_a_quote_takes_the_newest_revisions_number_and_validity(
    db: Database, tmp_path: Path
) -> None:
    opp = build_deal(db)
    with db.transaction() as session:
        create_quote(session, opp, issued_on=DAY, valid_until=dt.date(2026, 12, 31))
        create_quote(session, opp, issued_on=DAY, valid_until=dt.date(2027, 1, 15))
    with db.reading() as session:
        data = contracts.document_data(session, opp, "quote", day=DAY)
        contracts.generate(session, [opp], "quote", tmp_path / "q.docx", day=DAY)
    assert data.number == "Q2026-0001-R2" and data.valid_until == dt.date(2027, 1, 15)
    text, _ = _text(tmp_path / "q.docx")
    assert "报价单" in text and "Q2026-0001-R2" in text and "2027年1月15日" in text


def test_the_pdf_is_made_by_libreoffice_and_reads_as_the_same_text(
    db: Database, tmp_path: Path
) -> None:
    opp = build_deal(db)
    out = tmp_path / "contract.pdf"
    with db.reading() as session:
        contracts.generate(session, [opp], "contract", out, day=DAY)
    with pdfplumber.open(out) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages).replace(" ", "")
    assert "购销合同" in text and GROSS_ZH in text and "32,543.72" in text


def test_without_libreoffice_a_pdf_is_refused_and_nothing_written(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opp = build_deal(db)
    monkeypatch.setenv("CRMDESK_SOFFICE", str(tmp_path / "no-such-soffice"))
    with db.reading() as session, pytest.raises(KnownError, match="LibreOffice is not installed"):
        contracts.generate(session, [opp], "contract", tmp_path / "c.pdf", day=DAY)
    assert not list(tmp_path.glob("c.pdf*")) and not list(tmp_path.glob(".c.pdf*"))


def test_a_batch_writes_one_file_per_deal_named_by_its_number(db: Database, tmp_path: Path) -> None:
    first, second = build_deal(db), build_deal(db, "第二期")
    seen = []
    with db.reading() as session:
        written = contracts.generate(
            session, [first, second], "contract", tmp_path / "out", day=DAY,
            progress=lambda d, t: seen.append((d, t)),
        )  # fmt: skip
    assert sorted(p.name for p in written) == sorted(
        f"CT-20261202-{o.hex[-6:].upper()}.docx" for o in (first, second)
    )
    assert seen == [(1, 2), (2, 2)]


def test_a_broken_user_template_writes_nothing(db: Database, tmp_path: Path) -> None:
    opp = build_deal(db)
    doc = Document()
    doc.add_paragraph("Buyer: {{ buyer.nmae }}")
    folder = tmp_path / "templates"
    folder.mkdir()
    doc.save(str(folder / "mine.docx"))
    template = contracts.find_template("mine", folder)
    with db.reading() as session, pytest.raises(TemplateProblems, match=r"buyer\.nmae"):
        contracts.generate(session, [opp], "contract", tmp_path / "c.docx", template=template)
    assert not (tmp_path / "c.docx").exists()


def test_user_templates_are_listed_after_ours_and_found_by_name_or_file(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    for name in ("我的合同.docx", "Quote B.docx", "~$lock.docx", "notes.txt"):
        (folder / name).write_bytes(b"x")
    listed = contracts.list_templates(folder)
    assert [t.name for t in listed] == [*contracts.BUILT_IN, "Quote B", "我的合同"]
    assert [t.kind for t in listed[-2:]] == ["quote", "contract"]
    assert contracts.find_template("quote b", folder).path == str(folder / "Quote B.docx")
    assert contracts.find_template(str(folder / "我的合同.docx")).built_in is False
    with pytest.raises(KnownError, match="no template called"):
        contracts.find_template("nothing", folder)


def test_the_preview_lists_the_filled_fields(db: Database) -> None:
    opp = build_deal(db)
    with db.reading() as session:
        data = contracts.document_data(session, opp, "contract", day=DAY)
    rows = dict(contracts.preview_fields(data, "zh"))
    assert rows["totals.gross_words_zh"] == GROSS_ZH
    assert rows["contract.date"] == "2026年12月2日"
    assert rows["lines[1]"].startswith("机架式服务器")
    assert io  # python-docx reads from bytes elsewhere
