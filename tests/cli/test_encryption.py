"""The command line on an encrypted database: the passphrase from stdin, the keyring or the
terminal; without it, or with a wrong one, one line and exit status 1."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from crmdesk.store import encryption

PASSPHRASE = "correct horse"


def crmdesk(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "crmdesk", *args], input=stdin,
                          capture_output=True, text=True, timeout=120)  # fmt: skip


@pytest.fixture
def secret(db, people, tmp_path):
    plain = db.url.database
    db.dispose()
    return encryption.encrypt_copy(plain, tmp_path / "secret.sqlite3", PASSPHRASE)


def test_every_verb_opens_an_encrypted_file_with_the_passphrase_on_stdin(secret):
    listed = crmdesk("--db", str(secret), "contacts", "list", "--json", "--passphrase-stdin",
                     stdin=PASSPHRASE + "\n")  # fmt: skip
    assert listed.returncode == 0, listed.stderr
    names = {json.loads(line)["name"] for line in listed.stdout.splitlines()}
    assert "张三" in names and len(names) == 4
    checked = crmdesk("--db", str(secret), "check", "--json", "--passphrase-stdin",
                      stdin=PASSPHRASE + "\n")  # fmt: skip
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout)["integrity"] == "ok"


def test_without_or_with_a_wrong_passphrase_one_line_and_nothing_written(secret):
    before = secret.read_bytes()
    missing = crmdesk("--db", str(secret), "contacts", "list")  # stdin is not a terminal
    assert missing.returncode == 1
    assert missing.stderr.strip().count("\n") == 0 and "is encrypted" in missing.stderr
    wrong = crmdesk("--db", str(secret), "info", "--passphrase-stdin", stdin="wrong\n")
    assert wrong.returncode == 1
    assert wrong.stderr.strip().splitlines() == [
        "crmdesk: secret.sqlite3 cannot be opened with this passphrase."
    ]
    assert secret.read_bytes() == before


def test_a_backup_of_an_encrypted_file_stays_encrypted(secret, tmp_path):
    done = crmdesk("--db", str(secret), "backup", "now", "--to", str(tmp_path / "usb"), "--json",
                   "--passphrase-stdin", stdin=PASSPHRASE + "\n")  # fmt: skip
    assert done.returncode == 0, done.stderr
    made = json.loads(done.stdout)
    assert made["contacts"] == 4
    with open(made["path"], "rb") as copy:
        assert not copy.read(16).startswith(b"SQLite format 3")
