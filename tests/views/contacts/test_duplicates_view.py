"""The duplicates review: scan off the GUI thread, records side by side, merge, undo, history."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QThreadPool
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from crmdesk.interop.records import EmailRecord, PhoneRecord
from crmdesk.models import Activity
from crmdesk.models.enums import ActivityKind, Channel, PhoneKind
from crmdesk.services.contacts import (
    ContactDraft,
    ContactFilter,
    contact_ids,
    get_contact,
    save_contact,
)
from crmdesk.services.timeline import timeline
from crmdesk.views.contacts.duplicates_view import DuplicatesDialog
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.history_view import HistoryDialog

WAIT = 10_000


@pytest.fixture
def twins(db):
    """张三 and 'Zhang San' sharing a phone (different titles), plus an unrelated contact."""
    with db.transaction() as s:
        han, _ = save_contact(
            s,
            ContactDraft(
                family_name="张",
                given_name="三",
                title="销售经理",
                phones=[PhoneRecord("+86 138 0013 8000")],
            ),
        )
        latin, _ = save_contact(
            s,
            ContactDraft(
                family_name="Zhang",
                given_name="San",
                title="Sales Director",
                phones=[PhoneRecord("138 0013 8000")],
                emails=[EmailRecord("san.zhang@example.com")],
            ),
        )
        other, _ = save_contact(s, ContactDraft(family_name="Smith", given_name="John"))
        s.add(
            Activity(
                kind=ActivityKind.CALL,
                occurred_at=dt.datetime(2026, 11, 2, 9, 30, tzinfo=dt.UTC),
                subject="Called about the quote",
                contact_id=latin,
            )
        )
    return han, latin, other


@pytest.fixture
def parts(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    stack = QUndoStack(host)
    bus = DataBus(host)
    yield host, stack, bus
    QThreadPool.globalInstance().waitForDone(5000)
    QCoreApplication.processEvents()


def open_review(qtbot, db, parts) -> DuplicatesDialog:
    host, stack, bus = parts
    dialog = DuplicatesDialog(db, bus, stack, host)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.scan_finished, timeout=WAIT):
        dialog.show()
    return dialog


def click_cell(qtbot, table, row, column):
    rect = table.visualRect(table.model().index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def live_ids(db):
    with db.reading() as s:
        return set(contact_ids(s, ContactFilter()))


def test_the_scan_finds_the_pair_and_says_why(qtbot, db, twins, parts):
    han, latin, _ = twins
    dialog = open_review(qtbot, db, parts)
    assert len(dialog.groups) == 1
    assert set(dialog.groups[0].ids) == {han, latin}
    text = dialog.group_list.item(0).text()
    assert "张三" in text and "Zhang" in text and "same phone" in text
    table = dialog.comparison
    assert table.columnCount() == 2
    assert {table.horizontalHeaderItem(c).text() for c in range(2)} == {"张三", "San Zhang"}
    assert "1 group" in dialog.status.text()


def test_merge_keeps_the_clicked_values_moves_activities_and_undo_splits_it_again(
    qtbot, db, twins, parts
):
    han, latin, other = twins
    _host, stack, bus = parts
    dialog = open_review(qtbot, db, parts)
    table = dialog.comparison
    columns = {table.details[c].draft.id: c for c in range(2)}
    # keep 张三's record, but the Latin record's title
    click_cell(qtbot, table, table.SURVIVOR_ROW, columns[han])
    click_cell(qtbot, table, table.row_of("title"), columns[latin])
    with qtbot.waitSignal(bus.changed, timeout=WAIT):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)

    assert live_ids(db) == {han, other}
    with db.reading() as s:
        survivor = get_contact(s, han)
        assert survivor.draft.title == "Sales Director"
        assert survivor.draft.family_name == "张"
        assert "san.zhang@example.com" in [e.address for e in survivor.draft.emails]
        assert [i.subject for i in timeline(s, contact_id=han)] == ["Called about the quote"]
    assert dialog.groups == [] and dialog.group_list.count() == 0
    assert "Merged into 张三" in dialog.status.text()

    stack.undo()
    assert live_ids(db) == {han, latin, other}
    with db.reading() as s:
        assert get_contact(s, han).draft.title == "销售经理"
        assert [i.subject for i in timeline(s, contact_id=latin)] == ["Called about the quote"]


def test_not_duplicates_sets_the_group_aside(qtbot, db, twins, parts):
    dialog = open_review(qtbot, db, parts)
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    assert dialog.group_list.count() == 0
    assert not dialog.merge_button.isEnabled()
    assert len(live_ids(db)) == 3


def test_the_history_unmerges_a_merge_and_undoes_an_edit(qtbot, db, twins, parts):
    han, latin, other = twins
    host, _stack, bus = parts
    dialog = open_review(qtbot, db, parts)
    with qtbot.waitSignal(bus.changed, timeout=WAIT):
        dialog.merge_current()
    with db.transaction() as s:
        draft = get_contact(s, other).draft
        draft.title = "CFO"
        save_contact(s, draft)

    history = HistoryDialog(db, bus, host)
    qtbot.addWidget(history)
    with qtbot.waitSignal(history.loaded, timeout=WAIT):
        history.show()
    descriptions = [b.description for b in history.batches]
    assert "CFO" not in descriptions[0] and "John Smith" in descriptions[0]
    shown = [history.table.item(r, 2).text() for r in range(history.table.rowCount())]
    assert shown == descriptions  # the window's English words are the service's
    merge_row = next(i for i, b in enumerate(history.batches) if b.is_merge)
    history.table.selectRow(merge_row)
    assert history.unmerge_button.isEnabled() and not history.undo_button.isEnabled()
    with qtbot.waitSignal(history.loaded, timeout=WAIT):
        qtbot.mouseClick(history.unmerge_button, Qt.MouseButton.LeftButton)
    assert live_ids(db) == {han, latin, other}

    edit_row = next(i for i, b in enumerate(history.batches) if "John Smith" in b.description)
    history.table.selectRow(edit_row)
    with qtbot.waitSignal(history.loaded, timeout=WAIT):
        qtbot.mouseClick(history.undo_button, Qt.MouseButton.LeftButton)
    with db.reading() as s:
        assert get_contact(s, other).draft.title == ""
    assert "Undone" in history.status.text()


@pytest.fixture
def four_pairs(db):
    """Four pairs of the same person (a shared mobile each, the name in both scripts)."""
    people = [
        ("刘", "海晖", "Liu", "Haihui", "139 6022 8111"),
        ("李", "林", "Li", "Lin", "139 6022 8222"),
        ("王", "芳", "Wang", "Fang", "139 6022 8333"),
        ("陈", "静", "Chen", "Jing", "139 6022 8444"),
    ]
    pairs = []
    with db.transaction() as s:
        for han_family, han_given, family, given, phone in people:
            han, _ = save_contact(
                s,
                ContactDraft(
                    family_name=han_family,
                    given_name=han_given,
                    preferred_channel=Channel.WECHAT,
                    phones=[PhoneRecord(phone, PhoneKind.MOBILE)],
                ),
            )
            latin, _ = save_contact(
                s,
                ContactDraft(
                    family_name=family,
                    given_name=given,
                    preferred_channel=Channel.MOBILE,
                    phones=[PhoneRecord("+86 " + phone, PhoneKind.MOBILE)],
                ),
            )
            pairs.append({han, latin})
    return pairs


def shown_ids(dialog: DuplicatesDialog) -> set:
    return {d.draft.id for d in dialog.comparison.details}


def selected_ids(dialog: DuplicatesDialog) -> set:
    item = dialog.group_list.currentItem()
    assert item is not None and item.isSelected()
    return set(dialog.groups[dialog.group_list.currentRow()].ids)


def test_merging_group_after_group_joins_exactly_the_records_on_screen(
    qtbot, db, four_pairs, parts
):
    """After a merge the comparison showed a group other than the highlighted one, and the
    next Merge joined the shown records and removed the highlighted row."""
    dialog = open_review(qtbot, db, parts)
    assert len(dialog.groups) == 4
    remaining = [set(p) for p in four_pairs]
    for _ in range(4):
        on_screen = shown_ids(dialog)
        assert on_screen == selected_ids(dialog)
        assert on_screen in remaining
        with qtbot.waitSignal(dialog.merged, timeout=WAIT) as merged:
            qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
        result = merged.args[0]
        assert {result.survivor_id, *result.loser_ids} == on_screen
        remaining.remove(on_screen)
        assert sorted(map(sorted, (set(g.ids) for g in dialog.groups))) == sorted(
            map(sorted, remaining)
        )  # the merged group went, no other
        assert dialog.group_list.count() == len(remaining)
        if remaining:  # the next group is selected and shown
            assert shown_ids(dialog) == selected_ids(dialog)
            assert dialog.merge_button.isEnabled()
    assert not dialog.merge_button.isEnabled() and dialog.comparison.details == []
    alive = live_ids(db)
    assert all(len(p & alive) == 1 for p in four_pairs)


def test_not_duplicates_shows_the_group_selected_next(qtbot, db, four_pairs, parts):
    dialog = open_review(qtbot, db, parts)
    first = shown_ids(dialog)
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    assert first not in [set(g.ids) for g in dialog.groups]
    assert shown_ids(dialog) == selected_ids(dialog)
    dialog.group_list.setCurrentRow(2)
    assert shown_ids(dialog) == selected_ids(dialog) == set(dialog.groups[2].ids)
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)  # the last row
    assert shown_ids(dialog) == selected_ids(dialog) == set(dialog.groups[1].ids)


@pytest.fixture
def chinese(qapp):
    from PySide6.QtCore import QTranslator

    from crmdesk.app import TRANSLATIONS

    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "crmdesk_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def comparison_texts(table) -> dict[str, list[str]]:
    return {
        table.verticalHeaderItem(r).text(): [
            table.item(r, c).text() for c in range(table.columnCount())
        ]
        for r in range(table.rowCount())
    }


def test_the_comparison_shows_words_not_stored_values(qtbot, db, four_pairs, parts):
    """The preferred channel read "wechat / mobile"; phones show their kind as the form does."""
    dialog = open_review(qtbot, db, parts)
    rows = comparison_texts(dialog.comparison)
    assert sorted(rows["Preferred channel"]) == ["Mobile", "WeChat"]
    assert all(p.endswith("(Mobile)") for p in rows["Phones (all kept)"])


def test_the_comparison_reads_chinese(qtbot, db, four_pairs, parts, chinese):
    dialog = open_review(qtbot, db, parts)
    rows = comparison_texts(dialog.comparison)
    assert sorted(rows["首选联系方式"]) == sorted(["微信", "手机"])
    raw = {c.value for c in Channel}
    assert not [t for texts in rows.values() for t in texts if t.lower() in raw]
    assert all(p.endswith("（手机）") for p in rows[next(h for h in rows if h.startswith("电话"))])


def test_the_group_list_says_why_in_chinese(qtbot, db, four_pairs, parts, chinese):
    """The reasons were joined with an English comma: "电话相同, 姓名相同"."""
    dialog = open_review(qtbot, db, parts)
    assert dialog.group_list.item(0).text().endswith("\n电话相同，姓名相同")
