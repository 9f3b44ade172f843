"""Encryption at rest: a plain database converted to SQLCipher and back; without the key the
file is unreadable, and none of its text is in it."""

from __future__ import annotations

import sqlite3

import pytest

from crmdesk.core.errors import KnownError
from crmdesk.services.contacts import ContactDraft, ContactFilter, count_contacts, save_contact
from crmdesk.store import encryption
from crmdesk.store.backup import copy_database, copy_facts
from crmdesk.store.db import Database
from crmdesk.store.encryption import PassphraseNeeded


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


def test_an_encrypted_database_opens_only_with_its_passphrase(encrypted):
    _, secret = encrypted
    with pytest.raises(PassphraseNeeded, match="is encrypted"):
        Database.open(secret)
    with pytest.raises(PassphraseNeeded, match="cannot be opened with this passphrase"):
        Database.open(secret, passphrase="wrong horse")
    opened = Database.open(secret, passphrase="correct horse")
    try:
        with opened.reading() as session:
            assert count_contacts(session) == 4
            assert count_contacts(session, ContactFilter(search="ouyang")) == 1  # FTS5
        with opened.transaction() as session:
            save_contact(session, ContactDraft(given_name="秘密", family_name="王"))
        with opened.reading() as session:
            assert count_contacts(session) == 5
    finally:
        opened.dispose()
    assert encryption.is_encrypted(secret)
    assert "秘密".encode() not in secret.read_bytes()


def test_a_backup_of_an_encrypted_database_is_encrypted_and_checked(encrypted, tmp_path):
    _, secret = encrypted
    opened = Database.open(secret, passphrase="correct horse")
    try:
        copy = tmp_path / "copies" / "secret-copy.sqlite3"
        copy_database(secret, copy)
    finally:
        opened.dispose()
    assert encryption.is_encrypted(copy)
    assert b"zhang.san@example.cn" not in copy.read_bytes()
    assert copy_facts(copy).contacts == 4  # read with the passphrase this process unlocked


def test_a_text_file_is_not_taken_for_an_encrypted_database(tmp_path):
    text = tmp_path / "notes.sqlite3"
    text.write_text("x" * 4096)  # whole pages, but text: still no passphrase is asked
    with pytest.raises(KnownError) as refused:
        Database.open(text)
    assert not isinstance(refused.value, PassphraseNeeded)
    assert "not an SQLite file" in str(refused.value)


def _count_elsewhere(path: str) -> int:
    """The contacts another process sees in the file (it opens, reads and closes it)."""
    import subprocess
    import sys

    query = "SELECT count(*) FROM contacts"
    code = f"import sqlite3; print(sqlite3.connect({path!r}).execute({query!r}).fetchone()[0])"
    return int(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              check=True, timeout=60).stdout)  # fmt: skip


def test_a_plain_file_opened_after_an_encrypted_one_keeps_its_writes(encrypted, tmp_path):
    """Once a passphrase was unlocked, each checkpoint connection read the file's header to
    see whether it was encrypted: closing that descriptor dropped every POSIX lock this
    process's SQLite held on the file, so another process took itself to be alone, removed
    the write-ahead log, and this process's next writes went to the deleted log."""
    _, secret = encrypted
    Database.open(secret, passphrase="correct horse").dispose()
    db = Database.open(tmp_path / "plain-after.sqlite3")
    try:
        with db.transaction() as session:
            save_contact(session, ContactDraft(given_name="Ann"))
        db.wait_for_checkpoint()
        assert _count_elsewhere(db.url.database) == 1
        with db.transaction() as session:
            save_contact(session, ContactDraft(given_name="Bo"))
        db.wait_for_checkpoint()
        assert _count_elsewhere(db.url.database) == 2
    finally:
        db.dispose()
        encryption.unlock(None)
