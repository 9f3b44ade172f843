"""The Health tab: the funnel and time-in-stage charts from analytics.forecast.health, and a
click on a stage's bar listing its deals in the table."""

from __future__ import annotations

from PySide6.QtCharts import QBarSeries
from PySide6.QtGui import QUndoStack

from crmdesk.store.db import Database
from crmdesk.views.pipeline.pane import PipelinePane
from crmdesk.views.shell.bus import DataBus
from tests.pipeline_data import build_pipeline


def test_health_charts_and_a_stage_bar_lists_its_deals(qtbot, db: Database) -> None:
    ids = build_pipeline(db)
    pane = PipelinePane(db, DataBus(), QUndoStack())
    qtbot.addWidget(pane)
    pane.tabs.setCurrentWidget(pane.health)
    health = pane.health
    assert health.result is not None and health.result.won == 1
    assert "50.00 %" in health.summary.text()  # win rate: 1 won, 1 lost
    (funnel,) = health.funnel.series()
    assert isinstance(funnel, QBarSeries)
    reached, conversion = funnel.barSets()
    names = health.stages
    assert reached.at(names.index("Qualification")) == 2 and reached.at(names.index("Won")) == 1
    assert conversion.at(names.index("Qualification")) == 60.0
    (stay,) = health.stay.series()
    assert stay.barSets()[0].count() == len(names)
    reached.clicked.emit(names.index("Negotiation"))
    assert pane.tabs.currentWidget() is pane.table
    qtbot.waitUntil(lambda: not pane.table_model.is_loading and pane.table_model.rowCount() == 1)
    assert pane.table_model.id_at(0) == ids["B"]
