"""The public registry (no login): search registered cooperatives, open one, export results.

No person is shown here: cooperatives with member counts and capital totals only.
"""

from __future__ import annotations

import csv
import datetime
import functools
import io
from collections.abc import Callable, Iterator
from typing import Any

from django import forms
from django.core.paginator import Paginator
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from taavon.capital.selectors.public import public_record
from taavon.core.errors import NotFoundError
from taavon.geo.selectors import county_list, province_list
from taavon.persian.jalali import format_jalali, today_jalali
from taavon.registry.models import ActivityKind, CooperativeStatus, Sector
from taavon.registry.policies import PUBLIC_STATUSES
from taavon.registry.selectors.public import (
    EXPORT_LIMIT,
    FILTER_PARAMS,
    InvalidFilter,
    PublicFilters,
    PublicRow,
    public_filters,
    public_rows,
    public_rows_iter,
    public_search,
)
from taavon.web.htmx import HtmxHttpRequest

PAGE_SIZE = 25
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class _FilterSelect(forms.ChoiceField):
    """A select whose value `public_filters` validates (the same rules as the API)."""

    def validate(self, value: Any) -> None:
        return None


def _county_choices() -> list[tuple[str, Any]]:
    groups: dict[str, list[tuple[str, str]]] = {}
    for county in county_list():
        groups.setdefault(county.province.name, []).append((str(county.pk), county.name))
    return [("", _("همهٔ شهرستان‌ها")), *groups.items()]


def _province_choices() -> list[tuple[str, str]]:
    return [("", _("همهٔ استان‌ها"))] + [(p.code, p.name) for p in province_list()]


class PublicSearchForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("نام تعاونی"), required=False, max_length=200)
    province = _FilterSelect(label=gettext_lazy("استان"), required=False)
    county = _FilterSelect(label=gettext_lazy("شهرستان"), required=False)
    sector = _FilterSelect(
        label=gettext_lazy("بخش"),
        required=False,
        choices=[("", gettext_lazy("همهٔ بخش‌ها")), *Sector.choices],
    )
    status = _FilterSelect(
        label=gettext_lazy("وضعیت"),
        required=False,
        choices=[("", gettext_lazy("همهٔ وضعیت‌ها")), *[(s.value, s.label) for s in PUBLIC_STATUSES]],
    )
    legal_national_id = forms.CharField(
        label=gettext_lazy("شناسه ملی"), required=False, max_length=30
    )
    registration_number = forms.CharField(
        label=gettext_lazy("شماره ثبت"), required=False, max_length=30
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters = PublicFilters()
        self.fields["q"].widget.attrs.update(
            {
                "type": "search",
                "autocomplete": "off",
                "autofocus": True,
                "placeholder": _("مثلاً: تعاونی فرش دستباف دورود"),
            }
        )
        for name in ("legal_national_id", "registration_number"):
            self.fields[name].widget.attrs.update(
                {"dir": "ltr", "inputmode": "numeric", "autocomplete": "off"}
            )

    def load_places(self) -> PublicSearchForm:
        """Province and county options, read only when the whole form is shown (two queries)."""
        self.fields["province"].choices = _province_choices()  # type: ignore[attr-defined]
        self.fields["county"].choices = _county_choices()  # type: ignore[attr-defined]
        return self

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        try:
            self.filters = public_filters(cleaned)
        except InvalidFilter as exc:
            for name, messages in exc.fields.items():
                self.add_error(name if name in self.fields else None, messages or exc.message)
        return cleaned


def _search_form(request: HttpRequest) -> PublicSearchForm:
    data = {k: v for k, v in request.GET.items() if k in FILTER_PARAMS}
    form = PublicSearchForm(data)
    form.is_valid()
    return form


def _query(request: HttpRequest, *drop: str) -> str:
    query = request.GET.copy()
    for name in drop:
        query.pop(name, None)
    return query.urlencode()


@require_GET
def public_search_view(request: HtmxHttpRequest) -> HttpResponse:
    form = _search_form(request)
    page = None
    rows: list[PublicRow] = []
    if not form.errors:
        page = Paginator(public_search(form.filters), PAGE_SIZE).get_page(request.GET.get("page"))
        rows = public_rows(page.object_list)
    context = {
        "form": form,
        "page": page,
        "rows": rows,
        "query": _query(request, "page"),
        "export_query": _query(request, "page", "format"),
        "export_limit": EXPORT_LIMIT,
    }
    if request.htmx and not request.htmx.boosted:
        return render(request, "registry/public/search.html#results", context)
    form.load_places()
    return render(request, "registry/public/search.html", context)


@require_GET
def public_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        cooperative = public_record(pk)
    except NotFoundError:
        raise Http404 from None
    return render(request, "registry/public/detail.html", {"coop": cooperative})


# --- export ----------------------------------------------------------------------------------


def _columns() -> list[str]:
    return [
        _("شناسه"),
        _("نام"),
        _("استان"),
        _("شهرستان"),
        _("بخش"),
        _("نوع فعالیت"),
        _("وضعیت"),
        _("شماره ثبت"),
        _("تاریخ ثبت"),
        _("شناسه ملی"),
        _("تعداد اعضا"),
    ]


def _safe(text: str) -> str:
    """Spreadsheets run cells that start with these as formulas; quote them."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _cell_maker() -> Callable[[PublicRow], list[Any]]:
    """Turns rows into spreadsheet cells; labels and Jalali dates are worked out once per
    export, not per row (they were most of the time of a 100k-row export)."""
    labels: dict[str, str] = {
        choice.value: str(choice.label)
        for choices in (ActivityKind, Sector, CooperativeStatus)
        for choice in choices
    }

    @functools.cache
    def jalali(day: datetime.date) -> str:
        # Data files keep Latin digits so IDs and dates stay machine-readable.
        return format_jalali(day, persian_digits=False)

    def cells(row: PublicRow) -> list[Any]:
        return [
            row.id,
            _safe(row.name),
            row.province_name,
            row.county_name,
            labels.get(row.sector, row.sector),
            labels.get(row.kind, row.kind),
            labels.get(row.status, row.status),
            _safe(row.registration_number),
            jalali(row.registration_date) if row.registration_date else "",
            row.legal_national_id or "",
            row.member_count,
        ]

    return cells


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_lines(filters: PublicFilters, language: str | None) -> Iterator[str]:
    # Runs after the view has returned, while the server sends the body: keep the language.
    with translation.override(language):
        writer, cells = csv.writer(_Echo()), _cell_maker()
        yield "\ufeff"  # a BOM, so Excel reads the file as UTF-8 and shows Persian
        yield writer.writerow(_columns())
        for row in public_rows_iter(filters):
            yield writer.writerow(cells(row))


def _xlsx(filters: PublicFilters) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("تعاونی‌ها"))
    sheet.sheet_view.rightToLeft = True
    sheet.append(_columns())
    cells = _cell_maker()
    for row in public_rows_iter(filters):
        sheet.append(cells(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@require_GET
def public_export_view(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    """The current search results (at most EXPORT_LIMIT rows) as CSV (streamed) or xlsx."""
    fmt = request.GET.get("format", "csv")
    if fmt not in ("csv", "xlsx"):
        raise Http404
    form = _search_form(request)
    if form.errors:
        context: dict[str, Any] = {"form": form.load_places(), "page": None, "rows": []}
        return render(request, "registry/public/search.html", context, status=422)
    name = f"taavon-cooperatives-{today_jalali().strftime('%Y-%m-%d')}.{fmt}"
    response: HttpResponse | StreamingHttpResponse
    if fmt == "xlsx":
        response = HttpResponse(_xlsx(form.filters), content_type=XLSX_TYPE)
    else:
        response = StreamingHttpResponse(
            _csv_lines(form.filters, translation.get_language()),
            content_type="text/csv; charset=utf-8",
        )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
