"""API authentication: the UI's session (with CSRF) or a personal bearer token."""

from __future__ import annotations

from typing import Any, cast

from django.http import HttpRequest
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer, SessionAuth

from taavon.accounts.models import User
from taavon.accounts.services import api_token_authenticate


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = api_token_authenticate(token)
        if user is None:
            # A bad token is an error even if a session cookie is present: fail loudly.
            raise AuthenticationError()
        request.user = user
        return user


session_auth = SessionAuth()
token_auth = TokenAuth()
REQUIRED = [token_auth, session_auth]


def signed_in_user(request: HttpRequest) -> User:
    """The user of a request that passed REQUIRED: token and session auth both set it."""
    return cast(User, request.user)
