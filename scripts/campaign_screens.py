"""Grab the Campaigns pane's tabs and the segment builder to PNGs at laptop size.

Usage: python scripts/campaign_screens.py DB OUTDIR [--lang zh_CN]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("out")
    parser.add_argument("--lang", default="")
    args = parser.parse_args()
    if args.lang:
        os.environ["CRMDESK_LANG"] = args.lang
    from PySide6.QtCore import QSettings, QThreadPool
    from PySide6.QtWidgets import QApplication

    from crmdesk.app import install_translations
    from crmdesk.services import segments
    from crmdesk.store.db import Database
    from crmdesk.views.shell.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    install_translations(app)
    settings = QSettings(tempfile.mktemp(suffix=".ini"), QSettings.Format.IniFormat)
    db = Database.open(args.db)
    window = MainWindow(db, settings)
    window.resize(1366, 740)
    window.show()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    suffix = f"-{args.lang}" if args.lang else ""

    def settle() -> None:
        for _ in range(5):
            QThreadPool.globalInstance().waitForDone(5000)
            app.processEvents()

    window.navigation.setCurrentRow(window.panes.indexOf(window.campaigns_pane))
    pane = window.campaigns_pane
    for index, name in enumerate(("campaign", "segments", "outbox", "calling")):
        pane.tabs.setCurrentIndex(index)
        settle()
        window.grab().save(str(out / f"{name}{suffix}.png"))
    with db.reading() as session:
        first = segments.list_segments(session)[0]
    dialog = pane.segments.open_dialog(first)
    settle()
    dialog.grab().save(str(out / f"segment-dialog{suffix}.png"))
    dialog.reject()
    window.navigation.setCurrentRow(0)
    settle()
    combo = window.contacts_pane.filters.segment_combo
    combo.setCurrentIndex(1)
    settle()
    window.grab().save(str(out / f"contacts-segment{suffix}.png"))
    window.close()
    db.dispose()
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
