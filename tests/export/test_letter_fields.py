"""Salutations per language with a neutral fallback; letters combined with page breaks."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml.ns import qn

from crmdesk.export.docx_merge import combine
from crmdesk.export.letter_fields import LetterData, salutation


@pytest.mark.parametrize(
    ("letter", "en", "zh"),
    [
        (LetterData("Anna Smith", "Smith", "Anna", "Ms."), "Dear Ms Smith,", "尊敬的Smith女士："),
        (LetterData("王伟", "王", "伟", "先生"), "Dear 王伟,", "尊敬的王先生："),
        (LetterData("王伟", "王", "伟"), "Dear 王伟,", "尊敬的王伟："),
        (LetterData("Bob Miller", "Miller", "Bob", "Sir"), "Dear Bob Miller,",
         "尊敬的Bob Miller："),
        (LetterData(""), "Dear Sir or Madam,", "尊敬的客户："),
    ],
)
def test_salutations(letter: LetterData, en: str, zh: str) -> None:
    assert salutation(letter, "en") == en
    assert salutation(letter, "zh") == zh


def _one(text: str) -> bytes:
    doc = Document()
    doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_combined_letters_keep_their_order_and_start_on_new_pages() -> None:
    merged = Document(io.BytesIO(combine([_one("first"), _one("second"), _one("third")])))
    texts = [p.text for p in merged.paragraphs if p.text]
    assert texts == ["first", "second", "third"]
    breaks = merged.element.body.findall(f".//{qn('w:br')}")
    assert [b.get(qn("w:type")) for b in breaks] == ["page", "page"]
    assert merged.element.body[-1].tag == qn("w:sectPr")  # the section stays last
