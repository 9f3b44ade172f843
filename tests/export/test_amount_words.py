"""Amounts in words, against the rules for bills and vouchers and hand-worked values."""

from __future__ import annotations

from decimal import Decimal

import pytest

from crmdesk.export.amount_words import (
    AmountNotWritable,
    amount_in_words_en,
    amount_in_words_zh,
    number_in_words_en,
)

CHINESE = [
    # the cases
    ("12345.60", "壹万贰仟叁佰肆拾伍元陆角整"),
    ("1010.00", "壹仟零壹拾元整"),
    ("100000.05", "壹拾万元零伍分"),
    ("3.07", "叁元零柒分"),
    ("0.00", "零元整"),
    # the examples of 正确填写票据和结算凭证的基本规定 (the first form each gives)
    ("1409.50", "壹仟肆佰零玖元伍角整"),
    ("6007.14", "陆仟零柒元壹角肆分"),
    ("1680.32", "壹仟陆佰捌拾元零叁角贰分"),
    ("107000.53", "壹拾万柒仟元零伍角叁分"),
    ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
    ("325.04", "叁佰贰拾伍元零肆分"),
    # 拾 is always preceded by 壹
    ("10.00", "壹拾元整"),
    ("15.00", "壹拾伍元整"),
    # zeros at the end and across 万 and 亿
    ("1000000.00", "壹佰万元整"),
    ("1000700.00", "壹佰万零柒佰元整"),
    ("100000000.00", "壹亿元整"),
    ("100000001.00", "壹亿零壹元整"),
    ("100010000.00", "壹亿零壹万元整"),
    ("110000000.00", "壹亿壹仟万元整"),
    ("2000000000.00", "贰拾亿元整"),
    ("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    # cents only
    ("0.05", "伍分"),
    ("0.50", "伍角整"),
    ("0.35", "叁角伍分"),
    ("1.00", "壹元整"),
    ("20.30", "贰拾元零叁角整"),
]


@pytest.mark.parametrize(("amount", "words"), CHINESE)
def test_chinese_financial_capitals(amount, words):
    assert amount_in_words_zh(Decimal(amount)) == words


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("12345.60", "Twelve thousand three hundred forty-five yuan and sixty fen only"),
        ("1010.00", "One thousand ten yuan only"),
        ("100000.05", "One hundred thousand yuan and five fen only"),
        ("0.00", "Zero yuan only"),
        ("0.01", "One fen only"),
        ("1.00", "One yuan only"),
    ],
)
def test_english_words(amount, words):
    assert amount_in_words_en(Decimal(amount)) == words


def test_english_words_for_other_currencies():
    assert amount_in_words_en(Decimal("1.01"), "usd") == "One US dollar and one cent only"
    assert amount_in_words_en(Decimal("2000000.10"), "GBP") == (
        "Two million pounds sterling and ten pence only"
    )
    assert number_in_words_en(999_999_999_999).startswith("nine hundred ninety-nine billion")
    assert number_in_words_en(100_000_001) == "one hundred million one"


@pytest.mark.parametrize(
    ("amount", "why"),
    [
        ("-1.00", "negative"),
        ("1000000000000", "too large"),
        ("1.005", "fractions of a cent"),
        ("NaN", "not an amount"),
        ("Infinity", "not an amount"),
    ],
)
def test_amounts_that_cannot_be_written_are_refused(amount, why):
    for write in (amount_in_words_zh, amount_in_words_en):
        with pytest.raises(AmountNotWritable, match=why):
            write(Decimal(amount))


def test_an_unknown_currency_is_refused():
    with pytest.raises(AmountNotWritable, match="XYZ"):
        amount_in_words_en(Decimal(1), "XYZ")
