"""A MemberImport's life: upload, dry run in a task, commit once, and what a crash looks like."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from taavon.accounts.models import User
from taavon.audit.models import AuditEvent
from taavon.core.errors import ApplicationError, ConflictError
from taavon.imports import services
from taavon.imports.models import ImportStatus, MemberImport
from taavon.imports.progress import ImportProgress
from taavon.registry.models import Cooperative, Membership
from tests.imports.conftest import member_row, rows


def upload(path: Path) -> SimpleUploadedFile:
    return SimpleUploadedFile(path.name, path.read_bytes())


def start(coop: Cooperative, manager: User, path: Path, capture) -> MemberImport:
    with capture(execute=True):
        member_import = services.member_import_create(
            actor=manager, cooperative=coop, upload=upload(path)
        )
        services.schedule_check(member_import)
    member_import.refresh_from_db()
    return member_import


def commit(member_import: MemberImport, manager: User, capture) -> MemberImport:
    with capture(execute=True):
        services.member_import_request_commit(actor=manager, import_id=member_import.pk)
        services.schedule_commit(member_import, manager)
    member_import.refresh_from_db()
    return member_import


def test_upload_then_dry_run_in_the_task(
    coop, manager, xlsx, django_capture_on_commit_callbacks
) -> None:
    member_import = start(coop, manager, xlsx(rows(5)), django_capture_on_commit_callbacks)

    assert member_import.status == ImportStatus.CHECKED
    assert (member_import.total_rows, member_import.processed_rows) == (5, 5)
    assert member_import.report == [] and member_import.finished_at is not None
    assert member_import.original_name == "members.xlsx"
    assert member_import.file.name.startswith("imports/members/")
    assert not Membership.objects.exists()
    assert AuditEvent.objects.filter(action="imports.upload").count() == 1
    (checked,) = AuditEvent.objects.filter(action="imports.checked")
    assert checked.object_id == str(member_import.pk) and checked.summary == "5 rows, 0 problems"


def test_dry_run_with_errors_keeps_a_report(
    coop, manager, xlsx, django_capture_on_commit_callbacks
) -> None:
    path = xlsx([*rows(5), member_row(6, national_id="123"), member_row(7, gender="x")])

    member_import = start(coop, manager, path, django_capture_on_commit_callbacks)

    assert member_import.status == ImportStatus.INVALID
    assert member_import.error_count == 2
    assert member_import.report[0] == {
        "row": 7,
        "column": "کد ملی",
        "message": "کد ملی باید ۱۰ رقم باشد.",
    }
    assert member_import.report[1]["row"] == 8
    assert AuditEvent.objects.filter(action="imports.invalid").count() == 1


def test_the_stored_report_is_capped(
    coop, manager, xlsx, monkeypatch, django_capture_on_commit_callbacks
) -> None:
    monkeypatch.setattr(services, "REPORT_LIMIT", 3)
    path = xlsx([member_row(i, national_id=str(i)) for i in range(1, 6)])

    member_import = start(coop, manager, path, django_capture_on_commit_callbacks)

    assert member_import.error_count == 5 and len(member_import.report) == 3


def test_commit_happens_once(coop, manager, xlsx, django_capture_on_commit_callbacks) -> None:
    member_import = start(coop, manager, xlsx(rows(5)), django_capture_on_commit_callbacks)

    member_import = commit(member_import, manager, django_capture_on_commit_callbacks)

    assert member_import.status == ImportStatus.COMMITTED
    assert member_import.created_members == 5
    assert Membership.objects.filter(cooperative=coop).count() == 5
    with pytest.raises(ConflictError):
        services.member_import_request_commit(actor=manager, import_id=member_import.pk)
    assert Membership.objects.filter(cooperative=coop).count() == 5


def test_an_invalid_import_cannot_be_committed(
    coop, manager, xlsx, django_capture_on_commit_callbacks
) -> None:
    path = xlsx([member_row(1, national_id="1")])
    member_import = start(coop, manager, path, django_capture_on_commit_callbacks)

    with pytest.raises(ConflictError) as error:
        services.member_import_request_commit(actor=manager, import_id=member_import.pk)

    assert "آمادهٔ ثبت نیست" in error.value.message


def test_commit_that_no_longer_fits_becomes_invalid(
    coop, manager, xlsx, django_capture_on_commit_callbacks
) -> None:
    member_import = start(coop, manager, xlsx(rows(5)), django_capture_on_commit_callbacks)
    Cooperative.objects.filter(pk=coop.pk).update(status="dissolved")

    member_import = commit(member_import, manager, django_capture_on_commit_callbacks)

    assert member_import.status == ImportStatus.INVALID
    assert "عضو نمی‌پذیرد" in member_import.report[0]["message"]
    assert not Membership.objects.exists()


def test_a_crash_in_the_task_marks_the_import_failed(
    coop, manager, xlsx, monkeypatch, django_capture_on_commit_callbacks
) -> None:
    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(services, "dry_run", crash)

    member_import = start(coop, manager, xlsx(rows(5)), django_capture_on_commit_callbacks)

    assert member_import.status == ImportStatus.FAILED
    assert "خطای داخلی" in member_import.report[0]["message"]
    assert AuditEvent.objects.filter(action="imports.failed").count() == 1


def test_upload_of_a_wrong_kind_is_refused_before_saving(coop, manager) -> None:
    with pytest.raises(ApplicationError) as error:
        services.member_import_create(
            actor=manager, cooperative=coop, upload=SimpleUploadedFile("list.docx", b"x")
        )

    assert "xlsx" in error.value.message
    assert not MemberImport.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_progress_is_written_outside_a_transaction(coop, manager, xlsx) -> None:
    member_import = services.member_import_create(
        actor=manager, cooperative=coop, upload=upload(xlsx(rows(1)))
    )
    progress = ImportProgress(member_import.pk, interval=0)

    progress(250, 1000)

    member_import.refresh_from_db()
    assert (member_import.processed_rows, member_import.total_rows) == (250, 1000)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_progress_during_the_commit_transaction_is_visible_on_postgresql(
    coop, manager, xlsx
) -> None:
    from django.db import connection, transaction

    if connection.vendor != "postgresql":
        pytest.skip("SQLite has one writer at a time: progress waits for the commit")
    member_import = services.member_import_create(
        actor=manager, cooperative=coop, upload=upload(xlsx(rows(1)))
    )
    progress = ImportProgress(member_import.pk, interval=0)
    try:
        with transaction.atomic():
            progress(40, 80)  # written through a second connection, committed at once
            seen = MemberImport.objects.values_list("processed_rows", flat=True).get(
                pk=member_import.pk
            )
    finally:
        progress.close()

    assert seen == 40
