"""The Contacts pane's recycle bin (read-only records, Restore, Delete for good, Empty) and what
a laptop-sized window needs: the empty result says so, New starts at the top, the splitter is
remembered, the list keeps its key columns, the right side sums up the list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox
from sqlalchemy import func, select, text

from crmdesk.models import Address, Contact, Email, Phone
from crmdesk.models.enums import Industry, ValueTier
from crmdesk.services.accounts import AccountDraft, save_account
from crmdesk.services.contacts import ContactFilter, contact_ids, delete_contacts
from crmdesk.views.contacts.pane import ContactsPane
from crmdesk.views.records.record_table import key_columns_width
from crmdesk.views.shell.bus import DataBus

WAIT = 10_000


@pytest.fixture
def stack(qtbot):
    undo_stack = QUndoStack()
    yield undo_stack
    undo_stack.clear()


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "crmdesk.ini"), QSettings.Format.IniFormat)


def open_pane(qtbot, db, stack, settings, size=(1366, 768), point_size=None):
    window = QMainWindow()
    qtbot.addWidget(window)
    if point_size is not None:
        font = window.font()
        font.setPointSize(point_size)
        window.setFont(font)
    bus = DataBus(window)
    widget = ContactsPane(db, bus, stack, window, settings=settings)
    window.setCentralWidget(widget)
    window.resize(*size)
    with qtbot.waitSignals([widget.model.keys_loaded, widget.facets_loaded], timeout=WAIT):
        window.show()
    qtbot.waitExposed(window)
    widget.test_window = window  # the window lives as long as the test holds the pane
    return widget


@pytest.fixture
def pane(qtbot, db, people, stack, settings):
    widget = open_pane(qtbot, db, stack, settings)
    yield widget
    QThreadPool.globalInstance().waitForDone(5000)
    QCoreApplication.processEvents()


def names(pane):
    model = pane.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def in_bin(qtbot, db, pane, ids):
    with db.transaction() as session:
        pane._bus.publish(delete_contacts(session, ids))
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        pane.bin_button.setChecked(True)


def answer(reply: bool):
    """Answer the next question box (Delete for good / Keep them); returns what it said."""
    said: list[str] = []

    def click():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        said.append(box.text())
        role = (
            QMessageBox.ButtonRole.DestructiveRole if reply else QMessageBox.ButtonRole.RejectRole
        )
        next(b for b in box.buttons() if box.buttonRole(b) == role).click()

    QTimer.singleShot(0, click)
    return said


def rows_of(db, contact_id):
    with db.reading() as session:
        counts = [
            session.scalar(select(func.count()).where(model.contact_id == contact_id))
            for model in (Phone, Email, Address)
        ]
        counts.append(session.scalar(select(func.count()).where(Contact.id == contact_id)))
        counts.append(
            session.execute(
                text("SELECT count(*) FROM search_refs WHERE ref = :r"), {"r": contact_id.hex}
            ).scalar()
        )
    return counts


def test_a_deleted_contact_is_shown_read_only_with_restore_and_delete_for_good(
    qtbot, db, pane, people, stack
):
    zhang = people["张三"]
    in_bin(qtbot, db, pane, [zhang])
    pane.table.selectRow(0)
    form = pane.form
    assert form.contact_id == zhang
    assert not form.family_name.isEnabled()  # shown, not edited
    assert not form.phones.rows()[0].number.isEnabled()
    assert not form.save_button.isVisible() and not form.revert_button.isVisible()
    assert form.restore_button.isVisible() and form.purge_button.isVisible()
    form.family_name.setText("李")  # even if a program writes to it, nothing is saved
    assert not form.save()
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        form.restore_button.click()
    assert names(pane) == []
    assert stack.undoText() == "Restore 1 contact"
    assert contact_ids(db.session_factory(), ContactFilter()).count(zhang) == 1


def test_delete_for_good_asks_then_removes_the_person_everywhere(qtbot, db, pane, people, stack):
    zhang = people["张三"]
    assert rows_of(db, zhang) == [1, 1, 1, 1, 1]
    in_bin(qtbot, db, pane, [zhang])
    pane.table.selectRow(0)
    said = answer(False)
    pane.form.purge_button.click()
    assert said and "1 contact for good" in said[0]
    assert rows_of(db, zhang) == [1, 1, 1, 1, 1]  # kept: the answer was No
    said = answer(True)
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        pane.form.purge_button.click()
    assert rows_of(db, zhang) == [0, 0, 0, 0, 0]
    assert names(pane) == []
    assert pane.detail.currentWidget() is pane.placeholder
    assert pane.placeholder.hint.text() == "1 contact deleted for good."


def test_empty_recycle_bin_asks_with_the_count_then_empties_it(qtbot, db, pane, people):
    gone = [people["张三"], people["John Smith"]]
    in_bin(qtbot, db, pane, gone)
    assert pane.empty_bin_button.isVisible() and pane.empty_bin_button.isEnabled()
    said = answer(True)
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        pane.empty_bin_button.click()
    assert said and said[0].startswith("Delete 2 contacts for good")
    assert names(pane) == []
    for key in gone:
        assert rows_of(db, key)[3:] == [0, 0]
    assert rows_of(db, people["欧阳娜娜"])[3] == 1  # live contacts are never purged
    assert not pane.empty_bin_button.isEnabled()


def test_an_empty_search_says_so_and_offers_to_clear_the_filters(qtbot, pane):
    assert not pane.empty_notice.isVisible()
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        pane.search("nobody-like-this")
    assert pane.empty_notice.isVisible()
    assert "Nothing matches" in pane.filters.empty_label.text()
    assert pane.filters.clear_button.isVisible()
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        pane.filters.clear_button.click()
    assert pane.search_box.text() == ""
    assert len(names(pane)) == 4
    assert not pane.empty_notice.isVisible()


def test_new_scrolls_the_form_to_the_top_and_focuses_the_first_field(qtbot, pane, people):
    pane.table.selectRow(0)
    form = pane.form
    bar = form.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    pane.new_record()
    assert bar.value() == 0
    qtbot.waitUntil(form.family_name.hasFocus)


def test_phones_and_emails_come_before_work_and_addresses(pane, people):
    pane.table.selectRow(0)
    form = pane.form
    y = {w: w.mapTo(form.content, w.rect().topLeft()).y() for w in (form.phones, form.emails)}
    assert y[form.phones] < form.account.mapTo(form.content, form.account.rect().topLeft()).y()
    assert y[form.emails] < form.addresses.mapTo(form.content, form.addresses.rect().topLeft()).y()


def test_address_fields_are_wide_enough_to_read(qtbot, pane, people):
    pane.table.selectRow(names(pane).index("张三"))
    row = pane.form.addresses.rows()[0]
    qtbot.waitUntil(lambda: row.parts["country"].width() > 0)
    for part, sample in (("country", "United Kingdom"), ("region", "Guangdong")):
        edit = row.parts[part]
        assert edit.width() >= edit.fontMetrics().horizontalAdvance(sample) + 12, part


def test_with_a_record_open_the_list_keeps_its_key_columns(qtbot, db, people, stack, settings):
    """The pane as a 1280-pixel screen leaves it beside the navigation list, in a font as large
    as a laptop's (the key columns are wider than the 400 pixels once kept)."""
    pane = open_pane(qtbot, db, stack, settings, size=(1100, 700), point_size=12)
    pane.table.selectRow(0)
    qtbot.wait(300)  # the detail side is fitted on the next pass
    left = pane.splitter.sizes()[0]
    assert left >= key_columns_width(pane.table, 3)  # name, account, phone


def test_the_splitter_remembers_its_place(qtbot, db, pane, people, stack, settings):
    total = sum(pane.splitter.sizes())
    pane.splitter.moveSplitter(total // 2 + 40, 1)
    moved = pane.splitter.sizes()
    again = open_pane(qtbot, db, stack, settings)
    assert again.splitter.sizes() == moved


def test_with_nothing_selected_the_right_side_sums_up_the_list(qtbot, db, pane, people):
    with db.transaction() as session:
        _, changes = save_account(
            session, AccountDraft(name="星辰", value_tier=ValueTier.VIP, industry="Retail")
        )
    with qtbot.waitSignal(pane.summary_loaded, timeout=WAIT):
        pane._bus.publish(changes)
    lines = dict(pane.placeholder.texts())
    assert pane.placeholder.heading.text() == "4 contacts"
    assert lines["Contacts"] == "4"
    assert lines["With a phone"] == "3"
    assert "北京 1" in lines["Cities"] and "London 1" in lines["Cities"]
    pane.show_accounts()
    with qtbot.waitSignal(pane.summary_loaded, timeout=WAIT):
        pass
    lines = dict(pane.placeholder.texts())
    assert lines["Tiers"] == "VIP 1"
    assert lines["Industries"] == "Retail 1"  # older free text read as the vocabulary's word


def test_the_industry_filter_finds_codes_and_older_free_text(qtbot, db, pane):
    with db.transaction() as session:
        save_account(session, AccountDraft(name="甲", industry="Manufacturing"))
        save_account(session, AccountDraft(name="乙", industry=Industry.MANUFACTURING.value))
        save_account(session, AccountDraft(name="丙", industry="retail"))
    pane.show_accounts()
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        pass
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        pane.industry_combo.set_value(Industry.MANUFACTURING)
    assert sorted(names(pane)) == sorted(["甲", "乙"])
    assert pane.model.data(pane.model.index(0, 1)) == "Manufacturing"
