"""A recipient's address as the lines of a label or an envelope, in its country's order.

A Chinese address (Han text) reads from the largest place to the smallest: postal code, then
province, city, district and street on one line, the building, and the name last with 收 — the
order services.contact_points.format_address writes on one line. A Western address reads name,
company, street, city with region and code (code and town where the country writes
it so, as Germany does), country.
"""

from __future__ import annotations

from dataclasses import dataclass

from crmdesk.models.names import has_cjk

CHINA = frozenset({"中国", "中华人民共和国", "China", "CN", "PRC", "P.R. China"})
# Countries that write the postal code before the town ("10115 Berlin").
_CODE_FIRST = (
    "germany deutschland de france fr italy italia it spain españa es netherlands nederland nl "
    "austria österreich at switzerland schweiz suisse ch belgium belgië belgique be denmark "
    "danmark dk sweden sverige se norway norge no finland suomi fi poland polska pl portugal pt "
    "czechia cz greece gr"
)
CODE_FIRST = frozenset(_CODE_FIRST.split())


@dataclass(frozen=True)
class Recipient:
    """Who a label or an envelope goes to: plain text, no database rows."""

    name: str
    street: str = ""
    extended: str = ""  # building, floor, room
    po_box: str = ""
    city: str = ""
    region: str = ""
    postal_code: str = ""
    country: str = ""
    company: str = ""

    @property
    def chinese(self) -> bool:
        return has_cjk(self.city + self.street + self.region + self.extended)

    def has_address(self) -> bool:
        return bool(
            (self.street or self.po_box).strip() and (self.city or self.postal_code).strip()
        )


def address_lines(r: Recipient) -> list[str]:
    """The lines to print, top to bottom, without empty ones."""
    lines = _chinese_lines(r) if r.chinese else _western_lines(r)
    return [line for line in (" ".join(x.split()) for x in lines) if line]


def _chinese_lines(r: Recipient) -> list[str]:
    country = r.country if r.country.strip() not in CHINA else ""
    places = "".join(p.strip() for p in (country, r.region, r.city, r.street))
    building = " ".join(p.strip() for p in (r.extended, r.po_box))
    name = f"{r.name.strip()} 收" if r.name.strip() else ""
    return [r.postal_code, places, building, r.company, name]


def _western_lines(r: Recipient) -> list[str]:
    if r.country.strip().casefold() in CODE_FIRST:
        city_line = " ".join(p.strip() for p in (r.postal_code, r.city) if p.strip())
        return [r.name, r.company, r.street, r.extended, r.po_box, city_line, r.country.upper()]
    city_line = " ".join(p.strip() for p in (r.city, r.region, r.postal_code) if p.strip())
    if r.city.strip() and r.region.strip():  # "Springfield, IL 62704"
        city_line = f"{r.city.strip()}, " + " ".join(
            p.strip() for p in (r.region, r.postal_code) if p.strip()
        )
    return [r.name, r.company, r.street, r.extended, r.po_box, city_line, r.country.upper()]
