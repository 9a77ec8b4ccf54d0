"""Personal API tokens: shown once, stored as a hash, revocable, audited."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from django.utils import timezone

from taavon.accounts import tokens
from taavon.accounts.models import ApiToken, User
from taavon.accounts.services import (
    MAX_ACTIVE_TOKENS,
    api_token_authenticate,
    api_token_create,
    api_token_revoke,
)
from taavon.audit.models import AuditEvent
from taavon.core.errors import ApplicationError, NotFoundError
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def user() -> User:
    return UserFactory()


# --- the token format -----------------------------------------------------------------------


def test_generated_token_has_prefix_and_secret() -> None:
    plain, prefix, secret_hash = tokens.generate()
    assert plain.startswith(f"tvn_{prefix}_")
    assert tokens.split(plain) == (prefix, plain.split("_", 2)[2])
    assert secret_hash == hashlib.sha256(plain.split("_", 2)[2].encode()).hexdigest()


def test_generated_tokens_differ() -> None:
    assert len({tokens.generate()[0] for _ in range(20)}) == 20


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "tvn_",
        "abc",
        "tvn_short_" + "x" * 40,
        "tvn_abcdefghij_short",
        "tvn_ABCDEFGHIJ_" + "x" * 40,
        "xyz_abcdefghij_" + "x" * 40,
        "tvn_abcdefghij_" + "x" * 40 + "!",
        "tvn_abcdefghij_" + "ب" * 40,
    ],
)
def test_malformed_tokens_do_not_split(raw: str) -> None:
    assert tokens.split(raw) is None


def test_matches_compares_hashes() -> None:
    assert tokens.matches("secret", tokens.hash_secret("secret"))
    assert not tokens.matches("other", tokens.hash_secret("secret"))


# --- create ---------------------------------------------------------------------------------


def test_create_returns_the_plain_token_once_and_stores_only_its_hash(user: User) -> None:
    token, plain = api_token_create(actor=user, name="  سامانه   حسابداری ")
    prefix, secret = tokens.split(plain)  # type: ignore[misc]

    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.name == "سامانه حسابداری"
    assert stored.prefix == prefix
    assert stored.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    row = ApiToken.objects.filter(pk=token.pk).values().get()
    assert not any(secret in str(value) for value in row.values())
    assert not hasattr(stored, "token")


def test_create_is_audited_without_the_secret(user: User) -> None:
    token, plain = api_token_create(actor=user, name="CI")
    event = AuditEvent.objects.get(action="accounts.token.create")
    assert (event.actor, event.object_id, event.summary) == (user, str(token.pk), "CI")
    assert plain not in str(AuditEvent.objects.filter(pk=event.pk).values().get())


@pytest.mark.parametrize("name", ["", "   ", "\u200c", "ن" * 101])
def test_bad_token_name_is_rejected_in_persian(user: User, name: str) -> None:
    with pytest.raises(ApplicationError) as excinfo:
        api_token_create(actor=user, name=name)
    assert excinfo.value.message == "نام توکن باید بین ۱ تا ۱۰۰ نویسه باشد."
    assert "name" in excinfo.value.fields
    assert not ApiToken.objects.exists()
    assert not AuditEvent.objects.filter(action="accounts.token.create").exists()


def test_active_tokens_are_capped(user: User) -> None:
    for i in range(MAX_ACTIVE_TOKENS):
        api_token_create(actor=user, name=f"t{i}")
    with pytest.raises(ApplicationError, match="سقف"):
        api_token_create(actor=user, name="one too many")
    api_token_revoke(actor=user, token_id=ApiToken.objects.filter(user=user).first().pk)
    api_token_create(actor=user, name="after a revoke")


# --- authenticate ---------------------------------------------------------------------------


def test_authenticate_returns_the_owner_and_records_use(user: User) -> None:
    token, plain = api_token_create(actor=user, name="x")
    assert api_token_authenticate(plain) == user
    assert api_token_authenticate(f"  {plain} ") == user
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_last_use_is_written_at_most_once_a_minute(user: User, django_assert_num_queries) -> None:
    token, plain = api_token_create(actor=user, name="x")
    api_token_authenticate(plain)
    with django_assert_num_queries(1):  # the lookup only; no UPDATE
        api_token_authenticate(plain)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now() - timedelta(minutes=5))
    with django_assert_num_queries(2):
        api_token_authenticate(plain)


def test_wrong_secret_with_a_real_prefix_is_refused(user: User) -> None:
    _, plain = api_token_create(actor=user, name="x")
    prefix, secret = tokens.split(plain)  # type: ignore[misc]
    forged = f"tvn_{prefix}_{'A' * len(secret)}"
    assert api_token_authenticate(forged) is None


def test_unknown_or_malformed_token_is_refused(user: User) -> None:
    assert api_token_authenticate(tokens.generate()[0]) is None
    assert api_token_authenticate("not-a-token") is None


def test_revoked_token_is_refused(user: User) -> None:
    token, plain = api_token_create(actor=user, name="x")
    api_token_revoke(actor=user, token_id=token.pk)
    assert api_token_authenticate(plain) is None


def test_token_of_inactive_user_is_refused(user: User) -> None:
    _, plain = api_token_create(actor=user, name="x")
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert api_token_authenticate(plain) is None


# --- revoke ---------------------------------------------------------------------------------


def test_revoke_is_audited_once(user: User) -> None:
    token, _ = api_token_create(actor=user, name="x")
    api_token_revoke(actor=user, token_id=token.pk)
    again = api_token_revoke(actor=user, token_id=token.pk)
    assert again.revoked_at is not None
    events = AuditEvent.objects.filter(action="accounts.token.revoke")
    assert events.count() == 1
    assert events.get().object_id == str(token.pk)


def test_another_users_token_is_not_found(user: User) -> None:
    other = UserFactory()
    token, plain = api_token_create(actor=other, name="x")
    with pytest.raises(NotFoundError):
        api_token_revoke(actor=user, token_id=token.pk)
    with pytest.raises(NotFoundError):
        api_token_revoke(actor=user, token_id=10**9)
    assert api_token_authenticate(plain) == other


def test_only_a_signed_in_person_creates_tokens() -> None:
    from django.contrib.auth.models import AnonymousUser

    from taavon.core.errors import NotFoundError
    from taavon.core.permissions import SYSTEM

    for actor in (None, AnonymousUser(), SYSTEM):
        with pytest.raises(NotFoundError):
            api_token_create(actor=actor, name="x")  # type: ignore[arg-type]
    assert not ApiToken.objects.exists()
