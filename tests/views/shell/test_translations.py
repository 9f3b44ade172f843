"""The Simplified Chinese interface: the catalogue is complete, current, compiled, and loads."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QThreadPool, QTranslator
from PySide6.QtGui import QUndoStack

from crmdesk.app import TRANSLATIONS
from crmdesk.views.shell.main_window import MainWindow
from tests.conftest import REPO

TS = TRANSLATIONS / "crmdesk_zh_CN.ts"
QM = TRANSLATIONS / "crmdesk_zh_CN.qm"
BIN = REPO / ".venv" / "bin"


def messages(path):
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name") or "", message


def test_every_message_is_translated():
    unfinished = [
        message.findtext("source")
        for _context, message in messages(TS)
        if message.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not "".join(message.find("translation").itertext()).strip()
    ]
    assert unfinished == []


@pytest.mark.skipif(not (BIN / "pyside6-lupdate").exists(), reason="needs the project's venv")
def test_the_catalogue_covers_every_source_string(tmp_path):
    """`make translations` was run after the last change to a user-visible string."""
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    sources = sorted(  # as `make translations` reads them: every module but the migrations
        str(p) for p in (REPO / "crmdesk").rglob("*.py") if "migrations" not in p.parts
    )
    subprocess.run(
        [str(BIN / "pyside6-lupdate"),
         "-tr-function-alias", "tr+=_tr,QT_TRANSLATE_NOOP+=translatable",
         "-no-obsolete", "-locations", "none",
         *sources, "-ts", str(fresh)],
        check=True, capture_output=True,
    )  # fmt: skip
    before = {(c, m.findtext("source"), m.findtext("comment")) for c, m in messages(TS)}
    after = {(c, m.findtext("source"), m.findtext("comment")) for c, m in messages(fresh)}
    assert after - before == set(), "run `make translations` and translate the new strings"


def test_the_compiled_catalogue_matches_the_source_one():
    translator = QTranslator()
    assert translator.load(str(QM))
    for context, message in messages(TS):
        source = message.findtext("source")
        if message.get("numerus") == "yes":
            continue
        expected = message.findtext("translation")
        assert translator.translate(context, source, message.findtext("comment")) == expected, (
            source
        )


def test_the_window_speaks_chinese(qtbot, db, people, chinese, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.contacts_pane.model.keys_loaded, timeout=10_000):
        window.show()
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[:2] == ["文件(&F)", "编辑(&E)"] and "工具(&T)" in menus
    pane = window.contacts_pane
    assert pane.search_box.placeholderText().startswith("搜索")
    headers = [
        pane.model.headerData(c, window.contacts_pane.table.horizontalHeader().orientation())
        for c in range(pane.model.columnCount())
    ]
    assert "姓名" in headers and "电话" in headers
    assert "位联系人" in QCoreApplication.translate("", "%1 contacts")
    window.close()
    QThreadPool.globalInstance().waitForDone(5000)


def test_form_errors_from_the_services_read_chinese(qtbot, db, people, chinese):
    """Services mark their messages (crmdesk.core.texts.translatable); the form translates them."""
    from crmdesk.views.contacts.contact_form import ContactForm
    from crmdesk.views.shell.bus import DataBus
    from tests.views.contacts.test_contact_form import click_save, replace_text

    stack = QUndoStack()
    form = ContactForm(db, DataBus(), stack)
    qtbot.addWidget(form)
    form.show()
    form.load(people["张三"])
    replace_text(qtbot, form.family_name, "")
    replace_text(qtbot, form.given_name, "")
    replace_text(qtbot, form.phones.rows()[0].number, "12")
    replace_text(qtbot, form.emails.rows()[0].address, "zhangsan@")
    click_save(qtbot, form)
    assert form.errors.target("family_name")[1].text() == "联系人需要姓名（或单位）。"
    assert form.phones.rows()[0].error.text() == "不是有效的电话号码。"
    assert form.emails.rows()[0].error.text() == "@ 符号后面必须有内容。"
    stack.clear()


def test_the_import_preview_reads_chinese(qtbot, db, chinese, tmp_path):
    """What happens to each row, and why a row is rejected, in the user's language."""
    from crmdesk.views.shell.bus import DataBus
    from crmdesk.views.transfer.import_wizard import MAPPING_PAGE, PREVIEW_PAGE, ImportWizard
    from tests.views.transfer.test_import_wizard import next_to

    source = tmp_path / "contacts.csv"
    source.write_text("Name,Phone,Notes\n李四,13900000000,\n,,only a note\n", "utf-8")
    wizard = ImportWizard(db, DataBus())
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.set_file(source)
    next_to(qtbot, wizard, MAPPING_PAGE)
    next_to(qtbot, wizard, PREVIEW_PAGE)
    outcomes = [wizard.rows_table.item(r, 6).text() for r in range(wizard.rows_table.rowCount())]
    assert outcomes == ["新建", "拒绝：没有姓名、单位、电话或电子邮件"]
    assert "没有姓名、单位、电话或电子邮件" in wizard.problems_label.text()
    QThreadPool.globalInstance().waitForDone(5000)


def test_the_history_reads_chinese(qtbot, db, people, chinese):
    from crmdesk.services.contacts import get_contact, save_contact
    from crmdesk.views.shell.bus import DataBus
    from crmdesk.views.shell.history_view import HistoryDialog

    with db.transaction() as s:
        draft = get_contact(s, people["张三"]).draft
        draft.title, draft.department = "总监", "销售部"
        save_contact(s, draft)
    history = HistoryDialog(db, DataBus())
    qtbot.addWidget(history)
    with qtbot.waitSignal(history.loaded, timeout=10_000):
        history.show()
    shown = [history.table.item(r, 2).text() for r in range(history.table.rowCount())]
    assert shown[0] in ("编辑联系人 张三：职务，部门", "编辑联系人 张三：部门，职务")
    assert shown[1].startswith("新建 ") and "个联系人，新建 " in shown[1]  # the fixture's batch
    QThreadPool.globalInstance().waitForDone(5000)


def test_a_file_that_cannot_be_imported_is_explained_in_chinese(qtbot, db, chinese, tmp_path):
    from crmdesk.views.shell.bus import DataBus
    from crmdesk.views.transfer.import_wizard import ImportWizard

    source = tmp_path / "空.csv"
    source.write_bytes(b"")
    wizard = ImportWizard(db, DataBus())
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.set_file(source)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.message.text() != "", timeout=10_000)
    assert wizard.message.text() == "空.csv 是空文件。"
    QThreadPool.globalInstance().waitForDone(5000)


def test_a_refused_database_is_explained_in_chinese(chinese, tmp_path):
    import sqlite3

    from crmdesk.core.errors import DatabaseRefused
    from crmdesk.store.db import Database
    from crmdesk.views.shell.errors import known_error_texts

    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE things (x)")
    with pytest.raises(DatabaseRefused) as refused:
        Database.open(other)
    assert refused.value.message == f"{other} is not a crmdesk database."  # English kept
    assert known_error_texts(refused.value) == (
        f"{other} 不是 crmdesk 数据库。",
        "请选择一个 crmdesk 数据库文件，或输入新的文件名。",
    )


def test_a_rejected_order_row_says_why_in_chinese(chinese):
    from crmdesk.services.importing import read_order_data
    from crmdesk.views.transfer.import_wizard import reason_text

    data = "客户,日期,金额\n华为,25/01/2024,5\n华为,31/02/2024,6\n华为,2024-03-01,三\n"
    batch = read_order_data(data.encode(), "orders.csv")
    reasons = [(p.line, p.reason) for p in batch.problems]
    assert reasons == [
        (3, "日期: '31/02/2024' is not a date (this column writes day/month/year)"),
        (4, "金额: '三' is not a number"),
    ]  # the English, as the command line prints it
    assert [reason_text(r) for _, r in reasons] == [
        "日期：'31/02/2024' 不是日期（这一列的写法是日/月/年）",
        "金额：'三' 不是数字",
    ]


def test_an_import_error_names_its_line_in_chinese(chinese):
    from crmdesk.core.errors import ImportFailed
    from crmdesk.services.importing import read_contact_data
    from crmdesk.views.shell.errors import known_error_texts

    with pytest.raises(ImportFailed) as failed:
        read_contact_data(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\n", "cut.vcf")
    assert failed.value.message == "line 1: this card has no END:VCARD; the file is cut short"
    assert known_error_texts(failed.value)[0] == "第 1 行：这张名片没有 END:VCARD；文件不完整"


def test_a_file_that_is_no_table_says_what_it_is_in_chinese(chinese):
    from crmdesk.core.errors import ImportFailed
    from crmdesk.services.importing import read_contact_data
    from crmdesk.views.shell.errors import known_error_texts

    with pytest.raises(ImportFailed) as failed:
        read_contact_data(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "报价.csv")
    assert failed.value.message == "报价.csv is a PDF document, not a table (CSV or Excel)."
    assert known_error_texts(failed.value) == (
        "报价.csv 是 PDF 文档，不是表格（CSV 或 Excel）。",
        "请选择 CSV、TXT 或 .xlsx 文件。",
    )


def test_an_unmatched_order_and_the_refusal_read_in_chinese(chinese, tmp_path):
    """The reasons an order finds no account and the refusal naming its line (a Messages text
    around an Import reason) are both worded in Chinese; the English stays for the CLI."""
    from crmdesk.core.errors import ImportFailed
    from crmdesk.services.importing import import_orders, preview_orders, read_order_data
    from crmdesk.store.db import Database
    from crmdesk.views.shell.errors import known_error_texts
    from crmdesk.views.transfer.import_wizard import reason_text

    db = Database.open(tmp_path / "crm.sqlite3")
    batch = read_order_data("客户,日期,金额\n无名公司,2024-03-01,5\n".encode(), "orders.csv")
    with db.transaction() as session:
        preview = preview_orders(session, batch)
        assert preview.unmatched_rows[0].reason == "no account matches the customer 无名公司"
        assert reason_text(preview.unmatched_rows[0].reason) == "找不到与“无名公司”相符的客户"
        with pytest.raises(ImportFailed) as refused:
            import_orders(session, batch)
    assert known_error_texts(refused.value) == (
        "第 2 行：找不到与“无名公司”相符的客户",
        "没有导入任何内容（1 行没有相符的客户）。",
    )
    db.dispose()


def test_every_column_role_reads_in_chinese(chinese):
    """The mapping step's choices: field names, phone and address kinds and parts are worded
    as the rest of the program words them (they showed 'Given name', 'Phone (mobile)')."""
    from crmdesk.interop.column_mapping import column_roles
    from crmdesk.views.transfer.import_wizard import role_label

    roles = [*column_roles("contacts"), *column_roles("orders")]
    labels = {role: role_label(role) for role in roles}
    untranslated = {r: t for r, t in labels.items() if any("a" <= c.lower() <= "z" for c in t)}
    assert untranslated == {"field:photo_uri": "照片地址（URL）"}
    assert labels["phones:mobile"] == "电话（手机）"
    assert labels["addresses:work:postal_code"] == "工作地址：邮政编码"
    assert labels["field:ordered_on"] == "订单日期"


def test_toolbar_buttons_say_the_word_without_the_menus_accelerator(
    qtbot, db, people, chinese, tmp_path
):
    """The buttons read "新建(N)", "导入(I)": the menu's accelerator suffix came along."""
    from PySide6.QtWidgets import QToolBar

    from crmdesk.services.contacts import get_contact
    from crmdesk.views.shell.undo import SaveContactCommand

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.contacts_pane.model.keys_loaded, timeout=10_000):
        window.show()
    toolbar = window.findChild(QToolBar, "main_toolbar")

    def buttons():
        return [toolbar.widgetForAction(a).text() for a in toolbar.actions() if not a.isSeparator()]

    assert buttons() == ["新建", "删除", "撤销", "重做", "查找", "导入", "导出"]
    assert window.new_action.text() == "新建(&N)"  # the menu keeps its accelerator
    with db.reading() as session:
        before = get_contact(session, people["张三"]).draft
        after = get_contact(session, people["张三"]).draft
    after.title = "总监"
    window.undo_stack.push(SaveContactCommand(db, window.bus, before, after))
    assert window.undo_action.text().startswith("撤销(&U) ")  # the menu names the change
    assert buttons()[2] == "撤销"
    window.close()
    QThreadPool.globalInstance().waitForDone(5000)
