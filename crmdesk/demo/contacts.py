"""Contacts: about 85 % at an account (one each first, the rest by the account's weight), in
the language of their place, with phones, e-mails, addresses, WeChat ids and tags."""

from __future__ import annotations

from dataclasses import dataclass

from crmdesk.demo import vocabulary as vocab
from crmdesk.demo.accounts import AccountPlan
from crmdesk.demo.clock import day_text
from crmdesk.demo.contact_points import address_row
from crmdesk.demo.context import DemoContext
from crmdesk.demo.draws import DemoRandom, cumulative, pick
from crmdesk.demo.people import ascii_letters, chinese_name, mailbox, pinyin, western_name
from crmdesk.demo.rows import ContactRow
from crmdesk.demo.vocabulary import City, Title
from crmdesk.models.enums import AccountKind
from crmdesk.models.names import name_sort_key

_WXID = "abcdefghijklmnopqrstuvwxyz0123456789"
_CN_CHANNEL_CUM = cumulative(vocab.CN_CHANNEL_WEIGHTS)
_EN_CHANNEL_CUM = cumulative(vocab.EN_CHANNEL_WEIGHTS)
_CN_TITLE_CUM = cumulative([t.weight for t in vocab.TITLES_CN])
_EN_TITLE_CUM = cumulative([t.weight for t in vocab.TITLES_EN])
_WEST_KEYS = list(vocab.WESTERN_WEIGHTS)
_WEST_CUM = cumulative(list(vocab.WESTERN_WEIGHTS.values()))
_CN_CITY_CUM = cumulative([c.weight for c in vocab.CHINA])


@dataclass(slots=True)
class Person:
    """A written contact as the activity, event and case generators need it."""

    id: str
    language: str  # "zh" or "en"
    zone: str
    plan: AccountPlan | None
    owner: str
    family: str
    given: str

    @property
    def display(self) -> str:
        if self.language == "zh":
            return f"{self.family}{self.given}"
        return f"{self.given} {self.family}"


@dataclass(slots=True)
class _Card:
    """One contact while it is drawn."""

    id: str
    plan: AccountPlan | None
    chinese: bool
    country: str
    city: City
    family: str
    given: str
    fam_py: str = ""  # the names in pinyin or ASCII letters, for mailboxes and WeChat ids
    giv_py: str = ""
    wechat: str = ""

    @property
    def at_organisation(self) -> bool:
        return self.plan is not None and self.plan.kind is AccountKind.ORGANISATION


def write_contacts(ctx: DemoContext, accounts: list[AccountPlan]) -> list[Person]:
    """Every contact with its phones, e-mails, addresses and tags; the people written."""
    r = ctx.rng("contacts")
    load = ctx.loader
    people: list[Person] = []
    for n, plan in enumerate(_slots(ctx, r, accounts)):
        people.append(_write_contact(ctx, r, plan))
        if n % 256 == 0:
            load.maybe_flush()
    return people


def _slots(
    ctx: DemoContext, r: DemoRandom, accounts: list[AccountPlan]
) -> list[AccountPlan | None]:
    """The account of each contact (None: no account): each account gets one, the rest of
    the ~85 % go to organisations by weight."""
    linked = min(ctx.size, max(round(ctx.size * 0.85), 1))
    per_account = [0] * len(accounts)
    orgs = [a for a in accounts if a.kind is AccountKind.ORGANISATION]
    for plan in accounts:
        if plan.kind is AccountKind.INDIVIDUAL and linked > 0:
            per_account[plan.index] = 1
            linked -= 1
    for plan in orgs[:linked]:
        per_account[plan.index] += 1
    linked -= min(linked, len(orgs))
    if linked and orgs:
        cum = cumulative([a.weight**0.35 for a in orgs])
        for _ in range(linked):
            per_account[pick(r.random, orgs, cum).index] += 1
    slots: list[AccountPlan | None] = []
    for plan in accounts:
        slots.extend([plan] * per_account[plan.index])
    slots.extend([None] * (ctx.size - len(slots)))
    return slots


def _write_contact(ctx: DemoContext, r: DemoRandom, plan: AccountPlan | None) -> Person:
    card = _who(ctx, r, plan)
    nickname = r.choice(ctx.pools.english_names) if card.chinese and r.random() < 0.12 else ""
    title = _title(r, card)
    prefix = "Dr." if not card.chinese and r.random() < 0.04 else ""
    if card.chinese:
        channel = pick(r.random, vocab.CN_CHANNELS, _CN_CHANNEL_CUM)
    else:
        channel = pick(r.random, vocab.EN_CHANNELS, _EN_CHANNEL_CUM)
    spell = pinyin if card.chinese else ascii_letters
    card.fam_py, card.giv_py = spell(card.family), spell(card.given)
    _phones(ctx, r, card)
    _emails(ctx, r, card, nickname)
    _addresses(ctx, r, card)
    birthday = ctx.today - 25 * 365 - r.randint(0, 35 * 365) if r.random() < 0.4 else None
    notes = ""
    if r.random() < 0.2:
        notes = r.choice(vocab.NOTES_CN if card.chinese else vocab.NOTES_EN)
        notes = notes.format(year=ctx.year - 1)
    if plan is not None:
        owner = plan.owner
    else:
        owner = r.choice(vocab.OWNERS_CN if card.chinese else vocab.OWNERS_WEST)
    ctx.loader.rows("contacts").append(
        ContactRow(
            id=card.id,
            account_id=plan.id if plan is not None else None,
            family_name=card.family,
            given_name=card.given,
            middle_name="",
            prefix=prefix,
            suffix="",
            nickname=nickname,
            phonetic_family_name="",
            phonetic_given_name="",
            sort_key=name_sort_key(card.family, card.given),
            organization=plan.name if plan is not None and plan.person is None else "",
            title=title.title if title else "",
            department=title.department if title else "",
            birthday=day_text(birthday) if birthday is not None else None,
            preferred_channel=channel,
            wechat=card.wechat,
            website="",
            owner=owner,
            notes=notes,
        )
    )
    _tag_contact(ctx, r, card.id, title)
    return _person(card, owner, title)


def _who(ctx: DemoContext, r: DemoRandom, plan: AccountPlan | None) -> _Card:
    """Id, language, place and name: an account's people mostly speak its language."""
    rnd = r.random
    cid = ctx.ids()
    female = rnd() < 0.45
    if plan is not None:
        country, city = plan.country, plan.city
        if plan.person is not None:
            family, given, female = plan.person
            return _Card(cid, plan, plan.chinese, country, city, family, given)
        chinese = rnd() < (0.96 if plan.chinese else 0.08)
    else:
        chinese = rnd() < 0.7
        if chinese:
            country, city = "cn", pick(rnd, vocab.CHINA, _CN_CITY_CUM)
        else:
            country = pick(rnd, _WEST_KEYS, _WEST_CUM)
            city = r.choice(vocab.WESTERN[country])
    if chinese:
        family, given = chinese_name(r, female)
    else:
        name_country = country if country != "cn" else r.choice(_WEST_KEYS)
        family, given = western_name(ctx.pools, r, name_country, female)
    return _Card(cid, plan, chinese, country, city, family, given)


def _title(r: DemoRandom, card: _Card) -> Title | None:
    """A job title in the account's language; half of those without an account have one."""
    plan = card.plan
    if plan is not None and plan.person is None:
        chinese = plan.chinese
    elif plan is None and r.random() < 0.5:
        chinese = card.chinese
    else:
        return None
    if chinese:
        return pick(r.random, vocab.TITLES_CN, _CN_TITLE_CUM)  # type: ignore[no-any-return]
    return pick(r.random, vocab.TITLES_EN, _EN_TITLE_CUM)  # type: ignore[no-any-return]


def _phones(ctx: DemoContext, r: DemoRandom, card: _Card) -> None:
    """A mobile first in China (with a WeChat id for most Chinese), an office line first abroad."""
    rows, new_id, points = ctx.loader.rows("phones"), ctx.ids, ctx.points
    rnd, cid = r.random, card.id
    if card.country == "cn":
        number, e164 = points.cn_mobile(r)
        rows.append((new_id(), cid, None, 0, 1, "mobile", number, e164))
        position = 1
        if card.chinese and rnd() < 0.75:
            card.wechat = _wechat(r, card, e164)
        if card.at_organisation and rnd() < 0.5:
            number, e164 = points.cn_landline(r, card.city)
            rows.append((new_id(), cid, None, 1, 0, "work", number, e164))
            position = 2
        if rnd() < 0.05:
            number, e164 = points.cn_landline(r, card.city)
            rows.append((new_id(), cid, None, position, 0, "home", number, e164))
        return
    position = 0
    work_first = card.plan is not None and rnd() < 0.8
    if work_first:
        number, e164 = points.west_phone(r, card.country, card.city, False)
        rows.append((new_id(), cid, None, 0, 1, "work", number, e164))
        position = 1
    if not work_first or rnd() < 0.6:
        number, e164 = points.west_phone(r, card.country, card.city, True)
        rows.append((new_id(), cid, None, position, int(position == 0), "mobile", number, e164))
    if card.chinese and rnd() < 0.4:
        card.wechat = f"{card.fam_py}{card.giv_py}{r.randint(1, 999)}"


def _wechat(r: DemoRandom, card: _Card, e164: str) -> str:
    """The phone number, a generated wxid_ or a name with digits."""
    roll = r.random()
    if roll < 0.3:
        return e164[3:]
    if roll < 0.55:
        return "wxid_" + "".join(r.choices(_WXID, k=14))
    return f"{card.fam_py}{card.giv_py}{r.choice(('', '_', ''))}{r.randint(1, 9999)}"


def _emails(ctx: DemoContext, r: DemoRandom, card: _Card, nickname: str) -> None:
    """A work address at the account's domain for most, a private one for the rest and a few."""
    rows, new_id, points = ctx.loader.rows("emails"), ctx.ids, ctx.points
    rnd, plan, cid = r.random, card.plan, card.id
    fam, giv = card.fam_py, card.giv_py
    position = 0
    if plan is not None and plan.domain and rnd() < 0.92:
        local = mailbox(r, card.chinese, fam, giv, card.given, nickname)
        address = points.unique_email(local, plan.domain, r)
        rows.append((new_id(), cid, None, 0, 1, "work", address, address))
        position = 1
    if position == 0 or rnd() < 0.15:
        if card.chinese and card.country == "cn" and rnd() < 0.45:
            address = points.unique_email(str(r.randint(10_000_000, 3_999_999_999)), "qq.com", r)
        else:
            domain = r.choice(
                vocab.CN_MAIL if card.chinese and card.country == "cn" else vocab.EN_MAIL
            )
            local = f"{fam}{giv}{r.randint(1, 99)}" if card.chinese else f"{giv}.{fam}"
            address = points.unique_email(local, domain, r)
        rows.append((new_id(), cid, None, position, int(position == 0), "home", address, address))


def _addresses(ctx: DemoContext, r: DemoRandom, card: _Card) -> None:
    """Most of an organisation's people at its address; some others at home."""
    rows = ctx.loader.rows("addresses")
    if card.at_organisation and r.random() < 0.7:
        assert card.plan is not None
        rows.append(address_row(ctx.ids(), card.id, None, "work", card.city, card.plan.street))
    elif r.random() < 0.35:
        where = ctx.points.street(r, card.city, card.country)
        rows.append(address_row(ctx.ids(), card.id, None, "home", card.city, where))


def _tag_contact(ctx: DemoContext, r: DemoRandom, cid: str, title: Title | None) -> None:
    """Decision makers and technical contacts, last year's fair, the newsletter, old friends."""
    links, tag = ctx.loader.rows("contact_tags"), ctx.tag_ids
    if title is not None and title.decides and r.random() < 0.7:
        links.append((cid, tag["决策人"]))
    elif title is not None and title.technical and r.random() < 0.5:
        links.append((cid, tag["技术对接"]))
    roll = r.random()
    if roll < 0.12:
        links.append((cid, tag[f"展会{ctx.year - 1}"]))
    elif roll < 0.3:
        links.append((cid, tag["Newsletter"]))
    elif roll < 0.33:
        links.append((cid, tag["老朋友"]))


def _person(card: _Card, owner: str, title: Title | None) -> Person:
    language = "zh" if card.chinese else "en"
    person = Person(card.id, language, card.city.zone, card.plan, owner, card.family, card.given)
    plan = card.plan
    if plan is not None:
        plan.contacts.append((card.id, language))
        if title is not None and title.decides and not plan.decision_maker:
            plan.decision_maker = card.id
    return person
