"""Canonical forms of phones and emails: what validation, search and duplicate detection compare."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

import phonenumbers
from email_validator import SPECIAL_USE_DOMAIN_NAMES, EmailNotValidError, validate_email

from crmdesk.core.texts import Text, translatable
from crmdesk.models.base import Money

DEFAULT_REGION = "CN"

# email-validator's reasons for the usual typing slips, shown (and translated) without the
# characters it quotes after a colon; a rarer reason is shown as "Not a valid e-mail address."
_EMAIL_REASONS = frozenset(
    (
        translatable("Validation", "An email address must have an @-sign."),
        translatable("Validation", "There must be something before the @-sign."),
        translatable("Validation", "There must be something after the @-sign."),
        translatable("Validation", "An email address cannot end with a period."),
        translatable("Validation", "The part after the @-sign contains invalid characters."),
        translatable("Validation", "An email address cannot have two periods in a row."),
        translatable(
            "Validation", "The part after the @-sign is not valid. It should have a period."
        ),
        translatable(
            "Validation",
            "The part after the @-sign is not valid. It is not within a valid top-level domain.",
        ),
        translatable(
            "Validation", "The email address contains invalid characters before the @-sign."
        ),
    )
)


def parse_phone(number: str, region: str = DEFAULT_REGION) -> phonenumbers.PhoneNumber | None:
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return None
    return parsed if phonenumbers.is_possible_number(parsed) else None


# A Chinese mobile number as people type it: 11 digits, 13x–19x. phonenumbers reads it as
# +86 and the digits (a test holds the two equal over the whole range); 179xx is left to it,
# as a carrier-selection prefix it may strip.
_CN_MOBILE = re.compile(r"1[3-9][0-9]{9}")


def phone_e164(number: str, region: str = DEFAULT_REGION) -> str:
    """+8613800138000 for '138 0013 8000' (region CN); '' when it is not a possible number."""
    if region == "CN" and _CN_MOBILE.fullmatch(number) and not number.startswith("179"):
        return "+86" + number  # most numbers in a Chinese address book: no parse (0.04 ms)
    return _parsed_e164(number, region)


@lru_cache(maxsize=262_144)
def _parsed_e164(number: str, region: str) -> str:
    """Cached: an import asks for each number's form for its own keys and again for duplicate
    matching (0.1 ms a parse, 100k+ numbers)."""
    parsed = parse_phone(number, region)
    if parsed is None:
        return ""
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def phone_problem(number: str, region: str = DEFAULT_REGION) -> str | None:
    """Why a phone number is not acceptable (the form's rule, and every importer's), or None
    when it is: a possible number, which is exactly one that has an E.164 form."""
    if not number.strip():
        return translatable("Validation", "Phone number is empty.")
    if not phone_e164(number.strip(), region):
        return translatable("Validation", "Not a valid phone number.")
    return None


def normalize_email(address: str) -> str:
    """Lower-cased address as compared for duplicates ('' for an empty one)."""
    return address.strip().lower()


# An address email-validator surely accepts: dot-atoms of plain ASCII, a domain of letter-digit
# labels under a top-level domain of letters, short and without '--'. Checked first, as
# email-validator takes ~0.1 ms an address and an import checks 100k of them; anything else
# goes to email-validator.
_PLAIN_EMAIL = re.compile(
    r"[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+"
    r"(?P<tld>[A-Za-z]{2,63})"
)
_SPECIAL_DOMAINS = frozenset(SPECIAL_USE_DOMAIN_NAMES)


def email_problem(address: str) -> str | None:
    """Why an email address is not acceptable (the form's rule, and every importer's), or None
    when it is."""
    address = address.strip()
    if not address:
        return translatable("Validation", "Email address is empty.")
    plain = _PLAIN_EMAIL.fullmatch(address)
    if (
        plain
        and len(address) <= 63  # so no part is over its limit
        and "--" not in address  # a punycode-like label: email-validator's rules
        and plain["tld"].lower() not in _SPECIAL_DOMAINS
    ):
        return None
    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError as exc:
        reason = str(exc).split(":")[0].removesuffix(".") + "."
        if reason in _EMAIL_REASONS:
            return reason
        return translatable("Validation", "Not a valid e-mail address.")
    return None


_MONEY = Money()


def amount_problem(value: Decimal, what: str, money: Money = _MONEY) -> str | Text | None:
    """Why an amount cannot be stored (`what` names it: "the total"), or None when it can:
    every importer and form asks this before a Money column is written."""
    if money.holds(value):
        return None
    if not value.is_finite():
        return Text(translatable("Validation", "%1 is not a number."), Text(what))
    return Text(
        translatable(
            "Validation", "%1 is too large: %2 digits before the decimal point, at most %3."
        ),
        Text(what),
        max(value.adjusted() + 1, 1),
        18 - money.scale,
    )
