"""The user's words for the parts of an address (the domain's vocabularies: shell.vocabulary)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


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
