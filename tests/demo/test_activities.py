"""Activity texts are expanded from the templates in the vocabulary."""

from __future__ import annotations

from crmdesk.demo import vocabulary as vocab
from crmdesk.demo.activities import _expand, activity_texts
from crmdesk.models.enums import ActivityKind


def test_a_template_gives_one_text_per_word_in_order_and_others_stay() -> None:
    words = {"{topic}": ["a", "b"], "{doc}": ["x"]}
    assert _expand(["Call about {topic}", "Review", "Sent {doc}"], words) == [
        "Call about a", "Call about b", "Review", "Sent x",
    ]  # fmt: skip


def test_every_kind_has_subjects_in_both_languages() -> None:
    topics = vocab.load("activities")["topics"]
    for language in ("zh", "en"):
        texts = activity_texts(language)
        assert set(ActivityKind) <= set(texts)
        assert all(texts[kind] for kind in ActivityKind)
        assert f"Call about {topics['en'][0]}" in texts[ActivityKind.CALL] or language == "zh"
        assert texts["body"] and "" in texts["outcome"]
        assert not any("{topic}" in s or "{doc}" in s for k in ActivityKind for s in texts[k])
