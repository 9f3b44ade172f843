"""The demo's vocabulary, read once from the JSON files in crmdesk/demo/data/.

Names, places, companies, titles, products and the texts of activities, events and cases are
data, not code: each file says what its fields are under "about". This module turns them into
the small typed values the generators draw from.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from crmdesk.models.enums import CaseKind, Channel


@functools.cache
def load(name: str) -> dict[str, Any]:
    """One data file (crmdesk/demo/data/<name>.json) as parsed JSON."""
    text = resources.files("crmdesk.demo").joinpath("data", f"{name}.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def by_language(values: dict[str, list[Any]]) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """The (Chinese, English) pair of a {"zh": …, "en": …} entry, as tuples."""
    return tuple(values["zh"]), tuple(values["en"])


@dataclass(frozen=True)
class City:
    name: str
    region: str  # province, state, county or Land
    postal: str  # leading digits of the postal code (UK: the districts, space-separated)
    area: str  # dialling code without the trunk 0
    zone: str
    country: str
    districts: tuple[str, ...] = ()
    streets: tuple[str, ...] = ()
    tag: str = ""  # the region tag (华东 …) of a Chinese city
    weight: float = 1.0


@dataclass(frozen=True)
class Title:
    title: str
    department: str
    decides: bool  # a decision maker
    technical: bool
    weight: float


# Names ------------------------------------------------------------------------------------------
_names = load("names")
SURNAMES: tuple[tuple[str, float], ...] = tuple((s, float(w)) for s, w in _names["surnames"])
MALE_CHARS: str = _names["male_given_characters"]
FEMALE_CHARS: str = _names["female_given_characters"]

# Places -----------------------------------------------------------------------------------------
_places = load("places")
CHINA = tuple(
    City(
        c["name"], c["region"], c["postal"], c["area"], "Asia/Shanghai", "中国",
        tuple(c["districts"]), tuple(c["streets"]), c["tag"], float(c["weight"]),
    )
    for c in _places["china"]
)  # fmt: skip
WESTERN_WEIGHTS: dict[str, float] = _places["western_country_weights"]
WESTERN: dict[str, tuple[City, ...]] = {
    key: tuple(
        City(c["name"], c["region"], c["postal"], c["area"], c["zone"], c["country_name"],
             weight=float(c["weight"]))
        for c in _places["western"]
        if c["country"] == key
    )
    for key in WESTERN_WEIGHTS
}  # fmt: skip
FAKER_LOCALE: dict[str, str] = _places["faker_locales"]
US_STREETS: tuple[str, ...] = tuple(_places["us_streets"])
UK_STREETS: tuple[str, ...] = tuple(_places["uk_streets"])

# Accounts and staff -----------------------------------------------------------------------------
_accounts = load("accounts")
# industry -> (weight, Chinese, English, German words of company names)
INDUSTRIES: dict[str, tuple[float, tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    i["industry"]: (float(i["weight"]), tuple(i["zh"]), tuple(i["en"]), tuple(i["de"]))
    for i in _accounts["industries"]
}
BRAND_CHARS: str = _accounts["brand_characters"]
CN_SUFFIX_NAMES = tuple(name for name, _cum in _accounts["chinese_suffixes"])
CN_SUFFIX_CUM = tuple(cum for _name, cum in _accounts["chinese_suffixes"])
WEST_SUFFIXES = {k: tuple(v) for k, v in _accounts["western_suffixes"].items()}
TLD: dict[str, str] = _accounts["top_level_domains"]
ACCOUNT_NOTES_CN, ACCOUNT_NOTES_EN = by_language(_accounts["notes"])
SOURCES_CN, SOURCES_EN = by_language(_accounts["sources"])

_staff = load("staff")
OWNERS_CN, OWNERS_WEST = by_language(_staff["owners"])
SUPPORT_CN, SUPPORT_WEST = by_language(_staff["support"])
TAGS: tuple[tuple[str, str], ...] = tuple((n, c) for n, c in load("tags")["tags"])

# Contacts ---------------------------------------------------------------------------------------
_contacts = load("contacts")
TITLES_CN, TITLES_EN = (
    tuple(Title(*t) for t in _contacts["titles"][lang]) for lang in ("zh", "en")
)
NOTES_CN, NOTES_EN = by_language(_contacts["notes"])
CN_CHANNELS, EN_CHANNELS = (
    tuple(Channel(c) if c else None for c, _w in _contacts["channels"][lang])
    for lang in ("zh", "en")
)
CN_CHANNEL_WEIGHTS, EN_CHANNEL_WEIGHTS = (
    tuple(w for _c, w in _contacts["channels"][lang]) for lang in ("zh", "en")
)
CN_MAIL, EN_MAIL = by_language(_contacts["mail_domains"])

# Products and pipeline --------------------------------------------------------------------------
_products = load("products")
# (code, name in both languages, unit, price in yuan, VAT %, category)
PRODUCTS: tuple[tuple[str, str, str, int, int, str], ...] = tuple(
    (p["code"], p["name"], p["unit"], int(p["price"]), int(p["tax"]), p["category"])
    for p in _products["products"]
)
INDUSTRY_CATEGORIES: dict[str, dict[str, float]] = _products["industry_categories"]
# a category key -> the product's category as written, both languages like the product names
CATEGORY_NAMES: dict[str, str] = {
    key: f"{words['zh']} / {words['en']}" for key, words in _products["categories"].items()
}

_pipeline = load("pipeline")
# (name, probability %, won, lost)
STAGES: tuple[tuple[str, int, bool, bool], ...] = tuple(
    (s["name"], s["probability"], s["won"], s["lost"]) for s in _pipeline["stages"]
)
OPP_TOPICS: tuple[tuple[str, str, tuple[str, ...]], ...] = tuple(
    (t["zh"], t["en"], tuple(t["categories"])) for t in _pipeline["topics"]
)
LOST_CN, LOST_EN = by_language(_pipeline["lost_reasons"])

# Service ----------------------------------------------------------------------------------------
_service = load("service")
CASE_DEVICES_CN, CASE_DEVICES_EN = by_language(_service["devices"])
CASE_SUBJECTS: dict[CaseKind, tuple[tuple[str, ...], tuple[str, ...]]] = {
    kind: (
        tuple(cn for k, cn, _en in _service["subjects"] if k == kind),
        tuple(en for k, _cn, en in _service["subjects"] if k == kind),
    )
    for kind in CaseKind
}
RESOLUTIONS_CN, RESOLUTIONS_EN = by_language(_service["resolutions"])
SURVEY_ITEMS: tuple[tuple[str, str], ...] = tuple((zh, en) for zh, en in _service["survey_items"])
SURVEY_COMMENTS_CN, SURVEY_COMMENTS_EN = by_language(_service["survey_comments"])
CASE_CAUSES_CN, CASE_CAUSES_EN = by_language(_service["causes"])
