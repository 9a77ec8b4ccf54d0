"""Request and response schemas of the cooperative management API."""

from datetime import date, datetime
from typing import Annotated, Any, Literal

from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import BeforeValidator

from taavon.capital.services import MAX_AMOUNT

from ..types import NO_NUL

PositiveInt = Annotated[int, Field(strict=True, gt=0, le=MAX_AMOUNT)]


def _iso_text(value: Any) -> Any:
    # pydantic would read a number as seconds since 1970; a ledger date must be written out.
    if not isinstance(value, str | date):
        raise ValueError(_("تاریخ نامعتبر است (قالب YYYY-MM-DD)."))
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_text)]
Id = Annotated[int, Field(strict=True, gt=0)]


class ManagedCooperativeOut(Schema):
    id: int
    name: str
    kind: str
    sector: str
    status: str
    county_id: int
    county: str
    registration_number: str
    legal_national_id: str | None
    member_count: int

    @staticmethod
    def resolve_county(obj: Any) -> str:
        return str(obj.county.name_fa)


class ManagedCooperativeFilter(Schema):
    q: str = Field("", max_length=100, pattern=NO_NUL)
    county: int | None = None
    status: str = Field("", max_length=16, pattern=NO_NUL)
    sector: str = Field("", max_length=20, pattern=NO_NUL)


class FractionOut(Schema):
    numerator: int
    denominator: int
    percent: float


class CapitalTotalsOut(Schema):
    shares: int
    subscribed: int
    paid: int
    outstanding: int


class CooperativeStatusChangeOut(Schema):
    from_status: str
    to_status: str
    reason: str = Field(..., alias="note")
    changed_at: datetime = Field(..., alias="at")


class ManagedCooperativeDetailOut(ManagedCooperativeOut):
    registration_date: date | None
    exited_count: int
    totals: CapitalTotalsOut
    paid_share: FractionOut
    min_paid_share: FractionOut
    paid_share_ok: bool
    max_member_share: FractionOut
    max_members: int | None
    rule_profile_name: str | None
    status_history: list[CooperativeStatusChangeOut]


class MembershipOut(Schema):
    id: int
    register_number: int
    national_id: str = Field(..., alias="person.national_id")
    first_name: str = Field(..., alias="person.first_name")
    last_name: str = Field(..., alias="person.last_name")
    father_name: str = Field(..., alias="person.father_name")
    birth_date: date | None = Field(..., alias="person.birth_date")
    gender: str = Field(..., alias="person.gender")
    mobile: str = Field(..., alias="person.mobile")
    joined_on: date
    status: str
    exit_date: date | None
    exit_reason: str
    is_founder: bool


class MembershipRowOut(MembershipOut):
    shares: int
    subscribed: int
    paid: int


class ShareBalanceOut(Schema):
    share_class_id: int
    share_class_code: str
    shares: int
    subscribed: int
    paid: int
    outstanding: int


class MembershipDetailOut(MembershipOut):
    balances: list[ShareBalanceOut]
    totals: CapitalTotalsOut


class MembershipFilter(Schema):
    q: str = Field("", max_length=100, pattern=NO_NUL)
    status: Literal["member", "exited", "all"] = "member"


class AdmitIn(Schema):
    national_id: str = Field(..., max_length=20, pattern=NO_NUL)
    first_name: str = Field(..., min_length=1, max_length=100, pattern=NO_NUL)
    last_name: str = Field(..., min_length=1, max_length=100, pattern=NO_NUL)
    father_name: str = Field("", max_length=100, pattern=NO_NUL)
    birth_date: IsoDate | None = None
    gender: Literal["", "female", "male"] = ""
    mobile: str = Field("", max_length=20, pattern=NO_NUL)
    joined_on: IsoDate


class ExitIn(Schema):
    status: Literal["resigned", "expelled", "deceased"]
    exit_date: IsoDate
    reason: str = Field("", max_length=1000, pattern=NO_NUL)


class LedgerEntryOut(Schema):
    id: int
    seq: int
    kind: str
    membership_id: int
    register_number: int = Field(..., alias="membership.register_number")
    share_class_id: int
    shares_delta: int
    subscribed_delta: int
    paid_delta: int
    reverses_seq: int | None
    counterpart_id: int | None
    board_approval: str
    reference: str
    note: str
    effective_on: date
    recorded_at: datetime
    prev_hash: str
    hash: str

    @staticmethod
    def resolve_reverses_seq(obj: Any) -> int | None:
        return obj.reverses.seq if obj.reverses_id else None


class LedgerPageOut(Schema):
    items: list[LedgerEntryOut]
    next_after_seq: int | None = Field(None, description="Pass as after_seq for the next page.")


class LedgerFilter(Schema):
    after_seq: int = Field(0, ge=0)
    limit: int = Field(100, ge=1, le=500)
    kind: str = Field("", max_length=14, pattern=NO_NUL)
    membership_id: int | None = None


class SubscriptionItemIn(Schema):
    membership_id: Id
    share_class_id: Id
    shares: PositiveInt


class SubscriptionIn(Schema):
    items: list[SubscriptionItemIn] = Field(..., min_length=1, max_length=1000)
    effective_on: IsoDate
    reference: str = Field("", max_length=100, pattern=NO_NUL)
    note: str = Field("", max_length=300, pattern=NO_NUL)


class PaymentIn(Schema):
    membership_id: Id
    share_class_id: Id
    amount: PositiveInt
    effective_on: IsoDate
    reference: str = Field("", max_length=100, pattern=NO_NUL)


class TransferIn(Schema):
    source_id: Id
    target_id: Id
    share_class_id: Id
    shares: PositiveInt
    board_approval: str = Field(
        ...,
        min_length=1,
        max_length=100,
        pattern=NO_NUL,
        description="Number and date of the board's resolution",
    )
    effective_on: IsoDate


class ReversalIn(Schema):
    reason: str = Field(..., min_length=1, max_length=300, pattern=NO_NUL)


class ShareClassIn(Schema):
    code: str = Field(..., min_length=1, max_length=20, pattern=NO_NUL)
    name: str = Field(..., min_length=1, max_length=100, pattern=NO_NUL)
    nominal_value: PositiveInt


class ShareClassOut(Schema):
    id: int
    code: str
    name: str
    nominal_value: int


class ChainOut(Schema):
    ok: bool
    checked: int
    first_bad_seq: int | None
    problem: str


class CooperativeStatusIn(Schema):
    to_status: Literal["active", "inactive", "liquidation", "dissolved"]
    reason: str = Field(..., min_length=1, max_length=1000, pattern=NO_NUL)
