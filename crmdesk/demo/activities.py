"""Activities: about five touchpoints per contact over the last year and the next three weeks
(calls, e-mails, visits, meetings, notes, messages, tasks), and one logged per service case."""

from __future__ import annotations

from typing import Any

from crmdesk.demo import vocabulary as vocab
from crmdesk.demo.clock import workday
from crmdesk.demo.contacts import Person
from crmdesk.demo.context import DemoContext
from crmdesk.demo.draws import DemoRandom, cumulative, pick
from crmdesk.demo.pipeline import Opportunities
from crmdesk.demo.service import Case
from crmdesk.models.enums import ActivityKind, ValueTier

# (kind, duration range in minutes) with weights.
_KINDS = (
    (ActivityKind.CALL, (3, 35)),
    (ActivityKind.EMAIL, None),
    (ActivityKind.VISIT, (45, 180)),
    (ActivityKind.MEETING, (30, 120)),
    (ActivityKind.NOTE, None),
    (ActivityKind.MESSAGE, None),
    (ActivityKind.TASK, None),
)
_KIND_CUM = cumulative((30, 25, 12, 13, 10, 7, 3))
_WEEKDAY_KINDS = frozenset({ActivityKind.VISIT, ActivityKind.MEETING})
_OUTCOME_KINDS = frozenset({ActivityKind.CALL, ActivityKind.VISIT, ActivityKind.MEETING})
_COUNTS = (1, 2, 2, 3, 3, 4, 4, 4, 5, 5, 6, 6, 7, 8, 10)  # mean 4.7


def activity_texts(language: str) -> dict[Any, list[str]]:
    """Every subject (per kind), body and outcome an activity may carry, formatted once."""
    data = vocab.load("activities")
    words = {
        "{topic}": data["topics"][language],
        "{doc}": data["documents"][language],
        "{feedback}": data["feedback"][language],
    }
    subjects: dict[Any, list[str]] = {
        ActivityKind(kind): _expand(templates, words)
        for kind, templates in data[f"subjects_{language}"].items()
    }
    bodies = [
        body.format(topic=t, feedback=f)
        for body in data["bodies"][language]
        for t in words["{topic}"][:4]
        for f in words["{feedback}"]
    ]
    return {**subjects, "body": bodies, "outcome": list(data["outcomes"][language])}


def _expand(templates: list[str], words: dict[str, list[str]]) -> list[str]:
    """A template naming {topic}, {doc} or {feedback} gives one text per word, in order."""
    texts = []
    for template in templates:
        slot = next((s for s in words if s in template), None)
        if slot is None:
            texts.append(template)
        else:
            texts.extend(template.replace(slot, word) for word in words[slot])
    return texts


def write_activities(
    ctx: DemoContext, people: list[Person], opp_by_contact: Opportunities, cases: list[Case]
) -> None:
    """Each person's touchpoints (more for key accounts), then one per service case."""
    r = ctx.rng("activities")
    load = ctx.loader
    texts = {"zh": activity_texts("zh"), "en": activity_texts("en")}
    for n, person in enumerate(people):
        plan = person.plan
        key = plan is not None and plan.tier is not ValueTier.ORDINARY
        boost = 0.7 if plan is None else 1.4 if key else 1.0
        count = max(1, round(r.choice(_COUNTS) * boost))
        opportunities = opp_by_contact.get(person.id, ())
        _touchpoints(ctx, r, person, texts[person.language], opportunities, count)
        if n % 256 == 0:
            load.maybe_flush()
    _case_touchpoints(ctx, r, cases)
    load.maybe_flush()


def _touchpoints(
    ctx: DemoContext,
    r: DemoRandom,
    person: Person,
    texts: dict[Any, list[str]],
    opportunities: Any,
    count: int,
) -> None:
    """A person's activities, mostly in the past year, in working hours, some about an open
    deal of theirs."""
    rnd, randint, choice = r.random, r.randint, r.choice
    today, plan, new_id, local = ctx.today, person.plan, ctx.ids, ctx.clock.local
    rows = ctx.loader.rows("activities")
    account_id = plan.id if plan is not None else None
    short = (plan.short if plan is not None else "") or person.display
    for _ in range(count):
        kind, duration_range = pick(rnd, _KINDS, _KIND_CUM)
        day = today - randint(0, 365) if rnd() < 0.93 else today + randint(1, 21)
        if kind in _WEEKDAY_KINDS or rnd() < 0.9:
            day = workday(day)
        at = local(person.zone, day, 8 * 60 + 30 + randint(0, 114) * 5)
        subject = choice(texts[kind]).replace("{short}", short)
        body = choice(texts["body"]) if rnd() < 0.3 else ""
        outcome = choice(texts["outcome"]) if kind in _OUTCOME_KINDS and day <= today else ""
        duration = randint(*duration_range) if duration_range else None
        opportunity = None
        for oid, start, end in opportunities:
            if start <= day <= end and rnd() < 0.6:
                opportunity = oid
                break
        rows.append(
            (
                new_id(), person.id, account_id, opportunity, None,
                kind, at, duration, subject, body, outcome, person.owner,
            )
        )  # fmt: skip


def _case_touchpoints(ctx: DemoContext, r: DemoRandom, cases: list[Case]) -> None:
    """The call or e-mail that opened each service case."""
    rows = ctx.loader.rows("activities")
    for case in cases:
        kind = ActivityKind.CALL if r.random() < 0.6 else ActivityKind.EMAIL
        subject = f"受理：{case.subject}" if case.cn else f"Logged: {case.subject}"
        at = ctx.clock.text(case.opened + r.randint(0, 30))
        duration = 10 if kind == ActivityKind.CALL else None
        rows.append(
            (
                ctx.ids(), case.contact, case.account_id, None, case.id,
                kind, at, duration, subject, "", "", case.owner,
            )
        )  # fmt: skip
