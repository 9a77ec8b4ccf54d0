"""Member-list imports and cooperative documents through the API.

Upload a file (the dry run starts at once), poll the import for progress and the Persian
report, then commit. Documents are PDF or xlsx downloads. Everything needs `manage` on the
cooperative; missing and out-of-scope both answer 404.
"""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import File, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import paginate

from taavon.core.http import private_file
from taavon.documents import pdf, xlsx
from taavon.imports import selectors, services
from taavon.imports.models import MemberImport
from taavon.imports.sample import sample_workbook
from taavon.registry.models import Cooperative
from taavon.registry.selectors.management import cooperative_for_manager, member_get

from . import document_jobs
from .auth import REQUIRED, signed_in_user
from .errors import ErrorOut
from .pagination import Pagination

router = Router(tags=["imports"], auth=REQUIRED)
documents = Router(tags=["documents"], auth=REQUIRED)
PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _binary(content_type: str) -> dict[str, Any]:
    return {
        "responses": {
            200: {
                "description": "File",
                "content": {content_type: {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    }


class ProblemOut(Schema):
    row: int | None
    column: str
    message: str


class ImportOut(Schema):
    id: int
    cooperative_id: int
    original_name: str
    status: str
    status_label: str
    total_rows: int
    processed_rows: int
    percent: int
    error_count: int
    report: list[ProblemOut]
    created_members: int
    created_at: datetime
    finished_at: datetime | None

    @staticmethod
    def resolve_status_label(obj: MemberImport) -> str:
        return str(obj.get_status_display())


class ImportSummaryOut(Schema):
    id: int
    original_name: str
    status: str
    total_rows: int
    error_count: int
    created_members: int
    created_at: datetime


@router.post(
    "/cooperatives/{int:coop_id}",
    response={202: ImportOut, 400: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Upload a member list (xlsx or csv) and start its dry run",
)
def import_upload(request: HttpRequest, coop_id: int, file: File[UploadedFile]) -> Any:
    cooperative = cooperative_for_manager(request.user, coop_id)
    member_import = services.member_import_create(
        actor=signed_in_user(request), cooperative=cooperative, upload=file
    )
    services.schedule_check(member_import)
    return Status(202, selectors.member_import_get(request.user, member_import.pk))


@router.get(
    "/cooperatives/{int:coop_id}",
    response={200: list[ImportSummaryOut], 404: ErrorOut, 422: ErrorOut},
    summary="Imports of a cooperative, newest first",
)
@paginate(Pagination)
def import_list(request: HttpRequest, coop_id: int) -> Any:
    return selectors.member_import_list(
        request.user, cooperative_for_manager(request.user, coop_id)
    )


@router.get(
    "/template.xlsx",
    openapi_extra=_binary(XLSX),
    summary="A sample member list with the expected headers",
)
def import_template(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(sample_workbook(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="taavon-members-template.xlsx"'
    return response


@router.get(
    "/{int:import_id}",
    response={200: ImportOut, 404: ErrorOut},
    summary="Status, progress and the row-by-row report of an import",
)
def import_detail(request: HttpRequest, import_id: int) -> Any:
    return selectors.member_import_get(request.user, import_id)


@router.post(
    "/{int:import_id}/commit",
    response={202: ImportOut, 404: ErrorOut, 409: ErrorOut},
    summary="Commit a checked import: all rows or none",
)
def import_commit(request: HttpRequest, import_id: int) -> Any:
    member_import = selectors.member_import_get(request.user, import_id)
    member_import = services.member_import_request_commit(
        actor=signed_in_user(request), import_id=member_import.pk
    )
    services.schedule_commit(member_import, signed_in_user(request))
    return Status(202, selectors.member_import_get(request.user, member_import.pk))


def _document(
    request: HttpRequest,
    coop_id: int,
    build: Callable[[Cooperative], bytes],
    content_type: str,
    stem: str,
) -> HttpResponse:
    cooperative = cooperative_for_manager(request.user, coop_id)
    extension = "pdf" if content_type == PDF else "xlsx"
    return private_file(build(cooperative), content_type, f"{stem}-{cooperative.pk}.{extension}")


@documents.get(
    "/{int:coop_id}/registration-certificate.pdf",
    openapi_extra=_binary(PDF),
    response={400: ErrorOut, 404: ErrorOut},
    summary="Registration certificate",
)
def registration_certificate(request: HttpRequest, coop_id: int) -> HttpResponse:
    return _document(
        request, coop_id, pdf.registration_certificate_pdf, PDF, "registration-certificate"
    )


@documents.get(
    "/{int:coop_id}/member-register.pdf",
    openapi_extra=_binary(PDF),
    response={400: ErrorOut, 404: ErrorOut},
    summary="Member register (PDF, landscape)",
)
def member_register_pdf(request: HttpRequest, coop_id: int) -> HttpResponse:
    return _document(request, coop_id, pdf.member_register_pdf, PDF, "member-register")


@documents.get(
    "/{int:coop_id}/member-register.xlsx",
    openapi_extra=_binary(XLSX),
    response={404: ErrorOut},
    summary="Member register (xlsx)",
)
def member_register_xlsx(request: HttpRequest, coop_id: int) -> HttpResponse:
    return _document(request, coop_id, xlsx.member_register_xlsx, XLSX, "member-register")


@documents.get(
    "/{int:coop_id}/capital-register.pdf",
    openapi_extra=_binary(PDF),
    response={400: ErrorOut, 404: ErrorOut},
    summary="Capital register (PDF)",
)
def capital_register_pdf(request: HttpRequest, coop_id: int) -> HttpResponse:
    return _document(request, coop_id, pdf.capital_register_pdf, PDF, "capital-register")


@documents.get(
    "/{int:coop_id}/capital-register.xlsx",
    openapi_extra=_binary(XLSX),
    response={404: ErrorOut},
    summary="Capital register (xlsx)",
)
def capital_register_xlsx(request: HttpRequest, coop_id: int) -> HttpResponse:
    return _document(request, coop_id, xlsx.capital_register_xlsx, XLSX, "capital-register")


@documents.get(
    "/{int:coop_id}/share-certificates/{int:membership_id}.pdf",
    openapi_extra=_binary(PDF),
    response={400: ErrorOut, 404: ErrorOut},
    summary="Share certificate of one member",
)
def share_certificate(request: HttpRequest, coop_id: int, membership_id: int) -> HttpResponse:
    cooperative = cooperative_for_manager(request.user, coop_id)
    membership = member_get(request.user, cooperative, membership_id)
    return private_file(
        pdf.share_certificate_pdf(membership),
        PDF,
        pdf.share_certificate_filename(membership),
    )


documents.add_router("", document_jobs.router)
router.add_router("/documents", documents)
