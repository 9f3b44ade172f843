"""Drafts on disk: a form's unsaved edits written as JSON and read back as the same draft."""

from __future__ import annotations

import datetime as dt
import uuid

from crmdesk.interop.records import AddressRecord, EmailRecord, PhoneRecord
from crmdesk.models.enums import AddressKind, PhoneKind
from crmdesk.services.accounts import AccountDraft
from crmdesk.services.contacts import ContactDraft
from crmdesk.services.drafts import drafts_folder, load_drafts, remove_draft, save_draft

KINDS = {"contact": ContactDraft, "account": AccountDraft}


def test_a_draft_reads_back_equal_and_is_removed(tmp_path):
    folder = drafts_folder(tmp_path / "crm.sqlite3")
    draft = ContactDraft(
        family_name="张", given_name="三", account_id=uuid.uuid4(), birthday=dt.date(1985, 3, 1),
        phones=[PhoneRecord("138 0013 8000", PhoneKind.MOBILE, primary=True)],
        emails=[EmailRecord("z@example.cn")],
        addresses=[AddressRecord(city="北京", kind=AddressKind.WORK)], tags=["VIP"],
        notes="半句话", photo=b"\x89PNG", photo_mime="image/png")  # fmt: skip
    record = uuid.uuid4()
    save_draft(folder, "contact", record, draft)
    save_draft(folder, "account", None, AccountDraft(name="New Co"))
    drafts = {d.kind: d for d in load_drafts(folder, KINDS)}
    assert drafts["contact"].draft == draft and drafts["contact"].record_id == record
    assert drafts["account"].draft == AccountDraft(name="New Co")
    assert drafts["account"].record_id is None
    remove_draft(folder, "contact", record)
    assert [d.kind for d in load_drafts(folder, KINDS)] == ["account"]


def test_a_damaged_draft_is_skipped(tmp_path):
    folder = drafts_folder(tmp_path / "crm.sqlite3")
    folder.mkdir()
    (folder / "contact-new.json").write_text('{"kind": "contact", "draft": ', encoding="utf-8")
    assert load_drafts(folder, KINDS) == []
