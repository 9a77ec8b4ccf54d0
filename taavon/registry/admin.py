from django.contrib import admin

from .models import Cooperative


@admin.register(Cooperative)
class CooperativeAdmin(admin.ModelAdmin):
    list_display = ["name", "county", "status", "registration_number"]
    list_filter = ["status", "county__province"]
    search_fields = ["name", "name_key", "registration_number"]
