"""Names of demo people and the mailbox names made of them."""

from __future__ import annotations

import random

from crmdesk.demo.people import ascii_letters, chinese_name, mailbox, pinyin, pools, western_name


def test_chinese_names_follow_the_surname_shares_and_have_one_or_two_given_characters() -> None:
    r = random.Random(5)
    names = [chinese_name(r, female=n % 2 == 0) for n in range(3000)]
    families = [family for family, _given in names]
    assert families.count("李") > families.count("孔") * 10
    assert all(1 <= len(given) <= 2 for _family, given in names)
    assert any(len(family) == 2 for family in families)  # a 复姓 now and then


def test_western_names_come_from_the_country_pools() -> None:
    pool = pools(7)
    family, given = western_name(pool, random.Random(1), "de", female=True)
    assert family in pool.last["de"] and given in pool.female["de"]


def test_mailbox_names_are_ascii_spellings_of_the_name() -> None:
    assert ascii_letters("Müller-Lüdenscheidt") == "muellerluedenscheidt"
    assert pinyin("张伟") == "zhangwei"
    seen = {mailbox(random.Random(n), True, "zhang", "wei", "伟", "") for n in range(200)}
    assert seen == {"zhang.wei", "wei.zhang", "zhangwei", "zhangw"}
    assert mailbox(random.Random(1), True, "zhang", "wei", "伟", "Kevin") == "kevin.zhang"
    western = {mailbox(random.Random(n), False, "smith", "john", "John", "") for n in range(200)}
    assert western == {"john.smith", "jsmith", "johns"}
