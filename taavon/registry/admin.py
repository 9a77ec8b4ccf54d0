"""Django admin of the registry: look at everything; only people's details may be corrected."""

from django.contrib import admin

from taavon.audit.admin_mixins import AuditedAdmin, ReadOnlyAdmin
from taavon.registry.models import Cooperative, Membership, Person, RuleProfile


@admin.register(Cooperative)
class CooperativeAdmin(ReadOnlyAdmin):  # status changes go through their service
    list_display = ["name", "county", "sector", "status", "registration_number"]
    list_filter = ["status", "sector", "county__province"]
    search_fields = ["name", "name_key", "registration_number", "legal_national_id"]


@admin.register(RuleProfile)
class RuleProfileAdmin(ReadOnlyAdmin):  # versions are published, never edited
    list_display = ["name", "kind", "sector", "version", "effective_from"]


@admin.register(Person)
class PersonAdmin(AuditedAdmin):  # correcting a name is an (audited) admin task
    search_fields = ["national_id", "last_name"]


@admin.register(Membership)
class MembershipAdmin(ReadOnlyAdmin):  # admission and exit are services
    list_display = ["cooperative", "register_number", "person", "status"]
    raw_id_fields = ["cooperative", "person"]
