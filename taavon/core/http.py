"""Responses shared by the web views and the API."""

from __future__ import annotations

from django.http import HttpResponse


def private_file(
    data: bytes, content_type: str, filename: str, *, inline: bool = False
) -> HttpResponse:
    """A generated document holding personal data: never cached by a browser or a proxy."""
    response = HttpResponse(data, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
