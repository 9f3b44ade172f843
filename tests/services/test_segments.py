"""Segments: every criterion, AND/OR, counts in SQL, JSON versioning, and the contacts filter."""

from __future__ import annotations

import pytest

from crmdesk.core.errors import KnownError
from crmdesk.models import Account, Segment
from crmdesk.services import insights, segments
from crmdesk.services.accounts import AccountFilter, account_ids
from crmdesk.services.contacts import ContactFilter, contact_ids
from crmdesk.services.segments import Group, Rule, SegmentDraft
from tests.campaign_data import TODAY, build_category_buyers, build_customers


@pytest.fixture
def ids(db):
    return build_customers(db)


def who(db, ids, *rules, match="all"):
    names = {v: k for k, v in ids.items()}
    with db.reading() as s:
        found = segments.member_ids(s, Group(match, tuple(rules)), TODAY)
        assert segments.count(s, Group(match, tuple(rules)), TODAY) == len(found)
    return sorted(names[i] for i in found)


CASES = [
    (Rule("tier", "vip"), ["li", "zhang"]),
    (Rule("tier", ["vip", "important"]), ["li", "tom", "wang", "zhang"]),
    (Rule("loyalty", "new"), ["tom", "wang"]),
    (Rule("tag", "重点"), ["zhang"]),
    (Rule("city", "上海"), ["tom", "wang"]),
    (Rule("owner", "Wang"), ["tom", "wang"]),
    (Rule("birthday_within", 14), ["zhang"]),
    (Rule("birthday_within", 5), []),
    (Rule("bought", {"product": "P-100", "since": "2026-01-01"}), ["li", "zhang"]),
    (Rule("bought", {"product": "P-200", "since": "2026-01-01"}), []),
    (Rule("bought", {"days": 600}), ["li", "tom", "wang", "zhang"]),
    (Rule("bought", {"days": 400}), ["li", "zhang"]),
    (Rule("no_order_days", 365), ["ann", "bob", "tom", "wang"]),
    (Rule("open_opportunity", True), ["li", "zhang"]),
    (Rule("open_opportunity", False), ["ann", "bob", "tom", "wang"]),
    (Rule("open_case", True), ["ann", "bob"]),
    (Rule("channel", "email"), ["li", "wang", "zhang"]),
    (Rule("text", "Baker"), ["tom"]),
]


def test_each_criterion_selects_its_contacts(db, ids):
    found = {rule: who(db, ids, rule) for rule, _ in CASES}
    assert found == dict(CASES)


def test_and_or_and_nested_groups(db, ids):
    vip, shanghai = Rule("tier", "vip"), Rule("city", "上海")
    assert who(db, ids, vip, shanghai) == []
    assert who(db, ids, vip, shanghai, match="any") == ["li", "tom", "wang", "zhang"]
    nested = Group("any", (Rule("tag", "重点"), Rule("channel", "sms")))
    assert who(db, ids, Rule("owner", ["Li", "Wang"]), nested) == ["tom", "zhang"]


def test_the_tree_round_trips_through_json_and_is_versioned(db, ids):
    tree = Group(
        "all", (Rule("bought", {"product": "P-100"}), Group("any", (Rule("tier", "vip"),)))
    )
    stored = segments.to_json(tree)
    assert stored["version"] == segments.CRITERIA_VERSION
    assert stored["rules"][0] == {"field": "bought", "value": {"product": "P-100"}}
    assert segments.from_json(stored) == tree
    with pytest.raises(KnownError, match="newer"):
        segments.from_json({**stored, "version": segments.CRITERIA_VERSION + 1})
    with pytest.raises(KnownError, match="Unknown segment criterion"):
        segments.from_json({"version": 1, "match": "all", "rules": [{"field": "drop table"}]})
    with pytest.raises(KnownError, match="not a value"):
        segments.from_json({"match": "all", "rules": [{"field": "tier", "value": "gold"}]})


def test_saved_segments_are_data_and_names_are_unique(db, ids):
    with db.transaction() as s:
        sid = segments.save_segment(s, SegmentDraft("VIPs", Group("all", (Rule("tier", "vip"),))))
    with db.reading() as s:
        assert s.get(Segment, sid).criteria == {
            "version": 1,
            "match": "all",
            "rules": [{"field": "tier", "value": "vip"}],
        }
        assert [x.name for x in segments.list_segments(s)] == ["VIPs"]
        assert segments.get_segment(s, "VIPs").id == sid
    with pytest.raises(KnownError, match="already a segment"), db.transaction() as s:
        segments.save_segment(s, SegmentDraft("VIPs"))
    with pytest.raises(KnownError, match="No segment"), db.reading() as s:
        segments.get_segment(s, "nobody")


def test_a_segment_narrows_the_contacts_and_accounts_lists(db, ids):
    tree = Group("all", (Rule("channel", "email"),))
    with db.reading() as s:
        assert set(contact_ids(s, ContactFilter(segment=tree))) == {
            ids["zhang"],
            ids["li"],
            ids["wang"],
        }
        assert set(contact_ids(s, ContactFilter(segment=tree, city="上海"))) == {ids["wang"]}
        assert set(account_ids(s, AccountFilter(segment=tree))) == {ids["Alpha"], ids["Beta"]}


def test_rfm_criteria_pick_the_customers_by_their_stored_scores(db, ids):
    """Alpha (last order 2026-05-01, 1,000) and Beta (2025-01-10, 2,000) scored as of the
    campaign day: R ranks Beta 1st (longest ago) → Beta r=1, Alpha r=1+⌊5·1/2⌋=3; F ties → 1;
    M: Alpha 1, Beta 3. So Alpha is cell 311 and Beta 113."""
    with db.transaction() as s:
        insights.store_scores(s, TODAY)
    assert who(db, ids, Rule("rfm_cell", "311")) == ["li", "zhang"]
    assert who(db, ids, Rule("rfm_cell", ["113", "311"])) == ["li", "tom", "wang", "zhang"]
    with db.reading() as s:
        alpha_segment = s.get(Account, ids["Alpha"]).rfm_segment
    assert alpha_segment and who(db, ids, Rule("rfm_segment", alpha_segment))[:2] == ["li", "zhang"]


def test_bought_a_category_since_a_day_counts_exactly_its_buyers(db):
    ids = build_category_buyers(db)
    rule = Rule("bought", {"category": "扫描", "since": "2026-03-01"})
    assert who(db, ids, rule) == ["晚"]
    assert who(db, ids, Rule("bought", {"category": "扫描"})) == ["早", "晚"]
    assert who(db, ids, Rule("bought", {"category": "阀门", "since": "2026-03-01"})) == ["阀"]
    assert who(db, ids, Rule("bought", {"category": "扫描", "product": "V-1"})) == []
    tree = Group("all", (rule,))
    assert segments.from_json(segments.to_json(tree)) == tree
