"""Names read as names: family names with their own reading (曾 is zeng, 单 is shan)."""

from __future__ import annotations

import pytest

from crmdesk.interop.vcard import read_vcards
from crmdesk.models.names import (
    family_name_syllables,
    name_search_terms,
    name_sort_key,
    pinyin_syllables,
    split_full_name,
)
from crmdesk.services.contacts import ContactDraft, ContactFilter, contact_ids, save_contact
from crmdesk.services.duplicates import find_duplicates
from crmdesk.services.importing import prepare_record


def test_a_family_name_takes_its_surname_reading_and_other_text_does_not():
    assert family_name_syllables("曾") == ("zeng",)
    assert family_name_syllables("单") == ("shan",)
    assert family_name_syllables("尉迟") == ("yu", "chi")
    assert family_name_syllables("张") == ("zhang",)
    assert name_sort_key("曾", "国藩") == "zeng guofan"
    assert name_sort_key("单", "田芳") == "shan tianfang"
    assert name_search_terms("曾", "国藩")[:2] == ["zengguofan", "zgf"]


def test_searching_the_surname_reading_finds_the_person(db):
    with db.transaction() as s:
        cid, _ = save_contact(s, ContactDraft(family_name="曾", given_name="国藩"))
    with db.reading() as s:
        for query in ("zengguofan", "zgf", "zeng", "曾国藩"):
            assert contact_ids(s, ContactFilter(search=query)) == [cid], query


def test_a_surname_in_pinyin_matches_the_han_name_as_a_duplicate(db):
    with db.transaction() as s:
        han, _ = save_contact(
            s, ContactDraft(family_name="曾", given_name="伟", organization="华信")
        )
        latin, _ = save_contact(
            s, ContactDraft(family_name="Zeng", given_name="Wei", organization="华信")
        )
    with db.reading() as s:
        groups = find_duplicates(s)
    assert any({han, latin} <= set(g.ids) for g in groups)


def test_phrases_read_as_words_from_a_dictionary_that_shares_its_syllables():
    # 重庆 is chongqing (the phrase), not zhongqing (重 alone); 银行 yinhang, not yinxing
    assert pinyin_syllables("重庆银行") == ("chong", "qing", "yin", "hang")
    # the phrase dictionary holds each syllable list once (~25 MB less than pypinyin's own)
    from pypinyin.constants import PHRASES_DICT

    assert PHRASES_DICT["重庆"][1] is PHRASES_DICT["大庆"][1]
    assert PHRASES_DICT["重庆"][0] is PHRASES_DICT["重叠"][0]


@pytest.mark.parametrize(
    ("full", "parts"),
    [
        ("张 三", ("张", "三", "")),
        ("张三", ("张", "三", "")),
        ("王小明", ("王", "小明", "")),
        ("欧阳 娜娜", ("欧阳", "娜娜", "")),
        ("欧阳娜娜", ("欧阳", "娜娜", "")),
        ("安藤 ロイド", ("安藤", "ロイド", "")),
        ("김 철수", ("김", "철수", "")),
        ("乔治·布什", ("布什", "乔治", "")),
        ("John Smith", ("Smith", "John", "")),
        ("  John   Ronald  Tolkien ", ("Tolkien", "John", "Ronald")),
        ("Smith, John", ("Smith", "John", "")),
        ("van der Berg, Jan", ("van der Berg", "Jan", "")),
        ("Madonna", ("", "Madonna", "")),
        ("", ("", "", "")),
    ],
)
def test_a_name_in_one_field_splits_into_family_given_and_middle(full, parts):
    assert split_full_name(full, middle=True) == parts
    family, given, middle = parts
    assert split_full_name(full) == (family, f"{given} {middle}".strip())


def test_a_chinese_name_with_a_space_keeps_the_family_name_first_everywhere():
    """The vCard reader and the import once split "张 三" differently (张/三 and 三/张)."""
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张 三\r\nEND:VCARD\r\n".encode()
    (read,) = read_vcards(card)
    assert (read.family_name, read.given_name) == ("张", "三")
    read.family_name = read.given_name = ""
    prepared, _why = prepare_record(read)
    assert prepared is not None
    assert (prepared.family_name, prepared.given_name) == ("张", "三")
    assert split_full_name("Mary Ann Smith") == ("Smith", "Mary Ann")


def test_compose_name_writes_east_asian_names_family_first_and_others_given_first():
    from crmdesk.models.names import compose_name

    assert compose_name(["张", "三", "", "", ""]) == "张三"
    assert compose_name(["김", "민준", "", "", ""]) == "김민준"
    assert compose_name(["Smith", "John", "Q", "Dr", "Jr"]) == "Dr John Q Smith Jr"
    assert compose_name(["Li", "李明", "", "", ""]) == "李明 Li"  # mixed scripts: Western order
    assert compose_name(["", "", "", "", ""]) == ""
