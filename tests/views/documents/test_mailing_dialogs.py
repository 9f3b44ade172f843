"""The labels dialog (stock, start, outline, QtPdf preview) and the letters dialog."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from docx import Document

from crmdesk.services.contacts import ContactFilter
from crmdesk.store.db import Database
from crmdesk.views.documents.labels_dialog import LabelsDialog
from crmdesk.views.documents.letters_dialog import LettersDialog


def test_the_preview_is_what_is_saved(qtbot, db: Database, people, tmp_path: Path) -> None:
    dialog = LabelsDialog(db, ContactFilter())
    qtbot.addWidget(dialog)
    assert dialog.chosen_stock().name == "Avery L7160"
    dialog.start.setValue(4)
    dialog.outline.setChecked(True)
    dialog.refresh()
    qtbot.waitUntil(lambda: dialog.document.pageCount() == 1, timeout=20000)
    assert "1 label(s)" in dialog.message.text()  # only 张三 has a street and a city
    assert "3 contact(s) without an address skipped" in dialog.message.text()
    target = tmp_path / "labels.pdf"
    dialog.save_to(target)
    assert dialog.saved == target
    with pdfplumber.open(target) as pdf:
        words = pdf.pages[0].extract_text()
    assert "张三" in words and "100000" not in words
    assert target.read_bytes() == dialog.preview_path.read_bytes()


def test_a_changed_choice_is_made_anew_before_saving(qtbot, db: Database, people,
                                                     tmp_path: Path) -> None:  # fmt: skip
    dialog = LabelsDialog(db, ContactFilter())
    qtbot.addWidget(dialog)
    dialog.refresh()
    qtbot.waitUntil(lambda: dialog.document.pageCount() == 1, timeout=20000)
    dialog.search.setText("L7163")
    target = tmp_path / "l.pdf"
    dialog.save_to(target)
    qtbot.waitUntil(lambda: dialog.saved == target, timeout=20000)
    assert dialog.chosen_stock().name == "Avery L7163"


def test_letters_from_a_template_file(qtbot, db: Database, people, tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("{{ contact.salutation }}")
    template = tmp_path / "letter.docx"
    doc.save(str(template))
    dialog = LettersDialog(db, ContactFilter())
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()  # no template of the user's yet
    dialog.add_template(template)
    assert dialog.save_button.isEnabled()
    out = tmp_path / "all.docx"
    dialog.save_to(out)
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=20000)
    text = [p.text for p in Document(str(out)).paragraphs]
    assert "Dear John Smith," in text and "Dear 张三," in text
