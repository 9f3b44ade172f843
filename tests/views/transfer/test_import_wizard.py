"""The import wizard, step by step with its own buttons, on real files and a real database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QThreadPool
from PySide6.QtWidgets import QWidget

from crmdesk.services.contacts import ContactFilter, contact_ids, contact_rows, get_contact
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.transfer.import_wizard import (
    MAPPING_PAGE,
    PREVIEW_PAGE,
    ImportWizard,
    role_label,
)
from tests.conftest import SHARED

WAIT = 20_000


@pytest.fixture
def wizard(qtbot, db):
    host = QWidget()
    qtbot.addWidget(host)
    bus = DataBus(host)
    dialog = ImportWizard(db, bus, host)
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog
    QThreadPool.globalInstance().waitForDone(5000)
    QCoreApplication.processEvents()


def click(qtbot, button):
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def next_to(qtbot, wizard, page):
    with qtbot.waitSignal(wizard.step_ready, timeout=WAIT) as blocker:
        click(qtbot, wizard.next_button)
    assert blocker.args == [page], wizard.message.text()


def import_now(qtbot, wizard):
    with qtbot.waitSignal(wizard.imported, timeout=WAIT):
        click(qtbot, wizard.import_button)


def names(db):
    with db.reading() as s:
        return sorted(r.name for r in contact_rows(s, contact_ids(s, ContactFilter())))


def test_a_vcard_goes_straight_to_the_preview_and_lands(qtbot, db, wizard):
    wizard.set_file(SHARED / "interop" / "vcards" / "evolution_v21_chinese_qp.vcf")
    next_to(qtbot, wizard, PREVIEW_PAGE)
    preview = wizard.preview
    assert preview.new >= 1 and preview.rejected == 0
    assert str(preview.new) in wizard.counts_label.text()
    assert wizard.rows_table.rowCount() == len(preview.rows)
    import_now(qtbot, wizard)
    landed = names(db)
    assert len(landed) == preview.new
    assert any(any("\u4e00" <= ch <= "\u9fff" for ch in name) for name in landed)
    assert "Imported" in wizard.message.text()


def test_a_google_csv_shows_its_columns_and_imports(qtbot, db, wizard):
    wizard.set_file(SHARED / "interop" / "csv" / "google_legacy_export_roundcube.csv")
    next_to(qtbot, wizard, MAPPING_PAGE)
    combo = wizard.role_combo("Given Name")
    assert combo.currentData() == "field:given_name"
    next_to(qtbot, wizard, PREVIEW_PAGE)
    import_now(qtbot, wizard)
    assert len(names(db)) == wizard.result.new > 0


def test_a_column_given_another_role_lands_there(qtbot, db, wizard, tmp_path):
    source = tmp_path / "客户.csv"
    source.write_text("姓名,手机,爱好\n张三,13800138000,钓鱼\n李四,13900139000,围棋\n", "utf-8")
    wizard.set_file(source)
    next_to(qtbot, wizard, MAPPING_PAGE)
    combo = wizard.role_combo("爱好")
    assert combo.currentData() == ""  # unknown header: kept in notes
    combo.setCurrentIndex(combo.findData("field:title"))
    assert combo.currentText() == role_label("field:title")
    next_to(qtbot, wizard, PREVIEW_PAGE)
    import_now(qtbot, wizard)
    with db.reading() as s:
        by_name = {r.name: r.id for r in contact_rows(s, contact_ids(s, ContactFilter()))}
        zhang = get_contact(s, by_name["张三"]).draft
    assert zhang.title == "钓鱼" and "钓鱼" not in zhang.notes
    assert [p.number for p in zhang.phones] == ["13800138000"]


def test_rejected_rows_block_the_import_until_skipping_them_is_ticked(qtbot, db, wizard, tmp_path):
    source = tmp_path / "contacts.csv"
    source.write_text("Name,Phone,Notes\nAnna Berg,+46 8 123 456,\n,,only a note\n", "utf-8")
    wizard.set_file(source)
    next_to(qtbot, wizard, MAPPING_PAGE)
    next_to(qtbot, wizard, PREVIEW_PAGE)
    assert wizard.preview.rejected == 1
    assert "line 3" in wizard.problems_label.text()
    assert not wizard.import_button.isEnabled()
    wizard.allow_rejected.setChecked(True)
    import_now(qtbot, wizard)
    assert names(db) == ["Anna Berg"]


def test_cancel_during_the_import_leaves_the_database_untouched(qtbot, db, wizard, tmp_path):
    source = tmp_path / "many.csv"
    rows = "".join(f"Person {i},+1 415 555 {i:04d}\n" for i in range(6000))
    source.write_text("Name,Phone\n" + rows, "utf-8")
    wizard.set_file(source)
    next_to(qtbot, wizard, MAPPING_PAGE)
    next_to(qtbot, wizard, PREVIEW_PAGE)
    assert wizard.preview.new == 6000
    with qtbot.waitSignal(wizard.progress.valueChanged, timeout=WAIT):
        click(qtbot, wizard.import_button)
    click(qtbot, wizard.cancel_button)
    qtbot.waitUntil(lambda: "cancelled" in wizard.message.text(), timeout=WAIT)
    assert names(db) == []
    assert wizard.result is None


def test_a_file_that_is_not_there_is_one_clear_line(qtbot, db, wizard, tmp_path):
    wizard.set_file(tmp_path / "missing.vcf")
    click(qtbot, wizard.next_button)
    qtbot.waitUntil(lambda: "There is no file" in wizard.message.text(), timeout=WAIT)
    assert wizard.page() == 0


def test_the_preview_lists_possible_duplicates_and_counts_in_plural_forms(
    qtbot, db, wizard, tmp_path
):
    """The GUI shows what the CLI reports: a row whose name alone resembles a contact, and
    "1 row" / "2 new accounts", never "1 rows"; a phone the form would refuse is listed."""
    from crmdesk.services.contacts import ContactDraft, save_contact

    with db.transaction() as session:
        save_contact(session, ContactDraft(family_name="李", given_name="雷"))
    source = tmp_path / "one.csv"
    source.write_text("Name,Phone,Organization\n李蕾,no number,北京龙腾\n", "utf-8")
    wizard.set_file(source)
    next_to(qtbot, wizard, MAPPING_PAGE)
    next_to(qtbot, wizard, PREVIEW_PAGE)
    counts = wizard.counts_label.text()
    assert "<b>1</b> row:" in counts and "1 new account." in counts, counts
    assert "rows" not in counts and "accounts" not in counts
    problems = wizard.problems_label.text()
    assert "Possible duplicates" in problems, problems
    assert "line 2: 李蕾 ~ 李雷" in problems, problems
    assert "“no number” was left out" in problems
