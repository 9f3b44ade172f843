"""The forecast as a QtCharts bar chart: per period the open pipeline, its weighted sum and
what was won; clicking a bar names its period so the pane can list the deals behind it."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from crmdesk.analytics import forecast as fc
from crmdesk.store.db import Database


class ForecastChart(QWidget):
    """`period_clicked(label, kind)`: a bar of `label` ('2026-03' or '2026-Q1') was clicked;
    kind is 'open' for the pipeline bars, 'won' for the won bar."""

    period_clicked = Signal(str, str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.by = QComboBox(self)
        self.by.addItem(self.tr("By month"), fc.Period.MONTH)
        self.by.addItem(self.tr("By quarter"), fc.Period.QUARTER)
        self.by.currentIndexChanged.connect(lambda _i: self.refresh())
        self.summary = QLabel(self)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.view = QChartView(self.chart, self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = QHBoxLayout()
        top.addWidget(self.by)
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.labels: list[str] = []
        self.result: fc.Forecast | None = None
        self.owner: str | None = None

    def refresh(self) -> None:
        with self._db.reading() as session:
            self.result = fc.forecast(session, self.by.currentData(), owner=self.owner)
        self._draw(self.result)

    def _draw(self, result: fc.Forecast) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        periods = list(result.periods[-18:])
        self.labels = [p.period for p in periods]
        sets = {
            "open": QBarSet(self.tr("Pipeline")),
            "weighted": QBarSet(self.tr("Weighted")),
            "won": QBarSet(self.tr("Won")),
        }
        for p in periods:
            sets["open"].append(float(p.amount))  # a bar's height only; sums stay Decimal
            sets["weighted"].append(float(p.weighted))
            sets["won"].append(float(p.won))
        series = QBarSeries()
        for kind, bar_set in sets.items():
            series.append(bar_set)
            bar_set.clicked.connect(lambda index, k=kind: self._on_bar_clicked(index, k))
        self.chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append(self.labels)
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%.0f")
        self.chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
        t = result.total
        self.summary.setText(
            self.tr("Open %1 · pipeline %2 · weighted %3 · won %4")
            .replace("%1", str(t.count)).replace("%2", f"{t.amount:,.0f}")
            .replace("%3", f"{t.weighted:,.0f}").replace("%4", f"{t.won:,.0f}")
        )  # fmt: skip

    def _on_bar_clicked(self, index: int, kind: str) -> None:
        if 0 <= index < len(self.labels):
            self.period_clicked.emit(self.labels[index], "won" if kind == "won" else "open")
