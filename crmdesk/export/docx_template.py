"""Word templates with docxtpl (Jinja) tags: checked before use, then filled.

The check reads the template's text paragraph by paragraph, the way docxtpl joins a tag split
over several runs, and parses it as one Jinja template whose line N is paragraph N. A syntax
error then names the paragraph or table cell it is in, and every field the template reads
(`totals.gross`, `line.unit` inside `{%tr for line in lines %}` …) is compared with the fields
the document fills, so a misspelt field is reported instead of printing as nothing. Nothing is
written while a template has problems.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from docx import Document
from docx.oxml.ns import qn
from jinja2 import Environment, TemplateError, TemplateSyntaxError, nodes

from crmdesk.core.errors import KnownError
from crmdesk.core.texts import Text, translatable
from crmdesk.models.names import has_cjk

Source = str | Path | bytes | IO[bytes]
# docxtpl's special tags ({%tr …%} a table row, {%tc …%} a cell, {%p …%} a paragraph, {%r …%}
# a run; {{r x}} a rich text, {{p x}} a sub-document) read as plain Jinja.
_SPECIAL = re.compile(r"(\{[{%]-?)(?:tr|tc|p|r)\s")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
_TAG = re.compile(r"\{[{%#].*?[}%#]\}")
JINJA_GLOBALS = frozenset({"loop", "range", "dict", "lipsum", "cycler", "joiner", "namespace"})


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a template: what (a field's name, or the syntax error) and where."""

    kind: str  # "syntax" or "unknown"
    name: str  # the field, or the tag text for a syntax error
    place: str  # "paragraph 3", "table 1, row 2, cell 4", "header"
    message: str

    def __str__(self) -> str:
        return f"{self.place}: {self.message}"


@dataclass(frozen=True)
class TemplateCheck:
    problems: tuple[Problem, ...]
    fields: tuple[str, ...]  # the documented fields the template uses, sorted
    language: str  # "en" or "zh"

    @property
    def ok(self) -> bool:
        return not self.problems


class TemplateProblems(KnownError):
    """A template that cannot be used; `problems` lists each with its place."""

    def __init__(self, name: str, problems: tuple[Problem, ...]) -> None:
        self.problems = problems
        first = problems[0]
        super().__init__(
            translatable("Messages", "The template %1 has %2 problem(s); the first: %3."),
            translatable("Messages", "Nothing was written. Correct the template in Word."),
            values=(name, len(problems), str(first)),
        )


def _document(source: Source) -> Any:
    if isinstance(source, bytes):
        source = io.BytesIO(source)
    elif isinstance(source, Path):
        source = str(source)
    try:
        return Document(source)
    except Exception as exc:  # python-docx raises zipfile, KeyError, lxml … for a bad file
        raise KnownError(
            translatable("Messages", "%1 is not a Word (.docx) document."),
            translatable("Messages", "Save the template as .docx in Word or LibreOffice."),
            values=(_name(source),),
        ) from exc


def _name(source: Any) -> str:
    return Path(source).name if isinstance(source, str | Path) else "template"


def _paragraph_text(p: Any) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t"))).replace("\n", " ")


def _places(part_element: Any, where: str) -> Iterator[tuple[str, str]]:
    """(place, text) for each paragraph of a body, header or footer, in document order."""
    tables: dict[Any, int] = {}
    body_paragraph = 0
    for p in part_element.iter(qn("w:p")):
        cell = next((a for a in p.iterancestors(qn("w:tc"))), None)
        if cell is None:
            body_paragraph += 1
            place = Text(translatable("Templates", "paragraph %1"), body_paragraph)
        else:
            row = cell.getparent()
            table = row.getparent()
            for t in part_element.iter(qn("w:tbl")):  # number tables in order, once each
                tables.setdefault(t, len(tables) + 1)
            rows = [r for r in table if r.tag == qn("w:tr")]
            cells = [c for c in row if c.tag == qn("w:tc")]
            place = Text(
                translatable("Templates", "table %1, row %2, cell %3"),
                tables[table], rows.index(row) + 1, cells.index(cell) + 1,
            )  # fmt: skip
        if where:
            place = Text(translatable("Templates", "%1, %2"), where, place)
        yield place, _paragraph_text(p)


def _all_places(document: Any) -> list[tuple[str, str]]:
    found = list(_places(document.element.body, ""))
    for number, section in enumerate(document.sections, start=1):
        for kind, part in (
            (translatable("Templates", "header of section %1"), section.header),
            (translatable("Templates", "footer of section %1"), section.footer),
        ):
            if not part.is_linked_to_previous:
                found += list(_places(part._element, Text(kind, number)))
    return found


def _script_line(text: str) -> str:
    """A paragraph's text as docxtpl hands it to Jinja (special tags and curly quotes)."""
    text = _TAG.sub(lambda m: m[0].translate(_QUOTES), text)
    return _SPECIAL.sub(lambda m: m[1] + " ", text)


def _path(node: nodes.Node) -> list[str] | None:
    """['totals', 'gross'] for totals.gross or totals['gross']; None for anything else."""
    parts: list[str] = []
    while True:
        if isinstance(node, nodes.Getattr):
            parts.append(node.attr)
            node = node.node
        elif (
            isinstance(node, nodes.Getitem)
            and isinstance(node.arg, nodes.Const)
            and isinstance(node.arg.value, str)
        ):
            parts.append(node.arg.value)
            node = node.node
        elif isinstance(node, nodes.Name):
            parts.append(node.name)
            return parts[::-1]
        else:
            return None


def _names(node: nodes.Node) -> list[nodes.Name]:
    """The Name nodes in `node`, itself included (find_all yields descendants only)."""
    return (
        [node, *node.find_all(nodes.Name)]
        if isinstance(node, nodes.Name)
        else list(node.find_all(nodes.Name))
    )


class _Reads:
    """The fields a parsed template reads, each with its line (paragraph) number."""

    def __init__(self) -> None:
        self.found: list[tuple[str, int]] = []
        self.local: set[str] = set()

    def walk(self, node: nodes.Node, loops: dict[str, str]) -> None:
        if isinstance(node, nodes.For):
            self.walk(node.iter, loops)
            inner = dict(loops)
            source = _path(node.iter)
            for target in _names(node.target):
                if source is not None:
                    inner[target.name] = self._resolve(source, loops) + "[]"
                else:
                    self.local.add(target.name)
            for child in (*node.body, *node.else_, *([node.test] if node.test else [])):
                self.walk(child, inner)
            return
        if isinstance(node, nodes.Assign | nodes.AssignBlock | nodes.Macro | nodes.CallBlock):
            for target in _names(node):
                if target.ctx in ("store", "param"):
                    self.local.add(target.name)
        if isinstance(node, nodes.Getattr | nodes.Getitem | nodes.Name):
            path = _path(node)
            if path is not None:
                if not (isinstance(node, nodes.Name) and node.ctx != "load"):
                    self.found.append((self._resolve(path, loops), node.lineno))
                if isinstance(node, nodes.Getitem):
                    self.walk(node.arg, loops)
                return
        for child in node.iter_child_nodes():
            self.walk(child, loops)

    @staticmethod
    def _resolve(path: list[str], loops: dict[str, str]) -> str:
        root = loops.get(path[0], path[0])
        return ".".join([root, *path[1:]])


def _known(name: str, known: frozenset[str], local: set[str]) -> bool:
    root = name.split(".", 1)[0]
    if root in JINJA_GLOBALS or root in local:
        return True
    return name in known or any(k.startswith(name + ".") for k in known)


def template_language(document: Any, places: list[tuple[str, str]]) -> str:
    """ "zh" where the template says it is Chinese (its language property) or is written in
    Chinese, else "en"."""
    language = (document.core_properties.language or "").lower()
    if language:
        return "zh" if language.startswith("zh") else "en"
    return "zh" if any(has_cjk(text) for _, text in places) else "en"


def check_template(source: Source, known: frozenset[str]) -> TemplateCheck:
    """Syntax errors and unknown fields in a template, each with its place."""
    document = _document(source)
    places = _all_places(document)
    language = template_language(document, places)
    script = "\n".join(_script_line(text) for _, text in places)
    environment = Environment()

    def place_of(line: int | None) -> str:
        index = min(max((line or 1) - 1, 0), len(places) - 1)
        return places[index][0] if places else ""

    try:
        tree = environment.parse(script)
        environment.from_string(script)  # unknown filters and tests fail when compiled
    except TemplateSyntaxError as exc:
        text = places[(exc.lineno or 1) - 1][1] if places and exc.lineno else ""
        message = Text(translatable("Templates", "Jinja syntax error: %1"), exc.message or "")
        return TemplateCheck(
            (Problem("syntax", text.strip(), place_of(exc.lineno), message),), (), language
        )
    reads = _Reads()
    reads.walk(tree, {})
    problems, used, seen = [], set(), set()
    for name, line in reads.found:
        if _known(name, known, reads.local):
            if name in known:
                used.add(name)
        elif (name, line) not in seen:
            seen.add((name, line))
            message = Text(translatable("Templates", "unknown field %1"), name)
            problems.append(Problem("unknown", name, place_of(line), message))
    return TemplateCheck(tuple(problems), tuple(sorted(used)), language)


class _CachingEnvironment(Environment):
    """Compiles each distinct XML once: filling one template a hundred times (a batch of
    contracts, a mailing) hands docxtpl the same source every time."""

    LIMIT = 64

    def __init__(self) -> None:
        super().__init__(autoescape=True)
        self._compiled: dict[str, Any] = {}

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
        if globals or template_class or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        found = self._compiled.get(source)
        if found is None:
            if len(self._compiled) >= self.LIMIT:
                self._compiled.clear()
            found = self._compiled[source] = super().from_string(source)
        return found


_ENVIRONMENT = _CachingEnvironment()


def render_template(
    source: Source, context: dict[str, Any], known: frozenset[str], *, check: bool = True
) -> bytes:
    """The filled document's bytes; TemplateProblems (and nothing filled) when the check fails
    (`check=False`: the caller has just checked it)."""
    from docxtpl import DocxTemplate

    data = _bytes(source)
    if check:
        checked = check_template(data, known)
        if not checked.ok:
            raise TemplateProblems(_name(source), checked.problems)
    template = DocxTemplate(io.BytesIO(data))
    try:
        template.render(context, _ENVIRONMENT, autoescape=True)
    except TemplateError as exc:  # what the paragraph check cannot see (tags across XML parts)
        raise TemplateProblems(
            _name(source),
            (
                Problem(
                    "syntax", "", "", Text(translatable("Templates", "Jinja error: %1"), str(exc))
                ),
            ),
        ) from exc
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()


def _bytes(source: Source) -> bytes:
    if isinstance(source, bytes):
        return source
    if isinstance(source, str | Path):
        try:
            return Path(source).read_bytes()
        except OSError as exc:
            raise KnownError(
                translatable("Messages", "Cannot read %1: %2."),
                values=(source, exc.strerror or exc),
            ) from exc
    return source.read()
