"""Tags: free labels on contacts and accounts, created on first use."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Table, exists, select
from sqlalchemy.orm import Session

from crmdesk.models import Account, Contact, Tag


def tags_named(session: Session, names: Sequence[str]) -> list[Tag]:
    """The Tag rows for these names, creating the missing ones (case and spaces kept as typed)."""
    wanted = list(dict.fromkeys(n.strip() for n in names if n.strip()))
    if not wanted:
        return []
    found = {t.name: t for t in session.scalars(select(Tag).where(Tag.name.in_(wanted)))}
    for name in wanted:
        if name not in found:
            found[name] = Tag(name=name)
            session.add(found[name])
    return [found[n] for n in wanted]


def set_tags(session: Session, owner: Contact | Account, names: Sequence[str]) -> None:
    tags = tags_named(session, names)
    if {t.name for t in owner.tags} != {t.name for t in tags}:
        owner.tags = tags


def tagged(link: Table, owner_id: Any, tag: str) -> ColumnElement[bool]:
    """Owners (contacts or accounts, by `owner_id`) that carry the tag, through their link
    table (contact_tags, account_tags: an owner column and tag_id)."""
    owner_column = next(c for c in link.c if c.name != "tag_id")
    return exists().where(owner_column == owner_id, link.c.tag_id == Tag.id, Tag.name == tag)
