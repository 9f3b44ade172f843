"""Service: about size/10 cases of every kind, priority and status over the last year, mostly
from buying customers, with satisfaction surveys for resolved ones and a few yearly surveys."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from crmdesk.demo import vocabulary as vocab
from crmdesk.demo.accounts import AccountPlan
from crmdesk.demo.clock import day_text, workday_before
from crmdesk.demo.contacts import Person
from crmdesk.demo.context import DemoContext
from crmdesk.demo.draws import DemoRandom, cumulative, pick
from crmdesk.demo.rows import ServiceCaseRow, SolutionRow, SurveyRow
from crmdesk.models.enums import CaseKind, CasePriority, CaseStatus, Channel, ValueTier
from crmdesk.services.service_levels import default_rules

# The shipped service levels, as clock hours: a working-hours target of h hours takes about
# h * 24 / 9 hours of the clock (nine working hours a day).
_WORKING_DAY = 24 / 9
TARGETS: dict[tuple[ValueTier, CasePriority], tuple[int, int]] = {
    (rule.tier, rule.priority): (
        int(rule.response_hours * 60 * (_WORKING_DAY if rule.working_hours else 1)),
        int(rule.resolution_hours * 60 * (_WORKING_DAY if rule.working_hours else 1)),
    )
    for rule in default_rules()
}
_CHANNELS = list(Channel)
_CHANNEL_CUM = cumulative((35, 15, 25, 15, 3, 5, 2))
SOLUTION_SHARE = 0.1  # of the resolved cases, published to the solutions base
_KINDS = list(CaseKind)
_KIND_CUM = cumulative((40, 20, 30, 10))
_PRIORITIES = list(CasePriority)
_PRIORITY_CUM = cumulative((20, 50, 22, 8))
_OPEN_STATES = (CaseStatus.NEW, CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS)
_RECENT_STATES = (
    CaseStatus.ASSIGNED,
    CaseStatus.IN_PROGRESS,
    CaseStatus.RESOLVED,
    CaseStatus.RESOLVED,
    CaseStatus.REOPENED,
)
_OLD_STATES = (CaseStatus.CLOSED, CaseStatus.RESOLVED, CaseStatus.REOPENED, CaseStatus.IN_PROGRESS)
_OLD_STATE_CUM = (80, 94, 97, 100)


@dataclass(slots=True)
class Case:
    """A written case as its logged activity needs it."""

    id: str
    contact: str
    account_id: str | None
    opened: int  # UTC minutes
    subject: str
    cn: bool
    owner: str


@dataclass(slots=True)
class _Opened:
    opened: int
    contact: str
    language: str
    account_id: str | None
    owner_cn: bool
    tier: ValueTier = ValueTier.ORDINARY


def write_cases(ctx: DemoContext, accounts: list[AccountPlan], people: list[Person]) -> list[Case]:
    """Service cases with their surveys, oldest first; the cases written."""
    r = ctx.rng("cases")
    customers = [a for a in accounts if a.orders and a.contacts]
    cum = cumulative([a.weight**0.4 for a in customers])
    planned = sorted(
        (_open_case(ctx, r, (customers, cum), people) for _ in range(max(1, ctx.size // 10))),
        key=lambda o: (o.opened, o.contact, o.language, o.account_id or "", o.owner_cn, o.tier),
    )
    cases = []
    year_seq: dict[int, int] = {}
    for newest_first, opened in zip(range(len(planned) - 1, -1, -1), planned, strict=True):
        cases.append(_write_case(ctx, r, opened, newest_first, year_seq))
        if newest_first % 64 == 0:
            ctx.loader.maybe_flush()
    _relationship_surveys(ctx, r, customers)
    return cases


def _open_case(
    ctx: DemoContext,
    r: DemoRandom,
    weighted: tuple[list[AccountPlan], list[float]],
    people: list[Person],
) -> _Opened:
    """Who opens a case and when: 92 % a buying customer (by weight), the rest anyone."""
    customers, cum = weighted
    if customers and r.random() < 0.92:
        plan = pick(r.random, customers, cum)
        contact, language = r.choice(plan.contacts)
        zone, owner_cn = plan.city.zone, plan.chinese
        account_id: str | None = plan.id
        tier = plan.tier
    else:
        person = r.choice(people)
        contact, language, zone = person.id, person.language, person.zone
        account_id = person.plan.id if person.plan is not None else None
        tier = person.plan.tier if person.plan is not None else ValueTier.ORDINARY
        owner_cn = language == "zh"
    opened_day = ctx.today - int(r.triangular(0, 365, 0))
    minute = 8 * 60 + r.randint(0, 600)
    opened = ctx.clock.utc_minutes(zone, workday_before(opened_day), minute)
    return _Opened(opened, contact, language, account_id, owner_cn, tier)


def _status(r: DemoRandom, newest_first: int, age_days: int) -> CaseStatus:
    """The newest cases are still being handled; older ones are mostly closed."""
    if newest_first < len(_OPEN_STATES):
        return _OPEN_STATES[newest_first]
    if age_days < 3:
        return r.choice(_OPEN_STATES)
    if age_days < 20:
        return r.choice(_RECENT_STATES)
    return pick(r.random, _OLD_STATES, _OLD_STATE_CUM)


def _subject(r: DemoRandom, kind: CaseKind, cn: bool) -> str:
    subjects_cn, subjects_en = vocab.CASE_SUBJECTS[kind]
    device = r.randrange(len(vocab.CASE_DEVICES_CN))
    if cn:
        return str(r.choice(subjects_cn)).format(d=vocab.CASE_DEVICES_CN[device])
    subject = str(r.choice(subjects_en)).format(d=vocab.CASE_DEVICES_EN[device])
    return subject[:1].upper() + subject[1:]


def _write_case(
    ctx: DemoContext, r: DemoRandom, o: _Opened, newest_first: int, year_seq: dict[int, int]
) -> Case:
    clock = ctx.clock
    cn = o.language == "zh"
    kind = pick(r.random, _KINDS, _KIND_CUM)
    priority = pick(r.random, _PRIORITIES, _PRIORITY_CUM)
    status = _status(r, newest_first, ctx.today - o.opened // 1440)
    subject = _subject(r, kind, cn)
    respond_in, resolve_in = TARGETS[(o.tier, priority)]
    due = o.opened + resolve_in
    now = ctx.today * 1440 - 60
    responded = None
    if status is not CaseStatus.NEW:
        responded = min(o.opened + max(5, int(respond_in * r.lognormvariate(-0.5, 0.6))), now)
    resolved = closed = resolution = satisfaction = None
    first_contact = False
    if status in (CaseStatus.RESOLVED, CaseStatus.CLOSED):
        took = int(resolve_in * r.lognormvariate(-0.3, 0.7))
        resolved = min(o.opened + max(20, took), now)
        resolution = r.choice(vocab.RESOLUTIONS_CN if cn else vocab.RESOLUTIONS_EN)
        first_contact = took < resolve_in // 4 and r.random() < 0.7
        if status is CaseStatus.CLOSED:
            closed = min(resolved + r.randint(60, 5 * 1440), now)
        if r.random() < 0.8:
            # Complaints and late answers leave customers less satisfied.
            mean = 4.3 - (1.2 if kind is CaseKind.COMPLAINT else 0) - (0.8 if resolved > due else 0)
            satisfaction = max(1, min(5, round(r.gauss(mean, 0.8))))
    reopened = 1 if status is CaseStatus.REOPENED or (closed and r.random() < 0.04) else 0
    year = dt.date.fromordinal(o.opened // 1440).year
    year_seq[year] = seq = year_seq.get(year, 0) + 1
    support = vocab.SUPPORT_CN if o.owner_cn else vocab.SUPPORT_WEST
    owner = r.choice(support) if status is not CaseStatus.NEW else ""
    case_id = ctx.ids()
    ctx.loader.rows("service_cases").append(
        ServiceCaseRow(
            id=case_id,
            number=f"CS{year}-{seq:05d}",
            kind=kind,
            priority=priority,
            status=status,
            account_id=o.account_id,
            contact_id=o.contact,
            subject=subject,
            description=subject + ("。" if cn else "."),
            owner=owner,
            opened_at=clock.text(o.opened),
            due_at=clock.text(due),
            resolved_at=clock.text(resolved) if resolved is not None else None,
            resolution=resolution or "",
            satisfaction=satisfaction,
            channel=pick(r.random, _CHANNELS, _CHANNEL_CUM),
            tier=o.tier,
            response_due_at=clock.text(o.opened + respond_in),
            responded_at=clock.text(responded) if responded is not None else None,
            closed_at=clock.text(closed) if closed is not None else None,
            minutes_spent=int(25 * r.lognormvariate(0, 0.8)) if responded is not None else 0,
            first_contact=first_contact,
            reopen_count=reopened,
        )
    )
    if resolved is not None and resolution and r.random() < SOLUTION_SHARE:
        causes = vocab.CASE_CAUSES_CN if cn else vocab.CASE_CAUSES_EN
        ctx.loader.rows("solutions").append(
            SolutionRow(ctx.ids(), case_id, subject, subject + ("。" if cn else "."),
                        r.choice(causes), resolution, "", clock.text(resolved))
        )
    if satisfaction is not None and resolved is not None and r.random() < 0.6:
        day = resolved // 1440 + r.randint(1, 3)
        survey(ctx, r, o.account_id, o.contact, case_id, day, cn, satisfaction)
    return Case(case_id, o.contact, o.account_id, o.opened, subject, cn, owner)


def _relationship_surveys(ctx: DemoContext, r: DemoRandom, customers: list[AccountPlan]) -> None:
    """Yearly relationship surveys of some customers, not about a case."""
    for plan in customers:
        if r.random() < 0.05:
            contact, language = r.choice(plan.contacts)
            day = ctx.today - r.randint(10, 300)
            survey(ctx, r, plan.id, contact, None, day, language == "zh", None)


def survey(
    ctx: DemoContext,
    r: random.Random,
    account_id: str | None,
    contact: str,
    case_id: str | None,
    day: int,
    cn: bool,
    satisfaction: int | None,
) -> None:
    """A satisfaction survey: expected against perceived on four to six items, in a mood that
    follows the case's satisfaction."""
    survey_id = ctx.ids()
    comments = vocab.SURVEY_COMMENTS_CN if cn else vocab.SURVEY_COMMENTS_EN
    comment = r.choice(comments) if r.random() < 0.4 else ""
    ctx.loader.rows("satisfaction_surveys").append(
        SurveyRow(survey_id, account_id, contact, case_id, day_text(min(day, ctx.today)), comment)
    )
    items = ctx.loader.rows("survey_items")
    mood = (satisfaction - 3.5) if satisfaction is not None else r.gauss(0.3, 0.7)
    count = r.randint(4, len(vocab.SURVEY_ITEMS))
    for position, (zh, en) in enumerate(vocab.SURVEY_ITEMS[:count]):
        expected = max(1, min(5, round(r.gauss(4.2, 0.6))))
        perceived = max(1, min(5, round(expected - 0.4 + mood + r.gauss(0, 0.7))))
        items.append((ctx.ids(), survey_id, position, zh if cn else en, expected, perceived))
