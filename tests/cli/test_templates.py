"""The document verbs end to end: templates list/check, export contract/quote/letters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document

from crmdesk.cli.main import main
from crmdesk.interop.records import AddressRecord
from crmdesk.services.contacts import ContactDraft, save_contact
from crmdesk.store.db import Database
from tests.document_data import GROSS_ZH, build_deal


def _run(db_path: Path, *argv: str) -> int:
    return main(["--db", str(db_path), *argv])


@pytest.fixture
def db_path(db: Database) -> Path:
    return Path(str(db.engine.url.database))


def test_check_reports_each_problem_with_its_place_and_fails(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = Document()
    doc.add_paragraph("{{ contract.number }}")
    doc.add_paragraph("{{ buyer.nmae }}")
    path = tmp_path / "mine.docx"
    doc.save(str(path))
    assert _run(db_path, "templates", "check", str(path), "--json") == 1
    problems = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert problems == [{"kind": "unknown", "name": "buyer.nmae", "place": "paragraph 2",
                         "message": "unknown field buyer.nmae"}]  # fmt: skip
    assert _run(db_path, "templates", "check", "contract-zh") == 0
    assert "no problems (zh)" in capsys.readouterr().out


def test_list_shows_ours_and_the_users(db_path: Path, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    monkeypatch.setenv("CRMDESK_TEMPLATES", str(tmp_path))
    Document().save(str(tmp_path / "welcome letter.docx"))
    assert _run(db_path, "templates", "list", "--json") == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["name"] for r in rows][-1] == "welcome letter"
    assert rows[-1]["kind"] == "letter" and rows[0]["built_in"] is True


def test_export_contract_and_quote(db: Database, db_path: Path, tmp_path: Path) -> None:
    opp = build_deal(db)
    out = tmp_path / "c.docx"
    assert _run(db_path, "export", "contract", "--opportunity", opp.hex[:8], "-o", str(out)) == 0
    assert GROSS_ZH in "\n".join(p.text for p in Document(str(out)).paragraphs)
    quote = tmp_path / "q.docx"
    assert _run(db_path, "export", "quote", "--opportunity", str(opp), "--template", "quote-en",
                "-o", str(quote)) == 0  # fmt: skip
    cells = [c.text for t in Document(str(quote)).tables for r in t.rows for c in r.cells]
    assert "Thirty-two thousand five hundred forty-three yuan and seventy-two fen only" in cells


def test_a_bad_output_name_is_one_line(db: Database, db_path: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    opp = build_deal(db)
    assert _run(db_path, "export", "contract", "--opportunity", str(opp), "-o",
                str(tmp_path / "c.odt")) == 1  # fmt: skip
    assert "neither a .docx nor a .pdf" in capsys.readouterr().err


def test_letters_one_document_or_one_file_each(db: Database, db_path: Path,
                                               tmp_path: Path) -> None:  # fmt: skip
    with db.transaction() as session:
        for family, given, prefix in (("Smith", "Anna", "Ms"), ("Miller", "Bob", "")):
            save_contact(session, ContactDraft(
                family_name=family, given_name=given, prefix=prefix, tags=["mailing"],
                addresses=[AddressRecord(street="1 High St", city="Springfield", region="IL",
                                         postal_code="62704")],
            ))  # fmt: skip
    doc = Document()
    doc.add_paragraph("{{ contact.salutation }}")
    doc.add_paragraph("{{ address.text }}")
    template = tmp_path / "letter.docx"
    doc.save(str(template))
    combined = tmp_path / "all.docx"
    assert _run(db_path, "export", "letters", "--template", str(template), "--tag", "mailing",
                "-o", str(combined)) == 0  # fmt: skip
    text = [p.text for p in Document(str(combined)).paragraphs]
    assert "Dear Ms Smith," in text and "Dear Bob Miller," in text
    assert "Anna Smith\n1 High St\nSpringfield, IL 62704" in text
    folder = tmp_path / "each"
    assert _run(db_path, "export", "letters", "--template", str(template), "--tag", "mailing",
                "--each", "-o", str(folder)) == 0  # fmt: skip
    assert sorted(p.name for p in folder.iterdir()) == ["Anna_Smith.docx", "Bob_Miller.docx"]
