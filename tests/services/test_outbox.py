"""The outbox against a real SMTP server on localhost: one message per e-mail member with their
own fields, none for the opted out, offline then delivered exactly once, refusals failed with
the server's reply, a crash re-sending only the message in flight with its Message-ID."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from decimal import Decimal

import pytest

from crmdesk.core.errors import KnownError
from crmdesk.models import Activity, CampaignMember, OutboxMessage, Setting
from crmdesk.models.enums import Channel, OutboxStatus
from crmdesk.services import campaigns, outbox, segments
from crmdesk.services.campaigns import CampaignDraft
from crmdesk.services.outbox import SmtpSettings, Template
from crmdesk.services.segments import Group, Rule, SegmentDraft
from tests.campaign_data import build_customers
from tests.smtp_server import Received, Server, free_port

START = dt.datetime(2026, 6, 1, 9, tzinfo=dt.UTC)
SUBJECT = "Summer offer for {{ name }}"
TEXT = "Dear {{ name }},\nas {{ title }} at {{ company }} in {{ city }} you get 10 % off."
HTML = "<p>Dear <b>{{ name }}</b> of {{ company }}</p>"




@pytest.fixture
def queued(db):
    """The "Summer" campaign started over everyone and its e-mails queued (李娜 opted out)."""
    ids = build_customers(db)
    with db.transaction() as s:
        campaigns.opt_out(s, ids["li"], Channel.EMAIL, dt.date(2026, 5, 20), "asked by phone")
        everyone = Group("all", (Rule("owner", ["Li", "Wang", ""]),))
        sid = segments.save_segment(s, SegmentDraft("All", everyone))
        cid = campaigns.save_campaign(s, CampaignDraft(
            "Summer", segment_id=sid, channels=[Channel.EMAIL, Channel.SMS], subject=SUBJECT,
            body_text=TEXT, body_html=HTML, budget=Decimal(100),
        ))  # fmt: skip
        campaigns.start_campaign(s, cid, START)
        ids["queued"] = outbox.queue_campaign(s, cid, sender="news@seller.cn")
        ids["campaign"] = cid
    return ids


@pytest.fixture
def server():
    received = Received()
    srv = Server(free_port(), received)
    yield srv
    srv.stop()


def plain(port: int) -> SmtpSettings:
    return SmtpSettings(host="127.0.0.1", port=port, security="none",
                        from_address="news@seller.cn", from_name="Seller", timeout=5)  # fmt: skip


def test_each_email_member_gets_exactly_one_message_with_their_own_fields(db, queued, server):
    server.start()
    report = outbox.send_pending(db, plain(server.port))
    assert (report.sent, report.failed, report.waiting) == (3, 0, 0)
    got = {m["To"]: m for m in server.received.messages}
    # 张伟 and 王芳 prefer e-mail; Ann Lee prefers the phone, not a channel here, so e-mail;
    # 李娜 opted out of e-mail, Tom Baker is reached by SMS, Bob Post has no address.
    assert sorted(got) == ["=?utf-8?b?546L6Iqz?= <wang.fang@beta.cn>",
                           "=?utf-8?b?5byg5Lyf?= <zhang.wei@alpha.cn>",
                           "Ann Lee <ann@gamma.com>"]  # fmt: skip
    zhang = got["=?utf-8?b?5byg5Lyf?= <zhang.wei@alpha.cn>"]
    assert str(email_header(zhang["Subject"])) == "Summer offer for 张伟"
    text = zhang.get_body(("plain",)) if hasattr(zhang, "get_body") else None
    parts = {p.get_content_type(): p.get_payload(decode=True).decode() for p in zhang.walk()
             if not p.is_multipart()}  # fmt: skip
    assert "Dear 张伟,\nas 经理 at Alpha Ltd in 北京" in parts["text/plain"]
    assert "<b>张伟</b> of Alpha Ltd" in parts["text/html"]
    assert text is None or text
    assert len(set(server.received.ids())) == 3
    with db.reading() as s:
        reached = s.query(CampaignMember).filter(CampaignMember.reached_at.is_not(None)).count()
        assert reached == 3
        assert s.query(Activity).filter_by(kind="email").count() == 3


def email_header(value):
    from email.header import decode_header, make_header

    return make_header(decode_header(value))


def test_opted_out_contacts_get_nothing_even_when_queued_by_hand(db, queued, server):
    with db.transaction() as s:
        assert outbox.queue(s, [queued["li"], queued["zhang"]], Template("Hi", "Hello")) == 1
    server.start()
    outbox.send_pending(db, plain(server.port))
    assert all("li.na" not in m["To"] for m in server.received.messages)


def test_offline_messages_wait_and_are_delivered_exactly_once_when_it_starts(db, queued, server):
    report = outbox.send_pending(db, plain(server.port))  # nothing listens on the port yet
    assert report.offline and (report.sent, report.waiting) == (0, 3)
    with db.reading() as s:
        assert {r.status for r in outbox.outbox_rows(s)} == {OutboxStatus.QUEUED}
        assert {r.attempts for r in outbox.outbox_rows(s)} == {0}
    server.start()
    assert outbox.send_pending(db, plain(server.port)).sent == 3
    assert outbox.send_pending(db, plain(server.port)).sent == 0
    assert len(server.received.ids()) == len(set(server.received.ids())) == 3


def test_a_refused_recipient_leaves_that_message_failed_with_the_reply(db, queued, server):
    server.received.refuse.add("ann@gamma.com")
    server.start()
    report = outbox.send_pending(db, plain(server.port))
    assert (report.sent, report.failed) == (2, 1)
    with db.reading() as s:
        failed = outbox.outbox_rows(s, OutboxStatus.FAILED)
    assert [r.to_address for r in failed] == ["ann@gamma.com"]
    reply = "550 5.1.1 <ann@gamma.com>: Recipient address rejected"
    assert failed[0].server_reply.startswith(reply)
    server.received.refuse.clear()
    with db.transaction() as s:
        assert outbox.retry(s) == 1
    assert outbox.send_pending(db, plain(server.port)).sent == 1
    with db.transaction() as s:
        assert outbox.cancel(s, [failed[0].id]) == 0  # sent now: nothing to cancel


def test_cancelled_messages_are_not_sent(db, queued, server):
    with db.transaction() as s:
        first = outbox.outbox_rows(s)[0]
        assert outbox.cancel(s, [first.id]) == 1
    server.start()
    assert outbox.send_pending(db, plain(server.port)).sent == 2
    assert first.message_id not in server.received.ids()


def test_a_crash_after_the_server_accepted_resends_only_that_message_with_its_id(
    db, queued, server, tmp_path
):
    """The sender is killed while the server takes the second message's DATA: the next run
    sends that one again (same Message-ID) and every other one once."""
    path = db.engine.url.database
    script = (
        "import sys\n"
        "from crmdesk.store.db import Database\n"
        "from crmdesk.services.outbox import SmtpSettings, send_pending\n"
        f"db = Database.open({path!r})\n"
        f"send_pending(db, SmtpSettings(host='127.0.0.1', port={server.port}, security='none',"
        " from_address='news@seller.cn', timeout=30))\n"
    )
    child = subprocess.Popen([sys.executable, "-c", script], env={**os.environ})

    def crash(number: int) -> None:
        if number == 2:
            os.kill(child.pid, signal.SIGKILL)
            child.wait()

    server.received.on_data = crash
    server.start()
    child.wait(timeout=60)
    assert len(server.received.messages) == 2
    with db.reading() as s:
        statuses = sorted(r.status for r in outbox.outbox_rows(s))
    assert statuses == [OutboxStatus.QUEUED, OutboxStatus.SENDING, OutboxStatus.SENT]
    server.received.on_data = None
    assert outbox.send_pending(db, plain(server.port)).sent == 2
    ids = server.received.ids()
    assert len(ids) == 4 and ids[1] == ids[2] and len(set(ids)) == 3
    with db.reading() as s:
        assert {r.status for r in outbox.outbox_rows(s)} == {OutboxStatus.SENT}
    time.sleep(0)


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_password_from_the_keyring_or_the_environment_never_in_the_file(
    db, queued, memory_keyring
):
    received = Received()
    srv = Server(free_port(), received, password="s3cret")
    srv.start()
    try:
        value = SmtpSettings(host="127.0.0.1", port=srv.port, security="none", user="me",
                             from_address="news@seller.cn", timeout=5)  # fmt: skip
        with db.transaction() as s:
            outbox.save_smtp_settings(s, value)
        outbox.store_password(value, "s3cret")
        assert memory_keyring.store == {("crmdesk-smtp", "me@127.0.0.1"): "s3cret"}
        with db.reading() as s:
            assert "s3cret" not in str([row.value for row in s.query(Setting)])
            assert outbox.smtp_settings(s, env={}) == value
        assert outbox.smtp_password(value, env={}) == "s3cret"
        assert outbox.smtp_password(value, env={"CRMDESK_SMTP_PASSWORD": "other"}) == "other"
        wrong = outbox.send_pending(db, value, "wrong")
        assert wrong.offline and wrong.sent == 0  # refused login: nothing marked
        assert outbox.send_pending(db, value, outbox.smtp_password(value, env={})).sent == 3
    finally:
        srv.stop()
    assert not any(b"s3cret" in p.read_bytes() for p in db_files(db))


def db_files(db):
    from pathlib import Path

    base = Path(db.engine.url.database)
    return [p for p in base.parent.iterdir() if p.name.startswith(base.name)]


def test_the_environment_overrides_the_stored_settings(db):
    with db.transaction() as s:
        outbox.save_smtp_settings(s, SmtpSettings(host="mail.example.cn", port=465, security="ssl"))
    env = {"CRMDESK_SMTP_HOST": "localhost", "CRMDESK_SMTP_PORT": "2525",
           "CRMDESK_SMTP_USER": "bob", "CRMDESK_SMTP_STARTTLS": "yes"}  # fmt: skip
    with db.reading() as s:
        found = outbox.smtp_settings(s, env=env)
        assert (found.host, found.port, found.user, found.security) == (
            "localhost", 2525, "bob", "starttls")  # fmt: skip
        with pytest.raises(KnownError, match="not a port"):
            outbox.smtp_settings(s, env={"CRMDESK_SMTP_PORT": "x"})


def test_an_unknown_field_is_refused_before_anything_is_queued(db, queued):
    with pytest.raises(KnownError, match="Unknown field"), db.transaction() as s:
        outbox.queue(s, [queued["zhang"]], Template("Hi {{ salary }}", ""))
    with db.reading() as s:
        assert s.query(OutboxMessage).count() == 3
