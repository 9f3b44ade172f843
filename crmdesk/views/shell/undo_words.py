"""What an undo says, in the user's words: fields named as the forms label them, counts in
Qt's plural forms, and why fewer changes came back than were made."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crmdesk.services.history import RevertResult
from crmdesk.views.shell.field_labels import field_labels
from crmdesk.views.shell.i18n import _tr

# Columns that follow others (a name's sort key, an e-mail's normalised form) or that the log
# keeps for itself: a conflict on them is told by the field they follow, or not at all.
_FOLLOWS = {"photo_mime": "photo", "photo_uri": "photo"}
_UNTOLD = frozenset({"sort_key", "merged_into", "merged_from", "updated_at", "version"})
_PARTS = ("phones", "emails", "addresses")  # a conflict in one is a conflict in the list


def conflict_labels(result: RevertResult) -> list[str]:
    """The fields left alone, as the form labels them, in the form's order, each once."""
    labels = field_labels()
    order = {name: n for n, name in enumerate(labels)}
    names: set[str] = set()
    for conflict in result.conflicts:
        if conflict.entity in _PARTS:
            names.add(conflict.entity)
            continue
        name = _FOLLOWS.get(conflict.field, conflict.field)
        if name == "deleted_at":
            names.add("deleted_at")
        elif name not in _UNTOLD and name in labels:
            names.add(name)
    shown = sorted(names, key=lambda n: order.get(n, len(order)))
    return [_tr("In the recycle bin") if n == "deleted_at" else labels[n] for n in shown]


def taken_back_text(result: RevertResult, what: str) -> str:
    """'Undone: Edit 张三.', then what was left as it is and why."""
    if result.reverted:
        sentences = [_tr("Undone: %1.").replace("%1", what)]
    else:
        sentences = [_tr("Nothing of “%1” could be taken back.").replace("%1", what)]
    labels = conflict_labels(result)
    if labels:
        joined = _tr(", ").join(labels)
        if len(labels) == 1:
            text = _tr("%1 was changed again since, so it was left as it is.")
        else:
            text = _tr("%1 were changed again since, so they were left as they are.")
        sentences.append(text.replace("%1", joined))
    if result.gone:
        if result.gone == 1:
            sentences.append(_tr("1 change was to a record deleted since."))
        else:
            sentences.append(_tr("%n changes were to records deleted since.", None, result.gone))
    return _join(sentences)


def import_counts(note: Mapping[str, Any], verb: str = "created") -> dict[str, int]:
    """entity -> how many records the import created (or edited), from its note."""
    return {entity: n for did, entity, n in note.get("counts", ()) if did == verb}


def _records(entity: str, n: int) -> str:
    if entity == "contacts":
        return _tr("1 contact") if n == 1 else _tr("%n contacts", None, n)
    if entity == "accounts":
        return _tr("1 account") if n == 1 else _tr("%n accounts", None, n)
    if entity == "orders":
        return _tr("1 order") if n == 1 else _tr("%n orders", None, n)
    if entity == "leads":
        return _tr("1 lead") if n == 1 else _tr("%n leads", None, n)
    if entity == "events":
        return _tr("1 event") if n == 1 else _tr("%n events", None, n)
    return _tr("1 product") if n == 1 else _tr("%n products", None, n)


def import_question(note: Mapping[str, Any] | None) -> str:
    """What to ask before an import is taken back: its file, what that removes and what it
    takes back in records that were there before."""
    if not note or note.get("kind") != "import":
        return ""
    created = [_records(e, n) for e, n in import_counts(note).items() if n]
    edited = import_counts(note, "edited").get("contacts", 0)
    sentences = [_tr("Take back the import of %1?").replace("%1", str(note.get("file", "")))]
    if created:
        removed = _tr(", ").join(created)
        sentences.append(_tr("This removes the %1 it created.").replace("%1", removed))
    if edited == 1:
        sentences.append(_tr("It also takes back what it added to 1 existing contact."))
    elif edited:
        sentences.append(
            _tr("It also takes back what it added to %n existing contacts.", None, edited)
        )
    return _join(sentences)


def _join(sentences: list[str]) -> str:
    text = sentences[0]
    for sentence in sentences[1:]:
        text = (
            _tr("%1 %2", "one sentence after another").replace("%1", text).replace("%2", sentence)
        )
    return text


__all__ = ["conflict_labels", "import_counts", "import_question", "taken_back_text"]
