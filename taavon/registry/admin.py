from django.contrib import admin

from .models import Cooperative, FoundingApplication, Membership, Person, RuleProfile


@admin.register(Cooperative)
class CooperativeAdmin(admin.ModelAdmin):
    list_display = ["name", "county", "sector", "status", "registration_number"]
    list_filter = ["status", "sector", "county__province"]
    search_fields = ["name", "name_key", "registration_number", "legal_national_id"]


@admin.register(RuleProfile)
class RuleProfileAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "sector", "version", "effective_from"]


@admin.register(FoundingApplication)
class FoundingApplicationAdmin(admin.ModelAdmin):
    list_display = ["tracking_code", "county", "status", "created_at"]
    list_filter = ["status"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    search_fields = ["national_id", "last_name"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["cooperative", "register_number", "person", "status"]
    raw_id_fields = ["cooperative", "person"]
