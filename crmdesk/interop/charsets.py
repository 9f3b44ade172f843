"""Which charset a file's bytes are in, where nothing says so: widened declared names
(gb2312 → gb18030) and a guess by the reading with the fewest oddities a person would see."""

from __future__ import annotations

import codecs
import functools
import itertools
import re
import unicodedata

from charset_normalizer import from_bytes

__all__ = ["codec", "guess_charset"]

_WIDER = {"shift_jis": "cp932", "gb2312": "gb18030", "gbk": "gb18030", "big5": "cp950",
          "euc_kr": "cp949", "iso8859-1": "cp1252", "ascii": ""}


def codec(name: str) -> str:
    """Python's codec for a declared charset, widened to the superset writers really use;
    "" for ascii (8-bit bytes under it are in the file's charset) and for unknown names."""
    try:
        canonical = codecs.lookup(name.strip().strip('"')).name
        b"".decode(canonical)
    except (LookupError, ValueError):
        return ""
    return _WIDER.get(canonical, canonical)


# Most likely first: a tie goes to the earlier one.
_CANDIDATES = ("gb18030", "cp932", "cp950", "cp949", "cp1252", "cp1250", "cp1251", "cp1253",
               "cp1254", "cp1257", "koi8_r")


def guess_charset(sample: bytes) -> str:
    """charset-normalizer alone guesses badly on a few short names, so its candidates join ours
    and the reading with the fewest oddities wins."""
    sample = sample[:16384]
    names = list(_CANDIDATES)
    names += [c for m in from_bytes(sample) if (c := codec(m.encoding)) and c not in names]
    best, best_score = "cp1252", None
    for name in names:
        try:
            score = _implausibility(sample.decode(name))
        except UnicodeDecodeError:
            continue
        if best_score is None or score < best_score:
            best, best_score = name, score
    return best


_ODD_CATEGORIES = {"So", "Sm", "Sc", "Sk", "No", "Cc", "Cf", "Co", "Cn", "Cs"}

# Accented letters of the languages that write with Windows code pages: a true reading of one
# name or address mostly fits one alphabet, a wrong one mixes them.
_ALPHABETS = tuple(set(a) for a in (
    "àâæçéèêëîïôœùûüÿ", "äöüß", "áéíñóúü", "áâãàçéêíóôõú", "àèéìíîòóù", "åäöæøéáíóúýðþ",
    "ąćęłńóśźż", "áčďéěíňóřšťúůýž", "áäčďéíĺľňóôŕšťúýž", "áéíóöőúüű", "ăâîșțşţ", "čćđšž",
    "çğıöşü", "āčēģīķļņšūž", "ąčęėįšųūž", "äöõüšž"))


def _implausibility(text: str) -> int:
    """Oddities a person would see in a wrong reading: symbols and controls in names, words
    mixing scripts or cases or short of vowels, rare CJK ideographs, Latin letters from several
    alphabets, a Spanish ñ before a consonant or a Polish ń before a vowel."""
    odd = sum(2 for c in text if not c.isascii() and unicodedata.category(c) in _ODD_CATEGORIES)
    words = re.findall(r"[^\W\d_]+", text)
    odd += sum(2 for w in words if len({script(c) for c in w}) > 1)
    odd += sum(1 for w in words for c in w if _rare(c))
    odd += sum(1 for w in words for a, b in itertools.pairwise(w)
               if a.islower() and b.isupper() and not b.isascii())
    odd += sum(1 for w in words if _lacks_vowels(w))
    lower = text.lower()
    accented = {c for c in lower if c.isalpha() and not c.isascii() and script(c) == "LATIN"}
    if accented:
        odd += min(len(accented - alphabet) for alphabet in _ALPHABETS)
    odd += len(re.findall(r"ñ(?![aeiouáéíóú])", lower))
    odd += len(re.findall(r"ń(?=[aeiouyąęó])", lower))
    return odd


_VOWELS = set("aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿąęėįųūāēīōőűěůœ"
              "аеёиоуыэюяіїєαεηιουωάέήίόύώϊϋΐΰ")


def _lacks_vowels(word: str) -> bool:
    """A long alphabetic word with hardly a vowel: Greek read as Cyrillic, and the like."""
    if len(word) < 4 or word.isascii() or script(word[0]) in ("CJK", "HANGUL"):
        return False
    return sum(c in _VOWELS for c in word.lower()) < 0.2 * len(word)


@functools.lru_cache(maxsize=4096)
def script(c: str) -> str:
    if c.isascii():
        return "LATIN"
    name = unicodedata.name(c, "?")
    if name.startswith(("CJK", "HIRAGANA", "KATAKANA", "FULLWIDTH", "IDEOGRAPHIC")):
        return "CJK"
    return name.split(" ", 1)[0]


@functools.lru_cache(maxsize=4096)
def _rare(c: str) -> bool:
    """A CJK ideograph outside the everyday sets (GB2312 level 1, Big5 frequent, JIS level 1)
    or a Hangul syllable outside KS X 1001."""
    if "\uac00" <= c <= "\ud7a3":
        return not _encodes(c, "euc_kr")
    if not ("\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or c >= "\U00020000"):
        return False
    for codec, low, high in (("gb2312", 0xB0A1, 0xD7FE), ("big5", 0xA440, 0xC67E),
                             ("shift_jis", 0x889F, 0x9872)):
        if _encodes(c, codec) and low <= int.from_bytes(c.encode(codec), "big") <= high:
            return False
    return True


def _encodes(c: str, codec: str) -> bool:
    try:
        c.encode(codec)
    except UnicodeEncodeError:
        return False
    return True
