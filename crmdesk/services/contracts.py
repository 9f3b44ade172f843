"""Contracts and quotes from an opportunity: which template, what it is filled with, where to.

The fields come from the deal (its lines with the totals services.pipeline works out), its
account (the buyer), its contact, our company (Settings) and, for a quote, the newest quote
revision where the deal has one. Templates are the shipped ones (resources/templates) and the
user's own .docx files in the templates folder beside the database. Output is .docx, or .pdf
through LibreOffice; every file is written whole or not at all, and a batch only once every
document in it was filled.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from crmdesk.core.errors import KnownError, RecordNotFound
from crmdesk.core.resources import resource
from crmdesk.core.texts import translatable
from crmdesk.export.atomic import write_atomically
from crmdesk.export.contract_fields import (
    DocumentData,
    DocumentLine,
    Party,
    document_context,
    known_fields,
)
from crmdesk.export.docx_template import (
    TemplateCheck,
    TemplateProblems,
    check_template,
    render_template,
)
from crmdesk.export.pdf_convert import convert_to_pdf
from crmdesk.models import Account, Contact, Opportunity, Product
from crmdesk.models.names import has_cjk
from crmdesk.services import settings
from crmdesk.services.company import CompanyProfile
from crmdesk.services.contact_points import format_address
from crmdesk.services.pipeline import LineDraft, sum_totals
from crmdesk.services.quotes import quotes_of
from crmdesk.store.db import default_database_path

KINDS = ("contract", "quote")
BUILT_IN = ("contract-zh", "contract-en", "quote-zh", "quote-en")
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class TemplateInfo:
    """A template the user can choose: its name, where it is, and whether we ship it."""

    name: str
    path: str  # a file path, or "built-in:NAME"
    built_in: bool
    kind: str  # "contract", "quote", "letter" or "" (by its name)

    def read(self) -> bytes:
        if self.built_in:
            return resource("templates", f"{self.name}.docx").read_bytes()
        return Path(self.path).read_bytes()


def templates_folder() -> Path:
    """The user's own templates: `templates/` beside the default database (CRMDESK_TEMPLATES
    names another folder)."""
    named = os.environ.get("CRMDESK_TEMPLATES")
    return Path(named) if named else default_database_path().parent / "templates"


def _kind_of(name: str) -> str:
    lowered = name.lower()
    for kind, words in (("contract", ("contract", "合同")), ("quote", ("quote", "报价")),
                        ("letter", ("letter", "信函", "函"))):  # fmt: skip
        if any(w in lowered for w in words):
            return kind
    return ""


def list_templates(folder: Path | None = None) -> list[TemplateInfo]:
    """The shipped templates, then the user's (sorted by name)."""
    found = [TemplateInfo(n, f"built-in:{n}", True, _kind_of(n)) for n in BUILT_IN]
    folder = folder or templates_folder()
    if folder.is_dir():
        for path in sorted(folder.glob("*.docx"), key=lambda p: p.name.casefold()):
            if not path.name.startswith(("~$", ".")):  # Word's lock files
                found.append(TemplateInfo(path.stem, str(path), False, _kind_of(path.stem)))
    return found


def find_template(name_or_file: str, folder: Path | None = None) -> TemplateInfo:
    """A template by file path, by the name of one of the user's, or by a shipped name."""
    path = Path(name_or_file).expanduser()
    if path.suffix.lower() == ".docx" and path.is_file():
        return TemplateInfo(path.stem, str(path), False, _kind_of(path.stem))
    templates = list_templates(folder)
    for info in sorted(templates, key=lambda t: t.built_in):  # the user's win over ours
        if info.name.casefold() == name_or_file.casefold():
            return info
    raise KnownError(
        translatable("Messages", "There is no template called %1."),
        translatable("Messages", "Templates: %1."),
        values=(name_or_file,),
        hint_values=(", ".join(t.name for t in templates),),
    )


def default_template(kind: str, data: DocumentData) -> TemplateInfo:
    """The shipped template of the kind, in Chinese where the buyer or we write Chinese."""
    chinese = has_cjk(data.buyer.name + data.seller.name)
    return find_template(f"{kind}-{'zh' if chinese else 'en'}")


def check(template: TemplateInfo, known: frozenset[str] | None = None) -> TemplateCheck:
    return check_template(template.read(), known or known_fields())


# --- what a document is filled with --------------------------------------------------------


def seller_party(session: Session) -> Party:
    company = settings.load(session, CompanyProfile)
    address = _joined_address(company.address, company.postal_code)
    bank = " ".join(p for p in (company.bank.strip(), company.bank_account.strip()) if p)
    return Party(company.name, address, company.tax_id, bank, company.phone, company.email)


def _joined_address(address: str, postal_code: str) -> str:
    address, postal_code = address.strip(), postal_code.strip()
    if not postal_code or postal_code in address:
        return address
    return f"{postal_code} {address}" if has_cjk(address) else f"{address}, {postal_code}"


def _first(rows: Sequence[Any]) -> Any | None:
    live = [r for r in rows if r.deleted_at is None]
    return next((r for r in live if r.is_primary), live[0] if live else None)


def buyer_party(account: Account | None) -> Party:
    if account is None:
        return Party()
    address = _first(account.addresses)
    phone, email = _first(account.phones), _first(account.emails)
    return Party(
        account.name,
        format_address(address) if address else "",
        account.tax_id,
        phone=phone.number if phone else "",
        email=email.address if email else "",
    )


def contact_party(contact: Contact | None) -> Party:
    if contact is None:
        return Party()
    phone, email = _first(contact.phones), _first(contact.emails)
    return Party(contact.display_name, phone=phone.number if phone else "",
                 email=email.address if email else "")  # fmt: skip


def _lines(session: Session, drafts: Sequence[LineDraft]) -> tuple[DocumentLine, ...]:
    ids = {d.product_id for d in drafts if d.product_id}
    names = dict(session.execute(select(Product.id, Product.name).where(Product.id.in_(ids))).all()
                 ) if ids else {}  # fmt: skip
    lines = []
    for d in drafts:
        totals = d.totals  # services.pipeline.line_totals: cents, half up
        product = names.get(d.product_id, "") if d.product_id else ""
        lines.append(DocumentLine(product or d.description, d.description if product else "",
                                  d.quantity, d.unit, d.unit_price, d.discount, d.tax_rate,
                                  totals.net, totals.tax, totals.gross))  # fmt: skip
    return tuple(lines)


def document_number(kind: str, opportunity_id: uuid.UUID, day: dt.date) -> str:
    """CT-20261202-3F9A1C: the kind, the day, and the end of the deal's id (stable per deal)."""
    prefix = "CT" if kind == "contract" else "QT"
    return f"{prefix}-{day:%Y%m%d}-{opportunity_id.hex[-6:].upper()}"


def document_data(
    session: Session,
    opportunity_id: uuid.UUID,
    kind: str = "contract",
    *,
    day: dt.date | None = None,
    number: str | None = None,
) -> DocumentData:
    """What a contract or quote for the deal shows."""
    if kind not in KINDS:
        raise KnownError(translatable("Messages", "Unknown document kind %1."), values=(kind,))
    opp = session.scalars(
        select(Opportunity)
        .where(Opportunity.id == opportunity_id, Opportunity.deleted_at.is_(None))
        .options(selectinload(Opportunity.lines), selectinload(Opportunity.contact_roles))
    ).first()
    if opp is None:
        raise RecordNotFound(translatable("Messages", "No such opportunity."))
    day = day or dt.date.today()
    drafts = [LineDraft(ln.description, ln.quantity, ln.unit_price, ln.discount, ln.tax_rate,
                        ln.unit, ln.product_id) for ln in opp.lines]  # fmt: skip
    currency, valid_until, terms = opp.currency, None, ""
    doc_number = number or document_number(kind, opp.id, day)
    if kind == "quote":
        quotes = quotes_of(session, opp.id)
        if quotes:  # the newest revision: the offer as the customer saw it
            q = quotes[0]
            drafts, currency, valid_until, terms = list(q.lines), q.currency, q.valid_until, q.terms
            doc_number = number or (q.number if q.revision == 1 else f"{q.number}-R{q.revision}")
        else:
            valid_until = day + dt.timedelta(days=30)
    account = _account(session, opp.account_id)
    contact_id = opp.contact_id or next((r.contact_id for r in opp.contact_roles), None)
    contact = _contact(session, contact_id)
    totals = sum_totals(drafts)
    return DocumentData(
        number=doc_number, date=day, seller=seller_party(session), buyer=buyer_party(account),
        contact=contact_party(contact), owner=opp.owner, opportunity=opp.name,
        close_date=opp.expected_close, lines=_lines(session, drafts), net=totals.net,
        tax=totals.tax, gross=totals.gross, currency=currency, valid_until=valid_until,
        terms=terms,
    )  # fmt: skip


def _account(session: Session, account_id: uuid.UUID | None) -> Account | None:
    if account_id is None:
        return None
    return session.scalars(
        select(Account)
        .where(Account.id == account_id)
        .options(
            selectinload(Account.addresses),
            selectinload(Account.phones),
            selectinload(Account.emails),
        )
    ).first()


def _contact(session: Session, contact_id: uuid.UUID | None) -> Contact | None:
    if contact_id is None:
        return None
    return session.scalars(
        select(Contact)
        .where(Contact.id == contact_id, Contact.deleted_at.is_(None))
        .options(selectinload(Contact.phones), selectinload(Contact.emails))
    ).first()


# --- filling and writing ---------------------------------------------------------------------


@dataclass(frozen=True)
class Filled:
    """A filled document in memory, before it is written."""

    data: DocumentData
    template: TemplateInfo
    docx: bytes
    language: str


def fill(
    template: TemplateInfo,
    data: DocumentData,
    checked_source: tuple[bytes, TemplateCheck] | None = None,
) -> Filled:
    """The template filled with the deal; TemplateProblems (nothing filled) when it has any.
    `checked_source`: the template's bytes and check, where a batch has them already."""
    source, checked = checked_source or checked_template(template)
    context = document_context(data, checked.language)
    docx = render_template(source, context, known_fields(), check=False)
    return Filled(data, template, docx, checked.language)


def checked_template(template: TemplateInfo) -> tuple[bytes, TemplateCheck]:
    """The template's bytes once checked; TemplateProblems when it has any."""
    source = template.read()
    checked = check_template(source, known_fields())
    if not checked.ok:
        raise TemplateProblems(template.name, checked.problems)
    return source, checked


def output_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in (".docx", ".pdf"):
        raise KnownError(
            translatable("Messages", "%1 is neither a .docx nor a .pdf file name."),
            values=(Path(path).name,),
        )
    return suffix[1:]


def write_filled(documents: Sequence[tuple[Filled, str | Path]]) -> list[Path]:
    """Write each filled document to its path (.docx as it is, .pdf through LibreOffice)."""
    pdfs = [(f.docx, p) for f, p in documents if output_format(p) == "pdf"]
    written = [write_atomically(p, f.docx) for f, p in documents if output_format(p) == "docx"]
    return written + convert_to_pdf(pdfs)


def safe_file_name(text: str) -> str:
    """A document number or name as a file name on every system."""
    cleaned = re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("._")
    return cleaned[:120] or "document"


def generate(
    session: Session,
    opportunity_ids: Sequence[uuid.UUID],
    kind: str,
    target: str | Path,
    *,
    template: TemplateInfo | None = None,
    fmt: str | None = None,
    day: dt.date | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Path]:
    """One document per deal. With one deal `target` is the file; with several it is a folder
    and each file is named after its number (`fmt` "docx" or "pdf")."""
    if not opportunity_ids:
        raise KnownError(translatable("Messages", "No opportunity is selected."))
    single = len(opportunity_ids) == 1 and bool(Path(target).suffix)
    if single:
        output_format(target)  # refuse a wrong name before any work
    else:
        Path(target).mkdir(parents=True, exist_ok=True)
    filled: list[tuple[Filled, str | Path]] = []
    ready: dict[str, tuple[bytes, TemplateCheck]] = {}  # each template read and checked once
    for done, opp_id in enumerate(opportunity_ids):
        if cancelled and cancelled():
            raise KnownError(translatable("Messages", "Cancelled; no file was written."))
        data = document_data(session, opp_id, kind, day=day)
        chosen = template or default_template(kind, data)
        if chosen.path not in ready:
            ready[chosen.path] = checked_template(chosen)
        document = fill(chosen, data, ready[chosen.path])
        path = target if single else Path(target) / f"{safe_file_name(data.number)}.{fmt or 'docx'}"
        filled.append((document, path))
        if progress:
            progress(done + 1, len(opportunity_ids))
    return write_filled(filled)


def preview_fields(filled_or_data: DocumentData, language: str) -> list[tuple[str, str]]:
    """(field, value) of every documented scalar field, for the preview before saving."""
    context = document_context(filled_or_data, language)
    rows: list[tuple[str, str]] = []
    for name in sorted(known_fields(), key=_field_order):
        if name == "lines" or name.startswith(("lines[]", "quote.")):
            continue
        head, _, tail = name.partition(".")
        rows.append((name, str(context[head].get(tail, ""))))
    for index, line in enumerate(context["lines"], start=1):
        rows.append((f"lines[{index}]", " · ".join(
            v for k, v in line.items() if k in ("product", "quantity", "unit", "unit_price",
                                                 "gross") and v)))  # fmt: skip
    return rows


def _field_order(name: str) -> int:
    from crmdesk.export.contract_fields import FIELDS

    names = [n for n, _ in FIELDS]
    return names.index(name) if name in names else len(names)


def with_number(data: DocumentData, number: str) -> DocumentData:
    return replace(data, number=number)
