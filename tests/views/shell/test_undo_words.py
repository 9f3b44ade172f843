"""What an undo says: the fields it left alone as the forms label them, once each and in the
form's order, records deleted since, and the question asked before an import is taken back."""

from __future__ import annotations

import uuid

from crmdesk.services.changes import Changes
from crmdesk.services.history import Conflict, RevertResult
from crmdesk.views.shell.undo_words import (
    conflict_labels,
    import_counts,
    import_question,
    taken_back_text,
)

ID = uuid.UUID(int=1)


def result(*conflicts: tuple[str, str], reverted: int = 3, gone: int = 0) -> RevertResult:
    return RevertResult(
        ID, ID, reverted, tuple(Conflict(e, ID, f) for e, f in conflicts), Changes(), gone=gone
    )


def test_conflicts_are_named_by_the_form_once_each_in_its_order(qapp):
    found = result(
        ("contacts", "title"),
        ("contacts", "photo_uri"),  # follows the photo
        ("contacts", "sort_key"),  # the log's own
        ("phones", "number"),
        ("phones", "e164"),
        ("contacts", "family_name"),
        ("contacts", "deleted_at"),
    )
    assert conflict_labels(found) == [
        "Family name",
        "Title",
        "Photo",
        "Phones",
        "In the recycle bin",
    ]


def test_what_an_undo_says_about_what_it_left(qapp):
    assert taken_back_text(result(), "Edit 张三") == "Undone: Edit 张三."
    one = taken_back_text(result(("contacts", "title")), "Edit 张三")
    assert one == "Undone: Edit 张三. Title was changed again since, so it was left as it is."
    none = taken_back_text(result(reverted=0, gone=2), "Edit 张三")
    assert none.startswith("Nothing of “Edit 张三” could be taken back.")
    assert none.endswith("2 changes were to records deleted since.")


def test_the_question_before_an_import_is_taken_back(qapp):
    note = {
        "kind": "import",
        "file": "people.csv",
        "counts": [
            ["created", "contacts", 2],
            ["created", "accounts", 1],
            ["edited", "contacts", 1],
        ],
    }
    assert import_counts(note) == {"contacts": 2, "accounts": 1}
    assert import_counts(note, "edited") == {"contacts": 1}
    assert import_question(note) == (
        "Take back the import of people.csv? This removes the 2 contacts, 1 account it created."
        " It also takes back what it added to 1 existing contact."
    )
    assert import_question({"kind": "merge"}) == "" and import_question(None) == ""
