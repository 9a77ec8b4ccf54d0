"""Background building of registers (django.tasks; the immediate backend runs it inline)."""

from __future__ import annotations

import logging

from django.tasks import task

from taavon.audit.context import in_channel
from taavon.documents.services import document_build, document_fail

logger = logging.getLogger(__name__)


@task()
@in_channel("task")
def build_document(job_id: int) -> str:
    try:
        return str(document_build(job_id=job_id).status)
    except Exception:
        logger.exception("document job %s crashed", job_id)
        document_fail(job_id=job_id)
        raise
