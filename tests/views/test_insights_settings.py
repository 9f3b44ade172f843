"""Tools > Settings > Insights: the terms typed are what the figures read after OK."""

from __future__ import annotations

from crmdesk.services import insights
from crmdesk.views.insights.settings_page import InsightsSettingsPage
from crmdesk.views.shell.settings_dialog import SettingsDialog


def test_ok_saves_the_insight_terms(qtbot, db):
    dialog = SettingsDialog(db, [InsightsSettingsPage])
    qtbot.addWidget(dialog)
    page = dialog.pages[0]
    assert page.platinum.value() == 1.0 and page.indicators["calls_made"].isChecked()
    page.platinum.setValue(2.0)
    page.churn.setValue(3.0)
    page.indicators["cases_closed"].setChecked(False)
    dialog.accept()
    with db.reading() as session:
        conf = insights.load_settings(session)
    assert (conf.platinum_share, conf.churn_factor) == (2.0, 3.0)
    assert "cases_closed" not in conf.indicators and "calls_made" in conf.indicators


def test_ranking_by_margin_is_kept_and_changes_the_panes_tiers(qtbot, db, monkeypatch):
    """test_margin's buyers: A leads by revenue (1000), B by margin (270)."""
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QMessageBox
    from sqlalchemy import select

    from crmdesk.analytics.pyramid import Measure
    from crmdesk.models import Account
    from crmdesk.models.enums import ValueTier
    from crmdesk.views.insights.pane import InsightsPane
    from crmdesk.views.shell.bus import DataBus
    from tests.analytics.test_margin import _buyers
    from tests.insights_data import AS_OF
    from tests.views.test_insights import WAIT

    ids = _buyers(db)

    def pane_showing() -> InsightsPane:
        pane = InsightsPane(db, DataBus(), QUndoStack(), today=AS_OF)
        qtbot.addWidget(pane)
        with qtbot.waitSignal(pane.work.busy_changed, timeout=WAIT,
                              check_params_cb=lambda busy: not busy):  # fmt: skip
            pane.show()
        return pane

    before = pane_showing()
    assert before.pyramid.groups[0][2] == frozenset({ids["A"]})  # platinum by revenue
    assert "by revenue" in before.pyramid.title()

    dialog = SettingsDialog(db, [InsightsSettingsPage])
    qtbot.addWidget(dialog)
    page = dialog.pages[0]
    assert page.measure.currentData() == Measure.REVENUE.value
    page.measure.setCurrentIndex(page.measure.findData(Measure.MARGIN.value))
    dialog.accept()
    with db.reading() as session:
        assert insights.load_settings(session).measure is Measure.MARGIN
    again = SettingsDialog(db, [InsightsSettingsPage])
    qtbot.addWidget(again)
    assert again.pages[0].measure.currentText() == "margin"  # read back as saved

    after = pane_showing()
    assert after.pyramid.groups[0][2] == frozenset({ids["B"]})  # platinum by margin
    assert "by margin" in after.pyramid.title()
    assert "of the margin" in after.pareto_note.text()
    assert "1,200.00" in after.pareto_note.text()  # the revenue product costs covered
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)  # fmt: skip
    assert after.apply_tiers()
    with db.reading() as session:
        vip = [a.name for a in session.scalars(select(Account))
               if a.value_tier == ValueTier.VIP]  # fmt: skip
    assert vip == ["B"]
