"""Call lists: made from a segment or a campaign, shared among callers; outcomes log an activity
in one call, callbacks book a task, no-answers come back after the delay at most N times."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from crmdesk.core.errors import KnownError
from crmdesk.models import Activity, CalendarEvent
from crmdesk.models.enums import CallOutcome, Channel, EventKind, ResponseKind
from crmdesk.services import call_lists, campaigns, segments
from crmdesk.services.campaigns import CampaignDraft
from crmdesk.services.segments import Group, Rule, SegmentDraft
from tests.campaign_data import build_customers

NOW = dt.datetime(2026, 6, 2, 9, tzinfo=dt.UTC)


@pytest.fixture
def ids(db):
    ids = build_customers(db)
    with db.transaction() as s:
        ids["seg"] = segments.save_segment(
            s, SegmentDraft("Phones", Group("all", (Rule("owner", ["Li", "Wang"]),)))
        )
        ids["list"] = call_lists.create_call_list(
            s, "June calls", segment_id=ids["seg"], callers=["Li", "Wang"], max_tries=2,
            retry_minutes=60, script="Ask about the pump.",
        )  # fmt: skip
    return ids


def test_entries_go_to_their_owner_and_the_next_call_has_what_the_caller_needs(db, ids):
    with db.reading() as s:
        info = call_lists.get_call_list(s, "June calls")
        card = call_lists.next_call(s, "June calls", "Wang", NOW)
    assert info.entries == 5
    assert card.name in ("王芳", "Tom Baker") and card.script == "Ask about the pump."
    assert card.account == "Beta Ltd"


def test_no_answer_comes_back_after_the_delay_at_most_n_times(db, ids):
    with db.transaction() as s:
        card = call_lists.next_call(s, "June calls", "Wang", NOW)
        call_lists.record_outcome(s, card.entry_id, CallOutcome.NO_ANSWER, caller="Wang", now=NOW)
    with db.transaction() as s:
        other = call_lists.next_call(s, "June calls", "Wang", NOW)
        assert other.entry_id != card.entry_id  # the unanswered one waits an hour
        call_lists.record_outcome(s, other.entry_id, CallOutcome.REACHED, caller="Wang", now=NOW)
        assert call_lists.next_call(s, "June calls", "Wang", NOW) is None
        later = NOW + dt.timedelta(minutes=61)
        again = call_lists.next_call(s, "June calls", "Wang", later)
        assert again.entry_id == card.entry_id and again.tries == 1
        call_lists.record_outcome(s, card.entry_id, CallOutcome.BUSY, caller="Wang", now=later)
        assert call_lists.next_call(s, "June calls", "Wang", later + dt.timedelta(days=1)) is None
    with db.reading() as s:
        done = call_lists.progress(s, "June calls")
        calls = s.query(Activity).filter_by(kind="call").count()
    assert (done.done, done.given_up, done.calls) == (1, 1, 3)
    assert done.by_caller["Wang"].reached == 1 and done.by_caller["Wang"].calls == 3
    assert calls == 3


def test_a_callback_books_a_task_at_the_time_agreed_and_returns_then(db, ids):
    agreed = dt.datetime(2026, 6, 3, 7, 30, tzinfo=dt.UTC)
    with db.transaction() as s:
        card = call_lists.next_call(s, "June calls", "Li", NOW)
        call_lists.record_outcome(s, card.entry_id, CallOutcome.CALLBACK, caller="Li",
                                  callback_at=agreed, now=NOW)  # fmt: skip
    with db.reading() as s:
        task = s.query(CalendarEvent).filter_by(kind=EventKind.TASK).one()
        assert (task.starts_at, task.contact_id, task.owner) == (agreed, card.contact_id, "Li")
        assert call_lists.next_call(s, "June calls", "Li", agreed).entry_id == card.entry_id
    with pytest.raises(KnownError, match="call back"), db.transaction() as s:
        call_lists.record_outcome(s, card.entry_id, CallOutcome.CALLBACK, now=NOW)


def test_a_list_from_a_campaign_records_responses_and_exports_as_csv(db, ids, tmp_path):
    with db.transaction() as s:
        cid = campaigns.save_campaign(
            s, CampaignDraft("Calls", segment_id=ids["seg"], channels=[Channel.PHONE])
        )
        campaigns.start_campaign(s, cid, NOW)
        call_lists.create_call_list(s, "Campaign calls", campaign_id=cid)
        card = call_lists.next_call(s, "Campaign calls", now=NOW)
        call_lists.record_outcome(s, card.entry_id, CallOutcome.CALLBACK,
                                  callback_at=NOW + dt.timedelta(hours=2), now=NOW)  # fmt: skip
        assert (
            call_lists.export_csv(s, "Campaign calls", tmp_path / "calls.csv") == 4
        )  # 王芳: no phone
        members = {m.contact_id: m for m in campaigns.members(s, cid)}
    assert members[card.contact_id].response is ResponseKind.INTERESTED
    assert members[card.contact_id].reached
    rows = list(csv.DictReader((tmp_path / "calls.csv").open(encoding="utf-8-sig")))
    assert {r["phone"] for r in rows} >= {"+8613800138000", "+8613912345678"}
    assert {r["status"] for r in rows} == {"pending", "callback"}


def test_a_list_needs_one_source(db, ids):
    with pytest.raises(KnownError, match="segment or a campaign"), db.transaction() as s:
        call_lists.create_call_list(s, "Nothing")
