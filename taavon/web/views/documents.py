"""A cooperative's documents: registration certificate, share certificates, member and capital
registers (PDF, and the registers as xlsx). Only those who manage the cooperative may read them:
the member register shows national IDs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from taavon.accounts.models import User
from taavon.core.errors import ApplicationError, NotFoundError
from taavon.core.http import private_file
from taavon.documents import pdf, xlsx
from taavon.documents import selectors as job_selectors
from taavon.documents import services as job_services
from taavon.documents.kinds import SPECS
from taavon.documents.models import DocumentKind, DocumentStatus
from taavon.persian.text import to_latin_digits
from taavon.registry.models import Cooperative
from taavon.registry.selectors.management import member_by_number, member_get, register_size

from .imports import XLSX, managed_cooperative

PDF = "application/pdf"


JOBS_SHOWN = 10


def _jobs_context(request: HttpRequest, cooperative: Cooperative) -> dict[str, Any]:
    jobs = list(job_selectors.document_jobs(request.user, cooperative)[:JOBS_SHOWN])
    return {"coop": cooperative, "jobs": jobs, "jobs_pending": any(j.is_pending for j in jobs)}


@login_required
def document_jobs(request: HttpRequest, coop_id: int) -> HttpResponse:
    """The jobs table alone: htmx polls it while a job is pending."""
    cooperative = managed_cooperative(request, coop_id)
    return render(
        request, "registry/documents/index.html#jobs", _jobs_context(request, cooperative)
    )


@login_required
@require_POST
def document_job_new(request: HttpRequest, coop_id: int) -> HttpResponse:
    cooperative = managed_cooperative(request, coop_id)
    user: User = request.user  # type: ignore[assignment]
    try:
        job = job_services.document_request(
            actor=user, cooperative=cooperative, kind=request.POST.get("kind", "")
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("ساخت «%(doc)s» در نوبت است؛ وقتی آماده شد در همین صفحه و در اعلان‌ها می‌بینید.")
            % {"doc": job.get_kind_display()},
        )
    return redirect("web:documents", coop_id=cooperative.pk)


@login_required
def document_job_file(request: HttpRequest, coop_id: int, job_id: int) -> FileResponse:
    try:
        job = job_selectors.document_job_get(request.user, coop_id, job_id)
    except NotFoundError:
        raise Http404 from None
    if job.status != DocumentStatus.READY or not job.file:
        raise Http404
    spec = SPECS[job.kind]
    try:
        handle = job.file.open("rb")
    except OSError:  # the file is gone from storage
        raise Http404 from None
    response = FileResponse(
        handle,
        content_type=spec.content_type,
        as_attachment=not spec.is_pdf,
        filename=spec.filename(job.cooperative_id),
    )
    response["Cache-Control"] = "private, no-store"  # personal data
    return response


@login_required
def document_index(request: HttpRequest, coop_id: int) -> HttpResponse:
    cooperative = managed_cooperative(request, coop_id)
    number = to_latin_digits(request.GET.get("register_number", "")).strip()
    if number:
        membership = (
            member_by_number(request.user, cooperative, int(number), current=True)
            if number.isdigit()
            else None
        )
        if membership is not None:
            return redirect(
                "web:doc-share-certificate", coop_id=cooperative.pk, membership_id=membership.pk
            )
        messages.error(request, _("عضو فعالی با این شمارهٔ عضویت پیدا نشد."))
    rows = register_size(request.user, cooperative)
    context = _jobs_context(request, cooperative) | {
        "rows": rows,
        "pdf_now": rows <= pdf.sync_register_rows(),
        "pdf_possible": rows <= pdf.max_register_rows(),
        "kinds": DocumentKind,
    }
    return render(request, "registry/documents/index.html", context)


def _document(
    request: HttpRequest,
    coop_id: int,
    build: Callable[[Cooperative], bytes],
    content_type: str,
    stem: str,
) -> HttpResponse:
    cooperative = managed_cooperative(request, coop_id)
    try:
        data = build(cooperative)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("web:documents", coop_id=cooperative.pk)
    extension = "pdf" if content_type == PDF else "xlsx"
    return private_file(
        data, content_type, f"{stem}-{cooperative.pk}.{extension}", inline=content_type == PDF
    )


@login_required
def registration_certificate(request: HttpRequest, coop_id: int) -> HttpResponse:
    return _document(
        request, coop_id, pdf.registration_certificate_pdf, PDF, "registration-certificate"
    )


@login_required
def member_register_pdf(request: HttpRequest, coop_id: int) -> HttpResponse:
    return _document(request, coop_id, pdf.member_register_pdf, PDF, "member-register")


@login_required
def member_register_xlsx(request: HttpRequest, coop_id: int) -> HttpResponse:
    return _document(request, coop_id, xlsx.member_register_xlsx, XLSX, "member-register")


@login_required
def capital_register_pdf(request: HttpRequest, coop_id: int) -> HttpResponse:
    return _document(request, coop_id, pdf.capital_register_pdf, PDF, "capital-register")


@login_required
def capital_register_xlsx(request: HttpRequest, coop_id: int) -> HttpResponse:
    return _document(request, coop_id, xlsx.capital_register_xlsx, XLSX, "capital-register")


@login_required
def share_certificate(request: HttpRequest, coop_id: int, membership_id: int) -> HttpResponse:
    cooperative = managed_cooperative(request, coop_id)
    try:
        membership = member_get(request.user, cooperative, membership_id)
    except NotFoundError:
        raise Http404 from None
    try:
        data = pdf.share_certificate_pdf(membership)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("web:documents", coop_id=cooperative.pk)
    return private_file(
        data,
        PDF,
        pdf.share_certificate_filename(membership),
        inline=True,
    )
