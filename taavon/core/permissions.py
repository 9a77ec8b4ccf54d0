"""The one place that answers "may this user do X to this object" and "which may they see".

Every app registers a policy for its models (`@register(Model)` in its `policies.py`).
Services call `require()` on the object they lock; selectors call `visible()` and
`get_visible_or_404()`; nothing else decides access. A user's `Scope` (roles and the geography
they reach) comes from the provider the accounts app installs at start-up (`use_scope_provider`),
so this module, which every app imports, imports no app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db.models import Model, Q, QuerySet

from .errors import NotFoundError


class SystemActor:
    """The platform itself acting, with no person behind the request: the demo data, management
    commands run by the engineer on the server, data migrations. Every check passes; the audit
    log records the channel ("cli", "task") in place of a user. Services refuse a missing actor
    (None), so a view that forgot to pass the user can never act as the system."""

    is_authenticated = False
    is_anonymous = False
    is_superuser = False
    pk = None

    def __repr__(self) -> str:
        return "SYSTEM"

    def get_username(self) -> str:
        return "system"


SYSTEM = SystemActor()

AnyUser = AbstractBaseUser | AnonymousUser | SystemActor


@dataclass(frozen=True)
class Scope:
    """What a user's roles reach: the whole country, provinces, counties, cooperatives."""

    roles: frozenset[str]
    national: bool
    province_ids: frozenset[int]
    county_ids: frozenset[int]
    cooperative_ids: frozenset[int]

    @property
    def is_officer(self) -> bool:
        return self.national or bool(self.province_ids or self.county_ids)

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))

    def geo_q(
        self,
        *,
        county: str | None = "county",
        province: str | None = "county__province",
        cooperative: str | None = None,
    ) -> Q:
        """A filter for objects placed by these lookup paths; empty scope matches nothing."""
        q = Q(pk__in=[])
        if county and self.county_ids:
            q |= Q(**{f"{county}__in": self.county_ids})
        if province and self.province_ids:
            q |= Q(**{f"{province}__in": self.province_ids})
        if cooperative and self.cooperative_ids:
            q |= Q(**{f"{cooperative}__in": self.cooperative_ids})
        return q


EMPTY_SCOPE = Scope(frozenset(), False, frozenset(), frozenset(), frozenset())
SYSTEM_SCOPE = Scope(frozenset({"system"}), True, frozenset(), frozenset(), frozenset())


def reaches(scope: Scope, level: str, *, county_id: int | None, province_id: int | None) -> bool:
    """Whether an officer's area covers a place at `level`: "county" (the county's office, its
    province's, or the national one), "province" (the province's or the national one) or
    "national" (only the national office)."""
    if scope.national:
        return True
    if level == "national":
        return False
    if province_id is not None and province_id in scope.province_ids:
        return True
    return level == "county" and county_id is not None and county_id in scope.county_ids


ScopeProvider = Callable[[Any], Scope]
_provider: ScopeProvider | None = None


def use_scope_provider(provider: ScopeProvider) -> None:
    """Install the function that computes a signed-in user's scope (accounts does, in ready())."""
    global _provider
    _provider = provider


def scope_of(user: AnyUser | None) -> Scope:
    """The user's scope, computed once per user object (one query)."""
    if isinstance(user, SystemActor):
        return SYSTEM_SCOPE
    if user is None or not user.is_authenticated:
        return EMPTY_SCOPE
    cached: Scope | None = getattr(user, "_taavon_scope", None)
    if cached is not None:
        return cached
    if _provider is None:
        raise RuntimeError("no scope provider installed (is taavon.accounts in INSTALLED_APPS?)")
    scope = _provider(user)
    setattr(user, "_taavon_scope", scope)  # noqa: B010 - cache on the instance
    return scope


def user_or_none(actor: AnyUser | None) -> Any:
    """The signed-in user behind an actor, for a foreign key; None for the system or anonymous."""
    return actor if actor is not None and actor.is_authenticated else None


def forget_scope(user: AnyUser) -> None:
    if hasattr(user, "_taavon_scope"):
        delattr(user, "_taavon_scope")


class Policy(Protocol):
    def visible(self, user: AnyUser, scope: Scope, qs: QuerySet[Any]) -> QuerySet[Any]: ...

    def allows(self, user: AnyUser, scope: Scope, action: str, obj: Any) -> bool: ...


_POLICIES: dict[type[Model], Policy] = {}


def register(model: type[Model]) -> Callable[[type[Any]], type[Any]]:
    """Class decorator: `@register(Cooperative) class CooperativePolicy: ...`."""

    def decorate(policy_cls: type[Any]) -> type[Any]:
        _POLICIES[model] = policy_cls()
        return policy_cls

    return decorate


def _policy(model: type[Model]) -> Policy:
    try:
        return _POLICIES[model]
    except KeyError:
        raise LookupError(f"no access policy registered for {model.__name__}") from None


def visible[M: Model](user: AnyUser | None, model_or_qs: type[M] | QuerySet[M]) -> QuerySet[M]:
    """Objects of this kind the user may see (a queryset, so it composes and paginates)."""
    qs = model_or_qs if isinstance(model_or_qs, QuerySet) else model_or_qs._default_manager.all()
    if isinstance(user, SystemActor):
        return qs
    anonymous = user if user is not None else AnonymousUser()
    return _policy(qs.model).visible(anonymous, scope_of(anonymous), qs)


def can(user: AnyUser | None, action: str, obj: Model) -> bool:
    if isinstance(user, SystemActor):
        return True
    anonymous = user if user is not None else AnonymousUser()
    return _policy(type(obj)).allows(anonymous, scope_of(anonymous), action, obj)


def get_visible_or_404[M: Model](
    user: AnyUser | None, model_or_qs: type[M] | QuerySet[M], **lookup: Any
) -> M:
    """Fetch and authorise in one call; unknown and out-of-scope answer alike."""
    try:
        return visible(user, model_or_qs).get(**lookup)
    except (ObjectDoesNotExist, ValidationError, ValueError, TypeError):
        raise NotFoundError() from None


def require(user: AnyUser | None, action: str, obj: Model) -> None:
    """Raise NotFoundError unless allowed: a forbidden object looks like a missing one."""
    if not can(user, action, obj):
        raise NotFoundError()
