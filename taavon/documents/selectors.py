"""Reading document jobs, for those who may manage the cooperative."""

from __future__ import annotations

from django.db.models import QuerySet

from taavon.core.errors import NotFoundError
from taavon.core.permissions import AnyUser
from taavon.documents.models import DocumentJob
from taavon.registry.models import Cooperative
from taavon.registry.selectors.management import cooperative_for_manager


def document_jobs(cooperative: Cooperative) -> QuerySet[DocumentJob]:
    """A cooperative's jobs, newest first (the caller has authorised the cooperative)."""
    return DocumentJob.objects.filter(cooperative=cooperative).select_related("requested_by")


def document_job_get(user: AnyUser, cooperative_id: int, job_id: int) -> DocumentJob:
    cooperative = cooperative_for_manager(user, cooperative_id)
    job = document_jobs(cooperative).filter(pk=job_id).first()
    if job is None:
        raise NotFoundError()
    return job
