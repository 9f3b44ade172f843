"""Canonical forms of phones and emails: what validation, search and duplicate detection compare."""

from __future__ import annotations

from functools import lru_cache

import phonenumbers
from email_validator import EmailNotValidError, validate_email

DEFAULT_REGION = "CN"


def parse_phone(number: str, region: str = DEFAULT_REGION) -> phonenumbers.PhoneNumber | None:
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return None
    return parsed if phonenumbers.is_possible_number(parsed) else None


@lru_cache(maxsize=262_144)
def phone_e164(number: str, region: str = DEFAULT_REGION) -> str:
    """+8613800138000 for '138 0013 8000' (region CN); '' when it is not a possible number.

    Cached: an import parses each number for its own keys and again for duplicate matching
    (0.1 ms a parse, 100k+ numbers)."""
    parsed = parse_phone(number, region)
    if parsed is None:
        return ""
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def phone_problem(number: str, region: str = DEFAULT_REGION) -> str | None:
    """Why a phone number is not acceptable, or None when it is."""
    if not number.strip():
        return "Phone number is empty."
    if parse_phone(number, region) is None:
        return "Not a valid phone number."
    return None


def normalize_email(address: str) -> str:
    """Lower-cased address as compared for duplicates ('' for an empty one)."""
    return address.strip().lower()


def email_problem(address: str) -> str | None:
    """Why an email address is not acceptable, or None when it is."""
    if not address.strip():
        return "Email address is empty."
    try:
        validate_email(address.strip(), check_deliverability=False)
    except EmailNotValidError as exc:
        return str(exc)
    return None
