"""Log in with a national ID (citizens, members, managers) or a username (staff)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest

from taavon.persian.text import normalize, to_latin_digits

from .models import User


def login_lookup(identifier: str) -> dict[str, str]:
    """National-ID-looking input is matched on national_id, anything else on username."""
    cleaned = to_latin_digits(normalize(identifier)).replace("-", "").replace(" ", "")
    if cleaned.isdigit() and 8 <= len(cleaned) <= 10:
        return {"national_id": cleaned.zfill(10)}
    return {"username__iexact": normalize(identifier)}


class NationalIdOrUsernameBackend(ModelBackend):
    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        if not username or password is None:
            return None
        user = User.objects.filter(**login_lookup(username)).first()
        if user is None:
            # Spend the same time as a real check so unknown users are not revealed by timing.
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
