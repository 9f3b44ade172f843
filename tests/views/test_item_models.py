"""Every item model the views define passes pytest-qt's model tester on a small real database.

The models are found by walking `crmdesk.views`, so a new model is tested the day it is written:
it only needs a builder below (the first test fails until it has one). Each model is checked by
Qt's own tester and by pytest-qt's Python one, which stay connected while the model is reset,
sorted, filtered, refreshed from the bus and fetched further.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt, QThreadPool
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

import crmdesk.views
from crmdesk.models import Activity
from crmdesk.models.enums import ActivityKind
from crmdesk.services.accounts import AccountDraft, AccountFilter, save_account
from crmdesk.services.changes import Changes
from crmdesk.services.contacts import ContactFilter, contact_ids, contact_rows
from crmdesk.store.db import Database
from crmdesk.views.contacts.tables import AccountTableModel, ContactTableModel
from crmdesk.views.contacts.timeline_view import PAGE_SIZE, TimelineModel
from crmdesk.views.records.keyed_table_model import KeyedTableModel
from crmdesk.views.shell.bus import DataBus


def view_models() -> dict[str, type[QAbstractItemModel]]:
    """Every QAbstractItemModel subclass defined in a crmdesk.views module, by qualified name."""
    found: dict[str, type[QAbstractItemModel]] = {}
    for info in pkgutil.walk_packages(crmdesk.views.__path__, "crmdesk.views."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QAbstractItemModel) and cls.__module__ == module.__name__:
                found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return found


@pytest.fixture
def small_db(db: Database, people: dict[str, object]) -> Database:
    """The four people of `people`, two accounts (one with 张三) and 60 calls with 张三."""
    with db.transaction() as session:
        account, _ = save_account(session, AccountDraft(name="华新科技有限公司"))
        save_account(session, AccountDraft(name="Acme Ltd"))
        zhang = people["张三"]
        for i in range(PAGE_SIZE + 10):
            session.add(
                Activity(
                    kind=ActivityKind.CALL,
                    occurred_at=dt.datetime(2024, 3, 1, tzinfo=dt.UTC) + dt.timedelta(hours=i),
                    subject=f"call {i}",
                    contact_id=zhang,
                    account_id=account,
                )
            )
    return db


def _loaded(qtbot: QtBot, model: KeyedTableModel, change: Callable[[], None]) -> None:
    with qtbot.waitSignal(model.keys_loaded, timeout=10_000):
        change()


def _exercise_keyed(qtbot: QtBot, model: KeyedTableModel, bus: DataBus, flt: object) -> None:
    """Load, read every cell, sort both ways, filter down to one row and to none, refresh."""
    _loaded(qtbot, model, model.refresh)
    assert model.rowCount() > 0
    _read_everything(model)
    sortable = [i for i, c in enumerate(model.columns) if c.sort is not None]
    assert sortable
    for column in sortable:
        _loaded(qtbot, model, lambda c=column: model.sort(c, Qt.SortOrder.DescendingOrder))
    _read_everything(model)
    _loaded(qtbot, model, lambda: model.set_filter(flt))
    _read_everything(model)
    _loaded(qtbot, model, lambda: bus.changed.emit(Changes(contacts=frozenset(model.keys()))))
    _read_everything(model)


def _read_everything(model: QAbstractItemModel) -> None:
    for row in range(model.rowCount()):
        for column in range(1 if isinstance(model, QAbstractListModel) else model.columnCount()):
            index = model.index(row, column)
            for role in (
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.EditRole,
                Qt.ItemDataRole.ToolTipRole,
                Qt.ItemDataRole.TextAlignmentRole,
            ):
                model.data(index, role)


def _contacts(qtbot: QtBot, db: Database, bus: DataBus) -> Iterator[QAbstractItemModel]:
    model = ContactTableModel(db, bus, load=False)
    yield model
    _exercise_keyed(qtbot, model, bus, ContactFilter(search="zhang"))
    assert model.rowCount() == 1
    _loaded(qtbot, model, lambda: model.set_filter(ContactFilter(search="nobody-here")))
    assert model.rowCount() == 0


def _accounts(qtbot: QtBot, db: Database, bus: DataBus) -> Iterator[QAbstractItemModel]:
    model = AccountTableModel(db, bus, load=False)
    yield model
    _exercise_keyed(qtbot, model, bus, AccountFilter(search="acme"))
    assert model.rowCount() == 1


def _keyed_base(qtbot: QtBot, db: Database, bus: DataBus) -> Iterator[QAbstractItemModel]:
    """The base class on its own: no columns, the contacts' keys."""
    model = KeyedTableModel(db, bus, contact_ids, contact_rows, ContactFilter(), load=False)
    yield model
    _loaded(qtbot, model, model.refresh)
    assert (model.rowCount(), model.columnCount()) == (4, 0)
    model.sort(0, Qt.SortOrder.AscendingOrder)  # no column to sort by: ignored
    _loaded(qtbot, model, lambda: model.set_filter(ContactFilter(search="zhang")))
    assert model.rowCount() == 1


def _timeline(qtbot: QtBot, db: Database, bus: DataBus) -> Iterator[QAbstractItemModel]:
    model = TimelineModel(db)
    yield model
    with db.reading() as session:
        contact_id, account_id = session.execute(
            select(Activity.contact_id, Activity.account_id).limit(1)
        ).one()
    model.set_subject(contact_id=contact_id)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == PAGE_SIZE + 10
    _read_everything(model)
    model.refresh()
    model.set_subject(account_id=account_id)
    model.fetchMore(QModelIndex())
    _read_everything(model)
    model.set_subject()
    assert model.rowCount() == 0


def _calendar_range(qtbot: QtBot, db: Database, bus: DataBus) -> Iterator[QAbstractItemModel]:
    """A week with a visit and a task, then the next week (empty), then back."""
    import datetime as dt

    from crmdesk.models.enums import EventKind
    from crmdesk.services.calendar import EventDraft, save_event
    from crmdesk.views.calendar.range_model import CalendarRangeModel

    start = dt.datetime(2026, 3, 4, 2, tzinfo=dt.UTC)
    with db.transaction() as session:
        save_event(session, EventDraft("拜访", kind=EventKind.VISIT, starts_at=start,
                                       ends_at=start + dt.timedelta(hours=1)))
        save_event(session, EventDraft("回访", kind=EventKind.TASK, all_day=True,
                                       start_date=dt.date(2026, 3, 5)))
    model = CalendarRangeModel(db, bus)
    yield model
    for first in (dt.date(2026, 3, 2), dt.date(2026, 3, 9), dt.date(2026, 3, 2)):
        with qtbot.waitSignal(model.range_loaded, timeout=10_000):
            model.set_range(first, first + dt.timedelta(days=7))
        _read_everything(model)
    assert model.rowCount() == 2


def _task_list(qtbot: QtBot, db: Database, bus: DataBus) -> Iterator[QAbstractItemModel]:
    import datetime as dt

    from crmdesk.models.enums import EventKind
    from crmdesk.services.calendar import EventDraft, save_event
    from crmdesk.views.calendar.task_list import TaskListModel

    with db.transaction() as session:
        save_event(session, EventDraft("Send offer", kind=EventKind.TASK, all_day=True,
                                       start_date=dt.date.today()))
    model = TaskListModel(db, bus)
    yield model
    _read_everything(model)
    model.refresh()
    _read_everything(model)


def _stage_column(qtbot: QtBot, db: Database, bus: DataBus) -> Iterator[QAbstractItemModel]:
    """The negotiation column of a small pipeline (a board refresh makes new columns)."""
    from crmdesk.views.pipeline.board_model import BoardModel, StageColumnModel
    from tests.pipeline_data import build_pipeline

    build_pipeline(db)
    board = BoardModel(db, bus)
    board.refresh()
    shown = board.columns[3]
    column = StageColumnModel(db, shown.stage)
    yield column
    column.set_keys([shown.id_at(r).int for r in range(shown.rowCount())], shown.figures)
    _read_everything(column)
    assert column.rowCount() == 1


def _opportunity_table(
    qtbot: QtBot, db: Database, bus: DataBus
) -> Iterator[QAbstractItemModel]:
    from crmdesk.views.pipeline.table import OpportunityTableModel
    from tests.pipeline_data import build_pipeline

    build_pipeline(db)
    model = OpportunityTableModel(db, bus)
    yield model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10_000)
    _read_everything(model)


def _lead_table(qtbot: QtBot, db: Database, bus: DataBus) -> Iterator[QAbstractItemModel]:
    from crmdesk.services import leads
    from crmdesk.services.leads import LeadDraft
    from crmdesk.views.pipeline.leads import LeadTableModel

    with db.transaction() as session:
        for n in range(3):
            leads.save_lead(session, LeadDraft(company=f"Lead {n}", source="Web"))
    model = LeadTableModel(db, bus)
    yield model
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=10_000)
    _read_everything(model)


def _case_table(qtbot: QtBot, db: Database, bus: DataBus) -> Iterator[QAbstractItemModel]:
    from crmdesk.services.cases import CaseFilter
    from crmdesk.views.service.table import CaseTableModel
    from tests.services.case_data import build_worked

    build_worked(db)
    model = CaseTableModel(db, bus, load=False)
    yield model
    _exercise_keyed(qtbot, model, bus, CaseFilter(search="B"))
    assert model.rowCount() == 1


Builder = Callable[[QtBot, Database, DataBus], Iterator[QAbstractItemModel]]
BUILDERS: dict[str, Builder] = {
    "crmdesk.views.contacts.tables.ContactTableModel": _contacts,
    "crmdesk.views.contacts.tables.AccountTableModel": _accounts,
    "crmdesk.views.records.keyed_table_model.KeyedTableModel": _keyed_base,
    "crmdesk.views.contacts.timeline_view.TimelineModel": _timeline,
    "crmdesk.views.calendar.range_model.CalendarRangeModel": _calendar_range,
    "crmdesk.views.calendar.task_list.TaskListModel": _task_list,
    "crmdesk.views.pipeline.board_model.StageColumnModel": _stage_column,
    "crmdesk.views.pipeline.table.OpportunityTableModel": _opportunity_table,
    "crmdesk.views.pipeline.leads.LeadTableModel": _lead_table,
    "crmdesk.views.service.table.CaseTableModel": _case_table,
}


def test_every_view_model_has_a_builder() -> None:
    assert sorted(view_models()) == sorted(BUILDERS)


@pytest.mark.parametrize("force_py", [False, True], ids=["qt-tester", "py-tester"])
@pytest.mark.parametrize("name", sorted(view_models()))
def test_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, small_db: Database, name: str, force_py: bool
) -> None:
    """The tester checks the model when built and after every change the builder makes."""
    bus = DataBus()
    steps = BUILDERS[name](qtbot, small_db, bus)
    model = next(steps)
    qtmodeltester.check(model, force_py=force_py)
    for _ in steps:
        pass
    qtmodeltester.check(model, force_py=force_py)
    QThreadPool.globalInstance().waitForDone(5000)
