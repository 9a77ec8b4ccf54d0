"""Which script/locale the current request should see."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import get_language

__all__ = ["is_persian"]


def is_persian() -> bool:
    """True when the active language is Persian (``fa`` or a ``fa-*`` variant).

    With translations deactivated (``get_language()`` is ``None``) the project
    default ``LANGUAGE_CODE`` decides.
    """
    language = get_language() or settings.LANGUAGE_CODE
    return language.lower().split("-")[0] == "fa"
