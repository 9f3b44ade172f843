"""Known errors: English templates filled with their values, line numbers on import failures."""

from __future__ import annotations

from crmdesk.core.errors import FieldError, ImportFailed, KnownError, ValidationError
from crmdesk.core.texts import Text


def test_a_known_error_with_values_keeps_its_template_for_translation():
    error = KnownError("%1 is empty.", "Type a %1.", values=("Name",), hint_values=("name",))
    assert isinstance(error.message, Text) and isinstance(error.hint, Text)
    assert str(error) == "Name is empty. Type a name."


def test_a_known_error_without_values_is_plain_text():
    error = KnownError("The file is locked.")
    assert error.message == "The file is locked." and error.hint == ""
    assert str(error) == "The file is locked."


def test_a_validation_error_names_every_field():
    errors = [FieldError("name", "needed"), FieldError("emails.0", "not an address")]
    error = ValidationError(errors)
    assert error.errors == errors
    assert str(error) == "name: needed; emails.0: not an address"


def test_an_import_failure_with_a_line_says_it_first():
    error = ImportFailed("Column %1 is missing.", line=7, values=("Phone",))
    assert error.line == 7
    assert str(error) == "line 7: Column Phone is missing."


def test_an_import_failure_without_a_line_is_the_message_alone():
    error = ImportFailed("The file is empty.")
    assert error.line is None and str(error) == "The file is empty."
