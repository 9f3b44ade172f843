"""The Today page, driven as a person would: lines, opening them, refreshing on changes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings

from crmdesk.models import Account
from crmdesk.services.changes import Changes
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.today.page import TodayPage
from tests.insights_data import AS_OF
from tests.services.test_today import ZONE, _morning

WAIT = 10_000


def _page(qtbot, db, tmp_path) -> TodayPage:
    settings = QSettings(str(tmp_path / "t.ini"), QSettings.Format.IniFormat)
    settings.setValue("today/owner", "Li")
    page = TodayPage(db, DataBus(), settings=settings, today=AS_OF, zone=ZONE)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.page is not None, timeout=WAIT)
    return page


def test_sections_show_their_lines_and_open_records(qtbot, db, tmp_path) -> None:
    ids = _morning(db)
    page = _page(qtbot, db, tmp_path)
    assert page.owner == "Li"
    (task,) = page.lines("tasks")
    assert "Send the quote" in task and "from Wang" in task and "[WeChat]" in task
    assert any("lunar birthday" in line for line in page.lines("birthdays"))
    (deal,) = page.lines("deals")  # the amount before the customer, grouped, with its symbol
    assert deal.index("5,000") < deal.index("Acme") and "¥5,000" in deal, deal
    assert "Quiet Co" in page.lines("churn")[0] and "25 day(s) silent" in page.lines("churn")[0]
    assert page.targets_summary.text().startswith("Score 0 %")
    with qtbot.waitSignal(page.open_requested) as opened:
        page.lists["churn"].itemActivated.emit(page.lists["churn"].item(0))
    assert opened.args[:2] == ["account", ids["Quiet Co"]]
    assert (
        page.lines("overdue_tasks")[0].endswith("Acme   [WeChat]")
        or "Chase payment" in (page.lines("overdue_tasks")[0])
    )


def test_the_page_reads_again_when_the_data_changes(qtbot, db, tmp_path) -> None:
    _morning(db)
    page = _page(qtbot, db, tmp_path)
    with db.transaction() as session:
        session.add(Account(name="Later Co", sort_key="later", owner="Li"))
    page.page = None
    page.bus.publish(Changes(accounts=[page.record_at("churn", 0)[1]]))  # type: ignore[index]
    qtbot.waitUntil(lambda: page.page is not None, timeout=WAIT)
    assert page.page.day == AS_OF
    assert isinstance(page.page.day, dt.date)


def test_a_long_line_wraps_in_a_narrow_column_and_keeps_its_channel(qtbot, db, tmp_path) -> None:
    _morning(db)
    page = _page(qtbot, db, tmp_path)
    page.resize(520, 700)  # two columns of about 230 pixels: "Send the quote … [WeChat]" is longer
    page.show()
    qtbot.waitExposed(page)
    lst = page.lists["tasks"]
    (text,) = page.lines("tasks")
    assert lst.fontMetrics().horizontalAdvance(text) > lst.viewport().width()
    rect = lst.visualItemRect(lst.item(0))
    assert rect.right() <= lst.viewport().width()  # nothing beyond the visible width
    assert rect.height() > lst.fontMetrics().height() * 1.5  # the rest on a second line
    assert not lst.horizontalScrollBar().isVisible()


def test_targets_read_as_counts_and_grouped_amounts(qtbot, db, tmp_path) -> None:
    from decimal import Decimal

    from crmdesk.services import targets
    from crmdesk.services.targets import TargetDraft

    _morning(db)
    with db.transaction() as session:
        targets.set_targets(session, [TargetDraft("Li", "2026-06", "revenue_won",
                                                  Decimal("85000"), Decimal(1))])  # fmt: skip
    page = _page(qtbot, db, tmp_path)
    lines = page.lines("targets")
    assert any(line.endswith("Revenue won: 0 / 85,000  (0 %)") for line in lines), lines
    assert any(line.endswith("Visits made: 0 / 1  (0 %)") for line in lines), lines


def test_a_page_left_open_overnight_turns_to_the_new_day(qtbot, db, tmp_path) -> None:
    _morning(db)
    page = _page(qtbot, db, tmp_path)
    assert page._day_timer.isActive() and not page.check_day()  # the same day: nothing read
    page._fixed_day = AS_OF + dt.timedelta(days=1)  # what the clock says after midnight
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        assert page.check_day()
    assert page.page is not None and page.page.day == AS_OF + dt.timedelta(days=1)
    assert "1 July 2026" in page.heading.text()


def test_a_full_section_says_there_are_more(qtbot, db, tmp_path) -> None:
    from crmdesk.models import CalendarEvent
    from crmdesk.models.enums import EventKind
    from crmdesk.services import today as service
    from crmdesk.services.calendar import fill_missing_spans

    _morning(db)
    with db.transaction() as session:
        at = dt.datetime(2026, 5, 1, 1, tzinfo=dt.UTC)
        session.add_all([CalendarEvent(title=f"Old {k}", kind=EventKind.TASK, owner="Li",
                                       starts_at=at + dt.timedelta(hours=k),
                                       ends_at=at + dt.timedelta(hours=k, minutes=5),
                                       time_zone="Asia/Shanghai")
                         for k in range(service.LIMIT)])  # with Chase payment: 51 overdue
        session.flush()
        fill_missing_spans(session)
    page = _page(qtbot, db, tmp_path)
    assert len(page.lines("overdue_tasks")) == service.LIMIT
    assert page.boxes["overdue_tasks"].title() == f"Overdue tasks ({service.LIMIT}+)"
    assert page.boxes["tasks"].title() == "Tasks for me (1)"  # all of them shown: no +


def test_a_vip_complaint_is_starred_and_tinted_and_a_teams_case_named(
    qtbot, db, tmp_path
) -> None:
    from PySide6.QtCore import Qt

    from crmdesk.views.service.table import VIP_COMPLAINT_TINT
    from tests.services.test_today import TEAM, _cases

    _cases(db, TEAM)
    page = _page(qtbot, db, tmp_path)
    lines = page.lines("overdue_cases")
    starred = [line for line in lines if line.startswith("★ VIP")]
    assert len(starred) == 2 and "V-1 Pump" in starred[0] and "T-1 Pump" in starred[1], lines
    assert starred[1].endswith("T-1 Pump  ·  Wang Fang's case"), starred
    (zhao,) = [line for line in lines if "T-3" in line]
    assert zhao.endswith("Zhao Lei's case") and "★" not in zhao
    lst = page.lists["overdue_cases"]
    tints = {lst.item(i).text(): lst.item(i).background() for i in range(lst.count())}
    assert all(tints[line].color() == VIP_COMPLAINT_TINT for line in starred)
    assert tints[zhao].style() == Qt.BrushStyle.NoBrush


def test_a_wrapped_line_of_chinese_and_latin_shows_its_second_line(qtbot, db, tmp_path) -> None:
    """A first line with Chinese in it is taller than a Latin one: the row leaves room for
    both, so Qt does not elide the line to one ("孙丽's …") and lose its channel."""
    from PySide6.QtCore import QRect

    from tests.services.test_today import TEAM, _cases

    _cases(db, TEAM)
    page = _page(qtbot, db, tmp_path)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    lst = page.lists["overdue_cases"]
    width, metrics = lst.viewport().width(), lst.fontMetrics()
    text = "25 02 2026  ·  CS2026-00016 平板电脑屏幕损坏  ·  "
    while metrics.horizontalAdvance(text + "孙丽's case") < width - 30:
        text += "武汉"
    text += "孙丽's case"  # the first line full, with Chinese in it; only the channel on line two
    lst.item(0).setText(text + "   [WeChat]")
    qtbot.wait(50)
    rect = lst.visualItemRect(lst.item(0))
    image = lst.viewport().grab(QRect(0, rect.top(), width, rect.height())).toImage()
    background = image.pixelColor(width - 2, rect.height() - 2)
    # "[WeChat]" is drawn at the start of the row's lower third
    lower = [image.pixelColor(x, y) for x in range(4, 60)
             for y in range(rect.height() * 2 // 3, rect.height())]  # fmt: skip
    assert any(colour != background for colour in lower)


def test_a_saved_monthly_target_reads_the_page_again(qtbot, db, tmp_path) -> None:
    """The targets section follows the Monthly targets dialog and the CLI without a restart."""
    import uuid

    _morning(db)
    page = _page(qtbot, db, tmp_path)
    page.page = None
    page.bus.publish(Changes(targets=[uuid.uuid4()]))
    qtbot.waitUntil(lambda: page.page is not None, timeout=WAIT)
