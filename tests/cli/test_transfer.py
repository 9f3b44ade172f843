"""`crmdesk import`, `export` and `duplicates`, run as a user runs them: a real process and file."""

from __future__ import annotations

import json

import openpyxl

from crmdesk.interop.records import EmailRecord, PhoneRecord
from crmdesk.services.accounts import AccountDraft, save_account
from crmdesk.services.contacts import ContactDraft, save_contact
from crmdesk.store.db import Database
from tests.cli.test_main import crmdesk
from tests.conftest import SHARED

VCARDS = SHARED / "interop" / "vcards"


def lines(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def info(path) -> dict:
    return json.loads(crmdesk("--db", str(path), "info", "--json").stdout)


def test_dry_run_then_import_then_export_round_trip(tmp_path):
    db = tmp_path / "crm.sqlite3"
    source = VCARDS / "gmail_v30_list_3contacts.vcf"

    (dry,) = lines(crmdesk("--db", str(db), "import", str(source), "--dry-run", "--json"))
    counts = {k: dry["preview"][k] for k in ("total", "new", "updated", "duplicate", "rejected")}
    assert counts == {"total": 3, "new": 3, "updated": 0, "duplicate": 0, "rejected": 0}
    assert [r["outcome"] for r in dry["preview"]["rows"]] == ["new"] * 3
    assert info(db)["contacts"] == 0  # a dry run changes nothing

    preview, result = lines(crmdesk("--db", str(db), "import", str(source), "--json"))
    assert preview["preview"]["new"] == 3 and result["result"]["new"] == 3
    assert info(db)["contacts"] == 3

    (again,) = lines(crmdesk("--db", str(db), "import", str(source), "--json", "--dry-run"))
    assert again["preview"]["duplicate"] == 3

    out = tmp_path / "out.vcf"
    shown = crmdesk("--db", str(db), "export", "contacts", "--format", "vcf", "-o", str(out))
    assert shown.stdout.strip() == f"wrote 3 contacts to {out} (vcf3)"

    fresh = tmp_path / "fresh.sqlite3"
    crmdesk("--db", str(fresh), "import", str(out))
    names = crmdesk("--db", str(fresh), "contacts", "list").stdout
    assert sorted(line.split("\t")[1] for line in names.splitlines()) == [
        "Arnold Smith",
        "Chris Beatle",
        "Doug White",
    ]


def test_the_readable_preview_lists_counts_rows_and_rejected_lines(tmp_path):
    source = tmp_path / "people.csv"
    source.write_text(
        "Name,Mobile Phone,Notes\n张三,138 0013 8000,\n,,just a note\n", encoding="utf-8"
    )
    result = crmdesk("--db", str(tmp_path / "x.db"), "import", str(source), "--dry-run")
    text = result.stdout
    assert "people.csv (csv): 2 rows" in text
    assert "new                 1" in text and "rejected            1" in text
    assert "line 2" in text and "张三" in text
    assert "rejected:\n  line 3: no name, company, phone or e-mail" in text


def test_a_rejected_row_refuses_the_import_in_one_line_unless_allowed(tmp_path):
    db = tmp_path / "crm.sqlite3"
    source = tmp_path / "people.csv"
    source.write_text(
        "Name,E-mail Address,Notes\nAda,ada@example.org,\n,,lonely note\nBob,bob@example.org,\n",
        encoding="utf-8",
    )
    refused = crmdesk("--db", str(db), "import", str(source), "--json", check=False)
    assert refused.returncode == 1
    assert refused.stderr.startswith("crmdesk: line 3: no name, company, phone or e-mail")
    assert len(refused.stderr.strip().splitlines()) == 1
    assert info(db)["contacts"] == 0

    _, result = lines(crmdesk("--db", str(db), "import", str(source), "--json", "--allow-rejected"))
    assert result["result"] == {
        "new": 2,
        "updated": 0,
        "duplicate": 0,
        "rejected": 1,
        "accounts_created": 0,
    }


def test_a_mapping_given_as_json(tmp_path):
    source = tmp_path / "客户.csv"
    source.write_bytes("姓名,电话\n李雷,13911112222\n".encode("gb18030"))
    mapping = json.dumps({"formatted_name": "姓名", "phones": [{"value": "电话"}]})
    db = tmp_path / "crm.sqlite3"
    preview, _ = lines(
        crmdesk("--db", str(db), "import", str(source), "--mapping", mapping, "--json")
    )
    assert preview["preview"]["mapping"]["formatted_name"] == "姓名"
    listed = crmdesk("--db", str(db), "contacts", "list", "--search", "lilei", "--json").stdout
    assert json.loads(listed)["phone"] == "13911112222"


def test_export_formats_and_search(db, people, tmp_path):
    path = str(db.url.database)
    for fmt, name in (("vcf4", "p.vcf"), ("csv", "p.csv"), ("xlsx", "p.xlsx")):
        crmdesk("--db", path, "export", "contacts", "-f", fmt, "-o", str(tmp_path / name))
    assert (tmp_path / "p.vcf").read_text(encoding="utf-8").count("VERSION:4.0") == 4
    assert "\n三,,张," in (tmp_path / "p.csv").read_text(encoding="utf-8-sig")
    sheet = openpyxl.load_workbook(tmp_path / "p.xlsx").active
    assert sheet.max_row == 5  # a header and four people

    searched = crmdesk(
        "--db", path, "export", "contacts", "-o", str(tmp_path / "s.vcf"), "-s", "london", "--json"
    )
    assert json.loads(searched.stdout)["contacts"] == 1
    assert "FN:John Smith" in (tmp_path / "s.vcf").read_text(encoding="utf-8")


def test_export_errors_are_one_line(db, people, tmp_path):
    path = str(db.url.database)
    bad = crmdesk("--db", path, "export", "contacts", "-f", "pdf", "-o", "x.pdf", check=False)
    assert bad.returncode == 1
    assert (
        bad.stderr.strip() == "crmdesk: 'pdf' is not an export format. Use vcf, vcf4, csv or xlsx."
    )
    nowhere = str(tmp_path / "missing" / "x.vcf")
    failed = crmdesk("--db", path, "export", "contacts", "-o", nowhere, check=False)
    assert failed.returncode == 1 and failed.stderr.startswith("crmdesk: Cannot write")
    assert len(failed.stderr.strip().splitlines()) == 1


def test_import_errors_are_one_line(tmp_path):
    db = str(tmp_path / "crm.sqlite3")
    missing = crmdesk("--db", db, "import", str(tmp_path / "nope.vcf"), check=False)
    assert missing.returncode == 1 and missing.stderr.startswith("crmdesk: Cannot read")
    broken = tmp_path / "cut.vcf"
    broken.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Cut short\n")
    result = crmdesk("--db", db, "import", str(broken), check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_orders_import_with_unmatched_rows(tmp_path):
    db_path = tmp_path / "crm.sqlite3"
    database = Database.open(db_path)
    with database.transaction() as session:
        save_account(session, AccountDraft(name="Acme Trading", code="C-001"))
    database.dispose()
    source = tmp_path / "orders.csv"
    source.write_text(
        "Order No,Customer,Customer Code,Date,Amount\n"
        "SO-1,,C-001,2024-03-01,100\n"
        "SO-2,Acme trading,,2024-03-02,200.50\n"
        "SO-3,Nobody Ltd,,2024-03-03,5\n",
        encoding="utf-8",
    )
    args = ("--db", str(db_path), "import", str(source), "--kind", "orders")
    refused = crmdesk(*args, check=False)
    assert refused.returncode == 1
    assert refused.stderr.startswith("crmdesk: line 4: no account matches the customer Nobody Ltd")
    assert "unmatched:\n  line 4: Nobody Ltd" in refused.stdout

    preview, result = lines(crmdesk(*args, "--allow-unmatched", "--json"))
    assert preview["preview"]["matched_by_code"] == 1
    assert preview["preview"]["matched_by_name"] == 1
    assert preview["preview"]["unmatched_rows"] == [
        {
            "line": 4,
            "customer": "Nobody Ltd",
            "reason": "no account matches the customer Nobody Ltd",
        }
    ]
    assert result["result"]["new"] == 2 and result["result"]["unmatched"] == 1


def test_duplicates_lists_groups(db):
    with db.transaction() as session:
        for phone in ("138 0013 8000", "+86 13800138000"):
            save_contact(
                session,
                ContactDraft(
                    family_name="张",
                    given_name="三",
                    phones=[PhoneRecord(phone)],
                    emails=[EmailRecord("zs@example.cn")],
                ),
            )
        save_contact(session, ContactDraft(family_name="Smith", given_name="John"))
    path = str(db.url.database)
    (group,) = lines(crmdesk("--db", path, "duplicates", "--json"))
    assert [m["name"] for m in group["members"]] == ["张三", "张三"]
    assert "same_phone" in group["reasons"] and group["score"] >= 60
    text = crmdesk("--db", path, "duplicates").stdout
    assert text.startswith(f"score {group['score']}") and text.count("张三") == 2


def test_a_terminal_sees_matching_and_importing_progress(tmp_path):
    """On a terminal, stderr shows how far the matching and the writing are, each ending at
    100% on its own line; piped (as above), it shows nothing."""
    import os
    import pty
    import subprocess
    import sys

    source = tmp_path / "people.csv"
    source.write_text("Name,Mobile Phone\n张三,138 0013 8000\nJohn Smith,\n", encoding="utf-8")
    leader, follower = pty.openpty()
    done = subprocess.run(
        [sys.executable, "-m", "crmdesk", "--db", str(tmp_path / "x.db"), "import", str(source)],
        stdout=subprocess.PIPE,
        stderr=follower,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8"},
    )
    os.close(follower)
    shown = os.read(leader, 65536).decode()
    os.close(leader)
    assert done.returncode == 0 and "imported: new 2" in done.stdout
    finished = [part.strip() for part in shown.replace("\r", "\n").splitlines() if "100%" in part]
    assert finished == ["matching 100%", "importing 100%"]


def test_a_demo_of_absurd_size_is_refused_at_once_and_makes_no_file(tmp_path):
    db = tmp_path / "demo.sqlite3"
    result = crmdesk("--db", str(db), "demo", "--size", str(10**21), check=False)
    assert result.returncode == 2 and "1,000,000" in result.stderr
    *usage, error = result.stderr.splitlines()  # argparse's usage, then the one error line
    assert usage[0].startswith("usage: crmdesk demo") and "1,000,000" in error
    assert "Traceback" not in result.stderr and not db.exists()


def test_a_device_given_to_import_is_refused_in_one_line(tmp_path):
    result = crmdesk("--db", str(tmp_path / "crm.sqlite3"), "import", "/dev/zero", check=False)
    assert result.returncode == 1 and "not a regular file" in result.stderr
    assert len(result.stderr.splitlines()) == 1
