"""The history's words on screen: nouns by count, field labels inside a sentence, and the
service's English for a table the window has no word for."""

from __future__ import annotations

from crmdesk.services.batches import ENGLISH, ChangeVerb
from crmdesk.views.shell.change_words import change_words
from crmdesk.views.shell.field_labels import field_labels


def test_nouns_by_count_and_the_english_fallback(qapp):
    words = change_words()
    assert (words.noun("contacts", 1), words.noun("contacts", 3)) == ("contact", "contacts")
    assert words.noun("calendar_events", 2) == "events"
    assert words.noun("new_wing_rows", 2) == ENGLISH.noun("new_wing_rows", 2)


def test_fields_read_lower_case_inside_a_sentence(qapp):
    words = change_words()
    assert words.field_name("family_name") == "family name"
    assert words.field_name("loyalty_stage") == field_labels()["loyalty_stage"].lower()
    assert words.field_name("some_new_id") == ENGLISH.field_name("some_new_id")
    assert words.named[ChangeVerb.MERGED] == "Merged %3 %1 into %2"
    assert set(words.counted) == set(words.named)
