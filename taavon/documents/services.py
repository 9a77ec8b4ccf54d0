"""Registers built in the background: request (audited, one pending job per document), build
(in the django.tasks worker), fail. The requester is notified in the app when it is ready."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from taavon.accounts.models import User
from taavon.audit.services import audit_record
from taavon.core.errors import ApplicationError
from taavon.core.permissions import require
from taavon.documents.events import DocumentsEvent
from taavon.documents.kinds import SPECS
from taavon.documents.models import DocumentJob, DocumentKind, DocumentStatus
from taavon.documents.pdf import check_register_size
from taavon.notifications.services import notification_send
from taavon.registry.locking import lock_cooperative
from taavon.registry.models import Cooperative


def _kind(value: object) -> DocumentKind:
    try:
        return DocumentKind(str(value))
    except ValueError:
        raise ApplicationError(
            _("این سند را نمی‌توان در پس‌زمینه ساخت."),
            code="invalid",
            fields={"kind": [_("یکی از این‌ها: %(k)s") % {"k": ", ".join(DocumentKind.values)}]},
        ) from None


@transaction.atomic
def document_request(*, actor: User, cooperative: Cooperative, kind: object) -> DocumentJob:
    """Queue a document of a cooperative; an identical job still pending is returned instead.

    The actor must be able to manage the cooperative. A PDF over the row limit is refused now,
    not after a wait. Jobs keep their own statuses (queued, running, ready...): a worker claims
    a queued job with one conditional UPDATE, so it is built once; nobody takes workflow
    actions on them.
    """
    # Serialise requests for one cooperative so a double click queues one job.
    cooperative = lock_cooperative(cooperative.pk)
    require(actor, "manage", cooperative)
    document = _kind(kind)
    pending = DocumentJob.objects.filter(
        cooperative=cooperative,
        kind=document,
        status__in=(DocumentStatus.QUEUED, DocumentStatus.RUNNING),
    ).first()
    if pending is not None and not pending.is_stalled:
        return pending
    if pending is not None:  # its worker died: say so, and build it again
        _finish_failed(pending, _("ساخت این سند متوقف شد؛ دوباره ساخته می‌شود."))
    if SPECS[document].is_pdf:
        check_register_size(cooperative.memberships.count(), background=True)
    job = DocumentJob.objects.create(cooperative=cooperative, kind=document, requested_by=actor)
    audit_record(actor=actor, action=DocumentsEvent.REQUEST, obj=job, summary=document)
    from taavon.documents.tasks import build_document

    transaction.on_commit(lambda: build_document.enqueue(job.pk))
    return job


def _documents_url(job: DocumentJob) -> str:
    return reverse("web:documents", kwargs={"coop_id": job.cooperative_id})


def document_build(*, job_id: int) -> DocumentJob:
    """Build a queued job's file. Runs once: a job already taken by a worker is left alone."""
    now = timezone.now()
    taken = DocumentJob.objects.filter(pk=job_id, status=DocumentStatus.QUEUED).update(
        status=DocumentStatus.RUNNING, started_at=now
    )
    job = DocumentJob.objects.select_related("cooperative", "requested_by").get(pk=job_id)
    if not taken:
        return job
    spec = SPECS[job.kind]
    try:
        data = spec.build(job.cooperative)
    except ApplicationError as exc:  # e.g. the register grew past the PDF limit meanwhile
        return _finish_failed(job, exc.message)
    rows = job.cooperative.memberships.count()
    with transaction.atomic():
        job.file.save(
            f"{spec.stem}-{job.cooperative_id}-{job.pk}.{spec.extension}",
            ContentFile(data),
            save=False,
        )
        job.status = DocumentStatus.READY
        job.rows = rows
        job.size = len(data)
        job.error = ""
        job.finished_at = timezone.now()
        job.save()
        replaced = _replace_older(job)
        audit_record(
            actor=None,
            action=DocumentsEvent.READY,
            obj=job,
            summary=f"{len(data)} bytes",
            changes={"replaced_jobs": replaced} if replaced else None,
        )
        notification_send(
            recipient=job.requested_by,
            code="documents.ready",
            title=_("%(doc)s «%(coop)s» آماده است.")
            % {"doc": job.get_kind_display(), "coop": job.cooperative.name},
            url=_documents_url(job),
            channels=(),
        )
    return job


def _replace_older(job: DocumentJob) -> list[int]:
    """Keep one ready copy per cooperative and document: older files are deleted (after the
    commit, so a rollback never leaves a ready job without its file)."""
    older = DocumentJob.objects.filter(
        cooperative_id=job.cooperative_id, kind=job.kind, status=DocumentStatus.READY
    ).exclude(pk=job.pk)
    found = list(older.values_list("pk", "file"))
    if not found:
        return []
    names = [name for _pk, name in found if name]
    older.update(status=DocumentStatus.REPLACED, file="")
    storage = job.file.storage

    def delete_files() -> None:
        for name in names:
            storage.delete(name)

    transaction.on_commit(delete_files)
    return [pk for pk, _name in found]


def _finish_failed(job: DocumentJob, message: str) -> DocumentJob:
    with transaction.atomic():
        job.status = DocumentStatus.FAILED
        job.error = message
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "error", "finished_at"])
        audit_record(actor=None, action=DocumentsEvent.FAILED, obj=job, summary=message[:200])
        notification_send(
            recipient=job.requested_by,
            code="documents.failed",
            title=_("ساخت %(doc)s «%(coop)s» ناموفق بود.")
            % {"doc": job.get_kind_display(), "coop": job.cooperative.name},
            body=message,
            url=_documents_url(job),
            channels=(),
        )
    return job


def document_fail(*, job_id: int) -> None:
    """A crash in the task: mark the job failed so the page stops waiting for it."""
    job = (
        DocumentJob.objects.select_related("cooperative", "requested_by")
        .filter(pk=job_id, status__in=(DocumentStatus.QUEUED, DocumentStatus.RUNNING))
        .first()
    )
    if job is not None:
        _finish_failed(
            job, _("خطای داخلی سامانه در ساخت سند؛ دوباره تلاش کنید یا با پشتیبانی تماس بگیرید.")
        )
