"""The versioned REST API: /api/v1/, OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs."""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, URLResolver, re_path
from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from . import audit, cooperatives, errors, founding, geo, imports, me, registry, workflows


class PersianJSONRenderer(JSONRenderer):
    """UTF-8 JSON without \\u escapes, so Persian stays readable on the wire."""

    json_dumps_params = {"ensure_ascii": False}  # noqa: RUF012


class TaavonAPI(NinjaAPI):
    """NinjaAPI whose own 404/405 answers use the one error shape too."""

    def _get_urls(self) -> list[URLResolver | URLPattern]:
        urls: list[Any] = super()._get_urls()
        for pattern in urls:
            if isinstance(pattern, URLPattern):
                pattern.callback = errors.shaped(self, pattern.callback)
        urls.append(re_path(r"^.*$", errors.not_found_view(self)))  # /api/v1/ itself too
        return urls


api = TaavonAPI(
    renderer=PersianJSONRenderer(),
    title="Taavon API",
    version="1.0.0",
    description=(
        "API of Taavon (تعاون), the platform of the cooperative sector. Authenticate with the "
        "browser session or a personal token: `Authorization: Bearer tvn_...`. Errors always "
        'have the shape `{"message", "code", "extra": {"fields": {...}}}`.'
    ),
    urls_namespace="api-v1",
    docs_url="/docs",
)
errors.install(api)
api.add_router("/geo", geo.router)
api.add_router("/me", me.router)
api.add_router("/audit", audit.router)
api.add_router("/registry", registry.router)
api.add_router("/founding", founding.router)
api.add_router("/cooperatives", cooperatives.router)
api.add_router("/imports", imports.router)
api.add_router("/workflows", workflows.router)
