"""An event about several contacts: saved, shown in each one's timeline, undone, exported as
ATTENDEEs and linked back by e-mail on import, merged, and listed by the CLI."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import icalendar
import pytest

from crmdesk.interop.ics import read_calendar, write_calendar
from crmdesk.interop.records import EmailRecord
from crmdesk.models.enums import EventKind
from crmdesk.services.accounts import AccountDraft, save_account
from crmdesk.services.calendar import EventDraft, contacts_of_events, draft_of, save_event
from crmdesk.services.calendar_export import events_for_export
from crmdesk.services.calendar_import import import_calendar
from crmdesk.services.contacts import ContactDraft, save_contact
from crmdesk.services.history import revert_batch
from crmdesk.services.merge import merge_contacts
from crmdesk.services.timeline import timeline

START = dt.datetime(2026, 3, 4, 2, tzinfo=dt.UTC)


@pytest.fixture
def account(db):
    """华信贸易 and three of its people: 周敏 and 王磊 with e-mails, 李娜 without."""
    with db.transaction() as session:
        account_id, _ = save_account(session, AccountDraft(name="华信贸易"))
        people = {}
        for family, given, email in (("周", "敏", "zhou.min@huaxin.cn"),
                                     ("王", "磊", "wang.lei@huaxin.cn"), ("李", "娜", "")):
            emails = [EmailRecord(email)] if email else []
            people[family + given], _ = save_contact(session, ContactDraft(
                family_name=family, given_name=given, account_id=account_id, emails=emails))
    return account_id, people  # fmt: skip


def visit(account_id, *contacts, **more) -> EventDraft:
    return EventDraft(title="拜访华信", kind=EventKind.VISIT, starts_at=START,
                      ends_at=START + dt.timedelta(hours=1), time_zone="Asia/Shanghai",
                      account_id=account_id, contact_ids=list(contacts), **more)  # fmt: skip


def save(db, draft):
    with db.transaction() as session:
        event_id, _ = save_event(session, draft)
        return event_id


def in_timeline(db, contact_id, event_id) -> bool:
    with db.reading() as session:
        return event_id in {i.id for i in timeline(session, contact_id=contact_id)}


def test_an_event_links_several_contacts_and_each_timeline_shows_it(db, account):
    account_id, people = account
    event_id = save(db, visit(account_id, people["王磊"], people["周敏"]))
    for name in ("周敏", "王磊"):
        assert in_timeline(db, people[name], event_id), name
    assert not in_timeline(db, people["李娜"], event_id)
    with db.reading() as session:
        draft = draft_of(session, event_id)
        linked = contacts_of_events(session, [event_id])[event_id]
    assert draft.contact_id == people["王磊"]  # filed under the first given
    assert set(draft.contact_ids) == {people["王磊"], people["周敏"]}
    assert [c.name for c in linked] == ["王磊", "周敏"]  # the one filed under first

    draft.contact_ids = [people["周敏"]]
    draft.contact_id = None
    save(db, draft)
    assert not in_timeline(db, people["王磊"], event_id)
    with db.reading() as session:
        assert draft_of(session, event_id).contact_id == people["周敏"]


def test_undoing_the_edit_puts_the_contacts_back(db, account):
    account_id, people = account
    event_id = save(db, visit(account_id, people["周敏"], people["王磊"]))
    with db.transaction() as session:
        draft = draft_of(session, event_id)
        draft.contact_ids, draft.contact_id = [people["李娜"]], None
        save_event(session, draft)
        from crmdesk.models.changelog import session_batch

        batch = session_batch(session)
    with db.transaction() as session:
        revert_batch(session, batch)
    with db.reading() as session:
        assert set(draft_of(session, event_id).contact_ids) == {people["周敏"], people["王磊"]}


def test_export_writes_attendees_with_an_email_and_import_links_them_back(db, tmp_path, account):
    account_id, people = account
    save(db, visit(account_id, people["周敏"], people["王磊"], people["李娜"]))
    with db.reading() as session:
        records = events_for_export(session, contact_id=people["李娜"])
    data = write_calendar(records, "visits")
    item = next(c for c in icalendar.Calendar.from_ical(data).walk("VEVENT"))
    attendees = sorted(str(a) for a in item.get("ATTENDEE"))
    assert attendees == ["mailto:wang.lei@huaxin.cn", "mailto:zhou.min@huaxin.cn"]

    calendar = read_calendar(data.replace(b"UID:", b"UID:copy-"), "visits.ics")
    with db.transaction() as session:
        created = import_calendar(session, calendar).changes.ids("events")
    (copy_id,) = created
    with db.reading() as session:
        linked = {c.id for c in contacts_of_events(session, [copy_id])[copy_id]}
        assert draft_of(session, copy_id).account_id == account_id
    assert linked == {people["周敏"], people["王磊"]}  # 李娜 has no e-mail to match


def test_a_reimport_adds_matched_attendees_and_keeps_the_users_contacts(db, account):
    _account_id, people = account
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:v1@t\r\n"
        "DTSTAMP:20260301T000000Z\r\nDTSTART:20260304T020000Z\r\nDTEND:20260304T030000Z\r\n"
        "SUMMARY:Visit\r\nSEQUENCE:{seq}\r\nATTENDEE;CN=Zhou:mailto:ZHOU.MIN@huaxin.cn\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    with db.transaction() as session:
        (event_id,) = import_calendar(session, read_calendar(text.format(seq=0).encode())
                                      ).changes.ids("events")  # fmt: skip
    with db.transaction() as session:
        draft = draft_of(session, event_id)
        assert draft.contact_ids == [people["周敏"]]  # matched without case
        draft.contact_ids = [people["周敏"], people["李娜"]]
        save_event(session, draft)
    changed = text.format(seq=1).replace("SUMMARY:Visit", "SUMMARY:Visit moved")
    with db.transaction() as session:
        import_calendar(session, read_calendar(changed.encode()))
    with db.reading() as session:
        assert set(draft_of(session, event_id).contact_ids) == {people["周敏"], people["李娜"]}


def test_a_merge_moves_the_link_to_the_survivor(db, account):
    account_id, people = account
    event_id = save(db, visit(account_id, people["李娜"], people["王磊"]))
    with db.transaction() as session:
        merge_contacts(session, people["周敏"], [people["王磊"]])
    with db.reading() as session:
        assert set(draft_of(session, event_id).contact_ids) == {people["李娜"], people["周敏"]}


def test_the_cli_gives_the_contacts_as_a_list(db, account):
    account_id, people = account
    event_id = save(db, visit(account_id, people["周敏"], people["王磊"]))
    db.dispose()

    def run(*args):
        done = subprocess.run([sys.executable, "-m", "crmdesk", "--db", str(db.path), *args],
                              capture_output=True, text=True, timeout=120,
                              env={"PATH": "/usr/bin:/bin", "HOME": "/tmp", "TZ": "UTC"})
        assert done.returncode == 0, done.stderr
        return [json.loads(line) for line in done.stdout.splitlines()]  # fmt: skip

    (shown,) = run("events", "show", event_id.hex, "--json")
    assert [c["name"] for c in shown["contacts"]] == ["周敏", "王磊"]
    assert shown["contacts"][0]["id"] == str(people["周敏"])
    listed = run("events", "list", "--from", "2026-03-04", "--to", "2026-03-05", "--json")
    assert [[c["name"] for c in o["contacts"]] for o in listed] == [["周敏", "王磊"]]


def test_the_account_of_any_linked_contact_sees_the_event_coming(db, account):
    from crmdesk.services.account_story import upcoming_events

    account_id, people = account
    with db.transaction() as session:
        other_id, _ = save_account(session, AccountDraft(name="东方物流"))
        guest, _ = save_contact(session, ContactDraft(family_name="陈", given_name="刚",
                                                      account_id=other_id))  # fmt: skip
    event_id = save(db, visit(account_id, people["周敏"], guest))
    with db.reading() as session:
        for shown_to in (account_id, other_id):
            coming = upcoming_events(session, shown_to, START - dt.timedelta(days=1))
            assert [e.id for e in coming] == [event_id], shown_to


def test_the_event_details_name_every_contact(db, account):
    from crmdesk.services.account_story import event_detail

    account_id, people = account
    event_id = save(db, visit(account_id, people["周敏"], people["王磊"]))
    with db.reading() as session:
        shown = event_detail(session, event_id)
    assert (shown.contact, shown.contacts) == ("周敏", ("周敏", "王磊"))

