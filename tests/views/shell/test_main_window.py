"""The main window: navigation, shortcuts, menus, undo in the status bar, state between runs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QThreadPool
from PySide6.QtWidgets import QApplication

from crmdesk.services.contacts import ContactFilter, contact_ids
from crmdesk.views.shell.main_window import MainWindow

WAIT = 10_000


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "crmdesk.ini"), QSettings.Format.IniFormat)


def open_window(qtbot, db, settings) -> MainWindow:
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    model = window.contacts_pane.model
    with qtbot.waitSignal(model.keys_loaded, timeout=WAIT):
        window.show()
    qtbot.waitExposed(window)
    return window


def close_window(window: MainWindow) -> None:
    window.close()
    QThreadPool.globalInstance().waitForDone(5000)
    QCoreApplication.processEvents()


def test_the_window_opens_on_today_with_every_menu(qtbot, db, people, settings):
    window = open_window(qtbot, db, settings)
    assert window.panes.currentWidget() is window.today_page
    assert window.navigation.item(1).text() == "Contacts"
    assert window.contacts_pane.model.rowCount() == len(people)
    menus = [a.text() for a in window.menuBar().actions()]
    for expected in ("&File", "&Edit", "&View", "&Tools", "&Help"):
        assert expected in menus
    assert window.statusBar().isVisible()
    close_window(window)


def test_ctrl_digits_switch_panes_and_find_focuses_the_search(qtbot, db, people, settings):
    window = open_window(qtbot, db, settings)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.navigation.currentRow() == 2
    assert window.panes.currentWidget() is window.calendar_pane
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.panes.currentWidget() is window.contacts_pane
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.contacts_pane.search_box)
    close_window(window)


def test_geometry_comes_back_and_every_start_opens_on_today(qtbot, db, people, settings):
    window = open_window(qtbot, db, settings)
    window.resize(760, 560)  # within the offscreen screen (800x600)
    window.navigation.setCurrentRow(2)
    close_window(window)

    again = open_window(qtbot, db, settings)
    assert (again.width(), again.height()) == (760, 560)
    assert again.navigation.currentRow() == 0
    assert again.panes.currentWidget() is again.today_page
    close_window(again)


def test_a_today_line_opens_its_record(qtbot, db, people, settings):
    window = open_window(qtbot, db, settings)
    contact = people["张三"]
    window.open_record("contact", contact)
    assert window.panes.currentWidget() is window.contacts_pane
    assert window.contacts_pane.current_id() == contact or (
        window.contacts_pane._tabs[0].pending_select == contact
    )
    close_window(window)


def test_delete_then_undo_from_the_edit_menu_and_the_status_bar_says_so(
    qtbot, db, people, settings
):
    window = open_window(qtbot, db, settings)
    pane = window.contacts_pane
    pane.table.selectRow(0)
    deleted = pane.selected_ids()
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        window.delete_action.trigger()
    assert "Done:" in window.statusBar().currentMessage()
    with db.reading() as s:
        assert deleted[0] not in contact_ids(s, ContactFilter())
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=WAIT):
        window.undo_action.trigger()
    with db.reading() as s:
        assert deleted[0] in contact_ids(s, ContactFilter())
    assert window.redo_action.isEnabled()
    close_window(window)


def test_tools_open_the_duplicates_review_and_the_history(qtbot, db, people, settings):
    window = open_window(qtbot, db, settings)
    with qtbot.waitSignal(window.show_history().loaded, timeout=WAIT):
        pass
    assert window.history_dialog.isVisible()
    assert window.history_dialog.batches  # the people fixture's saves
    review = window.show_duplicates()
    qtbot.waitUntil(lambda: review.rescan_button.isEnabled(), timeout=WAIT)
    assert review.isVisible() and review.status.text() == "No duplicates found."
    assert window.show_duplicates() is review  # one per window
    close_window(window)


def test_the_window_and_the_about_box_show_the_application_icon(qtbot, db, settings):
    from PySide6.QtCore import QSize

    from crmdesk.views.shell.icons import application_icon

    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    expected = application_icon().pixmap(QSize(32, 32)).toImage()
    assert window.windowIcon().pixmap(QSize(32, 32)).toImage() == expected
    about = window.about_box()
    assert not about.iconPixmap().isNull() and about.iconPixmap().width() == 64
    assert "0.1" in about.text() and str(db.url.database) in about.informativeText()
    close_window(window)


def test_a_case_on_a_timeline_opens_in_the_service_pane(qtbot, db, people, settings):
    from crmdesk.services import cases
    from crmdesk.services.cases import CaseDraft
    from crmdesk.views.service.editor import CaseEditor

    with db.transaction() as session:
        case_id = cases.save_case(session, CaseDraft(subject="扫码枪不工作",
                                                     contact_id=people["张三"]))  # fmt: skip
        number = cases.get_case(session, case_id).number
    window = open_window(qtbot, db, settings)
    window.open_record("contact", people["张三"])
    timeline = window.contacts_pane.timeline
    qtbot.waitUntil(lambda: timeline.contact_id == people["张三"] and
                    timeline.model.rowCount() == 1, timeout=WAIT)  # fmt: skip
    timeline.list.setCurrentIndex(timeline.model.index(0, 0))
    timeline.list.setFocus()
    qtbot.keyClick(timeline.list, Qt.Key.Key_Return)
    assert window.panes.currentWidget() is window.service_pane
    editors = window.service_pane.findChildren(CaseEditor)
    assert [e.saved_id for e in editors] == [case_id]
    assert editors[0].isVisible() and editors[0].windowTitle() == f"Case {number}"
    assert editors[0].subject.text() == "扫码枪不工作"
    editors[0].close()
    close_window(window)


def test_a_today_case_line_opens_the_case_itself(qtbot, db, people, settings):
    """Even a case without a customer: the line opened nothing before, a case with one
    opened its account instead of the case."""
    from crmdesk.services import cases
    from crmdesk.services.cases import CaseDraft
    from crmdesk.views.service.editor import CaseEditor

    with db.transaction() as session:
        case_id = cases.save_case(session, CaseDraft(subject="打印机卡纸"))
    window = open_window(qtbot, db, settings)
    window.open_record("case", case_id)
    assert window.panes.currentWidget() is window.service_pane
    editors = window.service_pane.findChildren(CaseEditor)
    assert [e.saved_id for e in editors] == [case_id]
    editors[0].close()
    close_window(window)


def test_stale_stored_scores_are_recomputed_once_the_window_opens(qtbot, db, settings):
    import datetime as dt

    from sqlalchemy import select

    from crmdesk.models import Account
    from tests.insights_data import customers

    today = dt.date.today()
    days = [(today - dt.timedelta(days=d)).isoformat() for d in (300, 250)]
    ids = customers(db, {"quiet": [(days[0], "10"), (days[1], "10")], "none": []})
    window = open_window(qtbot, db, settings)
    page = window.today_page
    assert page.owner == "Li" and page.record_at("churn", 0) is None  # never scored
    with qtbot.waitSignal(window.bus.changed, timeout=WAIT) as published:
        assert window.refresh_stale_scores() is not None
    assert published.args[0].accounts == frozenset(ids.values())
    with db.reading() as session:
        stored = {a.name: (a.scores_as_of, a.usual_gap_days) for a in session.scalars(
            select(Account))}  # fmt: skip
    assert stored == {"quiet": (today, 50.0), "none": (today, None)}
    # the Today page reads its churn risk from them again: 250 days silent > 2 × 50
    qtbot.waitUntil(lambda: (page.record_at("churn", 0) or (0, 0))[1] == ids["quiet"],
                    timeout=WAIT)  # fmt: skip
    task = window.refresh_stale_scores()  # fresh now: nothing written, nothing published
    assert task is not None
    with qtbot.assertNotEmitted(window.bus.changed, wait=500):
        QThreadPool.globalInstance().waitForDone(5000)
    close_window(window)


def test_a_today_event_line_opens_the_event_on_its_day(qtbot, db, settings):
    """A daily series too: the occurrence of the line's day opens, not only the day."""
    import datetime as dt

    from crmdesk.views.calendar.pane import CalendarView
    from tests.views.calendar.conftest import add_event, shanghai_time, when_modal

    visit = add_event(db, "Visit Acme", shanghai_time(2026, 3, 4, 10))
    standup = add_event(db, "Stand-up", shanghai_time(2026, 3, 2, 9), 15,
                        rrule="FREQ=DAILY;COUNT=5")  # fmt: skip
    window = open_window(qtbot, db, settings)
    seen: list[tuple[str, object]] = []

    def note_and_close(dialog) -> None:
        seen.append((dialog.title.text(), dialog.draft().starts_at))
        dialog.reject()

    when_modal("EventDialog", note_and_close)
    window.open_record("event", visit, shanghai_time(2026, 3, 4, 10))
    assert window.panes.currentWidget() is window.calendar_pane
    assert window.calendar_pane.view == CalendarView.DAY
    assert window.calendar_pane.current == dt.date(2026, 3, 4)
    when_modal("EventDialog", note_and_close)
    window.open_record("event", standup, dt.date(2026, 3, 5))
    assert seen == [("Visit Acme", shanghai_time(2026, 3, 4, 10)),
                    ("Stand-up", shanghai_time(2026, 3, 5, 9))]  # fmt: skip
    close_window(window)
