"""Writing from the calendar: the dialog, the clash warning, the scope question, drags, tasks."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from crmdesk.models.enums import EventKind, EventStatus
from crmdesk.services.calendar import EventDraft, occurrences_between, save_event
from crmdesk.services.calendar_tasks import task_list
from crmdesk.views.calendar.event_dialog import EventDialog
from crmdesk.views.calendar.range_model import utc_window
from tests.views.calendar.conftest import (
    TODAY,
    WAIT,
    ZONE,
    add_event,
    make_pane,
    settle,
    shanghai_time,
    when_modal,
)


def _week(db, pane):
    start, end = utc_window(dt.date(2026, 3, 2), dt.date(2026, 3, 9), pane.model.zone)
    with db.reading() as session:
        return occurrences_between(session, start, end)


def _fill_and_save(title: str, *, then=None):
    def act(dialog: EventDialog) -> None:
        dialog.title.setText(title)
        dialog.kind.setCurrentIndex(dialog.kind.findData(EventKind.VISIT))
        dialog.location.setText("朝阳路1号")
        if then is not None:
            then()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    return act


def _click(text: str):
    def act(box: QMessageBox) -> None:
        for button in box.buttons():
            if button.text() == text:
                button.click()
                return
        raise AssertionError(f"no button {text!r} in {[b.text() for b in box.buttons()]}")

    return act


def test_ctrl_shift_n_opens_the_dialog_and_saving_stores_the_event(qtbot, db, locale):
    pane = make_pane(qtbot, db)
    when_modal("EventDialog", _fill_and_save("Visit Wang at the plant"))
    with qtbot.waitSignal(pane.model.range_loaded, timeout=WAIT):
        qtbot.keyClick(pane.grid, Qt.Key.Key_N,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    [one] = _week(db, pane)
    assert (one.title, one.kind, one.location) == ("Visit Wang at the plant", EventKind.VISIT,
                                                   "朝阳路1号")
    assert one.start == shanghai_time(2026, 3, 4, 9) and one.time_zone == ZONE
    assert [o.title for o in pane.model.occurrences] == ["Visit Wang at the plant"]
    assert pane._keep[1].count() == 1  # one undo step


def test_a_clash_with_the_same_owner_is_warned_about_and_can_be_saved_anyway(qtbot, db, locale):
    add_event(db, "Call Li", shanghai_time(2026, 3, 4, 9, 30), owner="me")
    pane = make_pane(qtbot, db)
    pane.owner = "me"
    seen = []

    def cancel_first(box: QMessageBox) -> None:
        seen.append(box.text())
        _click("Cancel")(box)
        when_modal("clash_warning", save_anyway)  # the dialog stays open: save again
        when_modal("EventDialog", lambda d: d.buttons.button(
            QDialogButtonBox.StandardButton.Save).click())

    def save_anyway(box: QMessageBox) -> None:
        seen.append(box.text())
        _click("Save anyway")(box)

    when_modal("EventDialog", _fill_and_save("Visit Zhao"))
    when_modal("clash_warning", cancel_first)
    assert pane.new_event()
    assert len(seen) == 2 and "Call Li" in seen[0]
    assert sorted(o.title for o in _week(db, pane)) == ["Call Li", "Visit Zhao"]


def test_editing_one_occurrence_of_a_series_changes_only_that_one(qtbot, db, locale):
    add_event(db, "Stand-up", shanghai_time(2026, 3, 2, 9), 15, rrule="FREQ=DAILY;COUNT=5")
    pane = make_pane(qtbot, db)
    wednesday = next(o for o in pane.model.occurrences if o.start == shanghai_time(2026, 3, 4, 9))

    def rename(dialog: EventDialog) -> None:
        when_modal("scope_question", _click("This occurrence"))
        _fill_and_save("Stand-up with Wang")(dialog)

    when_modal("EventDialog", rename)
    assert pane.open_occurrence(wednesday)
    titles = [(o.start, o.title) for o in _week(db, pane)]
    assert len(titles) == 5
    assert [t for s, t in titles if s == shanghai_time(2026, 3, 4, 9)] == ["Stand-up with Wang"]
    assert sum(t == "Stand-up" for _, t in titles) == 4


def test_dragging_an_event_moves_it_with_real_mouse_events(qtbot, db, locale):
    add_event(db, "Visit Sun", shanghai_time(2026, 3, 4, 10))
    pane = make_pane(qtbot, db)
    grid = pane.grid
    [box] = grid.boxes
    start = box.rect.center().toPoint()
    target = grid.point_of(shanghai_time(2026, 3, 5, 14).astimezone(pane.model.zone))
    target = QPoint(int(target.x()), start.y() + 4 * grid.hour_height)  # +1 day, +4 hours
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(grid, start + (target - start) * step / 5)
    with qtbot.waitSignal(pane.model.range_loaded, timeout=WAIT):
        qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=target)
    [one] = _week(db, pane)
    assert one.start == shanghai_time(2026, 3, 5, 14)
    assert one.end == shanghai_time(2026, 3, 5, 15)


def test_dragging_over_free_time_opens_the_dialog_with_that_span(qtbot, db, locale):
    pane = make_pane(qtbot, db)
    grid = pane.grid
    top = grid.point_of(shanghai_time(2026, 3, 6, 13).astimezone(pane.model.zone)).toPoint()
    bottom = top + QPoint(0, 2 * grid.hour_height - 2)
    found = {}

    def keep(dialog: EventDialog) -> None:
        found["draft"] = dialog.draft()
        dialog.reject()

    when_modal("EventDialog", keep)
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=top + QPoint(0, 2))
    qtbot.mouseMove(grid, top + QPoint(0, 30))
    qtbot.mouseMove(grid, bottom)
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=bottom)
    assert found["draft"].starts_at == shanghai_time(2026, 3, 6, 13)
    assert found["draft"].ends_at == shanghai_time(2026, 3, 6, 15)


def test_the_done_box_marks_a_task_done(qtbot, db, locale):
    add_event(db, "Send the offer", shanghai_time(2026, 3, 1, 9), kind=EventKind.TASK)
    today = dt.datetime.now(dt.UTC).astimezone().date()
    pane = make_pane(qtbot, db)
    model = pane.tasks
    row = model.row_of(model.tasks()[0].id)
    index = model.index(row)
    assert model.is_overdue(model.tasks()[0]) == (today > dt.date(2026, 3, 1))
    rect = pane.task_view.visualRect(index)
    point = QPoint(rect.left() + rect.height() // 2 + 2, rect.center().y())
    qtbot.mouseClick(pane.task_view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    settle()
    with db.reading() as session:
        from sqlalchemy import select

        from crmdesk.models import CalendarEvent

        status = session.scalar(select(CalendarEvent.status))
        assert status == EventStatus.DONE
        assert task_list(session, TODAY, pane.model.zone) == []  # done on another day


def test_the_dialog_builds_a_monthly_by_weekday_series_in_another_zone(qtbot, db, locale):
    draft = EventDraft(title="Board", starts_at=shanghai_time(2026, 3, 10, 9),
                       ends_at=shanghai_time(2026, 3, 10, 10), time_zone="Europe/Berlin")
    dialog = EventDialog(db, draft)
    qtbot.addWidget(dialog)
    assert dialog.starts.dateTime().time().hour() == 2  # 09:00 Shanghai is 02:00 in Berlin
    dialog.repeat.setCurrentIndex(dialog.repeat.findData("monthly_weekday"))
    dialog.ends_by.setCurrentIndex(2)
    dialog.count.setValue(6)
    built = dialog.draft()
    assert built.rrule == "FREQ=MONTHLY;BYDAY=2TU;COUNT=6"
    assert built.starts_at == shanghai_time(2026, 3, 10, 9)
    with db.transaction() as session:
        save_event(session, built)


def test_dragging_the_lower_edge_of_an_occurrence_asks_the_scope_and_resizes_it(
    qtbot, db, locale
):
    add_event(db, "Workshop", shanghai_time(2026, 3, 2, 10), rrule="FREQ=WEEKLY;COUNT=3")
    pane = make_pane(qtbot, db)
    grid = pane.grid
    [box] = grid.boxes
    edge = QPoint(int(box.rect.center().x()), int(box.rect.bottom()) - 2)
    lower = edge + QPoint(0, grid.hour_height)  # one hour longer
    when_modal("scope_question", _click("This occurrence"))
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=edge)
    qtbot.mouseMove(grid, edge + QPoint(0, 20))
    qtbot.mouseMove(grid, lower)
    with qtbot.waitSignal(pane.model.range_loaded, timeout=WAIT):
        qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=lower)
    start, end = utc_window(dt.date(2026, 3, 2), dt.date(2026, 3, 30), pane.model.zone)
    with db.reading() as session:
        found = occurrences_between(session, start, end)
    lengths = [(o.end - o.start) for o in found]
    assert lengths == [dt.timedelta(hours=2), dt.timedelta(hours=1), dt.timedelta(hours=1)]


def test_the_dialog_offers_the_chosen_accounts_contacts(qtbot, db, locale):
    from crmdesk.services.accounts import AccountDraft, save_account
    from crmdesk.services.contacts import ContactDraft, save_contact

    with db.transaction() as session:
        account_id, _ = save_account(session, AccountDraft(name="华信贸易"))
        contact_id, _ = save_contact(session, ContactDraft(family_name="周", given_name="敏",
                                                           account_id=account_id))
    draft = EventDraft(title="Visit", starts_at=shanghai_time(2026, 3, 4, 10),
                       account_id=account_id, contact_id=contact_id, time_zone=ZONE)
    dialog = EventDialog(db, draft)
    qtbot.addWidget(dialog)
    assert dialog.contacts.item(0).text() == "周敏"
    assert dialog.contacts.item(0).checkState() == Qt.CheckState.Checked
    assert (dialog.draft().account_id, dialog.draft().contact_id) == (account_id, contact_id)


def test_making_all_occurrences_of_a_timed_series_all_day_does_not_fail(qtbot, db, locale):
    """The shift of "all occurrences" is measured between like values only: a timed series
    made all-day takes the draft's dates."""
    series_id = add_event(db, "Stand-up", shanghai_time(2026, 3, 2, 9), 15,
                          rrule="FREQ=WEEKLY;COUNT=3")
    pane = make_pane(qtbot, db)
    [one] = [o for o in pane.model.occurrences if o.title == "Stand-up"]
    draft = pane.edits.occurrence_draft(one)
    draft.all_day, draft.starts_at, draft.ends_at = True, None, None
    draft.start_date, draft.end_date = dt.date(2026, 3, 2), dt.date(2026, 3, 3)
    when_modal("scope_question", _click("All occurrences"))
    assert pane.edits.change(one, draft)
    settle()
    with db.reading() as session:
        from crmdesk.models import CalendarEvent

        row = session.get(CalendarEvent, series_id)
        assert row.all_day and row.start_date == dt.date(2026, 3, 2)


def test_a_task_given_by_someone_keeps_the_assigner_and_today_shows_it(qtbot, db, locale):
    """Assigned by is offered for tasks only, saved as an undoable step, read by Today."""
    from zoneinfo import ZoneInfo

    from crmdesk.services import today

    pane = make_pane(qtbot, db)
    seen: dict[str, bool] = {}

    def give(dialog: EventDialog) -> None:
        dialog.title.setText("Send the quote")
        dialog.kind.setCurrentIndex(dialog.kind.findData(EventKind.VISIT))
        seen["visit"] = dialog.assigned_by.isVisibleTo(dialog)
        dialog.kind.setCurrentIndex(dialog.kind.findData(EventKind.TASK))
        seen["task"] = dialog.assigned_by.isVisibleTo(dialog)
        dialog.owner.setText("Li")
        dialog.assigned_by.setText("  Wang ")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    when_modal("EventDialog", give)
    with qtbot.waitSignal(pane.model.range_loaded, timeout=WAIT):
        qtbot.keyClick(pane.grid, Qt.Key.Key_N,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert seen == {"visit": False, "task": True}
    zone = ZoneInfo(ZONE)
    with db.reading() as session:
        page = today.today_page(session, "Li", TODAY, zone,
                                now=shanghai_time(2026, 3, 4, 8))  # fmt: skip
    assert [(t.title, t.note) for t in page.tasks] == [("Send the quote", "Wang")]
    stack = pane._keep[1]
    assert stack.count() == 1
    stack.undo()
    settle()
    with db.reading() as session:
        assert today.today_page(session, "Li", TODAY, zone).tasks == ()


def test_a_visit_drops_an_assigner_and_a_long_one_is_refused(qtbot, db, locale):
    from crmdesk.core.errors import KnownError
    from crmdesk.services.calendar import NAME_LENGTH, check_draft

    draft = EventDraft(title="Plan", kind=EventKind.TASK, assigned_by="Wang", owner="Li",
                       starts_at=shanghai_time(2026, 3, 4, 9), time_zone=ZONE)
    dialog = EventDialog(db, draft)
    qtbot.addWidget(dialog)
    assert dialog.assigned_by.text() == "Wang" and dialog.draft().assigned_by == "Wang"
    dialog.kind.setCurrentIndex(dialog.kind.findData(EventKind.VISIT))
    assert dialog.draft().assigned_by == ""
    try:
        check_draft(EventDraft(title="Plan", assigned_by="W" * (NAME_LENGTH + 1)))
    except KnownError as exc:
        assert "at most 100" in str(exc)
    else:
        raise AssertionError("a 101-character assigner was let through")
