"""Canonical phone and e-mail forms: what duplicate detection and search compare."""

from __future__ import annotations

import random

import phonenumbers
import pytest

from crmdesk.services.normalize import email_problem, normalize_email, phone_e164


def _library_e164(number: str) -> str:
    """phonenumbers' own answer, as phone_e164 gives it."""
    try:
        parsed = phonenumbers.parse(number, "CN")
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_possible_number(parsed):
        return ""
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def test_typed_chinese_mobiles_read_as_phonenumbers_reads_them() -> None:
    """The unparsed path for 11-digit mobiles agrees with the library on every 5-digit prefix
    from 10000 to 19999, including the 11x/12x/179xx ones the library treats differently."""
    rng = random.Random(5)
    for prefix in range(10_000, 20_000):
        for _ in range(2):
            number = f"{prefix}{rng.randrange(1_000_000):06d}"
            assert phone_e164(number) == _library_e164(number), number


@pytest.mark.parametrize(
    ("typed", "e164"),
    [
        ("138 0013 8000", "+8613800138000"),
        ("+86 138-0013-8000", "+8613800138000"),
        ("１３８００１３８０００", "+8613800138000"),  # full-width digits
        ("010 6552 9988", "+861065529988"),
        ("+1 (415) 555-0100", "+14155550100"),
        ("17951 13800138000", "+8613800138000"),  # carrier-selection prefix
        ("1234", ""),
        ("999999999999999999", ""),
        ("not a phone", ""),
    ],
)
def test_phone_forms(typed: str, e164: str) -> None:
    assert phone_e164(typed) == e164 == _library_e164(typed)


def test_email_is_compared_in_lower_case_and_trimmed() -> None:
    assert normalize_email("  Zhang.San@Example.COM ") == "zhang.san@example.com"


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("john", "An email address must have an @-sign."),
        ("john@", "There must be something after the @-sign."),
        ("@acme.com", "There must be something before the @-sign."),
        ("john@acme", "The part after the @-sign is not valid. It should have a period."),
        ("john..x@acme.com", "An email address cannot have two periods in a row."),
        # the library quotes the bad characters after a colon: the reason stands without them
        ("john@@acme", "The part after the @-sign contains invalid characters."),
        ("jo hn@acme.com", "The email address contains invalid characters before the @-sign."),
        ("a@b.invalid", "Not a valid e-mail address."),  # a rare reason: the general message
        ("", "Email address is empty."),
        ("张三@公司.中国", None),
        ("John.Smith@Acme.com", None),
    ],
)
def test_an_email_problem_is_one_of_the_catalogued_messages(address, problem) -> None:
    """Form errors are shown through the translation catalogue, so each must be a fixed text."""
    assert email_problem(address) == problem
