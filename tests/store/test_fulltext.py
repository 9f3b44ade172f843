"""The query language typed into the full-text index, and the tokens the index holds."""

from __future__ import annotations

import pytest

from crmdesk.store.fulltext import match_expression, spaced


@pytest.mark.parametrize(
    ("query", "match"),
    [
        ("+8613960228111", '("8613960228111"* OR "13960228111"*)'),
        ("008613960228111", '("008613960228111"* OR "8613960228111"* OR "13960228111"*)'),
        ("+86 139 6022 8111", '("8613960228111"* OR "13960228111"*)'),
        ("+1 (213) 946-0010", '("12139460010"* OR "2139460010"*)'),
        ("+86 13", '"8613"*'),  # too short a national rest would find every mobile
        ("0013", '"0013"*'),  # a fragment, not a caller ID
        ("138 0013", '"138"* AND "0013"*'),
        ("zs", '"zs"*'),
        ("wxid_zszj", '"wxidzszj"*'),
        ("朝阳", '"朝 阳"*'),
        ("+", None),
    ],
)
def test_what_is_typed_becomes_a_match_expression(query, match):
    assert match_expression(query) == match


def test_an_underscore_joins_an_identifier_into_one_token():
    assert spaced("wxid_zszjvfkueae1z6") == "wxidzszjvfkueae1z6"
    assert spaced("李_雷").split() == ["李", "雷"]
