"""Second entries of people, so the duplicate review has work."""

from __future__ import annotations

import random
import uuid
from typing import Any

from sqlalchemy import Connection, select, update

from crmdesk.models import Contact, Phone
from crmdesk.models.names import name_sort_key, pinyin_syllables

DUPLICATE_SHARE = 200  # one contact in this many is entered a second time


def plant_duplicates(conn: Connection, seed: int, size: int) -> None:
    """Real address books hold people twice: the phone's copy in pinyin beside the business card
    in Han characters. About one contact in 200 becomes such a copy of another (its name the
    other's pinyin, its first phone the other's number), so Tools > Find Duplicates has work;
    the copy keeps its own e-mail, activities and orders, which a merge then brings together."""
    wanted = size // DUPLICATE_SHARE
    if not wanted:
        return
    rows = _first_phones(conn)
    han = [r for r in rows if pinyin_syllables(r.family_name) and pinyin_syllables(r.given_name)]
    rng = random.Random(f"{seed}:duplicates")
    originals = rng.sample(han, min(wanted, len(han) // 2))
    taken = {r[0] for r in originals}
    copies = rng.sample([r for r in rows if r[0] not in taken], len(originals))
    for original, copy in zip(originals, copies, strict=True):
        _copy(conn, original, copy)


def _first_phones(conn: Connection) -> list[Any]:
    """(contact id, family, given, phone id, number, e164) of every contact's first phone."""
    first: dict[uuid.UUID, Any] = {}
    for row in conn.execute(
        select(
            Contact.id, Contact.family_name, Contact.given_name, Phone.id, Phone.number, Phone.e164
        )
        .join(Phone, Phone.contact_id == Contact.id)
        .order_by(Contact.id, Phone.position.desc())
    ):
        first[row[0]] = row  # the lowest position comes last and stays
    return list(first.values())


def _copy(conn: Connection, original: Any, copy: Any) -> None:
    """Make `copy` the pinyin second entry of `original`: its name and first phone."""
    family = "".join(pinyin_syllables(original.family_name)).capitalize()
    given = "".join(pinyin_syllables(original.given_name)).capitalize()
    conn.execute(
        update(Contact)
        .where(Contact.id == copy[0])
        .values(
            family_name=family,
            given_name=given,
            middle_name="",
            sort_key=name_sort_key(family, given),
            updated_at=Contact.updated_at,  # as loaded: the demo's history, not now
        )
    )
    conn.execute(
        update(Phone)
        .where(Phone.id == copy[3])
        .values(number=original.number, e164=original.e164, updated_at=Phone.updated_at)
    )
