"""The export dialog: which contacts, which format, a file the importer reads back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QThreadPool

from crmdesk.services.contacts import ContactFilter
from crmdesk.services.exporting import ExportFormat
from crmdesk.services.importing import read_contact_file
from crmdesk.views.transfer.export_dialog import ALL, SELECTED, SHOWN, ExportDialog

WAIT = 10_000


@pytest.fixture
def finish(qtbot):
    yield
    QThreadPool.globalInstance().waitForDone(5000)
    QCoreApplication.processEvents()


def export(qtbot, dialog, path, fmt):
    dialog.set_format(fmt)
    dialog.path_edit.setText(str(path))
    with qtbot.waitSignal(dialog.exported, timeout=WAIT):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    return read_contact_file(path).records


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_every_format_reads_back_with_the_chinese_names(qtbot, db, people, tmp_path, finish, fmt):
    dialog = ExportDialog(db)
    qtbot.addWidget(dialog)
    assert dialog.which.checkedId() == ALL
    records = export(qtbot, dialog, tmp_path / f"out.{fmt.value}", fmt)
    names = {(r.family_name, r.given_name) for r in records}
    assert names == {("张", "三"), ("欧阳", "娜娜"), ("Smith", "John"), ("Müller", "Anna")}
    assert "Wrote 4 contacts" in dialog.message.text()


def test_the_shown_and_the_selected_contacts(qtbot, db, people, tmp_path, finish):
    dialog = ExportDialog(
        db, ContactFilter(search="zhang"), [people["John Smith"], people["Anna Müller"]]
    )
    qtbot.addWidget(dialog)
    assert dialog.which.checkedId() == SELECTED
    records = export(qtbot, dialog, tmp_path / "two.vcf", ExportFormat.VCF3)
    assert sorted(r.family_name for r in records) == ["Müller", "Smith"]
    dialog.which.button(SHOWN).setChecked(True)
    records = export(qtbot, dialog, tmp_path / "shown.csv", ExportFormat.CSV)
    assert [(r.family_name, r.given_name) for r in records] == [("张", "三")]


def test_the_suffix_follows_the_format(qtbot, db, finish, tmp_path):
    dialog = ExportDialog(db)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "客户.vcf"))
    dialog.set_format(ExportFormat.XLSX)
    assert dialog.path_edit.text().endswith("客户.xlsx")
