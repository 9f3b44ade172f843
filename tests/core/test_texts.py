"""Texts a user reads, made in plain Python from templates a view can translate: errors the
user can act on, and reasons a row is rejected."""

from __future__ import annotations

import copy
import json
import pickle

from crmdesk.core.errors import ImportFailed, KnownError
from crmdesk.core.texts import Text, fill


def test_a_template_is_filled_for_the_english_text_and_kept_for_translation():
    error = KnownError("%1 has no sheet %2.", "Its sheets: %1.", values=("a.xlsx", "'X'"),
                       hint_values=("Sheet1, Sheet2",))  # fmt: skip
    assert error.message == "a.xlsx has no sheet 'X'."
    assert error.hint == "Its sheets: Sheet1, Sheet2."
    assert error.message.template == "%1 has no sheet %2."
    assert error.message.values == ("a.xlsx", "'X'")
    assert str(error) == "a.xlsx has no sheet 'X'. Its sheets: Sheet1, Sheet2."


def test_an_import_error_names_its_line_before_the_filled_message():
    error = ImportFailed("%1: a quoted field starting in this row is never closed.", line=7,
                         values=("c.csv",))  # fmt: skip
    assert error.message == "line 7: c.csv: a quoted field starting in this row is never closed."
    assert str(error) == error.message and error.args == (error.message,)
    assert error.message.values[1].template.startswith("%1:") and error.line == 7


def test_fill_puts_each_value_in_once():
    assert fill("%1 and %2", ("50%2", "b")) == "50%2 and b"
    assert fill("%1 of %3", ("a",)) == "a of %3"  # a place with no value stays
    assert fill("100% sure", ()) == "100% sure"


def test_a_text_is_its_english_and_keeps_what_it_was_made_of():
    inner = Text("%1 is not a number", "'lots'")
    outer = Text("%1: %2", "Total", inner)
    assert outer == "Total: 'lots' is not a number" and isinstance(outer, str)
    assert (outer.template, outer.values) == ("%1: %2", ("Total", inner))
    for again in (copy.copy(outer), pickle.loads(pickle.dumps(outer))):
        assert again == outer and again.values[1].template == "%1 is not a number"
    assert json.dumps({"reason": outer}) == '{"reason": "Total: \'lots\' is not a number"}'


def test_a_text_reason_stays_translatable_inside_an_import_errors_line():
    error = ImportFailed(Text("%1 is not a number", "'x'"), line=3)
    assert error.message == "line 3: 'x' is not a number"
    assert error.message.values[1].template == "%1 is not a number"  # not the filled English
