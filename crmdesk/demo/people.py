"""Names of people: Chinese names drawn by surname frequency, Western ones from Faker pools,
their pinyin or ASCII spelling, and the mailbox names made of them."""

from __future__ import annotations

import functools
import random
import unicodedata
from dataclasses import dataclass

from crmdesk.demo import vocabulary as vocab
from crmdesk.demo.draws import cumulative, pick
from crmdesk.models.names import pinyin_syllables

_SURNAMES = tuple(name for name, _weight in vocab.SURNAMES)
_SURNAME_CUM = cumulative([weight for _name, weight in vocab.SURNAMES])
_GERMAN_LETTERS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
)


@dataclass(frozen=True)
class Pools:
    """Faker output gathered once per seed: first and last names per country, German streets."""

    male: dict[str, tuple[str, ...]]
    female: dict[str, tuple[str, ...]]
    last: dict[str, tuple[str, ...]]
    streets_de: tuple[str, ...]
    english_names: tuple[str, ...]


@functools.lru_cache(maxsize=4)
def pools(seed: int) -> Pools:
    from faker import Faker

    male, female, last = {}, {}, {}
    streets_de: tuple[str, ...] = ()
    for country, locale in vocab.FAKER_LOCALE.items():
        fake = Faker(locale)
        fake.seed_instance(seed)
        male[country] = tuple(fake.first_name_male() for _ in range(300))
        female[country] = tuple(fake.first_name_female() for _ in range(300))
        last[country] = tuple(fake.last_name() for _ in range(600))
        if country == "de":
            streets_de = tuple(fake.street_name() for _ in range(250))
    english = tuple(dict.fromkeys(male["us"][:80] + female["us"][:80]))
    return Pools(male, female, last, streets_de, english)


@functools.lru_cache(maxsize=4096)
def pinyin(text: str) -> str:
    return "".join(pinyin_syllables(text))


@functools.lru_cache(maxsize=8192)
def ascii_letters(text: str) -> str:
    """Lower-case ASCII letters of a Latin name, as mailbox names write them (Müller -> mueller)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_GERMAN_LETTERS).lower())
    return "".join(c for c in decomposed if "a" <= c <= "z")


def chinese_name(r: random.Random, female: bool) -> tuple[str, str]:
    """(family, given): a surname by its frequency, a one- or two-character given name."""
    rnd = r.random
    family = pick(rnd, _SURNAMES, _SURNAME_CUM)
    chars = vocab.FEMALE_CHARS if female else vocab.MALE_CHARS
    given = r.choice(chars) if rnd() < 0.22 else r.choice(chars) + r.choice(chars)
    return family, given


def western_name(pools: Pools, r: random.Random, country: str, female: bool) -> tuple[str, str]:
    """(family, given) of the country's Faker locale."""
    pool = pools.female[country] if female else pools.male[country]
    return r.choice(pools.last[country]), r.choice(pool)


def mailbox(r: random.Random, chinese: bool, fam: str, giv: str, given: str, nickname: str) -> str:
    """The part before the @ of a work address: zhang.san, san.zhang, zhangs, kevin.zhang …"""
    if chinese:
        if nickname:
            return f"{ascii_letters(nickname)}.{fam}"
        roll = r.random()
        if roll < 0.4:
            return f"{fam}.{giv}"
        if roll < 0.55:
            return f"{giv}.{fam}"
        if roll < 0.8:
            return f"{fam}{giv}"
        return fam + "".join(s[0] for s in pinyin_syllables(given))
    roll = r.random()
    if roll < 0.6:
        return f"{giv}.{fam}"
    if roll < 0.8:
        return f"{giv[:1]}{fam}"
    return f"{giv}{fam[:1]}"
