"""Encryption at rest: a plain database converted to SQLCipher and back; without the key the
file is unreadable, and none of its text is in it."""

from __future__ import annotations

import sqlite3

import pytest

from crmdesk.core.errors import KnownError
from crmdesk.services.contacts import count_contacts
from crmdesk.store import encryption
from crmdesk.store.db import Database


@pytest.fixture
def encrypted(db, people, tmp_path):
    plain = db.url.database
    db.dispose()
    return plain, encryption.encrypt_copy(plain, tmp_path / "secret.sqlite3", "correct horse")


def test_an_encrypted_copy_is_unreadable_without_the_key(encrypted):
    plain, secret = encrypted
    assert not encryption.is_encrypted(plain) and encryption.is_encrypted(secret)
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(secret).execute("SELECT * FROM sqlite_master").fetchall()
    data = secret.read_bytes()
    for text in (b"zhang.san@example.cn", "欧阳".encode(), b"CREATE TABLE"):
        assert text not in data
    with pytest.raises(KnownError, match="cannot be opened with this passphrase"):
        encryption.connect(secret, "wrong horse")


def test_the_key_opens_it_and_it_converts_back_to_the_same_database(encrypted, tmp_path):
    _, secret = encrypted
    conn = encryption.connect(secret, "correct horse")
    assert conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == 4
    conn.close()
    back = encryption.decrypt_copy(secret, tmp_path / "plain-again.sqlite3", "correct horse")
    assert not encryption.is_encrypted(back)
    reopened = Database.open(back)
    try:
        with reopened.reading() as session:
            assert count_contacts(session) == 4
    finally:
        reopened.dispose()


def test_a_conversion_never_overwrites_a_file(encrypted):
    plain, secret = encrypted
    with pytest.raises(KnownError, match="already exists"):
        encryption.encrypt_copy(plain, secret, "x")


def test_the_command_line_encrypts_and_decrypts_with_the_passphrase_on_stdin(db, people,
                                                                               tmp_path):
    import subprocess
    import sys

    def crmdesk(*args: str, passphrase: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "crmdesk", *args], input=passphrase + "\n",
                              capture_output=True, text=True, timeout=120)  # fmt: skip

    plain = str(db.url.database)
    db.dispose()
    secret, back = tmp_path / "s.sqlite3", tmp_path / "p.sqlite3"
    done = crmdesk("--db", plain, "encrypt", "--to", str(secret), "--passphrase-stdin",
                   passphrase="pass phrase")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert encryption.is_encrypted(secret)
    wrong = crmdesk("decrypt", str(secret), "--to", str(back), "--passphrase-stdin",
                    passphrase="nope")  # fmt: skip
    assert wrong.returncode == 1 and "cannot be opened" in wrong.stderr and not back.exists()
    right = crmdesk("decrypt", str(secret), "--to", str(back), "--passphrase-stdin",
                    passphrase="pass phrase")  # fmt: skip
    assert right.returncode == 0, right.stderr
    assert "pass phrase" not in secret.read_bytes().decode("latin-1")
