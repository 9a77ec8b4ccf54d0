"""Registers built in the background: queue one, poll it, download the file when ready.

The PDF registers of a large cooperative take minutes; their direct download answers 400
`build_in_background` above TAAVON_PDF_SYNC_MAX_ROWS rows, and this is the way to get them.
Everything needs `manage` on the cooperative; missing and out-of-scope both answer 404.
"""

from datetime import datetime
from typing import Any, Literal

from django.http import FileResponse, HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from taavon.core.errors import ConflictError, NotFoundError
from taavon.documents import selectors, services
from taavon.documents.kinds import SPECS
from taavon.documents.models import DocumentJob, DocumentStatus
from taavon.registry.selectors.management import cooperative_for_manager

from .auth import REQUIRED, signed_in_user
from .errors import ErrorOut
from .pagination import Pagination

router = Router(tags=["documents"], auth=REQUIRED)

Kind = Literal[
    "member_register_pdf", "capital_register_pdf", "member_register_xlsx", "capital_register_xlsx"
]


class DocumentJobIn(Schema):
    kind: Kind


class DocumentJobOut(Schema):
    id: int
    cooperative_id: int
    kind: str
    kind_label: str
    status: str
    status_label: str
    rows: int
    size: int
    error: str
    file_url: str | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None

    @staticmethod
    def resolve_kind_label(obj: DocumentJob) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_status_label(obj: DocumentJob) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_file_url(obj: DocumentJob) -> str | None:
        if obj.status != DocumentStatus.READY:
            return None
        return reverse(
            "api-v1:document_job_file", kwargs={"coop_id": obj.cooperative_id, "job_id": obj.pk}
        )


@router.post(
    "/{int:coop_id}/jobs",
    response={202: DocumentJobOut, 400: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Queue a register to be built in the background (a pending identical job is reused)",
)
def document_job_create(request: HttpRequest, coop_id: int, payload: DocumentJobIn) -> Any:
    cooperative = cooperative_for_manager(request.user, coop_id)
    job = services.document_request(
        actor=signed_in_user(request), cooperative=cooperative, kind=payload.kind
    )
    return Status(202, selectors.document_job_of(request.user, cooperative, job.pk))


@router.get(
    "/{int:coop_id}/jobs",
    response={200: list[DocumentJobOut], 404: ErrorOut, 422: ErrorOut},
    summary="A cooperative's document jobs, newest first",
)
@paginate(Pagination)
def document_job_list(request: HttpRequest, coop_id: int) -> Any:
    return selectors.document_jobs(request.user, cooperative_for_manager(request.user, coop_id))


@router.get(
    "/{int:coop_id}/jobs/{int:job_id}",
    response={200: DocumentJobOut, 404: ErrorOut},
    summary="Status of a document job",
)
def document_job_detail(request: HttpRequest, coop_id: int, job_id: int) -> Any:
    return selectors.document_job_get(request.user, coop_id, job_id)


@router.get(
    "/{int:coop_id}/jobs/{int:job_id}/file",
    url_name="document_job_file",
    response={404: ErrorOut, 409: ErrorOut},
    openapi_extra={
        "responses": {
            200: {
                "description": "The PDF or xlsx file",
                "content": {
                    ct: {"schema": {"type": "string", "format": "binary"}}
                    for ct in sorted({spec.content_type for spec in SPECS.values()})
                },
            }
        }
    },
    summary="Download a ready document",
)
def document_job_file(request: HttpRequest, coop_id: int, job_id: int) -> FileResponse:
    job = selectors.document_job_get(request.user, coop_id, job_id)
    if job.status != DocumentStatus.READY or not job.file:
        raise ConflictError(
            _("این سند هنوز آماده نیست (وضعیت: %(s)s).") % {"s": job.get_status_display()},
            code="not_ready",
        )
    spec = SPECS[job.kind]
    try:
        handle = job.file.open("rb")
    except OSError:  # the file is gone from storage (restored backup, manual cleanup)
        raise NotFoundError() from None
    response = FileResponse(
        handle,
        content_type=spec.content_type,
        as_attachment=True,
        filename=spec.filename(job.cooperative_id),
    )
    response["Cache-Control"] = "private, no-store"
    return response
