"""Phones, e-mail addresses and street addresses, unique and written the way people write them."""

from __future__ import annotations

import random

from crmdesk.demo import vocabulary as vocab
from crmdesk.demo.people import Pools
from crmdesk.demo.rows import AddressRow
from crmdesk.demo.vocabulary import City


class ContactPoints:
    """Draws phone numbers and e-mail addresses never handed out before in this demo."""

    def __init__(self, pools: Pools) -> None:
        self.pools = pools
        self.emails_used: set[str] = set()
        self.phones_used: set[str] = set()

    def unique_email(self, local: str, domain: str, r: random.Random) -> str:
        address = f"{local}@{domain}"
        while address in self.emails_used:
            address = f"{local}{r.randint(2, 999)}@{domain}"
        self.emails_used.add(address)
        return address

    def cn_mobile(self, r: random.Random) -> tuple[str, str]:
        """(as written, E.164) of a mainland mobile number."""
        while True:
            prefix = r.choice(("13", "13", "15", "18", "17", "19"))
            rest = f"{prefix}{r.randint(0, 9)}{r.randint(0, 99_999_999):08d}"
            e164 = "+86" + rest
            if e164 not in self.phones_used:
                break
        self.phones_used.add(e164)
        roll = r.random()
        if roll < 0.35:
            return rest, e164
        if roll < 0.7:
            return f"{rest[:3]} {rest[3:7]} {rest[7:]}", e164
        return f"+86 {rest[:3]} {rest[3:7]} {rest[7:]}", e164

    def cn_landline(self, r: random.Random, city: City) -> tuple[str, str]:
        """(as written, E.164) of a landline in a Chinese city: 010-6123 4567."""
        digits = 8
        while True:
            local = f"{r.randint(2, 8)}{r.randint(0, 10 ** (digits - 1) - 1):0{digits - 1}d}"
            e164 = f"+86{city.area}{local}"
            if e164 not in self.phones_used:
                break
        self.phones_used.add(e164)
        return f"0{city.area}-{local[:4]} {local[4:]}", e164

    def landline(self, r: random.Random, country: str, city: City) -> tuple[str, str]:
        """An office number in the city, Chinese or Western."""
        if country == "cn":
            return self.cn_landline(r, city)
        return self.west_phone(r, country, city, False)

    def west_phone(
        self, r: random.Random, country: str, city: City, mobile: bool
    ) -> tuple[str, str]:
        """(as written, E.164) of an American, British or German number."""
        while True:
            if country == "us":
                written, e164 = _us_phone(r, city, mobile)
            elif country == "uk":
                written, e164 = _uk_phone(r, city, mobile)
            else:
                written, e164 = _de_phone(r, city, mobile)
            if e164 not in self.phones_used:
                self.phones_used.add(e164)
                return written, e164

    def street(self, r: random.Random, city: City, country: str) -> tuple[str, str, str]:
        """(street, extended, postal code) of an address in a city."""
        if country == "cn":
            return _cn_street(r, city)
        if country == "us":
            street = f"{r.randint(10, 9800)} {r.choice(vocab.US_STREETS)}"
            extended = f"Suite {r.randint(100, 2400)}" if r.random() < 0.4 else ""
            return street, extended, f"{city.postal}{r.randint(1, 99):02d}"
        if country == "uk":
            street = f"{r.randint(1, 240)} {r.choice(vocab.UK_STREETS)}"
            extended = f"Unit {r.randint(1, 40)}" if r.random() < 0.2 else ""
            district = r.choice(city.postal.split())
            letters = "ABDEFGHJLNPQRSTUWXYZ"
            postal = f"{district} {r.randint(1, 9)}{r.choice(letters)}{r.choice(letters)}"
            return street, extended, postal
        street = f"{r.choice(self.pools.streets_de)} {r.randint(1, 180)}"
        return street, "", f"{city.postal}{r.randint(100, 999)}"


def _us_phone(r: random.Random, city: City, mobile: bool) -> tuple[str, str]:
    area = (
        city.area
        if not mobile or r.random() < 0.6
        else r.choice(("646", "917", "650", "408", "312", "737"))
    )
    exchange, line = r.randint(201, 989), r.randint(0, 9999)
    return f"+1 {area}-{exchange}-{line:04d}", f"+1{area}{exchange}{line:04d}"


def _uk_phone(r: random.Random, city: City, mobile: bool) -> tuple[str, str]:
    if mobile:
        a, b = r.randint(7400, 7999), r.randint(0, 999_999)
        return f"+44 {a} {b:06d}", f"+44{a}{b:06d}"
    digits = 10 - len(city.area)
    s = str(r.randint(10 ** (digits - 1) * 2, 10**digits - 1))
    half = len(s) // 2
    return f"+44 {city.area} {s[:half]} {s[half:]}", f"+44{city.area}{s}"


def _de_phone(r: random.Random, city: City, mobile: bool) -> tuple[str, str]:
    if mobile:
        a = r.choice(("151", "160", "170", "171", "172", "176"))
        b = r.randint(10_000_000, 99_999_999)
        return f"+49 {a} {b}", f"+49{a}{b}"
    digits = 11 - len(city.area) - 1
    b = r.randint(10 ** (digits - 1) * 2, 10**digits - 1)
    return f"+49 {city.area} {b}", f"+49{city.area}{b}"


def _cn_street(r: random.Random, city: City) -> tuple[str, str, str]:
    street = f"{r.choice(city.districts)}{r.choice(city.streets)}{r.randint(1, 999)}号"
    extended = ""
    roll = r.random()
    if roll < 0.45:
        extended = f"{r.choice('ABCDE')}座{r.randint(2, 32)}{r.randint(1, 20):02d}室"
    elif roll < 0.65:
        extended = f"{r.randint(1, 12)}号楼{r.randint(1, 6)}层"
    return street, extended, f"{city.postal}{r.randint(0, 999):03d}"


def address_row(
    id_: str,
    contact: str | None,
    account: str | None,
    kind: str,
    city: City,
    where: tuple[str, str, str],
) -> AddressRow:
    """An addresses row (primary, first) in a city: street, extended part and postal code."""
    street, extended, postal = where
    return AddressRow(
        id_, contact, account, 0, 1, kind, street, extended, "",
        city.name, city.region, postal, city.country, "",
    )  # fmt: skip
