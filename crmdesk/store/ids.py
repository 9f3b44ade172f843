"""Record ids as typed: a full UUID, or a unique start or end of its hex form (6+ digits).

UUIDv7 keys begin with a timestamp, so rows made together share a prefix; the random end is
usually the handier short form.
"""

from __future__ import annotations

import uuid

from sqlalchemy import String, func, or_, select
from sqlalchemy.orm import Session

from crmdesk.core.errors import RecordNotFound
from crmdesk.models import Entity


def resolve_id(session: Session, model: type[Entity], text: str) -> uuid.UUID:
    noun = model.__tablename__.rstrip("s")
    cleaned = text.strip().lower().replace("-", "")
    if len(cleaned) == 32:
        return uuid.UUID(cleaned)
    if len(cleaned) < 6 or any(c not in "0123456789abcdef" for c in cleaned):
        raise RecordNotFound(f"'{text}' is not a {noun} id (give at least 6 hex digits).")
    hex_id = func.lower(func.cast(model.id, String))
    matches = session.scalars(
        select(model.id).where(or_(hex_id.like(f"{cleaned}%"), hex_id.like(f"%{cleaned}"))).limit(2)
    ).all()
    if len(matches) != 1:
        which = "No" if not matches else "More than one"
        raise RecordNotFound(f"{which} {noun} id starts or ends with '{text}'.")
    return matches[0]
