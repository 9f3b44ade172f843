"""The product catalogue: what a deal's, a quote's and an order's lines are made of.

A product is found by its code (unique); one no longer sold is made inactive rather than
deleted, so the lines that name it keep their product.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from crmdesk.core.errors import KnownError, RecordNotFound
from crmdesk.core.texts import translatable
from crmdesk.models import Product
from crmdesk.services.changes import Changes, changes_in, register_kind
from crmdesk.services.pipeline.money import HUNDRED

register_kind("products", "products")
CATEGORY_LENGTH = 100  # Product.category's width


@dataclass
class ProductDraft:
    code: str = ""
    name: str = ""
    unit: str = ""
    price: Decimal = Decimal(0)
    tax_rate: Decimal = Decimal(0)
    cost: Decimal = Decimal(0)
    currency: str = "CNY"
    active: bool = True
    id: uuid.UUID | None = None
    category: str = ""


@dataclass(frozen=True)
class ProductRow:
    id: uuid.UUID
    code: str
    name: str
    unit: str
    price: Decimal
    tax_rate: Decimal
    cost: Decimal
    currency: str
    active: bool
    category: str = ""

    @property
    def draft(self) -> ProductDraft:
        return ProductDraft(self.code, self.name, self.unit, self.price, self.tax_rate,
                            self.cost, self.currency, self.active, self.id,
                            self.category)  # fmt: skip


def _row(p: Product) -> ProductRow:
    return ProductRow(p.id, p.code, p.name, p.unit, p.price, p.tax_rate, p.cost, p.currency,
                      p.active, p.category)  # fmt: skip


def products(session: Session, *, active_only: bool = False, search: str = "") -> list[ProductRow]:
    """The catalogue by code (a few thousand at most: read whole)."""
    stmt = select(Product).where(Product.deleted_at.is_(None)).order_by(Product.code)
    if active_only:
        stmt = stmt.where(Product.active.is_(True))
    if search.strip():
        pattern = f"%{search.strip()}%"
        stmt = stmt.where(or_(Product.code.ilike(pattern), Product.name.ilike(pattern),
                              Product.category.ilike(pattern)))  # fmt: skip
    return [_row(p) for p in session.scalars(stmt)]


def categories(session: Session) -> list[str]:
    """The categories the catalogue's live products use, in order (what a choice offers)."""
    stmt = (
        select(Product.category)
        .where(Product.deleted_at.is_(None), Product.category != "")
        .distinct()
        .order_by(Product.category)
    )
    return list(session.scalars(stmt))


def check_product(draft: ProductDraft) -> None:
    """The rules a product meets, whether typed or imported: a code, a name, sane figures."""
    if not draft.code.strip():
        raise KnownError(translatable("Messages", "A product needs a code."))
    if not draft.name.strip():
        raise KnownError(translatable("Messages", "A product needs a name."))
    if len(" ".join(draft.category.split())) > CATEGORY_LENGTH:
        raise KnownError(
            translatable("Messages", "A product category has at most %1 characters."),
            values=(CATEGORY_LENGTH,),
        )
    if draft.price < 0 or draft.cost < 0:
        raise KnownError(translatable("Messages", "A price or cost cannot be negative."))
    if not Decimal(0) <= draft.tax_rate <= HUNDRED:
        raise KnownError(
            translatable("Messages", "A tax rate is between 0 and 100 %, not %1."),
            values=(draft.tax_rate,),
        )


def product_by_code(session: Session, code: str) -> Product | None:
    return session.scalars(
        select(Product).where(func.lower(Product.code) == code.strip().lower())
    ).first()


def save_product(session: Session, draft: ProductDraft) -> tuple[uuid.UUID, Changes]:
    """Create or update one product; its code stays unique (compared without case)."""
    check_product(draft)
    same = product_by_code(session, draft.code)
    if same is not None and same.id != draft.id:
        raise KnownError(
            translatable("Messages", "Another product has the code %1."), values=(draft.code,)
        )
    if draft.id is not None:
        product = session.get(Product, draft.id)
        if product is None:
            raise RecordNotFound(translatable("Messages", "No such product."))
    else:
        product = Product()
        session.add(product)
    product.code, product.name = draft.code.strip(), draft.name.strip()
    product.unit, product.currency = draft.unit.strip(), draft.currency.strip().upper() or "CNY"
    product.category = " ".join(draft.category.split())
    product.price, product.tax_rate, product.cost = draft.price, draft.tax_rate, draft.cost
    product.active = draft.active
    product.deleted_at = None
    session.flush()
    return product.id, changes_in(session)


def set_active(session: Session, ids: Sequence[uuid.UUID], active: bool) -> Changes:
    for product_id in ids:
        product = session.get(Product, product_id)
        if product is None:
            raise RecordNotFound(translatable("Messages", "No such product."))
        product.active = active
    session.flush()
    return changes_in(session)
