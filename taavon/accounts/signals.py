"""Logins, logouts and failed logins are audited too."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from taavon.audit.services import audit_record
from taavon.persian.text import normalize

from .events import AccountsEvent
from .models import User

# As long as a username may be (and the login form's field); longer input is cut, not refused.
TRIED_LOGIN_LENGTH = 150


@receiver(user_logged_in)
def _logged_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    audit_record(actor=user, action=AccountsEvent.LOGIN, obj=user)


@receiver(user_logged_out)
def _logged_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        audit_record(actor=user, action=AccountsEvent.LOGOUT, obj=user)


def tried_login(credentials: dict[str, Any]) -> str:
    """The login name that was tried, cleaned of control characters and cut to length. Django
    has already masked the password (and anything else that looks secret) in `credentials`;
    only the login name is read here anyway."""
    return normalize(str(credentials.get(User.USERNAME_FIELD) or ""))[:TRIED_LOGIN_LENGTH]


@receiver(user_login_failed)
def _login_failed(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any
) -> None:
    login = tried_login(credentials)
    audit_record(
        actor=None, action=AccountsEvent.LOGIN_FAILED, summary=login, changes={"login": login}
    )
