"""The Campaigns pane on real widgets over a real file: the segment builder's live count, the
segment in the contacts filter list, starting a campaign and its chart, the outbox sending to a
real SMTP server, and the calling view's outcome buttons."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLineEdit, QMainWindow

from crmdesk.models import Activity, CalendarEvent
from crmdesk.models.enums import CallOutcome, Channel, OutboxStatus, ValueTier
from crmdesk.services import call_lists, campaigns, outbox, segments
from crmdesk.services.campaigns import CampaignDraft
from crmdesk.services.segments import Group, Rule, SegmentDraft
from crmdesk.views.campaigns.pane import CampaignsPane
from crmdesk.views.contacts.pane import ContactsPane
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.widgets.fields import KindCombo
from tests.campaign_data import build_customers
from tests.smtp_server import Received, Server, free_port

WAIT = 10_000


@pytest.fixture
def ids(db):
    ids = build_customers(db)
    with db.transaction() as s:
        ids["seg"] = segments.save_segment(
            s, SegmentDraft("E-mail people", Group("all", (Rule("channel", "email"),)))
        )
        ids["campaign"] = campaigns.save_campaign(
            s, CampaignDraft("June", segment_id=ids["seg"], subject="Hi {{ given_name }}",
                             body_text="Hello {{ name }}", script="Hello {{ name }}"),
        )  # fmt: skip
    return ids


@pytest.fixture
def pane(qtbot, db, ids):
    window = QMainWindow()
    qtbot.addWidget(window)
    bus = DataBus(window)
    widget = CampaignsPane(db, bus, QUndoStack(window), window)
    window.setCentralWidget(widget)
    window.resize(1280, 760)
    window.show()
    qtbot.waitExposed(window)
    yield widget
    QThreadPool.globalInstance().waitForDone(5000)
    QCoreApplication.processEvents()


def test_the_segment_builder_counts_live_and_saves_a_tree(qtbot, db, pane, ids):
    dialog = pane.segments.open_dialog(None)
    tier = dialog.rules.cellWidget(0, 1)
    assert isinstance(tier, KindCombo)
    tier.set_value(ValueTier.ORDINARY)
    qtbot.waitUntil(lambda: dialog.count_label.text() == "2 contact(s)", timeout=WAIT)
    tier.set_value(ValueTier.VIP)
    qtbot.waitUntil(lambda: dialog.count_label.text() == "2 contact(s)", timeout=WAIT)
    assert dialog.criteria() == Group("all", (Rule("tier", "vip"),))
    dialog.add_rule("city", None)
    dialog.rules.cellWidget(1, 1).setText("上海")
    dialog.match.setCurrentIndex(1)  # any
    qtbot.waitUntil(lambda: dialog.count_label.text() == "4 contact(s)", timeout=WAIT)
    dialog.name.setText("VIP or Shanghai")
    dialog.accept()
    with db.reading() as s:
        saved = segments.get_segment(s, "VIP or Shanghai")
    assert saved.criteria == Group("any", (Rule("tier", "vip"), Rule("city", "上海")))
    assert pane.segments.list.count() == 2


def test_a_saved_segment_narrows_the_contacts_pane(qtbot, db, ids):
    window = QMainWindow()
    qtbot.addWidget(window)
    stack = QUndoStack()
    contacts = ContactsPane(db, DataBus(window), stack, window)
    window.setCentralWidget(contacts)
    with qtbot.waitSignals([contacts.model.keys_loaded, contacts.facets_loaded], timeout=WAIT):
        window.show()
    combo = contacts.filters.segment_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["All segments", "E-mail people"]
    with qtbot.waitSignal(contacts.model.keys_loaded, timeout=WAIT):
        combo.setCurrentIndex(1)
    assert contacts.model.rowCount() == 3
    QThreadPool.globalInstance().waitForDone(5000)
    stack.clear()


def test_starting_shows_members_left_out_and_the_chart(qtbot, db, pane, ids):
    with db.transaction() as s:
        campaigns.opt_out(s, ids["li"], Channel.EMAIL, source="test")
    view = pane.campaigns
    view.reload()
    assert view.start_button.isEnabled()
    view.start()
    assert "2 members, 1 left out, 2 e-mails queued" in view.message.text()
    assert view.table.rowCount() == 3
    texts = {view.table.item(r, 0).text(): view.table.item(r, 3).text() for r in range(3)}
    assert texts["李娜"] == "Opted out"
    assert len(view.chart.series()) == 1 and view.chart.series()[0].count() == 4
    assert not view.start_button.isEnabled()


def test_the_outbox_sends_to_a_real_server_and_shows_each_status(qtbot, db, pane, ids):
    received = Received(refuse={"wang.fang@beta.cn"})
    server = Server(free_port(), received)
    with db.transaction() as s:
        campaigns.start_campaign(s, ids["campaign"])
        outbox.queue_campaign(s, ids["campaign"], "news@seller.cn")
        outbox.save_smtp_settings(s, outbox.SmtpSettings(host="127.0.0.1", port=server.port,
                                                         security="none", timeout=5))  # fmt: skip
    view = pane.outbox
    view.reload()
    assert view.table.rowCount() == 3
    server.start()
    try:
        view.send_now()
        qtbot.waitUntil(lambda: "Sent: 2, failed: 1" in view.message.text(), timeout=WAIT)
    finally:
        server.stop()
    statuses = {view.table.item(r, 0).text(): view.table.item(r, 2).text() for r in range(3)}
    assert sorted(statuses.values()) == ["Failed", "Sent", "Sent"]
    failed_row = next(r for r in range(3) if view.table.item(r, 2).text() == "Failed")
    assert view.table.item(failed_row, 4).text().startswith("550")
    view.table.selectRow(failed_row)
    view.retry_selected()
    with db.reading() as s:
        assert outbox.counts(s)[OutboxStatus.QUEUED] == 1


def test_the_calling_view_logs_an_outcome_in_one_click_and_moves_on(qtbot, db, pane, ids):
    with db.transaction() as s:
        call_lists.create_call_list(s, "Ring", segment_id=ids["seg"], script="Hello {{ name }}")
    view = pane.calling
    view.reload()
    first = view.card
    assert first is not None and view.script.toPlainText() == f"Hello {first.name}"
    view.buttons[CallOutcome.NO_ANSWER].click()
    assert view.card is not None and view.card.entry_id != first.entry_id
    second = view.card
    view.callback_at.setDateTime(view.callback_at.dateTime().addDays(1))
    view.buttons[CallOutcome.CALLBACK].click()
    with db.reading() as s:
        assert s.query(Activity).filter_by(kind="call").count() == 2
        task = s.query(CalendarEvent).one()
        assert task.contact_id == second.contact_id
        assert task.starts_at > dt.datetime.now(dt.UTC)
    assert "0 of 3 done, 2 calls" in view.progress.text()


def test_the_email_settings_page_keeps_the_password_out_of_the_file(qtbot, db):
    import keyring

    from crmdesk.views.campaigns.email_settings import EmailPage
    from tests.conftest import MemoryKeyring

    before, ring = keyring.get_keyring(), MemoryKeyring()
    keyring.set_keyring(ring)
    try:
        page = EmailPage()
        qtbot.addWidget(page)
        with db.reading() as s:
            page.load(s)
        page.host.setText("smtp.example.cn")
        page.user.setText("me")
        page.password.setText("pw")
        page.password.textEdited.emit("pw")
        assert isinstance(page.password, QLineEdit)
        with db.transaction() as s:
            page.save(s)
        with db.reading() as s:
            assert outbox.smtp_settings(s, env={}).host == "smtp.example.cn"
        assert ring.store == {("crmdesk-smtp", "me@smtp.example.cn"): "pw"}
    finally:
        keyring.set_keyring(before)
