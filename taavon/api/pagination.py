"""Page-number pagination with the page metadata clients need."""

import math
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import PaginationBase


class Pagination(PaginationBase):
    class Input(Schema):
        page: int = Field(1, ge=1, le=100_000)
        page_size: int = Field(
            settings.NINJA_PAGINATION_PER_PAGE, ge=1, le=settings.NINJA_PAGINATION_MAX_PER_PAGE_SIZE
        )

    class Output(Schema):
        items: list[Any]
        count: int
        page: int
        page_size: int
        pages: int

    def paginate_queryset(
        self, queryset: QuerySet[Any], pagination: Input, request: HttpRequest, **params: Any
    ) -> dict[str, Any]:
        count = self._items_count(queryset)
        start = (pagination.page - 1) * pagination.page_size
        return {
            "items": list(queryset[start : start + pagination.page_size]),
            "count": count,
            "page": pagination.page,
            "page_size": pagination.page_size,
            "pages": max(1, math.ceil(count / pagination.page_size)),
        }
