"""Persian PDFs with WeasyPrint: RTL, the Vazirmatn TTFs vendored under static files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

FONT_DIR = Path(settings.BASE_DIR) / "taavon" / "static" / "vendor" / "vazirmatn" / "fonts" / "ttf"


def render_pdf(template_name: str, context: dict[str, Any]) -> bytes:
    """Render a template that extends "pdf/base.html" to PDF bytes (always in Persian)."""
    from weasyprint import HTML  # imported lazily: it loads Pango at import time

    with translation.override("fa"):
        html = render_to_string(
            template_name,
            {
                **context,
                "font_regular": (FONT_DIR / "Vazirmatn-Regular.ttf").as_uri(),
                "font_bold": (FONT_DIR / "Vazirmatn-Bold.ttf").as_uri(),
            },
        )
    pdf: bytes = HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
    return pdf
