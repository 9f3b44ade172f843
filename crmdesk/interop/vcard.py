"""Read vCard files (2.1, 3.0, 4.0) as plain ContactRecords (vcard_writer.py writes them).

Real address books write vCards that strict parsers reject: 2.1 quoted-printable running over
several lines, folds that cut a UTF-8 character in two, a charset per property or for the whole
file, parameters that should have been quoted. So the reader works on bytes: it unfolds lines and
splits them into name, parameters and value first, and decodes each value on its own, with the
charset the property declares or else the one found for the file. One parser, no second opinion.

Choices worth knowing:
- A birthday without a year (`--0102`) is read as no birthday: a made-up year (Apple's 1604)
  would show the user a wrong age.
- Where the model holds one value (organisation, title, birthday) the first one in the card wins;
  notes of several NOTE properties are joined, duplicates dropped.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from crmdesk.core.errors import ImportFailed
from crmdesk.core.texts import translatable
from crmdesk.interop.charsets import codec, guess_charset
from crmdesk.interop.records import AddressRecord, ContactRecord, EmailRecord, PhoneRecord
from crmdesk.models.enums import AddressKind, EmailKind, PhoneKind
from crmdesk.models.names import compose_name, split_full_name

__all__ = ["image_mime", "read_vcards"]


# ---------------------------------------------------------------------------------------------
# Reading: bytes -> logical lines
# ---------------------------------------------------------------------------------------------

def read_vcards(data: bytes) -> list[ContactRecord]:
    """Every card of a .vcf file, in file order; ImportFailed (with a line) if it is not one."""
    if not data.strip():
        raise ImportFailed(
            translatable("Messages", "the file is empty, there is no vCard in it"), line=1
        )
    data, transcoded = _ascii_compatible(data)
    props = [p for line in _logical_lines(data) if (p := _parse_prop(line)) is not None]
    cards = _split_cards(props)
    decoder = _Decoder(_file_charset([p for _, card in cards for p in card]), transcoded)
    return [_record(_Card(card, decoder), line) for line, card in cards]


def _ascii_compatible(data: bytes) -> tuple[bytes, bool]:
    """UTF-16/32 files become UTF-8 so that the rest works on bytes; True if so transcoded."""
    boms = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
            (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
    for bom, charset in boms:
        if data.startswith(bom):
            return data.decode(charset, errors="replace").encode(), True
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):], False
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace").encode(), True
    return data, False


def _utf16_without_bom(data: bytes) -> str | None:
    """A vCard is mostly ASCII, which UTF-16 writes with a NUL in every other byte."""
    head = data[:1024]
    half = len(head) // 2
    if half < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    return None


@dataclass
class _Line:
    number: int  # 1-based, of the line's first physical line
    data: bytes


_BASE64_LINE = re.compile(rb"[A-Za-z0-9+/]+=*")


def _logical_lines(data: bytes) -> list[_Line]:
    """Unfold at the byte level: whitespace folds, QP soft breaks, bare 2.1 base64 lines."""
    physical = [line.rstrip(b"\r") for line in data.split(b"\n" if b"\n" in data else b"\r")]
    out: list[_Line] = []
    i = 0
    while i < len(physical):
        number, line = i + 1, physical[i]
        i += 1
        if not line.strip():
            continue
        while i < len(physical):
            following = physical[i]
            if following[:1] in (b" ", b"\t"):
                line += following[1:]
            elif _soft_break(line) and not _is_card_edge(following):
                line = line[:-1] + following
            elif _is_base64(line) and _BASE64_LINE.fullmatch(following):
                line += following
            else:
                break
            i += 1
        out.append(_Line(number, line))
    return out


def _head(line: bytes) -> bytes:
    colon = line.find(b":")
    return (line if colon < 0 else line[:colon]).upper()


def _soft_break(line: bytes) -> bool:
    return line.endswith(b"=") and b"QUOTED-PRINTABLE" in _head(line)


def _is_base64(line: bytes) -> bool:
    return re.search(rb"ENCODING=B\b|BASE64", _head(line)) is not None


def _is_card_edge(line: bytes) -> bool:
    return line.strip().upper() in (b"BEGIN:VCARD", b"END:VCARD")


# ---------------------------------------------------------------------------------------------
# Reading: logical line -> property
# ---------------------------------------------------------------------------------------------

_ENCODINGS = {"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"}


@dataclass
class _Prop:
    group: str
    name: str
    params: dict[str, list[bytes]]
    value: bytes  # still transfer-encoded (QP, base64) and in the file's charset
    line: int

    def param(self, key: str) -> str:
        values = self.params.get(key)
        return values[0].decode("ascii", "replace").strip() if values else ""

    @functools.cached_property
    def types(self) -> set[str]:
        raw = b",".join(self.params.get("TYPE", []))
        return {t.strip().upper() for t in raw.decode("ascii", "replace").split(",") if t.strip()}

    @property
    def encoding(self) -> str:
        encoding = self.param("ENCODING").upper()
        return "B" if encoding == "BASE64" else encoding

    def payload(self) -> bytes:
        if self.encoding == "QUOTED-PRINTABLE":
            return re.sub(rb"=([0-9A-Fa-f]{2})", lambda m: bytes([int(m[1], 16)]), self.value)
        if self.encoding == "B":
            return _b64(self.value) or b""
        return self.value


_NAME = re.compile(rb"\s*(?:([A-Za-z0-9_-]+)\.)?([A-Za-z0-9_-]+)")


def _parse_prop(line: _Line) -> _Prop | None:
    """Split `group.NAME;params:value`; None for a line that is no property at all."""
    match = _NAME.match(line.data)
    if not match:
        return None
    params, pos = _parse_params(line.data, match.end())
    if pos is None:
        return None
    name = match[2].decode("ascii").upper()
    prop = _Prop((match[1] or b"").decode("ascii").upper(), name, {}, line.data[pos:], line.number)
    for key, value, _quoted in params:
        prop.params.setdefault(key, []).append(value)
    if name == "ADR" and params and params[-1][0] == "LABEL" and not params[-1][2]:
        _reclaim_unquoted_label(prop)
    return prop


def _parse_params(data: bytes, pos: int) -> tuple[list[tuple[str, bytes, bool]], int | None]:
    """(key, value, was quoted) in order and where the value starts (None: no colon)."""
    params = []
    while data[pos:pos + 1] == b";":
        end = _find_any(data, pos + 1, b"=;:")
        key = data[pos + 1:end].strip().decode("ascii", "replace").upper()
        if data[end:end + 1] == b"=":
            value, quoted, pos = _param_value(data, end + 1)
            params.append((key, value, quoted))
        else:  # 2.1 writes bare values: TEL;CELL;PREF, NOTE;QUOTED-PRINTABLE
            params.append(("ENCODING" if key in _ENCODINGS else "TYPE", key.encode(), False))
            pos = end
    return params, (pos + 1 if data[pos:pos + 1] == b":" else None)


def _param_value(data: bytes, pos: int) -> tuple[bytes, bool, int]:
    """A value runs to the first `;` or `:` outside double quotes; the quotes are dropped."""
    out, quoted = bytearray(), False
    while pos < len(data) and data[pos] not in b";:":
        close = data.find(b'"', pos + 1) if data[pos] == 0x22 else -1
        if close >= 0:
            out += data[pos + 1:close]
            quoted, pos = True, close + 1
        else:
            end = _find_any(data, pos + 1, b'";:')
            out += data[pos:end].strip(b'"')
            pos = end
    return bytes(out), quoted, pos


def _find_any(data: bytes, start: int, chars: bytes) -> int:
    found = [i for c in chars if (i := data.find(bytes([c]), start)) >= 0]
    return min(found, default=len(data))


def _reclaim_unquoted_label(prop: _Prop) -> None:
    """Some writers leave LABEL unquoted, colons and all; no PO box holds a colon, so the ADR
    value starts after the last colon before its first `;`, and the rest belongs to the label."""
    head, sep, tail = prop.value.partition(b";")
    if sep and b":" in head:
        extra, _, head = head.rpartition(b":")
        prop.params["LABEL"][-1] += b":" + extra
        prop.value = head + sep + tail


def _split_cards(props: list[_Prop]) -> list[tuple[int, list[_Prop]]]:
    cards: list[tuple[int, list[_Prop]]] = []
    current: list[_Prop] | None = None
    begin = 0
    for prop in props:
        edge = prop.value.strip().upper() == b"VCARD" and prop.name in ("BEGIN", "END")
        if edge and prop.name == "BEGIN":
            if current is not None:
                raise ImportFailed(
                    translatable("Messages", "this card has no END:VCARD before the next card"),
                    line=begin,
                )
            current, begin = [], prop.line
        elif edge and current is not None:
            cards.append((begin, current))
            current = None
        elif current is not None:
            current.append(prop)
    if current is not None:
        raise ImportFailed(
            translatable("Messages", "this card has no END:VCARD; the file is cut short"),
            line=begin,
        )
    if not cards:
        raise ImportFailed(
            translatable("Messages", "this is not a vCard file: no BEGIN:VCARD in it"), line=1
        )
    return cards


# ---------------------------------------------------------------------------------------------
# Reading: charsets
# ---------------------------------------------------------------------------------------------

class _Decoder:
    """Bytes to text: the charset a property declares, else the file's; never fails."""

    def __init__(self, default: str, transcoded: bool) -> None:
        self.default = default
        self.transcoded = transcoded

    def text(self, raw: bytes, declared: str = "") -> str:
        charsets = [c for c in (codec(declared) if declared else "", self.default) if c]
        for charset in charsets:
            try:
                return raw.decode(charset)
            except UnicodeDecodeError:
                continue
        return raw.decode(charsets[0], errors="replace")

    def prop_text(self, prop: _Prop) -> str:
        # In a transcoded UTF-16 file only QP and base64 bytes are still in a declared charset.
        keep = not self.transcoded or prop.encoding in ("QUOTED-PRINTABLE", "B")
        text = self.text(prop.payload(), prop.param("CHARSET") if keep else "")
        return text.replace("\r\n", "\n").replace("\r", "\n")


def _file_charset(props: list[_Prop]) -> str:
    """For values that declare nothing: UTF-8 if they are UTF-8, else a charset some property
    declares, else the most plausible reading (see _implausibility)."""
    sample = b"\n".join(
        b" ".join([*p.params.get("LABEL", []), *p.params.get("SORT-AS", []), p.payload()])
        for p in props if not p.param("CHARSET") and p.encoding != "B")
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    declared_charsets = dict.fromkeys(codec(p.param("CHARSET")) for p in props)
    for declared in (c for c in declared_charsets if c):
        try:
            sample.decode(declared)
            return declared
        except UnicodeDecodeError:
            continue
    return guess_charset(sample)


# ---------------------------------------------------------------------------------------------
# Reading: property values
# ---------------------------------------------------------------------------------------------

def _b64(raw: bytes) -> bytes | None:
    """Forgiving base64: whitespace, URL-safe letters, missing padding, one stray character."""
    clean = re.sub(rb"[^A-Za-z0-9+/]", b"", raw.replace(b"-", b"+").replace(b"_", b"/"))
    clean = clean[:len(clean) - 1] if len(clean) % 4 == 1 else clean
    try:
        return base64.b64decode(clean + b"=" * (-len(clean) % 4)) or None
    except binascii.Error:
        return None


def _split_escaped(text: str, sep: str, limit: int = 0) -> list[str]:
    """Split at `sep` not preceded by a backslash; with a limit, the last part keeps the rest."""
    parts: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            current.append(text[i:i + 2])
            i += 2
            continue
        if c == sep and (not limit or len(parts) < limit - 1):
            parts.append("".join(current))
            current = []
        else:
            current.append(c)
        i += 1
    parts.append("".join(current))
    return parts + [""] * (limit - len(parts))


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m[1] in "nN" else m[1], text, flags=re.S)


def _uncaret(text: str) -> str:
    """RFC 6868 parameter escapes: ^n newline, ^' double quote, ^^ caret."""
    return re.sub(r"\^([n'^])", lambda m: {"n": "\n", "'": '"', "^": "^"}[m[1]], text)


class _Card:
    """One card's properties with text access, so field readers stay short."""

    def __init__(self, props: list[_Prop], decoder: _Decoder) -> None:
        self.props = props
        self.decoder = decoder

    def all(self, name: str) -> list[_Prop]:
        return [p for p in self.props if p.name == name]

    def first(self, name: str) -> _Prop | None:
        return next(iter(self.all(name)), None)

    def raw(self, prop: _Prop) -> str:
        return self.decoder.prop_text(prop)

    def value(self, prop: _Prop) -> str:
        return _unescape(self.raw(prop)).strip()

    def parts(self, prop: _Prop, sep: str = ";", limit: int = 0) -> list[str]:
        return [_unescape(p).strip() for p in _split_escaped(self.raw(prop), sep, limit)]

    def first_text(self, *names: str) -> str:
        texts = (self.value(p) for name in names for p in self.all(name))
        return next((t for t in texts if t), "")

    def param_text(self, prop: _Prop, key: str) -> str:
        values = prop.params.get(key)
        return _uncaret(self.decoder.text(values[0])).strip() if values else ""

    def label(self, prop: _Prop) -> str:
        """The Apple X-ABLabel of a grouped property (`item1.TEL` + `item1.X-ABLabel`)."""
        if not prop.group:
            return ""
        labels = [p for p in self.all("X-ABLABEL") if p.group == prop.group]
        text = self.value(labels[0]) if labels else ""
        return re.sub(r"^_\$!<(.*)>!\$_$", r"\1", text).upper()


# ---------------------------------------------------------------------------------------------
# Reading: card -> ContactRecord
# ---------------------------------------------------------------------------------------------

def _record(card: _Card, line: int) -> ContactRecord:
    rec = ContactRecord(source_line=line)
    org = card.first("ORG")
    if org:
        parts = card.parts(org)
        rec.organization, rec.department = parts[0], " / ".join(p for p in parts[1:] if p)
    rec.title = card.first_text("TITLE") or card.first_text("ROLE")
    rec.phones = _phones(card)
    rec.emails = _emails(card)
    rec.addresses = _addresses(card)
    rec.birthday = _birthday(card)
    rec.websites = [url for p in card.all("URL") if (url := card.value(p))]
    rec.notes = "\n".join(_unique(card.value(p) for p in card.all("NOTE")))
    rec.tags = _unique(t for p in card.all("CATEGORIES") for t in card.parts(p, ","))
    _read_photo(card, rec)
    rec.wechat = _wechat(card)
    rec.uid = card.first_text("UID")
    _read_names(card, rec)
    return rec


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def _read_names(card: _Card, rec: ContactRecord) -> None:
    """N, else FN split into parts, unless FN is just the company, an e-mail or a number."""
    n = card.first("N")
    parts = card.parts(n, ";", 5) if n else [""] * 5
    display = card.first_text("FN")
    fallback = _fallback_name(rec)
    personal = display != rec.organization and "@" not in display
    if not any(parts) and personal and any(c.isalpha() for c in display):
        parts = [*split_full_name(display, middle=True), "", ""]
    rec.family_name, rec.given_name, rec.middle_name, rec.prefix, rec.suffix = parts[:5]
    rec.formatted_name = display or compose_name(parts) or fallback
    rec.nickname = ", ".join(_unique(x for p in card.all("NICKNAME") for x in card.parts(p, ",")))
    rec.phonetic_family_name, rec.phonetic_given_name = _phonetic(card, n)


def _phonetic(card: _Card, n: _Prop | None) -> tuple[str, str]:
    """(family, given) readings: X-PHONETIC-*, else 2.1 SOUND;X-IRMC-N, else N's SORT-AS."""
    family = card.first_text("X-PHONETIC-LAST-NAME")
    given = card.first_text("X-PHONETIC-FIRST-NAME")
    if family or given:
        return family, given
    sound = next((p for p in card.all("SOUND") if "X-IRMC-N" in p.types), None)
    if sound:
        parts = [*card.parts(sound), ""]
        return parts[0], parts[1]
    sort_as = card.param_text(n, "SORT-AS") if n else ""
    parts = [p.strip() for p in re.split(r"[;,]", sort_as)] + [""]
    return parts[0], parts[1]


def _fallback_name(rec: ContactRecord) -> str:
    """A card with no name still needs one: its organisation, e-mail or phone number."""
    for candidate in (rec.organization, *(e.address for e in rec.emails),
                      *(p.number for p in rec.phones)):
        if candidate:
            return candidate
    return ""


K = TypeVar("K")
_KindTable = tuple[tuple[K, tuple[str, ...]], ...]
_PHONE_KINDS: _KindTable[PhoneKind] = (
    (PhoneKind.FAX, ("FAX", "传真")), (PhoneKind.PAGER, ("PAGER", "寻呼")),
    (PhoneKind.MOBILE, ("CELL", "MOBILE", "IPHONE", "手机", "移动")),
    (PhoneKind.WORK, ("WORK", "工作", "单位", "公司")), (PhoneKind.HOME, ("HOME", "住宅", "家")))
_EMAIL_KINDS: _KindTable[EmailKind] = (
    (EmailKind.WORK, ("WORK", "工作", "单位", "公司")),
    (EmailKind.HOME, ("HOME", "PERSONAL", "个人", "家")))
_ADDRESS_KINDS: _KindTable[AddressKind] = (
    (AddressKind.WORK, ("WORK", "工作", "单位", "公司")),
    (AddressKind.HOME, ("HOME", "住宅", "家")), (AddressKind.POSTAL, ("POSTAL", "PARCEL", "邮寄")))


def _kind(card: _Card, prop: _Prop, table: _KindTable[K], default: K) -> K:
    """The first kind whose word is a TYPE of the property or part of its X-ABLabel."""
    label = card.label(prop)
    for kind, words in table:
        if any(w in prop.types or w in label for w in words):
            return kind
    return default


def _primaries(props: list[_Prop]) -> list[bool]:
    """PREF marks the primary one: 2.1/3.0 TYPE=PREF, or the lowest 4.0 PREF=n."""
    ranks = [1 if "PREF" in p.types else int(p.param("PREF")) if p.param("PREF").isdigit()
             else None for p in props]
    best = min((r for r in ranks if r is not None), default=None)
    return [r is not None and r == best for r in ranks]


def _phones(card: _Card) -> list[PhoneRecord]:
    props = [p for p in card.all("TEL") if card.value(p)]
    return [PhoneRecord(re.sub(r"(?i)^tel:", "", card.value(p)),
                        _kind(card, p, _PHONE_KINDS, PhoneKind.OTHER), primary)
            for p, primary in zip(props, _primaries(props), strict=True)]


def _emails(card: _Card) -> list[EmailRecord]:
    props = [p for p in card.all("EMAIL") if card.value(p)]
    return [EmailRecord(re.sub(r"(?i)^mailto:", "", card.value(p)),
                        _kind(card, p, _EMAIL_KINDS, EmailKind.OTHER), primary)
            for p, primary in zip(props, _primaries(props), strict=True)]


def _addresses(card: _Card) -> list[AddressRecord]:
    """ADR in RFC order (PO box; extended; street; city; region; postal code; country), with
    the 4.0 LABEL parameter or a 2.1/3.0 LABEL property matched by group, else by kind."""
    out: list[AddressRecord] = []
    by_group: dict[str, AddressRecord] = {}
    props = card.all("ADR")
    for prop, primary in zip(props, _primaries(props), strict=True):
        po_box, extended, street, city, region, postal_code, country = card.parts(prop, ";", 7)
        address = AddressRecord(
            street=street, extended=extended, po_box=po_box, city=city, region=region,
            postal_code=postal_code, country=country, primary=primary,
            kind=_kind(card, prop, _ADDRESS_KINDS, AddressKind.OTHER),
            label=_unescape(card.param_text(prop, "LABEL")).strip())
        out.append(address)
        if prop.group:
            by_group.setdefault(prop.group, address)
    for prop in card.all("LABEL"):
        _attach_label(card, prop, out, by_group.get(prop.group) if prop.group else None)
    return [a for a in out if not a.is_empty()]


def _attach_label(card: _Card, prop: _Prop, addresses: list[AddressRecord],
                  grouped: AddressRecord | None) -> None:
    text = card.value(prop)
    kind = _kind(card, prop, _ADDRESS_KINDS, AddressKind.OTHER)
    target = grouped or next((a for a in addresses if a.kind == kind and not a.label), None)
    if target:
        target.label = target.label or text
    elif text:
        addresses.append(AddressRecord(label=text, kind=kind, primary="PREF" in prop.types))


_DATE = re.compile(r"(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})")


def _birthday(card: _Card) -> dt.date | None:
    """The first full date among the BDAYs (19800102, 1980-01-02, 1980-01-02T00:00:00Z);
    no year (--0102, or Apple's X-APPLE-OMIT-YEAR) gives None."""
    for prop in card.all("BDAY"):
        match = _DATE.match(card.value(prop))
        if not match or match[1] == prop.param("X-APPLE-OMIT-YEAR"):
            continue
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            continue
    return None


_MAGIC = ((b"\xff\xd8\xff", "image/jpeg"), (b"\x89PNG", "image/png"), (b"GIF8", "image/gif"),
          (b"BM", "image/bmp"), (b"II*\0", "image/tiff"), (b"MM\0*", "image/tiff"))


def image_mime(data: bytes, declared: Iterable[str]) -> str:
    """From the bytes themselves where they tell, else from the TYPE the card gives."""
    for magic, mime in _MAGIC:
        if data.startswith(magic):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    for t in declared:
        if "/" in t:
            return t.lower()
        if t in ("JPEG", "JPG", "PNG", "GIF", "BMP", "TIFF", "WEBP", "HEIC"):
            return "image/" + ("jpeg" if t == "JPG" else t.lower())
    return ""


def _read_photo(card: _Card, rec: ContactRecord) -> None:
    """Inline photos (2.1/3.0 base64, 4.0 data: URI) to photo/photo_mime, links to photo_uri."""
    for prop in card.all("PHOTO"):
        data, mime, uri = _photo(card, prop)
        if data and rec.photo is None:
            rec.photo, rec.photo_mime = data, mime
        if uri and not rec.photo_uri:
            rec.photo_uri = uri


def _photo(card: _Card, prop: _Prop) -> tuple[bytes | None, str, str]:
    if prop.encoding == "B":
        data = _b64(prop.value)
        return data, image_mime(data or b"", prop.types), ""
    text = re.sub(r"\s", "", card.value(prop))
    if text.lower().startswith("data:"):
        header, _, body = text[5:].partition(",")
        data = _b64(body.encode()) if header.lower().endswith(";base64") else None
        return data, image_mime(data or b"", [header.split(";")[0].upper()]), ""
    if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", text):
        return None, "", text
    data = _b64(text.encode())  # base64 without its ENCODING parameter
    mime = image_mime(data or b"", [])
    return (data, mime, "") if mime else (None, "", "")


def _wechat(card: _Card) -> str:
    wechat = card.first_text("X-WECHAT")
    if wechat:
        return wechat
    for prop in card.all("IMPP"):
        value = card.value(prop)
        service = prop.param("X-SERVICE-TYPE").lower()
        if service in ("wechat", "weixin") or re.match(r"(?i)(wechat|weixin):", value):
            return re.sub(r"(?i)^(wechat|weixin):(//)?", "", value)
    return ""
