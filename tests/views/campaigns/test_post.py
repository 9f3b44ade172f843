"""The post channel of a campaign: labels, envelopes and letters for exactly the members reached
by post, through the documents wing; read back from the PDFs with pdfplumber, each member's
name with every line of their address (letters as a PDF through LibreOffice)."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow

from crmdesk.export.pdf_convert import find_soffice
from crmdesk.interop.records import AddressRecord
from crmdesk.models.enums import Channel
from crmdesk.services import campaigns, segments
from crmdesk.services.campaigns import CampaignDraft
from crmdesk.services.contacts import ContactDraft, save_contact
from crmdesk.services.segments import Group, SegmentDraft
from crmdesk.views.campaigns.pane import CampaignsPane
from crmdesk.views.shell.bus import DataBus
from tests.campaign_data import build_customers

WAIT = 20_000


@pytest.fixture
def view(qtbot, db):
    ids = build_customers(db)  # Bob Post (letter, an address in London) among six
    with db.transaction() as s:
        for family, given, street in (("Brief", "Clara", "5 Hauptstraße"), ("Nowhere", "Ned", "")):
            address = AddressRecord(street=street, city="Berlin", postal_code="10115")
            ids[given] = save_contact(s, ContactDraft(
                family_name=family, given_name=given, preferred_channel=Channel.LETTER,
                addresses=[address] if street else [],
            ))[0]  # fmt: skip
        seg = segments.save_segment(s, SegmentDraft("Everyone", Group("all", ())))
        campaigns.save_campaign(s, CampaignDraft(
            "Letters", segment_id=seg, channels=[Channel.EMAIL, Channel.LETTER],
        ))  # fmt: skip
    window = QMainWindow()
    qtbot.addWidget(window)
    pane = CampaignsPane(db, DataBus(window), QUndoStack(window), window)
    window.setCentralWidget(pane)
    window.resize(1280, 760)
    window.show()
    qtbot.waitExposed(window)
    pane.campaigns.start()
    yield pane.campaigns
    QThreadPool.globalInstance().waitForDone(5000)
    QCoreApplication.processEvents()


def test_one_label_per_post_member(qtbot, view, tmp_path: Path) -> None:
    post = view.post
    # Bob and Clara prefer letters, Tom (SMS, no e-mail) is reached by post; Ned, with no
    # address, is left out
    assert post.count.text() == "By post: 3 member(s)"
    dialog = post.open_labels()
    qtbot.addWidget(dialog)
    dialog.refresh()
    qtbot.waitUntil(lambda: dialog.document.pageCount() == 1, timeout=WAIT)
    assert "3 label(s)" in dialog.message.text()
    target = tmp_path / "labels.pdf"
    dialog.save_to(target)
    assert dialog.saved == target
    with pdfplumber.open(target) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    for name in ("Bob Post", "Clara Brief", "Tom Baker"):
        assert text.count(name) == 1
    for other in ("张伟", "王芳", "Ann Lee", "Ned Nowhere"):
        assert other not in text
    dialog.reject()


def test_one_envelope_per_post_member_and_letters_for_them(qtbot, view, tmp_path) -> None:
    post = view.post
    post.envelope_size.setCurrentIndex(post.envelope_size.findData("DL"))
    assert post.write_envelopes(tmp_path / "envelopes.pdf") == 3
    with pdfplumber.open(tmp_path / "envelopes.pdf") as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    assert len(pages) == 3
    assert sorted(n for n in ("Bob Post", "Clara Brief", "Tom Baker") for p in pages if n in p) \
        == ["Bob Post", "Clara Brief", "Tom Baker"]
    letters = post.open_letters()
    qtbot.addWidget(letters)
    assert letters._selection == post.members and len(post.members) == 3
    letters.reject()



# each post member's name and the address lines the PDFs must carry (Tom's address is in
# China, so its block runs postal code, city and street, company, then his name with 收)
POSTED = {
    "Bob Post": ("1 Road", "London 100000"),
    "Clara Brief": ("5 Hauptstraße", "Berlin 10115"),
    "Tom Baker": ("100000", "上海1 Road", "Beta Ltd"),
}


def _blocks(path: Path, columns: int = 1, rows: int = 1) -> list[str]:
    """The text of each cell of each page cut into columns × rows (a label, an envelope)."""
    found = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            width, height = page.width / columns, page.height / rows
            for row in range(rows):
                for column in range(columns):
                    box = (column * width, row * height, (column + 1) * width, (row + 1) * height)
                    text = page.within_bbox(box).extract_text() or ""
                    if text.strip():
                        found.append(text)
    return found


def _check_blocks(blocks: list[str]) -> None:
    """One block per post member, holding their name and every line of their address."""
    assert len(blocks) == len(POSTED)
    for name, lines in POSTED.items():
        (block,) = [b for b in blocks if name in b]
        assert all(line in block.splitlines() or line in block for line in lines), block


def test_labels_and_envelopes_carry_each_post_member_s_name_and_address(
    qtbot, view, tmp_path: Path
) -> None:
    post = view.post
    dialog = post.open_labels()
    qtbot.addWidget(dialog)
    assert dialog.chosen_stock().name == "Avery L7160"  # 3 × 7 labels on A4
    target = tmp_path / "labels.pdf"
    dialog.save_to(target)
    qtbot.waitUntil(lambda: dialog.saved == target, timeout=WAIT)
    dialog.reject()
    _check_blocks(_blocks(target, columns=3))  # three labels: the first row, one a column
    assert post.write_envelopes(tmp_path / "envelopes.pdf") == 3
    _check_blocks(_blocks(tmp_path / "envelopes.pdf"))  # an envelope a page


def test_letters_to_the_post_members_are_a_real_pdf_with_name_and_address(
    qtbot, view, tmp_path: Path
) -> None:
    if find_soffice() is None:
        pytest.skip("LibreOffice converts the letters to PDF")
    template = tmp_path / "campaign-letter.docx"
    doc = Document()
    doc.add_paragraph("{{ contact.name }}")
    doc.add_paragraph("{{ address.text }}")
    doc.add_paragraph("{{ contact.salutation }}")
    doc.add_paragraph("Our spring offer.")
    doc.save(str(template))
    letters = view.post.open_letters()
    qtbot.addWidget(letters)
    letters.add_template(template)
    target = tmp_path / "letters.pdf"
    letters.save_to(target)
    qtbot.waitUntil(lambda: letters.written is not None, timeout=120_000)
    assert letters.written.letters == 3 and target.read_bytes().startswith(b"%PDF")
    letters.reject()
    _check_blocks(_blocks(target))  # a letter a page
