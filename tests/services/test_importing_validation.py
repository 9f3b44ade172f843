"""What the contact form refuses, no import lets in: the same rules for phones, e-mails and
lengths, a bad value left out and reported with its line, an over-long value refusing its row."""

from __future__ import annotations

import pytest

from crmdesk.core.errors import ImportFailed, ValidationError
from crmdesk.services.contacts import ContactDraft, get_contact, save_contact
from crmdesk.services.importing import (
    import_contacts,
    preview_contacts,
    read_contact_data,
)

CSV = (
    "First Name,Last Name,E-mail 1 - Value,Phone 1 - Value,Organization 1 - Name\n"
    "Lei,Li,lilei@@example,13800138000,\n"
    "Mei,Han,@@@,13900139000,\n"
    "Tao,Wu,\"a@b,c@d\",13700137000,\n"
    "Ok,Fine,ok@example.com,13600136000,\n"
)


def _import(db, data: bytes, name: str):
    batch = read_contact_data(data, name)
    with db.transaction() as session:
        preview = preview_contacts(session, batch)
        result = import_contacts(session, batch, allow_rejected=True)
    return preview, result


def _emails_and_phones(db, ids):
    with db.reading() as session:
        found = [get_contact(session, i).draft for i in ids]
    return sorted(
        (d.given_name, [e.address for e in d.emails], [p.number for p in d.phones]) for d in found
    )


def test_e_mails_the_form_refuses_are_left_out_of_a_csv_import_and_reported(db):
    preview, result = _import(db, CSV.encode(), "people.csv")
    assert preview.new == 4 and preview.rejected == 0
    assert [(r.line, r.reason.split(":")[0]) for r in preview.left_out] == [
        (2, "“lilei@@example” was left out"),
        (3, "“@@@” was left out"),
        (4, "“a@b,c@d” was left out"),
    ]
    assert "invalid characters" in preview.left_out[0].reason
    assert _emails_and_phones(db, result.changes.contacts) == [
        ("Lei", [], ["13800138000"]),
        ("Mei", [], ["13900139000"]),
        ("Ok", ["ok@example.com"], ["13600136000"]),
        ("Tao", [], ["13700137000"]),
    ]


def test_a_vcard_phone_without_digits_is_left_out_and_reported(db):
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Li;Lei;;;\r\nFN:Li Lei\r\n"
        "TEL;TYPE=CELL:call me maybe\r\nTEL;TYPE=WORK:+86 10 6552 9988\r\nEND:VCARD\r\n"
    )
    preview, result = _import(db, card.encode(), "li.vcf")
    assert [(r.line, r.reason) for r in preview.left_out] == [
        (1, "“call me maybe” was left out: Not a valid phone number.")
    ]
    assert _emails_and_phones(db, result.changes.contacts) == [("Lei", [], ["+86 10 6552 9988"])]
    with db.reading() as session:  # nothing the card said is lost: the value is in the notes
        (cid,) = result.changes.contacts
        assert get_contact(session, cid).draft.notes == "Phone: call me maybe"


def test_a_row_with_only_a_bad_e_mail_has_nothing_left_to_be_a_contact(db):
    preview, _ = _import(db, b"E-mail 1 - Value\nlilei@@example\n", "one.csv")
    assert preview.rejected == 1 and preview.new == 0


def test_a_value_too_long_for_its_column_rejects_the_row_with_a_clear_reason(db):
    huge = "龙" * (5 << 20)
    data = f"First Name,Organization 1 - Name\nLei,{huge}\nMei,短公司\n".encode()
    preview, result = _import(db, data, "huge.csv")
    assert (preview.new, preview.rejected) == (1, 1)
    (rejection,) = preview.rejections
    assert rejection.line == 2
    assert rejection.reason == (
        f"The organisation is too long: {5 << 20} characters, at most 200 fit."
    )
    assert _emails_and_phones(db, result.changes.contacts) == [("Mei", [], [])]


def test_the_form_refuses_a_value_too_long_for_its_column(db):
    with pytest.raises(ValidationError) as refused, db.transaction() as session:
        save_contact(session, ContactDraft(given_name="Lei", title="x" * 101))
    assert [(e.field, e.message) for e in refused.value.errors] == [
        ("title", "The title is too long: 101 characters, at most 100 fit.")
    ]


def test_a_website_too_long_for_its_column_rejects_the_row_and_does_not_crash(db):
    long_site = "https://example.com/" + "a" * 600
    data = f"First Name,Website 1 - Value\nLei,{long_site}\nMei,https://ok.example\n".encode()
    preview, result = _import(db, data, "sites.csv")
    assert (preview.new, preview.rejected) == (1, 1)
    (rejection,) = preview.rejections
    assert rejection.line == 2 and "too long" in rejection.reason
    assert _emails_and_phones(db, result.changes.contacts) == [("Mei", [], [])]


# --- orders: the preview's verdict is the import's ------------------------------------------

ORDER_HEADER = "Order No,Customer,Order Date,Total\n"


def _orders(db, rows: str):
    from crmdesk.services.accounts import AccountDraft, save_account
    from crmdesk.services.importing import import_orders, preview_orders, read_order_data

    with db.transaction() as session:
        save_account(session, AccountDraft(name="Acme"))
    batch = read_order_data((ORDER_HEADER + rows).encode(), "orders.csv")
    with db.reading() as session:
        preview = preview_orders(session, batch)
    return preview, lambda **kw: _run_orders(db, batch, import_orders, **kw)


def _run_orders(db, batch, import_orders, **kw):
    with db.transaction() as session:
        return import_orders(session, batch, **kw)


def _order_count(db) -> int:
    from sqlalchemy import func, select

    from crmdesk.models import Order

    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(Order))


@pytest.mark.parametrize(
    "amount",
    ["9" * 3600, "-99999999999999999999999.99", "12345678901234567.5"],
)
def test_an_amount_too_large_to_store_is_rejected_in_the_preview_naming_its_line(db, amount):
    preview, run = _orders(db, f"SO-1,Acme,2024-03-01,10\nSO-2,Acme,2024-03-02,{amount}\n")
    assert (preview.new, preview.rejected) == (1, 1)
    (rejection,) = preview.rejections
    assert rejection.line == 3 and "is too large" in rejection.reason
    assert len(rejection.reason) < 120
    with pytest.raises(ImportFailed) as refused:
        run()
    assert refused.value.line == 3 and _order_count(db) == 0
    assert run(allow_rejected=True).new == 1 and _order_count(db) == 1


def test_the_largest_amount_the_preview_accepts_is_stored_exactly(db):
    from decimal import Decimal

    from sqlalchemy import select

    from crmdesk.models import Order

    preview, run = _orders(db, "SO-1,Acme,2024-03-01,-9999999999999999.99\n")
    assert (preview.new, preview.rejected) == (1, 0)
    run()
    with db.reading() as session:
        assert session.scalar(select(Order.amount)) == Decimal("-9999999999999999.99")


def test_an_order_number_longer_than_its_column_is_rejected_with_its_line(db):
    preview, _ = _orders(db, f"{'N' * 61},Acme,2024-03-01,10\n")
    (rejection,) = preview.rejections
    assert rejection.line == 2
    assert rejection.reason == "The order number is too long: 61 characters, at most 60 fit."


def test_an_address_part_too_long_for_its_column_rejects_the_row(db):
    """The length check skips rows whose address parts are all short: the long one must still
    be caught, in a second address as in a first."""
    long_city = "城" * 101
    data = (
        "First Name,Address 1 - City,Address 2 - City\n"
        f"Lei,北京,{long_city}\n"
        "Mei,上海,杭州\n"
    ).encode()
    preview, result = _import(db, data, "cities.csv")
    assert (preview.new, preview.rejected) == (1, 1)
    (rejection,) = preview.rejections
    assert rejection.line == 2
    assert rejection.reason == "The city is too long: 101 characters, at most 100 fit."
    assert _emails_and_phones(db, result.changes.contacts) == [("Mei", [], [])]
