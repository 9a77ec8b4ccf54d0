"""The catalogue of audit actions: every code declared once, in its context's events.py, with a
Persian label and its English translation."""

from __future__ import annotations

import re

import pytest
from django.db.models import TextChoices
from django.utils import translation

from taavon.audit.catalogue import (
    CONTEXT_LABELS,
    action_choices,
    action_label,
    catalogue,
    catalogued,
    is_catalogued,
)
from taavon.founding.events import TRANSITION_EVENTS, FoundingEvent
from taavon.founding.workflow import ACTIONS
from taavon.imports.events import FINISHED_EVENTS
from taavon.imports.models import ImportStatus

ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")
CODE = re.compile(r"[a-z]+(\.[a-z_]+)+")
CONTEXTS = {
    "accounts",
    "admin",
    "capital",
    "documents",
    "founding",
    "geo",
    "imports",
    "notifications",
    "registry",
    "workflow",
}


def test_every_context_that_writes_declares_its_actions() -> None:
    assert {entry.context for entry in catalogue()} == CONTEXTS
    assert {"workflow.transition", "workflow.publish"} <= {entry.code for entry in catalogue()}


@pytest.mark.parametrize("entry", catalogue(), ids=lambda e: e.code)
def test_every_action_has_a_persian_label_and_an_english_translation(entry) -> None:
    assert CODE.fullmatch(entry.code)
    with translation.override("fa"):
        persian = str(entry.label)
        assert ARABIC_SCRIPT.search(persian), persian
        assert action_label(entry.code) == persian
    with translation.override("en"):
        english = str(entry.label)
        assert english != persian and not ARABIC_SCRIPT.search(english), english
        assert action_label(entry.code) == english


@pytest.mark.parametrize("context", sorted(CONTEXT_LABELS))
def test_every_context_has_an_english_name(context: str) -> None:
    with translation.override("en"):
        assert not ARABIC_SCRIPT.search(str(CONTEXT_LABELS[context]))


def test_the_labels_are_distinct_within_a_language() -> None:
    for language in ("fa", "en"):
        with translation.override(language):
            labels = [str(entry.label) for entry in catalogue()]
        assert len(labels) == len(set(labels)), language


def test_every_founding_transition_has_its_own_action() -> None:
    assert set(TRANSITION_EVENTS) == set(ACTIONS)
    assert {code.value.removeprefix("founding.") for code in TRANSITION_EVENTS.values()} == set(
        ACTIONS
    )
    assert len(set(TRANSITION_EVENTS.values())) == len(ACTIONS)
    assert all(isinstance(code, FoundingEvent) for code in TRANSITION_EVENTS.values())


def test_every_finished_import_status_has_an_action() -> None:
    assert set(FINISHED_EVENTS) == {ImportStatus.CHECKED, ImportStatus.INVALID}


def test_the_select_list_is_grouped_by_context() -> None:
    with translation.override("en"):
        groups = dict(action_choices())
    assert ("capital.pay", "Capital payment") in groups["Capital register"]
    assert all(code.startswith("capital.") for code, _label in groups["Capital register"])


def test_an_unknown_code_is_shown_as_it_is() -> None:
    assert not is_catalogued("registry.founding.submit")  # an older name: not for new rows
    assert action_label("nobody.knows.this") == "nobody.knows.this"


def test_a_code_outside_the_known_contexts_is_refused() -> None:
    class Stray(TextChoices):
        THING = "stray.thing", "thing"

    with pytest.raises(ValueError, match="unknown context"):
        catalogued(Stray)
    assert not is_catalogued("stray.thing")


def test_a_code_declared_by_two_classes_is_refused() -> None:
    class Again(TextChoices):
        PAY = "capital.pay", "pay"

    with pytest.raises(ValueError, match="declared twice"):
        catalogued(Again)


def test_codes_recorded_before_the_split_keep_their_meaning(db: None) -> None:
    from taavon.audit.catalogue import canonical, recorded_as
    from taavon.audit.models import AuditEvent
    from taavon.audit.selectors import AuditFilter, audit_event_list
    from taavon.core.permissions import SYSTEM

    assert canonical("registry.founding.approve") == "founding.approve"
    assert canonical("registry.import.upload") == "imports.upload"
    assert canonical("admin.registry.person.change") == "admin.change"
    assert "registry.founding.approve" in recorded_as("founding.approve")
    with translation.override("fa"):
        assert action_label("registry.founding.approve") == action_label("founding.approve")
    old = AuditEvent.objects.create(action="registry.founding.approve", summary="old")
    new = AuditEvent.objects.create(action="founding.approve", summary="new")
    found = audit_event_list(user=SYSTEM, filters=AuditFilter(action="founding.approve"))
    assert set(found) == {old, new}
