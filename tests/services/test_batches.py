"""Batches as the history lists them: what each did in words, what took it back, and whether
an undo is still in effect (an undo undone leaves the change in effect again)."""

from __future__ import annotations

from crmdesk.models import Contact
from crmdesk.models.changelog import session_batch
from crmdesk.services.batches import batch_summary, describe, recent_batches, taken_back
from crmdesk.services.contacts import ContactDraft, save_contact
from crmdesk.services.history import revert_batch


def test_a_save_an_edit_an_undo_and_a_redo_in_words(db):
    with db.transaction() as s:
        cid, _ = save_contact(s, ContactDraft(family_name="张", given_name="三"))
        created = session_batch(s)
    with db.transaction() as s:
        s.get(Contact, cid).title = "经理"
        s.flush()
        edited = session_batch(s)
    with db.transaction() as s:
        revert_batch(s, edited)
        undo = session_batch(s)
    with db.reading() as s:
        assert describe(batch_summary(s, created)) == "Created contact 张三"
        assert describe(batch_summary(s, edited)) == "Edited contact 张三: title"
        undo_summary = batch_summary(s, undo)
        assert undo_summary.undoes is not None and undo_summary.undoes.batch_id == edited
        assert describe(undo_summary) == "Undid: Edited contact 张三: title"
        assert taken_back(s, [created, edited]) == {edited}
        assert [b.batch_id for b in recent_batches(s, limit=2)] == [undo, edited]
    with db.transaction() as s:
        revert_batch(s, undo)  # the redo: the edit is in effect again
    with db.reading() as s:
        assert taken_back(s, [edited]) == set()
        assert batch_summary(s, created).undone is False
