"""The Surveys view's trend: the mean overall c month by month, everyone's or one customer's
(picked by typing the name), and the per-item report narrowed with it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from crmdesk.services import surveys
from crmdesk.services.surveys import Answer, SurveyDraft
from crmdesk.views.service.surveys_view import SurveysView
from crmdesk.views.shell.bus import DataBus
from tests.services.case_data import desk


def _surveys(db) -> dict[str, object]:
    """The VIP: March c 4/5 = 0.8, April c 5/4 = 1.25; the plain customer: April c 1.0."""
    accounts = desk(db)
    with db.transaction() as session:
        for day, account, a, b in (
            (dt.date(2026, 3, 2), "vip", 5, 4), (dt.date(2026, 4, 9), "vip", 4, 5),
            (dt.date(2026, 4, 20), "plain", 4, 4),
        ):  # fmt: skip
            surveys.save_survey(session, SurveyDraft(
                day, (Answer("Service", a, b),), account_id=accounts[account]))  # fmt: skip
    return accounts


def _view(qtbot, db) -> SurveysView:
    undo = QUndoStack()
    view = SurveysView(db, DataBus(), undo)
    view._test_undo = undo
    qtbot.addWidget(view)
    view.today = dt.date(2026, 4, 30)
    view.resize(1000, 600)
    view.show()
    view.refresh()
    return view


def _line(view: SurveysView) -> list[tuple[float, float]]:
    line = view.chart.series()[-1]
    return [(round(p.x()), round(p.y(), 4)) for p in line.points()]


def test_the_trend_is_everyones_then_one_customers(qtbot, db):
    accounts = _surveys(db)
    view = _view(qtbot, db)
    assert [(p.month, round(p.c, 4)) for p in view.trend] == [("2026-03", 0.8),
                                                               ("2026-04", 1.125)]  # fmt: skip
    assert _line(view) == [(0, 0.8), (1, 1.125)]
    months = view.chart.axes()[0]
    assert months.categories() == ["26-03", "26-04"]
    qtbot.keyClicks(view.account, "acme")  # typed, found whatever the case
    (name,) = view._account_ids
    view._on_account_chosen(name)
    assert view.account_id == accounts["plain"]
    assert _line(view) == [(0, 1.0)] and view.chart.axes()[0].categories() == ["26-04"]
    assert view.score is not None and view.score.surveys == 1
    view.show_account(accounts["vip"], "华东机械")  # from the account's story
    assert _line(view) == [(0, 0.8), (1, 1.25)]
    assert view.score is not None and view.score.surveys == 2
    view.account.selectAll()
    qtbot.keyClick(view.account, Qt.Key.Key_Delete)
    assert view.account_id is None and view.score is not None and view.score.surveys == 3
