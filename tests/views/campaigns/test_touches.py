"""The touches view lists the touches still to do first, then the ones marked done, and says
how to mark them done while some are left."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow

from crmdesk.interop.records import PhoneRecord
from crmdesk.models.enums import Channel, PhoneKind
from crmdesk.services import campaigns, segments
from crmdesk.services.campaigns import CampaignDraft
from crmdesk.services.contacts import ContactDraft, save_contact
from crmdesk.services.segments import Group, Rule, SegmentDraft
from crmdesk.views.campaigns.pane import CampaignsPane
from crmdesk.views.shell.bus import DataBus
from tests.campaign_data import build_customers


@pytest.fixture
def pane(qtbot, db):
    build_customers(db)  # Tom Baker prefers SMS
    with db.transaction() as s:
        for family, given, number in (("Adams", "Ada", "139 0000 0001"),
                                      ("Cole", "Cy", "139 0000 0002")):  # fmt: skip
            phones = [PhoneRecord(number, PhoneKind.MOBILE)]
            save_contact(s, ContactDraft(family_name=family, given_name=given,
                                         preferred_channel=Channel.SMS, phones=phones))  # fmt: skip
        seg = segments.save_segment(
            s, SegmentDraft("SMS people", Group("all", (Rule("channel", "sms"),)))
        )
        campaigns.save_campaign(s, CampaignDraft("June", segment_id=seg, body_text="Hi {{ name }}",
                                                 channels=[Channel.SMS]))  # fmt: skip
    window = QMainWindow()
    qtbot.addWidget(window)
    widget = CampaignsPane(db, DataBus(window), QUndoStack(window), window)
    window.setCentralWidget(widget)
    window.resize(1280, 760)
    window.show()
    qtbot.waitExposed(window)
    yield widget
    QThreadPool.globalInstance().waitForDone(5000)
    QCoreApplication.processEvents()


def names(view) -> list[str]:
    return [view.table.item(r, 0).text() for r in range(view.table.rowCount())]


def test_the_touches_still_to_do_come_first(qtbot, pane):
    pane.campaigns.start()
    view = pane.campaigns.touches
    assert names(view) == ["Ada Adams", "Tom Baker", "Cy Cole"]  # by family name, none done
    assert view.hint.isVisibleTo(view)
    assert view.hint.text() == "Select the touches you have sent first."
    assert not view.mark_done()  # nothing selected: nothing written, the hint stays
    view.table.selectRow(0)
    assert not view.hint.isVisibleTo(view)
    assert view.mark_done()  # Ada's text went out
    assert names(view) == ["Tom Baker", "Cy Cole", "Ada Adams"]
    assert [view.table.item(r, 2).text() for r in range(3)] == ["", "", "✓"]
    assert view.selected() == []  # Tom, now first, is not chosen in Ada's place
    assert view.hint.isVisibleTo(view)
    view.table.selectAll()
    assert view.mark_done()
    assert [view.table.item(r, 2).text() for r in range(3)] == ["✓", "✓", "✓"]
    assert not view.hint.isVisibleTo(view)  # nothing left to do
