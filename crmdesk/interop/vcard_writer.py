"""Write ContactRecords as vCard 3.0 or 4.0 (UTF-8, CRLF, folded at 75 octets).

The writer always writes FN; a record whose formatted_name is empty gets one composed from the
name parts, so only records as the reader (vcard.py) makes them come back field for field.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable

from crmdesk.interop.records import AddressRecord, ContactRecord
from crmdesk.interop.vcard import image_mime
from crmdesk.models.enums import AddressKind, EmailKind, PhoneKind
from crmdesk.models.names import compose_name

__all__ = ["write_vcards"]

def write_vcards(records: Iterable[ContactRecord], version: str = "3.0") -> bytes:
    """The records as vCard 3.0 or 4.0: UTF-8, CRLF, folded at 75 octets."""
    if version not in ("3.0", "4.0"):
        raise ValueError(f"vCard version must be 3.0 or 4.0, not {version!r}")
    lines = [line for rec in records for line in _card_lines(rec, version == "4.0")]
    return "".join(_fold(line) + "\r\n" for line in lines).encode("utf-8")


def _fold(line: str, limit: int = 75) -> str:
    """Fold at `limit` octets, the leading space included, never inside a UTF-8 character."""
    chunks, current, size = [], "", 0
    for c in line:
        width = len(c.encode("utf-8"))
        if size + width > limit:
            chunks.append(current)
            current, size = " ", 1
        current += c
        size += width
    chunks.append(current)
    return "\r\n".join(chunks)


def _escape(text: str) -> str:
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def _structured(*parts: str) -> str:
    return ";".join(_escape(p) for p in parts)


def _quoted(text: str) -> str:
    """A parameter value in double quotes, RFC 6868-escaped; backslashes as in values."""
    text = text.replace("\\", "\\\\").replace("^", "^^").replace("\r\n", "\n")
    return '"' + text.replace("\n", "^n").replace('"', "^'") + '"'


def _typed(name: str, types: list[str], primary: bool, v4: bool) -> str:
    """`TEL;TYPE=WORK,VOICE,PREF` for 3.0, `TEL;TYPE="work,voice";PREF=1` for 4.0."""
    if not v4:
        types = [t.upper() for t in types] + (["PREF"] if primary else [])
        return name + (";TYPE=" + ",".join(types) if types else "")
    params = ""
    if types:
        params = ";TYPE=" + (types[0] if len(types) == 1 else '"' + ",".join(types) + '"')
    return name + params + (";PREF=1" if primary else "")


_PHONE_TYPES = {PhoneKind.MOBILE: ["cell"], PhoneKind.WORK: ["work", "voice"],
                PhoneKind.HOME: ["home", "voice"], PhoneKind.FAX: ["fax"],
                PhoneKind.PAGER: ["pager"], PhoneKind.OTHER: ["voice"]}
_EMAIL_TYPES = {EmailKind.WORK: ["work"], EmailKind.HOME: ["home"], EmailKind.OTHER: []}
_ADDRESS_TYPES = {AddressKind.WORK: ["work"], AddressKind.HOME: ["home"],
                  AddressKind.POSTAL: ["postal"], AddressKind.OTHER: []}


def _card_lines(rec: ContactRecord, v4: bool) -> list[str]:
    names = [rec.family_name, rec.given_name, rec.middle_name, rec.prefix, rec.suffix]
    lines = ["BEGIN:VCARD", "VERSION:" + ("4.0" if v4 else "3.0")]
    sort_as = [rec.phonetic_family_name, rec.phonetic_given_name]
    n_params = ";SORT-AS=" + _quoted(",".join(sort_as).rstrip(",")) if v4 and any(sort_as) else ""
    lines += [f"N{n_params}:{_structured(*names)}",
              "FN:" + _escape(rec.formatted_name or compose_name(names))]
    if rec.uid:
        lines.append("UID:" + _escape(rec.uid))
    lines += _text_lines(("NICKNAME", rec.nickname),
                         ("X-PHONETIC-FIRST-NAME", rec.phonetic_given_name),
                         ("X-PHONETIC-LAST-NAME", rec.phonetic_family_name))
    if rec.organization or rec.department:
        org = [rec.organization, rec.department] if rec.department else [rec.organization]
        lines.append("ORG:" + _structured(*org))
    lines += _text_lines(("TITLE", rec.title))
    lines += [_typed("TEL", _PHONE_TYPES[p.kind], p.primary, v4) + ":" + _escape(p.number)
              for p in rec.phones]
    lines += [_typed("EMAIL", ([] if v4 else ["internet"]) + _EMAIL_TYPES[e.kind], e.primary, v4)
              + ":" + _escape(e.address) for e in rec.emails]
    for index, address in enumerate(rec.addresses, start=1):
        lines += _address_lines(address, index, v4)
    if rec.birthday:
        lines.append("BDAY:" + rec.birthday.strftime("%Y%m%d" if v4 else "%Y-%m-%d"))
    lines += ["URL:" + url for url in rec.websites]
    lines += _text_lines(("NOTE", rec.notes))
    if rec.tags:
        lines.append("CATEGORIES:" + ",".join(_escape(t) for t in rec.tags))
    lines += _photo_lines(rec, v4)
    lines += _text_lines(("X-WECHAT", rec.wechat))
    return [*lines, "END:VCARD"]


def _text_lines(*pairs: tuple[str, str]) -> list[str]:
    return [f"{name}:{_escape(text)}" for name, text in pairs if text]


def _address_lines(address: AddressRecord, index: int, v4: bool) -> list[str]:
    """4.0 carries the label as a parameter; 3.0 as a LABEL property grouped with its ADR."""
    types = _ADDRESS_TYPES[address.kind]
    value = _structured(address.po_box, address.extended, address.street, address.city,
                        address.region, address.postal_code, address.country)
    if v4:
        label = ";LABEL=" + _quoted(address.label) if address.label else ""
        return [_typed("ADR", types, address.primary, v4) + label + ":" + value]
    if not address.label:
        return [_typed("ADR", types, address.primary, v4) + ":" + value]
    group = f"item{index}."
    return [group + _typed("ADR", types, address.primary, v4) + ":" + value,
            group + _typed("LABEL", types, False, v4) + ":" + _escape(address.label)]


def _photo_lines(rec: ContactRecord, v4: bool) -> list[str]:
    lines = []
    if rec.photo:
        mime = rec.photo_mime or image_mime(rec.photo, []) or "image/jpeg"
        data = base64.b64encode(rec.photo).decode("ascii")
        if v4:
            lines.append(f"PHOTO:data:{mime};base64,{data}")
        else:
            lines.append(f"PHOTO;ENCODING=b;TYPE={mime.split('/')[-1].upper()}:{data}")
    if rec.photo_uri:
        lines.append(("PHOTO:" if v4 else "PHOTO;VALUE=uri:") + rec.photo_uri)
    return lines
