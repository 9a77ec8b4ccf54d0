"""A cooperative's documents: registration certificate, share certificates, member and capital
registers (PDF, and the registers as xlsx). Only those who manage the cooperative may read them:
the member register shows national IDs."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from taavon.core.errors import ApplicationError
from taavon.persian.text import to_latin_digits
from taavon.registry.documents import pdf, xlsx
from taavon.registry.models import Cooperative, Membership, MembershipStatus

from .imports import XLSX, managed_cooperative

PDF = "application/pdf"


def _file(data: bytes, content_type: str, filename: str, *, inline: bool) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"  # personal data
    return response


@login_required
def document_index(request: HttpRequest, coop_id: int) -> HttpResponse:
    cooperative = managed_cooperative(request, coop_id)
    number = to_latin_digits(request.GET.get("register_number", "")).strip()
    if number:
        membership = Membership.objects.filter(
            cooperative=cooperative,
            register_number=int(number) if number.isdigit() else -1,
            status=MembershipStatus.MEMBER,
        ).first()
        if membership is not None:
            return redirect(
                "web:doc-share-certificate", coop_id=cooperative.pk, membership_id=membership.pk
            )
        messages.error(request, _("عضو فعالی با این شمارهٔ عضویت پیدا نشد."))
    return render(request, "registry/documents/index.html", {"coop": cooperative})


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
    return _file(
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
    membership = (
        Membership.objects.filter(pk=membership_id, cooperative=cooperative)
        .select_related("person", "cooperative")
        .first()
    )
    if membership is None:
        raise Http404
    try:
        data = pdf.share_certificate_pdf(membership)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("web:documents", coop_id=cooperative.pk)
    return _file(
        data,
        PDF,
        f"share-certificate-{cooperative.pk}-{membership.register_number}.pdf",
        inline=True,
    )
