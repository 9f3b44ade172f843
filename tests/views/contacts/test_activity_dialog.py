"""Log activity on real widgets over a real SQLite file: Ctrl+L from the pane, typing and
picking in the dialog, OK; the stored activity, the timeline row, undo and redo, editing a
logged activity by double-clicking it, and an event's details."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QThreadPool
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialogButtonBox, QMainWindow
from sqlalchemy import select

from crmdesk.models import Activity, CalendarEvent
from crmdesk.models.enums import ActivityKind, EventKind, EventStatus
from crmdesk.services.accounts import AccountDraft, save_account
from crmdesk.services.contacts import get_contact, save_contact
from crmdesk.views.contacts.activity_dialog import ActivityDialog
from crmdesk.views.contacts.pane import ContactsPane
from crmdesk.views.contacts.record_details import DetailsDialog
from crmdesk.views.contacts.timeline_view import DetailRole, IdRole
from crmdesk.views.shell.bus import DataBus
from tests.views.contacts.test_pane import click_row, row_of_name

WAIT = 10_000


@pytest.fixture
def stack(qtbot):
    undo_stack = QUndoStack()
    yield undo_stack
    undo_stack.clear()


@pytest.fixture
def acme(db, people):
    """张三 and 欧阳娜娜 work at 星辰科技."""
    with db.transaction() as session:
        account_id, _ = save_account(session, AccountDraft(name="北京星辰科技有限公司"))
        for name in ("张三", "欧阳娜娜"):
            draft = get_contact(session, people[name]).draft
            draft.account_id = account_id
            save_contact(session, draft)
    return account_id


@pytest.fixture
def pane(qtbot, db, people, acme, stack):
    window = QMainWindow()
    qtbot.addWidget(window)
    widget = ContactsPane(db, DataBus(window), stack, window)
    window.setCentralWidget(widget)
    window.resize(1366, 740)
    with qtbot.waitSignals([widget.model.keys_loaded, widget.facets_loaded], timeout=WAIT):
        window.show()
    qtbot.waitExposed(window)
    yield widget
    QThreadPool.globalInstance().waitForDone(5000)
    QCoreApplication.processEvents()


def open_contact(qtbot, pane, name):
    click_row(qtbot, pane, row_of_name(pane, name))
    qtbot.waitUntil(lambda: pane.timeline.contact_id is not None, timeout=WAIT)


def press_ctrl_l(qtbot, pane) -> ActivityDialog:
    pane.table.setFocus()
    qtbot.keyClick(pane.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(pane.timeline.dialog, ActivityDialog), timeout=WAIT)
    dialog = pane.timeline.dialog
    qtbot.waitExposed(dialog)
    return dialog


def replace_text(qtbot, edit, text):
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, text)


def double_click(qtbot, widget, pos):
    """Press, release, then the double click, as a mouse sends them."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=pos)


def click_ok(qtbot, dialog):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)  # fmt: skip


def timeline_subjects(pane):
    model = pane.timeline.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def stored(db):
    with db.reading() as session:
        rows = session.scalars(select(Activity)).all()
        return [
            (a.kind, a.subject, a.duration_minutes, a.outcome, a.body, a.deleted_at is None,
             sorted(c.display_name for c in a.participants), a.account_id)
            for a in rows
        ]  # fmt: skip


def test_ctrl_l_logs_a_visit_that_appears_in_the_timeline_at_once(qtbot, db, pane, people, acme):
    open_contact(qtbot, pane, "张三")
    dialog = press_ctrl_l(qtbot, pane)
    assert dialog.about_label.text() == "张三"
    assert dialog.present_names() == ["张三 · 销售经理"]  # the contact is there by default
    qtbot.mouseClick(dialog.kind_buttons[ActivityKind.VISIT], Qt.MouseButton.LeftButton)
    assert dialog.duration.value() == 60  # a visit's usual length, until the user sets one
    qtbot.keyClicks(dialog.subject, "Quarterly review")
    replace_text(qtbot, dialog.outcome, "Order promised for May")
    dialog.people.setFocus()
    row = next(r for r in range(dialog.people.count())
               if dialog.people.item(r).text() == "欧阳娜娜")  # fmt: skip
    dialog.people.setCurrentRow(row)
    qtbot.keyClick(dialog.people, Qt.Key.Key_Space)
    qtbot.keyClicks(dialog.notes, "New product line")
    dialog.follow_up.setFocus()
    qtbot.keyClick(dialog.follow_up, Qt.Key.Key_Space)
    assert dialog.follow_up.isChecked()
    assert dialog.follow_up_title.text() == "Follow up: Quarterly review"
    replace_text(qtbot, dialog.follow_up_title, "Send the quote")
    click_ok(qtbot, dialog)

    qtbot.waitUntil(lambda: pane.timeline.dialog is None, timeout=WAIT)
    visit = (ActivityKind.VISIT, "Quarterly review", 60, "Order promised for May",
             "New product line", True, ["张三", "欧阳娜娜"], acme)  # fmt: skip
    assert stored(db) == [visit]
    assert "Quarterly review" in timeline_subjects(pane)
    assert "Send the quote" in timeline_subjects(pane)  # the follow-up task, a week ahead
    with db.reading() as session:
        task = session.scalars(select(CalendarEvent)).one()
        assert task.kind == EventKind.TASK
        assert task.start_date == dt.date.today() + dt.timedelta(days=7)

    assert pane._undo_stack.undoText() == "Log Quarterly review"
    pane._undo_stack.undo()
    assert timeline_subjects(pane) == []
    assert stored(db)[0][5] is False  # in the recycle bin, not half-removed
    pane._undo_stack.redo()
    assert sorted(timeline_subjects(pane)) == ["Quarterly review", "Send the quote"]
    assert stored(db) == [visit]


def test_an_e_mail_logged_from_the_account_with_nobody_present(qtbot, db, pane, acme):
    pane.show_accounts()
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1, timeout=WAIT)
    click_row(qtbot, pane, 0)
    qtbot.waitUntil(lambda: pane.timeline.account_id == acme, timeout=WAIT)
    dialog = press_ctrl_l(qtbot, pane)
    assert dialog.about_label.text() == "北京星辰科技有限公司"
    assert dialog.present_names() == []
    qtbot.mouseClick(dialog.kind_buttons[ActivityKind.EMAIL], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.subject, "Price list sent")
    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: pane.timeline.dialog is None, timeout=WAIT)
    assert stored(db) == [(ActivityKind.EMAIL, "Price list sent", None, "", "", True, [], acme)]
    assert timeline_subjects(pane) == ["Price list sent"]
    assert pane.timeline.model.index(0, 0).data(IdRole) is not None


def test_a_follow_up_without_a_title_is_refused_in_the_dialog(qtbot, db, pane, people):
    open_contact(qtbot, pane, "John Smith")
    dialog = press_ctrl_l(qtbot, pane)
    dialog.follow_up.setChecked(True)
    replace_text(qtbot, dialog.follow_up_title, " ")
    click_ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.error_label.text() == "The follow-up needs a title."
    assert stored(db) == []
    dialog.reject()


def test_double_clicking_an_activity_edits_it_undoably(qtbot, db, pane, people):
    open_contact(qtbot, pane, "张三")
    dialog = press_ctrl_l(qtbot, pane)
    qtbot.keyClicks(dialog.subject, "Call about the invoice")
    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: timeline_subjects(pane) == ["Call about the invoice"], timeout=WAIT)

    view = pane.timeline.list
    rect = view.visualRect(pane.timeline.model.index(0, 0))
    double_click(qtbot, view.viewport(), rect.center())
    qtbot.waitUntil(lambda: isinstance(pane.timeline.dialog, ActivityDialog), timeout=WAIT)
    editor = pane.timeline.dialog
    assert editor.windowTitle() == "Edit activity"
    assert editor.subject.text() == "Call about the invoice"
    assert editor.kind() == ActivityKind.CALL and editor.duration.value() == 15
    replace_text(qtbot, editor.outcome, "Paid next week")
    click_ok(qtbot, editor)
    qtbot.waitUntil(lambda: pane.timeline.dialog is None, timeout=WAIT)
    assert stored(db)[0][3] == "Paid next week"
    assert pane.timeline.model.index(0, 0).data(DetailRole) == "Call · Paid next week"
    pane._undo_stack.undo()
    assert stored(db)[0][3] == ""
    assert len(stored(db)) == 1 and stored(db)[0][5]


def test_double_clicking_an_event_shows_its_details(qtbot, db, pane, people):
    with db.transaction() as session:
        session.add(
            CalendarEvent(title="现场拜访", kind=EventKind.VISIT, status=EventStatus.CONFIRMED,
                          location="朝阳路1号", contact_id=people["张三"],
                          starts_at=dt.datetime(2026, 5, 4, 2, 0, tzinfo=dt.UTC))
        )  # fmt: skip
    open_contact(qtbot, pane, "张三")
    qtbot.waitUntil(lambda: timeline_subjects(pane) == ["现场拜访"], timeout=WAIT)
    view = pane.timeline.list
    rect = view.visualRect(pane.timeline.model.index(0, 0))
    double_click(qtbot, view.viewport(), rect.center())
    qtbot.waitUntil(lambda: isinstance(pane.timeline.dialog, DetailsDialog), timeout=WAIT)
    values = pane.timeline.dialog.values()
    assert values["Kind"] == "Visit" and values["Where"] == "朝阳路1号"
    assert values["Status"] == "Planned"
    pane.timeline.dialog.reject()


def test_the_edit_dialog_shows_the_follow_up_and_taking_it_off_is_undoable(qtbot, db, pane):
    open_contact(qtbot, pane, "张三")
    dialog = press_ctrl_l(qtbot, pane)
    qtbot.keyClicks(dialog.subject, "Visit")
    dialog.follow_up.setChecked(True)
    replace_text(qtbot, dialog.follow_up_title, "Send the contract")
    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: "Send the contract" in timeline_subjects(pane), timeout=WAIT)

    row = timeline_subjects(pane).index("Visit")
    view = pane.timeline.list
    rect = view.visualRect(pane.timeline.model.index(row, 0))
    double_click(qtbot, view.viewport(), rect.center())
    qtbot.waitUntil(lambda: isinstance(pane.timeline.dialog, ActivityDialog), timeout=WAIT)
    editor = pane.timeline.dialog
    assert editor.follow_up.isChecked()
    assert editor.follow_up_title.text() == "Send the contract"
    editor.follow_up.setFocus()
    qtbot.keyClick(editor.follow_up, Qt.Key.Key_Space)
    assert not editor.follow_up.isChecked()
    click_ok(qtbot, editor)
    qtbot.waitUntil(lambda: timeline_subjects(pane) == ["Visit"], timeout=WAIT)
    pane._undo_stack.undo()
    assert sorted(timeline_subjects(pane)) == ["Send the contract", "Visit"]
    pane._undo_stack.redo()
    assert timeline_subjects(pane) == ["Visit"]


def test_ok_on_an_unchanged_activity_writes_nothing(qtbot, db, pane, stack, people):
    open_contact(qtbot, pane, "张三")
    with db.transaction() as session:
        session.add(
            Activity(kind=ActivityKind.CALL, subject="old call", contact_id=people["张三"],
                     occurred_at=dt.datetime(2026, 1, 5, 3, 4, 59, tzinfo=dt.UTC))
        )  # fmt: skip
    pane.timeline.model.refresh()
    view = pane.timeline.list
    double_click(qtbot, view.viewport(), view.visualRect(pane.timeline.model.index(0, 0)).center())
    qtbot.waitUntil(lambda: isinstance(pane.timeline.dialog, ActivityDialog), timeout=WAIT)
    click_ok(qtbot, pane.timeline.dialog)
    assert stack.count() == 0
    with db.reading() as session:
        assert session.scalars(select(Activity)).one().version == 1
