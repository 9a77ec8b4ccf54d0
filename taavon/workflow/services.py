"""The one service that moves any object through its workflow, and publishing a workflow
definition as data.

`workflow_transition` locks the object's row (and only that row), checks that the action leaves
its current stage, checks the actor through the permission module (the object's policy for the
role, `reaches` for an officer's level), runs the caller's handler for the action's own rules,
then records the new stage, a history row and an audit event, and lets the caller notify. Two
people taking actions on one object at once: the second waits for the lock, then finds the
stage changed and gets a Persian conflict error.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol

from django.db import IntegrityError, transaction
from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from taavon.audit.services import audit_record
from taavon.core.errors import ApplicationError, ConflictError, NotFoundError
from taavon.core.locks import lock_value
from taavon.core.permissions import AnyUser, reaches, require, scope_of, user_or_none
from taavon.geo.models import County, Province
from taavon.persian.text import normalize

from .access import may_take
from .definitions import (
    DefinitionError,
    Reach,
    Transition,
    Workflow,
    code_workflow,
    workflow_from_data,
)
from .events import WorkflowEvent
from .models import WorkflowDefinition, WorkflowSubject


class ActionForbidden(ApplicationError):
    """The actor sees the object but may not take this action on it."""

    status_code = 403


class Handler[T: WorkflowSubject](Protocol):
    def __call__(
        self, subject: T, actor: Any, row: Transition, payload: Mapping[str, Any], /
    ) -> str:
        """Apply the action's own rules to the locked subject; returns the history note."""
        ...


def lock_subject[S: WorkflowSubject](subject: QuerySet[S], pk: object) -> S:
    """The object's row, locked until the transaction ends; joined rows are not locked. FOR NO
    KEY UPDATE (`registry.locking.lock_cooperative` takes its lock here too): a transition
    never changes a key, and other transactions may still insert rows that refer to the object
    meanwhile."""
    try:
        return subject.select_for_update(of=("self",), no_key=True).get(pk=pk)
    except (subject.model.DoesNotExist, ValueError, TypeError):
        raise NotFoundError() from None


def check_transition(actor: AnyUser | None, subject: WorkflowSubject, action: str) -> Transition:
    """The row the action takes from the object's stage, if the actor may take it."""
    flow = subject.workflow()
    status: str = subject.status  # type: ignore[attr-defined]
    require(actor, "view", subject)
    if action not in flow.actions:
        raise ApplicationError(_("اقدام ناشناخته است."), code="unknown_action")
    row = flow.transition(status, action)
    if row is None:
        raise ConflictError(
            _(
                "«%(action)s» در مرحلهٔ کنونی («%(status)s») ممکن نیست؛ شاید هم‌زمان کاربر "
                "دیگری آن را تغییر داده است. صفحه را دوباره بارگذاری کنید."
            )
            % {"status": flow.stage_name(status), "action": flow.action_label(action)},
            code="invalid_transition",
            extra={"status": status},
        )
    if not may_take(actor, row, subject):
        raise ActionForbidden(
            _("شما اجازهٔ «%(action)s» را برای این مورد ندارید.") % {"action": row.name},
            code="forbidden",
        )
    return row


@transaction.atomic
def workflow_transition[S: WorkflowSubject](
    *,
    actor: AnyUser | None,
    subject: QuerySet[S],
    pk: object,
    action: str,
    payload: Mapping[str, Any] | None = None,
    handler: Handler[S] | None = None,
    audit_action: str | None = None,
    notify: Callable[[S, Transition, str], None] | None = None,
) -> S:
    """Take `action` on the object `pk` of `subject` (a queryset: it may join what the handler
    reads). Without a handler, the history note is `payload["note"]`."""
    return transition_locked(
        lock_subject(subject, pk),
        actor=actor,
        action=action,
        payload=payload,
        handler=handler,
        audit_action=audit_action,
        notify=notify,
    )


def transition_locked[S: WorkflowSubject](
    obj: S,
    *,
    actor: AnyUser | None,
    action: str,
    payload: Mapping[str, Any] | None = None,
    handler: Handler[S] | None = None,
    audit_action: str | None = None,
    notify: Callable[[S, Transition, str], None] | None = None,
) -> S:
    """`workflow_transition` on an object the caller has already locked (`lock_subject`, or a
    context's own lock of the same row) in the current transaction."""
    row = check_transition(actor, obj, action)
    payload = payload or {}
    if handler is not None:
        note = handler(obj, actor, row, payload)
    else:
        note = normalize(str(payload.get("note") or ""), multiline=True)
    flow = obj.workflow()
    before: str = obj.status  # type: ignore[attr-defined]
    obj.status = row.target  # type: ignore[attr-defined]
    obj.status_changed_at = timezone.now()
    obj.save()
    getattr(obj, obj.workflow_history).create(
        action=action,
        from_status=before,
        to_status=row.target,
        actor=user_or_none(actor),
        note=note,
    )
    audit_record(
        actor=actor,
        action=audit_action or WorkflowEvent.TRANSITION,
        obj=obj,
        summary=f"{obj}: {before} → {row.target}",
        changes={
            "workflow": f"{flow.code}@{flow.version}",
            "action": action,
            "from": before,
            "to": row.target,
            "note": note[:500],
        },
    )
    if notify is not None:
        notify(obj, row, note)
    return obj


def workflow_enter(
    *, actor: AnyUser | None, subject: WorkflowSubject, note: str = "", action: str = "open"
) -> None:
    """Record that a new object starts in its workflow's first stage (its first history row);
    the caller has just created it, inside its transaction."""
    flow = subject.workflow()
    status: str = subject.status  # type: ignore[attr-defined]
    if status != flow.initial:
        raise ValueError(f"{subject!r} starts in {status!r}, not in {flow.initial!r}")
    subject.status_changed_at = timezone.now()
    subject.save(update_fields=["status_changed_at"])
    getattr(subject, subject.workflow_history).create(
        action=action,
        from_status="",
        to_status=status,
        actor=user_or_none(actor),
        note=note,
    )


# --- definitions as data ---------------------------------------------------------------------


def _office(province_id: int | None, county_id: int | None) -> tuple[str, dict[str, int | None]]:
    """The owning office's level and place (for `reaches`)."""
    if province_id is not None and county_id is not None:
        raise ApplicationError(
            _("گردش کار از آنِ یک اداره است: استان یا شهرستان، نه هر دو."),
            code="invalid",
            fields={"county_id": []},
        )
    if county_id is not None:
        county = County.objects.filter(pk=county_id).first() if 0 < county_id < 2**31 else None
        if county is None:
            raise ApplicationError(
                _("شهرستان را انتخاب کنید."), code="invalid", fields={"county_id": []}
            )
        return Reach.COUNTY, {"county_id": county.pk, "province_id": county.province_id}
    if province_id is not None:
        if not 0 < province_id < 2**31 or not Province.objects.filter(pk=province_id).exists():
            raise ApplicationError(
                _("استان را انتخاب کنید."), code="invalid", fields={"province_id": []}
            )
        return Reach.PROVINCE, {"county_id": None, "province_id": province_id}
    return Reach.NATIONAL, {"county_id": None, "province_id": None}


@transaction.atomic
def workflow_definition_publish(
    *,
    actor: AnyUser | None,
    code: str,
    name: str,
    definition: Any,
    province_id: int | None = None,
    county_id: int | None = None,
) -> WorkflowDefinition:
    """Publish the next version of an office's workflow. The definition is checked first (every
    problem listed); objects already started keep the version they started under."""
    code = normalize(code).lower()
    name = normalize(name)
    level, place = _office(province_id, county_id)
    if not reaches(
        scope_of(actor), level, county_id=place["county_id"], province_id=place["province_id"]
    ):
        raise NotFoundError()
    if code_workflow(code) is not None:
        raise ApplicationError(
            _("گردش کار «%(c)s» را قانون تعیین کرده است و تعریف‌شدنی نیست.") % {"c": code},
            code="reserved",
            fields={"code": []},
        )
    if not name:
        raise ApplicationError(_("عنوان لازم است."), code="invalid", fields={"name": []})
    lock_value("workflow-definition", code)
    family = WorkflowDefinition.objects.filter(code=code)
    owner = family.values_list("province_id", "county_id").first()
    if owner is not None and owner != (province_id, county_id):
        raise ApplicationError(
            _("گردش کار «%(c)s» از آنِ ادارهٔ دیگری است.") % {"c": code},
            code="other_office",
            fields={"code": []},
        )
    version = (family.aggregate(v=Max("version"))["v"] or 0) + 1
    try:
        flow: Workflow = workflow_from_data(code, version, definition, name)
    except DefinitionError as exc:
        raise ApplicationError(
            exc.problems[0], code="invalid_workflow", fields={"definition": exc.problems}
        ) from None
    try:
        with transaction.atomic():
            created = WorkflowDefinition.objects.create(
                code=code,
                version=version,
                name=name[:200],
                province_id=province_id,
                county_id=county_id,
                definition=flow.as_data(),
                created_by=user_or_none(actor),
            )
    except IntegrityError:
        raise ConflictError(
            _("هم‌زمان نسخهٔ دیگری منتشر شد؛ دوباره تلاش کنید."), code="conflict"
        ) from None
    audit_record(
        actor=actor,
        action=WorkflowEvent.PUBLISH,
        obj=created,
        summary=f"{created.key}: {len(flow.stages)} stages, {len(flow.transitions)} transitions",
        changes={"code": code, "version": version},
    )
    return created
