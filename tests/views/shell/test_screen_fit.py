"""Every pane and dialog fits a laptop's screen: 1366×768 and 1280×720, panels and title bar aside.

Qt's offscreen screen takes its size from a JSON file when Qt starts, so the measuring runs in
its own process (fit_probe.py) for each screen size.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from crmdesk.services.contacts import ContactDraft, save_contact
from tests.conftest import REPO, SHARED

DECORATION = 64  # a 32 px desktop panel and a 32 px title bar, which the offscreen screen lacks
EXPECTED = {
    "pane 0", "pane 1", "pane 2", "pane 3", "pane 4", "pane 5", "pane 6", "contact open",
    "new contact", "account open", "import wizard", "import preview", "export dialog",
    "duplicates dialog", "history dialog", "about box", "first start", "case editor",
    "main window", "contract dialog", "fields dialog", "labels dialog", "letters dialog",
    "opportunity editor", "product catalogue", "settings dialog", "restore dialog",
    "segment dialog", "campaign dialog", "survey templates", "solution dialog", "targets dialog",
}  # fmt: skip


def measure_on(width: int, height: int, db_path: str, tmp_path) -> dict[str, list[int]]:
    screen = tmp_path / f"screen-{width}x{height}.json"
    laptop = {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height}
    laptop |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    screen.write_text(json.dumps({"screens": [laptop]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}"}
    vcard = SHARED / "interop" / "vcards" / "evolution_v21_chinese_qp.vcf"
    result = subprocess.run(
        [sys.executable, "-m", "tests.views.shell.fit_probe", db_path,
         str(tmp_path / f"settings-{width}.ini"), str(vcard)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1280, 720)])
def test_every_pane_and_dialog_fits_a_laptop_screen(db, people, tmp_path, width, height):
    import datetime as dt
    from decimal import Decimal

    from crmdesk.services.accounts import AccountDraft, save_account
    from crmdesk.services.targets import TargetDraft, set_targets, this_month

    month, n = this_month(dt.date.today()), Decimal(100000)
    with db.transaction() as session:
        set_targets(session, [  # a team of owners, every indicator with a target
            TargetDraft(owner, month, key, n, Decimal(1))
            for owner in ("欧阳娜娜", "Alexander Montgomery", "张伟", "Li", "Wang", "陈静")
            for key in ("revenue_won", "new_customers", "visits_made", "calls_made",
                        "cases_closed")
        ])  # fmt: skip
        save_account(
            session, AccountDraft(name="广州锐新电气设备有限公司", industry="Manufacturing")
        )
        save_contact(session, ContactDraft(family_name="李", given_name="雷"))
    seen = measure_on(width, height, str(db.url.database), tmp_path)
    assert seen.pop("screen") == [width, height]
    assert set(seen) == EXPECTED
    room = (width, height - DECORATION)
    too_big = {
        name: sizes
        for name, sizes in seen.items()
        if sizes[0] > room[0] or sizes[1] > room[1] or sizes[2] > room[0] or sizes[3] > room[1]
    }
    assert too_big == {}, f"larger than {room} (width, height, min width, min height)"
