"""Campaign writes in the window are steps on the undo stack: Ctrl+Z (UndoHistory.undo) takes
back a new segment, a new campaign, a start with its members and queued e-mails, a response, a
call and a touch marked done; Redo writes them again. E-mails that went out cannot be undone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow
from sqlalchemy import func, select, update

from crmdesk.models import (
    Activity,
    CallAttempt,
    CallListEntry,
    CampaignMember,
    CampaignResponse,
    OutboxMessage,
)
from crmdesk.models.enums import (
    ActivityKind,
    CallEntryStatus,
    CallOutcome,
    CampaignStatus,
    Channel,
    OutboxStatus,
    ResponseKind,
)
from crmdesk.services import call_lists, campaigns, outbox, segments
from crmdesk.services.campaigns import CampaignDraft
from crmdesk.services.segments import Group, SegmentDraft
from crmdesk.views.campaigns.pane import CampaignsPane
from crmdesk.views.shell import errors
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.undo import UndoHistory
from tests.campaign_data import build_customers


@pytest.fixture
def ids(db):
    ids = build_customers(db)
    with db.transaction() as s:
        ids["seg"] = segments.save_segment(s, SegmentDraft("Everyone", Group("all", ())))
        ids["campaign"] = campaigns.save_campaign(
            s, CampaignDraft("June", segment_id=ids["seg"], subject="Hi {{ given_name }}",
                             body_text="Hello {{ name }}",
                             channels=[Channel.EMAIL, Channel.SMS, Channel.PHONE,
                                       Channel.LETTER]),
        )  # fmt: skip
    return ids


@pytest.fixture
def window(qtbot, db, ids):
    main = QMainWindow()
    qtbot.addWidget(main)
    bus = DataBus(main)
    stack = QUndoStack(main)
    main.history = UndoHistory(db, bus, stack, main)
    main.pane = CampaignsPane(db, bus, stack, main)
    main.setCentralWidget(main.pane)
    main.resize(1280, 760)
    main.show()
    qtbot.waitExposed(main)
    yield main
    QThreadPool.globalInstance().waitForDone(5000)
    QCoreApplication.processEvents()


def count(db, model, *where) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where)) or 0


def status(db, ids) -> CampaignStatus:
    with db.reading() as s:
        return campaigns.get_campaign(s, ids["campaign"]).status


def test_a_new_segment_is_undone_and_redone(qtbot, db, window):
    dialog = window.pane.segments.open_dialog(None)
    dialog.rules.cellWidget(0, 1).set_value("vip")
    dialog.name.setText("VIPs")
    dialog.accept()
    assert window.history.top().text() == "New segment VIPs"
    assert "VIPs" in segment_names(db)
    window.history.undo()
    assert "VIPs" not in segment_names(db)
    assert window.pane.segments.list.count() == 1
    window.history.redo()
    assert "VIPs" in segment_names(db)


def segment_names(db) -> list[str]:
    with db.reading() as s:
        return [info.name for info in segments.list_segments(s)]


def test_a_new_campaign_is_undone_and_its_name_is_free_again(qtbot, db, window):
    view = window.pane.campaigns
    dialog = view.new_campaign()
    dialog.name.setText("July")
    dialog.accept()
    assert view.chooser.count() == 2
    window.history.undo()
    assert view.chooser.count() == 1
    again = view.new_campaign()
    again.name.setText("July")
    again.accept()
    assert view.chooser.count() == 2


def test_undoing_a_start_takes_members_and_queued_mail_back(qtbot, db, window, ids):
    view = window.pane.campaigns
    view.start()
    assert status(db, ids) == CampaignStatus.RUNNING
    members = count(db, CampaignMember)
    assert members == 6 and count(db, OutboxMessage, OutboxMessage.deleted_at.is_(None)) == 3
    window.history.undo()
    assert status(db, ids) == CampaignStatus.DRAFT
    assert count(db, CampaignMember) == 0
    assert count(db, OutboxMessage, OutboxMessage.deleted_at.is_(None)) == 0
    with db.reading() as s:
        assert outbox.counts(s) == {}
    assert view.table.rowCount() == 0 and view.start_button.isEnabled()
    window.history.redo()
    assert count(db, CampaignMember) == members
    assert count(db, OutboxMessage, OutboxMessage.member_id.is_not(None),
                 OutboxMessage.deleted_at.is_(None)) == 3  # fmt: skip
    window.history.undo()
    view.start()  # a second start after an undo is a clean one
    assert count(db, CampaignMember) == members


def test_a_start_whose_mail_went_out_is_not_undone(qtbot, db, window, ids, monkeypatch):
    shown = []
    monkeypatch.setattr(errors, "report", lambda parent, error: shown.append(error))
    window.pane.campaigns.start()
    with db.transaction() as s:
        s.execute(update(OutboxMessage).values(status=OutboxStatus.SENT))
    window.history.undo()
    assert shown and "gone out" in str(shown[0].message)
    assert status(db, ids) == CampaignStatus.RUNNING and count(db, CampaignMember) == 6


def test_a_recorded_response_is_undone(qtbot, db, window, ids):
    view = window.pane.campaigns
    view.start()
    row = next(r for r in range(view.table.rowCount()) if view.table.item(r, 0).text() == "张伟")
    view.table.selectRow(row)
    view.response.set_value(ResponseKind.UNSUBSCRIBED)
    assert view.record_response()
    assert view.table.item(row, 4).text() == "Unsubscribed"
    assert window.history.top().text() == "Response of 张伟: Unsubscribed"
    with db.reading() as s:
        assert campaigns.opted_out(s, [ids["zhang"]])
    window.history.undo()
    assert count(db, CampaignResponse) == 0
    with db.reading() as s:
        assert not campaigns.opted_out(s, [ids["zhang"]])
    assert view.table.item(row, 4).text() == ""


def test_a_call_outcome_is_undone(qtbot, db, window, ids):
    with db.transaction() as s:
        call_lists.create_call_list(s, "Ring", segment_id=ids["seg"])
    calling = window.pane.calling
    calling.reload()
    first = calling.card
    calling.buttons[CallOutcome.REACHED].click()
    assert count(db, CallAttempt) == 1 and calling.card.entry_id != first.entry_id
    assert window.history.top().text() == f"Call {first.name}: Reached"
    window.history.undo()
    assert count(db, CallAttempt) == 0
    assert count(db, Activity, Activity.deleted_at.is_(None)) == 0
    with db.reading() as s:
        entry = s.get(CallListEntry, first.entry_id)
        assert entry.status == CallEntryStatus.PENDING and entry.tries == 0
    assert calling.card.entry_id == first.entry_id


def test_marking_a_touch_done_logs_the_activity_and_is_undone(qtbot, db, window, ids):
    view = window.pane.campaigns
    view.start()
    touches = view.touches
    touches.channel.setCurrentIndex(touches.channel.findData(Channel.SMS))
    assert touches.table.rowCount() == 1
    assert touches.table.item(0, 0).text() == "Tom Baker"
    assert touches.table.item(0, 1).text() == "+8613912345678"
    assert touches.table.item(0, 3).text() == "Hello Tom Baker"
    touches.table.selectRow(0)
    assert touches.mark_done()
    with db.reading() as s:
        logged = s.scalars(select(Activity).where(Activity.contact_id == ids["tom"])).one()
        assert logged.kind == ActivityKind.MESSAGE and logged.subject == "June"
        member = s.scalars(
            select(CampaignMember).where(CampaignMember.contact_id == ids["tom"])
        ).one()
        assert member.reached_at is not None
    assert touches.table.item(0, 2).text() == "✓" and not touches.done_button.isEnabled()
    assert "1 of 1 done" in touches.summary.text()
    window.history.undo()
    assert count(db, Activity, Activity.deleted_at.is_(None)) == 0
    assert touches.table.item(0, 2).text() == ""
