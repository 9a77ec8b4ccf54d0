"""The request of a view that reads htmx's headers: django-htmx's middleware sets
`request.htmx` (true for a request htmx sent, with `.boosted`, `.target` and the rest)."""

from __future__ import annotations

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails
