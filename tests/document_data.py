"""A deal worth a contract: our company, a Chinese buyer with tax id and address, a contact,
a product and three lines whose totals are worked by hand (VAT 13 %, 5 % discount on one)."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from crmdesk.interop.records import AddressRecord, EmailRecord, PhoneRecord
from crmdesk.models import Product
from crmdesk.models.enums import AddressKind
from crmdesk.services import pipeline, settings
from crmdesk.services.accounts import AccountDraft, save_account
from crmdesk.services.company import CompanyProfile
from crmdesk.services.contacts import ContactDraft, save_contact
from crmdesk.services.pipeline import LineDraft, OpportunityDraft
from crmdesk.store.db import Database

SELLER = CompanyProfile(
    name="上海云帆科技有限公司", address="上海市浦东新区世纪大道100号", postal_code="200120",
    phone="021-5888 0000", email="sales@yunfan.cn", tax_id="91310115MA1K3YF001",
    bank="招商银行上海分行", bank_account="1219 0000 0000 001",
)  # fmt: skip
# Hand-worked: 2 × 12,000 less 5 % = 22,800.00, tax 2,964.00; 3 × 1,999.90 = 5,999.70, tax
# 779.96 (779.961 half up); 1 × 0.05 = 0.05, tax 0.01 (0.0065 half up). Net 28,799.75, tax
# 3,743.97, gross 32,543.72.
GROSS = Decimal("32543.72")
GROSS_ZH = "叁万贰仟伍佰肆拾叁元柒角贰分"
GROSS_EN = "Thirty-two thousand five hundred forty-three yuan and seventy-two fen only"


def build_deal(db: Database, name: str = "数据中心扩容") -> uuid.UUID:
    with db.transaction() as session:
        settings.save(session, SELLER)
        pipeline.ensure_default_stages(session)
        stage = next(s.id for s in pipeline.stages(session) if s.name == "Proposal")
        account_id, _ = save_account(
            session,
            AccountDraft(
                name="广州天河贸易有限公司", tax_id="91440101MA5TH0042", owner="李娜",
                addresses=[AddressRecord(street="体育西路103号", city="广州市", region="广东省",
                                         postal_code="510620", kind=AddressKind.WORK)],
            ),
        )  # fmt: skip
        contact_id, _ = save_contact(
            session,
            ContactDraft(family_name="王", given_name="伟", account_id=account_id,
                         phones=[PhoneRecord("138 0013 8000")],
                         emails=[EmailRecord("wang.wei@tianhe.cn")]),
        )  # fmt: skip
        product = Product(
            code=f"SRV-{uuid.uuid4().hex[:6]}", name="机架式服务器", unit="台", price=Decimal(12000)
        )
        session.add(product)
        session.flush()
        opp_id, _ = pipeline.save_opportunity(
            session,
            OpportunityDraft(
                name=name, stage_id=stage, account_id=account_id, contact_id=contact_id,
                owner="李娜", expected_close=dt.date(2026, 12, 31), amount_from_lines=True,
                lines=[
                    LineDraft("2U 机架式，双路", Decimal(2), Decimal(12000), Decimal(5),
                              Decimal(13), "台", product.id),
                    LineDraft("安装调试服务", Decimal(3), Decimal("1999.90"), Decimal(0),
                              Decimal(13), "次"),
                    LineDraft("Cable & <tie>", Decimal(1), Decimal("0.05"), Decimal(0),
                              Decimal(13), "pcs"),
                ],
            ),
        )  # fmt: skip
    return opp_id
