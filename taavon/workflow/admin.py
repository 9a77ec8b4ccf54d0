"""Workflow definitions in the Django admin: read-only, since versions are published through
their service and never edited."""

from django.contrib import admin

from taavon.audit.admin_mixins import ReadOnlyAdmin

from .models import WorkflowDefinition


@admin.register(WorkflowDefinition)
class WorkflowDefinitionAdmin(ReadOnlyAdmin):
    list_display = ["code", "version", "name", "province", "county", "created_at"]
    list_filter = ["code"]
