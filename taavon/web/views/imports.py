"""Importing a member list in the browser: upload, watch the dry run, read the report, commit.

The status fragment polls itself with htmx every second while the file is being checked or
committed; when the work is done it stops polling and shows the report or the new members.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from taavon.accounts.models import User
from taavon.core.errors import ApplicationError, NotFoundError
from taavon.imports import services
from taavon.imports.models import ImportStatus, MemberImport
from taavon.imports.sample import sample_workbook
from taavon.imports.selectors import member_import_admitted, member_import_get, member_import_list
from taavon.registry.models import Cooperative
from taavon.registry.selectors.management import cooperative_for_manager
from taavon.web.htmx import HtmxHttpRequest

REPORT_PAGE = 50
RECENT_SHOWN = 10
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("فایل فهرست اعضا (xlsx یا csv)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv", "class": "form-control"}),
    )


def managed_cooperative(request: HttpRequest, coop_id: int) -> Cooperative:
    """The cooperative if the user may manage it; 404 alike for missing and forbidden."""
    try:
        return cooperative_for_manager(request.user, coop_id)
    except NotFoundError:
        raise Http404 from None


def _import_of(request: HttpRequest, cooperative: Cooperative, import_id: int) -> MemberImport:
    try:
        return member_import_get(request.user, import_id, cooperative_id=cooperative.pk)
    except NotFoundError:
        raise Http404 from None


@login_required
def import_new(request: HttpRequest, coop_id: int) -> HttpResponse:
    cooperative = managed_cooperative(request, coop_id)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        user: User = request.user  # type: ignore[assignment]
        try:
            member_import = services.member_import_create(
                actor=user, cooperative=cooperative, upload=form.cleaned_data["file"]
            )
        except ApplicationError as exc:
            form.add_error("file", exc.message)
        else:
            services.schedule_check(member_import)
            return redirect("web:import-detail", coop_id=cooperative.pk, import_id=member_import.pk)
    recent = member_import_list(request.user, cooperative)[:RECENT_SHOWN]
    return render(
        request,
        "registry/imports/new.html",
        {"coop": cooperative, "form": form, "recent": recent},
        status=400 if form.errors else 200,
    )


@login_required
def import_detail(request: HtmxHttpRequest, coop_id: int, import_id: int) -> HttpResponse:
    cooperative = managed_cooperative(request, coop_id)
    member_import = _import_of(request, cooperative, import_id)
    page = Paginator(member_import.report, REPORT_PAGE).get_page(request.GET.get("page"))
    context = {
        "coop": cooperative,
        "imp": member_import,
        "running": member_import.is_running,
        "percent": member_import.percent,
        "page": page,
        "members": member_import_admitted(request.user, member_import),
        "ready": member_import.status == ImportStatus.CHECKED,
    }
    template = "registry/imports/detail.html"
    if request.htmx:
        template += "#status"
    return render(request, template, context)


@login_required
@require_POST
def import_commit(request: HttpRequest, coop_id: int, import_id: int) -> HttpResponse:
    cooperative = managed_cooperative(request, coop_id)
    member_import = _import_of(request, cooperative, import_id)
    user: User = request.user  # type: ignore[assignment]
    try:
        member_import = services.member_import_request_commit(
            actor=user, import_id=member_import.pk
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        services.schedule_commit(member_import, user)
    return redirect("web:import-detail", coop_id=cooperative.pk, import_id=member_import.pk)


@login_required
def import_template(request: HttpRequest, coop_id: int) -> HttpResponse:
    managed_cooperative(request, coop_id)
    response = HttpResponse(sample_workbook(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="taavon-members-template.xlsx"'
    return response
