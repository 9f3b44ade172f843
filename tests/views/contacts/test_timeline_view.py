"""The timeline list: newest first, pages of 50 fetched as the feed is read, bus refreshes."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt

from crmdesk.models import Activity, CalendarEvent
from crmdesk.models.enums import ActivityKind, EventKind, EventStatus
from crmdesk.services.accounts import AccountDraft, save_account
from crmdesk.services.changes import Changes
from crmdesk.services.timeline import TimelineItem
from crmdesk.views.contacts.timeline_view import (
    DateTextRole,
    DetailRole,
    IdRole,
    ItemRole,
    TimelineView,
    local_text,
)
from crmdesk.views.shell.bus import DataBus

START = dt.datetime(2024, 3, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def bus(qtbot):
    return DataBus()


@pytest.fixture
def history(db, people):
    """120 calls with 张三, an hour apart (the newest is call 119), and one all-day visit."""
    zhang = people["张三"]
    with db.transaction() as session:
        for i in range(120):
            session.add(
                Activity(
                    kind=ActivityKind.CALL,
                    occurred_at=START + dt.timedelta(hours=i),
                    subject=f"call {i}",
                    body=f"talked about order {i}\nsecond line",
                    outcome="reached",
                    contact_id=zhang,
                )
            )
        session.add(
            CalendarEvent(
                title="site visit",
                kind=EventKind.VISIT,
                status=EventStatus.DONE,
                all_day=True,
                start_date=dt.date(2024, 2, 20),
                contact_id=zhang,
            )
        )
        # Someone else's call never shows in 张三's timeline.
        session.add(
            Activity(kind=ActivityKind.CALL, occurred_at=START, contact_id=people["John Smith"])
        )
    return zhang


@pytest.fixture
def view(qtbot, db, bus):
    widget = TimelineView(db, bus)
    qtbot.addWidget(widget)
    widget.resize(500, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def subjects(model):
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_items_newest_first_in_pages_of_50(qtmodeltester, view, history):
    model = view.model
    view.show_for(contact_id=history)
    assert model.rowCount() == 50
    assert subjects(model)[:3] == ["call 119", "call 118", "call 117"]
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 100
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 121
    assert not model.canFetchMore(QModelIndex())
    assert subjects(model)[-2:] == ["call 0", "site visit"]
    whens = [model.index(r, 0).data(ItemRole).when for r in range(model.rowCount())]
    assert whens == sorted(whens, reverse=True)
    qtmodeltester.check(model)


def test_the_model_passes_the_model_tester_while_fetching(qtmodeltester, view, history):
    view.show_for(contact_id=history)
    qtmodeltester.check(view.model)
    view.model.fetchMore(QModelIndex())
    view.model.refresh()
    qtmodeltester.check(view.model)


def test_what_each_row_says(view, history):
    view.show_for(contact_id=history)
    view.model.fetchMore(QModelIndex())
    view.model.fetchMore(QModelIndex())
    top = view.model.index(0, 0)
    item = top.data(ItemRole)
    assert isinstance(item, TimelineItem)
    assert top.data(IdRole) == item.id
    assert top.data(DetailRole) == "Call · reached — talked about order 119"
    assert top.data(DateTextRole) == local_text(item)
    assert "second line" in top.data(Qt.ItemDataRole.ToolTipRole)
    visit = view.model.index(view.model.rowCount() - 1, 0)
    assert visit.data(DetailRole) == "Visit · Done"
    # An all-day event shows its date only, in the user's locale.
    assert visit.data(DateTextRole) == QLocale().toString(
        QLocale().toDate("2024-02-20", "yyyy-MM-dd"), QLocale.FormatType.ShortFormat
    )


def test_scrolling_to_the_end_fetches_the_next_page(qtbot, view, history):
    view.show_for(contact_id=history)
    with qtbot.waitSignal(view.model.rowsInserted):
        view.list.scrollToBottom()
    assert view.model.rowCount() == 100


def test_an_account_timeline_and_the_empty_state(db, view, people):
    view.show_for()
    assert view.model.rowCount() == 0
    assert view.placeholder.isVisible()
    assert "Choose a contact" in view.placeholder.text()
    view.show_for(contact_id=people["欧阳娜娜"])
    assert view.placeholder.isVisible()
    assert "this contact" in view.placeholder.text()
    assert not view.model.canFetchMore(QModelIndex())
    with db.transaction() as session:
        account_id, _ = save_account(session, AccountDraft(name="星辰科技"))
    view.show_for(account_id=account_id)
    assert "this account" in view.placeholder.text()
    with db.transaction() as session:
        session.add(
            Activity(
                kind=ActivityKind.MEETING,
                occurred_at=START,
                subject="季度回顾",
                account_id=account_id,
            )
        )
    view.show_for(account_id=account_id)
    assert subjects(view.model) == ["季度回顾"]
    assert view.list.isVisible()
    assert not view.placeholder.isVisible()


def test_a_new_activity_published_on_the_bus_appears_on_top(qtbot, db, bus, view, history):
    view.show_for(contact_id=history)
    view.model.fetchMore(QModelIndex())
    with db.transaction() as session:
        activity = Activity(
            kind=ActivityKind.VISIT,
            occurred_at=START + dt.timedelta(days=30),
            subject="contract signed",
            contact_id=history,
        )
        session.add(activity)
        session.flush()
        new_id = activity.id
    with qtbot.waitSignal(view.model.modelReset):
        bus.publish(Changes(activities=frozenset({new_id})))
    assert view.model.index(0, 0).data() == "contract signed"
    assert view.model.rowCount() == 100  # what was loaded stays loaded


def test_changes_elsewhere_do_not_refresh(qtbot, bus, view, history, people):
    view.show_for(contact_id=history)
    with qtbot.assertNotEmitted(view.model.modelReset):
        bus.publish(Changes(contacts=frozenset({people["John Smith"]})))


def test_orders_and_opportunities_are_in_an_accounts_timeline(qtbot, db, bus, view):
    from decimal import Decimal

    from crmdesk.models import Opportunity, Order, PipelineStage
    from crmdesk.models.enums import OrderStatus
    from crmdesk.views.contacts.record_details import DetailsDialog, money_text

    with db.transaction() as session:
        account_id, _ = save_account(session, AccountDraft(name="星辰科技"))
        stage = PipelineStage(name="Won", is_won=True)
        session.add(stage)
        session.flush()
        session.add_all(
            [
                Order(number="SO-1", ordered_on=dt.date(2024, 3, 5), amount=Decimal("1234.50"),
                      status=OrderStatus.SHIPPED, account_id=account_id),
                Opportunity(name="扫码枪项目", stage_id=stage.id, amount=Decimal("8000"),
                            closed_on=dt.date(2024, 3, 1), account_id=account_id),
            ]
        )  # fmt: skip
    view.show_for(account_id=account_id)
    model = view.model
    assert subjects(model) == ["Order SO-1", "扫码枪项目"]
    order, opportunity = model.index(0, 0), model.index(1, 0)
    assert order.data(DetailRole) == f"Order · Shipped · {money_text(Decimal('1234.50'), 'CNY')}"
    assert opportunity.data(DetailRole) == f"Opportunity · Won · {money_text(Decimal(8000), 'CNY')}"
    assert order.data(DateTextRole) == QLocale().toString(
        QLocale().toDate("2024-03-05", "yyyy-MM-dd"), QLocale.FormatType.ShortFormat
    )
    view.open_item(order.data(ItemRole))
    assert isinstance(view.dialog, DetailsDialog)
    assert view.dialog.values()["Status"] == "Shipped"
    view.dialog.reject()
    with qtbot.waitSignal(model.modelReset):
        bus.publish(Changes(orders=frozenset({order.data(IdRole)})))


def test_a_case_asks_for_the_service_pane_on_enter_and_leaves_after_a_delete(
    qtbot, db, bus, view, people
):
    from crmdesk.services import cases
    from crmdesk.services.cases import CaseDraft

    zhang = people["张三"]
    with db.transaction() as session:
        case_id = cases.save_case(session, CaseDraft(subject="扫码枪不工作", contact_id=zhang))
    view.show_for(contact_id=zhang)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    index = view.model.index(0, 0)
    assert index.data(ItemRole).source == "case"
    view.list.setCurrentIndex(index)
    view.list.setFocus()
    with qtbot.waitSignal(view.case_requested) as asked:
        qtbot.keyClick(view.list, Qt.Key.Key_Return)
    assert asked.args == [case_id]
    assert view.dialog is None  # no details window: the case opens where it is worked on
    with db.transaction() as session:
        changed = cases.delete_cases(session, [case_id])
    with qtbot.waitSignal(view.model.modelReset):
        bus.publish(changed)
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
