"""Tools > Settings > Insights: the pyramid's shares, period and measure (revenue or margin),
churn factor, CLV terms, the indicators monthly targets count."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)
from sqlalchemy.orm import Session

from crmdesk.analytics.pyramid import Measure
from crmdesk.analytics.targets import INDICATORS
from crmdesk.services import insights
from crmdesk.views.shell.i18n import translated


def _percent(parent: QWidget, top: float = 100.0) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setRange(0.0, top)
    box.setDecimals(1)
    box.setSuffix(" %")
    return box


class InsightsSettingsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.platinum, self.gold, self.iron = _percent(self), _percent(self), _percent(self)
        self.months = QSpinBox(self)
        self.months.setRange(1, 120)
        self.measure = QComboBox(self)
        self.measure.addItem(self.tr("revenue"), Measure.REVENUE.value)
        self.measure.addItem(self.tr("margin"), Measure.MARGIN.value)
        self.measure.setToolTip(
            self.tr(
                "Ranks the value pyramid, the Pareto curve and the suggested value tiers. By "
                "margin: amount − quantity × cost on order lines whose product has a cost, the "
                "gross margin below on the rest."
            )
        )
        self.churn = QDoubleSpinBox(self)
        self.churn.setRange(1.0, 10.0)
        self.churn.setSingleStep(0.5)
        self.margin, self.discount = _percent(self), _percent(self)
        self.horizon = QSpinBox(self)
        self.horizon.setRange(1, 30)
        self.stale = QSpinBox(self)
        self.stale.setRange(0, 365)
        self.indicators = {
            key: QCheckBox(translated("Insights", spec.label), self)
            for key, spec in INDICATORS.items()
        }
        form = QFormLayout(self)
        form.addRow(self.tr("Platinum share of buyers:"), self.platinum)
        form.addRow(self.tr("Gold share of buyers:"), self.gold)
        form.addRow(self.tr("Iron share of buyers:"), self.iron)
        form.addRow(self.tr("Pyramid period (months):"), self.months)
        form.addRow(self.tr("Rank customers by:"), self.measure)
        form.addRow(self.tr("Churn risk after the usual interval ×"), self.churn)
        form.addRow(self.tr("Gross margin:"), self.margin)
        form.addRow(self.tr("Discount rate a year:"), self.discount)
        form.addRow(self.tr("CLV horizon (years):"), self.horizon)
        form.addRow(self.tr("Recompute stored scores after (days):"), self.stale)
        for box in self.indicators.values():
            form.addRow(self.tr("Target indicator:") if box is next(iter(
                self.indicators.values())) else "", box)  # fmt: skip

    def title(self) -> str:
        return self.tr("Insights")

    def load(self, session: Session) -> None:
        conf = insights.load_settings(session)
        self.platinum.setValue(conf.platinum_share)
        self.gold.setValue(conf.gold_share)
        self.iron.setValue(conf.iron_share)
        self.months.setValue(conf.pyramid_months)
        self.measure.setCurrentIndex(max(0, self.measure.findData(conf.measure.value)))
        self.churn.setValue(conf.churn_factor)
        self.margin.setValue(conf.margin_rate)
        self.discount.setValue(conf.discount_rate)
        self.horizon.setValue(conf.horizon_years)
        self.stale.setValue(conf.stale_days)
        for key, box in self.indicators.items():
            box.setChecked(key in conf.indicators)

    def save(self, session: Session) -> None:
        conf = dataclasses.replace(
            insights.load_settings(session),
            platinum_share=self.platinum.value(), gold_share=self.gold.value(),
            iron_share=self.iron.value(), pyramid_months=self.months.value(),
            pyramid_by=str(self.measure.currentData()),
            churn_factor=self.churn.value(), margin_rate=self.margin.value(),
            discount_rate=self.discount.value(), horizon_years=self.horizon.value(),
            stale_days=self.stale.value(),
            indicators=[k for k, box in self.indicators.items() if box.isChecked()],
        )  # fmt: skip
        insights.save_settings(session, conf)
