"""Grab the main window on a database to a PNG (the README's screenshot): `make screenshot`.

Usage: python scripts/screenshot.py DB OUT.png [--select N] [--search TEXT] [--lang zh_CN]
       [--fit] [--size WxH] [--pane N] [--first-start]
--pane N shows the N-th pane of the navigation (default: Contacts);
--fit sizes the window as a first start does (from the screen) instead of 1280x800;
--first-start grabs the first-start dialog (DB unused) instead of the window.
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
    parser.add_argument("--fit", action="store_true", help="size the window from the screen")
    parser.add_argument("--first-start", action="store_true", help="grab the first-start dialog")
    parser.add_argument("--pane", type=int, default=-1, help="navigation row (default Contacts)")
    parser.add_argument("--size", default="1280x800", help="window size, WxH")
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
    if args.first_start:
        return grab_first_start(app, args.out)
    settings = QSettings(tempfile.mktemp(suffix=".ini"), QSettings.Format.IniFormat)
    db = Database.open(args.db)
    window = MainWindow(db, settings)
    if not args.fit:
        window.resize(*(int(v) for v in args.size.split("x")))
    window.show()
    pane = window.contacts_pane
    if args.pane >= 0:
        window.navigation.setCurrentRow(args.pane)
    else:
        window.show_pane(pane)

    def settle(then) -> None:
        QThreadPool.globalInstance().waitForDone(5000)
        app.processEvents()
        QTimer.singleShot(300, then)

    def select() -> None:
        if args.search:
            pane.search(args.search)
        settle(lambda: (pane.table.selectRow(args.select), settle(lambda: settle(grab))))

    def grab() -> None:
        window.grab().save(args.out)
        print(args.out)
        window.close()
        app.quit()

    settle(select)
    app.exec()
    db.dispose()
    return 0


def grab_first_start(app, out: str) -> int:
    from PySide6.QtCore import QTimer

    from crmdesk.app import DEMO_SIZE_ON_FIRST_START
    from crmdesk.views.shell.first_start import FirstStartDialog

    dialog = FirstStartDialog(DEMO_SIZE_ON_FIRST_START)
    dialog.show()
    QTimer.singleShot(300, lambda: (dialog.grab().save(out), print(out), app.quit()))
    app.exec()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
