"""Unsaved form edits survive a crash: the form keeps a draft on disk while edited, Save and
Revert remove it, and the next start offers it back in its form."""

from __future__ import annotations

from crmdesk.services.drafts import drafts_folder
from crmdesk.views.contacts import drafts_offer
from crmdesk.views.contacts.contact_form import ContactForm
from tests.views.contacts.test_contact_form import bus, replace_text, stack  # noqa: F401
from tests.views.contacts.test_pane import acme, pane  # noqa: F401


def folder(db):
    return drafts_folder(db.url.database)


def test_an_edit_is_kept_as_a_draft_until_saved(qtbot, db, people, bus, stack):  # noqa: F811
    form = ContactForm(db, bus, stack)
    qtbot.addWidget(form)
    form.load(people["张三"])
    replace_text(qtbot, form.title, "总经理")
    qtbot.waitUntil(lambda: any(folder(db).glob("contact-*.json")), timeout=form.DRAFT_MS * 3)
    (saved,) = drafts_offer.left_drafts(db)
    assert saved.record_id == people["张三"] and saved.draft.title == "总经理"
    assert form.save()
    assert drafts_offer.left_drafts(db) == []


def test_revert_removes_the_draft(qtbot, db, people, bus, stack):  # noqa: F811
    form = ContactForm(db, bus, stack)
    qtbot.addWidget(form)
    form.load(None)
    replace_text(qtbot, form.family_name, "Draftson")
    form.keep_draft()
    assert [d.record_id for d in drafts_offer.left_drafts(db)] == [None]
    form.revert()
    assert drafts_offer.left_drafts(db) == []


def test_a_draft_left_by_a_crash_is_restored_in_its_form(qtbot, db, people, bus, stack,  # noqa: F811
                                                         pane):  # noqa: F811
    crashed = ContactForm(db, bus, stack)  # the form of the run that crashed: never saved
    qtbot.addWidget(crashed)
    crashed.load(people["张三"])
    replace_text(qtbot, crashed.title, "unsaved words")
    crashed.keep_draft()
    (saved,) = drafts_offer.left_drafts(db)
    drafts_offer.restore(pane, saved)
    form = pane.form
    assert form.record_id == people["张三"] and form.is_dirty()
    assert form.draft() == saved.draft
    assert form.save() and drafts_offer.left_drafts(db) == []
