"""The history's words in the user's language: `services.history.describe` composes a batch's
description from these (the English ones are the service's own)."""

from __future__ import annotations

from crmdesk.services.history import ENGLISH, ChangeVerb, ChangeWords
from crmdesk.views.shell.field_labels import field_labels
from crmdesk.views.shell.i18n import _tr


def change_words() -> ChangeWords:
    """Looked up when called, so they follow the translator installed at the time."""
    nouns = {
        "contacts": (_tr("contact"), _tr("contacts")),
        "accounts": (_tr("account"), _tr("accounts")),
        "activities": (_tr("activity"), _tr("activities")),
        "calendar_events": (_tr("event"), _tr("events")),
        "opportunities": (_tr("opportunity"), _tr("opportunities")),
        "orders": (_tr("order"), _tr("orders")),
        "service_cases": (_tr("case"), _tr("cases")),
        "satisfaction_surveys": (_tr("survey"), _tr("surveys")),
        "tags": (_tr("tag"), _tr("tags")),
        "products": (_tr("product"), _tr("products")),
        "pipeline_stages": (_tr("stage"), _tr("stages")),
        "monthly_targets": (_tr("target"), _tr("targets")),
        "phones": (_tr("phone"), _tr("phones")),
        "emails": (_tr("email"), _tr("emails")),
        "addresses": (_tr("address"), _tr("addresses")),
    }
    # a label lower-cased to sit inside a sentence: "Edited contact 张三: title, phones"
    fields = {name: label.lower() for name, label in field_labels().items()}

    def noun(entity: str, count: int) -> str:
        if entity not in nouns:
            return ENGLISH.noun(entity, count)
        one, many = nouns[entity]
        return one if count == 1 else many

    return ChangeWords(
        noun=noun,
        field_name=lambda name: fields.get(name) or ENGLISH.field_name(name),
        named={
            ChangeVerb.CREATED: _tr("Created %1 %2"),
            ChangeVerb.EDITED: _tr("Edited %1 %2"),
            ChangeVerb.DELETED: _tr("Deleted %1 %2"),
            ChangeVerb.RESTORED: _tr("Restored %1 %2"),
            ChangeVerb.MERGED: _tr("Merged %3 %1 into %2"),
            ChangeVerb.UNMERGED: _tr("Unmerged %1 %2"),
        },
        counted={
            ChangeVerb.CREATED: _tr("created %1 %2"),
            ChangeVerb.EDITED: _tr("edited %1 %2"),
            ChangeVerb.DELETED: _tr("deleted %1 %2"),
            ChangeVerb.RESTORED: _tr("restored %1 %2"),
            ChangeVerb.MERGED: _tr("merged %1 %2"),
            ChangeVerb.UNMERGED: _tr("unmerged %1 %2"),
        },
        changes=_tr("%1 changes"),
        with_fields=_tr("%1: %2"),
        separator=_tr(", "),
        undid=_tr("Undid: %1"),
        redid=_tr("Redid: %1"),
        imported=_tr("Imported %1"),
    )
