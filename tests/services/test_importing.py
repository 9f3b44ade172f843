"""Imports against a real database: every shared file lands where a reader of it expects, the
preview says exactly what the import does, and a refused, failed or cancelled import leaves the
database as it was."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from crmdesk.core.errors import ImportFailed, StaleRecordError
from crmdesk.interop.records import (
    AddressRecord,
    ContactRecord,
    EmailRecord,
    OrderLineRecord,
    OrderRecord,
    PhoneRecord,
)
from crmdesk.models import (
    Account,
    Address,
    ChangeLogEntry,
    Contact,
    Email,
    Order,
    OrderLine,
    Phone,
    Product,
    Tag,
)
from crmdesk.models.changelog import insert_snapshot
from crmdesk.models.customers import contact_tags
from crmdesk.models.enums import ChangeAction, PhoneKind
from crmdesk.services import duplicates, importing
from crmdesk.services.accounts import AccountDraft, save_account
from crmdesk.services.contacts import (
    ContactDraft,
    ContactFilter,
    contact_ids,
    get_contact,
    save_contact,
)
from crmdesk.services.history import revert_batch
from crmdesk.services.importing import (
    ContactBatch,
    ImportCancelled,
    OrderBatch,
    Rejection,
    import_contacts,
    import_orders,
    preview_contacts,
    preview_orders,
    read_contact_data,
    read_contact_file,
)
from crmdesk.store import statements as bulk_insert
from crmdesk.store.bulk import BulkWriter, GilHandoffs
from tests.conftest import SHARED

VCARDS = SHARED / "interop" / "vcards"
CSVS = SHARED / "interop" / "csv"


# --- helpers ----------------------------------------------------------------------------------


def person(line: int, given: str, family: str = "", **kw) -> ContactRecord:
    phones = [PhoneRecord(p, PhoneKind.MOBILE) for p in kw.pop("phones", [])]
    emails = [EmailRecord(e) for e in kw.pop("emails", [])]
    return ContactRecord(
        family_name=family, given_name=given, phones=phones, emails=emails, source_line=line, **kw
    )


def run_import(db, batch, **kw):
    with db.transaction() as session:
        preview = preview_contacts(session, batch)
        result = import_contacts(session, batch, **kw)
    return preview, result


def import_file(db, path: Path, **kw):
    return run_import(db, read_contact_file(path), **kw)


TABLES = (Contact, Phone, Email, Address, Account, Tag, ChangeLogEntry, Order, OrderLine, Product)


def row_counts(db) -> dict[str, int]:
    """Rows of every table an import writes, the change log and the search index included."""
    with db.reading() as session:
        counts = {
            m.__tablename__: session.scalar(select(func.count()).select_from(m)) for m in TABLES
        }
        counts["search_refs"] = session.execute(text("SELECT count(*) FROM search_refs")).scalar()
    return counts


def details(db, flt: ContactFilter | None = None) -> dict[str, object]:
    """display name -> ContactDetail of every live contact."""
    with db.reading() as session:
        found = [get_contact(session, i) for i in contact_ids(session, flt or ContactFilter())]
    return {d.display_name or d.draft.organization: d for d in found}


def search(db, query: str) -> list[str]:
    return sorted(details(db, ContactFilter(search=query)))


# --- every shared vCard file lands where a reader expects --------------------------------------

A = dict  # an expected address: only the parts given are compared

EXPECTED: dict[str, dict[str, dict]] = {
    "android_v21_multi_qp_utf8.vcf": {
        "john.doe@company.com": {"emails": ["john.doe@company.com"], "tags": ["My Contacts"]},
        "jane.doe@company.com": {"emails": ["jane.doe@company.com"], "tags": ["My Contacts"]},
        # its FN; N reads Ñ Ñ Ñ Ñ
        "Ñ Ñ Ñ Ñ Ñ": {"phones": ["123456789"], "tags": ["My Contacts"]},
        # line 36 has a different spelling of the same Ñ name and the same number: merged in
        "Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ": {  # a merge keeps the name the contact shows
            "phones": ["123456", "234567", "3456789", "45678901"],
            # not an e-mail address: left out as an e-mail, kept in the notes
            "emails": ["bob@company.com"],
            "organization": "ÑÑÑÑÑÑÑÑÑÑÑÑ",
            "account": "ÑÑÑÑÑÑÑÑÑÑÑÑ",
            "notes_has": "Ñ Ñ Ñ",
        },
        "ÑÑÑÑ": {
            "phones": ["55556666"],
            "emails": ["henry@company.com"],
            "organization": "Ñ" * 44,
            "account": "Ñ" * 44,
        },
    },
    "android_v40_japanese_sort_as.vcf": {
        # the card's FN, as written (its N composed reads 安藤ロイド)
        "安藤 ロイド": {
            "family_name": "安藤",
            "given_name": "ロイド",
            "phonetic_family_name": "あんどう",
            "phonetic_given_name": "ろいど",
            "organization": "グーグル",
            "department": "検索部門",
            "account": "グーグル",
        },
    },
    "apple_v30_utf16be_nobom.vcf": {
        "Ǽgean ĽdaMonté": {
            "family_name": "ĽdaMonté",
            "addresses": [
                A(street="169 Mária Canal", city="LaPaz", region="Conceptión",
                  postal_code="245-876", country="Perú"),
            ],
        },
    },
    "evolution_v21_chinese_qp.vcf": {
        "十城目管理大型知座": {
            "organization": "十城目管理大型知座",
            "title": "十城目管理大型知座",
            "account": "十城目管理大型知座",
            # the file's TEL values are text, not numbers: kept in the notes, not as phones
            "phones": [],
            "notes_has": "Phone: 十城目管理大型知座",
            "emails": ["weird@weird.com"],
            "addresses": [A(street="十城目管理大型知座")],
        },
    },
    "evolution_v30_escaped_note.vcf": {
        "John Richter, James Doe": {
            "family_name": "Doe",
            "given_name": "John",
            "middle_name": "Richter, James",
            "prefix": "Mr.",
            "suffix": "Sr.",
            "nickname": "Johny",
            "organization": "IBM",
            "department": "Accounting / Dungeon",
            "title": "Money Counter",
            "account": "IBM",
            "phones": ["905-666-1234", "905-555-1234"],
            "emails": ["john.doe@ibm.com"],
            "addresses": [
                A(street="15 Crescent moon drive", po_box="ASB-123", city="Albaney",
                  region="New York", postal_code="12345", country="United States of America"),
            ],
            "birthday": dt.date(1980, 3, 22),
            "websites": ["http://www.ibm.com"],
            "notes_has": 'CONTRIBUTORS "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING',
            "tags": ["VIP"],
        },
    },
    "fullcontact_v40.vcf": {
        "FirstName MiddleName LastName": {
            "prefix": "Prefix",
            "suffix": "Suffix",
            "nickname": "NickName",
            "organization": "Organization1",
            "department": "Department1",
            "title": "Title1",
            "account": "Organization1",
            "phones": [f"555-555-111{i}" for i in range(1, 10)],
            "emails": [f"{k}@example.com" for k in ("home", "work", "school", "other", "custom")],
            "addresses": [
                A(street=f"{k}Street", extended=f"{k}Extended", city=f"{k}City",
                  region=f"{k}State", postal_code=f"{k}Postal", country=f"{k}Country")
                for k in ("Home", "Work", "Other", "Custom")
            ],
            "birthday": dt.date(2016, 8, 1),
            "notes": "Notes line 1\nNotes line 2",
            "websites": ["http://www.homepage.com"],
            "tags": ["Tag"],
        },
    },
    "gmail_v30_full.vcf": {
        "VCard Test": {
            "nickname": "TheNickname",
            "phonetic_family_name": "ThePhoneticLastName",
            "phonetic_given_name": "ThePhoneticFirstName",
            "organization": "TheCompany",
            "title": "TheJobTitle",
            "account": "TheCompany",
            "phones": [f"55555511{i:02d}" for i in range(11, 22)],
            "emails": ["email@example.com", "homeemail@example.com", "workemail@example.com",
                       "otheremail@example.com", "customcategory@example.com"],
            "addresses": [
                A(street=f"11{i} Main St", city="NY", region="New York", postal_code="10011")
                for i in range(1, 6)
            ],
            "birthday": dt.date(1912, 6, 23),
            "notes_has": "CustomField: field value",
            "websites": ["http://www.example1.com"],
        },
    },
    "gmail_v30_john_doe.vcf": {
        "John Richter, James Doe": {
            "prefix": "Mr.",
            "phonetic_family_name": "Dow",
            "phonetic_given_name": "Jon",
            "organization": "IBM",
            "account": "IBM",
            "title": "Money Counter",
            "phones": ["905-555-1234", "905-666-1234"],
            "emails": ["john.doe@ibm.com"],
            "addresses": [A(extended="Crescent moon drive\n555-asd\nNice Area, Albaney, New York "
                              "12345\nUnited States of America")],
            "birthday": dt.date(1980, 3, 22),
            "notes_has": "Favotire Color: Blue",
        },
    },
    "gmail_v30_list_3contacts.vcf": {
        "Arnold Smith": {"emails": ["asmithk@gmail.com"]},
        "Chris Beatle": {"emails": ["chrisy55d@yahoo.com"]},
        "Doug White": {"emails": ["dwhite@gmail.com"]},
    },
    "iphone_ios5_v30_photo.vcf": {
        "Mr. John Richter James Doe Sr.": {  # its FN
            "nickname": "Johny",
            "organization": "IBM",
            "department": "Accounting",
            "account": "IBM",
            "phones": [f"905-{d}-1234" for d in ("555", "666", "777", "888", "999", "111", "222")],
            "emails": ["john.doe@ibm.com"],
            "addresses": [
                A(street="Silicon Alley 5,", city="New York", postal_code="12345",
                  country="United States of America"),
                A(street="Street4\nBuilding 6\nFloor 8", city="New York", country="USA"),
            ],
            "birthday": dt.date(2012, 6, 6),
            "photo": True,
        },
    },
    "jp_mobile_v21_shift_jis.vcf": {
        "安藤 ロイド 1": {  # its FN
            "phonetic_family_name": "ｱﾝﾄﾞｳ",
            "addresses": [A(extended="東京都渋谷区桜丘町26-1セルリアンタワー6階",
                            postal_code="150-8512")],
            "notes": "メモ",
        },
    },
    "outlook2007_v21_qp_photo.vcf": {
        "Michael Angstadt": {
            "prefix": "Mr.",
            "suffix": "Jr.",
            "nickname": "Mike",
            "organization": "TheCompany",
            "department": "TheDepartment",
            "title": "TheJobTitle",
            "account": "TheCompany",
            "phones": ["(111) 555-1111", "(111) 555-2222", "(111) 555-4444", "(111) 555-3333"],
            "emails": ["mike.angstadt@gmail.com"],
            "addresses": [A(street="222 Broadway", extended="TheOffice", city="New York",
                            region="NY", postal_code="99999", country="USA")],
            "birthday": dt.date(1922, 3, 10),
            "notes_has": "I assume it encodes this text inside a NOTE vCard type.",
            "photo": True,
        },
    },
    "owncloud_v30_greek_cyrillic_split_utf8_fold.vcf": {
        "βγδεαβγδ1" * 11: {  # its FN; N reads 123ㄓㄕㄖbcde…
            "notes": "Длинный комментарий на русском языке, чтобы в результате получилась "
            "строка более 70 символов.",
        },
    },
    "sogo_v30_missing_n_fn.vcf": {
        "test-misses-N-or-FN@example.com": {"emails": ["test-misses-N-or-FN@example.com"]},
    },
    "thebat_v21_qp_8bit_no_charset.vcf": {
        "Piotr Iksiński": {"family_name": "Iksiński", "emails": ["piotr.iksinski@somedomain.com"]},
    },
    "v40_label_param_rfc6868.vcf": {
        "Dummy, Dummy": {  # its FN
            "organization": "Dummy GmbH",
            "account": "Dummy GmbH",
            "phones": ["+49 1234 56789", "+49 9876 54321"],
            "emails": ["dummy.dummy@dummy.com"],
            "addresses": [A(street="Dummy-Dummy-Strasse 1", city="Bad Homburg",
                            postal_code="61352", country="Germany")],
        },
    },
    "google_legacy_export_roundcube.csv": {
        "Firstname Middle Lastname": {
            "family_name": "Lastname",
            "given_name": "Firstname",
            "middle_name": "Middle",
            "prefix": "Prefix",
            "suffix": "Suffix",
            "nickname": "nick",
            "organization": "company",
            "title": "jobtitle",
            "account": "company",
            # the file's numbers are words: kept in the notes, not as phones
            "phones": [],
            "emails": ["home@aaa.pl", "work@email.pl", "unknown@email.com", "other@email.com"],
            "addresses": [
                A(street="home_street", po_box="home_pobox", city="home_city",
                  region="home_state", postal_code="home_zip", country="home_country"),
                A(street="work_street", city="work_city", postal_code="work_zip",
                  country="work_country"),
            ],
            "birthday": dt.date(1975, 12, 12),
            "notes_has": 'note"note',
            "websites": ["test.com"],
            "tags": ["Test"],
        },
    },
}  # fmt: skip

SHARED_FILES = {p.name: p for folder in (VCARDS, CSVS) for p in folder.iterdir()}


def check_contact(detail, expected: dict) -> None:
    draft = detail.draft
    for key, want in expected.items():
        if key == "phones":
            assert [p.number for p in draft.phones] == want
        elif key == "emails":
            assert [e.address for e in draft.emails] == want
        elif key == "addresses":
            assert len(draft.addresses) == len(want)
            for got, parts in zip(draft.addresses, want, strict=True):
                assert {k: getattr(got, k) for k in parts} == parts
        elif key == "account":
            assert detail.account_name == want
        elif key == "tags":
            assert sorted(detail.tags) == sorted(want)
        elif key == "notes_has":
            assert want in draft.notes
        elif key == "photo":
            assert bool(draft.photo) is want
        else:
            assert getattr(draft, key) == want, key


def test_the_expectations_cover_every_shared_contact_file():
    assert sorted(SHARED_FILES) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_shared_contact_file_lands_where_a_reader_expects(db, name):
    preview, result = import_file(db, SHARED_FILES[name])
    expected = EXPECTED[name]
    assert preview.rejected == 0 and preview.new == result.new == len(expected)
    found = details(db)
    assert sorted(found) == sorted(expected)
    for shown, fields in expected.items():
        check_contact(found[shown], fields)
    organisations = {f["account"] for f in expected.values() if "account" in f}
    with db.reading() as session:
        accounts = session.scalars(select(Account.name)).all()
    assert sorted(accounts) == sorted(organisations)
    assert preview.accounts_to_create == result.accounts_created == len(organisations)


@pytest.mark.parametrize(
    ("name", "query", "found"),
    [
        ("evolution_v30_escaped_note.vcf", "johny", ["John Richter, James Doe"]),
        ("evolution_v30_escaped_note.vcf", "905-555", ["John Richter, James Doe"]),
        ("gmail_v30_list_3contacts.vcf", "dwhite@gmail", ["Doug White"]),
        ("android_v40_japanese_sort_as.vcf", "グーグル", ["安藤 ロイド"]),
        ("evolution_v21_chinese_qp.vcf", "十城", ["十城目管理大型知座"]),
        ("thebat_v21_qp_8bit_no_charset.vcf", "iksinski", ["Piotr Iksiński"]),
        ("v40_label_param_rfc6868.vcf", "bad homburg", ["Dummy, Dummy"]),
        ("fullcontact_v40.vcf", "Tag", ["FirstName MiddleName LastName"]),
        ("google_legacy_export_roundcube.csv", "work_city", ["Firstname Middle Lastname"]),
    ],
)
def test_imported_contacts_are_found_by_search(db, name, query, found):
    import_file(db, SHARED_FILES[name])
    assert search(db, query) == found


def test_accounts_made_by_an_import_are_searchable_and_linked(db):
    import_file(db, VCARDS / "outlook2007_v21_qp_photo.vcf")
    from crmdesk.services.accounts import AccountFilter, account_ids, get_account

    with db.reading() as session:
        (account_id,) = account_ids(session, AccountFilter(search="TheCompany"))
        assert get_account(session, account_id).contacts == 1


# --- preview counts: new / updated / duplicate / rejected -------------------------------------


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_file_imported_twice_creates_nothing_the_second_time(db, name):
    import_file(db, SHARED_FILES[name])
    before = row_counts(db)
    with db.reading() as session:
        again = preview_contacts(session, read_contact_file(SHARED_FILES[name]))
    weak = {d.line for d in again.possible_duplicates}
    # a card with nothing but a name matches by name alone: that is never merged (see the module)
    assert again.updated == 0 and again.rejected == 0
    assert again.new == len(weak)
    if not weak:
        _, result = import_file(db, SHARED_FILES[name])
        assert result.duplicate == again.total and result.new == 0
        assert row_counts(db) == before


def test_second_import_of_the_three_card_list_is_all_duplicates(db):
    import_file(db, VCARDS / "gmail_v30_list_3contacts.vcf")
    preview, result = import_file(db, VCARDS / "gmail_v30_list_3contacts.vcf")
    assert (preview.new, preview.updated, preview.duplicate, preview.rejected) == (0, 0, 3, 0)
    assert [r.outcome for r in preview.rows] == [
        "duplicate of Arnold Smith",
        "duplicate of Chris Beatle",
        "duplicate of Doug White",
    ]
    assert result.changes.is_empty


CARD = """BEGIN:VCARD\r
VERSION:3.0\r
N:Smith;Arnold;;;\r
FN:Arnold Smith\r
EMAIL;TYPE=INTERNET:asmithk@gmail.com\r
TEL;TYPE=CELL:{phone}\r
END:VCARD\r
"""


def test_a_new_phone_for_a_known_contact_is_an_update_merged_in(db):
    run_import(db, read_contact_data(CARD.format(phone="+1 212 555 0100").encode(), "a.vcf"))
    preview, result = run_import(
        db, read_contact_data(CARD.format(phone="+1 212 555 0199").encode(), "b.vcf")
    )
    assert (preview.new, preview.updated, preview.duplicate) == (0, 1, 0)
    assert preview.rows[0].outcome == "update Arnold Smith"
    (arnold,) = details(db).values()
    assert [p.number for p in arnold.draft.phones] == ["+1 212 555 0100", "+1 212 555 0199"]
    assert result.changes.contacts == {arnold.draft.id}


def test_an_update_fills_empty_fields_and_never_overwrites(db, people):
    batch = ContactBatch(
        [
            person(
                2,
                "三",
                "张",
                phones=["13800138000"],
                title="总监",  # 张三 has a title already: kept
                department="华北区",  # empty: filled
                addresses=[AddressRecord(city="上海", street="南京路2号")],
                tags=["展会"],
            )
        ]
    )
    preview, _ = run_import(db, batch)
    assert preview.rows[0].outcome == "update 张三"
    draft = details(db)["张三"].draft
    assert draft.title == "销售经理" and draft.department == "华北区"
    assert [a.city for a in draft.addresses] == ["北京", "上海"]
    assert sorted(draft.tags) == ["展会", "重点客户"]
    assert [p.number for p in draft.phones] == ["138 0013 8000"]


def test_a_name_alone_never_merges_it_is_new_and_listed_as_a_possible_duplicate(db, people):
    batch = ContactBatch([person(2, "John", "Smith", emails=["js@other.example"])])
    preview, result = run_import(db, batch)
    assert (preview.new, preview.updated, preview.duplicate) == (1, 0, 0)
    (possible,) = preview.possible_duplicates
    assert (possible.line, possible.contact_name) == (2, "John Smith")
    assert possible.contact_id == people["John Smith"]
    with db.reading() as session:
        assert result.new == 1 and len(contact_ids(session)) == 5


def test_same_name_at_the_same_organisation_is_a_match(db):
    first = ContactBatch([person(1, "Wei", "Wang", organization="Acme Ltd")])
    second = ContactBatch(
        [person(1, "Wei", "Wang", organization="ACME  ltd", emails=["wang.wei@acme.example"])]
    )
    run_import(db, first)
    preview, _ = run_import(db, second)
    assert preview.rows[0].outcome == "update Wei Wang"
    assert [e.address for e in details(db)["Wei Wang"].draft.emails] == ["wang.wei@acme.example"]


def test_duplicates_within_one_file(db):
    batch = ContactBatch(
        [
            person(2, "Lei", "Li", phones=["139 1111 2222"]),
            person(3, "Lei", "Li", phones=["+86 13911112222"], emails=["li.lei@example.cn"]),
            person(4, "Lei", "Li", phones=["13911112222"]),
            # the same number under a clearly different name: a colleague at a shared line
            person(5, "Margaret", "Thatcher", phones=["13911112222"]),
            person(6, "Lei", "Li", emails=["LI.LEI@example.cn"]),
        ]
    )
    preview, result = run_import(db, batch)
    assert [r.outcome for r in preview.rows] == [
        "new",
        "update Lei Li (line 2)",
        "duplicate of Lei Li (line 2)",
        "new",
        "duplicate of Lei Li (line 2)",
    ]
    assert (preview.new, preview.updated, preview.duplicate) == (2, 1, 2)
    found = details(db)
    assert sorted(found) == ["Lei Li", "Margaret Thatcher"]
    assert [p.number for p in found["Lei Li"].draft.phones] == ["139 1111 2222"]
    assert [e.address for e in found["Lei Li"].draft.emails] == ["li.lei@example.cn"]
    assert result.new == 2 and result.updated == 1


def test_preview_rows_show_each_row_as_it_will_land(db, people):
    batch = ContactBatch(
        [
            person(
                2,
                "Mary",
                "Major",
                organization="Contoso",
                phones=["+44 20 7946 0000"],
                emails=["mary@contoso.example"],
                addresses=[AddressRecord(city="London")],
            ),
            person(3, "", "", phones=[], emails=[], notes="nothing to go by"),
            person(4, "三", "张", emails=["zhang.san@example.cn"]),
        ]
        + [person(10 + i, f"P{i}", "Bulk", emails=[f"p{i}@bulk.example"]) for i in range(30)],
        problems=[Rejection(5, "the row has 3 fields, the header 12")],
    )
    with db.reading() as session:
        preview = preview_contacts(session, batch)
    assert preview.total == 34 and len(preview.rows) == importing.PREVIEW_ROWS
    assert duplicates._name_shape.cache_info().currsize == 0  # matching's caches let go after
    mary, empty, zhang, broken = preview.rows[:4]
    assert (mary.name, mary.organization, mary.phone, mary.email, mary.city, mary.outcome) == (
        "Mary Major",
        "Contoso",
        "+44 20 7946 0000",
        "mary@contoso.example",
        "London",
        "new",
    )
    assert empty.outcome == "rejected: no name, phone number or e-mail address"
    assert zhang.outcome == "duplicate of 张三"
    assert (broken.line, broken.outcome) == (5, "rejected: the row has 3 fields, the header 12")
    assert preview.rejections == (
        Rejection(3, "no name, phone number or e-mail address"),
        Rejection(5, "the row has 3 fields, the header 12"),
    )
    assert (preview.new, preview.duplicate, preview.rejected) == (31, 1, 2)
    assert preview.accounts_to_create == 1 and preview.new_accounts == ("Contoso",)


def test_a_contact_without_a_name_is_named_by_its_email_or_phone(db):
    batch = ContactBatch(
        [person(1, "", phones=["+86 138 0000 1111"]), person(2, "", emails=["x@y.cn"])]
    )
    run_import(db, batch)
    assert sorted(details(db)) == ["+86 138 0000 1111", "x@y.cn"]


# --- organisations ------------------------------------------------------------------------------


def test_contacts_link_to_existing_accounts_and_new_ones_are_made_once(db):
    with db.transaction() as session:
        existing, _ = save_account(session, AccountDraft(name="Acme  Trading"))
    batch = ContactBatch(
        [
            person(1, "A", "One", organization="acme trading", emails=["a@x.example"]),
            person(2, "B", "Two", organization="Globex", emails=["b@x.example"]),
            person(3, "C", "Three", organization="GLOBEX ", emails=["c@x.example"]),
            person(4, "D", "Four", emails=["d@x.example"]),
        ]
    )
    preview, result = run_import(db, batch)
    assert preview.accounts_to_create == result.accounts_created == 1
    assert preview.new_accounts == ("Globex",)
    found = details(db)
    assert found["A One"].draft.account_id == existing
    assert found["B Two"].draft.account_id == found["C Three"].draft.account_id
    assert found["B Two"].account_name == "Globex" and found["D Four"].draft.account_id is None
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Account)) == 2


# --- all or nothing ---------------------------------------------------------------------------


BAD_ROW = ContactBatch(
    [
        person(2, "Good", "Row", emails=["good@example.com"]),
        person(3, ""),  # nothing to go by
        person(4, "Also", "Good", phones=["+86 139 0000 0000"]),
    ]
)


def test_a_rejected_row_refuses_the_import_naming_the_line_and_nothing_lands(db, people):
    before = row_counts(db)
    with pytest.raises(ImportFailed) as refused, db.transaction() as session:
        import_contacts(session, BAD_ROW)
    assert refused.value.line == 3
    assert str(refused.value).startswith("line 3: no name, phone number or e-mail address")
    assert row_counts(db) == before


def test_rejected_rows_are_skipped_only_when_allowed(db):
    preview, result = run_import(db, BAD_ROW, allow_rejected=True)
    assert (preview.new, preview.rejected) == (2, 1)
    assert (result.new, result.rejected) == (2, 1)
    assert sorted(details(db)) == ["Also Good", "Good Row"]


def bulk(n: int, start: int = 0) -> ContactBatch:
    return ContactBatch(
        [
            person(
                i + 2,
                f"Given{i}",
                f"Family{i}",
                organization=f"Firma {'ABCDEFG'[i % 7]}corp",
                phones=[f"+86 138 {i:04d} {i:04d}"],
                emails=[f"p{i}@bulk.example"],
                addresses=[AddressRecord(city="杭州", street=f"{i} 文三路")],
                tags=["import"],
            )
            for i in range(start, start + n)
        ]
    )


def test_cancel_mid_import_leaves_the_database_untouched(db, people, monkeypatch):
    monkeypatch.setattr(importing.common, "CHUNK", 50)
    before = row_counts(db)
    seen = []

    def cancelled():
        return len(seen) >= 3  # after two chunks have been written

    with pytest.raises(ImportCancelled), db.transaction() as session:
        import_contacts(
            session, bulk(400), progress=lambda d, t: seen.append((d, t)), cancelled=cancelled
        )
    assert seen[:3] == [(0, 400), (50, 400), (100, 400)]
    assert row_counts(db) == before


def test_an_unexpected_error_names_the_row_and_rolls_back(db, people, monkeypatch):
    monkeypatch.setattr(importing.common, "CHUNK", 50)
    before = row_counts(db)
    real = importing.contacts.contact_sort_key

    def broken(family, given, organization):
        if family == "Family123":
            raise ValueError("the sort key broke")
        return real(family, given, organization)

    monkeypatch.setattr(importing.contacts, "contact_sort_key", broken)
    with pytest.raises(ImportFailed) as failed, db.transaction() as session:
        import_contacts(session, bulk(200))
    assert failed.value.line == 125 and "the sort key broke" in str(failed.value)
    assert row_counts(db) == before


def test_a_chunk_failing_while_the_next_is_prepared_names_its_lines(db, people, monkeypatch):
    """Chunks are written on a thread of their own while the next is prepared, and a table's
    rows short of a whole statement wait for the next chunk's: a database error names the lines
    from the earliest chunk whose rows the failing statements wrote to the last of its own, and
    everything rolls back."""
    monkeypatch.setattr(importing.common, "CHUNK", 50)
    monkeypatch.setattr(bulk_insert, "ROWS_PER_STATEMENT", 16)
    with db.engine.begin() as conn:
        conn.exec_driver_sql(  # the phone of line 62
            "CREATE TRIGGER refuse BEFORE INSERT ON phones WHEN NEW.number LIKE '%0060 0060'"
            " BEGIN SELECT RAISE(ABORT, 'the disk said no'); END"
        )
    before = row_counts(db)
    with pytest.raises(ImportFailed) as failed, db.transaction() as session:
        import_contacts(session, bulk(200))
    # lines 52-101 are written with the two phones of lines 50 and 51 kept back from 2-51's
    assert failed.value.line == 2 and "the disk said no" in str(failed.value)
    assert "the rows from line 2 to 101 could not be saved" in str(failed.value)
    assert row_counts(db) == before


def test_rows_kept_back_for_a_whole_statement_land_with_the_last_chunk(db, monkeypatch):
    """Phones, e-mails, addresses, tags and log entries short of a whole statement wait for the
    next chunk; the last one writes them all."""
    monkeypatch.setattr(importing.common, "CHUNK", 50)
    monkeypatch.setattr(bulk_insert, "ROWS_PER_STATEMENT", 16)
    before = row_counts(db)
    with db.reading() as session:
        before_tags = session.scalar(select(func.count()).select_from(contact_tags))
    with db.transaction() as session:
        import_contacts(session, bulk(203))
    after = row_counts(db)
    grown = {table: after[table] - before[table] for table in after}
    assert grown["contacts"] == grown["phones"] == grown["emails"] == grown["addresses"] == 203
    assert grown["search_refs"] == 203 + 7  # and the 7 accounts
    with db.reading() as session:
        tagged = session.scalar(select(func.count()).select_from(contact_tags))
        assert tagged - before_tags == 203
        logged = session.execute(
            select(ChangeLogEntry.entity, func.count())
            .where(ChangeLogEntry.action == ChangeAction.INSERT)
            .group_by(ChangeLogEntry.entity)
        ).all()
    assert {e: n for e, n in logged if e in {"contacts", "phones", "emails", "addresses"}} == {
        "contacts": 203,
        "phones": 203,
        "emails": 203,
        "addresses": 203,
    }


def test_a_bulk_writer_writes_what_it_kept_back_when_its_block_ends(db):
    """Rows kept for a next flush that never comes are written as the writer's block ends."""
    with db.transaction() as session, BulkWriter.for_session(session) as writer:
        contact_id = writer.add(Contact, {"family_name": "Kept"})
        writer.add(Phone, {"contact_id": contact_id, "number": "13800138000", "position": 0})
        writer.flush_rows(2, lambda _line: contextlib.nullcontext(), final=False)
    with db.reading() as session:
        assert session.scalars(select(Phone.number).where(Phone.contact_id == contact_id)).all()


def test_a_bulk_import_leaves_the_index_settings_as_they_were(db):
    """Imports index with automatic merging off; the index's own settings come back after."""

    def settings():
        with db.reading() as session:
            return dict(session.execute(text("SELECT k, v FROM search_fts_config")).all())

    with db.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 8)")
    seen = []

    def progress(_done, _total):
        with db.reading() as session:  # another connection: sees only what is committed
            seen.append(dict(session.execute(text("SELECT k, v FROM search_fts_config")).all()))

    run_import(db, bulk(30), progress=progress)
    assert settings()["automerge"] == 8 and settings()["hashsize"] == 1 << 20
    assert all(s.get("automerge") == 8 for s in seen)
    with db.transaction() as session:
        assert session.execute(text("SELECT count(*) FROM search_fts('p29')")).scalar() == 1


def test_an_import_re_measures_statistics_only_when_they_drifted(db):
    """ANALYZE after every import cost seconds on a big database: the planner's statistics are
    measured again when a table has none, or grew past STATISTICS_DRIFT times what they say."""

    def recorded():
        with db.reading() as session:
            rows = session.execute(text("SELECT tbl, stat FROM sqlite_stat1")).all()
        return {t: int(stat.split()[0]) for t, stat in rows if t in ("contacts", "phones")}

    run_import(db, bulk(40))
    assert recorded() == {"contacts": 40, "phones": 40}  # had none worth the name: measured
    run_import(db, bulk(30, start=100))
    assert recorded() == {"contacts": 40, "phones": 40}  # 70 rows, within 2x of 40: left
    run_import(db, bulk(20, start=200))
    assert recorded() == {"contacts": 90, "phones": 90}  # 90 > 80: measured again


def test_a_preview_reports_its_progress_and_can_be_stopped(db, people, monkeypatch):
    """Matching 100k rows takes seconds: the preview says how far it is and stops when asked."""
    monkeypatch.setattr(importing.plan, "MATCH_CHUNK", 40)
    batch = bulk(100)
    seen: list[tuple[int, int]] = []
    with db.reading() as session:
        with pytest.raises(ImportCancelled):
            preview_contacts(
                session,
                batch,
                progress=lambda d, t: seen.append((d, t)),
                cancelled=lambda: bool(seen),
            )
        assert seen == [(0, 200)]  # stopped at the first check after a report
        seen.clear()
        preview = preview_contacts(session, batch, progress=lambda d, t: seen.append((d, t)))
    assert preview.new == 100  # the stopped preview left no plan behind
    assert [d for d, _ in seen] == [0, 40, 80, 100, 140, 180, 200]
    assert {t for _, t in seen} == {200}


def test_progress_is_reported_a_chunk_at_a_time(db, monkeypatch):
    monkeypatch.setattr(importing.common, "CHUNK", 100)
    seen = []
    run_import(db, bulk(250), progress=lambda d, t: seen.append(d))
    assert seen == [0, 100, 200, 250, 250]


def test_threads_hand_the_gil_over_quickly_only_while_an_import_writes(db, monkeypatch):
    """The background writer binds each statement's values under the GIL; with Python's 5 ms
    switch interval it waited that long before every statement."""
    import sys

    seen = []
    monkeypatch.setattr(importing.common, "CHUNK", 100)
    before = sys.getswitchinterval()
    run_import(db, bulk(250), progress=lambda d, t: seen.append(sys.getswitchinterval()))
    assert seen[1] == GilHandoffs.INTERVAL < before
    assert sys.getswitchinterval() == before
    with pytest.raises(ImportFailed):
        run_import(db, bulk(250), progress=_fail_at(150))
    assert sys.getswitchinterval() == before


def _fail_at(done_rows):
    def progress(done, _total):
        if done >= done_rows:
            raise ImportFailed("stopped")

    return progress


def test_a_bulk_import_is_change_logged_indexed_and_undoable(db, people):
    _, result = run_import(db, bulk(120))
    assert result.new == 120 and result.accounts_created == 7
    with db.reading() as session:
        batches = session.scalars(
            select(ChangeLogEntry.batch_id).where(
                ChangeLogEntry.entity_id.in_(result.changes.contacts)
            )
        ).all()
        inserts = session.scalar(
            select(func.count()).where(
                ChangeLogEntry.batch_id == batches[0], ChangeLogEntry.action == ChangeAction.INSERT
            )
        )
    assert len(set(batches)) == 1
    assert inserts == 120 * 4 + 7 + 1  # contacts, phones, e-mails, addresses; accounts; the tag
    assert search(db, "Given77") == ["Given77 Family77"]
    assert search(db, "文三路 family119") == ["Given119 Family119"]
    assert len(search(db, "dcorp")) == len([i for i in range(120) if i % 7 == 3])
    with db.transaction() as session:
        revert_batch(session, batches[0])
    assert sorted(details(db)) == sorted(people)


def test_a_merge_is_change_logged_and_undoable(db, people):
    batch = ContactBatch(
        [
            person(1, "John", "Smith", emails=["john.smith@acme.com"], title="CTO",
                   phones=["+44 20 7946 0001"], tags=["London"]),
        ]
    )  # fmt: skip
    _, result = run_import(db, batch)
    john = people["John Smith"]
    assert result.changes.contacts == {john}
    with db.reading() as session:
        logged = session.execute(
            select(ChangeLogEntry.entity, ChangeLogEntry.action, ChangeLogEntry.field,
                   ChangeLogEntry.old, ChangeLogEntry.new, ChangeLogEntry.batch_id)
            .where(
                (ChangeLogEntry.entity_id == john)
                | ChangeLogEntry.entity_id.in_(select(Phone.id).where(Phone.contact_id == john))
            )
            .order_by(ChangeLogEntry.at, ChangeLogEntry.id)
        ).all()  # fmt: skip
    batch_id = logged[-1].batch_id
    mine = [(e, a, f, o, n) for e, a, f, o, n, b in logged if b == batch_id]
    assert ("contacts", ChangeAction.UPDATE, "title", "", "CTO") in mine
    assert [m[:3] for m in mine if m[0] == "phones"] == [("phones", ChangeAction.INSERT, "*")]
    assert [m[2] for m in mine if m[0] == "contacts"] == ["title", "tags"]
    found = details(db)["John Smith"]
    assert found.draft.title == "CTO" and found.tags == ("London",)
    assert [p.number for p in found.draft.phones] == ["+44 20 7946 0001"]
    assert found.draft.version == 2
    assert search(db, "7946 0001") == ["John Smith"] and search(db, "cto") == ["John Smith"]

    with db.transaction() as session:
        undone = revert_batch(session, batch_id)
    assert not undone.conflicts
    again = details(db)["John Smith"]
    assert (again.draft.title, again.tags, again.draft.phones) == ("", (), [])
    assert search(db, "7946 0001") == []


def test_a_contact_changed_during_the_import_is_a_stale_edit(db, people):
    batch = ContactBatch([person(1, "John", "Smith", emails=["john.smith@acme.com"], title="CTO")])
    with db.transaction() as session:
        preview_contacts(session, batch)
        session.connection().exec_driver_sql("UPDATE contacts SET version = version + 1")
        with pytest.raises(StaleRecordError):
            import_contacts(session, batch)


# --- orders ---------------------------------------------------------------------------------


@pytest.fixture
def customers(db):
    with db.transaction() as session:
        acme, _ = save_account(session, AccountDraft(name="Acme Trading", code="C-001"))
        globex, _ = save_account(session, AccountDraft(name="Globex 集团"))
        initech, _ = save_account(session, AccountDraft(name="Initech"))
        save_contact(
            session,
            ContactDraft(
                family_name="Lumbergh",
                given_name="Bill",
                emails=[EmailRecord("bill@initech.example")],
                account_id=initech,
            ),
        )
    return {"acme": acme, "globex": globex, "initech": initech}


def order(line, *, name="", code="", email="", number="", amount=None, lines=(), day=1):
    return OrderRecord(
        customer_name=name,
        customer_code=code,
        customer_email=email,
        ordered_on=dt.date(2024, 3, day),
        amount=None if amount is None else Decimal(amount),
        number=number,
        lines=list(lines),
        source_line=line,
    )


def orders_batch() -> OrderBatch:
    return OrderBatch(
        [
            order(2, code="c-001", name="whatever it is called", number="SO-1", amount="1200.50"),
            order(3, name="globex  集团", number="SO-2", lines=[
                OrderLineRecord("Widget", Decimal(3), Decimal("19.99")),
                OrderLineRecord("W-100", Decimal(2), None, Decimal("40")),
            ]),
            order(4, name="Unknown Co", email="bill@initech.example", number="SO-3", amount="99"),
            order(5, name="Nobody Ltd", number="SO-4", amount="10"),
            order(6, email="ghost@nowhere.example", number="SO-5", amount="10"),
        ]
    )  # fmt: skip


def test_orders_match_by_code_then_name_then_email_and_unmatched_rows_are_listed(db, customers):
    with db.transaction() as session:
        session.add(Product(code="W-100", name="Widget Pro"))
    with db.reading() as session:
        preview = preview_orders(session, orders_batch())
    assert (preview.total, preview.new, preview.unmatched, preview.rejected) == (5, 3, 2, 0)
    assert (preview.matched_by_code, preview.matched_by_name, preview.matched_by_email) == (1, 1, 1)
    assert [(r.line, r.account, r.matched_by) for r in preview.rows[:3]] == [
        (2, "Acme Trading", "code"),
        (3, "Globex 集团", "name"),
        (4, "Initech", "email"),
    ]
    assert [(u.line, u.customer) for u in preview.unmatched_rows] == [
        (5, "Nobody Ltd"),
        (6, "<ghost@nowhere.example>"),
    ]
    assert preview.products_to_create == 1 and preview.new_products == ("Widget",)
    assert preview.rows[1].amount == Decimal("99.97")


def test_unmatched_orders_refuse_the_import_unless_allowed(db, customers):
    before = row_counts(db)
    with pytest.raises(ImportFailed) as refused, db.transaction() as session:
        import_orders(session, orders_batch())
    assert refused.value.line == 5 and "Nobody Ltd" in str(refused.value)
    assert row_counts(db) == before

    with db.transaction() as session:
        result = import_orders(session, orders_batch(), allow_unmatched=True)
    assert (result.new, result.unmatched, result.products_created) == (3, 2, 2)
    with db.reading() as session:
        orders = {o.number: o for o in session.scalars(select(Order))}
        order_ids = {o.id for o in orders.values()}
        assert orders["SO-1"].account_id == customers["acme"]
        assert orders["SO-1"].amount == Decimal("1200.50")
        assert orders["SO-3"].account_id == customers["initech"]
        assert orders["SO-3"].contact_id is not None
        lines = session.execute(
            select(OrderLine.description, OrderLine.quantity, OrderLine.unit_price,
                   OrderLine.amount, Product.name)
            .join(Product, Product.id == OrderLine.product_id)
            .where(OrderLine.order_id == orders["SO-2"].id)
            .order_by(OrderLine.position)
        ).all()  # fmt: skip
    assert lines == [
        ("Widget", Decimal(3), Decimal("19.99"), Decimal("59.97"), "Widget"),
        ("W-100", Decimal(2), Decimal(20), Decimal(40), "W-100"),
    ]
    assert result.changes.orders == order_ids


def test_products_match_by_code_or_name(db, customers):
    with db.transaction() as session:
        session.add(Product(code="W-100", name="Widget Pro"))
    batch = OrderBatch([
        order(2, code="C-001", lines=[OrderLineRecord("w-100", Decimal(1), Decimal(5))]),
        order(3, code="C-001", lines=[OrderLineRecord("widget pro", Decimal(1), Decimal(5))]),
    ])  # fmt: skip
    with db.transaction() as session:
        result = import_orders(session, batch)
    assert result.products_created == 0
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Product)) == 1


def test_orders_imported_twice_are_duplicates_the_second_time(db, customers):
    for _ in range(2):
        with db.transaction() as session:
            preview = preview_orders(session, orders_batch())
            result = import_orders(session, orders_batch(), allow_unmatched=True)
    assert (preview.new, preview.duplicate) == (0, 3)
    assert result.new == 0
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Order)) == 3


def test_order_rows_without_date_or_amount_are_rejected(db, customers):
    batch = OrderBatch([
        OrderRecord(customer_code="C-001", amount=Decimal(1), source_line=2),
        order(3, code="C-001"),
        order(4, amount="5"),
    ])  # fmt: skip
    with db.reading() as session:
        preview = preview_orders(session, batch)
    assert [(r.line, r.reason) for r in preview.rejections] == [
        (2, "no order date"),
        (3, "no amount and no order lines"),
        (4, "no customer (name, code or e-mail)"),
    ]


# --- tables: CSV and Excel --------------------------------------------------------------------


def test_a_csv_with_one_bad_row_is_refused_naming_that_line(db, people):
    data = (
        "Name,Mobile Phone,E-mail Address,Notes\n"
        "王伟,138 0000 0001,wang.wei@example.cn,\n"
        ",,,a note and nothing else\n"
        "李娜,139 0000 0002,li.na@example.cn,\n"
    ).encode()
    batch = read_contact_data(data, "people.csv")
    before = row_counts(db)
    with db.reading() as session:
        preview = preview_contacts(session, batch)
    assert (preview.new, preview.rejected) == (2, 1)
    assert preview.rejections[0].line == 3
    with pytest.raises(ImportFailed) as refused, db.transaction() as session:
        import_contacts(session, batch)
    assert refused.value.line == 3
    assert row_counts(db) == before


def test_a_csv_row_with_a_changed_phone_updates_the_contact(db):
    first = "Name,Mobile Phone,E-mail Address\n王伟,138 0000 0001,wang.wei@example.cn\n"
    second = "Name,Mobile Phone,E-mail Address\n王伟,186 1111 2222,wang.wei@example.cn\n"
    run_import(db, read_contact_data(first.encode(), "a.csv"))
    preview, _ = run_import(db, read_contact_data(second.encode("gb18030"), "b.csv"))
    assert (preview.new, preview.updated, preview.duplicate) == (0, 1, 0)
    phones = [p.number for p in details(db)["王伟"].draft.phones]
    assert phones == ["138 0000 0001", "186 1111 2222"]


def test_a_table_with_a_given_mapping_as_json(db):
    data = "客户姓名;手机;单位;城市\n张伟;13500000001;京东;北京\n".encode("gb18030")
    mapping = (
        '{"formatted_name": "客户姓名", "organization": "单位",'
        ' "phones": [{"value": "手机", "kind": "mobile"}],'
        ' "addresses": [{"city": "城市", "kind": "work"}]}'
    )
    batch = read_contact_data(data, "客户.txt", mapping)
    with db.reading() as session:
        preview = preview_contacts(session, batch)
    assert preview.mapping["formatted_name"] == "客户姓名"
    assert preview.rows[0].city == "北京" and preview.rows[0].name == "张伟"
    run_import(db, batch)
    zhang = details(db)["张伟"]
    assert (zhang.draft.family_name, zhang.draft.given_name) == ("张", "伟")
    assert zhang.account_name == "京东" and zhang.draft.phones[0].number == "13500000001"
    assert search(db, "zhangwei") == ["张伟"]


def test_an_xlsx_contact_sheet(db, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["First Name", "Last Name", "Mobile Phone", "E-mail Address", "Company"])
    sheet.append(["Ada", "Lovelace", "+44 20 7946 0018", "ada@example.org", "Analytical Engines"])
    sheet.append(["芳", "陈", 13700000003, "chen.fang@example.cn", ""])
    book.save(tmp_path / "people.xlsx")
    preview, result = import_file(db, tmp_path / "people.xlsx")
    assert preview.source == "xlsx" and result.new == 2
    found = details(db)
    assert found["Ada Lovelace"].account_name == "Analytical Engines"
    assert found["陈芳"].draft.phones[0].number == "13700000003"


def test_a_file_that_is_no_contact_file_is_a_clear_error(db):
    with pytest.raises(ImportFailed, match="old Excel"):
        read_contact_data(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "x.xls")
    with pytest.raises(ImportFailed):
        read_contact_data(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut short\r\n", "cut.vcf")
    with pytest.raises(ImportFailed, match="mapping"):
        read_contact_data(b"a,b\n1,2\n", "x.csv", "{not json")


ORDERS_CSV = """Order No,Customer,Customer Code,Customer E-mail,Date,Product,Qty,Unit Price,Amount
SO-1,whatever,C-001,,2024-03-01,Widget,2,10.00,20.00
SO-1,whatever,C-001,,2024-03-01,W-100,1,5.50,5.50
SO-2,Globex 集团,,,2024-03-02,,,,"1,200.00"
SO-3,,,bill@initech.example,2024-03-03,Widget,1,10,10
SO-4,Nobody Ltd,,,2024-03-04,,,,99
"""


def test_orders_from_csv(db, customers):
    from crmdesk.services.importing import read_order_data

    batch = read_order_data(ORDERS_CSV.encode(), "orders.csv")
    with db.transaction() as session:
        preview = preview_orders(session, batch)
        assert (preview.new, preview.unmatched) == (3, 1)
        assert [(r.line, r.matched_by) for r in preview.rows[:3]] == [
            (2, "code"),
            (4, "name"),
            (5, "email"),
        ]
        assert [(u.line, u.customer) for u in preview.unmatched_rows] == [(6, "Nobody Ltd")]
        result = import_orders(session, batch, allow_unmatched=True)
    assert result.new == 3 and result.products_created == 2
    with db.reading() as session:
        amounts = dict(session.execute(select(Order.number, Order.amount)).all())
    assert amounts == {"SO-1": Decimal("25.50"), "SO-2": Decimal("1200.00"), "SO-3": Decimal(10)}


def test_the_index_text_of_a_bulk_import_is_what_fulltext_writes(db):
    """The importer composes the full-text body from the rows it inserts; it must be the text
    fulltext.reindex would compose from the database, or search would find other things."""

    batch = ContactBatch(
        [
            person(1, "小龙", "李", organization="北京龙腾科技", title="总经理", nickname="小李",
                   phones=["+86 10 6552 9988", "139 8765 4321"], emails=["Li.XL@LongTeng.cn"],
                   addresses=[AddressRecord(street="朝阳区建国路88号", city="北京", region="北京市",
                                            postal_code="100022", country="中国")],
                   tags=["重点客户"], notes="第一行\nÜber café", wechat="lxl_88",
                   phonetic_family_name="Li", department="销售部"),
            person(2, "Zoë", "Ångström", organization="Café Ünïcode GmbH", middle_name="Q.",
                   emails=["zoe@example.org"], addresses=[AddressRecord(city="Zürich")],
                   tags=["b-tag", "A-Tag", "中文标签"]),
            person(3, "", "", organization="只有公司"),
        ]
    )  # fmt: skip
    _, result = run_import(db, batch)
    ids = sorted(result.changes.contacts)
    stored, expected = index_texts(db, ids)
    assert len(stored) == len(expected) == 3
    for cid, body in expected.items():
        assert sorted(stored[cid.hex].split()) == sorted(body.split())
    single = next(i for i in ids if "朝" in expected[i])
    assert stored[single.hex] == expected[single]


def test_the_index_text_of_contacts_merged_into_is_what_fulltext_writes(db, people):
    """A merge composes the new entry from what it read of the contact and what it adds."""
    batch = ContactBatch(
        [
            person(2, "三", "张", phones=["13800138000", "+86 10 6552 9988"], department="华北区",
                   organization="北京龙腾科技", emails=["zs@longteng.cn"], tags=["展会"],
                   addresses=[AddressRecord(city="上海", street="南京路2号")]),
            person(3, "Anna", "Müller", phones=["+49 30 1234567"], nickname="Annie",
                   notes="Über café", emails=["anna@example.de"]),
            person(4, "小龙", "李", organization="北京龙腾科技", phones=["139 8765 4321"]),
        ]
    )  # fmt: skip
    preview, result = run_import(db, batch)
    assert (preview.new, preview.updated) == (1, 2)
    stored, expected = index_texts(db, sorted(result.changes.contacts))
    assert len(expected) == 3 and len(stored) == len(people) + 1  # one entry each, no stale one
    for cid, body in expected.items():
        assert sorted(stored[cid.hex].split()) == sorted(body.split())
    zhang = expected[people["张三"]].split()
    assert {"bjltkj", "65529988", "zs@longteng.cn", "南", "展", "重"} <= set(zhang)
    assert search(db, "龙腾 展会") == ["张三"] and search(db, "annie") == ["Anna Müller"]


def index_texts(db, ids) -> tuple[dict[str, str], dict[object, str]]:
    """The index's stored contact entries (by id hex) and fulltext's own composition for `ids`."""
    from crmdesk.store import fulltext

    with db.reading() as session:
        conn = session.connection()
        expected = dict(fulltext._BODIES[fulltext.CONTACT](conn, ids))
        stored = dict(
            conn.execute(
                text(
                    "SELECT r.ref, f.body FROM search_fts f JOIN search_refs r ON r.rowid = f.rowid"
                    " WHERE r.entity = 'contact'"
                )
            ).all()
        )
    return stored, expected


def test_deleted_contacts_and_accounts_match_no_order(db, customers):
    from crmdesk.services.accounts import delete_accounts
    from crmdesk.services.contacts import delete_contacts

    with db.transaction() as session:
        delete_accounts(session, [customers["globex"]])
        bill = session.scalar(select(Contact.id).where(Contact.family_name == "Lumbergh"))
        delete_contacts(session, [bill])
    with db.reading() as session:
        preview = preview_orders(session, orders_batch())
    assert [u.line for u in preview.unmatched_rows] == [3, 4, 5, 6]


def test_an_import_after_its_preview_plans_again_when_the_database_changed_between(db):
    batch = read_contact_data(CARD.format(phone="+1 212 555 0100").encode(), "a.vcf")
    with db.reading() as s:
        assert preview_contacts(s, batch).new == 1
    run_import(db, read_contact_data(CARD.format(phone="+1 212 555 0100").encode(), "b.vcf"))
    with db.transaction() as s:  # the preview said "new"; the same person has arrived since
        result = import_contacts(s, batch)
    assert (result.new, result.duplicate) == (0, 1)
    assert len(details(db)) == 1


def test_a_failed_import_plans_afresh_on_the_next_try(db):
    batch = read_contact_data(CARD.format(phone="+1 212 555 0100").encode(), "a.vcf")
    with db.reading() as s:
        preview_contacts(s, batch)
    with pytest.raises(ImportCancelled), db.transaction() as s:
        import_contacts(s, batch, cancelled=lambda: True)
    with db.transaction() as s:
        assert import_contacts(s, batch).new == 1
    assert len(details(db)) == 1


def test_an_imported_row_is_logged_as_the_orm_would_snapshot_it(db):
    """The bulk writer logs inserts without the ORM: each snapshot must read back as
    changelog.insert_snapshot() gives it for the stored row (dates, bytes, ids, Chinese)."""
    rec = person(
        2,
        "三",
        "张",
        phones=["138 0013 8000"],
        emails=["zs@example.cn"],
        birthday=dt.date(1985, 3, 1),
        photo=b"\x89PNG\r\n",
        notes="备注 '=1'",
    )
    run_import(db, ContactBatch([rec]))
    with db.reading() as session:
        logged = dict(
            session.execute(
                select(ChangeLogEntry.entity_id, ChangeLogEntry.new).where(
                    ChangeLogEntry.action == ChangeAction.INSERT
                )
            ).all()
        )
        contact = session.scalars(select(Contact)).one()
        rows = [contact, *contact.phones, *contact.emails]
        assert [logged[row.id] for row in rows] == [insert_snapshot(row) for row in rows]
        assert logged[contact.id]["photo"] == {"base64": "iVBORw0K"}


def test_phones_emails_and_addresses_are_logged_as_the_orm_would_snapshot_them(db):
    """The bulk writer logs these rows without the ORM: every column, default or not (kinds,
    primary flags, positions after a merge, Chinese, quotes, newlines), must read back as
    insert_snapshot() gives it, in entries like the rest of their import's (one batch, time
    and actor; no old value)."""
    from crmdesk.models.enums import AddressKind, EmailKind

    first = person(
        2, "三", "张", emails=["zs@example.cn"],
        phones=["138 0013 8000", "+86 10 6552 9988", "+1 (555) 010-0100"],
        addresses=[AddressRecord(street="朝阳区建国路88号", extended="A座 \"东\"", po_box="PO 1",
                                 city="北京", region="北京市", postal_code="100022",
                                 country="中国", kind=AddressKind.HOME, label="总部\n二楼",
                                 primary=True)],
    )  # fmt: skip
    first.phones[0] = PhoneRecord("138 0013 8000", PhoneKind.WORK, primary=True)
    first.emails.append(EmailRecord("Zhang.San@Example.CN", EmailKind.HOME, primary=True))
    again = person(
        3, "三", "张", phones=["138 0013 8000", "139 8765 4321"], emails=["new@example.cn"],
        addresses=[AddressRecord(city="上海", kind=AddressKind.WORK)],
    )  # fmt: skip
    run_import(db, ContactBatch([first]))
    run_import(db, ContactBatch([again]))  # merged in: positions after the first ones
    with db.reading() as session:
        entries = session.scalars(
            select(ChangeLogEntry).where(ChangeLogEntry.action == ChangeAction.INSERT)
        ).all()
        logged = {e.entity_id: e for e in entries}
        contact = session.scalars(select(Contact)).one()
        rows = [*contact.phones, *contact.emails, *contact.addresses]
        assert len(rows) == 4 + 3 + 2 and len(logged) == len(entries) == len(rows) + 1
        assert {r.position for r in contact.phones} == {0, 1, 2, 3}
        for row in rows:
            entry = logged[row.id]
            assert (entry.entity, entry.field, entry.old) == (row.__tablename__, "*", None)
            assert entry.new == insert_snapshot(row), row.__tablename__
        by_batch: dict[object, set] = {}
        for e in entries:
            by_batch.setdefault(e.batch_id, set()).add((e.at, e.actor))
        assert len(by_batch) == 2 and all(len(v) == 1 for v in by_batch.values())
        home = logged[next(a.id for a in contact.addresses if a.city == "北京")].new
    assert home["kind"] == "home" and home["is_primary"] is True and home["label"] == "总部\n二楼"


def test_a_refused_import_leaves_garbage_collection_on(db):
    """Imports pause the cycle collector for speed; an import that fails must not leave it off."""
    assert gc.isenabled()
    with pytest.raises(ImportFailed), db.transaction() as session:
        import_contacts(session, BAD_ROW)
    assert gc.isenabled()
