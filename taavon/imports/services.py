"""The life of an uploaded member list: upload → dry run → (commit) → done.

    uploaded ─check→ checking ─→ checked ─commit→ committing ─→ committed
                            └──→ invalid                   └──→ invalid (rechecked under lock)
    any step that crashes ─→ failed

The services check under their transaction that the actor may manage the cooperative (the
commit checks again when the worker runs it); the work itself runs in the tasks of `tasks.py`
(inline with the immediate backend, in a worker otherwise).

These statuses are a background job's, not a workflow's: nobody takes an action with a role on
them; a worker or the one commit request claims a step with one conditional UPDATE, so two
workers (or a double click) can never both take it, and the audit log records each outcome.
The workflow engine's row lock and history would add a second way to say the same.
"""

from __future__ import annotations

import logging
import uuid
from pathlib import PurePath
from typing import Any, Final

from django.core.files.base import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from taavon.accounts.models import User
from taavon.audit.services import audit_record
from taavon.core.errors import ApplicationError, ConflictError, NotFoundError
from taavon.core.permissions import AnyUser, require
from taavon.imports.engine import Outcome, Source, commit_parsed, dry_run, parse, problems_of
from taavon.imports.events import FINISHED_EVENTS, ImportsEvent
from taavon.imports.models import RUNNING_STATUSES, ImportStatus, MemberImport
from taavon.imports.parse import Progress
from taavon.imports.problems import Problem
from taavon.imports.progress import ImportProgress
from taavon.imports.reader import check_upload
from taavon.registry.models import Cooperative

logger = logging.getLogger(__name__)
REPORT_LIMIT: Final = 1000  # problems kept in the report; error_count has them all


def source_of(member_import: MemberImport) -> Source:
    file = member_import.file
    return Source(member_import.original_name, file.size, lambda: file.open("rb"))


@transaction.atomic
def member_import_create(*, actor: User, cooperative: Cooperative, upload: File) -> MemberImport:
    """Store an uploaded file (refused at once if too big or of the wrong kind)."""
    require(actor, "manage", cooperative)
    name = PurePath(upload.name or "").name[:255]
    check_upload(name, upload.size or 0)
    member_import = MemberImport(cooperative=cooperative, uploaded_by=actor, original_name=name)
    member_import.file.save(
        f"{uuid.uuid4().hex}{PurePath(name).suffix.lower()}", upload, save=False
    )
    member_import.save()
    audit_record(
        actor=actor,
        action=ImportsEvent.UPLOAD,
        obj=member_import,
        summary=f"{name} ({upload.size} bytes)",
    )
    return member_import


def _save(member_import: MemberImport, **values: Any) -> None:
    for name, value in values.items():
        setattr(member_import, name, value)
    MemberImport.objects.filter(pk=member_import.pk).update(**values)


def _finish(member_import: MemberImport, outcome: Outcome, ok_status: str) -> None:
    status = ok_status if outcome.ok else ImportStatus.INVALID
    _save(
        member_import,
        status=status,
        total_rows=outcome.data_rows,
        processed_rows=outcome.data_rows,
        error_count=len(outcome.problems),
        report=[p.as_dict() for p in outcome.problems[:REPORT_LIMIT]],
        finished_at=timezone.now(),
    )
    audit_record(
        actor=None,  # the worker: the upload and the commit request carry the user
        action=FINISHED_EVENTS[status],
        obj=member_import,
        summary=f"{outcome.data_rows} rows, {len(outcome.problems)} problems",
    )


def member_import_check(*, import_id: int, progress: Progress | None = None) -> MemberImport:
    """The dry run: a row-by-row report, nothing written. Safe to run twice."""
    member_import = MemberImport.objects.get(pk=import_id)
    if member_import.status not in (ImportStatus.UPLOADED, ImportStatus.CHECKING):
        return member_import
    _save(member_import, status=ImportStatus.CHECKING, processed_rows=0, report=[], error_count=0)
    sink = _combined(ImportProgress(import_id), progress)
    _finish(
        member_import,
        dry_run(source_of(member_import), member_import.cooperative_id, sink),
        ImportStatus.CHECKED,
    )
    return member_import


def member_import_request_commit(*, actor: AnyUser | None, import_id: int) -> MemberImport:
    """checked → committing, exactly once however many times the button is pressed."""
    with transaction.atomic():
        found = MemberImport.objects.select_related("cooperative__county").filter(pk=import_id)
        member_import = found.first()
        if member_import is None:
            raise NotFoundError()
        require(actor, "manage", member_import.cooperative)
        claimed = MemberImport.objects.filter(pk=import_id, status=ImportStatus.CHECKED).update(
            status=ImportStatus.COMMITTING, processed_rows=0
        )
        if not claimed:
            member_import.refresh_from_db(fields=["status"])
            raise ConflictError(
                _("این فایل آمادهٔ ثبت نیست (وضعیت: %(s)s).")
                % {"s": member_import.get_status_display()},
                code="import_not_ready",
            )
        member_import.status, member_import.processed_rows = ImportStatus.COMMITTING, 0
        audit_record(
            actor=actor,
            action=ImportsEvent.COMMIT,
            obj=member_import,
            summary=member_import.original_name,
        )
    return member_import


def member_import_commit(
    *, import_id: int, actor: User | None, progress: Progress | None = None
) -> MemberImport:
    """All rows or none: parse again, then lock, recheck and write in one transaction."""
    member_import = MemberImport.objects.get(pk=import_id)
    if member_import.status != ImportStatus.COMMITTING:
        return member_import
    sink = ImportProgress(import_id)
    parsed = parse(source_of(member_import))
    try:
        with transaction.atomic():
            created = commit_parsed(
                parsed,
                cooperative_id=member_import.cooperative_id,
                actor=actor,
                source_name=member_import.original_name,
                reference=f"import:{import_id}",
                progress=_combined(sink, progress),
            )
            _save(
                member_import,
                status=ImportStatus.COMMITTED,
                created_members=created,
                processed_rows=parsed.data_rows,
                total_rows=parsed.data_rows,
                finished_at=timezone.now(),
                report=[],
                error_count=0,
            )
    except ApplicationError as exc:
        _finish(member_import, Outcome(parsed.data_rows, problems_of(exc)), ImportStatus.INVALID)
    finally:
        sink.close()
    return member_import


def member_import_fail(*, import_id: int) -> None:
    """A crash in the task: say so on the status page instead of spinning forever."""
    problem = Problem(
        None,
        "",
        _("خطای داخلی سامانه در پردازش فایل؛ دوباره تلاش کنید یا با پشتیبانی تماس بگیرید."),
    )
    failed = MemberImport.objects.filter(pk=import_id, status__in=RUNNING_STATUSES).update(
        status=ImportStatus.FAILED,
        report=[problem.as_dict()],
        error_count=1,
        finished_at=timezone.now(),
    )
    if failed:
        audit_record(
            actor=None,
            action=ImportsEvent.FAILED,
            obj=MemberImport.objects.select_related("cooperative").get(pk=import_id),
            summary="crashed",
        )


def _combined(*sinks: Progress | None) -> Progress:
    active = [s for s in sinks if s is not None]

    def report(processed: int, total: int | None) -> None:
        for sink in active:
            sink(processed, total)

    return report


def schedule_check(member_import: MemberImport) -> None:
    from taavon.imports.tasks import check_member_import

    transaction.on_commit(lambda: check_member_import.enqueue(member_import.pk))


def schedule_commit(member_import: MemberImport, actor: User) -> None:
    from taavon.imports.tasks import commit_member_import

    transaction.on_commit(lambda: commit_member_import.enqueue(member_import.pk, actor.pk))
