from django.contrib import admin
from django.urls import include, path

from taavon.api.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("taavon.web.urls")),
]

handler403 = "taavon.web.views.errors.forbidden"
handler404 = "taavon.web.views.errors.not_found"
handler500 = "taavon.web.views.errors.server_error"
