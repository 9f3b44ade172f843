"""Shared fixtures: a real SQLite file per test, and small believable data sets."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from crmdesk.interop.records import AddressRecord, EmailRecord, PhoneRecord
from crmdesk.models.enums import AddressKind, PhoneKind
from crmdesk.services.contacts import ContactDraft, save_contact
from crmdesk.store.db import Database

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """An empty, migrated crmdesk database in a file (worker threads see the same data)."""
    database = Database.open(tmp_path / "crm.sqlite3")
    yield database
    database.dispose()


@pytest.fixture
def people(db: Database) -> dict[str, object]:
    """A few contacts, Chinese and Western, saved through the service; name -> id."""
    drafts = {
        "张三": ContactDraft(
            family_name="张",
            given_name="三",
            title="销售经理",
            phones=[PhoneRecord("138 0013 8000", PhoneKind.MOBILE)],
            emails=[EmailRecord("zhang.san@example.cn")],
            addresses=[AddressRecord(city="北京", street="朝阳路1号", kind=AddressKind.WORK)],
            tags=["重点客户"],
        ),
        "欧阳娜娜": ContactDraft(
            family_name="欧阳", given_name="娜娜", phones=[PhoneRecord("+86 139 1234 5678")]
        ),
        "John Smith": ContactDraft(
            family_name="Smith",
            given_name="John",
            emails=[EmailRecord("john.smith@acme.com")],
            addresses=[AddressRecord(city="London")],
        ),
        "Anna Müller": ContactDraft(
            family_name="Müller", given_name="Anna", phones=[PhoneRecord("+49 30 1234567")]
        ),
    }
    ids = {}
    with db.transaction() as session:
        for name, draft in drafts.items():
            ids[name], _ = save_contact(session, draft)
    return ids


@pytest.fixture(autouse=True)
def no_leftover_threads() -> Iterator[None]:
    """A test that leaves a thread running (a worker that never finished) fails."""
    before = set(threading.enumerate())
    yield
    try:
        from PySide6.QtCore import QThreadPool
    except ImportError:
        return
    QThreadPool.globalInstance().waitForDone(5000)
    leftover = [
        t for t in threading.enumerate() if t not in before and t.is_alive() and not t.daemon
    ]
    assert not leftover, f"threads left running: {leftover}"


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in this process (set through keyring's API; never the user's)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        self.store.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)
