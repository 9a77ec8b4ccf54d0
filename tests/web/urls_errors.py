"""A URLconf for the error-page tests: the real site plus views that fail on purpose."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import path

from taavon.urls import handler403, handler404, handler500, urlpatterns


def forbidden(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


def broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("boom")


urlpatterns = [
    path("test-errors/403/", forbidden),
    path("test-errors/500/", broken),
    *urlpatterns,
]

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]
