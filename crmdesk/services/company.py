"""Our own company, as contracts, quotes, letters and envelopes name the seller and sender."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar


@dataclass(frozen=True)
class CompanyProfile:
    """The seller block of a contract; kept in the data file (services.settings)."""

    KEY: ClassVar[str] = "company"
    name: str = ""
    address: str = ""
    postal_code: str = ""
    phone: str = ""
    email: str = ""
    tax_id: str = ""
    bank: str = ""
    bank_account: str = ""
