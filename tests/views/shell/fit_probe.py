"""Open every pane and dialog on a laptop-sized offscreen screen and print what each measures.

Run by test_screen_fit.py in its own process (the offscreen screen's size is fixed when Qt
starts): `QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json python -m tests.views.shell.fit_probe
DB SETTINGS.ini [VCARD]`. Prints one JSON object: name -> [width, height, min width, min height].
"""

from __future__ import annotations

import json
import os
import sys
import time

from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool
from PySide6.QtWidgets import QApplication, QWidget

from crmdesk.app import install_translations
from crmdesk.store.db import Database
from crmdesk.views.shell.first_start import FirstStartDialog
from crmdesk.views.shell.main_window import MainWindow
from crmdesk.views.transfer.import_wizard import PREVIEW_PAGE


def settle(until=lambda: True, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        QThreadPool.globalInstance().waitForDone(100)
        QCoreApplication.processEvents()
        if until() or time.monotonic() > deadline:
            return


SHOTS = os.environ.get("FIT_PROBE_SHOTS", "")  # a folder: also save a picture of each


def measure(widget: QWidget, name: str = "") -> list[int]:
    settle()
    if SHOTS and name:
        widget.grab().save(os.path.join(SHOTS, name.replace(" ", "-") + ".png"))
    frame, least = widget.frameGeometry(), widget.minimumSizeHint().expandedTo(widget.minimumSize())
    return [frame.width(), frame.height(), least.width(), least.height()]


def _document_dialogs(db: Database) -> dict[str, list[int]]:
    """The documents wing: contract dialog, fields list, labels (with its preview), letters."""
    from crmdesk.export.contract_fields import FIELDS
    from crmdesk.services.contacts import ContactFilter
    from crmdesk.views.documents.document_dialog import DocumentDialog, FieldsDialog
    from crmdesk.views.documents.labels_dialog import LabelsDialog
    from crmdesk.views.documents.letters_dialog import LettersDialog
    from tests.document_data import build_deal

    opp = build_deal(db)
    seen = {}
    for name, make in (
        ("contract dialog", lambda: DocumentDialog(db, [opp], "contract")),
        ("fields dialog", lambda: FieldsDialog(FIELDS)),
        ("labels dialog", lambda: LabelsDialog(db, ContactFilter())),
        ("letters dialog", lambda: LettersDialog(db, ContactFilter())),
    ):
        dialog = make()
        dialog.show()
        seen[name] = measure(dialog, name)
        dialog.close()
    return seen


def _pipeline_dialogs(window: MainWindow) -> dict[str, list[int]]:
    """The pipeline's editor, product catalogue and Tools > Settings (with its stage page)."""
    from crmdesk.services import pipeline
    from crmdesk.views.pipeline.editor import OpportunityEditor
    from crmdesk.views.pipeline.products import ProductCatalogue

    found: dict[str, list[int]] = {}
    with window.db.transaction() as session:
        pipeline.ensure_default_stages(session)
        stages = pipeline.stages(session)
    draft = pipeline.OpportunityDraft(stage_id=stages[0].id)
    for name, dialog in (
        ("opportunity editor", OpportunityEditor(window.db, draft, stages, window)),
        ("product catalogue",
         ProductCatalogue(window.db, window.bus, window.undo_stack, window)),
        ("settings dialog", window.show_settings()),
    ):
        dialog.show()
        found[name] = measure(dialog, name)
        dialog.close()
    return found


def main() -> int:
    db_path, settings_path, *vcard = sys.argv[1:]
    app = QApplication(sys.argv[:1])
    install_translations(app)
    db = Database.open(db_path)
    window = MainWindow(db, QSettings(settings_path, QSettings.Format.IniFormat))
    window.show()
    pane = window.contacts_pane
    settle(lambda: pane.model.rowCount() > 0)
    seen: dict[str, list[int]] = {
        "screen": [*app.primaryScreen().availableGeometry().size().toTuple()]
    }
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        seen[f"pane {row}"] = measure(window, f"pane {row}")
    window.show_pane(pane)
    pane.table.selectRow(0)
    seen["contact open"] = measure(window, "contact open")
    pane.new_record()
    seen["new contact"] = measure(window, "new contact")
    pane.show_accounts()
    settle(lambda: pane.model.rowCount() > 0)
    pane.table.selectRow(0)
    seen["account open"] = measure(window, "account open")
    pane.show_contacts()
    settle()

    wizard = window.show_import()
    seen["import wizard"] = measure(wizard, "import wizard")
    if vcard:
        wizard.set_file(vcard[0])
        ready: list[int] = []
        wizard.step_ready.connect(ready.append)
        wizard.next_button.click()
        settle(lambda: PREVIEW_PAGE in ready)
        seen["import preview"] = measure(wizard, "import preview")
    wizard.close()
    for name, opener in (
        ("export dialog", window.show_export),
        ("duplicates dialog", window.show_duplicates),
        ("history dialog", window.show_history),
        ("restore dialog", window.show_restore),
        ("segment dialog", lambda: window.campaigns_pane.segments.open_dialog(None)),
        ("campaign dialog", window.campaigns_pane.campaigns.new_campaign),
    ):
        dialog = opener()
        seen[name] = measure(dialog, name)
        dialog.close()
    seen.update(_document_dialogs(db))
    seen.update(_pipeline_dialogs(window))
    about = window.about_box()
    about.show()
    seen["about box"] = measure(about, "about box")
    about.close()
    first = FirstStartDialog(3000)
    first.show()
    seen["first start"] = measure(first, "first start")
    first.close()
    editor = window.service_pane.open_case(None)
    seen["case editor"] = measure(editor, "case editor")
    editor.close()
    from crmdesk.services.solutions import SolutionDraft
    from crmdesk.views.service.solution_dialog import SolutionDialog

    solution = SolutionDialog(SolutionDraft("打印机经常卡纸", fix="更换进纸辊"), window)
    solution.show()
    seen["solution dialog"] = measure(solution, "solution dialog")
    solution.close()
    targets = window.insights_pane.edit_targets()
    seen["targets dialog"] = measure(targets, "targets dialog")
    targets.close()
    templates = window.service_pane.surveys.edit_templates()
    seen["survey templates"] = measure(templates, "survey templates")
    templates.close()
    seen["main window"] = measure(window, "main window")
    print(json.dumps(seen))
    window.close()
    settle()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
