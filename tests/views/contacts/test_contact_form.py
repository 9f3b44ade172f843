"""The contact form on real widgets over a real SQLite file: load, edit, validate, undo, stale."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QInputMethodEvent, QUndoStack
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from crmdesk.interop.records import PhoneRecord
from crmdesk.models import ChangeLogEntry
from crmdesk.models.enums import ChangeAction, PhoneKind
from crmdesk.services.accounts import AccountDraft, save_account
from crmdesk.services.changes import Changes
from crmdesk.services.contacts import (
    ContactFilter,
    contact_ids,
    get_contact,
    save_contact,
)
from crmdesk.views.contacts.contact_form import ContactForm, initials
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.undo import DeleteContactsCommand


@pytest.fixture
def bus(qtbot):
    return DataBus()


@pytest.fixture
def stack(qtbot):
    undo_stack = QUndoStack()
    yield undo_stack
    undo_stack.clear()


@pytest.fixture
def form(qtbot, db, people, bus, stack):
    widget = ContactForm(db, bus, stack)
    qtbot.addWidget(widget)
    widget.resize(800, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def type_text(qtbot, widget, text):
    """Type like a user: keys for ASCII, an input-method commit (as a pinyin IME sends) for 汉字.

    QTest can only press keys it knows; Chinese text arrives through the input method.
    """
    for chunk in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def replace_text(qtbot, edit, text):
    """Select everything in a line edit and type over it, as a user would."""
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        type_text(qtbot, edit, text)
    else:
        qtbot.keyClick(edit, Qt.Key.Key_Delete)


def stored(db, contact_id):
    with db.reading() as session:
        return get_contact(session, contact_id)


def click_save(qtbot, form):
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)


def test_load_shows_the_contact(form, people):
    form.load(people["张三"])
    assert form.family_name.text() == "张"
    assert form.given_name.text() == "三"
    assert form.title.text() == "销售经理"
    assert [r.number.text() for r in form.phones.rows()] == ["138 0013 8000"]
    assert form.phones.rows()[0].kind.value() is PhoneKind.MOBILE
    assert [r.address.text() for r in form.emails.rows()] == ["zhang.san@example.cn"]
    address = form.addresses.rows()[0]
    assert (address.parts["city"].text(), address.parts["street"].text()) == ("北京", "朝阳路1号")
    assert form.tags.tags() == ["重点客户"]
    assert form.preview.text() == "张三"
    assert form.heading.text() == "张三"
    assert form.birthday.date() is None
    assert not form.is_dirty()
    assert not form.revert_button.isEnabled()


def test_the_preview_shows_the_name_as_lists_will(qtbot, form, people):
    form.load(people["John Smith"])
    assert form.preview.text() == "John Smith"
    replace_text(qtbot, form.family_name, "Brown")
    assert form.preview.text() == "John Brown"
    assert initials("张三") == "张"
    assert initials("John Smith") == "JS"


def test_edit_and_save_writes_through_the_service_and_the_change_log(
    qtbot, db, form, people, stack
):
    zhang = people["张三"]
    form.load(zhang)
    replace_text(qtbot, form.given_name, "四")
    assert form.is_dirty()
    assert form.revert_button.isEnabled()
    with qtbot.waitSignal(form.saved) as saved:
        click_save(qtbot, form)
    assert saved.args == [zhang]
    assert stored(db, zhang).draft.given_name == "四"
    with db.reading() as session:
        log = session.execute(
            select(ChangeLogEntry.action, ChangeLogEntry.old, ChangeLogEntry.new).where(
                ChangeLogEntry.entity_id == zhang, ChangeLogEntry.field == "given_name"
            )
        ).all()
    assert [tuple(row) for row in log] == [(ChangeAction.UPDATE, "三", "四")]
    assert stack.count() == 1
    assert stack.undoText() == "Edit 张四"
    assert not form.is_dirty()
    assert form.preview.text() == "张四"


def test_ctrl_s_saves(qtbot, db, form, people):
    form.load(people["John Smith"])
    form.activateWindow()
    qtbot.waitActive(form)
    replace_text(qtbot, form.title, "CEO")
    with qtbot.waitSignal(form.saved):
        qtbot.keyClick(form.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert stored(db, people["John Smith"]).draft.title == "CEO"


def test_an_invalid_phone_is_shown_inline_and_nothing_is_saved(qtbot, db, form, people, stack):
    zhang = people["张三"]
    form.load(zhang)
    row = form.phones.rows()[0]
    replace_text(qtbot, row.number, "12")
    with qtbot.assertNotEmitted(form.saved):
        click_save(qtbot, form)
    assert row.error.isVisible()
    assert row.error.text() == "Not a valid phone number."
    assert row.number.property("invalid") is True
    assert form.summary.isVisible()
    assert form.summary.text() == "1 problem to fix before saving."
    assert row.number.hasFocus()
    assert stored(db, zhang).draft.phones == [PhoneRecord("138 0013 8000", PhoneKind.MOBILE)]
    assert stack.count() == 0
    # Fixing it clears the message and the outline as the user types.
    replace_text(qtbot, row.number, "138 0013 8001")
    assert not row.error.isVisible()
    assert row.number.property("invalid") is False
    assert not form.summary.isVisible()


def test_an_invalid_email_is_reported_when_the_field_is_left(qtbot, db, form, people):
    form.load(people["John Smith"])
    row = form.emails.rows()[0]
    replace_text(qtbot, row.address, "john@@acme")
    assert not row.error.isVisible()
    qtbot.keyClick(row.address, Qt.Key.Key_Return)
    assert row.error.isVisible()
    assert "@" in row.error.text()
    assert not form.summary.isVisible()  # only after a save attempt
    with qtbot.assertNotEmitted(form.saved):
        click_save(qtbot, form)
    assert stored(db, people["John Smith"]).draft.emails[0].address == "john.smith@acme.com"


def test_a_contact_needs_a_name(qtbot, db, form, people):
    form.load(people["Anna Müller"])
    replace_text(qtbot, form.family_name, "")
    replace_text(qtbot, form.given_name, "")
    with qtbot.assertNotEmitted(form.saved):
        click_save(qtbot, form)
    error = form.errors.target("family_name")[1]
    assert error.isVisible()
    assert error.text() == "A contact needs a name (or an organisation)."
    assert form.family_name.hasFocus()
    assert stored(db, people["Anna Müller"]).draft.family_name == "Müller"


def test_a_new_contact_from_blank(qtbot, db, form, stack):
    form.load(None)
    assert form.heading.text() == "New contact"
    assert form.phones.rows() == []
    type_text(qtbot, form.family_name, "李")
    type_text(qtbot, form.given_name, "四")
    qtbot.mouseClick(form.phones.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, form.phones.rows()[0].number, "139 1111 2222")
    type_text(qtbot, form.tags, "新客户")
    with qtbot.waitSignal(form.saved) as saved:
        click_save(qtbot, form)
    new_id = saved.args[0]
    assert form.contact_id == new_id
    detail = stored(db, new_id)
    assert detail.display_name == "李四"
    assert [p.number for p in detail.draft.phones] == ["139 1111 2222"]
    assert detail.tags == ("新客户",)
    assert stack.undoText() == "Add 李四"
    assert not form.is_dirty()


def test_undo_and_redo_an_edit_in_the_database_and_the_form(qtbot, db, form, people, stack):
    zhang = people["张三"]
    form.load(zhang)
    replace_text(qtbot, form.given_name, "四")
    replace_text(qtbot, form.title, "总监")
    with qtbot.waitSignal(form.saved):
        click_save(qtbot, form)
    stack.undo()
    assert (stored(db, zhang).draft.given_name, stored(db, zhang).draft.title) == ("三", "销售经理")
    assert (form.given_name.text(), form.title.text()) == ("三", "销售经理")
    assert not form.is_dirty()
    stack.redo()
    assert (stored(db, zhang).draft.given_name, stored(db, zhang).draft.title) == ("四", "总监")
    assert (form.given_name.text(), form.title.text()) == ("四", "总监")
    # A save after undo/redo is not mistaken for a stale edit.
    replace_text(qtbot, form.title, "经理")
    with qtbot.waitSignal(form.saved):
        click_save(qtbot, form)
    assert stored(db, zhang).draft.title == "经理"


def test_undo_of_a_creation_moves_it_to_the_recycle_bin(qtbot, db, form, stack):
    form.load(None)
    type_text(qtbot, form.family_name, "王")
    type_text(qtbot, form.given_name, "五")
    with qtbot.waitSignal(form.saved) as saved:
        click_save(qtbot, form)
    new_id = saved.args[0]
    stack.undo()
    assert stored(db, new_id).deleted
    with db.reading() as session:
        assert new_id in contact_ids(session, ContactFilter(deleted=True))
        assert new_id not in contact_ids(session)
    assert form.banner.isVisible()
    assert form.banner.label.text() == "This contact is in the recycle bin."
    stack.redo()
    assert not stored(db, new_id).deleted
    assert stored(db, new_id).display_name == "王五"
    assert not form.banner.isVisible()


def test_a_stale_edit_shows_the_banner_and_overwrites_nothing(qtbot, db, form, people, stack):
    zhang = people["张三"]
    form.load(zhang)
    # Someone else changes the contact behind the form's back (no bus message reaches it).
    with db.transaction() as session:
        other = get_contact(session, zhang).draft
        other.title = "总监"
        save_contact(session, other)
    replace_text(qtbot, form.given_name, "四")
    with qtbot.assertNotEmitted(form.saved):
        click_save(qtbot, form)
    assert form.banner.isVisible()
    assert "张三 was changed elsewhere since you opened it." in form.banner.label.text()
    assert form.banner.reload_button.isVisible()
    detail = stored(db, zhang)
    assert (detail.draft.given_name, detail.draft.title) == ("三", "总监")
    assert stack.count() == 0
    assert form.is_dirty()  # the user's typing is still there
    qtbot.mouseClick(form.banner.reload_button, Qt.MouseButton.LeftButton)
    assert (form.given_name.text(), form.title.text()) == ("三", "总监")
    assert not form.banner.isVisible()
    assert not form.is_dirty()


def test_a_change_elsewhere_reloads_a_clean_form_and_warns_a_dirty_one(
    qtbot, db, bus, form, people
):
    zhang = people["张三"]
    form.load(zhang)

    def change_title(title):
        with db.transaction() as session:
            draft = get_contact(session, zhang).draft
            draft.title = title
            _, changes = save_contact(session, draft)
        bus.publish(changes)

    change_title("总监")
    assert form.title.text() == "总监"
    assert not form.banner.isVisible()
    type_text(qtbot, form.notes, "打过电话")
    change_title("经理")
    assert form.title.text() == "总监"  # the user's edit is not thrown away
    assert form.banner.isVisible()
    assert form.banner.label.text().startswith("Changed elsewhere")
    bus.publish(Changes(contacts=frozenset({people["John Smith"]})))
    assert form.notes.toPlainText() == "打过电话"


def test_the_account_picker_links_an_account(qtbot, db, form, people):
    with db.transaction() as session:
        account_id, _ = save_account(session, AccountDraft(name="星辰科技"))
    form.load(people["John Smith"])
    type_text(qtbot, form.account.lineEdit(), "星辰")
    assert form.account._suggestions.model().stringList() == ["星辰科技"]
    replace_text(qtbot, form.account.lineEdit(), "星辰科技")
    with qtbot.waitSignal(form.saved):
        click_save(qtbot, form)
    assert stored(db, people["John Smith"]).draft.account_id == account_id
    assert stored(db, people["John Smith"]).account_name == "星辰科技"
    assert form.account.currentText() == "星辰科技"


def test_an_unknown_account_is_an_inline_error(qtbot, db, form, people):
    form.load(people["John Smith"])
    type_text(qtbot, form.account.lineEdit(), "Nobody Ltd")
    with qtbot.assertNotEmitted(form.saved):
        click_save(qtbot, form)
    error = form.errors.target("account_id")[1]
    assert error.isVisible()
    assert "Nobody Ltd" in error.text()


def test_revert_drops_the_edits(qtbot, form, people):
    form.load(people["张三"])
    replace_text(qtbot, form.given_name, "四")
    qtbot.mouseClick(form.phones.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.revert_button, Qt.MouseButton.LeftButton)
    assert form.given_name.text() == "三"
    assert len(form.phones.rows()) == 1
    assert not form.is_dirty()


def test_birthday_in_the_future_is_refused_and_a_past_one_saved(qtbot, db, form, people):
    import datetime as dt

    form.load(people["Anna Müller"])
    form.birthday.set_date(dt.date.today() + dt.timedelta(days=3))
    with qtbot.assertNotEmitted(form.saved):
        click_save(qtbot, form)
    assert form.errors.target("birthday")[1].text() == "The birthday is in the future."
    form.birthday.set_date(dt.date(1990, 5, 17))
    with qtbot.waitSignal(form.saved):
        click_save(qtbot, form)
    assert stored(db, people["Anna Müller"]).draft.birthday == dt.date(1990, 5, 17)
    qtbot.mouseClick(form.birthday.clear_button, Qt.MouseButton.LeftButton)
    assert form.birthday.date() is None
    assert form.is_dirty()


def test_delete_contacts_command_soft_deletes_and_restores(db, bus, people, stack, qtbot):
    ids = [people["张三"], people["John Smith"], people["Anna Müller"]]
    with qtbot.waitSignal(bus.changed) as published:
        stack.push(DeleteContactsCommand(db, bus, ids))
    assert published.args[0].contacts == frozenset(ids)
    assert stack.undoText() == "Delete 3 contacts"
    with db.reading() as session:
        assert set(contact_ids(session, ContactFilter(deleted=True))) == set(ids)
    stack.undo()
    with db.reading() as session:
        assert contact_ids(session, ContactFilter(deleted=True)) == []
    stack.push(DeleteContactsCommand(db, bus, [people["欧阳娜娜"]]))
    assert stack.undoText() == "Delete 欧阳娜娜"


def test_tab_goes_through_the_phone_rows_in_order(qtbot, form, people):
    form.load(people["张三"])
    form.activateWindow()
    qtbot.waitActive(form)
    form.more_button.setFocus()  # the phones come right after the names
    row = form.phones.rows()[0]
    expected = [row.kind, row.number, row.primary, row.remove, form.phones.add_button]
    seen = []
    for _ in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == expected


def test_the_name_error_waits_until_the_given_name_is_left(qtbot, form):
    form.load(None)
    form.family_name.setFocus()
    qtbot.keyClick(form.family_name, Qt.Key.Key_Return)
    error = form.errors.target("family_name")[1]
    assert not error.isVisible()  # the user is about to type the given name
    qtbot.keyClicks(form.given_name, "x")
    qtbot.keyClick(form.given_name, Qt.Key.Key_Backspace)
    qtbot.keyClick(form.given_name, Qt.Key.Key_Return)
    assert error.isVisible()
    qtbot.keyClicks(form.given_name, "Li")  # typing fixes it at once
    assert not error.isVisible()


def test_a_photo_is_loaded_saved_and_cleared(qtbot, tmp_path, db, form, people):
    picture = QImage(40, 30, QImage.Format.Format_RGB32)
    picture.fill(QColor("teal"))
    path = tmp_path / "face.png"
    assert picture.save(str(path))
    form.load(people["John Smith"])
    assert form.photo.load_file(str(path))
    assert not form.photo.picture.pixmap().isNull()
    assert form.is_dirty()
    with qtbot.waitSignal(form.saved):
        click_save(qtbot, form)
    draft = stored(db, people["John Smith"]).draft
    assert draft.photo == path.read_bytes()
    assert draft.photo_mime == "image/png"
    qtbot.mouseClick(form.photo.clear_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(form.saved):
        click_save(qtbot, form)
    assert stored(db, people["John Smith"]).draft.photo is None
    assert not form.photo.load_file(str(tmp_path / "missing.png"))
    assert form.photo.error.isVisible()


def test_a_lunar_birthday_is_chosen_checked_saved_undone_and_listed_today(
    qtbot, db, form, people, stack
):
    """Month and day picked in the form; half a date is refused; Today lists the saved one."""
    import datetime as dt
    from zoneinfo import ZoneInfo

    from lunar_python import Solar

    from crmdesk.services import today

    day = dt.date(2026, 6, 10)
    lunar = Solar.fromYmd(2026, 6, 12).getLunar()  # two days later
    month, lunar_day = abs(lunar.getMonth()), lunar.getDay()
    form.load(people["Anna Müller"])
    replace_text(qtbot, form.owner, "Li")
    form.lunar_birthday.month.setCurrentIndex(form.lunar_birthday.month.findData(month))
    with qtbot.assertNotEmitted(form.saved):
        click_save(qtbot, form)
    assert form.errors.target("lunar_birthday")[1].text() == (
        "Choose the day of the lunar birthday too."
    )
    form.lunar_birthday.day.setCurrentIndex(form.lunar_birthday.day.findData(lunar_day))
    with qtbot.waitSignal(form.saved):
        click_save(qtbot, form)
    assert stored(db, people["Anna Müller"]).draft.lunar_birthday == f"{month:02d}-{lunar_day:02d}"
    with db.reading() as session:
        page = today.today_page(session, "Li", day, ZoneInfo("Asia/Shanghai"))
    assert [(b.title, b.when, b.note) for b in page.birthdays] == [
        ("Anna Müller", dt.date(2026, 6, 12), "lunar")
    ]
    stack.undo()
    assert stored(db, people["Anna Müller"]).draft.lunar_birthday == ""
    qtbot.waitUntil(lambda: form.lunar_birthday.value() == "")
