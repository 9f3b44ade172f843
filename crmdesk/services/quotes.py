"""Quotes (报价单): a numbered offer copied from a deal's lines; revisions share the number.

A quote is a snapshot: later edits of the deal's lines do not change a quote already made, a
new revision does (quote 2 of 3), and the older revisions are kept, marked superseded.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from crmdesk.core.errors import KnownError, RecordNotFound
from crmdesk.core.texts import translatable
from crmdesk.models import Opportunity, Quote, QuoteLine
from crmdesk.models.enums import QuoteStatus
from crmdesk.services.changes import Changes, changes_in
from crmdesk.services.pipeline import LineDraft, LineTotals, sum_totals

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
