"""The real thing: a register queued on the database task backend is built by the worker."""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from taavon.documents import services
from taavon.documents.models import DocumentJob, DocumentStatus


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_db_worker_builds_a_queued_register(
    database_tasks: None,
    keep_signal_handlers: None,
    registered: Any,
    members: Any,
    doc_manager: Any,
    settings: Any,
    tmp_path: Path,
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    job = services.document_request(
        actor=doc_manager, cooperative=registered, kind="capital_register_pdf"
    )
    queued = DBTaskResult.objects.get()
    assert queued.status == "READY" and queued.args_kwargs["args"] == [job.pk]
    assert DocumentJob.objects.get().status == DocumentStatus.QUEUED

    call_command(
        "db_worker", "--batch", "--no-reload", "--no-startup-delay", stdout=StringIO(), verbosity=0
    )

    job.refresh_from_db()
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert job.status == DocumentStatus.READY
    assert job.file.read().startswith(b"%PDF-")
