"""The app's URLs plus the bare baseline views, mounted in the same server process.

The bare views pass through the same middleware stack as every app view, so the ratio
"app view / bare view" isolates what the view itself (queries, templates, schemas) costs.
"""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import include, path


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


def bare_json(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"items": [], "count": 0, "page": 1, "page_size": 50, "pages": 1})


urlpatterns = [
    path("bench/bare/", bare, name="bench-bare"),
    path("bench/bare-json/", bare_json, name="bench-bare-json"),
    path("", include("taavon.urls")),
]

handler403 = "taavon.web.views.errors.forbidden"
handler404 = "taavon.web.views.errors.not_found"
handler500 = "taavon.web.views.errors.server_error"
