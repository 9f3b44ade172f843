"""The segment builder's "bought" rule: a product code, a category offered from the ones in use
(or typed), and the first day of the period; the rule in words names the category."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from crmdesk.services import segments
from crmdesk.services.segments import Group, Rule, SegmentDraft
from crmdesk.views.campaigns.pane import SegmentsView
from crmdesk.views.campaigns.segment_dialog import BoughtEditor, SegmentDialog, rule_text
from crmdesk.views.campaigns.undoable import Undoable
from crmdesk.views.shell.bus import DataBus
from tests.campaign_data import build_category_buyers

WAIT = 10_000


@pytest.fixture
def writer(qtbot, db):
    owner = QWidget()
    qtbot.addWidget(owner)
    stack = QUndoStack(owner)
    writer = Undoable(db, DataBus(owner), stack)
    yield writer
    stack.clear()


def test_the_dialog_builds_a_bought_a_category_since_a_day_rule(qtbot, db, writer):
    build_category_buyers(db)
    dialog = SegmentDialog(writer)
    qtbot.addWidget(dialog)
    choice = dialog.rules.cellWidget(0, 0)
    choice.setCurrentIndex(choice.findData("bought"))
    editor = dialog.rules.cellWidget(0, 1)
    assert isinstance(editor, BoughtEditor)
    offered = [editor.category.itemText(i) for i in range(editor.category.count())]
    assert offered == ["扫描", "阀门"]  # the categories in use
    editor.category.setCurrentIndex(offered.index("扫描"))
    qtbot.waitUntil(lambda: dialog.count_label.text() == "2 contact(s)", timeout=WAIT)
    editor.since.set_date(dt.date(2026, 3, 1))
    qtbot.waitUntil(lambda: dialog.count_label.text() == "1 contact(s)", timeout=WAIT)
    rule = Rule("bought", {"category": "扫描", "since": "2026-03-01"})
    assert dialog.criteria() == Group("all", (rule,))
    assert "扫描" in editor.toolTip() and "2026-03-01" in editor.toolTip()
    dialog.name.setText("Scanner buyers this spring")
    dialog.accept()
    with db.reading() as s:
        saved = segments.get_segment(s, "Scanner buyers this spring")
        assert segments.count(s, saved.criteria, dt.date(2026, 6, 1)) == 1
    assert saved.criteria == Group("all", (rule,))


def test_a_saved_bought_rule_comes_back_into_its_fields_and_keeps_its_other_options(
    qtbot, db, writer
):
    build_category_buyers(db)
    rule = Rule("bought", {"product": "S-1", "category": "新品类", "since": "2026-03-01",
                           "until": "2026-05-31"})  # fmt: skip
    with db.transaction() as s:
        sid = segments.save_segment(s, SegmentDraft("Spring", Group("all", (rule,))))
    with db.reading() as s:
        info = segments.get_segment(s, sid)
    dialog = SegmentDialog(writer, segment=info)
    qtbot.addWidget(dialog)
    editor = dialog.rules.cellWidget(0, 1)
    assert isinstance(editor, BoughtEditor)
    assert (editor.product.text(), editor.category.text()) == ("S-1", "新品类")  # typed, kept
    assert editor.since.date() == dt.date(2026, 3, 1)
    assert dialog.criteria() == Group("all", (rule,))


def test_the_bought_rule_in_words_names_product_category_and_period():
    text = rule_text(Rule("bought", {"category": "扫描", "since": "2026-03-01"}))
    assert text == "Bought a product in category 扫描 since 2026-03-01"
    both = rule_text(Rule("bought", {"product": "S-1", "category": "扫描", "days": 30}))
    assert both == "Bought product S-1 in category 扫描 in the last 30 day(s)"
    assert rule_text(Rule("tier", "vip")).startswith("Value tier: ")
    odd = rule_text(Rule("bought", {"product": "X%2", "category": "Y"}))
    assert odd == "Bought product X%2 in category Y"  # a value's %2 is not a place


def test_a_saved_segment_s_rules_in_words_are_its_tip_in_the_list(qtbot, db, writer):
    build_category_buyers(db)
    rule = Rule("bought", {"category": "扫描", "since": "2026-03-01"})
    tree = Group("all", (rule, Rule("tier", "vip")))
    with db.transaction() as s:
        segments.save_segment(s, SegmentDraft("Scanners", tree))
    view = SegmentsView(writer)
    qtbot.addWidget(view)
    assert view.list.item(0).toolTip().splitlines() == [
        "All of these (AND)",
        "• Bought a product in category 扫描 since 2026-03-01",
        "• Value tier: VIP",
    ]
