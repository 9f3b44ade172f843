"""The post channel of a campaign: labels, envelopes and letters for exactly the members reached
by post, through the documents wing; read back from the PDFs with pdfplumber."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow

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
