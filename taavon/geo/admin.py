from django.contrib import admin

from taavon.audit.admin_mixins import AuditedAdmin

from .models import County, Province


@admin.register(Province)
class ProvinceAdmin(AuditedAdmin):
    list_display = ["code", "name_fa", "name_en", "population_1395"]
    search_fields = ["code", "name_fa", "name_en"]


@admin.register(County)
class CountyAdmin(AuditedAdmin):
    list_display = ["name_fa", "name_en", "province", "population_1395"]
    list_filter = ["province"]
    search_fields = ["name_fa", "name_en", "slug"]
