"""The domain's words: one vocabulary, each enum's words in a translation context of its own."""

from __future__ import annotations

import inspect
import xml.etree.ElementTree as ET
from enum import StrEnum

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from crmdesk.app import TRANSLATIONS
from crmdesk.models import enums
from crmdesk.models.enums import ActivityKind, Channel, EmailKind, EventKind, PhoneKind
from crmdesk.views.shell.vocabulary import WORDS, enum_text, value_text

VOCABULARIES = [
    v for _, v in inspect.getmembers(enums, inspect.isclass) if issubclass(v, StrEnum)
    and v is not StrEnum
]  # fmt: skip


class ContextNamingTranslator(QTranslator):
    """Words every text as "context:source", so a test sees which context a text was asked in."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"{context}:{source}"

    def isEmpty(self):
        return False


@pytest.fixture
def context_naming(qapp):
    translator = ContextNamingTranslator()
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def chinese(qapp):
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "crmdesk_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_the_same_value_in_two_vocabularies_is_translated_apart(context_naming):
    """PhoneKind.MOBILE and Channel.MOBILE (both "mobile") shared one entry and one context."""
    assert enum_text(PhoneKind.MOBILE) == "PhoneKind:Mobile"
    assert enum_text(Channel.MOBILE) == "Channel:Mobile"
    assert enum_text(EmailKind.WORK) == "EmailKind:Work"
    assert enum_text(ActivityKind.CALL) == "ActivityKind:Call"
    assert enum_text(EventKind.CALL) == "EventKind:Call"


def test_every_member_of_every_vocabulary_has_its_own_word():
    assert set(WORDS) == set(VOCABULARIES)
    for vocabulary in VOCABULARIES:
        assert list(WORDS[vocabulary]) == list(vocabulary), vocabulary.__name__
        for member in vocabulary:
            assert type(next(k for k in WORDS[vocabulary] if k is member)) is vocabulary


def test_every_member_has_a_chinese_word(chinese):
    missing = [
        f"{vocabulary.__name__}.{member.name}"
        for vocabulary in VOCABULARIES
        for member in vocabulary
        if not chinese.translate(vocabulary.__name__, WORDS[vocabulary][member])
    ]
    assert missing == []
    assert enum_text(PhoneKind.MOBILE) == "手机"
    assert enum_text(ActivityKind.EMAIL) == "邮件"  # an e-mail sent, not a mailbox
    assert enum_text(Channel.EMAIL) == "邮箱"
    assert enum_text(EventKind.OTHER) == "其他"


def test_the_catalogue_files_the_words_under_their_vocabulary():
    """The words the old shared context held kept their translations in the new ones."""
    contexts = {
        c.findtext("name"): {m.findtext("source") for m in c.iter("message")}
        for c in ET.parse(TRANSLATIONS / "crmdesk_zh_CN.ts").getroot().iter("context")
    }
    assert "Vocabulary" not in contexts
    for vocabulary in VOCABULARIES:
        assert set(WORDS[vocabulary].values()) <= contexts[vocabulary.__name__]


def test_a_stored_value_reads_as_its_word():
    assert value_text(Channel, "wechat") == "WeChat"
    assert value_text(Channel, "") == ""
    assert value_text(Channel, "pigeon") == "pigeon"
