"""Audit events are append-only."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, transaction

from taavon.audit.models import AuditEvent
from taavon.audit.services import audit_record
from taavon.geo.events import GeoEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def event() -> AuditEvent:
    return audit_record(actor=None, action=GeoEvent.REFERENCE_LOAD, summary="original")


def test_saving_an_event_again_is_refused(event: AuditEvent) -> None:
    event.summary = "rewritten"
    with pytest.raises(RuntimeError, match="append-only"):
        event.save()
    assert AuditEvent.objects.get(pk=event.pk).summary == "original"


def test_deleting_an_event_is_refused(event: AuditEvent) -> None:
    with pytest.raises(RuntimeError, match="append-only"):
        event.delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_bulk_update_is_refused_by_the_database(event: AuditEvent) -> None:
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(summary="rewritten")
    assert AuditEvent.objects.get(pk=event.pk).summary == "original"


def test_str_names_action_and_object(event: AuditEvent) -> None:
    assert str(event) == "geo.reference.load :"
