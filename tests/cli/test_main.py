"""The command line, run as a user runs it: a real process against a real database file."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from crmdesk.cli.main import main


def crmdesk(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "crmdesk", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8"},
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


def test_contacts_list_json_and_show_round_trip(db, people):
    path = str(db.url.database)
    listed = crmdesk("contacts", "list", "--search", "zs", "--json", "--db", path)
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [r["name"] for r in rows] == ["张三"]
    assert rows[0]["phone"] == "138 0013 8000"

    shown = json.loads(
        crmdesk("--db", path, "contacts", "show", rows[0]["id"][-8:], "--json").stdout
    )
    assert shown["draft"]["family_name"] == "张" and shown["draft"]["given_name"] == "三"
    assert shown["draft"]["emails"][0]["address"] == "zhang.san@example.cn"
    assert shown["draft"]["addresses"][0]["city"] == "北京"
    assert shown["tags"] == ["重点客户"]


def test_contacts_list_plain_text_lists_everyone_in_name_order(db, people, capsys):
    assert main(["--db", str(db.url.database), "contacts", "list"]) == 0
    names = [line.split("\t")[1] for line in capsys.readouterr().out.splitlines()]
    assert names == ["Anna Müller", "欧阳娜娜", "John Smith", "张三"]


def test_unknown_id_is_one_clear_line_and_exit_1(db, people):
    result = crmdesk("--db", str(db.url.database), "contacts", "show", "ffffffff", check=False)
    assert result.returncode == 1
    assert result.stderr.strip() == "crmdesk: No contact id starts or ends with 'ffffffff'."


def test_refused_database_is_reported_not_a_traceback(tmp_path):
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(b"definitely not sqlite" * 10)
    result = crmdesk("--db", str(bogus), "info", check=False)
    assert result.returncode == 1
    assert "not an SQLite file" in result.stderr and "Traceback" not in result.stderr


def test_info_counts(db, people, capsys):
    assert main(["--db", str(db.url.database), "info", "--json"]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert facts["contacts"] == len(people) and facts["recycle_bin"] == 0


def test_window_without_a_display_says_so_in_one_line(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "crmdesk", "--db", str(tmp_path / "x.db")],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "no display" in result.stderr and "xvfb-run" in result.stderr


@pytest.mark.parametrize("argv", [["contacts"], ["contacts", "frobnicate"]])
def test_bad_usage_exits_2(argv):
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
