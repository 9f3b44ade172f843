"""Campaigns: members frozen at start, opt-outs left out with the reason, responses by hand and
from orders within the window, results per channel and the Excel report."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
import pytest

from crmdesk.core.errors import KnownError
from crmdesk.models import OptOut, Order
from crmdesk.models.enums import Channel, LeftOutReason, MemberStatus, ResponseKind
from crmdesk.services import campaigns, segments
from crmdesk.services.campaigns import CampaignDraft
from crmdesk.services.segments import Group, Rule, SegmentDraft
from tests.campaign_data import build_customers

START = dt.datetime(2026, 6, 1, 9, tzinfo=dt.UTC)


@pytest.fixture
def ids(db):
    ids = build_customers(db)
    with db.transaction() as s:
        campaigns.opt_out(s, ids["li"], Channel.EMAIL, dt.date(2026, 5, 20), "phone call")
        sid = segments.save_segment(
            s, SegmentDraft("Everyone", Group("all", (Rule("owner", ["Li", "Wang", ""]),)))
        )
        ids["campaign"] = campaigns.save_campaign(
            s, CampaignDraft("Summer", segment_id=sid, budget=Decimal(600),
                             channels=[Channel.EMAIL, Channel.SMS], attribution_days=30)
        )  # fmt: skip
    return ids


def by_name(db):
    with db.reading() as s:
        return {m.name: m for m in campaigns.members(s, "Summer")}


def test_start_freezes_members_and_leaves_out_the_opted_out_with_the_reason(db, ids):
    with db.transaction() as s:
        started = campaigns.start_campaign(s, "Summer", START)
    assert (started.included, started.left_out) == (4, 2)
    members = by_name(db)
    assert members["张伟"].status is MemberStatus.INCLUDED
    assert members["张伟"].channel is Channel.EMAIL
    assert members["李娜"].status is MemberStatus.LEFT_OUT
    assert members["李娜"].reason is LeftOutReason.OPTED_OUT
    assert members["Tom Baker"].channel is Channel.SMS
    assert members["Ann Lee"].channel is Channel.EMAIL  # phone is not a channel of this one
    assert members["Bob Post"].reason is LeftOutReason.NO_ADDRESS
    with pytest.raises(KnownError, match="already started"), db.transaction() as s:
        campaigns.start_campaign(s, "Summer", START)


def test_the_list_stays_frozen_and_records_who_was_added_or_removed(db, ids):
    with db.transaction() as s:
        campaigns.start_campaign(s, "Summer", START)
        zhang = next(m for m in campaigns.members(s, "Summer") if m.name == "张伟")
        campaigns.remove_member(s, zhang.id)
    from crmdesk.services.contacts import ContactDraft, save_contact

    with db.transaction() as s:
        late, _ = save_contact(s, ContactDraft(family_name="New", given_name="Nick", owner="Li"))
        campaigns.add_member(s, "Summer", late)
    members = by_name(db)
    assert members["张伟"].status is MemberStatus.REMOVED
    assert members["Nick New"].added_later
    assert len(members) == 7


def test_unsubscribing_records_an_opt_out_with_date_and_source(db, ids):
    with db.transaction() as s:
        campaigns.start_campaign(s, "Summer", START)
        wang = next(m for m in campaigns.members(s, "Summer") if m.name == "王芳")
        campaigns.record_response(s, wang.id, ResponseKind.UNSUBSCRIBED, when=START)
    with db.reading() as s:
        row = s.query(OptOut).filter_by(contact_id=ids["wang"]).one()
        assert (row.channel, row.opted_out_on, row.source) == ("all", START.date(),
                                                               "campaign: Summer")  # fmt: skip
    assert by_name(db)["王芳"].response is ResponseKind.UNSUBSCRIBED


def test_orders_within_the_window_count_once_as_bought(db, ids):
    with db.transaction() as s:
        campaigns.start_campaign(s, "Summer", START)
        for day, amount in ((dt.date(2026, 6, 10), 500), (dt.date(2026, 8, 1), 900)):
            s.add(Order(account_id=ids["Beta"], contact_id=ids["wang"], ordered_on=day,
                        amount=Decimal(amount)))  # fmt: skip
        s.add(Order(account_id=ids["Beta"], ordered_on=dt.date(2026, 5, 30), amount=Decimal(7)))
    with db.transaction() as s:
        assert campaigns.attribute_responses(s, "Summer", dt.date(2026, 9, 1)) == 1
        assert campaigns.attribute_responses(s, "Summer", dt.date(2026, 9, 1)) == 0
        results = campaigns.results(s, "Summer")
    email = next(r for r in results.channels if r.channel == "email")
    assert (email.members, email.responded, email.converted) == (3, 1, 1)
    assert email.revenue == Decimal(500)
    assert email.cost == Decimal(450)  # 600 shared over 4 members, 3 by e-mail
    assert email.cost_per_response == Decimal(450)
    assert email.roi == Decimal("0.1111")
    assert results.total.revenue == Decimal(500)
    assert results.left_out == 2


def test_a_deal_within_the_window_counts_as_interested(db, ids):
    from crmdesk.models import Opportunity, PipelineStage

    with db.transaction() as s:
        campaigns.start_campaign(s, "Summer", START)
        stage = s.query(PipelineStage).filter_by(name="Proposal").one()
        s.add(Opportunity(name="New", account_id=ids["Alpha"], stage_id=stage.id,
                          created_at=START + dt.timedelta(days=3)))  # fmt: skip
    with db.transaction() as s:
        assert campaigns.attribute_responses(s, "Summer", dt.date(2026, 9, 1)) == 1
    assert by_name(db)["张伟"].response is ResponseKind.INTERESTED


def test_the_excel_report_has_the_channels_and_the_members(db, ids, tmp_path):
    with db.transaction() as s:
        campaigns.start_campaign(s, "Summer", START)
    with db.reading() as s:
        result = campaigns.write_campaign_report(s, "Summer", tmp_path / "summer.xlsx")
    book = openpyxl.load_workbook(result.path)
    assert "Per channel" in book.sheetnames and "Members" in book.sheetnames
    cells = [c.value for row in book["Members"].iter_rows() for c in row]
    assert "李娜" in cells and "Opted_out" in " ".join(str(c).capitalize() for c in cells)
