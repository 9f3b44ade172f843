"""The demo's segments, campaigns, outbox and call list agree with what the services would have
written: members frozen from the segment with opt-outs respected, "bought" responses from real
orders in the attribution window, e-mails in every state, a call list that follows its rules."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from crmdesk.demo.build import build_demo
from crmdesk.models import (
    Activity,
    CallAttempt,
    CallListEntry,
    Campaign,
    CampaignMember,
    CampaignResponse,
    Contact,
    Email,
    OptOut,
    Order,
    OutboxMessage,
)
from crmdesk.models.campaigns import ALL_CHANNELS
from crmdesk.models.enums import (
    CallEntryStatus,
    CallOutcome,
    CampaignStatus,
    LeftOutReason,
    MemberStatus,
    OutboxStatus,
    ResponseKind,
)
from crmdesk.services import call_lists, campaigns, segments
from crmdesk.store.db import Database

TODAY = dt.date(2025, 3, 12)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = Database.open(Path(tmp_path_factory.mktemp("camp")) / "demo.db")
    build_demo(db, 1500, seed=5, today=TODAY)
    yield db
    db.dispose()


def test_segments_are_saved_trees_that_select_contacts(demo: Database) -> None:
    with demo.reading() as session:
        found = segments.list_segments(session)
        counts = {s.name: segments.count(session, s.criteria, TODAY) for s in found}
    assert len(found) == 6
    assert any(s.criteria.match == segments.MATCH_ANY for s in found)
    assert any(not name.isascii() for name in counts) and any(n.isascii() for n in counts)
    assert all(n > 0 for n in counts.values()), counts


def test_started_campaigns_froze_their_segment_and_respect_opt_outs(demo: Database) -> None:
    with demo.reading() as session:
        infos = campaigns.list_campaigns(session)
        assert Counter(c.status for c in infos) == {
            CampaignStatus.RUNNING: 2, CampaignStatus.FINISHED: 1, CampaignStatus.DRAFT: 1,
        }  # fmt: skip
        out = {c: (ch, day) for c, ch, day in session.execute(
            select(OptOut.contact_id, OptOut.channel, OptOut.opted_out_on))}  # fmt: skip
        for info in infos:
            members = campaigns.members(session, info.id)
            if info.status is CampaignStatus.DRAFT:
                assert not members
                continue
            tree = segments.get_segment(session, info.segment).criteria
            assert {m.contact_id for m in members} == set(
                segments.member_ids(session, tree, TODAY)
            )
            for m in members:
                assert m.channel in info.channels
                channel, day = out.get(m.contact_id, ("", TODAY))
                assert info.started_at is not None
                opted = channel in (ALL_CHANNELS, m.channel) and day < info.started_at.date()
                if m.status is MemberStatus.INCLUDED:
                    assert not opted  # (an unsubscribe during the campaign comes later)
                else:
                    assert m.reason in (LeftOutReason.OPTED_OUT, LeftOutReason.NO_ADDRESS)
                    assert m.reason is not LeftOutReason.OPTED_OUT or opted


def test_bought_responses_are_the_members_orders_in_the_window(demo: Database) -> None:
    with demo.reading() as session:
        stmt = (
            select(CampaignResponse, CampaignMember, Order, Campaign)
            .join(CampaignMember, CampaignMember.id == CampaignResponse.member_id)
            .join(Order, Order.id == CampaignResponse.order_id)
            .join(Campaign, Campaign.id == CampaignResponse.campaign_id)
            .where(CampaignResponse.kind == ResponseKind.BOUGHT)
        )
        rows = session.execute(stmt).all()
        assert rows
        for response, member, order, campaign in rows:
            assert order.account_id == member.account_id
            assert response.amount == order.amount and response.amount > 0
            assert campaign.started_at is not None
            start = campaign.started_at.date()
            assert start <= order.ordered_on <= start + dt.timedelta(campaign.attribution_days)
        results = campaigns.results(session, rows[0][3].id)
        assert results.total.revenue > 0 and results.total.converted > 0
        finished = next(c for _r, _m, _o, c in rows if c.status == CampaignStatus.FINISHED)
        start = finished.started_at.date()
        accounts = select(CampaignMember.account_id).where(
            CampaignMember.campaign_id == finished.id,
            CampaignMember.status == MemberStatus.INCLUDED,
        )
        followed = set(session.scalars(select(Order.id).where(
            Order.account_id.in_(accounts), Order.status.in_(campaigns.COUNTED_ORDERS),
            Order.ordered_on.between(start, start + dt.timedelta(finished.attribution_days)),
        )))  # fmt: skip
        attributed = {o.id for _r, _m, o, c in rows if c.id == finished.id}
        assert followed == attributed  # every order that followed, and only those


def test_the_outbox_holds_messages_in_several_states_to_the_members(demo: Database) -> None:
    with demo.reading() as session:
        by_status = Counter(session.scalars(select(OutboxMessage.status)))
        assert by_status[OutboxStatus.SENT] > by_status[OutboxStatus.QUEUED] > 0
        rows = session.execute(
            select(OutboxMessage, CampaignMember, Contact)
            .join(CampaignMember, CampaignMember.id == OutboxMessage.member_id)
            .join(Contact, Contact.id == OutboxMessage.contact_id)
        ).all()
        for message, member, contact in rows:
            assert member.contact_id == contact.id and member.status == MemberStatus.INCLUDED
            addresses = session.scalars(select(Email.address).where(Email.contact_id == contact.id))
            assert message.to_address in set(addresses)
            assert "{{" not in message.subject + message.body_text
            assert (member.reached_at is not None) == (message.status == OutboxStatus.SENT)
            if message.status == OutboxStatus.FAILED:
                assert message.server_reply.startswith("55")
        assert len({m.message_id for m, _c, _k in rows}) == len(rows)


def test_the_call_list_follows_its_rules_and_logs_each_call(demo: Database) -> None:
    with demo.reading() as session:
        (info,) = call_lists.list_call_lists(session)
        progress = call_lists.progress(session, info.id)
        assert progress.done and progress.to_call and progress.callbacks
        assert progress.calls == session.scalar(select(func.count(CallAttempt.id)))
        for entry in session.scalars(select(CallListEntry)):
            tries = session.scalars(
                select(CallAttempt).where(CallAttempt.entry_id == entry.id)
                .order_by(CallAttempt.called_at)
            ).all()  # fmt: skip
            assert len(tries) == entry.tries <= info.max_tries
            if entry.status == CallEntryStatus.DONE:
                assert entry.last_outcome == CallOutcome.REACHED
            if entry.status == CallEntryStatus.CALLBACK:
                assert entry.next_call_at is not None
            for attempt in tries:
                activity = session.get(Activity, attempt.activity_id)
                assert activity is not None and activity.outcome == attempt.outcome
                assert activity.contact_id == entry.contact_id
        assert call_lists.next_call(session, info.id) is not None
