"""The public registry API: registered cooperatives (business data only, never a person),
sectors and the rule profiles; national officers publish new rule-profile versions."""

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from django.utils import translation
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from taavon.capital.selectors.public import public_record
from taavon.core.errors import ApplicationError
from taavon.core.permissions import require
from taavon.persian.text import normalize
from taavon.registry.models import Sector
from taavon.registry.policies import PUBLIC_STATUSES
from taavon.registry.selectors.public import PublicRow, public_filters, public_rows, public_search
from taavon.registry.selectors.rules import (
    current_rule_profiles,
    rule_profile_get,
)
from taavon.registry.services.rules import rule_profile_publish

from .auth import REQUIRED
from .errors import ErrorOut
from .pagination import Pagination

router = Router(tags=["registry"], auth=None)


# --- cooperatives ----------------------------------------------------------------------------


class CountyRef(Schema):
    id: int
    slug: str
    name_fa: str
    name_en: str


class ProvinceRef(Schema):
    code: str
    name_fa: str
    name_en: str


class CooperativeRowOut(Schema):
    id: int
    name: str
    kind: str
    kind_label: str
    sector: str
    sector_label: str
    status: str
    status_label: str
    registration_number: str
    registration_date: date | None
    legal_national_id: str | None
    county: CountyRef
    province: ProvinceRef
    member_count: int = Field(description="Current members (a count; members are never listed)")

    @staticmethod
    def resolve_county(obj: PublicRow) -> dict[str, Any]:
        return {
            "id": obj.county_id,
            "slug": obj.county_slug,
            "name_fa": obj.county_name_fa,
            "name_en": obj.county_name_en,
        }

    @staticmethod
    def resolve_province(obj: PublicRow) -> dict[str, Any]:
        return {
            "code": obj.province_code,
            "name_fa": obj.province_name_fa,
            "name_en": obj.province_name_en,
        }


class StatusEventOut(Schema):
    status: str
    status_label: str
    at: datetime


class CapitalOut(Schema):
    subscribed: int = Field(description="Total subscribed capital, rials")
    paid: int = Field(description="Total paid-in capital, rials")


class CooperativeOut(CooperativeRowOut):
    membership_kind: str
    membership_kind_label: str
    special_group: str
    address: str
    postcode: str
    phone: str
    activity: str
    capital: CapitalOut
    status_history: list[StatusEventOut]

    @staticmethod
    def resolve_capital(obj: Any) -> dict[str, int]:
        return {"subscribed": obj.capital_subscribed, "paid": obj.capital_paid}


class CooperativeQuery(Schema):
    q: str | None = Field(
        None,
        description="Name; spacing, ZWNJ, Arabic ي/ك and digit scripts "
        "do not matter; similar names (typos) also match",
    )
    province: str | None = Field(None, description="Province id or ISO code, e.g. IR-15")
    county: str | None = Field(None, description="County id or slug, e.g. dorud")
    sector: str | None = Field(
        None,
        description="Sector code (see /registry/sectors); blank: any",
        json_schema_extra={"enum": ["", *Sector.values]},
    )
    status: str | None = Field(
        None,
        description="Status of a registered cooperative; blank: any",
        json_schema_extra={"enum": ["", *[str(s) for s in PUBLIC_STATUSES]]},
    )
    legal_national_id: str | None = Field(None, description="11 digits, any script; exact")
    registration_number: str | None = Field(None, description="Exact; any digit script")


class RowPagination(Pagination):
    """Pages of search rows with their member counts (one aggregate query per page)."""

    def paginate_queryset(
        self, queryset: Any, pagination: Any, request: HttpRequest, **params: Any
    ) -> dict[str, Any]:
        page = super().paginate_queryset(queryset, pagination, request, **params)
        page["items"] = public_rows(page["items"])
        return page


@router.get(
    "/cooperatives",
    response={200: list[CooperativeRowOut], 422: ErrorOut},
    summary="Search registered cooperatives",
)
@paginate(RowPagination)
def list_cooperatives(request: HttpRequest, filters: Query[CooperativeQuery]) -> Any:
    """Registered cooperatives only (never those being founded), best match first."""
    return public_search(public_filters(filters.dict()))


@router.get(
    "/cooperatives/{cooperative_id}",
    response={200: CooperativeOut, 404: ErrorOut, 422: ErrorOut},
    summary="A registered cooperative's public record",
)
def get_cooperative(request: HttpRequest, cooperative_id: int) -> Any:
    return public_record(cooperative_id)


# --- reference data --------------------------------------------------------------------------


class SectorOut(Schema):
    code: str
    label_fa: str
    label_en: str


def _english(label: Any, code: str) -> str:
    with translation.override("en"):
        text = str(label)
    with translation.override("fa"):
        untranslated = text == str(label)
    return code.replace("_", " ").capitalize() if untranslated else text


@router.get("/sectors", response=list[SectorOut], summary="Sectors of activity")
def list_sectors(request: HttpRequest) -> Any:
    with translation.override("fa"):
        persian = {sector.value: str(sector.label) for sector in Sector}
    return [
        {"code": s.value, "label_fa": persian[s.value], "label_en": _english(s.label, s.value)}
        for s in Sector
    ]


# --- rule profiles ---------------------------------------------------------------------------


class RuleProfileOut(Schema):
    id: int
    name: str
    kind: str = Field(description="Blank: every kind")
    sector: str = Field(description="Blank: every sector")
    version: int
    effective_from: date
    source_note: str
    min_founders: int
    min_members: int
    max_members: int | None
    max_member_share_num: int
    max_member_share_den: int
    min_paid_num: int
    min_paid_den: int
    board_min: int
    board_max: int
    alternates_num: int
    alternates_den: int
    board_term_years: int
    inspector_term_years: int
    statute_majority_num: int
    statute_majority_den: int


@router.get("/rule-profiles", response=list[RuleProfileOut], summary="Rule profiles in force")
def list_rule_profiles(request: HttpRequest) -> Any:
    """The version in force today of each kind/sector profile (blank kind/sector: any)."""
    return current_rule_profiles()


@router.get(
    "/rule-profiles/{profile_id}",
    response={200: RuleProfileOut, 404: ErrorOut, 422: ErrorOut},
    summary="One rule-profile version",
)
def get_rule_profile(request: HttpRequest, profile_id: int) -> Any:
    return rule_profile_get(request.user, profile_id)


class RuleProfileVersionIn(Schema):
    """Values of the new version; omitted ones are copied from the base version.
    Fractions are two integers (numerator, denominator)."""

    effective_from: date
    source_note: str = Field(max_length=5000)
    name: str | None = Field(None, max_length=200)
    min_founders: int | None = Field(None, ge=0, le=1_000_000)
    min_members: int | None = Field(None, ge=1, le=1_000_000)
    max_members: int | None = Field(None, ge=1, le=1_000_000, description="null: no maximum")
    max_member_share_num: int | None = Field(None, ge=0, le=10_000)
    max_member_share_den: int | None = Field(None, ge=0, le=10_000)
    min_paid_num: int | None = Field(None, ge=0, le=10_000)
    min_paid_den: int | None = Field(None, ge=0, le=10_000)
    board_min: int | None = Field(None, ge=0, le=1_000)
    board_max: int | None = Field(None, ge=0, le=1_000)
    alternates_num: int | None = Field(None, ge=0, le=1_000)
    alternates_den: int | None = Field(None, ge=0, le=1_000)
    board_term_years: int | None = Field(None, ge=1, le=100)
    inspector_term_years: int | None = Field(None, ge=1, le=100)
    statute_majority_num: int | None = Field(None, ge=0, le=1_000)
    statute_majority_den: int | None = Field(None, ge=0, le=1_000)


NOT_NULL = set(RuleProfileVersionIn.model_fields) - {"max_members"}


@router.post(
    "/rule-profiles/{profile_id}/versions",
    auth=REQUIRED,
    response={201: RuleProfileOut, 400: ErrorOut, 401: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Publish a new version of a rule profile (national officers)",
)
def publish_rule_profile(
    request: HttpRequest, profile_id: int, payload: RuleProfileVersionIn
) -> Any:
    user = request.auth  # type: ignore[attr-defined]
    base = rule_profile_get(user, profile_id)
    require(user, "publish", base)
    changes = {
        name: value
        for name, value in payload.dict(exclude_unset=True).items()
        if value is not None or name not in NOT_NULL
    }
    changes["source_note"] = normalize(payload.source_note, multiline=True)
    if not changes["source_note"]:
        raise ApplicationError(
            translation.gettext("منبع لازم است."),
            fields={"source_note": [translation.gettext("منبع لازم است.")]},
        )
    if "name" in changes:
        changes["name"] = normalize(changes["name"])
    return 201, rule_profile_publish(actor=user, base=base, changes=changes)
