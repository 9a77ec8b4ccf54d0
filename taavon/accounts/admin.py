"""Django admin, for system administrators only (superusers)."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest

from taavon.audit.admin_mixins import AuditedAdmin

from .models import ApiToken, RoleAssignment, User


class RoleInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0
    autocomplete_fields = ["county", "cooperative"]


@admin.register(User)
class TaavonUserAdmin(AuditedAdmin, UserAdmin):
    list_display = ["username", "national_id", "first_name", "last_name", "is_active"]
    search_fields = ["username", "national_id", "first_name", "last_name"]
    fieldsets = (*UserAdmin.fieldsets, ("Taavon", {"fields": ("national_id", "mobile")}))  # type: ignore[misc]
    inlines = [RoleInline]


@admin.register(ApiToken)
class ApiTokenAdmin(AuditedAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["prefix", "secret_hash"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


def _superuser_only(request: HttpRequest) -> bool:
    return bool(request.user.is_active and request.user.is_superuser)


admin.site.has_permission = _superuser_only  # type: ignore[method-assign]
