"""The template check names each unknown field and syntax error with its place."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document

from crmdesk.core.resources import resource
from crmdesk.export.contract_fields import document_context, known_fields, sample_data
from crmdesk.export.docx_template import TemplateProblems, check_template, render_template

KNOWN = known_fields()


def _docx(paragraphs: list[str], table: list[list[str]] | None = None, lang: str = "") -> bytes:
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    if table:
        t = doc.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(t.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    if lang:
        doc.core_properties.language = lang
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_an_unknown_field_is_named_with_its_paragraph() -> None:
    source = _docx(["Contract {{ contract.number }}", "Dear {{ buyer.nmae }}"])
    checked = check_template(source, KNOWN)
    assert [(p.kind, p.name, p.place) for p in checked.problems] == [
        ("unknown", "buyer.nmae", "paragraph 2")
    ]
    assert "contract.number" in checked.fields


def test_a_field_in_a_row_loop_is_checked_against_the_lines_fields() -> None:
    table = [["{%tr for line in lines %}", ""], ["{{ line.product }}", "{{ line.colour }}"],
             ["{%tr endfor %}", ""]]  # fmt: skip
    checked = check_template(_docx(["Quote"], table), KNOWN)
    assert [(p.name, p.place) for p in checked.problems] == [
        ("lines[].colour", "table 1, row 2, cell 2")
    ]


def test_a_syntax_error_is_reported_with_its_cell() -> None:
    table = [["{{ totals.net }}", "{% if totals.tax %}{{ totals.tax }"]]
    checked = check_template(_docx(["Intro"], table), KNOWN)
    (problem,) = checked.problems
    assert problem.kind == "syntax"
    assert problem.place == "table 1, row 1, cell 2"
    assert "Jinja syntax error" in problem.message


def test_an_unclosed_loop_names_the_end_of_the_document() -> None:
    checked = check_template(_docx(["{% for line in lines %}", "{{ line.net }}"]), KNOWN)
    assert checked.problems[0].kind == "syntax"
    assert checked.problems[0].place == "paragraph 2"


def test_unknown_filters_are_syntax_errors() -> None:
    checked = check_template(_docx(["{{ totals.net | shout }}"]), KNOWN)
    assert checked.problems[0].kind == "syntax"
    assert "shout" in checked.problems[0].message


def test_set_and_loop_variables_are_not_unknown_fields() -> None:
    source = _docx(["{% set total = totals.gross %}{{ total }}",
                    "{% for x in lines %}{{ loop.index }} {{ x.net }}{% endfor %}"])  # fmt: skip
    assert check_template(source, KNOWN).ok


def test_curly_quotes_word_typed_inside_a_tag_are_read_as_quotes() -> None:
    source = _docx(["{{ contract.terms or “30 days” }}"])
    assert check_template(source, KNOWN).ok


def test_the_language_is_the_documents_or_its_writing() -> None:
    assert check_template(_docx(["合同 {{ contract.number }}"]), KNOWN).language == "zh"
    assert check_template(_docx(["Contract"]), KNOWN).language == "en"
    assert check_template(_docx(["Contract"], lang="zh-CN"), KNOWN).language == "zh"


def test_rendering_a_template_with_problems_fills_nothing() -> None:
    with pytest.raises(TemplateProblems) as caught:
        render_template(_docx(["{{ buyer.nmae }}"]), {}, KNOWN)
    assert "paragraph 1" in str(caught.value)


def test_text_is_escaped_not_broken_xml() -> None:
    context = document_context(sample_data(), "en")
    context["buyer"]["name"] = "Smith & Sons <Ltd>"
    out = render_template(_docx(["{{ buyer.name }}"]), context, KNOWN)
    assert Document(io.BytesIO(out)).paragraphs[0].text == "Smith & Sons <Ltd>"


def test_a_file_that_is_not_a_docx_is_a_known_error(tmp_path: Path) -> None:
    bad = tmp_path / "x.docx"
    bad.write_text("not a zip")
    with pytest.raises(Exception, match="not a Word"):
        check_template(bad, KNOWN)


@pytest.mark.parametrize("name", ["contract-zh", "contract-en", "quote-zh", "quote-en"])
def test_the_shipped_templates_are_clean(name: str) -> None:
    checked = check_template(resource("templates", f"{name}.docx").read_bytes(), KNOWN)
    assert checked.ok, checked.problems
    assert checked.language == name[-2:]
    assert {"lines[].gross", "totals.gross", "seller.name", "buyer.name"} <= set(checked.fields)
