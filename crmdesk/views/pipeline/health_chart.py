"""Pipeline health as QtCharts charts: the funnel (deals that reached each stage, with the
conversion on to the next), the average days spent in each stage, and the figures beside them
(win rate, average deal, sales cycle, deals past their close date). Clicking a stage's bar
names the stage so the pane can list its deals."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from crmdesk.analytics import forecast as fc
from crmdesk.store.db import Database
from crmdesk.views.pipeline.board import stage_name


def _dash(value: object, suffix: str = "") -> str:
    return "—" if value is None else f"{value}{suffix}"


class HealthView(QWidget):
    """`stage_clicked(name)`: a bar of the stage stored as `name` was clicked."""

    stage_clicked = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.funnel, self.funnel_view = self._chart(self.tr("Funnel: deals that reached a stage"))
        self.stay, self.stay_view = self._chart(self.tr("Average days in stage"))
        charts = QHBoxLayout()
        charts.addWidget(self.funnel_view, 1)
        charts.addWidget(self.stay_view, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(charts, 1)
        self.result: fc.Health | None = None
        self.stages: list[str] = []

    def _chart(self, title: str) -> tuple[QChart, QChartView]:
        chart = QChart()
        chart.setTitle(title)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        view = QChartView(chart, self)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        return chart, view

    def refresh(self) -> None:
        with self._db.reading() as session:
            self.result = fc.health(session)
        self._draw(self.result)

    def _draw(self, h: fc.Health) -> None:
        self.stages = [s.stage for s in h.stages]
        labels = [stage_name(s) for s in self.stages]
        reached = QBarSet(self.tr("Deals"))
        conversion = QBarSet(self.tr("Went on (%)"))
        days = QBarSet(self.tr("Days"))
        for s in h.stages:
            reached.append(s.reached)
            conversion.append(float(s.conversion or 0))  # a bar's height only
            days.append(float(s.average_days or 0))
        self._fill(self.funnel, [reached, conversion], labels)
        self._fill(self.stay, [days], labels)
        self.summary.setText(
            self.tr("Win rate %1 · won %2, lost %3 · average deal %4 · sales cycle %5 days · "
                    "%6 deals past their close date (%7)")
            .replace("%1", _dash(h.win_rate, " %")).replace("%2", str(h.won))
            .replace("%3", str(h.lost))
            .replace("%4", "—" if h.average_deal is None else f"{h.average_deal:,.0f}")
            .replace("%5", _dash(h.average_cycle_days)).replace("%6", str(h.past_close))
            .replace("%7", f"{h.past_close_amount:,.0f}")
        )  # fmt: skip

    def _fill(self, chart: QChart, sets: list[QBarSet], labels: list[str]) -> None:
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        series = QBarSeries()
        for bar_set in sets:
            series.append(bar_set)
            bar_set.clicked.connect(self._on_bar_clicked)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append(labels)
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%.0f")
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)

    def _on_bar_clicked(self, index: int) -> None:
        if 0 <= index < len(self.stages):
            self.stage_clicked.emit(self.stages[index])
