from django.contrib import admin

from .models import County, Province


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ["code", "name_fa", "name_en", "population_1395"]
    search_fields = ["code", "name_fa", "name_en"]


@admin.register(County)
class CountyAdmin(admin.ModelAdmin):
    list_display = ["name_fa", "name_en", "province", "population_1395"]
    list_filter = ["province"]
    search_fields = ["name_fa", "name_en", "slug"]
