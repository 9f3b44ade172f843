"""The fields a mail-merge letter may use, and the salutation in the letter's language.

A salutation uses what the contact record says and nothing it does not: a prefix that names a
form of address (Mr, Ms, Dr; 先生, 女士) gives "Dear Ms Smith," / "尊敬的王女士："; without one the
full name ("Dear Anna Müller," / "尊敬的王伟："), which never guesses a gender wrongly; without a
name, the neutral "Dear Sir or Madam," / "尊敬的客户：".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from crmdesk.core.texts import translatable
from crmdesk.export.contract_fields import Party, date_text

ENGLISH_FORMS = {"mr": "Mr", "mister": "Mr", "ms": "Ms", "mrs": "Mrs", "miss": "Miss",
                 "dr": "Dr", "prof": "Professor", "professor": "Professor"}  # fmt: skip
CHINESE_FORMS = {"先生": "先生", "女士": "女士", "小姐": "女士", "mr": "先生", "mister": "先生",
                 "ms": "女士", "mrs": "女士", "miss": "女士", "dr": "博士", "博士": "博士",
                 "prof": "教授", "professor": "教授", "教授": "教授"}  # fmt: skip


@dataclass(frozen=True)
class LetterData:
    """One recipient's letter: plain text, read from the database by services.letters."""

    name: str
    family_name: str = ""
    given_name: str = ""
    prefix: str = ""
    title: str = ""
    department: str = ""
    email: str = ""
    phone: str = ""
    owner: str = ""
    account: Party = field(default_factory=Party)
    account_code: str = ""
    account_industry: str = ""
    address_lines: tuple[str, ...] = ()
    date: dt.date | None = None


LETTER_FIELDS: tuple[tuple[str, str], ...] = (
    ("letter.date", translatable("Templates", "The date of the letter.")),
    ("contact.salutation", translatable("Templates", "Dear Ms Smith, / 尊敬的王女士：")),
    ("contact.name", translatable("Templates", "The contact's full name.")),
    ("contact.family_name", translatable("Templates", "The family name.")),
    ("contact.given_name", translatable("Templates", "The given name.")),
    ("contact.title", translatable("Templates", "The job title.")),
    ("contact.department", translatable("Templates", "The department.")),
    ("contact.email", translatable("Templates", "The contact's email address.")),
    ("contact.phone", translatable("Templates", "The contact's phone number.")),
    ("address.lines", translatable("Templates", "The address lines, in the country's order.")),
    ("address.text", translatable("Templates", "The address as one text, a line each.")),
    ("account.name", translatable("Templates", "The contact's account (company).")),
    ("account.code", translatable("Templates", "The account's own code.")),
    ("account.industry", translatable("Templates", "The account's industry.")),
    ("account.address", translatable("Templates", "The account's address.")),
    ("account.tax_id", translatable("Templates", "The account's taxpayer identification number.")),
    ("owner.name", translatable("Templates", "The account manager who looks after the contact.")),
    ("seller.name", translatable("Templates", "Our company's name (Settings).")),
    ("seller.address", translatable("Templates", "Our company's address and postal code.")),
    ("seller.phone", translatable("Templates", "Our company's phone number.")),
    ("seller.email", translatable("Templates", "Our company's email address.")),
    ("seller.tax_id", translatable("Templates", "Our taxpayer identification number.")),
    ("seller.bank", translatable("Templates", "Our bank and account number.")),
)


def letter_known_fields() -> frozenset[str]:
    return frozenset(name for name, _ in LETTER_FIELDS)


def _form(prefix: str, forms: dict[str, str]) -> str:
    key = prefix.strip().rstrip(".").casefold()
    return forms.get(key, "")


def salutation(letter: LetterData, language: str) -> str:
    name = letter.name.strip()
    if language == "zh":
        if not name:
            return "尊敬的客户："
        form = _form(letter.prefix, CHINESE_FORMS)
        family = letter.family_name.strip()
        return f"尊敬的{family}{form}：" if form and family else f"尊敬的{name}："
    if not name:
        return "Dear Sir or Madam,"
    form = _form(letter.prefix, ENGLISH_FORMS)
    family = letter.family_name.strip()
    return f"Dear {form} {family}," if form and family else f"Dear {name},"


def letter_context(letter: LetterData, seller: Party, language: str) -> dict[str, Any]:
    return {
        "letter": {"date": date_text(letter.date or dt.date.today(), language)},
        "contact": {
            "salutation": salutation(letter, language),
            "name": letter.name, "family_name": letter.family_name,
            "given_name": letter.given_name, "title": letter.title,
            "department": letter.department, "email": letter.email, "phone": letter.phone,
        },
        "address": {"lines": list(letter.address_lines), "text": "\n".join(letter.address_lines)},
        "account": {"name": letter.account.name, "code": letter.account_code,
                    "industry": letter.account_industry, "address": letter.account.address,
                    "tax_id": letter.account.tax_id},
        "owner": {"name": letter.owner},
        "seller": {"name": seller.name, "address": seller.address, "phone": seller.phone,
                   "email": seller.email, "tax_id": seller.tax_id, "bank": seller.bank},
    }  # fmt: skip
