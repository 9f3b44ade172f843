"""Personal names in Chinese and Western order, and their pinyin for search and sorting."""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Literal, NamedTuple, overload

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef]")

# Two-character family names (复姓) that a single-field Chinese name may start with.
COMPOUND_FAMILY_NAMES = frozenset(
    [
        "欧阳",
        "司马",
        "上官",
        "诸葛",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "长孙",
        "宇文",
        "司徒",
        "夏侯",
        "轩辕",
        "令狐",
        "端木",
        "独孤",
        "南宫",
        "西门",
        "澹台",
        # the same in traditional characters
        "歐陽",
        "司馬",
        "諸葛",
        "東方",
        "長孫",
        "軒轅",
        "獨孤",
        "南宮",
    ]
)


# Family names read differently from the character's everyday reading (曾 is "zeng" as a name,
# "ceng" in 曾经); pypinyin reads characters, not roles, so family names are looked up here first.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    k: tuple(v.split())
    for k, v in {
        "曾": "zeng", "单": "shan", "解": "xie", "查": "zha", "仇": "qiu", "朴": "piao",
        "区": "ou", "覃": "qin", "缪": "miao", "翟": "zhai", "盖": "ge", "乐": "yue",
        "重": "chong", "员": "yun", "秘": "bi", "召": "shao", "折": "she", "黑": "he",
        "种": "chong", "句": "gou", "薄": "bo", "阚": "kan", "宓": "fu", "繁": "po",
        "尉迟": "yu chi", "万俟": "mo qi", "长孙": "zhang sun", "澹台": "tan tai",
    }.items()
}  # fmt: skip


def has_cjk(text: str) -> bool:
    return not text.isascii() and bool(_CJK.search(text))


def is_cjk_name(text: str) -> bool:
    """True when a name is written in Han characters (so: family name first, no space)."""
    return has_cjk(text)


def display_name(family: str, given: str, middle: str = "") -> str:
    """Chinese names show family-first with no space (张三); Western ones given-first."""
    family, given, middle = family.strip(), given.strip(), middle.strip()
    if is_cjk_name(family + given):
        return f"{family}{given}"
    return " ".join(p for p in (given, middle, family) if p)


def compose_name(parts: list[str]) -> str:
    """A formatted name from (family, given, middle, prefix, suffix): 张三 where the name is
    all East Asian script, else "Dr John Q Smith Jr"."""
    family, given, middle, prefix, suffix = parts[:5]
    letters = [c for c in family + given if not c.isspace()]
    if letters and all(_writes_family_first(c) for c in letters):
        return family + given
    return " ".join(p for p in (prefix, given, middle, family, suffix) if p)


@lru_cache(maxsize=4096)
def _writes_family_first(c: str) -> bool:
    if c.isascii():
        return False
    return unicodedata.name(c, "?").startswith(
        ("CJK", "HIRAGANA", "KATAKANA", "FULLWIDTH", "IDEOGRAPHIC", "HANGUL")
    )


class NameParts(NamedTuple):
    """A personal name in its parts, as the contact fields keep them."""

    family: str
    given: str
    middle: str = ""


# Scripts that write the family name first: Han (with 々〆〇), kana and Hangul.
_FAMILY_FIRST = re.compile(
    r"[\u3005-\u3007\u3040-\u30ff\u31f0-\u31ff\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]"
    f"|{_CJK.pattern}"
)
_NAME_DOTS = re.compile(r"\s*[·・•]\s*")  # 乔治·布什: a transliterated name, given name first


@overload
def split_full_name(full: str) -> tuple[str, str]: ...
@overload
def split_full_name(full: str, *, middle: Literal[True]) -> NameParts: ...
def split_full_name(full: str, *, middle: bool = False) -> tuple[str, str] | NameParts:
    """The parts of a name written in one field (a display name, a "姓名" column): with
    `middle`, family, given and middle names; without, (family, given) with any middle names
    in the given name ("Mary Ann Smith" -> Smith / Mary Ann).

    - Han, kana or Hangul: family name first. "张 三" and 张三 -> 张 / 三, 欧阳娜娜 -> 欧阳 / 娜娜,
      "安藤 ロイド" -> 安藤 / ロイド. With no space, a name of 3-4 characters that starts with
      a compound family name (复姓) splits after it, one of 2-3 characters after the first;
      any other length is no Chinese personal name we can split and stays the given name.
    - "Smith, John": the family name before the comma.
    - Otherwise given name first: "John Ronald Tolkien" -> Tolkien / John / Ronald, and so
      transliterations written with a middle dot (乔治·布什 -> 布什 / 乔治); one word is a
      given name ("Madonna").
    """
    parts = _name_parts(" ".join(full.split()))
    if middle:
        return parts
    return parts.family, " ".join(p for p in (parts.given, parts.middle) if p)


def _name_parts(full: str) -> NameParts:
    family, comma, rest = full.partition(",")
    if comma and family.strip() and rest.strip():
        given, _, middle = rest.strip().partition(" ")
        if _is_family_first(rest):
            given, middle = rest.strip(), ""
        return NameParts(family.strip(), given, middle)
    full = full.replace(",", " ").strip()
    if _NAME_DOTS.search(full):
        return _given_first(_NAME_DOTS.split(full))
    if not full or not _is_family_first(full):
        return _given_first(full.split())
    if " " in full:
        family, _, given = full.partition(" ")
        return NameParts(family, given)
    if full[:2] in COMPOUND_FAMILY_NAMES and 3 <= len(full) <= 4:
        return NameParts(full[:2], full[2:])
    if 2 <= len(full) <= 3:
        return NameParts(full[:1], full[1:])
    return NameParts("", full)


def _is_family_first(text: str) -> bool:
    letters = text.replace(" ", "")
    return bool(letters) and all(_FAMILY_FIRST.match(c) for c in letters)


def _given_first(words: list[str]) -> NameParts:
    words = [w for w in words if w]
    if not words:
        return NameParts("", "")
    if len(words) == 1:
        return NameParts("", words[0])
    return NameParts(words[-1], words[0], " ".join(words[1:-1]))


@lru_cache(maxsize=65536)
def pinyin_syllables(text: str) -> tuple[str, ...]:
    """Toneless pinyin syllables of the Han characters in text (other characters pass through)."""
    if not has_cjk(text):
        return ()
    return tuple(s.lower() for s in _toneless_pinyin()(text))


@cache
def _toneless_pinyin() -> Callable[[str], list[str]]:
    """pypinyin's toneless reading, loaded on first use (0.35 s) with its phrase dictionary
    compacted: as read from JSON, each of its 47k phrases holds a list and a string of its own
    for every syllable (~35 MB); shared, the same syllables take ~10 MB. pypinyin deep-copies
    a phrase's syllables before it uses them, so they can be shared."""
    # pypinyin's own switch: no second copy of its dictionaries (we add no words to them)
    os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "1")
    from pypinyin import Style, lazy_pinyin, load_phrases_dict
    from pypinyin.constants import PHRASES_DICT

    shared: dict[tuple[str, ...], list[str]] = {}
    load_phrases_dict(
        {
            phrase: [shared.setdefault(tuple(s), [sys.intern(x) for x in s]) for s in syllables]
            for phrase, syllables in PHRASES_DICT.items()
        }
    )
    return lambda text: lazy_pinyin(text, style=Style.NORMAL, errors="ignore")


@lru_cache(maxsize=65536)
def family_name_syllables(family: str) -> tuple[str, ...]:
    """Pinyin of a family name as a name is read: 曾 -> zeng, 单 -> shan, 曾经 stays ceng jing."""
    family = family.strip()
    reading = SURNAME_READINGS.get(family)
    if reading is not None:
        return reading
    return pinyin_syllables(family)


def fold(text: str) -> str:
    """Lower-case, accents removed: the form Latin text is compared and sorted in."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_sort_key(family: str, given: str) -> str:
    """Family-name-first key in pinyin or folded Latin, so 张三 sorts among the Z's."""
    first, second = _sort_part(family, True), _sort_part(given, False)
    return f"{first} {second}" if first and second else first or second


@lru_cache(maxsize=32768)
def _sort_part(text: str, family: bool) -> str:
    """One name's part of a sort key, read as a family name or not (cached: an import works out
    several keys for each of 100k rows, and name parts repeat)."""
    syllables = family_name_syllables(text) if family else pinyin_syllables(text)
    return "".join(syllables) if syllables else fold(text).strip()


def contact_sort_key(family: str, given: str, organization: str) -> str:
    """A contact's place in lists: by name, or by company for a contact with no name."""
    return name_sort_key(family, given) or name_sort_key("", organization)


def text_sort_key(text: str) -> str:
    """Sort key for a single text such as an account name: pinyin for Han, folded otherwise."""
    out: list[str] = []
    for chunk in re.split(f"({_CJK.pattern}+)", text):
        if not chunk:
            continue
        out.append(" ".join(pinyin_syllables(chunk)) if has_cjk(chunk) else fold(chunk))
    return " ".join(" ".join(out).split())


def pinyin_search_terms(text: str) -> list[str]:
    """Tokens that let pinyin typists find a Han name: full pinyin and initials.

    张三 -> ['zhangsan', 'zs', 'zhang', 'san']; the caller indexes them beside the name itself.
    """
    return _terms(pinyin_syllables(text))


def name_search_terms(family: str, given: str) -> list[str]:
    """Pinyin terms of a person's name, the family name read as a name (曾伟 -> zengwei, zw, …),
    plus the given name's own full pinyin and initials so 'wei' or 'xm' (小明) find it too."""
    syllables = family_name_syllables(family) + pinyin_syllables(given)
    return [*_terms(syllables), *pinyin_search_terms(given)[:2]]


def _terms(syllables: tuple[str, ...]) -> list[str]:
    if not syllables:
        return []
    return ["".join(syllables), "".join(s[0] for s in syllables), *syllables]
