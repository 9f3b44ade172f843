"""The service figures: cases opened and closed per month and the share resolved within
target per value tier as QtCharts bar charts, the other figures in a line of words."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from crmdesk.models.enums import ValueTier
from crmdesk.services.service_figures import ServiceFigures, service_figures
from crmdesk.store.db import Database
from crmdesk.views.shell.vocabulary import enum_text

PERIOD_DAYS = (90, 365, 0)  # 0: everything
MONTHS_SHOWN = 12


def count_axis(highest: int, most_ticks: int = 6) -> tuple[int, int]:
    """An axis for counts up to `highest`: its top and number of ticks, a whole step of 1, 2 or
    5 times a power of ten apart (0, 10, 20 … 60 for 55, not 0, 13, 27 … 55)."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if -(-highest // (step * factor)) <= most_ticks - 1:
                size = step * factor
                top = size * -(-highest // size)
                return top, top // size + 1
        step *= 10


def _chart() -> tuple[QChart, QChartView]:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(180)
    return chart, view


def _clear(chart: QChart) -> None:
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)


class ServiceFiguresView(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.today = dt.date.today()
        self.period = QComboBox(self)
        for days, words in zip(PERIOD_DAYS, (self.tr("Last 90 days"), self.tr("Last 12 months"),
                                             self.tr("All time")), strict=True):  # fmt: skip
            self.period.addItem(words, days)
        self.period.setCurrentIndex(1)
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.volume, volume_view = _chart()
        self.targets, targets_view = _chart()
        self.volume.setTitle(self.tr("Cases opened and closed"))
        self.targets.setTitle(self.tr("Resolved within target"))
        charts = QHBoxLayout()
        charts.addWidget(volume_view, 3)
        charts.addWidget(targets_view, 2)
        top = QHBoxLayout()
        top.addWidget(self.period)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addLayout(charts, 1)
        self.figures: ServiceFigures | None = None

    def refresh(self) -> None:
        days = int(self.period.currentData())
        start = self.today - dt.timedelta(days=days) if days else None
        with self._db.reading() as session:
            self.figures = service_figures(session, start, self.today if days else None)
        self._draw(self.figures)

    def _percent(self, value: float | None) -> str:
        return "—" if value is None else f"{100 * value:.1f}%"

    def _hours(self, value: float | None) -> str:
        return "—" if value is None else self.tr("%1 h").replace("%1", f"{value:.1f}")

    def _draw(self, f: ServiceFigures) -> None:
        parts = [
            self.tr("Opened: %1").replace("%1", str(f.opened)),
            self.tr("Resolved: %1").replace("%1", str(f.resolved)),
            self.tr("First-contact resolution: %1").replace(
                "%1", self._percent(f.first_contact_rate)),
            self.tr("Time to resolve: %1 on average, %2 for 90%").replace(
                "%1", self._hours(f.average_hours)).replace("%2", self._hours(f.p90_hours)),
            self.tr("Complaints per 100 customers: %1").replace(
                "%1", "—" if f.complaints_per_100 is None else f"{f.complaints_per_100:.1f}"),
            self.tr("Reopened: %1").replace("%1", self._percent(f.reopen_rate)),
            self.tr("Satisfaction after closing: c = %1 (%n survey(s))", "",
                    f.surveys_after_closing).replace(
                "%1", "—" if f.satisfaction_c is None else f"{f.satisfaction_c:.3f}"),
        ]  # fmt: skip
        self.summary.setText("   ·   ".join(parts))
        self._draw_volume(f)
        self._draw_targets(f)

    def _draw_volume(self, f: ServiceFigures) -> None:
        _clear(self.volume)
        months = f.months[-MONTHS_SHOWN:]
        opened, closed = QBarSet(self.tr("Opened")), QBarSet(self.tr("Closed"))
        for m in months:
            opened.append(m.opened)
            closed.append(m.closed)
        series = QBarSeries()
        series.append(opened)
        series.append(closed)
        self.volume.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([m.month[2:] for m in months])
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%d")
        top, ticks = count_axis(max([1, *(max(m.opened, m.closed) for m in months)]))
        axis_y.setRange(0, top)
        axis_y.setTickCount(ticks)
        self.volume.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        self.volume.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)

    def _draw_targets(self, f: ServiceFigures) -> None:
        _clear(self.targets)
        shares = QBarSet(self.tr("Within target"))
        tiers = [t for t in ValueTier if t.value in f.within_target]
        for tier in tiers:
            shares.append(100 * f.within_target[tier.value])
        series = QBarSeries()
        series.append(shares)
        self.targets.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([enum_text(t) for t in tiers])
        axis_y = QValueAxis()
        axis_y.setRange(0, 100)
        axis_y.setLabelFormat("%d%%")
        self.targets.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        self.targets.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
