"""The list of cooperatives a user manages, a cooperative's dashboard, its share classes,
the ledger chain check and (officers only) status changes."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from taavon.capital.chain import verify_chain
from taavon.capital.selectors.management import cooperative_dashboard, share_class_list
from taavon.capital.services import share_class_create
from taavon.core.errors import ApplicationError
from taavon.persian import numbers
from taavon.registry.selectors.management import (
    cooperative_for_officer,
    managed_cooperative_list,
    managed_county_choices,
    status_history,
)
from taavon.registry.services.status import cooperative_status_change
from taavon.web.htmx import HtmxHttpRequest

from .common import (
    actor_of,
    apply_error,
    coop_context,
    coop_url,
    done,
    managed,
    not_found_as_404,
    page_of,
    render_form,
)
from .forms import CooperativeFilterForm, ShareClassForm, StatusForm

PENDING_SHOWN = 8
RECENT_ENTRIES = 10


@login_required
def cooperative_list(request: HtmxHttpRequest) -> HttpResponse:
    form = CooperativeFilterForm(request.GET or None, counties=managed_county_choices(request.user))
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    qs = managed_cooperative_list(
        user=request.user,
        q=filters.get("q") or "",
        county_id=filters.get("county"),
        status=filters.get("status") or "",
        sector=filters.get("sector") or "",
    )
    page, query = page_of(request, qs)
    context = {"form": form, "page": page, "query": query}
    template = "registry/coop/list.html"
    return render(request, f"{template}#rows" if request.htmx else template, context)


@login_required
@not_found_as_404
def dashboard(request: HtmxHttpRequest, coop_id: int) -> HttpResponse:
    coop = managed(request, coop_id)
    figures = cooperative_dashboard(
        request.user, coop, debtors_shown=PENDING_SHOWN, entries_shown=RECENT_ENTRIES
    )
    overview = figures.overview
    context = coop_context(request, coop, "dashboard") | {
        "overview": overview,
        "paid_bar": min(100, round(overview.paid_share * 100)),
        "paid_percent": numbers.percent(overview.paid_share),
        "min_paid_percent": numbers.percent(overview.min_paid_share),
        "outstanding": figures.outstanding,
        "outstanding_count": figures.outstanding_count,
        "without_capital_count": figures.without_capital_count,
        "share_class_count": figures.share_class_count,
        "entries": figures.entries,
        "history": list(status_history(coop)[:10]),
    }
    return render(request, "registry/coop/dashboard.html", context)


def _chain_problem(problem: str) -> str:
    if problem.startswith("sequence"):
        return _("ردیف‌ها پشت سر هم نیستند (سندی حذف یا جابه‌جا شده است).")
    if problem.startswith("link"):
        return _("پیوند این سند با سند پیشین به هم خورده است.")
    if problem:
        return _("محتوای این سند با اثر انگشت ثبت‌شده‌اش نمی‌خواند (پس از ثبت تغییر کرده است).")
    return ""


@login_required
@require_POST
@not_found_as_404
def chain_check(request: HtmxHttpRequest, coop_id: int) -> HttpResponse:
    """Verify the ledger's hash chain now and show the result (a fragment for htmx)."""
    coop = managed(request, coop_id)
    report = verify_chain(coop.pk)
    context = coop_context(request, coop, "dashboard") | {
        "report": report,
        "problem": _chain_problem(report.problem),
    }
    return render(
        request,
        "registry/coop/chain.html#result" if request.htmx else "registry/coop/chain.html",
        context,
    )


@login_required
@require_http_methods(["GET", "POST"])
@not_found_as_404
def share_classes(request: HtmxHttpRequest, coop_id: int) -> HttpResponse:
    coop = managed(request, coop_id)
    form = ShareClassForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = share_class_create(
                actor=actor_of(request),
                cooperative_id=coop.pk,
                **form.cleaned_data,
            )
        except ApplicationError as exc:
            apply_error(form, exc)
        else:
            messages.success(request, _("نوع سهم «%(name)s» ثبت شد.") % {"name": created.name})
            return done(request, coop_url("coop-share-classes", coop))
    context = coop_context(request, coop, "share-classes") | {
        "form": form,
        "classes": share_class_list(request.user, coop),
    }
    return render_form(
        request, "registry/coop/share_classes.html", context, invalid=request.method == "POST"
    )


@login_required
@require_http_methods(["GET", "POST"])
@not_found_as_404
def status_change(request: HtmxHttpRequest, coop_id: int) -> HttpResponse:
    """Officers only: active ↔ inactive, → liquidation → dissolved, with a reason."""
    coop = cooperative_for_officer(request.user, coop_id)
    form = StatusForm(request.POST or None, cooperative=coop)
    if request.method == "POST" and form.is_valid():
        try:
            cooperative_status_change(
                actor=actor_of(request),
                cooperative_id=coop.pk,
                **form.cleaned_data,
            )
        except ApplicationError as exc:
            apply_error(form, exc)
        else:
            messages.success(request, _("وضعیت تعاونی تغییر کرد."))
            return done(request, coop_url("coop-dashboard", coop))
    context = coop_context(request, coop, "status") | {
        "form": form,
        "history": status_history(coop),
    }
    return render_form(
        request, "registry/coop/status.html", context, invalid=request.method == "POST"
    )
