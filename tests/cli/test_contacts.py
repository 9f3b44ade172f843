"""`crmdesk contacts export-personal` and `erase`, run as a user runs them."""

from __future__ import annotations

import json

from tests.cli.test_main import crmdesk


def test_export_personal_then_erase_with_yes(db, people, tmp_path):
    path = str(db.url.database)
    cid = people["张三"].hex
    out = tmp_path / "zhang.json"
    crmdesk("contacts", "export-personal", cid, "-o", str(out), "--db", path)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["contact"]["family_name"] == "张" and data["related"]["phones"]

    refused = crmdesk("contacts", "erase", cid, "--db", path, check=False)
    assert refused.returncode == 1 and "--yes" in refused.stderr
    assert len(refused.stderr.splitlines()) == 1

    erased = crmdesk("contacts", "erase", cid[-10:], "--yes", "--json", "--db", path)
    assert json.loads(erased.stdout)["log_entries_removed"] > 0
    listed = crmdesk("contacts", "list", "--json", "--db", path).stdout
    assert "张三" not in listed and "欧阳娜娜" in listed
