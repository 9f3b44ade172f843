"""Satisfaction c = b / a against a survey worked out by hand; bands; trend; import."""

from __future__ import annotations

import datetime as dt

import pytest

from crmdesk.core.errors import KnownError
from crmdesk.interop.tabular import write_table_xlsx
from crmdesk.services import surveys
from crmdesk.services.accounts import AccountDraft, save_account
from crmdesk.services.surveys import Answer, Band, SatisfactionBands, SurveyDraft

# Worked by hand: product 4/5 = 0.8 (w 2), service 5/4 = 1.25 (w 1), price 3/3 = 1.0 (w 1).
# Overall (2*0.8 + 1.25 + 1.0) / 4 = 3.85 / 4 = 0.9625.
HAND = (Answer("Product", 5, 4, 2), Answer("Service", 4, 5, 1), Answer("Price", 3, 3, 1))


def test_c_per_item_and_overall_weighted_with_bands():
    score = surveys.score(HAND, SatisfactionBands())
    assert [round(i.c, 4) for i in score.items] == [0.8, 1.25, 1.0]
    assert [i.band for i in score.items] == [
        Band.DISSATISFIED, Band.HIGHLY_SATISFIED, Band.SATISFIED,
    ]  # fmt: skip
    assert score.c == pytest.approx(0.9625)
    assert (score.expected, score.perceived) == (4.25, 4.0)  # (2*5+4+3)/4, (2*4+5+3)/4
    assert score.band is Band.SATISFIED  # 0.95 <= 0.9625 <= 1.05
    assert surveys.score(HAND, SatisfactionBands(low=0.97, high=1.1)).band is Band.DISSATISFIED


def test_the_report_of_stored_surveys_matches_the_hand_worked_one(db):
    with db.transaction() as session:
        surveys.save_survey(session, SurveyDraft(dt.date(2026, 3, 2), HAND))
        # a 1-10 survey: 8/10 and 10/8; c 0.8 and 1.25, equal weights: 1.025
        surveys.save_survey(session, SurveyDraft(
            dt.date(2026, 4, 9), (Answer("Product", 10, 8), Answer("Service", 8, 10)), scale=10))
    with db.reading() as session:
        report = surveys.report(session)
        march = surveys.report(session, dt.date(2026, 3, 1), dt.date(2026, 3, 31))
        trend = surveys.trend(session)
    assert report is not None and march is not None
    assert march.c == pytest.approx(0.9625)
    assert report.c == pytest.approx((0.9625 + 1.025) / 2)
    # overall a and b weighted on 1-5: (2*5+4+3 + 5+4) / 6 and (2*4+5+3 + 4+5) / 6
    assert report.expected == pytest.approx(26 / 6) and report.perceived == pytest.approx(25 / 6)
    product = report.items[0]
    assert product.item == "Product"
    assert product.expected == pytest.approx((5 + 5) / 2)  # 10 on 1-10 is 5 on 1-5
    assert product.perceived == pytest.approx((4 + 4) / 2)
    assert product.c == pytest.approx(0.8) and product.band is Band.DISSATISFIED
    assert [(p.month, round(p.c, 4)) for p in trend] == [("2026-03", 0.9625), ("2026-04", 1.025)]


def test_scores_outside_the_scale_are_refused(db):
    with pytest.raises(KnownError), db.transaction() as session:
        surveys.save_survey(session, SurveyDraft(dt.date(2026, 1, 1), (Answer("Price", 5, 7),)))
    with db.transaction() as session:  # on 1-10 a 7 is fine
        surveys.save_survey(session, SurveyDraft(dt.date(2026, 1, 1), (Answer("Price", 5, 7),),
                                                 scale=10))  # fmt: skip


def test_the_default_template_and_the_band_edges_are_kept(db):
    with db.transaction() as session:
        tid = surveys.ensure_default_template(session)
        assert surveys.ensure_default_template(session) == tid
        surveys.save_bands(session, SatisfactionBands(0.9, 1.2))
    with db.reading() as session:
        (template,) = surveys.templates(session)
        assert len(template.items) == 6 and template.scale == 5
        assert surveys.load_bands(session) == SatisfactionBands(0.9, 1.2)
    with pytest.raises(KnownError), db.transaction() as session:
        surveys.save_bands(session, SatisfactionBands(1.1, 1.2))


def test_answers_import_from_csv_and_xlsx(db):
    with db.transaction() as session:
        save_account(session, AccountDraft(name="华东机械"))
    csv = (
        "survey,date,account,item,expected,perceived,weight\n"
        "S1,2026-05-01,华东机械,Product,5,4,2\nS1,2026-05-01,华东机械,Service,4,5,1\n"
        "S1,2026-05-01,华东机械,Price,3,3,1\nS2,2026-05-03,,Product,4,4,1\n"
    ).encode()
    xlsx = write_table_xlsx(["问卷", "日期", "项目", "期望", "感知"],
                            [["X1", "2026-06-01", "Staff", 4, 2]])  # fmt: skip
    with db.transaction() as session:
        assert surveys.import_answers(session, csv, "answers.csv") == 2
        assert surveys.import_answers(session, xlsx, "answers.xlsx") == 1
    with db.reading() as session:
        may = surveys.report(session, dt.date(2026, 5, 1), dt.date(2026, 5, 31))
        assert may is not None and may.surveys == 2
        assert may.c == pytest.approx((0.9625 + 1.0) / 2)


@pytest.mark.parametrize(
    "text",
    [
        "survey,date,item,expected,perceived\nS1,2026-05-01,Product,5,9\n",  # 9 on 1-5
        "survey,date,item,expected,perceived\nS1,someday,Product,5,4\n",
        "survey,date,account,item,expected,perceived\nS1,2026-05-01,Nobody,Product,5,4\n",
        "survey,item,expected\nS1,Product,5\n",
    ],
)
def test_a_bad_file_imports_nothing(db, text):
    good = "S0,2026-05-01,Product,5,4\n"
    lines = text.splitlines(keepends=True)
    data = (lines[0] + (good if "account" not in lines[0] and "date" in lines[0] else "")
            + "".join(lines[1:])).encode()  # fmt: skip
    with pytest.raises(KnownError), db.transaction() as session:
        surveys.import_answers(session, data, "bad.csv")
    with db.reading() as session:
        assert surveys.report(session) is None


def _template_on_record(db):
    """The default template and one survey recorded on it (Product, Service, Price answered)."""
    with db.transaction() as session:
        tid = surveys.ensure_default_template(session)
        surveys.save_survey(session, SurveyDraft(dt.date(2026, 3, 2), HAND, template_id=tid))
    with db.reading() as session:
        (row,) = surveys.templates(session)
    return row


def test_a_template_is_edited_in_place_renamed_items_keep_their_answers(db):
    row = _template_on_record(db)
    assert row.surveys == 1 and len(row.item_ids) == 6
    names = [n for n, _ in row.items]
    # rename Product, drop Staff (never answered), weigh Price 2, add Delivery, Price first
    items = dict(row.items)
    order = [names.index("Price"), *[i for i, n in enumerate(names)
                                      if n not in ("Price", "Staff")]]  # fmt: skip
    edited = [(("Product quality" if names[i] == "Product" else names[i]),
               2.0 if names[i] == "Price" else items[names[i]]) for i in order]  # fmt: skip
    draft = surveys.TemplateDraft(
        "After-sales, 2026", 10, (*edited, ("Delivery", 1.0)),
        row.id, (*[row.item_ids[i] for i in order], None),
    )  # fmt: skip
    with db.transaction() as session:
        assert surveys.save_template(session, draft) == row.id
    with db.reading() as session:
        (after,) = surveys.templates(session)
        report = surveys.report(session)
    assert after.name == "After-sales, 2026" and after.scale == 10
    assert after.items == (("Price", 2.0), ("Product quality", 1.0), ("Service", 1.0),
                           ("Response time", 1.0), ("Communication", 1.0), ("Delivery", 1.0))
    assert after.item_ids[:5] == tuple(row.item_ids[i] for i in order)  # the same rows
    assert report is not None
    assert [i.item for i in report.items] == ["Product quality", "Service", "Price"]
    assert report.c == pytest.approx(0.9625)  # the answers' meaning is unchanged


def test_removing_an_answered_item_is_refused_and_nothing_changes(db):
    row = _template_on_record(db)
    without_service = tuple((n, w) for n, w in row.items if n != "Service")
    ids = tuple(i for (n, _), i in zip(row.items, row.item_ids, strict=True) if n != "Service")
    draft = surveys.TemplateDraft("Renamed", 5, without_service, row.id, ids)
    with pytest.raises(KnownError, match="Service cannot be removed: 1 recorded survey"), \
            db.transaction() as session:  # fmt: skip
        surveys.save_template(session, draft)
    with db.reading() as session:
        assert surveys.templates(session) == [row]
    twice = surveys.TemplateDraft("X", 5, (("Price", 1.0), ("price", 1.0)))
    with pytest.raises(KnownError, match="twice"), db.transaction() as session:
        surveys.save_template(session, twice)
