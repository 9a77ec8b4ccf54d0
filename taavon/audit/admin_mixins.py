"""Django admin that obeys the audit rule: every add, change and delete made through the admin
is an audit event (who, what, which object, the changed fields, from where), like any service
write; and admin classes for records that only their workflow may change."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.forms import BaseFormSet, Form
from django.http import HttpRequest

from .events import AdminEvent
from .services import audit_record


class AuditedAdmin(admin.ModelAdmin):
    def save_model(self, request: HttpRequest, obj: Any, form: Form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        changed = sorted(getattr(form, "changed_data", []))
        audit_record(
            actor=request.user,
            action=AdminEvent.CHANGE if change else AdminEvent.ADD,
            obj=obj,
            summary=", ".join(changed)[:200],
            changes={"fields": changed},
        )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        audit_record(actor=request.user, action=AdminEvent.DELETE, obj=obj, summary=str(obj))
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        for obj in queryset:
            audit_record(actor=request.user, action=AdminEvent.DELETE, obj=obj, summary=str(obj))
        super().delete_queryset(request, queryset)

    def save_formset(
        self, request: HttpRequest, form: Form, formset: BaseFormSet[Any], change: bool
    ) -> None:
        super().save_formset(request, form, formset, change)
        for obj in getattr(formset, "new_objects", []):
            audit_record(actor=request.user, action=AdminEvent.ADD, obj=obj)
        for obj, fields in getattr(formset, "changed_objects", []):
            audit_record(
                actor=request.user,
                action=AdminEvent.CHANGE,
                obj=obj,
                changes={"fields": sorted(fields)},
            )
        for obj in getattr(formset, "deleted_objects", []):
            # Deleted already (no pk), but the object still says which model it was.
            audit_record(actor=request.user, action=AdminEvent.DELETE, obj=obj, summary=str(obj))


class ReadOnlyAdmin(admin.ModelAdmin):
    """For records whose changes must go through their services (workflow, versioning, the
    register): the admin may look, not touch."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
