"""Reading document jobs, for those who may manage the cooperative."""

from __future__ import annotations

from django.db.models import QuerySet

from taavon.core.errors import NotFoundError
from taavon.core.permissions import AnyUser, require
from taavon.documents.models import DocumentJob
from taavon.registry.models import Cooperative
from taavon.registry.selectors.management import cooperative_for_manager


def document_jobs(user: AnyUser, cooperative: Cooperative) -> QuerySet[DocumentJob]:
    """A cooperative's jobs, newest first (NotFoundError unless the user manages it)."""
    require(user, "manage", cooperative)
    return DocumentJob.objects.filter(cooperative=cooperative).select_related("requested_by")


def document_job_get(user: AnyUser, cooperative_id: int, job_id: int) -> DocumentJob:
    return document_job_of(user, cooperative_for_manager(user, cooperative_id), job_id)


def document_job_of(user: AnyUser, cooperative: Cooperative, job_id: int) -> DocumentJob:
    """One job of a cooperative already fetched for its manager; NotFoundError for another's."""
    job = document_jobs(user, cooperative).filter(pk=job_id).first()
    if job is None:
        raise NotFoundError()
    return job
