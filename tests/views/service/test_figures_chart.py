"""The figures' count axis ticks at whole, round steps (0, 20, 40, 60 for 55 cases, not 0,
13.75, 27.5 …), so no two ticks carry the same whole-number label."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCharts import QValueAxis

from crmdesk.views.service.figures_chart import ServiceFiguresView, count_axis
from tests.services.case_data import build_worked


def test_count_axis_steps_are_whole_and_round():
    assert count_axis(55) == (60, 4)  # 0, 20, 40, 60
    assert count_axis(2) == (2, 3)  # 0, 1, 2: never 0, 0.5, 1 …
    assert count_axis(7) == (8, 5)  # 0, 2, 4, 6, 8
    assert count_axis(99) == (100, 6)
    for highest in range(1, 500):
        top, ticks = count_axis(highest)
        step = top // (ticks - 1)
        assert top >= highest and step * (ticks - 1) == top and ticks <= 6


def test_the_drawn_volume_axis_uses_it(qtbot, db):
    build_worked(db)
    view = ServiceFiguresView(db)
    qtbot.addWidget(view)
    view.today = dt.date(2026, 4, 30)
    view.period.setCurrentIndex(2)  # all time
    view.refresh()
    (axis,) = [a for a in view.volume.axes() if isinstance(a, QValueAxis)]
    highest = max(max(m.opened, m.closed) for m in view.figures.months)
    assert (int(axis.max()), axis.tickCount()) == count_axis(highest)
