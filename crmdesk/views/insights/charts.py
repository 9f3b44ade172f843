"""The Insights pane's pictures: bar charts whose bars pick customers, and the RFM heat map.

A bar (or a heat-map cell) stands for a set of customers; clicking it emits `picked(ids,
label)` so the pane can open the accounts list filtered to them.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QMargins, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QToolTip, QVBoxLayout, QWidget

Ids = frozenset[uuid.UUID]


def chart_view(chart: QChart, parent: QWidget) -> QChartView:
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumSize(240, 180)
    return view


def clear(chart: QChart) -> None:
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)


class PickingBars(QChartView):
    """Horizontal bars, one per labelled group of customers; a click picks the group."""

    picked = Signal(object, str)  # Ids, the group's label

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        self._chart = QChart()
        self._chart.setTitle(title)
        super().__init__(self._chart, parent)
        self._chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self._chart.legend().hide()
        self._chart.setMargins(QMargins(4, 4, 4, 4))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(240, 230)
        self.groups: list[tuple[str, float, Ids]] = []

    def title(self) -> str:
        return self._chart.title()

    def set_title(self, title: str) -> None:
        self._chart.setTitle(title)

    def show_groups(self, groups: Sequence[tuple[str, float, Ids]]) -> None:
        """(label, value, customers) per bar, drawn top to bottom in the given order."""
        self.groups = list(groups)
        clear(self._chart)
        bars = QBarSet("")
        bars.setColor(QColor("#3c78b4"))
        for _, value, _ in reversed(self.groups):
            bars.append(value)
        bars.setLabelColor(QColor("#202020"))
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        # beyond the bar's end: a short bar's number stays readable (not white on white)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        self._chart.addSeries(series)
        axis = QBarCategoryAxis()
        axis.append([label for label, _, _ in reversed(self.groups)])
        axis.setTruncateLabels(False)
        font = axis.labelsFont()
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
        axis.setLabelsFont(font)
        self._chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis)
        values = QValueAxis()
        values.setRange(0, max([v for _, v, _ in self.groups] + [1]) * 1.15)
        values.applyNiceNumbers()  # ticks on round numbers (0, 100, 200 …), room for labels
        values.setLabelFormat("%.0f")
        self._chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(values)
        bars.clicked.connect(self._on_clicked)

    def _on_clicked(self, index: int) -> None:
        self.pick(len(self.groups) - 1 - index)

    def pick(self, row: int) -> None:
        label, _, ids = self.groups[row]
        self.picked.emit(ids, label)


class ParetoChart(QChartView):
    """Share of revenue against share of customers, with the diagonal of equal shares."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        self._chart = QChart()
        self._chart.setTitle(title)
        super().__init__(self._chart, parent)
        self._chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self._chart.legend().hide()
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(240, 180)

    def show_curve(self, points: Sequence[tuple[float, float]], x_title: str, y_title: str) -> None:
        clear(self._chart)
        curve, even = QLineSeries(), QLineSeries()
        for x, y in points:
            curve.append(QPointF(x * 100, y * 100))
        even.append(0, 0)
        even.append(100, 100)
        even.setColor(QColor("#b0b0b0"))
        for series in (curve, even):
            self._chart.addSeries(series)
        x_axis, y_axis = QValueAxis(), QValueAxis()
        for axis, text, side in (
            (x_axis, x_title, Qt.AlignmentFlag.AlignBottom),
            (y_axis, y_title, Qt.AlignmentFlag.AlignLeft),
        ):
            axis.setRange(0, 100)
            axis.setLabelFormat("%d %%")
            axis.setTitleText(text)
            self._chart.addAxis(axis, side)
            curve.attachAxis(axis)
            even.attachAxis(axis)


class Gauges(QWidget):
    """One gauge per owner: a bar filled to the share of the month's weighted targets met,
    the rest grey, the owner's name beside it (readable for a whole team, unlike donuts)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chart = QChart()
        self._chart.setTitle(title)
        self._chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self._chart.legend().hide()
        self._chart.setMargins(QMargins(4, 4, 4, 4))
        self.view = QChartView(self._chart, self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumSize(240, 160)
        self.names = QLabel(self)  # what is said when no targets are set
        self.names.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.names.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.names)
        self.scores: list[tuple[str, float]] = []

    def show_scores(self, scores: Sequence[tuple[str, float]], empty: str = "") -> None:
        """One gauge per (owner, score in percent), top to bottom; `empty` is said when there
        is none."""
        clear(self._chart)
        self.scores = list(scores)
        self.names.setText("" if scores else empty)
        self.names.setVisible(not scores)
        if not scores:
            return
        self.view.setMinimumHeight(max(160, 70 + 24 * len(self.scores)))  # a bar per owner
        met, rest = QBarSet(""), QBarSet("")
        met.setColor(QColor("#3a9a5b"))
        rest.setColor(QColor("#e4e4e4"))
        rest.setBorderColor(QColor("#e4e4e4"))
        met.setLabelColor(QColor("#202020"))
        for _owner, score in reversed(self.scores):
            met.append(max(0.0, min(score, 100.0)))
            rest.append(max(0.0, 100.0 - score))
        series = QHorizontalStackedBarSeries()
        series.append(met)
        series.append(rest)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value %")
        series.setLabelsPosition(QHorizontalStackedBarSeries.LabelsPosition.LabelsInsideBase)
        rest.setLabelColor(QColor(0, 0, 0, 0))  # the grey remainder says nothing
        self._chart.addSeries(series)
        axis = QBarCategoryAxis()
        axis.append([owner for owner, _ in reversed(self.scores)])
        axis.setTruncateLabels(False)
        self._chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis)
        values = QValueAxis()
        values.setRange(0, 100)
        values.setTickCount(5)
        values.setLabelFormat("%d %%")
        self._chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(values)


class TrendChart(QChartView):
    """Each owner's weighted target score (0–100 %) over the months, one line per owner; a
    month without targets is left out of the owner's line."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        self._chart = QChart()
        self._chart.setTitle(title)
        super().__init__(self._chart, parent)
        self._chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self._chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)  # a team's names fit
        self._chart.setMargins(QMargins(4, 4, 4, 4))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(240, 280)
        self.lines: dict[str, list[tuple[int, float]]] = {}

    def show_trend(
        self, months: Sequence[str], scores: dict[str, Sequence[float | None]]
    ) -> None:
        """`months` oldest first ("2026-06"); owner -> a score or None per month."""
        clear(self._chart)
        self.lines = {
            owner: [(k, float(v)) for k, v in enumerate(values) if v is not None]
            for owner, values in scores.items()
        }
        axis = QBarCategoryAxis()
        axis.append([m[5:] for m in months])  # the month's number: twelve fit under a box
        axis.setTitleText(f"{months[0]} – {months[-1]}" if months else "")
        values = QValueAxis()
        values.setRange(0, 100)
        values.setTickCount(5)
        values.setLabelFormat("%d %%")
        self._chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        self._chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        for owner, points in self.lines.items():
            line = QLineSeries()
            line.setName(owner)
            line.setPointsVisible(True)
            for k, v in points:
                line.append(k, v)
            self._chart.addSeries(line)
            line.attachAxis(axis)
            line.attachAxis(values)
        self._chart.legend().setVisible(bool(self.lines))


class HeatMap(QWidget):
    """R (rows, 5 at the top) × F (columns, 1 on the left), each cell coloured by the mean M
    score of its customers and showing how many they are; a click picks the cell."""

    picked = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(260, 200)
        self.cells: dict[tuple[int, int], tuple[int, float, Ids]] = {}
        self.tips: dict[tuple[int, int], str] = {}
        self.setMouseTracking(True)

    def show_cells(
        self,
        cells: dict[tuple[int, int], tuple[int, float, Ids]],
        tips: dict[tuple[int, int], str] | None = None,
    ) -> None:
        """(r, f) -> (customers, mean m, their ids); `tips`: what a cell's tooltip says."""
        self.cells = cells
        self.tips = tips or {}
        self.update()

    def cell_at(self, point: QPointF) -> tuple[int, int] | None:
        for r in range(1, 6):
            for f in range(1, 6):
                if self.cell_rect(r, f).contains(point):
                    return r, f
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            cell = self.cell_at(QPointF(event.pos()))
            tip = self.tips.get(cell) if cell else None
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def _grid(self) -> tuple[QRectF, float, float]:
        margin = 28.0
        area = QRectF(margin, 8, self.width() - margin - 8, self.height() - margin - 8)
        return area, area.width() / 5, area.height() / 5

    def cell_rect(self, r: int, f: int) -> QRectF:
        area, w, h = self._grid()
        return QRectF(area.left() + (f - 1) * w, area.top() + (5 - r) * h, w, h)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area, w, h = self._grid()
        for r in range(1, 6):
            for f in range(1, 6):
                count, mean_m, _ = self.cells.get((r, f), (0, 0.0, frozenset()))
                rect = self.cell_rect(r, f).adjusted(1, 1, -1, -1)
                shade = (
                    QColor("#f2f2f2")
                    if not count
                    else QColor.fromHsvF(0.58, 0.15 + 0.17 * mean_m, 0.95 - 0.08 * mean_m)
                )
                painter.fillRect(rect, shade)
                painter.setPen(QColor("#ffffff") if count and mean_m > 3 else QColor("#202020"))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(count) if count else "")
        painter.setPen(QColor("#404040"))
        for k in range(1, 6):
            painter.drawText(
                QRectF(0, area.top() + (5 - k) * h, 24, h), Qt.AlignmentFlag.AlignCenter, f"R{k}"
            )
            painter.drawText(
                QRectF(area.left() + (k - 1) * w, area.bottom(), w, 24),
                Qt.AlignmentFlag.AlignCenter,
                f"F{k}",
            )
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        for (r, f), (count, _, ids) in self.cells.items():
            if count and self.cell_rect(r, f).contains(event.position()):
                self.picked.emit(ids, f"R{r} F{f}")
                return
