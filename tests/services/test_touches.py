"""SMS, WeChat and phone: the gateway CSV in E.164 with each message filled, copy-ready text,
and the touch logged as an activity once marked done."""

from __future__ import annotations

import csv
import datetime as dt

from crmdesk.models import Activity
from crmdesk.models.enums import Channel
from crmdesk.services import campaigns, segments, touches
from crmdesk.services.campaigns import CampaignDraft
from crmdesk.services.segments import Group, Rule, SegmentDraft
from tests.campaign_data import build_customers

NOW = dt.datetime(2026, 6, 2, 9, tzinfo=dt.UTC)


def started(db):
    ids = build_customers(db)
    with db.transaction() as s:
        sid = segments.save_segment(s, SegmentDraft("Beta", Group("all", (Rule("owner", "Wang"),))))
        cid = campaigns.save_campaign(s, CampaignDraft(
            "Texts", segment_id=sid, channels=[Channel.SMS, Channel.WECHAT],
            body_text="{{ given_name }}, 新品到货！",
        ))  # fmt: skip
        campaigns.start_campaign(s, cid, NOW)
    return ids, cid


def test_the_sms_gateway_file_has_e164_numbers_and_each_message(db, tmp_path):
    _ids, cid = started(db)
    with db.reading() as s:
        written, skipped = touches.sms_gateway_csv(s, cid, tmp_path / "sms.csv")
        text = touches.copy_text(s, cid, Channel.SMS)
    rows = list(csv.DictReader((tmp_path / "sms.csv").open(encoding="utf-8-sig")))
    assert (written, skipped) == (1, 0)  # 王芳 has no phone: left out when it started
    assert rows == [{"number": "+8613912345678", "name": "Tom Baker", "message": "Tom, 新品到货！"}]
    assert text == "Tom Baker · +8613912345678\nTom, 新品到货！"


def test_marking_a_touch_done_logs_one_activity_and_reaches_the_member(db):
    ids, cid = started(db)
    with db.transaction() as s:
        touch = touches.touches(s, cid, Channel.SMS)[0]
        assert touches.mark_done(s, touch.member_id, "Wang", NOW) is not None
        assert touches.mark_done(s, touch.member_id, "Wang", NOW) is None
    with db.reading() as s:
        logged = s.query(Activity).filter_by(contact_id=ids["tom"]).all()
        assert [(a.kind, a.subject, a.outcome) for a in logged] == [("message", "Texts", "sms")]
        assert touches.touches(s, cid, Channel.SMS)[0].done
        assert campaigns.results(s, cid).total.reached == 1
