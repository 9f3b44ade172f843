"""The day plan: the day's visits in order with address, phone, last activity and open deals,
and its PDF read back."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from zoneinfo import ZoneInfo

import pdfplumber

from crmdesk.export.day_plan_pdf import render_day_plan
from crmdesk.interop.records import AddressRecord, PhoneRecord
from crmdesk.models import Activity
from crmdesk.models.enums import EventKind
from crmdesk.models.sales import Opportunity, PipelineStage
from crmdesk.services.accounts import AccountDraft, save_account
from crmdesk.services.calendar import EventDraft, save_event
from crmdesk.services.day_plan import day_plan

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(hour: int) -> dt.datetime:
    return dt.datetime(2026, 3, 4, hour, tzinfo=SHANGHAI).astimezone(dt.UTC)


def test_the_day_plan_lists_visits_in_order_with_what_a_field_visit_needs(db):
    with db.transaction() as session:
        account_id, _ = save_account(session, AccountDraft(
            name="上海嘉诚汽车零部件", phones=[PhoneRecord("021 5555 0101")],
            addresses=[AddressRecord(street="漕宝路88号", city="上海")]))
        session.add(Activity(account_id=account_id, subject="报价跟进", outcome="待回复",
                             occurred_at=dt.datetime(2026, 2, 20, 3, tzinfo=dt.UTC)))
        stage = session.query(PipelineStage).first()
        if stage is None:
            stage = PipelineStage(name="Proposal", position=1)
            session.add(stage)
            session.flush()
        session.add(Opportunity(name="年度框架合同", account_id=account_id, stage_id=stage.id,
                                amount=Decimal("120000")))
        save_event(session, EventDraft(title="拜访嘉诚", kind=EventKind.VISIT,
                                       starts_at=at(14), ends_at=at(15), account_id=account_id))
        save_event(session, EventDraft(title="Call Li", kind=EventKind.CALL,
                                       starts_at=at(9), ends_at=at(9)))
        save_event(session, EventDraft(title="Send offer", kind=EventKind.TASK,
                                       starts_at=at(10), ends_at=at(10)))
    with db.reading() as session:
        plan = day_plan(session, dt.date(2026, 3, 4), SHANGHAI)
    assert [s.title for s in plan.stops] == ["Call Li", "拜访嘉诚"]
    visit = plan.stops[1]
    assert (visit.address, visit.phone) == ("漕宝路88号 上海", "021 5555 0101")
    assert visit.last_activity == "2026-02-20 报价跟进 — 待回复"
    assert visit.open_opportunities == ("年度框架合同 (120,000 CNY)",)
    with pdfplumber.open(io.BytesIO(render_day_plan(plan))) as pdf:
        text = pdf.pages[0].extract_text()
    assert "14:00–15:00" in text and "拜访嘉诚" in text and "漕宝路88号" in text
    assert text.index("Call Li") < text.index("拜访嘉诚")
