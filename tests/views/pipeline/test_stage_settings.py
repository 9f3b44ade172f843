"""Tools > Settings > Pipeline stages, and the product catalogue with its import."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest
from PySide6.QtGui import QUndoStack

from crmdesk.core.errors import KnownError
from crmdesk.services import pipeline, products
from crmdesk.services.pipeline import OpportunityDraft
from crmdesk.services.products import ProductDraft
from crmdesk.store.db import Database
from crmdesk.views.pipeline.choices import choose_value
from crmdesk.views.pipeline.editor import OpportunityEditor
from crmdesk.views.pipeline.products import ProductCatalogue, ProductForm
from crmdesk.views.pipeline.stage_settings import LOST, StageSettingsPage
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.main_window import SETTINGS_PAGES
from crmdesk.views.transfer.import_wizard import MAPPING_PAGE, PREVIEW_PAGE, PRODUCTS, ImportWizard
from tests.views.transfer.test_import_wizard import import_now, next_to


def _page(qtbot, db: Database) -> StageSettingsPage:
    page = StageSettingsPage()
    qtbot.addWidget(page)
    with db.transaction() as session:
        page.load(session)
    return page


def _stages(db: Database) -> list[tuple[str, Decimal, bool, bool]]:
    with db.reading() as session:
        return [(s.name, s.probability, s.is_won, s.is_lost) for s in pipeline.stages(session)]


def test_stage_page_is_in_the_settings_dialog() -> None:
    assert StageSettingsPage in SETTINGS_PAGES


def test_rename_reorder_add_and_reprice_stages(qtbot, db: Database) -> None:
    page = _page(qtbot, db)
    assert page.table.rowCount() == 6 and page.table.item(2, 0).text() == "Proposal"
    page.table.item(1, 0).setText("Discovery")
    page._spin(2).setValue(40)
    page.table.setCurrentCell(3, 0)  # Negotiation before Proposal
    page.move_current(-1)
    page.add_stage()
    page.table.item(6, 0).setText("On hold")
    choose_value(page._kind(6), LOST)
    page._spin(6).setValue(0)
    with db.transaction() as session:
        page.save(session)
    assert _stages(db) == [
        ("Qualification", Decimal(10), False, False), ("Discovery", Decimal(20), False, False),
        ("Negotiation", Decimal(75), False, False), ("Proposal", Decimal(40), False, False),
        ("Won", Decimal(100), True, False), ("Lost", Decimal(0), False, True),
        ("On hold", Decimal(0), False, True),
    ]  # fmt: skip


def test_a_stage_with_deals_refuses_to_go_and_nothing_is_written(qtbot, db: Database) -> None:
    page = _page(qtbot, db)
    with db.transaction() as session:
        stage_id = pipeline.stages(session)[0].id
        pipeline.save_opportunity(session, OpportunityDraft(name="x", stage_id=stage_id))
    page.table.item(1, 0).setText("Renamed")
    page.table.setCurrentCell(0, 0)
    page.remove_current()
    with pytest.raises(KnownError), db.transaction() as session:
        page.save(session)
    names = [s[0] for s in _stages(db)]
    assert names[:2] == ["Qualification", "Needs analysis"]


def test_catalogue_form_saves_and_lists(qtbot, db: Database) -> None:
    undo = QUndoStack()
    dialog = ProductCatalogue(db, DataBus(), undo)
    qtbot.addWidget(dialog)
    form = ProductForm(ProductDraft(), dialog)
    qtbot.addWidget(form)
    form.code.setText("SC-1")
    form.name.setText("扫描仪")
    form.unit.setText("台")
    form.category.setText("扫描设备")
    form.price.setText("1,234.50")
    form.tax_rate.setText("13")
    form.cost.setText("800")
    assert dialog.save_form(form)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 4).text() == "1,234.50"
    assert dialog.table.item(0, 2).text() == "扫描设备" and dialog.categories == ["扫描设备"]
    offered = ProductForm(ProductDraft(), dialog, dialog.categories)
    qtbot.addWidget(offered)
    assert offered.category.text() == "" and offered.category.itemText(0) == "扫描设备"
    form.price.setText("abc")
    assert form.draft() is None
    undo.undo()
    dialog.refresh()
    assert dialog.table.rowCount() == 0


def test_catalogue_import_from_xlsx_updates_and_adds(qtbot, db: Database, tmp_path) -> None:
    with db.transaction() as session:
        products.save_product(session, ProductDraft("SC-1", "Scanner", price=Decimal(100)))
        products.save_product(session, ProductDraft("KB-1", "Keyboard", category="输入设备"))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["编码", "名称", "产品类别", "单位", "单价", "税率", "成本", "状态"])
    sheet.append(["SC-1", "扫描仪", "扫描设备", "台", 1299.5, 13, 820, "启用"])
    sheet.append(["CB-2", "数据线", "配件", "根", 19.9, 13, 6.5, "停用"])
    path = tmp_path / "产品目录.xlsx"
    book.save(path)
    wizard = ImportWizard(db, DataBus())
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.set_file(path, PRODUCTS)
    next_to(qtbot, wizard, MAPPING_PAGE)
    assert wizard.role_combo("成本").currentData() == "field:cost"
    next_to(qtbot, wizard, PREVIEW_PAGE)
    assert (wizard.preview.new, wizard.preview.updated) == (1, 1)
    import_now(qtbot, wizard)
    with db.reading() as session:
        rows = {r.code: r for r in products.products(session)}
    assert rows["SC-1"].name == "扫描仪" and rows["SC-1"].price == Decimal("1299.5")
    assert rows["CB-2"].cost == Decimal("6.5") and not rows["CB-2"].active
    assert (rows["SC-1"].category, rows["CB-2"].category) == ("扫描设备", "配件")
    # a file without a category column keeps the categories the catalogue has
    plain = openpyxl.Workbook()
    plain.active.append(["编码", "名称", "单价"])
    plain.active.append(["KB-1", "键盘", 99])
    plain.save(tmp_path / "键盘.xlsx")
    again = ImportWizard(db, DataBus())
    qtbot.addWidget(again)
    again.show()
    again.set_file(tmp_path / "键盘.xlsx", PRODUCTS)
    next_to(qtbot, again, MAPPING_PAGE)
    next_to(qtbot, again, PREVIEW_PAGE)
    import_now(qtbot, again)
    with db.reading() as session:
        keyboard = next(r for r in products.products(session) if r.code == "KB-1")
    assert (keyboard.name, keyboard.category) == ("键盘", "输入设备")


def test_a_line_from_the_catalogue_keeps_its_product(qtbot, db: Database) -> None:
    with db.transaction() as session:
        product_id, _ = products.save_product(session, ProductDraft(
            "SC-1", "Scanner", "pc", Decimal("1234.56"), Decimal(13)))
        pipeline.ensure_default_stages(session)
        stages = pipeline.stages(session)
    editor = OpportunityEditor(db, OpportunityDraft(name="x", stage_id=stages[0].id), stages)
    qtbot.addWidget(editor)
    editor.add_product_line()
    editor.lines.item(0, 1).setText("3")
    edited = editor.draft()
    assert edited is not None
    (line,) = edited.lines
    assert (line.product_id, line.unit, line.unit_price) == (product_id, "pc", Decimal("1234.56"))
    assert line.totals.gross == Decimal("4185.16")  # 3703.68 + 13 % (481.48)
