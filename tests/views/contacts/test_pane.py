"""The Contacts pane on real widgets over a real SQLite file: search as you type, filters, the
form beside the table, delete with undo, the recycle bin, new records and the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QThreadPool
from PySide6.QtGui import QInputMethodEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow

from crmdesk.models.enums import ValueTier
from crmdesk.services.accounts import AccountDraft, save_account
from crmdesk.services.contacts import get_contact, save_contact
from crmdesk.views.contacts.contact_form import ContactForm
from crmdesk.views.contacts.pane import ContactsPane
from crmdesk.views.records.keyed_table_model import IdRole
from crmdesk.views.shell.bus import DataBus

WAIT = 10_000


@pytest.fixture
def stack(qtbot):
    undo_stack = QUndoStack()
    yield undo_stack
    undo_stack.clear()


@pytest.fixture
def acme(db, people):
    """An account with 张三 at it, so the tier filter and the Accounts tab have something."""
    with db.transaction() as session:
        account_id, _ = save_account(
            session, AccountDraft(name="北京星辰科技有限公司", value_tier=ValueTier.VIP)
        )
        draft = get_contact(session, people["张三"]).draft
        draft.account_id = account_id
        save_contact(session, draft)
    return account_id


@pytest.fixture
def pane(qtbot, db, people, acme, stack):
    window = QMainWindow()
    qtbot.addWidget(window)
    bus = DataBus(window)
    widget = ContactsPane(db, bus, stack, window)
    window.setCentralWidget(widget)
    window.resize(1280, 800)
    with qtbot.waitSignals([widget.model.keys_loaded, widget.facets_loaded], timeout=WAIT):
        window.show()
    qtbot.waitExposed(window)
    yield widget
    QThreadPool.globalInstance().waitForDone(5000)
    QCoreApplication.processEvents()


def names(pane):
    model = pane.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def click_row(qtbot, pane, row):
    view = pane.table
    rect = view.visualRect(pane.model.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def row_of_name(pane, name):
    return names(pane).index(name)


def type_text(widget, text):
    """Chinese text arrives through the input method, as a pinyin IME commits it."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_shows_every_contact_with_a_count(pane):
    assert sorted(names(pane)) == sorted(["张三", "欧阳娜娜", "John Smith", "Anna Müller"])
    assert pane.count_label.text() == "4 contacts"
    assert pane.table.verticalHeader().sectionResizeMode(0).name == "Fixed"
    assert pane.table.isSortingEnabled()
    assert pane.detail.currentWidget() is pane.placeholder


def test_typing_pinyin_initials_finds_the_chinese_name(qtbot, pane):
    pane.focus_search()
    assert pane.search_box.hasFocus()
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT) as loaded:
        qtbot.keyClicks(pane.search_box, "zs")
    assert loaded.args == [1]
    assert names(pane) == ["张三"]
    assert pane.count_label.text() == "1 contact"
    # Esc clears the search and shows everyone again.
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        qtbot.keyClick(pane.search_box, Qt.Key.Key_Escape)
    assert pane.search_box.text() == ""
    assert len(names(pane)) == 4


def test_typing_chinese_and_a_phone_fragment(qtbot, pane):
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        type_text(pane.search_box, "欧阳")
    assert names(pane) == ["欧阳娜娜"]
    pane.search_box.clear()
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        qtbot.keyClicks(pane.search_box, "1234")
    assert sorted(names(pane)) == ["Anna Müller", "欧阳娜娜"]


def test_typing_fast_runs_one_search(qtbot, pane):
    loaded = []
    pane.model.keys_loaded.connect(loaded.append)
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        qtbot.keyClicks(pane.search_box, "smith")
    assert names(pane) == ["John Smith"]
    assert loaded == [1]


def test_filters_from_the_facets(qtbot, pane):
    assert [pane.city_combo.itemText(i) for i in range(pane.city_combo.count())] == [
        "All cities",
        "London",
        "北京",
    ]
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        pane.city_combo.setCurrentIndex(pane.city_combo.findData("London"))
    assert names(pane) == ["John Smith"]
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        pane.city_combo.setCurrentIndex(0)
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        pane.tag_combo.setCurrentIndex(pane.tag_combo.findData("重点客户"))
    assert names(pane) == ["张三"]
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        pane.tag_combo.setCurrentIndex(0)
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        pane.tier_combo.set_value(ValueTier.VIP)
    assert names(pane) == ["张三"]


def test_selecting_a_row_shows_its_form_and_timeline(qtbot, pane, people):
    with qtbot.waitSignal(pane.selection_changed):
        click_row(qtbot, pane, row_of_name(pane, "John Smith"))
    assert pane.current_id() == people["John Smith"]
    assert isinstance(pane.form, ContactForm)
    assert pane.detail.currentWidget() is pane.form
    assert pane.form.contact_id == people["John Smith"]
    assert pane.form.family_name.text() == "Smith"
    assert pane.timeline.contact_id == people["John Smith"]
    # Enter on the table moves to the form.
    pane.table.setFocus()
    qtbot.keyClick(pane.table, Qt.Key.Key_Return)
    assert pane.form.family_name.hasFocus()


def test_delete_moves_to_the_recycle_bin_and_undo_brings_it_back(qtbot, db, pane, people, stack):
    zhang = people["张三"]
    click_row(qtbot, pane, row_of_name(pane, "张三"))
    pane.table.setFocus()
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        qtbot.keyClick(pane.table, Qt.Key.Key_Delete)
    assert "张三" not in names(pane)
    assert pane.count_label.text() == "3 contacts"
    with db.reading() as session:
        assert get_contact(session, zhang).deleted
    assert stack.undoText() == "Delete 张三"
    # The row after it is selected, so Delete again would continue down the list.
    assert pane.current_id() is not None and pane.current_id() != zhang
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        stack.undo()
    assert "张三" in names(pane)
    with db.reading() as session:
        assert not get_contact(session, zhang).deleted


def test_delete_several_with_extended_selection(qtbot, pane, stack):
    click_row(qtbot, pane, 0)
    for _ in range(2):
        qtbot.keyClick(pane.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert len(pane.selected_ids()) == 3
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        pane.delete_selected()
    assert pane.model.rowCount() == 1
    assert stack.undoText() == "Delete 3 contacts"


def test_recycle_bin_and_restore(qtbot, db, pane, people, stack):
    zhang = people["张三"]
    click_row(qtbot, pane, row_of_name(pane, "张三"))
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        pane.delete_selected()
    assert not pane.restore_button.isVisible()
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        qtbot.mouseClick(pane.bin_button, Qt.MouseButton.LeftButton)
    assert pane.restore_button.isVisible()
    assert names(pane) == ["张三"]
    assert pane.count_label.text() == "1 contact in the recycle bin"
    click_row(qtbot, pane, 0)
    assert pane.form.banner.isVisible()  # "This record is in the recycle bin."
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        qtbot.mouseClick(pane.restore_button, Qt.MouseButton.LeftButton)
    assert names(pane) == []
    assert stack.undoText() == "Restore 1 contact"
    with db.reading() as session:
        assert not get_contact(session, zhang).deleted
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        qtbot.mouseClick(pane.bin_button, Qt.MouseButton.LeftButton)
    assert "张三" in names(pane)
    # Undoing the restore puts it back in the bin.
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        stack.undo()
    assert "张三" not in names(pane)


def test_a_new_contact_is_selected_after_saving(qtbot, db, pane):
    pane.new_record()
    form = pane.form
    assert pane.detail.currentWidget() is form
    assert form.contact_id is None
    assert form.family_name.hasFocus()
    type_text(form.family_name, "李")
    type_text(form.given_name, "四")
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        assert form.save()
    assert pane.model.rowCount() == 5
    assert pane.current_id() == form.contact_id is not None
    index = pane.table.selectionModel().currentIndex()
    assert pane.model.data(index) == "李四"
    assert pane.table.selectionModel().isRowSelected(index.row())


def test_an_edit_keeps_the_selection_by_id(qtbot, pane, people):
    """Renaming re-sorts the list; the same contact stays selected in its new row."""
    click_row(qtbot, pane, row_of_name(pane, "Anna Müller"))
    form = pane.form
    form.family_name.setText("Aaron")
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        assert form.save()
    assert pane.current_id() == people["Anna Müller"]
    row = pane.table.selectionModel().currentIndex().row()
    assert pane.model.data(pane.model.index(row, 0)) == "Anna Aaron"
    assert pane.model.data(pane.model.index(row, 0), IdRole) == people["Anna Müller"]


def test_moving_on_saves_unsaved_edits(qtbot, db, pane, people):
    click_row(qtbot, pane, row_of_name(pane, "John Smith"))
    pane.form.title.setText("CTO")
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        click_row(qtbot, pane, row_of_name(pane, "欧阳娜娜"))
    assert pane.form.contact_id == people["欧阳娜娜"]
    assert pane.current_id() == people["欧阳娜娜"]
    with db.reading() as session:
        assert get_contact(session, people["John Smith"]).draft.title == "CTO"


def test_accounts_tab(qtbot, pane, acme):
    pane.show_accounts()  # the Accounts table is built now; its keys arrive through the loop
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        pass
    assert names(pane) == ["北京星辰科技有限公司"]
    assert pane.model.data(pane.model.index(0, 2)) == "VIP"
    assert pane.count_label.text() == "1 account"
    click_row(qtbot, pane, 0)
    assert pane.form.account_id == acme
    assert pane.timeline.account_id == acme
    pane.show_contacts()
    assert len(names(pane)) == 4


def test_no_contact_left_selected_after_a_filter_removes_it(qtbot, pane, people):
    click_row(qtbot, pane, row_of_name(pane, "John Smith"))
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        qtbot.keyClicks(pane.search_box, "zs")
    assert pane.current_id() is None
    assert pane.form.contact_id == people["John Smith"]  # the form keeps what it shows
