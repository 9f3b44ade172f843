"""Satisfaction surveys: c = b / a, perceived over expected, per item and overall (weighted by
the items' weights), banded into dissatisfied, satisfied and highly satisfied at configurable
edges; templates of items; the trend over months; answers entered or imported from CSV/xlsx.

A survey's overall c is the weighted mean of its items' c. Across surveys, an item's expected
and perceived are the means of its scores put on a 1-5 footing (a 1-10 answer halved), and its
c the mean of its answers' c, which no scale changes."""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import ClassVar, TypeVarTuple

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from crmdesk.core.errors import KnownError
from crmdesk.core.texts import translatable
from crmdesk.interop.table import Cell, cell_text
from crmdesk.models.customers import Account
from crmdesk.models.service import (
    SatisfactionSurvey,
    SurveyItem,
    SurveyTemplate,
    SurveyTemplateItem,
)
from crmdesk.services import settings

_Row = TypeVarTuple("_Row")
SCALES = (5, 10)
DEFAULT_ITEMS = (
    translatable("SurveyItems", "Product"),
    translatable("SurveyItems", "Service"),
    translatable("SurveyItems", "Response time"),
    translatable("SurveyItems", "Staff"),
    translatable("SurveyItems", "Communication"),
    translatable("SurveyItems", "Price"),
)


class Band(StrEnum):
    DISSATISFIED = "dissatisfied"
    SATISFIED = "satisfied"
    HIGHLY_SATISFIED = "highly_satisfied"


@dataclass(frozen=True)
class SatisfactionBands:
    """c below `low` is dissatisfied, above `high` highly satisfied, between them satisfied."""

    KEY: ClassVar[str] = "satisfaction_bands"
    low: float = 0.95
    high: float = 1.05

    def band(self, c: float) -> Band:
        if c < self.low:
            return Band.DISSATISFIED
        if c > self.high:
            return Band.HIGHLY_SATISFIED
        return Band.SATISFIED


def load_bands(session: Session) -> SatisfactionBands:
    return settings.load(session, SatisfactionBands)


def save_bands(session: Session, bands: SatisfactionBands) -> None:
    if not 0 < bands.low <= 1 <= bands.high:
        raise KnownError("The band edges must lie either side of 1 (for example 0.95 and 1.05).")
    settings.save(session, bands)


# -- scoring ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    item: str
    expected: int
    perceived: int
    weight: float = 1.0

    @property
    def c(self) -> float:
        return self.perceived / self.expected


@dataclass(frozen=True)
class ItemScore:
    item: str
    expected: float
    perceived: float
    c: float
    band: Band
    answers: int = 1


@dataclass(frozen=True)
class Score:
    """Per item and overall; the overall expected and perceived are the answers' scores
    weighted by the items' weights (on a 1-5 footing across surveys)."""

    items: tuple[ItemScore, ...]
    c: float
    band: Band
    surveys: int = 1
    expected: float = 0.0
    perceived: float = 0.0


def score(answers: Sequence[Answer], bands: SatisfactionBands) -> Score:
    """One survey: c per item and the weighted overall c, each banded."""
    if not answers:
        raise KnownError("A survey needs at least one answered item.")
    items = tuple(
        ItemScore(a.item, a.expected, a.perceived, a.c, bands.band(a.c)) for a in answers
    )
    weights = sum(a.weight for a in answers)
    overall = sum(a.weight * a.c for a in answers) / weights
    expected = sum(a.weight * a.expected for a in answers) / weights
    perceived = sum(a.weight * a.perceived for a in answers) / weights
    return Score(items, overall, bands.band(overall), 1, expected, perceived)


# -- templates ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class TemplateDraft:
    """A template to save. `item_ids` runs beside `items`: the stored item each one is (None:
    a new item); left empty, items are matched to the stored ones by name."""

    name: str
    scale: int = 5
    items: tuple[tuple[str, float], ...] = ()  # (item, weight)
    id: uuid.UUID | None = None
    item_ids: tuple[uuid.UUID | None, ...] = ()


@dataclass(frozen=True)
class TemplateRow:
    id: uuid.UUID
    name: str
    scale: int
    items: tuple[tuple[str, float], ...]
    item_ids: tuple[uuid.UUID, ...] = ()
    surveys: int = 0  # surveys recorded on it


_NO_NAME = translatable("Messages", "A survey template needs a name.")
_BAD_SCALE = translatable("Messages", "A survey is scored on 1-5 or on 1-10.")
_NO_ITEMS = translatable("Messages", "A survey template needs at least one item.")
_BAD_WEIGHT = translatable("Messages", "An item's weight must be more than 0.")
_TWICE = translatable("Messages", "The item %1 is in the template twice.")
_ANSWERED = translatable(
    "Messages", "%1 cannot be removed: %2 recorded survey(s) answer it. Rename it instead."
)


def answered_items(session: Session, template_id: uuid.UUID) -> dict[str, int]:
    """How many recorded surveys on the template answer each item (by the item's name)."""
    stmt = (
        select(SurveyItem.item, func.count(func.distinct(SurveyItem.survey_id)))
        .join(SatisfactionSurvey, SatisfactionSurvey.id == SurveyItem.survey_id)
        .where(SatisfactionSurvey.template_id == template_id,
               SatisfactionSurvey.deleted_at.is_(None), SurveyItem.deleted_at.is_(None))
        .group_by(SurveyItem.item)
    )  # fmt: skip
    return {item: int(n) for item, n in session.execute(stmt)}


def save_template(session: Session, draft: TemplateDraft) -> uuid.UUID:
    """Create a template, or change one in place: its name, scale, items' names, weights and
    order. A template with recorded surveys keeps its items' meaning: an item they answer
    cannot be removed, and renaming it renames its answers on the template's surveys too."""
    if not draft.name.strip():
        raise KnownError(_NO_NAME)
    if draft.scale not in SCALES:
        raise KnownError(_BAD_SCALE)
    ids = draft.item_ids or (None,) * len(draft.items)
    items = [(i.strip(), w, key) for (i, w), key in zip(draft.items, ids, strict=True)
             if i.strip()]  # fmt: skip
    if not items:
        raise KnownError(_NO_ITEMS)
    if any(w <= 0 for _, w, _ in items):
        raise KnownError(_BAD_WEIGHT)
    seen: set[str] = set()
    for name, _, _ in items:
        if name.casefold() in seen:
            raise KnownError(_TWICE, values=(name,))
        seen.add(name.casefold())
    if draft.id is None:
        template = SurveyTemplate()
        session.add(template)
        stored: dict[uuid.UUID, SurveyTemplateItem] = {}
        answered: dict[str, int] = {}
    else:
        found = session.get(SurveyTemplate, draft.id)
        if found is None or found.deleted_at is not None:
            raise KnownError(translatable("Messages", "The survey template was not found."))
        template = found
        stored = {i.id: i for i in template.items}
        if not draft.item_ids:  # matched by name
            by_name = {i.item: i.id for i in template.items}
            items = [(n, w, by_name.get(n)) for n, w, _ in items]
        answered = answered_items(session, template.id)
    kept = {key for _, _, key in items if key is not None}
    for stored_id, gone in stored.items():
        if stored_id not in kept and answered.get(gone.item):
            raise KnownError(_ANSWERED, values=(gone.item, answered[gone.item]))
    template.name, template.scale = draft.name.strip(), draft.scale
    rows = []
    for n, (name, weight, key) in enumerate(items):
        row = stored.get(key) if key is not None else None
        if row is None:
            row = SurveyTemplateItem(item=name)
        elif row.item != name and answered.get(row.item):
            _rename_answers(session, template.id, row.item, name)
        row.position, row.item, row.weight = n, name, weight
        rows.append(row)
    for stored_id, gone in stored.items():
        if stored_id not in kept:
            session.delete(gone)  # deleted, not orphaned: the change log sees it (undo)
    template.items = rows
    session.flush()
    return template.id


def _rename_answers(session: Session, template_id: uuid.UUID, old: str, new: str) -> None:
    on_template = select(SatisfactionSurvey.id).where(SatisfactionSurvey.template_id == template_id)
    for answer in session.scalars(
        select(SurveyItem).where(SurveyItem.survey_id.in_(on_template), SurveyItem.item == old)
    ):
        answer.item = new


def templates(session: Session) -> list[TemplateRow]:
    found = session.scalars(
        select(SurveyTemplate).where(SurveyTemplate.deleted_at.is_(None)).order_by(
            SurveyTemplate.name)
    )  # fmt: skip
    counts = {
        tid: n for tid, n in session.execute(
            select(SatisfactionSurvey.template_id, func.count())
            .where(SatisfactionSurvey.deleted_at.is_(None),
                   SatisfactionSurvey.template_id.is_not(None))
            .group_by(SatisfactionSurvey.template_id)
        )
    }  # fmt: skip
    return [
        TemplateRow(t.id, t.name, t.scale, tuple((i.item, i.weight) for i in t.items),
                    tuple(i.id for i in t.items), int(counts.get(t.id, 0)))
        for t in found
    ]  # fmt: skip


def ensure_default_template(session: Session) -> uuid.UUID:
    """The shipped template (six items, 1-5, equal weights), made the first time it is needed."""
    found = templates(session)
    if found:
        return found[0].id
    return save_template(
        session,
        TemplateDraft(translatable("SurveyItems", "After-sales survey"), 5,
                      tuple((item, 1.0) for item in DEFAULT_ITEMS)),
    )  # fmt: skip


# -- surveys ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SurveyDraft:
    surveyed_on: dt.date
    answers: tuple[Answer, ...]
    scale: int = 5
    account_id: uuid.UUID | None = None
    contact_id: uuid.UUID | None = None
    case_id: uuid.UUID | None = None
    template_id: uuid.UUID | None = None
    comment: str = ""


def _check_answers(answers: Sequence[Answer], scale: int) -> None:
    if scale not in SCALES:
        raise KnownError("A survey is scored on 1-5 or on 1-10.")
    if not answers:
        raise KnownError("A survey needs at least one answered item.")
    for a in answers:
        if not (1 <= a.expected <= scale and 1 <= a.perceived <= scale):
            raise KnownError("%1: scores run from 1 to %2.", values=(a.item, scale))
        if a.weight <= 0:
            raise KnownError("An item's weight must be more than 0.")


def save_survey(session: Session, draft: SurveyDraft) -> uuid.UUID:
    _check_answers(draft.answers, draft.scale)
    survey = SatisfactionSurvey(
        account_id=draft.account_id, contact_id=draft.contact_id, case_id=draft.case_id,
        template_id=draft.template_id, scale=draft.scale, surveyed_on=draft.surveyed_on,
        comment=draft.comment.strip(),
        items=[SurveyItem(position=n, item=a.item.strip(), weight=a.weight, expected=a.expected,
                          perceived=a.perceived) for n, a in enumerate(draft.answers)],
    )  # fmt: skip
    session.add(survey)
    session.flush()
    return survey.id


def survey_score(session: Session, survey_id: uuid.UUID, bands: SatisfactionBands) -> Score:
    survey = session.get(SatisfactionSurvey, survey_id)
    if survey is None:
        raise KnownError("The survey was not found.")
    return score([Answer(i.item, i.expected, i.perceived, i.weight) for i in survey.items], bands)


# -- figures -----------------------------------------------------------------------------------


def _in_period(
    stmt: Select[*_Row], start: dt.date | None, end: dt.date | None,
    account_id: uuid.UUID | None,
) -> Select[*_Row]:  # fmt: skip
    stmt = stmt.where(SatisfactionSurvey.deleted_at.is_(None))
    if start is not None:
        stmt = stmt.where(SatisfactionSurvey.surveyed_on >= start)
    if end is not None:
        stmt = stmt.where(SatisfactionSurvey.surveyed_on <= end)
    if account_id is not None:
        stmt = stmt.where(SatisfactionSurvey.account_id == account_id)
    return stmt


def _survey_c() -> Select[uuid.UUID, dt.date, float]:
    """Each survey's overall c (the weighted mean of its items' c), as a subquery."""
    c = SurveyItem.weight * SurveyItem.perceived * 1.0 / SurveyItem.expected
    stmt: Select[uuid.UUID, dt.date, float] = (
        select(
            SatisfactionSurvey.id.label("survey_id"),
            SatisfactionSurvey.surveyed_on.label("surveyed_on"),
            (func.sum(c) / func.sum(SurveyItem.weight)).label("c"),
        )
        .join(SurveyItem, SurveyItem.survey_id == SatisfactionSurvey.id)
        .where(SurveyItem.deleted_at.is_(None))
        .group_by(SatisfactionSurvey.id)
    )
    return stmt


def report(
    session: Session, start: dt.date | None = None, end: dt.date | None = None,
    account_id: uuid.UUID | None = None, bands: SatisfactionBands | None = None,
) -> Score | None:  # fmt: skip
    """Per item (expected, perceived on 1-5, c) and overall over the surveys of a period;
    None when there were none."""
    bands = bands or load_bands(session)
    footing = 5.0 / SatisfactionSurvey.scale
    stmt = _in_period(
        select(
            SurveyItem.item,
            func.avg(SurveyItem.expected * footing),
            func.avg(SurveyItem.perceived * footing),
            func.avg(SurveyItem.perceived * 1.0 / SurveyItem.expected),
            func.count(),
        )
        .join(SatisfactionSurvey, SatisfactionSurvey.id == SurveyItem.survey_id)
        .where(SurveyItem.deleted_at.is_(None))
        .group_by(SurveyItem.item)
        .order_by(func.min(SurveyItem.position), SurveyItem.item),
        start, end, account_id,
    )  # fmt: skip
    items = tuple(
        ItemScore(item, float(a), float(b), float(c), bands.band(float(c)), int(n))
        for item, a, b, c, n in session.execute(stmt)
    )
    per_survey = _in_period(_survey_c(), start, end, account_id).subquery()
    overall, count = session.execute(
        select(func.avg(per_survey.c.c), func.count())
    ).one()
    if not count:
        return None
    weights = func.sum(SurveyItem.weight)
    expected, perceived = session.execute(
        _in_period(
            select(func.sum(SurveyItem.weight * SurveyItem.expected * footing) / weights,
                   func.sum(SurveyItem.weight * SurveyItem.perceived * footing) / weights)
            .join(SatisfactionSurvey, SatisfactionSurvey.id == SurveyItem.survey_id)
            .where(SurveyItem.deleted_at.is_(None)),
            start, end, account_id,
        )
    ).one()  # fmt: skip
    return Score(items, float(overall), bands.band(float(overall)), int(count),
                 float(expected), float(perceived))  # fmt: skip


@dataclass(frozen=True)
class TrendPoint:
    month: str  # "2026-03"
    c: float
    surveys: int


def trend(
    session: Session, start: dt.date | None = None, end: dt.date | None = None,
    account_id: uuid.UUID | None = None,
) -> list[TrendPoint]:  # fmt: skip
    """The mean overall c month by month (one customer's, or everyone's)."""
    per_survey = _in_period(_survey_c(), start, end, account_id).subquery()
    month = func.substr(per_survey.c.surveyed_on, 1, 7)  # dates are stored as ISO text
    stmt = select(month, func.avg(per_survey.c.c), func.count()).group_by(month).order_by(month)
    return [TrendPoint(m, float(c), int(n)) for m, c, n in session.execute(stmt)]


# -- import ------------------------------------------------------------------------------------

_COLUMNS = {
    "survey": ("survey", "问卷", "问卷编号"),
    "date": ("date", "surveyed_on", "日期"),
    "account": ("account", "customer", "客户"),
    "item": ("item", "项目"),
    "expected": ("expected", "期望", "a"),
    "perceived": ("perceived", "感知", "b"),
    "weight": ("weight", "权重"),
    "scale": ("scale", "量表"),
    "comment": ("comment", "备注"),
}
_REQUIRED = ("survey", "date", "item", "expected", "perceived")


@dataclass
class _Pending:
    date: dt.date
    account_id: uuid.UUID | None
    scale: int
    comment: str = ""
    answers: list[Answer] = field(default_factory=list)


def import_answers(session: Session, data: bytes, filename: str) -> int:
    """Surveys from a CSV or xlsx table, one row per answered item (columns survey, date,
    account, item, expected, perceived, weight, scale, comment; English or Chinese headers).
    Every row is checked before anything is written; the number of surveys imported."""
    from crmdesk.interop.tabular import read_table

    table = read_table(data, filename)
    lowered = [h.strip().lower() for h in table.headers]
    where: dict[str, int] = {}
    for name, words in _COLUMNS.items():
        for word in words:
            if word in lowered:
                where[name] = lowered.index(word)
                break
    missing = [n for n in _REQUIRED if n not in where]
    if missing:
        raise KnownError("The file has no %1 column.", values=(", ".join(missing),))
    pending: dict[str, _Pending] = {}
    accounts = _account_lookup(session)
    for row in table.rows:
        _read_row(functools.partial(_cell, where, row.values), row.line, pending, accounts)
    for survey in pending.values():
        _check_answers(survey.answers, survey.scale)
    for survey in pending.values():
        save_survey(session, SurveyDraft(survey.date, tuple(survey.answers), survey.scale,
                                         survey.account_id, comment=survey.comment))  # fmt: skip
    return len(pending)


def _cell(where: dict[str, int], values: list[Cell], name: str) -> str:
    i = where.get(name)
    return cell_text(values[i]) if i is not None and i < len(values) else ""


def _account_lookup(session: Session) -> dict[str, uuid.UUID]:
    found: dict[str, uuid.UUID] = {}
    for aid, name, code in session.execute(
        select(Account.id, Account.name, Account.code).where(Account.deleted_at.is_(None))
    ):
        found.setdefault(name.strip().lower(), aid)
        if code:
            found.setdefault(code.strip().lower(), aid)
    return found


def _read_row(
    cell: Callable[[str], str], line: int, pending: dict[str, _Pending],
    accounts: dict[str, uuid.UUID],
) -> None:  # fmt: skip
    key = cell("survey")
    if not key:
        raise KnownError("Line %1: the survey is not named.", values=(line,))
    try:
        expected, perceived = int(cell("expected")), int(cell("perceived"))
        weight = float(cell("weight") or 1)
        scale = int(cell("scale") or 5)
    except ValueError:
        raise KnownError("Line %1: a score or weight is not a number.", values=(line,)) from None
    survey = pending.get(key)
    if survey is None:
        try:
            date = dt.date.fromisoformat(cell("date")[:10])
        except ValueError:
            raise KnownError("Line %1: %2 is not a date.", values=(line, cell("date"))) from None
        name = cell("account")
        account_id = accounts.get(name.lower()) if name else None
        if name and account_id is None:
            raise KnownError("Line %1: no account is called %2.", values=(line, name))
        survey = pending[key] = _Pending(date, account_id, scale, cell("comment"))
    survey.answers.append(Answer(cell("item"), expected, perceived, weight))


def answers_by_survey(session: Session, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[Answer]]:
    found: dict[uuid.UUID, list[Answer]] = defaultdict(list)
    for sid, item, a, b, w in session.execute(
        select(SurveyItem.survey_id, SurveyItem.item, SurveyItem.expected, SurveyItem.perceived,
               SurveyItem.weight).where(SurveyItem.survey_id.in_(ids)).order_by(
                   SurveyItem.position)
    ):  # fmt: skip
        found[sid].append(Answer(item, a, b, w))
    return found
