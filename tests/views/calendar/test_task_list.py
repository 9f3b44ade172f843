"""The task list beside the calendar: overdue, today and upcoming, grouped by owner for
everyone or filtered to one owner; overdue tasks bold and red."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from crmdesk.core.clock import local_zone
from crmdesk.models.enums import EventKind
from crmdesk.services.calendar import EventDraft, save_event
from crmdesk.views.calendar.task_list import OVERDUE
from tests.views.calendar.conftest import make_pane, settle


def _task(db, title: str, due: dt.date, owner: str) -> None:
    with db.transaction() as session:
        save_event(session, EventDraft(title=title, kind=EventKind.TASK, all_day=True,
                                       start_date=due, owner=owner))  # fmt: skip


def _texts(model) -> list[str]:
    return [model.index(row).data() for row in range(model.rowCount())]


def test_tasks_grouped_by_owner_filtered_to_one_and_overdue_ones_stand_out(qtbot, db, locale):
    today = dt.datetime.now(local_zone()).date()
    _task(db, "Send the offer", today - dt.timedelta(days=3), "wang")
    _task(db, "Call back", today - dt.timedelta(days=1), "li")
    _task(db, "Book the hall", today, "wang")
    _task(db, "Renew contract", today + dt.timedelta(days=2), "li")
    pane = make_pane(qtbot, db)
    model = pane.tasks
    texts = [t.strip() for t in _texts(model)]
    headers = [t for t in texts if t.endswith(")")]
    assert headers == ["Overdue (2)", "li (1)", "wang (1)", "Today (1)", "wang (1)",
                       "Upcoming (1)", "li (1)"]  # fmt: skip
    assert [t.title for t in model.tasks()] == ["Call back", "Send the offer", "Book the hall",
                                                "Renew contract"]  # fmt: skip

    def looks(title: str) -> tuple[bool, object]:
        index = model.index(model.row_of(next(t.id for t in model.tasks() if t.title == title)))
        font = index.data(Qt.ItemDataRole.FontRole)
        brush = index.data(Qt.ItemDataRole.ForegroundRole)
        return (isinstance(font, QFont) and font.bold()), brush and brush.color()

    assert looks("Send the offer") == (True, OVERDUE)
    assert looks("Book the hall") == (False, None)
    late = model.index(model.row_of(model.tasks()[1].id)).data(Qt.ItemDataRole.ToolTipRole)
    assert late.startswith("3 day") and "overdue" in late

    combo = pane.task_owner
    assert [combo.itemText(i) for i in range(combo.count())] == ["Everyone, by owner", "li",
                                                                 "wang"]  # fmt: skip
    combo.setCurrentIndex(combo.findText("wang"))
    combo.activated.emit(combo.currentIndex())
    settle()
    assert [t.title for t in model.tasks()] == ["Send the offer", "Book the hall"]
    assert [t for t in _texts(model) if t.endswith(")")] == ["Overdue (1)", "Today (1)"]
    assert combo.currentText() == "wang"  # kept across the model's refresh
    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    assert len(model.tasks()) == 4
