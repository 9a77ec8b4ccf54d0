"""Writes about users, roles and API tokens; each one is audited."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from taavon.accounts.events import AccountsEvent
from taavon.audit.services import audit_record
from taavon.core.errors import ApplicationError, NotFoundError, check_field
from taavon.core.permissions import AnyUser, forget_scope, require
from taavon.geo.models import County, Province
from taavon.persian.text import normalize
from taavon.persian.validators import (
    normalize_mobile,
    normalize_national_id,
    validate_mobile,
    validate_national_id,
)

from . import tokens
from .models import ApiToken, Role, RoleAssignment, User

MAX_ACTIVE_TOKENS = 20

# The scope each role takes: (required, allowed) among province, county and cooperative.
ROLE_SCOPES: dict[Role, tuple[frozenset[str], frozenset[str]]] = {
    Role.COUNTY_OFFICER: (frozenset({"county"}), frozenset({"county"})),
    Role.PROVINCIAL_OFFICER: (frozenset({"province"}), frozenset({"province"})),
    Role.COOP_MANAGER: (frozenset({"cooperative"}), frozenset({"cooperative"})),
    Role.FESTIVAL_JUDGE: (frozenset(), frozenset({"province"})),
}


@transaction.atomic
def user_create(
    *,
    actor: AnyUser | None,
    password: str,
    national_id: str | None = None,
    username: str | None = None,
    first_name: str = "",
    last_name: str = "",
    mobile: str = "",
    email: str = "",
    is_staff: bool = False,
) -> User:
    """A citizen (by national ID) or a staff account (by username): created by a system
    administrator, or by the platform itself (the demo, a command)."""
    require(actor, "create", User())
    if national_id:
        check_field("national_id", validate_national_id, national_id)
    if mobile:
        check_field("mobile", validate_mobile, mobile)
    nid = normalize_national_id(national_id) if national_id else None
    login = nid or normalize(username or "")
    if not login:
        raise ApplicationError(_("کد ملی یا نام کاربری لازم است."), code="required")
    if nid and User.objects.filter(national_id=nid).exists():
        raise ApplicationError(
            _("کاربری با این کد ملی وجود دارد."),
            code="duplicate",
            fields={"national_id": [_("کاربری با این کد ملی وجود دارد.")]},
        )
    if User.objects.filter(username__iexact=login).exists():
        raise ApplicationError(_("این نام کاربری گرفته شده است."), code="duplicate")
    user = User(
        username=login,
        national_id=nid,
        first_name=normalize(first_name),
        last_name=normalize(last_name),
        mobile=normalize_mobile(mobile) if mobile else "",
        email=email.strip(),
        is_staff=is_staff,
    )
    user.set_password(password)
    user.save()
    audit_record(actor=actor, action=AccountsEvent.USER_CREATE, obj=user)
    return user


@transaction.atomic
def role_assign(
    *,
    actor: AnyUser | None,
    user: User,
    role: Role | str,
    province: Province | None = None,
    county: County | None = None,
    cooperative_id: int | None = None,
) -> RoleAssignment:
    require(actor, "assign_role", user)
    role = Role(role)
    given = {
        name
        for name, value in (
            ("province", province),
            ("county", county),
            ("cooperative", cooperative_id),
        )
        if value is not None
    }
    required, allowed = ROLE_SCOPES.get(role, (frozenset(), frozenset()))
    if not required <= given:
        raise ApplicationError(_("برای این نقش، حوزهٔ جغرافیایی یا تعاونی لازم است."), code="scope")
    if not given <= allowed:
        raise ApplicationError(_("حوزهٔ داده‌شده با این نقش سازگار نیست."), code="scope")
    scope: dict[str, Any] = {
        "province": province,
        "county": county,
        "cooperative_id": cooperative_id,
    }
    assignment, created = RoleAssignment.objects.get_or_create(user=user, role=role, **scope)
    if role == Role.SYSADMIN and not (user.is_staff and user.is_superuser):
        user.is_staff = user.is_superuser = True
        user.save(update_fields=["is_staff", "is_superuser"])
        if not created:  # the role was there, the admin rights were not: record the grant
            audit_record(
                actor=actor,
                action=AccountsEvent.ROLE_ADMIN_RIGHTS,
                obj=user,
                summary="is_staff, is_superuser",
            )
    if created:
        audit_record(
            actor=actor,
            action=AccountsEvent.ROLE_ASSIGN,
            obj=user,
            summary=str(assignment),
            province_id=province.pk if province else (county.province_id if county else None),
            county_id=county.pk if county else None,
        )
    forget_scope(user)
    return assignment


@transaction.atomic
def api_token_create(*, actor: User, name: str) -> tuple[ApiToken, str]:
    """Create a token for the actor; the plain token is returned once and never stored."""
    if not getattr(actor, "is_authenticated", False):
        raise NotFoundError()
    name = normalize(name)
    if not name or len(name) > 100:
        message = _("نام توکن باید بین ۱ تا ۱۰۰ نویسه باشد.")
        raise ApplicationError(message, code="invalid", fields={"name": [message]})
    User.objects.select_for_update().get(pk=actor.pk)  # serialise the active-token count
    if ApiToken.objects.filter(user=actor, revoked_at__isnull=True).count() >= MAX_ACTIVE_TOKENS:
        raise ApplicationError(_("تعداد توکن‌های فعال به سقف رسیده است."), code="limit")
    plain, prefix, secret_hash = tokens.generate()
    token = ApiToken.objects.create(user=actor, name=name, prefix=prefix, secret_hash=secret_hash)
    audit_record(actor=actor, action=AccountsEvent.TOKEN_CREATE, obj=token, summary=name)
    return token, plain


@transaction.atomic
def api_token_revoke(*, actor: User, token_id: int) -> ApiToken:
    token = ApiToken.objects.select_for_update().filter(pk=token_id, user=actor).first()
    if token is None:
        raise NotFoundError()
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(actor=actor, action=AccountsEvent.TOKEN_REVOKE, obj=token, summary=token.name)
    return token


def api_token_authenticate(raw: str) -> User | None:
    """The active user behind a token, or None for malformed, unknown or revoked tokens."""
    parts = tokens.split(raw)
    if parts is None:
        return None
    prefix, secret = parts
    token = ApiToken.objects.select_related("user").filter(prefix=prefix).first()
    if token is None or token.revoked_at is not None or not token.user.is_active:
        return None
    if not tokens.matches(secret, token.secret_hash):
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
