"""Quotes (报价单): a numbered offer copied from a deal's lines; revisions share the number.

A quote is a snapshot: later edits of the deal's lines do not change a quote already made, a
new revision does (quote 2 of 3), and the older revisions are kept, marked superseded.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload

from crmdesk.core.errors import KnownError, RecordNotFound
from crmdesk.core.texts import translatable
from crmdesk.models import (
    Account,
    Address,
    Contact,
    Email,
    Opportunity,
    Phone,
    Product,
    Quote,
    QuoteLine,
)
from crmdesk.models.enums import QuoteStatus
from crmdesk.services.changes import Changes, changes_in, register_kind
from crmdesk.services.pipeline import LineDraft, LineTotals, line_totals, sum_totals

register_kind("quotes", "quotes")

DEFAULT_VALIDITY = dt.timedelta(days=30)


@dataclass(frozen=True)
class QuoteSummary:
    id: uuid.UUID
    number: str
    revision: int
    revisions: int  # how many revisions the number has: "revision 2 of 3"
    status: QuoteStatus
    issued_on: dt.date
    valid_until: dt.date | None
    terms: str
    currency: str
    totals: LineTotals
    lines: tuple[LineDraft, ...]


def _next_number(session: Session, year: int) -> str:
    prefix = f"Q{year}-"
    last = session.scalar(select(func.max(Quote.number)).where(Quote.number.like(f"{prefix}%")))
    n = int(last[len(prefix) :]) + 1 if last else 1
    return f"{prefix}{n:04d}"


def create_quote(
    session: Session,
    opportunity_id: uuid.UUID,
    *,
    valid_until: dt.date | None = None,
    terms: str = "",
    issued_on: dt.date | None = None,
) -> tuple[uuid.UUID, Changes]:
    """A quote from the deal's current lines: the first gets a new number, later ones are the
    next revision of it (the earlier revisions become superseded)."""
    opp = session.get(Opportunity, opportunity_id)
    if opp is None or opp.deleted_at is not None:
        raise RecordNotFound(translatable("Messages", "No such opportunity."))
    if not opp.lines:
        raise KnownError(translatable("Messages", "The opportunity has no line items to quote."))
    issued_on = issued_on or dt.date.today()
    if valid_until is not None and valid_until < issued_on:
        raise KnownError(translatable("Messages", "A quote cannot expire before it is issued."))
    earlier = list(
        session.scalars(
            select(Quote)
            .where(Quote.opportunity_id == opp.id, Quote.deleted_at.is_(None))
            .order_by(Quote.revision)
        )
    )
    number = earlier[0].number if earlier else _next_number(session, issued_on.year)
    for old in earlier:
        if old.status in (QuoteStatus.DRAFT, QuoteStatus.SENT):
            old.status = QuoteStatus.SUPERSEDED
    totals = sum_totals(opp.lines)
    quote = Quote(
        opportunity_id=opp.id,
        number=number,
        revision=(earlier[-1].revision + 1) if earlier else 1,
        issued_on=issued_on,
        valid_until=valid_until or issued_on + DEFAULT_VALIDITY,
        currency=opp.currency,
        terms=terms,
        net=totals.net,
        tax=totals.tax,
        gross=totals.gross,
    )
    quote.lines = [
        QuoteLine(
            product_id=line.product_id,
            position=line.position,
            description=line.description,
            unit=line.unit,
            quantity=line.quantity,
            unit_price=line.unit_price,
            discount=line.discount,
            tax_rate=line.tax_rate,
        )
        for line in opp.lines
    ]
    session.add(quote)
    session.flush()
    return quote.id, changes_in(session)


def quotes_of(session: Session, opportunity_id: uuid.UUID) -> list[QuoteSummary]:
    """The deal's quotes, newest revision first."""
    found = list(
        session.scalars(
            select(Quote)
            .where(Quote.opportunity_id == opportunity_id, Quote.deleted_at.is_(None))
            .options(selectinload(Quote.lines))
            .order_by(Quote.revision.desc())
        )
    )
    count = len(found)
    result = []
    for q in found:
        lines = tuple(
            LineDraft(ln.description, ln.quantity, ln.unit_price, ln.discount, ln.tax_rate,
                      ln.unit, ln.product_id)
            for ln in q.lines
        )  # fmt: skip
        result.append(
            QuoteSummary(q.id, q.number, q.revision, count, QuoteStatus(q.status), q.issued_on,
                         q.valid_until, q.terms, q.currency, LineTotals(q.net, q.tax, q.gross),
                         lines)
        )  # fmt: skip
    return result


def set_quote_status(session: Session, quote_id: uuid.UUID, status: QuoteStatus) -> Changes:
    quote = session.get(Quote, quote_id)
    if quote is None or quote.deleted_at is not None:
        raise RecordNotFound(translatable("Messages", "No such quote."))
    quote.status = status
    session.flush()
    return changes_in(session)


# A quote's status may move on from draft and sent; accepted, rejected and superseded are ends
# (a new revision is how a rejected offer is answered).
_STATUS_NEXT = {
    QuoteStatus.DRAFT: {QuoteStatus.SENT, QuoteStatus.ACCEPTED, QuoteStatus.REJECTED},
    QuoteStatus.SENT: {QuoteStatus.ACCEPTED, QuoteStatus.REJECTED, QuoteStatus.DRAFT},
    QuoteStatus.ACCEPTED: {QuoteStatus.SENT},
    QuoteStatus.REJECTED: {QuoteStatus.SENT},
    QuoteStatus.SUPERSEDED: set(),
}


def _quote(session: Session, quote_id: uuid.UUID) -> Quote:
    quote = session.get(Quote, quote_id)
    if quote is None or quote.deleted_at is not None:
        raise RecordNotFound(translatable("Messages", "No such quote."))
    return quote


def change_status(session: Session, quote_id: uuid.UUID, status: QuoteStatus) -> Changes:
    """Move a quote on (draft → sent → accepted / rejected); a superseded revision stays so."""
    quote = _quote(session, quote_id)
    current = QuoteStatus(quote.status)
    if status is not current and status not in _STATUS_NEXT[current]:
        raise KnownError(
            translatable("Messages", "A quote cannot go from %1 to %2."), values=(current, status)
        )
    quote.status = status
    session.flush()
    return changes_in(session)


def update_terms(
    session: Session, quote_id: uuid.UUID, *, valid_until: dt.date | None, terms: str
) -> Changes:
    """Change a draft's validity and terms (a quote sent is changed by a new revision)."""
    quote = _quote(session, quote_id)
    if quote.status != QuoteStatus.DRAFT:
        raise KnownError(
            translatable("Messages", "Only a draft quote can be changed; make a new revision.")
        )
    if valid_until is not None and valid_until < quote.issued_on:
        raise KnownError(translatable("Messages", "A quote cannot expire before it is issued."))
    quote.valid_until = valid_until
    quote.terms = terms.strip()
    session.flush()
    return changes_in(session)


# --- the quote as a document reads it ----------------------------------------------------


@dataclass(frozen=True)
class QuoteBuyer:
    """Who the quote is made out to: the deal's account and contact, with their first address,
    phone and e-mail (the account's own, else the contact's)."""

    account: str
    account_code: str
    contact: str
    phone: str
    email: str
    street: str
    city: str
    region: str
    postal_code: str
    country: str


@dataclass(frozen=True)
class QuoteDocumentLine:
    position: int  # 1-based, as printed
    product_code: str
    product: str
    description: str
    quantity: Decimal
    unit: str
    unit_price: Decimal
    discount: Decimal  # percent
    tax_rate: Decimal  # percent
    net: Decimal
    tax: Decimal
    gross: Decimal


@dataclass(frozen=True)
class QuoteDocument:
    """Every field a printed quote (报价单) shows; money in Decimal, totals as stored."""

    id: uuid.UUID
    number: str
    revision: int
    revisions: int
    status: QuoteStatus
    date: dt.date
    valid_until: dt.date | None
    currency: str
    terms: str
    opportunity: str
    owner: str
    buyer: QuoteBuyer
    lines: tuple[QuoteDocumentLine, ...]
    totals: LineTotals


def quote_document(session: Session, quote_id: uuid.UUID) -> QuoteDocument:
    """A quote's fields for a document: number, date, buyer, the lines with their totals."""
    quote = session.scalars(
        select(Quote).where(Quote.id == quote_id).options(selectinload(Quote.lines))
    ).first()
    if quote is None or quote.deleted_at is not None:
        raise RecordNotFound(translatable("Messages", "No such quote."))
    opp = session.get(Opportunity, quote.opportunity_id)
    assert opp is not None  # a quote is deleted with its deal
    revisions = session.scalar(
        select(func.count()).where(Quote.number == quote.number, Quote.deleted_at.is_(None))
    )
    products = {
        p.id: p
        for p in session.scalars(
            select(Product).where(Product.id.in_({ln.product_id for ln in quote.lines}))
        )
    }
    lines = []
    for n, ln in enumerate(quote.lines, start=1):
        product = products.get(ln.product_id) if ln.product_id else None
        t = line_totals(ln.quantity, ln.unit_price, ln.discount, ln.tax_rate)
        lines.append(
            QuoteDocumentLine(n, product.code if product else "", product.name if product else "",
                              ln.description, ln.quantity, ln.unit, ln.unit_price, ln.discount,
                              ln.tax_rate, t.net, t.tax, t.gross)
        )  # fmt: skip
    return QuoteDocument(
        id=quote.id, number=quote.number, revision=quote.revision, revisions=revisions or 1,
        status=QuoteStatus(quote.status), date=quote.issued_on, valid_until=quote.valid_until,
        currency=quote.currency, terms=quote.terms, opportunity=opp.name, owner=opp.owner,
        buyer=_buyer(session, opp), lines=tuple(lines),
        totals=LineTotals(quote.net, quote.tax, quote.gross),
    )  # fmt: skip


def _first(session: Session, column: InstrumentedAttribute[str], **owner: object) -> str:
    """The first phone number or e-mail address (by position) of an account or a contact."""
    stmt = select(column).filter_by(deleted_at=None, **owner).order_by(column.class_.position)
    return session.scalar(stmt.limit(1)) or ""


def _buyer(session: Session, opp: Opportunity) -> QuoteBuyer:
    account = session.get(Account, opp.account_id) if opp.account_id else None
    contact = session.get(Contact, opp.contact_id) if opp.contact_id else None
    owners = [o for o in ({"account_id": opp.account_id} if account else None,
                          {"contact_id": opp.contact_id} if contact else None) if o]  # fmt: skip
    address = None
    phone = email = ""
    for owner in owners:
        address = address or session.scalars(
            select(Address).filter_by(deleted_at=None, **owner).order_by(Address.position).limit(1)
        ).first()
        phone = phone or _first(session, Phone.number, **owner)
        email = email or _first(session, Email.address, **owner)
    return QuoteBuyer(
        account=account.name if account else "",
        account_code=account.code if account else "",
        contact=contact.display_name if contact else "",
        phone=phone,
        email=email,
        street=address.street if address else "",
        city=address.city if address else "",
        region=address.region if address else "",
        postal_code=address.postal_code if address else "",
        country=address.country if address else "",
    )
