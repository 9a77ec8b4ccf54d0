"""Geography endpoints: provinces and counties (public reference data)."""

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from taavon.geo import selectors

from .errors import ErrorOut
from .pagination import Pagination
from .types import ProvinceCode

router = Router(tags=["geo"], auth=None)


class ProvinceOut(Schema):
    code: str
    name_fa: str
    name_en: str
    population_1395: int | None
    county_count: int


class CountyOut(Schema):
    id: int
    slug: str
    name_fa: str
    name_en: str
    population_1395: int | None
    province_code: str

    @staticmethod
    def resolve_province_code(obj: Any) -> str:
        return str(obj.province.code)


class CountyFilter(Schema):
    province: ProvinceCode | None = None


@router.get(
    "/provinces", response={200: list[ProvinceOut], 422: ErrorOut}, summary="List provinces"
)
@paginate(Pagination)
def list_provinces(request: HttpRequest) -> Any:
    return selectors.province_list()


@router.get("/counties", response={200: list[CountyOut], 422: ErrorOut}, summary="List counties")
@paginate(Pagination)
def list_counties(request: HttpRequest, filters: Query[CountyFilter]) -> Any:
    code = filters.province.upper() if filters.province else None
    return selectors.county_list(province_code=code)
