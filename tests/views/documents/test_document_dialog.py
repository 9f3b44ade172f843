"""Generate contract…: the template choice, the preview of filled fields, saving off-thread."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from PySide6.QtWidgets import QDialogButtonBox

from crmdesk.services import pipeline
from crmdesk.store.db import Database
from crmdesk.views.documents.document_dialog import DocumentDialog, FieldsDialog
from crmdesk.views.pipeline.editor import OpportunityEditor
from tests.document_data import GROSS_ZH, build_deal


def test_the_preview_shows_the_filled_fields_and_saving_writes_the_docx(
    qtbot, db: Database, tmp_path: Path
) -> None:
    opp = build_deal(db)
    dialog = DocumentDialog(db, [opp], "contract")
    qtbot.addWidget(dialog)
    assert dialog.chosen().name == "contract-zh"  # a Chinese buyer: the Chinese contract
    names = [dialog.template.itemText(i) for i in range(dialog.template.count())]
    assert not any(n.startswith("quote") for n in names)
    shown = {dialog.preview.item(r, 0).text(): dialog.preview.item(r, 1).text()
             for r in range(dialog.preview.rowCount())}  # fmt: skip
    assert shown["buyer.tax_id"] == "91440101MA5TH0042"
    assert shown["totals.gross_words_zh"] == GROSS_ZH
    target = tmp_path / "c.docx"
    dialog.save_to(target)
    qtbot.waitUntil(lambda: bool(dialog.saved), timeout=20000)
    assert dialog.saved == [target]
    assert GROSS_ZH in "\n".join(p.text for p in Document(str(target)).paragraphs)


def test_a_broken_template_disables_saving_and_says_where(
    qtbot, db: Database, tmp_path: Path, monkeypatch
) -> None:
    opp = build_deal(db)
    monkeypatch.setenv("CRMDESK_TEMPLATES", str(tmp_path))
    doc = Document()
    doc.add_paragraph("{{ buyer.nmae }}")
    doc.save(str(tmp_path / "my contract.docx"))
    dialog = DocumentDialog(db, [opp], "contract")
    qtbot.addWidget(dialog)
    dialog.template.setCurrentIndex(dialog.template.count() - 1)
    assert not dialog.save_button.isEnabled()
    assert "paragraph 1" in dialog.message.text() and "buyer.nmae" in dialog.message.text()


def test_the_fields_list_names_every_field(qtbot) -> None:
    from crmdesk.export.contract_fields import FIELDS

    dialog = FieldsDialog(FIELDS)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(FIELDS)
    assert dialog.table.item(0, 0).text() == "{{ contract.number }}"


def test_the_editor_of_a_saved_deal_offers_contract_and_quote(qtbot, db: Database) -> None:
    opp = build_deal(db)
    with db.reading() as session:
        detail = pipeline.get_opportunity(session, opp)
        stages = pipeline.stages(session)
    editor = OpportunityEditor(db, detail.draft, stages)
    qtbot.addWidget(editor)
    box = editor.findChild(QDialogButtonBox)
    texts = [b.text() for b in box.buttons()]
    assert "Generate contract…" in texts and "Generate quote…" in texts
