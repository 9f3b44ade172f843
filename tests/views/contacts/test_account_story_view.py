"""The account form's story tabs on real widgets: what each list shows, revenue in the header,
double-clicks (a contact opens in the pane, an order shows its details), refresh on the bus,
and the words in Chinese."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow

from crmdesk.models import CalendarEvent, Order, ServiceCase
from crmdesk.models.enums import CaseStatus, EventKind, OrderStatus
from crmdesk.services.accounts import AccountDraft, save_account
from crmdesk.services.changes import Changes
from crmdesk.services.contacts import get_contact, save_contact
from crmdesk.views.contacts.account_form import AccountForm
from crmdesk.views.contacts.pane import CONTACTS, ContactsPane
from crmdesk.views.contacts.record_details import (
    DetailsDialog,
    activity_kind_text,
    money_text,
)
from crmdesk.views.shell.bus import DataBus
from tests.views.contacts.test_activity_dialog import double_click
from tests.views.contacts.test_pane import click_row

WAIT = 10_000
TODAY = dt.date.today()


@pytest.fixture
def stack(qtbot):
    undo_stack = QUndoStack()
    yield undo_stack
    undo_stack.clear()


@pytest.fixture
def acme(db, people):
    """星辰科技: 张三 and John Smith, two orders (one cancelled), an open case, a visit."""
    with db.transaction() as session:
        account_id, _ = save_account(session, AccountDraft(name="北京星辰科技有限公司"))
        for name in ("张三", "John Smith"):
            draft = get_contact(session, people[name]).draft
            draft.account_id = account_id
            save_contact(session, draft)
        session.add_all(
            [
                Order(number="SO-1", ordered_on=TODAY - dt.timedelta(days=30),
                      amount=Decimal("1234.50"), account_id=account_id),
                Order(number="SO-2", ordered_on=TODAY - dt.timedelta(days=3),
                      amount=Decimal("99"), account_id=account_id,
                      status=OrderStatus.CANCELLED),
                ServiceCase(subject="打印机卡纸", number="SC-7", account_id=account_id,
                            status=CaseStatus.NEW, opened_at=dt.datetime.now(dt.UTC)),
                CalendarEvent(title="回访", kind=EventKind.VISIT, account_id=account_id,
                              starts_at=dt.datetime.now(dt.UTC) + dt.timedelta(days=2)),
            ]
        )  # fmt: skip
    return account_id


@pytest.fixture
def form(qtbot, db, acme, stack):
    widget = AccountForm(db, DataBus(), stack)
    qtbot.addWidget(widget)
    widget.resize(600, 560)
    widget.show()
    qtbot.waitExposed(widget)
    widget.load(acme)
    return widget


def test_the_story_tabs_list_what_the_account_has(form):
    tabs = [form.tabs.tabText(i) for i in range(form.tabs.count())]
    assert tabs == ["Details", "Contacts (2)", "Sales", "Cases and events (2)"]
    story = form.story
    assert story.contacts.texts(0) == ["John Smith", "张三"]
    assert story.orders.texts(0) == ["SO-2", "SO-1"]  # the latest first
    assert story.orders.texts(3) == ["Cancelled", "Paid"]
    assert story.cases.texts(1) == ["打印机卡纸"]
    assert story.events.texts(1) == ["回访"]
    expected = money_text(Decimal("1234.50"), "CNY")
    assert form.revenue_label.text() == (
        f"Revenue: {expected} in the last 12 months, {expected} in all"
    )
    assert story.opportunities.topLevelItemCount() == 0  # and it says so on screen


def test_a_new_order_on_the_bus_refreshes_the_revenue(qtbot, db, form, acme):
    with db.transaction() as session:
        order = Order(number="SO-3", ordered_on=TODAY, amount=Decimal("0.50"), account_id=acme)
        session.add(order)
        session.flush()
        order_id = order.id
    form._bus.publish(Changes(orders=frozenset({order_id})))
    total = money_text(Decimal("1235.00"), "CNY")
    assert form.revenue_label.text().endswith(f"{total} in all")
    assert form.story.orders.texts(0)[0] == "SO-3"


def test_double_clicking_an_order_shows_its_details(qtbot, form):
    form.tabs.setCurrentWidget(form.story.sales)
    orders = form.story.orders
    qtbot.waitExposed(orders)
    double_click(qtbot, orders.viewport(), orders.row_center(1))
    qtbot.waitUntil(lambda: isinstance(form.story.dialog, DetailsDialog), timeout=WAIT)
    values = form.story.dialog.values()
    assert values["Status"] == "Paid"
    assert values["Amount"] == money_text(Decimal("1234.50"), "CNY")
    form.story.dialog.reject()


def test_double_clicking_a_contact_opens_it_in_the_pane(qtbot, db, people, acme, stack):
    window = QMainWindow()
    qtbot.addWidget(window)
    pane = ContactsPane(db, DataBus(window), stack, window)
    window.setCentralWidget(pane)
    window.resize(1366, 740)
    with qtbot.waitSignals([pane.model.keys_loaded, pane.facets_loaded], timeout=WAIT):
        window.show()
    pane.show_accounts()
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1, timeout=WAIT)
    click_row(qtbot, pane, 0)
    qtbot.waitUntil(lambda: pane.form is not None and pane.form.record_id == acme, timeout=WAIT)
    form = pane.form
    form.tabs.setCurrentWidget(form.story.contacts)
    contacts = form.story.contacts
    qtbot.waitExposed(contacts)
    row = contacts.texts(0).index("张三")
    double_click(qtbot, contacts.viewport(), contacts.row_center(row))
    qtbot.waitUntil(lambda: pane.kind == CONTACTS and pane.current_id() == people["张三"],
                    timeout=WAIT)  # fmt: skip
    assert pane.form.record_id == people["张三"]
    assert pane.timeline.contact_id == people["张三"]
    QThreadPool.globalInstance().waitForDone(5000)
    QCoreApplication.processEvents()


def test_an_e_mail_activity_is_youjian_and_the_tabs_read_chinese(chinese, form):
    assert activity_kind_text("email") == "邮件"
    assert activity_kind_text("call") == "电话"
    form.load(form.record_id)
    tabs = [form.tabs.tabText(i) for i in range(form.tabs.count())]
    assert tabs == ["详细信息", "联系人 (2)", "销售", "服务与日程 (2)"]
    assert form.story.orders.texts(3) == ["已取消", "已付款"]


def test_a_new_account_shows_its_fields_whatever_tab_was_open(form):
    form.tabs.setCurrentWidget(form.story.sales)
    form.load(None)
    assert form.tabs.currentIndex() == 0
    assert not form.tabs.isTabEnabled(2)
    assert form.revenue_label.isHidden()


def test_a_refused_save_brings_the_fields_back_into_view(qtbot, form):
    form.name.setText("")
    form.tabs.setCurrentWidget(form.story.sales)
    assert not form.save()
    assert form.tabs.currentIndex() == 0
    assert form.errors.target("name")[1].isVisible()
