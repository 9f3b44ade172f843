"""Undo in the main window: the Edit menu, the toolbar and History take back the same steps,
say what came back in the user's words, and take an import back as one step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from crmdesk.interop.records import PhoneRecord
from crmdesk.services.contacts import (
    ContactDraft,
    ContactFilter,
    contact_ids,
    get_contact,
    save_contact,
)
from crmdesk.views.shell.field_labels import field_labels
from crmdesk.views.shell.main_window import MainWindow
from crmdesk.views.shell.undo import MergeContactsCommand, MergePlan, SaveContactCommand
from crmdesk.views.transfer.import_wizard import MAPPING_PAGE, PREVIEW_PAGE

WAIT = 10_000


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "crmdesk.ini"), QSettings.Format.IniFormat)


class Boxes:
    """Every message box that opens: its text is kept and it is answered (Yes or OK, or
    `answer`), so a test sees each dialog the user would have met."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.answer = QMessageBox.StandardButton.Yes
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._close_open_boxes)
        self._timer.start()

    def _close_open_boxes(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                self.seen.append(" ".join([widget.text(), widget.informativeText()]).strip())
                button = widget.button(self.answer) or widget.button(QMessageBox.StandardButton.Ok)
                (button or widget.buttons()[0]).click()

    def stop(self) -> None:
        self._timer.stop()


@pytest.fixture
def boxes():
    watcher = Boxes()
    yield watcher
    watcher.stop()


@pytest.fixture
def window(qtbot, db, settings):
    win = MainWindow(db, settings)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.contacts_pane.model.keys_loaded, timeout=WAIT):
        win.show()
    yield win
    win.close()
    QThreadPool.globalInstance().waitForDone(5000)
    QCoreApplication.processEvents()


@pytest.fixture
def twins(db):
    """张三 and 'Zhang San' sharing a phone, and John Smith."""
    with db.transaction() as s:
        han, _ = save_contact(
            s, ContactDraft(family_name="张", given_name="三", phones=[PhoneRecord("13800138000")])
        )
        latin, _ = save_contact(
            s,
            ContactDraft(
                family_name="Zhang", given_name="San", phones=[PhoneRecord("13800138000")]
            ),
        )
        other, _ = save_contact(s, ContactDraft(family_name="Smith", given_name="John"))
    return han, latin, other


def draft_of(db, contact_id):
    with db.reading() as s:
        return get_contact(s, contact_id).draft


def live(db):
    with db.reading() as s:
        return set(contact_ids(s, ContactFilter()))


def edit_title(window, db, contact_id, title):
    before = draft_of(db, contact_id)
    after = draft_of(db, contact_id)
    after.title = title
    window.undo_stack.push(SaveContactCommand(db, window.bus, before, after))


def open_history(qtbot, window):
    history = window.history_dialog
    if history is not None and history.isVisible():
        return history
    with qtbot.waitSignal(window.show_history().loaded, timeout=WAIT):
        pass
    return window.history_dialog


def row_of(history, text):
    """The row of the newest change described as starting with `text`."""
    return next(i for i, b in enumerate(history.batches) if b.description.startswith(text))


def test_after_unmerge_in_history_the_edit_menu_offers_the_edit_before_it(
    qtbot, db, twins, window, boxes
):
    han, latin, other = twins
    edit_title(window, db, other, "CFO")
    plan = MergePlan(survivor=han, losers=(latin,), chosen={})
    window.undo_stack.push(MergeContactsCommand(db, window.bus, plan, "张三"))
    assert "Merge" in window.undo_action.text()

    history = open_history(qtbot, window)
    history.table.selectRow(next(i for i, b in enumerate(history.batches) if b.is_merge))
    with qtbot.waitSignal(history.loaded, timeout=WAIT):
        qtbot.mouseClick(history.unmerge_button, Qt.MouseButton.LeftButton)
    assert live(db) == {han, latin, other}
    assert "Merge" not in window.undo_action.text()  # nothing stale is offered
    assert window.undo_action.text().endswith("Edit John Smith")

    with qtbot.waitSignal(history.loaded, timeout=WAIT):
        window.undo_action.trigger()
    assert boxes.seen == []  # no "already taken back" dialog
    assert draft_of(db, other).title == ""
    # History shows the undo as the undo of the edit, and the edit as taken back
    assert history.batches[0].description == "Undid: Edited contact John Smith: title"
    edit = history.batches[row_of(history, "Edited contact John Smith")]
    assert edit.undone
    history.table.selectRow(history.batches.index(edit))
    assert not history.undo_button.isEnabled()
    assert not window.undo_action.isEnabled()
    assert window.redo_action.isEnabled()  # the Edit menu's own undo can be redone


def test_an_edit_taken_back_in_history_is_not_offered_by_the_edit_menu_again(
    qtbot, db, twins, window, boxes
):
    han, _latin, other = twins
    edit_title(window, db, other, "CFO")
    edit_title(window, db, han, "经理")
    history = open_history(qtbot, window)
    history.table.selectRow(row_of(history, "Edited contact John Smith"))  # the older of the two
    with qtbot.waitSignal(history.loaded, timeout=WAIT):
        qtbot.mouseClick(history.undo_button, Qt.MouseButton.LeftButton)
    assert draft_of(db, other).title == ""
    assert window.undo_action.text().endswith("Edit 张三")
    with qtbot.waitSignal(history.loaded, timeout=WAIT):
        window.undo_action.trigger()
    assert draft_of(db, han).title == ""
    assert not window.undo_action.isEnabled()  # the John Smith edit is gone from the stack
    assert boxes.seen == []


def test_the_newest_change_undone_in_history_can_be_redone_from_the_edit_menu(
    qtbot, db, twins, window
):
    _han, _latin, other = twins
    edit_title(window, db, other, "CFO")
    history = open_history(qtbot, window)
    history.table.selectRow(row_of(history, "Edited contact John Smith"))
    with qtbot.waitSignal(history.loaded, timeout=WAIT):
        qtbot.mouseClick(history.undo_button, Qt.MouseButton.LeftButton)
    assert draft_of(db, other).title == ""
    assert not window.undo_action.isEnabled()
    with qtbot.waitSignal(history.loaded, timeout=WAIT):
        window.redo_action.trigger()
    assert draft_of(db, other).title == "CFO"
    assert history.batches[0].description == "Redid: Edited contact John Smith: title"


def _edit_then_change_again(qtbot, db, window, twins):
    han = twins[0]
    before = draft_of(db, han)
    after = draft_of(db, han)
    after.title = "销售经理"
    after.department = "销售部"
    window.undo_stack.push(SaveContactCommand(db, window.bus, before, after))
    with db.transaction() as s:  # someone changes both again since
        again = get_contact(s, han).draft
        again.title = "总监"
        again.department = "市场部"
        save_contact(s, again)
    window.undo_action.trigger()
    return window.statusBar().currentMessage()


def test_an_undo_names_the_fields_it_left_alone_as_the_form_does(qtbot, db, twins, window):
    message = _edit_then_change_again(qtbot, db, window, twins)
    assert message == (
        "Nothing of “Edit 张三” could be taken back. Title, Department were changed again "
        "since, so they were left as they are."
    )
    assert draft_of(db, twins[0]).title == "总监"  # never clobbered
    history = open_history(qtbot, window)
    assert history.batches[0].description.startswith("Undid: Edited contact 张三")


def test_in_chinese_an_undo_names_the_fields_in_chinese(qtbot, db, twins, chinese, settings):
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    message = _edit_then_change_again(qtbot, db, window, twins)
    labels = field_labels()
    assert labels["title"] != "Title"
    assert labels["title"] in message and labels["department"] in message
    assert "title" not in message.lower() and "department" not in message.lower()
    assert "之后又被修改过" in message
    window.close()
    QThreadPool.globalInstance().waitForDone(5000)


def test_an_import_is_one_step_and_one_history_entry_and_asks_before_it_goes(
    qtbot, db, window, boxes, tmp_path
):
    source = tmp_path / "trade fair.csv"
    source.write_text(
        "Name,Phone\nAnna Berg,+46 8 123 456\nLi Lei,13900139000\nHan Meimei,13700137000\n",
        "utf-8",
    )
    wizard = window.show_import()
    wizard.set_file(source)
    for page in (MAPPING_PAGE, PREVIEW_PAGE):
        with qtbot.waitSignal(wizard.step_ready, timeout=WAIT):
            qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
        assert wizard.step_ready and page is not None
    with qtbot.waitSignal(wizard.imported, timeout=WAIT):
        qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    wizard.close()
    assert len(live(db)) == 3
    assert window.undo_stack.count() == 1
    assert window.undo_action.text().endswith("Import trade fair.csv")
    history = open_history(qtbot, window)
    assert history.batches[0].description == "Imported trade fair.csv: created 3 contacts"

    boxes.answer = QMessageBox.StandardButton.No
    window.undo_action.trigger()
    assert len(boxes.seen) == 1
    assert "trade fair.csv" in boxes.seen[0] and "3 contacts" in boxes.seen[0]
    assert len(live(db)) == 3  # declined: nothing taken back
    assert window.undo_action.isEnabled()

    boxes.answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(history.loaded, timeout=WAIT):
        window.undo_action.trigger()
    assert len(boxes.seen) == 2
    assert live(db) == set()
    assert history.batches[0].description == "Undid: Imported trade fair.csv: created 3 contacts"
    with qtbot.waitSignal(history.loaded, timeout=WAIT):
        window.redo_action.trigger()
    assert len(live(db)) == 3
