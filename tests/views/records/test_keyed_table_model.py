"""The keyed table model over 10,000 contacts in a real SQLite file: counts, pages, sorting,
search, the model tester, stale answers and refreshes from the data bus."""

from __future__ import annotations

import datetime as dt
import random
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QThreadPool
from PySide6.QtWidgets import QHeaderView, QTableView
from sqlalchemy import func, insert, select

from crmdesk.interop.records import PhoneRecord
from crmdesk.models import Account, Address, Contact, Email, Phone
from crmdesk.models.base import new_id
from crmdesk.models.enums import LoyaltyStage, ValueTier
from crmdesk.models.names import name_sort_key, text_sort_key
from crmdesk.services.accounts import AccountFilter, count_accounts
from crmdesk.services.contacts import (
    ContactDraft,
    ContactFilter,
    contact_ids,
    contact_rows,
    count_contacts,
    delete_contacts,
    get_contact,
    save_contact,
)
from crmdesk.store import fulltext
from crmdesk.store.db import Database
from crmdesk.views.contacts.tables import AccountTableModel, ContactTableModel
from crmdesk.views.records.keyed_table_model import PAGE_SIZE, IdRole, KeyedTableModel
from crmdesk.views.shell.bus import DataBus

N_CONTACTS = 10_000
FAMILIES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗欧阳"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英三"
LATIN_FAMILIES = ["Smith", "Müller", "García", "Johnson", "Brown", "Dubois", "Rossi", "Novak"]
LATIN_GIVEN = ["Anna", "John", "Mary", "Peter", "Lena", "Carlos", "Sofia", "Ivan", "Zoe"]
CITIES = ["北京", "上海", "广州", "深圳", "杭州", "成都", "London", "Berlin"]
OWNERS = ["王经理", "李娜", "Tom"]


def build_contacts(db: Database, n: int = N_CONTACTS, seed: int = 7) -> None:
    """Bulk-insert n contacts (phones, emails and cities for most) and rebuild the search index."""
    rng = random.Random(seed)
    now = dt.datetime.now(dt.UTC)
    accounts = []
    for i in range(300):
        name = f"{rng.choice(CITIES)}{rng.choice('华新东方宏远恒通')}{i}科技有限公司"
        accounts.append(
            {
                "id": new_id(),
                "name": name,
                "sort_key": text_sort_key(name),
                "value_tier": rng.choice(list(ValueTier)),
                "loyalty_stage": rng.choice(list(LoyaltyStage)),
                "owner": rng.choice(OWNERS),
            }
        )
    contacts, phones, emails, addresses = [], [], [], []
    for i in range(n):
        if rng.random() < 0.75:
            family = rng.choice([FAMILIES[j] for j in range(len(FAMILIES) - 2)] + ["欧阳"])
            given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        else:
            family, given = rng.choice(LATIN_FAMILIES), rng.choice(LATIN_GIVEN)
        cid = new_id()
        contacts.append(
            {
                "id": cid,
                "family_name": family,
                "given_name": given,
                "sort_key": name_sort_key(family, given),
                "title": rng.choice(["销售经理", "采购总监", "Engineer", "CEO", ""]),
                "owner": rng.choice(OWNERS),
                "account_id": rng.choice(accounts)["id"] if rng.random() < 0.8 else None,
                "updated_at": now - dt.timedelta(minutes=i),
            }
        )
        if rng.random() < 0.7:
            number = f"13{rng.randrange(10**9):09d}"
            phones.append({"contact_id": cid, "number": number, "e164": f"+86{number}"})
        if rng.random() < 0.6:
            address = f"user{i}@example.com"
            emails.append({"contact_id": cid, "address": address, "normalized": address})
        if rng.random() < 0.7:
            addresses.append({"contact_id": cid, "city": rng.choice(CITIES)})
    with db.engine.begin() as conn:
        conn.execute(insert(Account.__table__), accounts)
        conn.execute(insert(Contact.__table__), contacts)
        for table, rows in ((Phone, phones), (Email, emails), (Address, addresses)):
            conn.execute(insert(table.__table__), [{"id": new_id(), **row} for row in rows])
        fulltext.rebuild(conn)


@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory):
    database = Database.open(Path(tmp_path_factory.mktemp("big")) / "crm.sqlite3")
    build_contacts(database)
    yield database
    database.dispose()


@pytest.fixture
def bus(qtbot):
    return DataBus()


@pytest.fixture
def model(qtbot, big_db, bus):
    table = ContactTableModel(big_db, bus, load=False)
    with qtbot.waitSignal(table.keys_loaded, timeout=10_000):
        table.refresh()
    yield table
    QThreadPool.globalInstance().waitForDone(5000)


def sql_count(db: Database, flt: ContactFilter | None = None) -> int:
    with db.reading() as session:
        return count_contacts(session, flt or ContactFilter())


def test_row_count_is_the_sql_count(model, big_db):
    assert model.rowCount() == sql_count(big_db) == N_CONTACTS
    assert model.columnCount() == 8
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    assert not model.cached_pages


def test_flags_and_ids_never_fetch(model):
    for row in range(0, model.rowCount(), 7):
        assert model.flags(model.index(row, 0)) & Qt.ItemFlag.ItemIsSelectable
        assert model.data(model.index(row, 3), IdRole) == model.id_at(row)
    assert model.cached_pages == ()


def test_rows_show_what_the_service_returns(model, big_db):
    row = 1234
    key = model.data(model.index(row, 0), IdRole)
    with big_db.reading() as session:
        [expected] = contact_rows(session, [key])
    assert model.data(model.index(row, 0)) == expected.name
    assert model.data(model.index(row, 4)) == expected.email
    assert model.data(model.index(row, 7), Qt.ItemDataRole.EditRole) == expected.updated_at
    assert model.row_of(key) == row
    assert model.cached_pages == ((row, row + PAGE_SIZE),)
    assert model.fetches == 1


def test_a_jump_is_one_query_and_scrolling_up_fetches_the_rows_above(model):
    for row in range(5000, 5100):  # a 100-row window anywhere: one page query
        assert model.data(model.index(row, 0))
    assert model.fetches == 1
    assert model.cached_pages == ((5000, 5000 + PAGE_SIZE),)
    model.data(model.index(4999, 0))
    assert model.fetches == 2
    assert model.cached_pages[-1] == (5000 - PAGE_SIZE, 5000)
    # Filling the gap between two pages fetches only the gap.
    model.data(model.index(5000 + PAGE_SIZE + 10, 0))
    model.data(model.index(5000 + PAGE_SIZE, 0))
    assert model.cached_pages[-1] == (5000 + PAGE_SIZE, 5000 + PAGE_SIZE + 10)
    assert model.fetches == 4


def test_jumping_to_the_end_fills_only_the_pages_shown(qtbot, model):
    view = QTableView()
    qtbot.addWidget(view)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(24)
    view.setModel(model)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: model.is_cached(0))
    view.scrollToBottom()
    last = model.rowCount() - 1
    qtbot.waitUntil(lambda: model.is_cached(last))
    assert len(model.cached_pages) <= 3
    assert sum(end - start for start, end in model.cached_pages) <= 3 * PAGE_SIZE
    assert model.data(model.index(last, 0))
    # Walking through the whole table keeps the cache bounded.
    for row in range(0, model.rowCount(), PAGE_SIZE):
        model.data(model.index(row, 0))
    assert len(model.cached_pages) == model.max_pages
    assert model.max_pages * PAGE_SIZE < model.rowCount()


def test_header_click_sorts_in_sql(qtbot, model, big_db):
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    header = view.horizontalHeader()
    header.setSortIndicator(model.sort_column(), model.sort_order())
    view.setSortingEnabled(True)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    assert not model.is_loading  # enabling sorting in the model's own order re-queries nothing
    with qtbot.waitSignal(model.keys_loaded, timeout=10_000):
        qtbot.mouseClick(
            header.viewport(),
            Qt.MouseButton.LeftButton,
            pos=header.viewport().rect().topLeft() + _section_center(header, 0),
        )
    assert model.sort_order() == Qt.SortOrder.DescendingOrder
    with big_db.reading() as session:
        highest = session.scalar(
            select(func.max(Contact.sort_key)).where(Contact.deleted_at.is_(None))
        )
        first = session.get(Contact, model.id_at(0))
        assert first is not None and first.sort_key == highest
        assert model.keys() == contact_ids(session, ContactFilter(), descending=True)


def _section_center(header: QHeaderView, section: int):
    from PySide6.QtCore import QPoint

    return QPoint(header.sectionViewportPosition(section) + header.sectionSize(section) // 2, 5)


def test_unsortable_column_is_ignored(model):
    phone = [c.attribute for c in model.columns].index("phone")
    model.sort(phone, Qt.SortOrder.DescendingOrder)
    assert not model.is_loading
    assert model.sort_column() == 0


@pytest.mark.parametrize("text", ["zs", "张", "欧阳", "example.com", "138", "smith"])
def test_search_filters_in_sql(qtbot, model, big_db, text):
    flt = ContactFilter(search=text)
    with qtbot.waitSignal(model.keys_loaded, timeout=10_000) as blocker:
        model.set_filter(flt)
    expected = sql_count(big_db, flt)
    assert blocker.args == [expected]
    assert 0 < model.rowCount() == expected < N_CONTACTS


def test_filters_by_tier_city_and_owner(qtbot, model, big_db):
    flt = ContactFilter(value_tier=ValueTier.VIP, city="北京", owner="Tom")
    with qtbot.waitSignal(model.keys_loaded, timeout=10_000):
        model.set_filter(flt)
    assert 0 < model.rowCount() == sql_count(big_db, flt)
    assert {model.data(model.index(r, 5)) for r in range(model.rowCount())} == {"北京"}


def test_model_tester(qtbot, qtmodeltester, model):
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.keys_loaded, timeout=10_000):
        model.set_filter(ContactFilter(search="zhang"))
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.keys_loaded, timeout=10_000):
        model.sort(0, Qt.SortOrder.DescendingOrder)


def test_accounts_model(qtbot, qtmodeltester, big_db):
    accounts = AccountTableModel(big_db, None, load=False)
    with qtbot.waitSignal(accounts.keys_loaded, timeout=10_000):
        accounts.refresh()
    with big_db.reading() as session:
        assert accounts.rowCount() == count_accounts(session, AccountFilter()) == 300
    tiers = {accounts.data(accounts.index(r, 2)) for r in range(accounts.rowCount())}
    assert tiers == {"VIP", "Important", "Ordinary"}
    counts = sum(accounts.data(accounts.index(r, 5), Qt.ItemDataRole.EditRole) for r in range(300))
    assert counts == _linked_contacts(big_db)
    qtmodeltester.check(accounts)


def _linked_contacts(db: Database) -> int:
    with db.reading() as session:
        return session.scalar(
            select(func.count(Contact.id)).where(
                Contact.account_id.is_not(None), Contact.deleted_at.is_(None)
            )
        )


def test_stale_answers_are_dropped(qtbot, big_db):
    """Two filters quickly: the first answer arrives last, and is dropped."""
    release_first = threading.Event()

    def keys(session, flt, sort, descending):
        if flt.search == "zhang":
            release_first.wait(10)
        return contact_ids(session, flt, sort, descending)

    class SlowFirst(KeyedTableModel):
        columns = ContactTableModel.columns

    table = SlowFirst(big_db, None, keys, contact_rows, ContactFilter(), load=False)
    loaded = []
    table.keys_loaded.connect(loaded.append)
    table.set_filter(ContactFilter(search="zhang"))
    with qtbot.waitSignal(table.keys_loaded, timeout=10_000):
        table.set_filter(ContactFilter(search="wang"))
    release_first.set()
    QThreadPool.globalInstance().waitForDone(5000)
    QCoreApplication.processEvents()
    assert loaded == [sql_count(big_db, ContactFilter(search="wang"))]
    assert table.rowCount() == loaded[0]
    assert table.filter.search == "wang"
    assert not table.is_loading


def test_a_bus_change_refreshes_row_text(qtbot, model, big_db, bus):
    row = 42
    key = model.id_at(row)
    before = model.data(model.index(row, 3))
    assert model.is_cached(row)
    with big_db.transaction() as session:
        draft = get_contact(session, key).draft
        draft.phones = [PhoneRecord("+86 139 0000 0042")]
        _, changes = save_contact(session, draft)
    with qtbot.waitSignal(model.keys_loaded, timeout=10_000):
        bus.publish(changes)
    assert model.id_at(row) == key  # same keys: refreshed in place, no reset
    assert model.data(model.index(row, 3)) == "+86 139 0000 0042" != before


def test_a_new_contact_appears_after_a_bus_change(qtbot, model, big_db, bus):
    with big_db.transaction() as session:
        key, changes = save_contact(session, ContactDraft(family_name="阿", given_name="阿"))
    with qtbot.waitSignals([model.modelReset, model.keys_loaded], timeout=10_000):
        bus.publish(changes)
    assert model.rowCount() == N_CONTACTS + 1
    row = model.row_of(key)
    assert row is not None and model.data(model.index(row, 0)) == "阿阿"
    with big_db.transaction() as session:
        changes = delete_contacts(session, [key])
    with qtbot.waitSignal(model.keys_loaded, timeout=10_000):
        bus.publish(changes)
    assert model.rowCount() == N_CONTACTS
    assert model.row_of(key) is None
