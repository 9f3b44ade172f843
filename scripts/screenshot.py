"""Grab the main window on a database to a PNG (the README's screenshot): `make screenshot`.

Usage: python scripts/screenshot.py DB OUT.png [--select N] [--search TEXT] [--lang zh_CN]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("out")
    parser.add_argument("--select", type=int, default=0, help="row to open in the form")
    parser.add_argument("--search", default="")
    parser.add_argument("--lang", default="")
    args = parser.parse_args()
    if args.lang:
        os.environ["CRMDESK_LANG"] = args.lang
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QSettings, QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication

    from crmdesk.app import install_translations
    from crmdesk.store.db import Database
    from crmdesk.views.shell.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    install_translations(app)
    settings = QSettings(tempfile.mktemp(suffix=".ini"), QSettings.Format.IniFormat)
    db = Database.open(args.db)
    window = MainWindow(db, settings)
    window.resize(1280, 800)
    window.show()
    pane = window.contacts_pane

    def settle(then) -> None:
        QThreadPool.globalInstance().waitForDone(5000)
        app.processEvents()
        QTimer.singleShot(300, then)

    def select() -> None:
        if args.search:
            pane.search(args.search)
        settle(lambda: (pane.table.selectRow(args.select), settle(grab)))

    def grab() -> None:
        window.grab().save(args.out)
        print(args.out)
        window.close()
        app.quit()

    settle(select)
    app.exec()
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
