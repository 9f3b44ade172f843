"""Shared by the survey-sending tests: closed cases of contacts who prefer different channels,
on the Beijing desk (China's holidays)."""

from __future__ import annotations

import datetime as dt

from crmdesk.interop.records import AddressRecord, EmailRecord, PhoneRecord
from crmdesk.models.enums import CaseStatus, Channel, PhoneKind
from crmdesk.services import campaigns, cases
from crmdesk.services.cases import CaseDraft
from crmdesk.services.contacts import ContactDraft, save_contact
from tests.services.case_data import bj, desk

# Thursday 30 April 2026, 17:00 in Beijing: 1-5 May is the Labour Day holiday, so the next
# working day is Wednesday 6 May.
CLOSED_AT = bj(2026, 4, 30, 17)
NEXT_WORKING_DAY = dt.date(2026, 5, 6)


def people(db, accounts) -> dict[str, object]:
    """张伟 prefers e-mail; Tom Baker the phone; 李娜 e-mail but opted out of it (and prefers
    nothing else); Ann Lee opted out of everything; 王芳 WeChat."""
    drafts = {
        "zhang": ContactDraft(family_name="张", given_name="伟", account_id=accounts["vip"],
                              preferred_channel=Channel.EMAIL,
                              emails=[EmailRecord("zhang.wei@alpha.cn")]),
        "tom": ContactDraft(family_name="Baker", given_name="Tom", account_id=accounts["plain"],
                            preferred_channel=Channel.PHONE,
                            emails=[EmailRecord("tom@acme.com")],
                            phones=[PhoneRecord("+44 20 7946 0018", PhoneKind.WORK)]),
        "li": ContactDraft(family_name="李", given_name="娜", preferred_channel=Channel.EMAIL,
                           emails=[EmailRecord("li.na@beta.cn")],
                           phones=[PhoneRecord("139 1234 5678", PhoneKind.MOBILE)]),
        "ann": ContactDraft(family_name="Lee", given_name="Ann", preferred_channel=Channel.EMAIL,
                            emails=[EmailRecord("ann@gamma.com")]),
        "wang": ContactDraft(family_name="王", given_name="芳", preferred_channel=Channel.LETTER,
                             addresses=[AddressRecord(region="上海市", city="上海",
                                                      street="南京西路 1号")]),
    }  # fmt: skip
    ids: dict[str, object] = {}
    with db.transaction() as session:
        for name, draft in drafts.items():
            ids[name], _ = save_contact(session, draft)
        campaigns.opt_out(session, ids["li"], Channel.EMAIL, dt.date(2026, 1, 2), "by phone")
        campaigns.opt_out(session, ids["ann"], on=dt.date(2026, 1, 2))
    return ids


def closed_case(db, contact_id, *, account_id=None, owner="Li", subject="Pump leaks",
                at: dt.datetime = CLOSED_AT):  # fmt: skip
    """A case of the contact, resolved and closed at `at`; its id."""
    with db.transaction() as session:
        case_id = cases.save_case(session, CaseDraft(
            subject=subject, account_id=account_id, contact_id=contact_id, owner=owner,
            resolution="Seal replaced"), now=at - dt.timedelta(hours=5))  # fmt: skip
        cases.move_case(session, case_id, CaseStatus.RESOLVED, at - dt.timedelta(hours=1))
        cases.move_case(session, case_id, CaseStatus.CLOSED, at)
    return case_id


def desk_and_people(db) -> dict[str, object]:
    accounts = desk(db)
    return {**accounts, **people(db, accounts)}
