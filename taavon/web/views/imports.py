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
from taavon.registry.models import Cooperative, Membership
from taavon.registry.selectors.management import cooperative_for_manager

REPORT_PAGE = 50
RUNNING = {ImportStatus.UPLOADED, ImportStatus.CHECKING, ImportStatus.COMMITTING}
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


def _import_of(cooperative: Cooperative, import_id: int) -> MemberImport:
    found = MemberImport.objects.filter(pk=import_id, cooperative=cooperative).first()
    if found is None:
        raise Http404
    return found


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
    recent = MemberImport.objects.filter(cooperative=cooperative).select_related("uploaded_by")[:10]
    return render(
        request,
        "registry/imports/new.html",
        {"coop": cooperative, "form": form, "recent": recent},
        status=400 if form.errors else 200,
    )


def _created_members(member_import: MemberImport) -> list[Membership]:
    """The members this import admitted: the newest ones when it finished (the cooperative
    was locked while it ran, so nobody else was admitted in between)."""
    if member_import.status != ImportStatus.COMMITTED or not member_import.finished_at:
        return []
    return list(
        Membership.objects.filter(
            cooperative_id=member_import.cooperative_id, created_at__lte=member_import.finished_at
        )
        .select_related("person")
        .order_by("-register_number")[: min(member_import.created_members, 50)]
    )[::-1]


@login_required
def import_detail(request: HttpRequest, coop_id: int, import_id: int) -> HttpResponse:
    cooperative = managed_cooperative(request, coop_id)
    member_import = _import_of(cooperative, import_id)
    page = Paginator(member_import.report, REPORT_PAGE).get_page(request.GET.get("page"))
    total = member_import.total_rows
    context = {
        "coop": cooperative,
        "imp": member_import,
        "running": member_import.status in RUNNING,
        "percent": min(100, member_import.processed_rows * 100 // total) if total else 0,
        "page": page,
        "members": _created_members(member_import),
        "ready": member_import.status == ImportStatus.CHECKED,
    }
    template = "registry/imports/detail.html"
    if request.headers.get("HX-Request"):
        template += "#status"
    return render(request, template, context)


@login_required
@require_POST
def import_commit(request: HttpRequest, coop_id: int, import_id: int) -> HttpResponse:
    cooperative = managed_cooperative(request, coop_id)
    member_import = _import_of(cooperative, import_id)
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
