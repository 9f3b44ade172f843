"""vCard reading and writing: every real file in ../shared/interop/vcards, read as a person would
read it (expectations written from the files themselves), malformed input, and round trips."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from pathlib import Path

import pytest

from crmdesk.core.errors import ImportFailed
from crmdesk.interop.records import AddressRecord, ContactRecord, EmailRecord, PhoneRecord
from crmdesk.interop.vcard import read_vcards
from crmdesk.interop.vcard_writer import write_vcards
from crmdesk.models.enums import AddressKind, EmailKind, PhoneKind

REPO = Path(__file__).resolve().parents[2]
VCARDS = REPO.parent / "shared" / "interop" / "vcards"

M, W, H, F, P, OT = (PhoneKind.MOBILE, PhoneKind.WORK, PhoneKind.HOME, PhoneKind.FAX,
                    PhoneKind.PAGER, PhoneKind.OTHER)
JPEG_START = b"\xff\xd8\xff\xe0"


def tel(number: str, kind: PhoneKind = OT, primary: bool = False) -> PhoneRecord:
    return PhoneRecord(number, kind, primary)


def mail(address: str, kind: EmailKind = EmailKind.OTHER, primary: bool = False) -> EmailRecord:
    return EmailRecord(address, kind, primary)


N1 = "Ñ"
ZHI = "十城目管理大型知座"
DISCLAIMER = (
    'THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS'
    " OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF"
    " MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE"
    " COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL,"
    " EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF"
    " SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION)"
    " HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR"
    " TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS"
    " SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE."
)

# Per file, per card: every field of the record a person reading the file would fill in.
# "photo" is (byte count, last two bytes): the data is long, its start is always a JPEG's.
EXPECTED: dict[str, list[dict]] = {
    "android_v21_multi_qp_utf8.vcf": [
        dict(source_line=1, formatted_name="john.doe@company.com", tags=["My Contacts"],
             emails=[mail("john.doe@company.com", primary=True)]),
        dict(source_line=6, formatted_name="jane.doe@company.com", tags=["My Contacts"],
             emails=[mail("jane.doe@company.com", primary=True)]),
        dict(source_line=11, family_name="Ñ Ñ Ñ Ñ", formatted_name="Ñ Ñ Ñ Ñ Ñ",
             phones=[tel("123456789", M, True)], tags=["My Contacts"]),
        dict(source_line=18, family_name=" ".join(N1 * 11), formatted_name=" ".join(N1 * 11),
             phones=[tel("123456", M, True), tel("234567", H), tel("3456789", M),
                     tel("45678901", H)],
             # QP soft breaks join "…Ñ=" and "=C3=91…" with no space between; both NOTEs agree
             notes="Ñ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ Ñ Ñ Ñ", tags=["My Contacts"]),
        dict(source_line=36, family_name="Ñ Ñ", given_name="Ñ Ñ Ñ", formatted_name="Ñ Ñ Ñ Ñ",
             phones=[tel("123456", M, True), tel("123456", W), tel("123456", F)],
             emails=[mail("bob@company.com", EmailKind.WORK, True), mail(N1 * 14, primary=True)],
             organization=N1 * 12, websites=["www.company.com", "http://www.company.com"],
             photo=(876, b"\xff\xf6"), photo_mime="image/jpeg"),
        dict(source_line=71, family_name=N1 * 4, formatted_name=N1 * 4,
             phones=[tel("55556666", M, True)], emails=[mail("henry@company.com", primary=True)],
             organization=N1 * 44, tags=["My Contacts"]),
    ],
    "android_v40_japanese_sort_as.vcf": [
        dict(source_line=1, family_name="安藤", given_name="ロイド", formatted_name="安藤 ロイド",
             phonetic_family_name="あんどう", phonetic_given_name="ろいど",
             organization="グーグル", department="検索部門"),
    ],
    "apple_v30_utf16be_nobom.vcf": [
        dict(source_line=1, family_name="ĽdaMonté", given_name="Ǽgean",
             formatted_name="Ǽgean ĽdaMonté",
             addresses=[AddressRecord(street="169 Mária Canal", city="LaPaz", region="Conceptión",
                                      postal_code="245-876", country="Perú",
                                      kind=AddressKind.WORK, primary=True)]),
    ],
    "evolution_v21_chinese_qp.vcf": [
        dict(uid="pas-id-3E52FE2E00000000",
             source_line=1, given_name=ZHI, formatted_name=ZHI, organization=ZHI, title=ZHI,
             phones=[tel(ZHI, W), tel(ZHI, F), tel(ZHI, H), tel(ZHI, M)],
             emails=[mail("weird@weird.com")],
             addresses=[AddressRecord(extended=f"{ZHI}\n{ZHI}\n{ZHI}", street=ZHI,
                                      kind=AddressKind.WORK, primary=True,
                                      label=f"{ZHI}\n{ZHI}\n{ZHI}\n{ZHI}")]),
    ],
    "evolution_v30_escaped_note.vcf": [
        dict(uid="477343c8e6bf375a9bac1f96a5000837",
             source_line=1, family_name="Doe", given_name="John", middle_name="Richter, James",
             prefix="Mr.", suffix="Sr.", formatted_name="Mr. John Richter, James Doe Sr.",
             nickname="Johny", organization="IBM", department="Accounting / Dungeon",
             title="Money Counter", phones=[tel("905-666-1234", M), tel("905-555-1234", W)],
             emails=[mail("john.doe@ibm.com", EmailKind.WORK)],
             addresses=[AddressRecord(po_box="ASB-123", street="15 Crescent moon drive",
                                      city="Albaney", region="New York", postal_code="12345",
                                      country="United States of America",
                                      kind=AddressKind.HOME)],
             birthday=dt.date(1980, 3, 22), websites=["http://www.ibm.com"], notes=DISCLAIMER,
             tags=["VIP"]),
    ],
    "fullcontact_v40.vcf": [
        dict(source_line=1, family_name="LastName", given_name="FirstName",
             middle_name="MiddleName", prefix="Prefix", suffix="Suffix",
             formatted_name="Prefix FirstName MiddleName LastName Suffix", nickname="NickName",
             organization="Organization1", department="Department1", title="Title1",
             phones=[tel("555-555-1111", H), tel("555-555-1112", W), tel("555-555-1113", M),
                     tel("555-555-1114", M), tel("555-555-1115"), tel("555-555-1116", F),
                     tel("555-555-1117", F), tel("555-555-1118"), tel("555-555-1119")],
             emails=[mail("home@example.com", EmailKind.HOME),
                     mail("work@example.com", EmailKind.WORK), mail("school@example.com"),
                     mail("other@example.com"), mail("custom@example.com")],
             addresses=[
                 AddressRecord(extended=f"{k}Extended", street=f"{k}Street", city=f"{k}City",
                               region=f"{k}State", postal_code=f"{k}Postal",
                               country=f"{k}Country", kind=kind)
                 for k, kind in (("Home", AddressKind.HOME), ("Work", AddressKind.WORK),
                                 ("Other", AddressKind.OTHER), ("Custom", AddressKind.OTHER))],
             birthday=dt.date(2016, 8, 1),
             websites=["http://www.homepage.com", "http://www.blog.com", "http://www.other.com",
                       "http://www.custom.com"],
             notes="Notes line 1\nNotes line 2", tags=["Tag"],
             photo_uri="https://d3m0kzytmr41b1.cloudfront.net/"
                       "c335e945d1b60edd9d75eb4837c432f637e95c8a"),
    ],
    "gmail_v30_full.vcf": [
        dict(source_line=1, family_name="Test", given_name="VCard", formatted_name="VCard Test",
             nickname="TheNickname", phonetic_family_name="ThePhoneticLastName",
             phonetic_given_name="ThePhoneticFirstName", organization="TheCompany",
             title="TheJobTitle",
             phones=[tel("5555551111"), tel("5555551112", H), tel("5555551113", W),
                     tel("5555551114"), tel("5555551115", M), tel("5555551116"),
                     tel("5555551117", F), tel("5555551118", F), tel("5555551119"),
                     tel("5555551120", P), tel("5555551121")],
             emails=[mail("email@example.com"), mail("homeemail@example.com", EmailKind.HOME),
                     mail("workemail@example.com", EmailKind.WORK),
                     mail("otheremail@example.com"), mail("customcategory@example.com")],
             addresses=[
                 AddressRecord(street=f"11{i} Main St", city="NY", region="New York",
                               postal_code="10011", kind=kind)
                 for i, kind in ((1, AddressKind.OTHER), (2, AddressKind.HOME),
                                 (3, AddressKind.WORK), (4, AddressKind.OTHER),
                                 (5, AddressKind.OTHER))],
             birthday=dt.date(1912, 6, 23),
             websites=[f"http://www.example{i}.com" for i in range(1, 7)],
             notes="note line 1\nnote line 2\nCustomField: field value"),
    ],
    "gmail_v30_john_doe.vcf": [
        dict(source_line=1, family_name="Doe", given_name="John", middle_name="Richter, James",
             prefix="Mr.", suffix="Sr.", formatted_name="Mr. John Richter, James Doe Sr.",
             phonetic_family_name="Dow", phonetic_given_name="Jon", organization="IBM",
             title="Money Counter", phones=[tel("905-555-1234", M), tel("905-666-1234", H)],
             emails=[mail("john.doe@ibm.com", EmailKind.HOME)],
             addresses=[AddressRecord(
                 extended="Crescent moon drive\n555-asd\nNice Area, Albaney, New York 12345\n"
                          "United States of America", kind=AddressKind.HOME)],
             birthday=dt.date(1980, 3, 22), websites=["http://www.ibm.com"],
             notes=DISCLAIMER + "\nFavotire Color: Blue"),
    ],
    "gmail_v30_list_3contacts.vcf": [
        dict(source_line=line, family_name=family, given_name=given,
             formatted_name=f"{given} {family}", emails=[mail(address)])
        for line, given, family, address in (
            (1, "Arnold", "Smith", "asmithk@gmail.com"),
            (7, "Chris", "Beatle", "chrisy55d@yahoo.com"),
            (13, "Doug", "White", "dwhite@gmail.com"))
    ],
    "iphone_ios5_v30_photo.vcf": [
        dict(source_line=1, family_name="Doe", given_name="John", middle_name="Richter,James",
             prefix="Mr.", suffix="Sr.", formatted_name="Mr. John Richter James Doe Sr.",
             nickname="Johny", organization="IBM", department="Accounting",
             title="Money Counter",
             phones=[tel("905-555-1234", M, True), tel("905-666-1234", H), tel("905-777-1234", W),
                     tel("905-888-1234", F), tel("905-999-1234", F), tel("905-111-1234", P),
                     tel("905-222-1234")],
             emails=[mail("john.doe@ibm.com", primary=True)],
             addresses=[
                 AddressRecord(street="Silicon Alley 5,", city="New York", region="New York",
                               postal_code="12345", country="United States of America",
                               kind=AddressKind.HOME, primary=True),
                 AddressRecord(street="Street4\nBuilding 6\nFloor 8", city="New York",
                               postal_code="12345", country="USA", kind=AddressKind.WORK)],
             birthday=dt.date(2012, 6, 6), websites=["http://www.ibm.com"],
             photo=(32531, b"\xff\xd9"), photo_mime="image/jpeg"),
    ],
    "jp_mobile_v21_shift_jis.vcf": [
        dict(source_line=1, family_name="安藤", given_name="ロイド1",
             formatted_name="安藤 ロイド 1",
             phonetic_family_name="ｱﾝﾄﾞｳ", phonetic_given_name="ﾛｲﾄﾞ1",
             addresses=[AddressRecord(extended="東京都渋谷区桜丘町26-1セルリアンタワー6階",
                                      postal_code="150-8512", kind=AddressKind.HOME)],
             notes="メモ"),
    ],
    "outlook2007_v21_qp_photo.vcf": [
        dict(source_line=1, family_name="Angstadt", given_name="Michael", prefix="Mr.",
             suffix="Jr.", formatted_name="Mr. Michael Angstadt Jr.", nickname="Mike",
             organization="TheCompany", department="TheDepartment", title="TheJobTitle",
             phones=[tel("(111) 555-1111", W), tel("(111) 555-2222", H),
                     tel("(111) 555-4444", M), tel("(111) 555-3333", F)],
             emails=[mail("mike.angstadt@gmail.com", primary=True)],
             addresses=[AddressRecord(extended="TheOffice", street="222 Broadway",
                                      city="New York", region="NY", postal_code="99999",
                                      country="USA", kind=AddressKind.WORK, primary=True,
                                      label="222 Broadway\nNew York, NY 99999\nUSA")],
             birthday=dt.date(1922, 3, 10),
             websites=["http://mikeangstadt.name", "http://mikeangstadt.name"],
             notes="This is the NOTE field\t\n"
                   "I assume it encodes this text inside a NOTE vCard type.\n"
                   "But I'm not sure because there's text formatting going on here.\n"
                   "It does not preserve the formatting",
             photo=(2324, b"\xff\xd9"), photo_mime="image/jpeg"),
    ],
    "owncloud_v30_greek_cyrillic_split_utf8_fold.vcf": [
        dict(uid="20140316T155019.877e370c11@martin",
             source_line=1, family_name="123ㄓㄕㄖbcde" + "αβγδ" * 6 + "αβㄤㄓㄕㄖ",
             formatted_name="βγδεαβγδ1" * 11,
             notes="Длинный комментарий на русском языке, чтобы в результате получилась строка"
                   " более 70 символов."),
    ],
    "sogo_v30_missing_n_fn.vcf": [
        dict(uid="C68582D2-2E60-0001-C2C0-000000000000.vcf",
             source_line=1, formatted_name="test-misses-N-or-FN@example.com",
             emails=[mail("test-misses-N-or-FN@example.com", EmailKind.WORK)]),
    ],
    "thebat_v21_qp_8bit_no_charset.vcf": [
        dict(source_line=1, family_name="Iksiński", given_name="Piotr",
             formatted_name="Piotr Iksiński",
             emails=[mail("piotr.iksinski@somedomain.com", primary=True)]),
    ],
    "v40_label_param_rfc6868.vcf": [
        # LABEL is unquoted and full of colons; the ADR value is the seven parts at the end.
        dict(uid="8b574c60-fd7f-4e99-b584-c5db131ae687",
             source_line=1, family_name="Dummy", given_name="Dummy", formatted_name="Dummy, Dummy",
             organization="Dummy GmbH",
             phones=[tel("+49 1234 56789", M, True), tel("+49 9876 54321", W)],
             emails=[mail("dummy.dummy@dummy.com", EmailKind.HOME)],
             addresses=[AddressRecord(
                 extended="BHG01:", street="Dummy-Dummy-Strasse 1", city="Bad Homburg",
                 postal_code="61352", country="Germany", kind=AddressKind.WORK,
                 label='Dummy-Dummy-Strasse 1 61352 Bad Homburg\nGERMANY": BHG01:\n'
                       "61352 Bad Homburg\nGERMANY:61352 Bad Homburg\nGERMANY")]),
    ],
}


def test_every_shared_file_has_expectations():
    assert VCARDS.is_dir(), VCARDS
    assert sorted(p.name for p in VCARDS.glob("*.vcf")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_file_reads_as_a_person_would_read_it(name):
    records = read_vcards((VCARDS / name).read_bytes())
    assert len(records) == len(EXPECTED[name])
    for record, fields in zip(records, EXPECTED[name], strict=True):
        fields = dict(fields)
        photo = fields.pop("photo", None)
        if photo:
            assert record.photo is not None
            assert record.photo.startswith(JPEG_START)
            assert (len(record.photo), record.photo[-2:]) == photo
        expected = ContactRecord(**fields)
        expected.photo = record.photo if photo else None
        assert record == expected


# ---------------------------------------------------------------------------------------------
# Malformed input
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("data", "line"),
    [
        (b"", 1),
        (b"  \r\n\r\n", 1),
        (b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut short\r\nTEL:123", 1),
        (b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:B\r\n", 5),
        (b"BEGIN:VCARD\r\nFN:A\r\nBEGIN:VCARD\r\nFN:B\r\nEND:VCARD\r\n", 1),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 8, 1),
        (b"Name,Phone\r\nZhang San,138\r\n", 1),
        (b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", 1),
    ],
    ids=["empty", "blank", "truncated", "last-begin-no-end", "begin-in-begin", "binary", "csv",
         "icalendar"],
)
def test_malformed_input_fails_with_a_line(data, line):
    with pytest.raises(ImportFailed) as caught:
        read_vcards(data)
    assert caught.value.line == line


def test_damaged_real_files_fail_only_with_import_failed():
    rng = random.Random(20240601)
    for path in sorted(VCARDS.glob("*.vcf")):
        data = path.read_bytes()
        for _ in range(25):
            damaged = bytearray(data[: rng.randrange(len(data) + 1)])
            for _ in range(rng.randrange(4)):
                if damaged:
                    damaged[rng.randrange(len(damaged))] = rng.randrange(256)
            try:
                read_vcards(bytes(damaged))
            except ImportFailed as failure:
                assert failure.line


# ---------------------------------------------------------------------------------------------
# Reader details
# ---------------------------------------------------------------------------------------------

def card(*lines: str, version: str = "3.0", encoding: str = "utf-8") -> bytes:
    body = ["BEGIN:VCARD", f"VERSION:{version}", *lines, "END:VCARD", ""]
    return "\r\n".join(body).encode(encoding)


def one(data: bytes) -> ContactRecord:
    (record,) = read_vcards(data)
    return record


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("19800102", dt.date(1980, 1, 2)),
        ("1980-01-02", dt.date(1980, 1, 2)),
        ("1980-01-02T00:00:00Z", dt.date(1980, 1, 2)),
        ("19800102T120000", dt.date(1980, 1, 2)),
        ("--0102", None),
        ("--01-02", None),
        ("1980-02-30", None),
        ("soon", None),
    ],
)
def test_birthday_forms(value, expected):
    assert one(card("FN:A", f"BDAY:{value}")).birthday == expected


def test_apple_birthday_without_year_is_none():
    assert one(card("FN:A", "BDAY;X-APPLE-OMIT-YEAR=1604:1604-01-02")).birthday is None


@pytest.mark.parametrize(
    ("display", "family", "given", "middle"),
    [
        ("张三", "张", "三", ""),
        ("王小明", "王", "小明", ""),
        ("欧阳娜娜", "欧阳", "娜娜", ""),
        ("安藤 ロイド", "安藤", "ロイド", ""),
        ("John Doe", "Doe", "John", ""),
        ("John Ronald Tolkien", "Tolkien", "John", "Ronald"),
        ("Doe, John", "Doe", "John", ""),
        ("Madonna", "", "Madonna", ""),
    ],
)
def test_display_name_is_split_when_n_is_missing_or_empty(display, family, given, middle):
    for lines in ((f"FN:{display}",), ("N:;;;;", f"FN:{display}")):
        record = one(card(*lines))
        assert (record.family_name, record.given_name, record.middle_name) == (
            family, given, middle)
        assert record.formatted_name == display


@pytest.mark.parametrize(
    ("lines", "name"),
    [
        (("ORG:Acme;Sales", "EMAIL:a@b.c", "TEL:123"), "Acme"),
        (("EMAIL:a@b.c", "TEL:123"), "a@b.c"),
        (("TEL:123",), "123"),
        (("N:Doe;John;;Dr.;", ), "Dr. John Doe"),
        (("N:张;三;;;", ), "张三"),
    ],
)
def test_a_card_without_fn_still_gets_a_name(lines, name):
    assert one(card(*lines, version="2.1")).formatted_name == name


@pytest.mark.parametrize(
    "lines",
    [("FN:Acme Ltd", "ORG:Acme Ltd"), ("FN:+86 138 0013 8000", "EMAIL:a@b.c"),
     ("FN:a@b.c",)],
)
def test_a_display_name_that_is_no_person_is_not_split(lines):
    record = one(card(*lines))
    assert (record.family_name, record.given_name, record.formatted_name) == (
        "", "", lines[0][3:])


def test_org_units_role_and_escapes():
    record = one(card("FN:A", r"ORG:Acme\, Inc.;Sales;East", "ROLE:Buyer",
                      r"NOTE:one\ntwo\Nthree\, four\; five\\six", r"CATEGORIES:a,b\,c,a"))
    assert (record.organization, record.department) == ("Acme, Inc.", "Sales / East")
    assert record.title == "Buyer"
    assert record.notes == "one\ntwo\nthree, four; five\\six"
    assert record.tags == ["a", "b,c"]


@pytest.mark.parametrize(
    ("line", "kind", "primary"),
    [
        ("TEL;CELL;VOICE:1", M, False),
        ("TEL;WORK;FAX;PREF:1", F, True),
        ("TEL;TYPE=work,voice:1", W, False),
        ("TEL;TYPE=WORK;TYPE=pref:1", W, True),
        ('TEL;TYPE="work,voice";PREF=1:1', W, True),
        ("tel;type=home:1", H, False),
        ("TEL;TYPE=pager:1", P, False),
        ("TEL;VALUE=uri;TYPE=cell:tel:1", M, False),
        ("TEL:1", OT, False),
    ],
)
def test_phone_types_in_every_syntax(line, kind, primary):
    (phone,) = one(card("FN:A", line, version="4.0")).phones
    assert phone == PhoneRecord("1", kind, primary)


def test_apple_labels_give_kinds_to_grouped_properties():
    record = one(card("FN:A", "item1.TEL:1", "item1.X-ABLabel:_$!<Mobile>!$_",
                      "item2.TEL:2", "item2.X-ABLabel:_$!<HomeFAX>!$_",
                      "item3.EMAIL:a@b.c", "item3.X-ABLabel:工作", "item4.TEL:4",
                      "item4.X-ABLabel:Custom"))
    assert [p.kind for p in record.phones] == [M, F, OT]
    assert record.emails == [mail("a@b.c", EmailKind.WORK)]


def test_lowest_pref_is_primary_in_4_0():
    record = one(card("FN:A", "EMAIL;PREF=2:a@x", "EMAIL;PREF=1:b@x", "EMAIL:c@x",
                      version="4.0"))
    assert [e.primary for e in record.emails] == [False, True, False]


def test_address_labels_3_0_by_group_by_kind_and_alone():
    record = one(card("FN:A", "item1.ADR;TYPE=HOME:;;1 Home St;Town;;;",
                      "item1.LABEL;TYPE=WORK:grouped\\nlabel",
                      "ADR;TYPE=WORK:;;2 Work St;Town;;;",
                      "LABEL;TYPE=WORK:work label",
                      "LABEL;TYPE=POSTAL:PO Box 7\\nTown"))
    assert [(a.street, a.kind, a.label) for a in record.addresses] == [
        ("1 Home St", AddressKind.HOME, "grouped\nlabel"),
        ("2 Work St", AddressKind.WORK, "work label"),
        ("", AddressKind.POSTAL, "PO Box 7\nTown"),
    ]


def test_4_0_label_parameter_caret_escapes():
    record = one(card('ADR;TYPE=home;LABEL="A ^^ B^nC ^\'q^\' D, E; F:G":;;St;City;;1;X',
                      "FN:A", version="4.0"))
    (address,) = record.addresses
    assert address.label == 'A ^ B\nC "q" D, E; F:G'
    assert (address.street, address.city, address.postal_code, address.country) == (
        "St", "City", "1", "X")


def test_quoted_printable_across_lines_splitting_a_utf8_character():
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\n"
            b"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=BC=A0;=E4=B8=\r\n=89\r\n"
            b"NOTE;QUOTED-PRINTABLE;CHARSET=UTF-8:a=0D=0A=\r\nb\r\nEND:VCARD\r\n")
    record = one(data)
    assert (record.family_name, record.given_name, record.formatted_name) == ("张", "三", "张三")
    assert record.notes == "a\nb"


def test_fold_splitting_a_utf8_character_is_joined_as_bytes():
    encoded = "FN:欧阳娜娜".encode()
    data = b"BEGIN:VCARD\r\nVERSION:3.0\r\n" + encoded[:5] + b"\r\n " + encoded[5:] + (
        b"\r\nEND:VCARD\r\n")
    assert one(data).formatted_name == "欧阳娜娜"


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.encode("utf-16"),
        lambda s: s.encode("utf-16-le"),
        lambda s: s.encode("utf-16-be"),
        lambda s: b"\xef\xbb\xbf" + s.encode("utf-8"),
        lambda s: s.encode("gb18030"),
        lambda s: s.encode("gbk"),
    ],
    ids=["utf16-bom", "utf16le", "utf16be", "utf8-bom", "gb18030", "gbk"],
)
def test_whole_file_encodings(encode):
    text = ("BEGIN:VCARD\r\nVERSION:3.0\r\nN:张;三丰;;;\r\nFN:张三丰\r\n"
            "ADR:;;海淀区中关村大街1号;北京;;;\r\nEND:VCARD\r\n")
    record = one(encode(text))
    assert (record.family_name, record.given_name) == ("张", "三丰")
    assert record.addresses[0].street == "海淀区中关村大街1号"


def test_shift_jis_file_without_charset():
    record = one(card("N:山田;太郎;;;", "FN:山田 太郎", "NOTE:東京都渋谷区", encoding="cp932"))
    assert (record.family_name, record.given_name, record.notes) == ("山田", "太郎", "東京都渋谷区")


def test_declared_charset_per_property():
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=GBK:" + "张;三".encode("gbk")
            + b"\r\nNOTE;CHARSET=UTF-8:" + "备注".encode() + b"\r\nEND:VCARD\r\n")
    record = one(data)
    assert (record.family_name, record.given_name, record.notes) == ("张", "三", "备注")


def test_windows_1252_file_without_charset():
    record = one(card("N:Muñoz;José;;;", "FN:José Muñoz", encoding="cp1252", version="2.1"))
    assert (record.family_name, record.given_name) == ("Muñoz", "José")


def test_photo_forms_and_wechat():
    jpeg = JPEG_START + b"rest"
    b64 = __import__("base64").b64encode(jpeg).decode()
    for line in (f"PHOTO;ENCODING=BASE64;TYPE=JPEG:{b64}", f"PHOTO;ENCODING=b;TYPE=JPEG:{b64}",
                 f"PHOTO:data:image/jpeg;base64,{b64}"):
        record = one(card("FN:A", line))
        assert (record.photo, record.photo_mime, record.photo_uri) == (jpeg, "image/jpeg", "")
    record = one(card("FN:A", "PHOTO;VALUE=uri:http://x.example/p.jpg", "X-WECHAT:wx_id"))
    assert (record.photo, record.photo_uri, record.wechat) == (
        None, "http://x.example/p.jpg", "wx_id")
    assert one(card("FN:A", "IMPP;X-SERVICE-TYPE=WeChat:weixin:wx2")).wechat == "wx2"


def test_unknown_properties_are_ignored_and_cr_cr_lf_endings_read():
    data = card("FN:A", "X-CUSTOM;X-PARAM=1:whatever", "X-ABDATE:2000-01-01", "TEL:1")
    record = one(data.replace(b"\r\n", b"\r\r\n"))
    assert (record.formatted_name, record.phones) == ("A", [tel("1")])


# ---------------------------------------------------------------------------------------------
# Writing and round trips
# ---------------------------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 3


def sample_records() -> list[ContactRecord]:
    return [
        ContactRecord(
            family_name="欧阳", given_name="娜娜", formatted_name="欧阳娜娜",
            nickname="娜娜, 小欧",
            phonetic_family_name="ōuyáng", phonetic_given_name="nàna",
            organization="北京星辰科技有限公司; 总部", department="销售部 / 华北区",
            title="销售总监",
            phones=[tel("+86 138 0013 8000", M, True), tel("010-8888 6666", W),
                    tel("010-8888 6667", F), tel("021-1234", H), tel("9", P), tel("8")],
            emails=[mail("ouyang@xingchen.cn", EmailKind.WORK, True),
                    mail("nana@example.com", EmailKind.HOME), mail("x@y.z")],
            addresses=[
                AddressRecord(street="中关村大街1号\n3层 301室", extended="A座", po_box="100-1",
                              city="北京", region="北京市", postal_code="100080", country="中国",
                              kind=AddressKind.WORK, primary=True,
                              label='北京市海淀区中关村大街1号\n"星辰" ^大厦^ \\ C:\\n'),
                AddressRecord(street="Rue de l'Église 5; Bât. B", city="Paris", country="France",
                              kind=AddressKind.HOME),
                AddressRecord(label="邮政信箱 8 号\n北京", kind=AddressKind.POSTAL),
                AddressRecord(city="上海", kind=AddressKind.OTHER),
            ],
            birthday=dt.date(1988, 2, 29),
            websites=["https://xingchen.cn/about?a=1,2", "http://blog.example.com"],
            notes="第一行\n第二行：逗号, 分号; 反斜杠 \\ 结束\n\n" + "很长的备注" * 40,
            tags=["VIP", "客户, 重要", "北京"], photo=PNG, photo_mime="image/png",
            photo_uri="https://img.example.com/p.jpg", wechat="ouyang_nana_88", source_line=1),
        ContactRecord(family_name="Doe", given_name="John", middle_name="Q.", prefix="Dr.",
                      suffix="Jr.", formatted_name="Dr. John Q. Doe Jr.",
                      photo=JPEG_START + b"\x00" * 50, photo_mime="image/jpeg"),
        ContactRecord(family_name="张", given_name="三", formatted_name="张三"),
    ]


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_round_trip(version):
    records = sample_records()
    back = read_vcards(write_vcards(records, version))
    assert [dataclasses.replace(r, source_line=0) for r in back] == [
        dataclasses.replace(r, source_line=0) for r in records]
    assert read_vcards(write_vcards(back, version)) == back


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_round_trip_of_every_real_file(version):
    for path in sorted(VCARDS.glob("*.vcf")):
        records = read_vcards(path.read_bytes())
        again = read_vcards(write_vcards(records, version))
        assert [dataclasses.replace(r, source_line=0) for r in again] == [
            dataclasses.replace(r, source_line=0) for r in records], path.name


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_output_is_crlf_utf8_and_folded_at_75_octets(version):
    data = write_vcards(sample_records(), version)
    assert data.endswith(b"END:VCARD\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # each physical line on its own: no character cut by a fold
    assert any(line.startswith(b" ") for line in lines)


def test_folding_never_splits_a_character_at_any_offset():
    for pad in range(4):
        record = ContactRecord(formatted_name="x" * pad + "汉字😀é" * 60)
        for line in write_vcards([record]).split(b"\r\n"):
            assert len(line) <= 75
            line.decode("utf-8")


def test_3_0_parameters():
    text = write_vcards(sample_records()[:2], "3.0").decode().replace("\r\n ", "")
    assert "TEL;TYPE=CELL,PREF:+86 138 0013 8000" in text
    assert "TEL;TYPE=WORK,VOICE:010-8888 6666" in text
    assert "EMAIL;TYPE=INTERNET,WORK,PREF:ouyang@xingchen.cn" in text
    assert ("item1.ADR;TYPE=WORK,PREF:100-1;A座;中关村大街1号\\n3层 301室;北京;北京市;100080;中国"
            in text)
    assert "item1.LABEL;TYPE=WORK:" in text
    assert "ORG:北京星辰科技有限公司\\; 总部;销售部 / 华北区" in text
    assert "PHOTO;ENCODING=b;TYPE=PNG:iVBORw0KGgo" in text
    assert "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4" in text
    assert "BDAY:1988-02-29" in text
    assert "X-PHONETIC-LAST-NAME:ōuyáng" in text
    assert "X-WECHAT:ouyang_nana_88" in text
    assert "CATEGORIES:VIP,客户\\, 重要,北京" in text


def test_4_0_parameters():
    text = write_vcards(sample_records()[:2], "4.0").decode().replace("\r\n ", "")
    assert 'N;SORT-AS="ōuyáng,nàna":欧阳;娜娜;;;' in text
    assert "TEL;TYPE=cell;PREF=1:+86 138 0013 8000" in text
    assert 'TEL;TYPE="work,voice":010-8888 6666' in text
    assert "EMAIL;TYPE=work;PREF=1:ouyang@xingchen.cn" in text
    assert "ADR;TYPE=work;PREF=1;LABEL=\"北京市海淀区中关村大街1号^n^'星辰^' ^^大厦^^" in text
    assert "PHOTO:data:image/png;base64,iVBORw0KGgo" in text
    assert "PHOTO:data:image/jpeg;base64,/9j/4" in text
    assert "PHOTO:https://img.example.com/p.jpg" in text
    assert "BDAY:19880229" in text


def test_unknown_version_is_refused():
    with pytest.raises(ValueError, match=r"2\.1"):
        write_vcards([], "2.1")
