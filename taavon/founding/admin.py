"""Django admin of founding applications: read-only, since every change is a workflow step."""

from django.contrib import admin

from taavon.audit.admin_mixins import ReadOnlyAdmin

from .models import FoundingApplication


@admin.register(FoundingApplication)
class FoundingApplicationAdmin(ReadOnlyAdmin):  # the founding workflow
    list_display = ["tracking_code", "county", "status", "created_at"]
    list_filter = ["status"]
