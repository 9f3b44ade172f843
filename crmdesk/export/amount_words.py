"""Amounts in words, as contracts and cheques write them.

Chinese follows the rules for filling in bills and settlement vouchers (正确填写票据和结算凭证
的基本规定): financial capitals, one 零 for a run of zeros between digits, 零 after 元 when the
jiao place is zero and the fen place is not, 整 after an amount that stops at 元 or 角, and 壹拾
rather than a bare 拾. Where the rules allow two forms, the first one they give is written:
¥1680.32 is 壹仟陆佰捌拾元零叁角贰分 and ¥107000.53 is 壹拾万柒仟元零伍角叁分.

cn2an and num2words were tried against these rules and get several of them wrong (see the
tests), so both languages are written out here.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from crmdesk.core.errors import KnownError
from crmdesk.core.texts import translatable

DIGITS = "零壹贰叁肆伍陆柒捌玖"
PLACES = ("", "拾", "佰", "仟")
GROUPS = ("", "万", "亿")
# The largest amount written: 9999亿9999万9999元99分 (the next group, 万亿, is not used on
# bills; an amount that large is a typing error).
LIMIT = Decimal("1000000000000")

ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
SCALES = ("", "thousand", "million", "billion")
# (major singular, major plural, minor singular, minor plural) per ISO code.
CURRENCY_WORDS = {
    "CNY": ("yuan", "yuan", "fen", "fen"),
    "RMB": ("yuan", "yuan", "fen", "fen"),
    "USD": ("US dollar", "US dollars", "cent", "cents"),
    "EUR": ("euro", "euros", "cent", "cents"),
    "GBP": ("pound sterling", "pounds sterling", "penny", "pence"),
    "HKD": ("Hong Kong dollar", "Hong Kong dollars", "cent", "cents"),
    "JPY": ("yen", "yen", "sen", "sen"),
}


class AmountNotWritable(KnownError):
    """The amount cannot be written in words (negative, too large, fractions of a cent)."""


def _cents(amount: Decimal) -> int:
    """The amount in cents, refusing what no bill or contract writes in words."""
    try:
        value = Decimal(amount)
    except (InvalidOperation, TypeError, ValueError):
        raise AmountNotWritable(
            translatable("Messages", "%1 is not an amount."), values=(amount,)
        ) from None
    if not value.is_finite():
        raise AmountNotWritable(translatable("Messages", "%1 is not an amount."), values=(amount,))
    if value < 0:
        raise AmountNotWritable(
            translatable("Messages", "A negative amount (%1) cannot be written in words."),
            translatable("Messages", "Write a credit note for the amount instead."),
            values=(amount,),
        )
    if value >= LIMIT:
        raise AmountNotWritable(
            translatable("Messages", "%1 is too large to write in words."),
            translatable("Messages", "Amounts below one trillion can be written."),
            values=(amount,),
        )
    cents = value * 100
    if cents != cents.to_integral_value():
        raise AmountNotWritable(
            translatable("Messages", "%1 has fractions of a cent."),
            translatable("Messages", "Round the amount to two decimal places first."),
            values=(amount,),
        )
    return int(cents)


def _chinese_group(number: int, leading_zero: bool) -> str:
    """Up to four digits (1-9999); `leading_zero` writes 零 before a group that has a higher
    group before it and an empty thousands place."""
    digits = [(number // 10**place) % 10 for place in (3, 2, 1, 0)]
    words: list[str] = []
    pending_zero = leading_zero and digits[0] == 0
    for digit, place in zip(digits, (3, 2, 1, 0), strict=True):
        if digit == 0:
            pending_zero = pending_zero or bool(words)
            continue
        if pending_zero:
            words.append("零")
            pending_zero = False
        words.append(DIGITS[digit] + PLACES[place])
    return "".join(words)


def _chinese_yuan(yuan: int) -> str:
    """The whole-yuan part in capitals, without 元 (empty for zero)."""
    groups = [(yuan // 10000**g) % 10000 for g in range(len(GROUPS))]
    words, higher, gap = [], False, False
    for g in reversed(range(len(GROUPS))):
        group = groups[g]
        if group == 0:
            gap = gap or higher
            continue
        if gap:  # a whole empty group between two written ones: 壹亿零壹万
            words.append("零")
        words.append(_chinese_group(group, higher and not gap) + GROUPS[g])
        higher, gap = True, False
    return "".join(words)


def amount_in_words_zh(amount: Decimal) -> str:
    """12345.60 → 壹万贰仟叁佰肆拾伍元陆角整; 0.00 → 零元整; 0.05 → 伍分."""
    cents = _cents(amount)
    yuan, jiao, fen = cents // 100, (cents // 10) % 10, cents % 10
    if cents == 0:
        return "零元整"
    words = _chinese_yuan(yuan)
    if yuan:
        words += "元"
    if jiao:
        if yuan and yuan % 10 == 0:  # 元位 is 0, 角位 is not: 壹仟陆佰捌拾元零叁角
            words += "零"
        words += DIGITS[jiao] + "角"
    elif fen and yuan:  # 角位 is 0, 分位 is not: 叁元零柒分
        words += "零"
    if fen:
        return words + DIGITS[fen] + "分"
    return words + "整"


def _english_hundreds(number: int) -> str:
    """1-999 in words: "three hundred forty-five"."""
    hundreds, rest = divmod(number, 100)
    words = [f"{ONES[hundreds]} hundred"] if hundreds else []
    if rest >= 20:
        tens, ones = divmod(rest, 10)
        words.append(TENS[tens] + (f"-{ONES[ones]}" if ones else ""))
    elif rest:
        words.append(ONES[rest])
    return " ".join(words)


def number_in_words_en(number: int) -> str:
    """A whole number (0 to 999,999,999,999) in English words: "twelve thousand three hundred
    forty-five" (American usage, no "and", as US cheques and most contracts write it)."""
    if number == 0:
        return "zero"
    parts = []
    for scale in reversed(range(len(SCALES))):
        chunk = (number // 1000**scale) % 1000
        if chunk:
            parts.append(" ".join(p for p in (_english_hundreds(chunk), SCALES[scale]) if p))
    return " ".join(parts)


def amount_in_words_en(amount: Decimal, currency: str = "CNY") -> str:
    """12345.60 CNY → "Twelve thousand three hundred forty-five yuan and sixty fen only"."""
    cents = _cents(amount)
    code = currency.strip().upper()
    if code not in CURRENCY_WORDS:
        raise AmountNotWritable(
            translatable("Messages", "No words are known for the currency %1."),
            translatable("Messages", "Known currencies: %1."),
            values=(currency,),
            hint_values=(", ".join(CURRENCY_WORDS),),
        )
    major_one, major_many, minor_one, minor_many = CURRENCY_WORDS[code]
    units, minor = divmod(cents, 100)
    parts = []
    if units or not minor:
        parts.append(f"{number_in_words_en(units)} {major_one if units == 1 else major_many}")
    if minor:
        parts.append(f"{number_in_words_en(minor)} {minor_one if minor == 1 else minor_many}")
    text = " and ".join(parts) + " only"
    return text[0].upper() + text[1:]
