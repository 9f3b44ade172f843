"""The user's words for stored vocabulary values and for the parts of an address."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from crmdesk.models.enums import (
    AccountKind,
    ActivityKind,
    AddressKind,
    Channel,
    EmailKind,
    EventKind,
    Industry,
    LifecyclePhase,
    LoyaltyStage,
    PhoneKind,
    ValueTier,
)


def address_part_captions() -> dict[str, str]:
    """An address's parts (contact_points.ADDRESS_PARTS) in the user's words."""
    return {
        "street": QCoreApplication.translate("AddressRow", "Street"),
        "extended": QCoreApplication.translate("AddressRow", "Building, floor"),
        "po_box": QCoreApplication.translate("AddressRow", "PO box"),
        "city": QCoreApplication.translate("AddressRow", "City"),
        "region": QCoreApplication.translate("AddressRow", "Province / state"),
        "postal_code": QCoreApplication.translate("AddressRow", "Postal code"),
        "country": QCoreApplication.translate("AddressRow", "Country"),
    }


def industry_words() -> dict[StrEnum, str]:
    """Industries in the user's words (their own context: translators see them together)."""
    return {
        Industry.MANUFACTURING: QCoreApplication.translate("Industry", "Manufacturing"),
        Industry.RETAIL: QCoreApplication.translate("Industry", "Retail"),
        Industry.IT: QCoreApplication.translate("Industry", "IT and software"),
        Industry.HEALTHCARE: QCoreApplication.translate("Industry", "Healthcare"),
        Industry.FINANCE: QCoreApplication.translate("Industry", "Finance"),
        Industry.EDUCATION: QCoreApplication.translate("Industry", "Education"),
        Industry.LOGISTICS: QCoreApplication.translate("Industry", "Logistics"),
        Industry.ENERGY: QCoreApplication.translate("Industry", "Energy"),
        Industry.CONSTRUCTION: QCoreApplication.translate("Industry", "Construction"),
        Industry.AGRICULTURE: QCoreApplication.translate("Industry", "Agriculture"),
        Industry.HOSPITALITY: QCoreApplication.translate("Industry", "Hospitality"),
        Industry.MEDIA: QCoreApplication.translate("Industry", "Media"),
        Industry.TELECOM: QCoreApplication.translate("Industry", "Telecommunications"),
        Industry.PUBLIC_SECTOR: QCoreApplication.translate("Industry", "Public sector"),
        Industry.PROFESSIONAL_SERVICES: QCoreApplication.translate(
            "Industry", "Professional services"
        ),
        Industry.OTHER: QCoreApplication.translate("Industry", "Other industry"),
    }


def enum_text(value: StrEnum) -> str:
    """The user's word for a vocabulary value (PhoneKind.MOBILE -> "Mobile", translated)."""
    if isinstance(value, Industry):  # its own words: Industry.OTHER is not PhoneKind.OTHER
        return industry_words()[value]
    texts: dict[StrEnum, str] = {
        PhoneKind.MOBILE: QCoreApplication.translate("Vocabulary", "Mobile"),
        PhoneKind.WORK: QCoreApplication.translate("Vocabulary", "Work"),
        PhoneKind.HOME: QCoreApplication.translate("Vocabulary", "Home"),
        PhoneKind.FAX: QCoreApplication.translate("Vocabulary", "Fax"),
        PhoneKind.PAGER: QCoreApplication.translate("Vocabulary", "Pager"),
        PhoneKind.OTHER: QCoreApplication.translate("Vocabulary", "Other"),
        EmailKind.WORK: QCoreApplication.translate("Vocabulary", "Work"),
        EmailKind.HOME: QCoreApplication.translate("Vocabulary", "Home"),
        EmailKind.OTHER: QCoreApplication.translate("Vocabulary", "Other"),
        AddressKind.WORK: QCoreApplication.translate("Vocabulary", "Work"),
        AddressKind.HOME: QCoreApplication.translate("Vocabulary", "Home"),
        AddressKind.POSTAL: QCoreApplication.translate("Vocabulary", "Postal"),
        AddressKind.OTHER: QCoreApplication.translate("Vocabulary", "Other"),
        Channel.PHONE: QCoreApplication.translate("Vocabulary", "Phone"),
        Channel.MOBILE: QCoreApplication.translate("Vocabulary", "Mobile"),
        Channel.EMAIL: QCoreApplication.translate("Vocabulary", "Email"),
        Channel.WECHAT: QCoreApplication.translate("Vocabulary", "WeChat"),
        Channel.SMS: QCoreApplication.translate("Vocabulary", "SMS"),
        Channel.VISIT: QCoreApplication.translate("Vocabulary", "Visit"),
        Channel.LETTER: QCoreApplication.translate("Vocabulary", "Letter"),
        ValueTier.VIP: QCoreApplication.translate("Vocabulary", "VIP"),
        ValueTier.IMPORTANT: QCoreApplication.translate("Vocabulary", "Important"),
        ValueTier.ORDINARY: QCoreApplication.translate("Vocabulary", "Ordinary"),
        LoyaltyStage.PROSPECT: QCoreApplication.translate("Vocabulary", "Prospect"),
        LoyaltyStage.NEW: QCoreApplication.translate("Vocabulary", "New customer"),
        LoyaltyStage.REGULAR: QCoreApplication.translate("Vocabulary", "Regular"),
        LoyaltyStage.LONG_STANDING: QCoreApplication.translate("Vocabulary", "Long-standing"),
        LoyaltyStage.LOYAL: QCoreApplication.translate("Vocabulary", "Loyal"),
        LifecyclePhase.ACQUISITION: QCoreApplication.translate("Vocabulary", "Acquisition"),
        LifecyclePhase.GROWTH: QCoreApplication.translate("Vocabulary", "Growth"),
        LifecyclePhase.RETENTION: QCoreApplication.translate("Vocabulary", "Retention"),
        LifecyclePhase.DECLINE: QCoreApplication.translate("Vocabulary", "Decline"),
        LifecyclePhase.LOST: QCoreApplication.translate("Vocabulary", "Lost"),
        AccountKind.ORGANISATION: QCoreApplication.translate("Vocabulary", "Organisation"),
        AccountKind.INDIVIDUAL: QCoreApplication.translate("Vocabulary", "Individual"),
        ActivityKind.CALL: QCoreApplication.translate("Vocabulary", "Call"),
        ActivityKind.VISIT: QCoreApplication.translate("Vocabulary", "Visit"),
        ActivityKind.MEETING: QCoreApplication.translate("Vocabulary", "Meeting"),
        ActivityKind.EMAIL: QCoreApplication.translate("Vocabulary", "Email"),
        ActivityKind.MESSAGE: QCoreApplication.translate("Vocabulary", "Message"),
        ActivityKind.NOTE: QCoreApplication.translate("Vocabulary", "Note"),
        ActivityKind.TASK: QCoreApplication.translate("Vocabulary", "Task"),
        EventKind.OTHER: QCoreApplication.translate("Vocabulary", "Other"),
    }
    # Members of different enums with the same value ("work") are one key: their words agree.
    return texts.get(value, str(value).replace("_", " ").capitalize())
