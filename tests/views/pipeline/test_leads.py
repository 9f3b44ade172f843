"""The Leads tab: filters, Convert linking the duplicates it found, disqualify, CSV import."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtGui import QUndoStack
from sqlalchemy import func, select

from crmdesk.interop.records import PhoneRecord
from crmdesk.models import Account, Contact, Lead, Opportunity
from crmdesk.models.enums import ContactRole, LeadStatus
from crmdesk.services import accounts, contacts, leads, pipeline
from crmdesk.services.accounts import AccountDraft
from crmdesk.services.contacts import ContactDraft
from crmdesk.services.leads import LeadDraft
from crmdesk.store.db import Database
from crmdesk.views.pipeline.choices import choose_value
from crmdesk.views.pipeline.leads import LeadsView
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.transfer.import_wizard import LEADS, MAPPING_PAGE, PREVIEW_PAGE, ImportWizard
from tests.views.transfer.test_import_wizard import import_now, next_to


def _view(qtbot, db: Database) -> tuple[LeadsView, QUndoStack]:
    undo = QUndoStack()
    view = LeadsView(db, DataBus(), undo)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    return view, undo


def _loaded(qtbot, view: LeadsView, rows: int) -> None:
    qtbot.waitUntil(lambda: not view.model.is_loading and view.model.rowCount() == rows)


def test_filters_by_status_source_and_text(qtbot, db: Database, qtmodeltester) -> None:
    with db.transaction() as session:
        a, _ = leads.save_lead(session, LeadDraft(company="华东电子", source="Trade fair"))
        leads.save_lead(session, LeadDraft(family_name="王", given_name="芳", source="Web"))
        leads.save_lead(session, LeadDraft(company="Nordwind", source="Web", owner="Li"))
        leads.set_status(session, a, LeadStatus.DISQUALIFIED, "No budget")
    view, _ = _view(qtbot, db)
    _loaded(qtbot, view, 3)
    qtmodeltester.check(view.model)
    view.source.setCurrentIndex(view.source.findData("Web"))
    _loaded(qtbot, view, 2)
    view.status.setCurrentIndex(view.status.findData(LeadStatus.DISQUALIFIED))
    _loaded(qtbot, view, 0)
    view.source.setCurrentIndex(0)
    _loaded(qtbot, view, 1)
    view.status.setCurrentIndex(0)
    view.search.setText("nord")
    _loaded(qtbot, view, 1)
    assert view.model.record_at(0).company == "Nordwind"
    assert [view.owner.itemData(i) for i in range(view.owner.count())] == [None, "Li"]


def test_convert_links_the_contact_and_account_the_check_found(qtbot, db: Database) -> None:
    with db.transaction() as session:
        account_id, _ = accounts.save_account(session, AccountDraft(name="华东电子"))
        contact_id, _ = contacts.save_contact(session, ContactDraft(
            family_name="张", given_name="伟", phones=[PhoneRecord("13800138000")],
            account_id=account_id))
        lead_id, _ = leads.save_lead(session, LeadDraft(
            family_name="张", given_name="伟", company="华东电子", phone="13800138000",
            source="Trade fair", estimated_amount=Decimal("48000"), notes="met at the fair"))
        pipeline.ensure_default_stages(session)
        stages = pipeline.stages(session)
    view, undo = _view(qtbot, db)
    dialog = view.convert_dialog(lead_id)
    qtbot.addWidget(dialog)
    assert dialog.contact_id() == contact_id and dialog.account_id() == account_id
    assert dialog.duplicates.text().startswith("2 ")  # the contact and the account
    choose_value(dialog.stage, stages[2].id)  # Proposal
    dialog.amount.setText("50,000")
    assert view.finish_convert(lead_id, dialog)
    with db.reading() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None and lead.status == LeadStatus.QUALIFIED
        assert (lead.converted_account_id, lead.converted_contact_id) == (account_id, contact_id)
        detail = pipeline.get_opportunity(session, lead.converted_opportunity_id)
        assert session.scalar(select(func.count()).select_from(Account)) == 1
        assert session.scalar(select(func.count()).select_from(Contact)) == 1
    assert detail.draft.account_id == account_id and detail.draft.stage_id == stages[2].id
    assert detail.draft.amount == Decimal("50000.00") and detail.draft.source == "Trade fair"
    assert detail.draft.notes == "met at the fair"
    assert detail.draft.roles == [(contact_id, ContactRole.DECISION_MAKER)]
    undo.undo()  # one step takes the whole conversion back
    with db.reading() as session:
        lead = session.get(Lead, lead_id)
        assert lead is not None and lead.converted_at is None
        assert session.scalar(select(func.count()).select_from(Opportunity).where(
            Opportunity.deleted_at.is_(None))) == 0


def test_disqualify_needs_a_reason_and_keeps_it(qtbot, db: Database) -> None:
    with db.transaction() as session:
        lead_id, _ = leads.save_lead(session, LeadDraft(company="Acme"))
    view, _ = _view(qtbot, db)
    assert view.disqualify(lead_id, "Went elsewhere")
    with db.reading() as session:
        row = leads.get_lead(session, lead_id)[1]
    assert row.status is LeadStatus.DISQUALIFIED and row.disqualified_reason == "Went elsewhere"


def test_leads_import_through_the_mapping_step(qtbot, db: Database, tmp_path) -> None:
    with db.transaction() as session:
        leads.save_lead(session, LeadDraft(company="Old", email="old@x.example"))
    path = tmp_path / "线索.csv"
    path.write_text(
        "姓名,公司,手机,邮箱,来源,预计金额\n"
        "李娜,华南贸易,13900000001,li@hn.example,展会,\"12,000\"\n"
        "赵强,北方重工,13900000002,old@x.example,网站,5000\n"
        ",,,,网站,\n",
        encoding="utf-8",
    )
    view, _ = _view(qtbot, db)
    wizard = ImportWizard(db, DataBus(), view)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.set_file(path, LEADS)
    next_to(qtbot, wizard, MAPPING_PAGE)
    assert wizard.role_combo("公司").currentData() == "field:company"
    assert wizard.role_combo("预计金额").currentData() == "field:estimated_amount"
    next_to(qtbot, wizard, PREVIEW_PAGE)
    preview = wizard.preview
    assert (preview.new, preview.duplicate, preview.rejected) == (1, 1, 1)
    assert not wizard.import_button.isEnabled()  # the rejected row blocks until allowed
    wizard.allow_rejected.setChecked(True)
    import_now(qtbot, wizard)
    QThreadPool.globalInstance().waitForDone(5000)
    QCoreApplication.processEvents()
    with db.reading() as session:
        found = {r.company: r for r in leads.lead_rows(session, leads.lead_ids(session))}
        draft = leads.get_lead(session, found["华南贸易"].id)[0]
    assert set(found) == {"Old", "华南贸易"}
    assert (draft.family_name, draft.phone, draft.source) == ("李娜", "13900000001", "展会")
    assert draft.estimated_amount == Decimal("12000.00")
