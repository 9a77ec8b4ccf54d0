"""Registers built in the background: the size rules, one pending job per document, the build
in the task, failure, the notification, the page, the download and the API."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from taavon.accounts.models import Role, User
from taavon.audit.models import AuditEvent
from taavon.core.errors import ApplicationError
from taavon.documents import services
from taavon.documents.models import DocumentJob, DocumentStatus
from taavon.notifications.models import Notification
from taavon.registry.models import Cooperative, Membership
from tests.documents.conftest import pdf_text
from tests.factories import CooperativeFactory


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def big(settings: Any) -> None:
    """The five-member register counts as large: its PDF goes to the background."""
    settings.TAAVON_PDF_SYNC_MAX_ROWS = 2


def jobs_api(coop: Cooperative) -> str:
    return f"/api/v1/imports/documents/{coop.pk}/jobs"


def request_job(
    manager: User, coop: Cooperative, kind: str, capture: Callable[..., Any]
) -> DocumentJob:
    with capture(execute=True):
        job = services.document_request(actor=manager, cooperative=coop, kind=kind)
    job.refresh_from_db()
    return job


# --- size rules -----------------------------------------------------------------------------


def test_a_small_register_is_built_at_once(registered, members, doc_manager, login_client) -> None:
    response = login_client(doc_manager).get(
        reverse("web:doc-member-register-pdf", kwargs={"coop_id": registered.pk})
    )
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")


def test_a_large_register_is_not_built_in_the_request(
    registered, members, doc_manager, login_client, bearer, big
) -> None:
    page = login_client(doc_manager).get(
        reverse("web:doc-member-register-pdf", kwargs={"coop_id": registered.pk}), follow=True
    )
    api = Client().get(
        f"/api/v1/imports/documents/{registered.pk}/capital-register.pdf",
        headers=bearer(doc_manager),
    )
    assert "ساخت در پس‌زمینه" in page.text
    assert api.status_code == 400 and api.json()["code"] == "build_in_background"


def test_over_the_pdf_limit_nothing_is_queued(
    registered, members, doc_manager, settings, django_capture_on_commit_callbacks
) -> None:
    settings.TAAVON_PDF_REGISTER_MAX_ROWS = 3
    with pytest.raises(ApplicationError) as caught:
        request_job(
            doc_manager, registered, "member_register_pdf", django_capture_on_commit_callbacks
        )
    assert caught.value.code == "too_large"
    assert not DocumentJob.objects.exists()


def test_an_unknown_kind_is_refused(registered, doc_manager) -> None:
    with pytest.raises(ApplicationError) as caught:
        services.document_request(actor=doc_manager, cooperative=registered, kind="ledger.pdf")
    assert caught.value.code == "invalid" and "kind" in caught.value.fields
    assert not DocumentJob.objects.exists()


# --- the build ------------------------------------------------------------------------------


def test_the_job_builds_the_pdf_and_tells_the_requester(
    registered, members, doc_manager, big, tmp_path, django_capture_on_commit_callbacks
) -> None:
    job = request_job(
        doc_manager, registered, "member_register_pdf", django_capture_on_commit_callbacks
    )

    assert job.status == DocumentStatus.READY
    assert job.rows == 5 and job.size == job.file.size and job.finished_at is not None
    data = job.file.read()
    assert data.startswith(b"%PDF-")
    assert "میرزایی" in pdf_text(data, tmp_path)
    note = Notification.objects.get(recipient=doc_manager, code="documents.ready")
    assert registered.name in note.title
    assert note.url == reverse("web:documents", kwargs={"coop_id": registered.pk})
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"documents.request", "documents.ready"} <= actions
    assert AuditEvent.objects.get(action="documents.ready").channel == "task"


def test_a_pending_job_is_reused_not_doubled(registered, members, doc_manager, big) -> None:
    first = services.document_request(
        actor=doc_manager, cooperative=registered, kind="capital_register_pdf"
    )  # on_commit never runs here: the job stays queued
    second = services.document_request(
        actor=doc_manager, cooperative=registered, kind="capital_register_pdf"
    )
    other = services.document_request(
        actor=doc_manager, cooperative=registered, kind="member_register_pdf"
    )
    assert first.pk == second.pk != other.pk
    assert DocumentJob.objects.count() == 2


def test_a_job_runs_once(
    registered, members, doc_manager, big, django_capture_on_commit_callbacks
) -> None:
    job = request_job(
        doc_manager, registered, "member_register_xlsx", django_capture_on_commit_callbacks
    )
    finished = job.finished_at
    again = services.document_build(job_id=job.pk)
    assert again.status == DocumentStatus.READY and again.finished_at == finished
    assert Notification.objects.filter(code="documents.ready").count() == 1


def test_a_register_grown_past_the_limit_fails_with_the_reason(
    registered, members, doc_manager, big, settings
) -> None:
    job = services.document_request(
        actor=doc_manager, cooperative=registered, kind="member_register_pdf"
    )
    settings.TAAVON_PDF_REGISTER_MAX_ROWS = 3  # the register "grew" while the job waited
    job = services.document_build(job_id=job.pk)
    assert job.status == DocumentStatus.FAILED and "اکسل" in job.error
    assert not job.file
    assert Notification.objects.filter(recipient=doc_manager, code="documents.failed").exists()


def test_a_crash_marks_the_job_failed(
    registered, members, doc_manager, big, monkeypatch, django_capture_on_commit_callbacks
) -> None:
    from taavon.documents import kinds

    def explode(cooperative: Cooperative) -> bytes:
        raise RuntimeError("renderer died")

    monkeypatch.setitem(
        kinds.SPECS,
        "member_register_pdf",
        kinds.DocumentSpec(explode, kinds.PDF, "member-register"),
    )
    request_job(  # the immediate backend records the task as failed; nothing is raised here
        doc_manager, registered, "member_register_pdf", django_capture_on_commit_callbacks
    )
    job = DocumentJob.objects.get()
    assert job.status == DocumentStatus.FAILED and "خطای داخلی" in job.error


# --- the page -------------------------------------------------------------------------------


def test_the_page_offers_the_background_build_and_lists_jobs(
    registered, members, doc_manager, login_client, big, django_capture_on_commit_callbacks
) -> None:
    client = login_client(doc_manager)
    page = client.get(reverse("web:documents", kwargs={"coop_id": registered.pk}))
    assert 'data-kind="member_register_pdf"' in page.text

    with django_capture_on_commit_callbacks(execute=True):
        posted = client.post(
            reverse("web:doc-job-new", kwargs={"coop_id": registered.pk}),
            {"kind": "member_register_pdf"},
        )
    response = client.get(posted.url)  # the worker has built it meanwhile
    job = DocumentJob.objects.get()
    assert "در نوبت است" in response.text
    assert reverse("web:doc-job-file", kwargs={"coop_id": registered.pk, "job_id": job.pk}) in (
        response.text
    )
    download = client.get(
        reverse("web:doc-job-file", kwargs={"coop_id": registered.pk, "job_id": job.pk})
    )
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Cache-Control"] == "private, no-store"
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_the_jobs_fragment_polls_while_a_job_is_pending(
    registered, members, doc_manager, login_client, big
) -> None:
    services.document_request(actor=doc_manager, cooperative=registered, kind="member_register_pdf")
    fragment = login_client(doc_manager).get(
        reverse("web:doc-jobs", kwargs={"coop_id": registered.pk}), headers={"HX-Request": "true"}
    )
    assert 'hx-trigger="every 2s"' in fragment.text
    assert "<html" not in fragment.text


def test_a_bad_kind_on_the_page_is_a_persian_message(
    registered, members, doc_manager, login_client
) -> None:
    response = login_client(doc_manager).post(
        reverse("web:doc-job-new", kwargs={"coop_id": registered.pk}), {"kind": "x"}, follow=True
    )
    assert "این سند را نمی‌توان در پس‌زمینه ساخت." in response.text
    assert not DocumentJob.objects.exists()


def test_other_managers_and_outsiders_get_404(
    registered,
    members,
    doc_manager,
    make_user,
    login_client,
    big,
    django_capture_on_commit_callbacks,
) -> None:
    job = request_job(
        doc_manager, registered, "member_register_pdf", django_capture_on_commit_callbacks
    )
    other_coop = CooperativeFactory()
    stranger = make_user(Role.COOP_MANAGER, cooperative_id=other_coop.pk)
    client = login_client(stranger)
    file_url = reverse("web:doc-job-file", kwargs={"coop_id": registered.pk, "job_id": job.pk})
    assert client.get(file_url).status_code == 404
    assert (
        client.post(
            reverse("web:doc-job-new", kwargs={"coop_id": registered.pk}),
            {"kind": "member_register_pdf"},
        ).status_code
        == 404
    )
    # The job id under the stranger's own cooperative is not found either.
    own = reverse("web:doc-job-file", kwargs={"coop_id": other_coop.pk, "job_id": job.pk})
    assert client.get(own).status_code == 404
    assert Client().get(file_url).status_code == 302  # to the login page


def test_a_queued_job_has_no_file_yet(
    registered, members, doc_manager, login_client, bearer, big
) -> None:
    job = services.document_request(
        actor=doc_manager, cooperative=registered, kind="member_register_pdf"
    )
    page = login_client(doc_manager).get(
        reverse("web:doc-job-file", kwargs={"coop_id": registered.pk, "job_id": job.pk})
    )
    api = Client().get(f"{jobs_api(registered)}/{job.pk}/file", headers=bearer(doc_manager))
    assert page.status_code == 404
    assert api.status_code == 409 and api.json()["code"] == "not_ready"


# --- the API --------------------------------------------------------------------------------


def test_api_queue_poll_and_download(
    registered, members, doc_manager, bearer, big, django_capture_on_commit_callbacks
) -> None:
    client = Client(headers=bearer(doc_manager))
    with django_capture_on_commit_callbacks(execute=True):
        created = client.post(
            jobs_api(registered), {"kind": "capital_register_pdf"}, content_type="application/json"
        )
    assert created.status_code == 202
    body = created.json()
    assert body["kind"] == "capital_register_pdf" and body["status"] == "queued"
    assert body["file_url"] is None

    detail = client.get(f"{jobs_api(registered)}/{body['id']}").json()
    assert detail["status"] == "ready" and detail["status_label"] == "آماده"
    listing = client.get(jobs_api(registered)).json()
    assert [item["id"] for item in listing["items"]] == [body["id"]]
    download = client.get(detail["file_url"])
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_api_bad_input(registered, members, doc_manager, bearer) -> None:
    client = Client(headers=bearer(doc_manager))
    wrong_kind = client.post(
        jobs_api(registered), {"kind": "ledger.pdf"}, content_type="application/json"
    )
    assert wrong_kind.status_code == 422 and "kind" in wrong_kind.json()["extra"]["fields"]
    assert client.post(jobs_api(registered), {}, content_type="application/json").status_code == 422
    assert client.get(f"{jobs_api(registered)}/999999").status_code == 404
    assert not DocumentJob.objects.exists()


def test_api_outside_scope_is_404(registered, members, make_user, bearer) -> None:
    stranger = make_user(Role.COOP_MANAGER, cooperative_id=CooperativeFactory().pk)
    response = Client(headers=bearer(stranger)).post(
        jobs_api(registered), {"kind": "member_register_pdf"}, content_type="application/json"
    )
    assert response.status_code == 404
    assert not DocumentJob.objects.exists()
    assert Membership.objects.filter(cooperative=registered).count() == 5


def test_a_new_copy_replaces_the_old_file(
    registered, members, doc_manager, big, django_capture_on_commit_callbacks
) -> None:
    first = request_job(
        doc_manager, registered, "member_register_xlsx", django_capture_on_commit_callbacks
    )
    old_name = first.file.name
    storage = first.file.storage
    assert storage.exists(old_name)
    second = request_job(
        doc_manager, registered, "member_register_xlsx", django_capture_on_commit_callbacks
    )
    other = request_job(
        doc_manager, registered, "member_register_pdf", django_capture_on_commit_callbacks
    )
    first.refresh_from_db()
    assert first.status == DocumentStatus.REPLACED and not first.file
    assert not storage.exists(old_name)
    assert second.status == other.status == DocumentStatus.READY
    assert storage.exists(second.file.name) and storage.exists(other.file.name)


def test_a_stalled_build_stops_the_polling_and_is_replaced_on_request(
    registered, members, doc_manager, login_client, big
) -> None:
    import datetime

    from django.utils import timezone

    from taavon.documents.models import STALLED_AFTER

    job = services.document_request(
        actor=doc_manager, cooperative=registered, kind="member_register_pdf"
    )
    started = timezone.now() - STALLED_AFTER - datetime.timedelta(minutes=1)
    DocumentJob.objects.filter(pk=job.pk).update(status=DocumentStatus.RUNNING, started_at=started)
    fragment = login_client(doc_manager).get(
        reverse("web:doc-jobs", kwargs={"coop_id": registered.pk}), headers={"HX-Request": "true"}
    )
    assert "hx-trigger" not in fragment.text and "متوقف" in fragment.text

    again = services.document_request(
        actor=doc_manager, cooperative=registered, kind="member_register_pdf"
    )
    job.refresh_from_db()
    assert again.pk != job.pk and again.status == DocumentStatus.QUEUED
    assert job.status == DocumentStatus.FAILED and "متوقف" in job.error


def test_a_ready_file_gone_from_storage_is_not_found(
    registered, members, doc_manager, login_client, bearer, big, django_capture_on_commit_callbacks
) -> None:
    job = request_job(
        doc_manager, registered, "member_register_xlsx", django_capture_on_commit_callbacks
    )
    job.file.storage.delete(job.file.name)
    page = login_client(doc_manager).get(
        reverse("web:doc-job-file", kwargs={"coop_id": registered.pk, "job_id": job.pk})
    )
    api = Client().get(f"{jobs_api(registered)}/{job.pk}/file", headers=bearer(doc_manager))
    assert page.status_code == 404
    assert api.status_code == 404 and api.json()["code"] == "not_found"


def test_an_outsider_cannot_queue_a_document(registered, make_user, coop_khorramabad) -> None:
    from taavon.accounts.models import Role
    from taavon.audit.models import AuditEvent
    from taavon.core.errors import NotFoundError
    from taavon.documents.models import DocumentJob
    from taavon.documents.services import document_request

    stranger = make_user(Role.COOP_MANAGER, cooperative_id=coop_khorramabad.pk)
    before = (DocumentJob.objects.count(), AuditEvent.objects.count())
    with pytest.raises(NotFoundError):
        document_request(actor=stranger, cooperative=registered, kind="member_register_pdf")
    assert (DocumentJob.objects.count(), AuditEvent.objects.count()) == before
