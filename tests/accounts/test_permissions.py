"""The access module: each role's scope, visible(), can(), get_visible_or_404(), require()."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import AnonymousUser

from taavon.accounts.models import Role, User
from taavon.audit.models import AuditEvent
from taavon.audit.services import audit_record
from taavon.core.errors import NotFoundError
from taavon.core.permissions import (
    EMPTY_SCOPE,
    can,
    get_visible_or_404,
    require,
    scope_of,
    visible,
)
from taavon.geo.models import County, Province
from taavon.registry.models import Cooperative

pytestmark = pytest.mark.django_db


def names(qs) -> set[str]:
    return {obj.name for obj in qs}


# --- scope_of -------------------------------------------------------------------------------


def test_anonymous_has_the_empty_scope() -> None:
    assert scope_of(AnonymousUser()) == EMPTY_SCOPE
    assert scope_of(None) == EMPTY_SCOPE


def test_member_scope(member: User) -> None:
    scope = scope_of(member)
    assert scope.roles == {Role.MEMBER}
    assert not scope.is_officer and not scope.national


def test_county_officer_scope(county_officer: User, khorramabad: County) -> None:
    scope = scope_of(county_officer)
    assert scope.county_ids == {khorramabad.pk}
    assert scope.province_ids == frozenset()
    assert scope.is_officer and not scope.national


def test_provincial_officer_scope(provincial_officer: User, lorestan: Province) -> None:
    scope = scope_of(provincial_officer)
    assert scope.province_ids == {lorestan.pk}
    assert scope.is_officer and not scope.national


@pytest.mark.parametrize("role", [Role.NATIONAL_OFFICER, Role.SYSADMIN])
def test_national_scope(make_user: Callable[..., User], role: Role) -> None:
    scope = scope_of(make_user(role))
    assert scope.national and scope.is_officer


def test_superuser_counts_as_sysadmin(make_user: Callable[..., User]) -> None:
    user = make_user(staff=True)
    user.is_superuser = True
    assert scope_of(user).has_role(Role.SYSADMIN)
    assert scope_of(user).national


def test_coop_manager_scope(coop_manager: User, coop_dorud: Cooperative) -> None:
    scope = scope_of(coop_manager)
    assert scope.cooperative_ids == {coop_dorud.pk}
    assert not scope.is_officer


def test_scope_is_computed_with_one_query_and_cached(
    county_officer: User, django_assert_num_queries
) -> None:
    user = User.objects.get(pk=county_officer.pk)
    with django_assert_num_queries(1):
        scope_of(user)
        scope_of(user)
        scope_of(user)


# --- cooperatives ---------------------------------------------------------------------------
# Registered cooperatives are public; one still being founded is seen only within scope.


def test_anonymous_and_member_see_only_registered_cooperatives(
    member: User, founding_coops: dict[str, Cooperative], coop_tehran: Cooperative
) -> None:
    assert names(visible(None, Cooperative)) == {coop_tehran.name}
    assert names(visible(member, Cooperative)) == {coop_tehran.name}


def test_county_officer_sees_unregistered_cooperatives_only_of_their_county(
    county_officer: User, founding_coops: dict[str, Cooperative]
) -> None:
    seen = visible(county_officer, Cooperative).filter(status="founding")
    assert list(seen) == [founding_coops["khorramabad"]]


def test_provincial_officer_sees_unregistered_cooperatives_of_their_province(
    provincial_officer: User, founding_coops: dict[str, Cooperative]
) -> None:
    seen = set(visible(provincial_officer, Cooperative).filter(status="founding"))
    assert seen == {founding_coops["khorramabad"], founding_coops["dorud"]}


def test_national_officer_sees_all_cooperatives(
    national_officer: User, founding_coops: dict[str, Cooperative]
) -> None:
    assert visible(national_officer, Cooperative).count() == 3


def test_coop_manager_sees_their_own_unregistered_cooperative(
    make_user: Callable[..., User], founding_coops: dict[str, Cooperative]
) -> None:
    own = founding_coops["dorud"]
    manager = make_user(Role.COOP_MANAGER, cooperative_id=own.pk)
    assert list(visible(manager, Cooperative).filter(status="founding")) == [own]


def test_manage_permission_follows_scope(
    county_officer: User,
    provincial_officer: User,
    national_officer: User,
    coop_manager: User,
    member: User,
    coop_khorramabad: Cooperative,
    coop_dorud: Cooperative,
    coop_tehran: Cooperative,
) -> None:
    def managed(user: User) -> set[Cooperative]:
        coops = (coop_khorramabad, coop_dorud, coop_tehran)
        return {c for c in coops if can(user, "manage", c)}

    assert managed(county_officer) == {coop_khorramabad}
    assert managed(provincial_officer) == {coop_khorramabad, coop_dorud}
    assert managed(national_officer) == {coop_khorramabad, coop_dorud, coop_tehran}
    assert managed(coop_manager) == {coop_dorud}
    assert managed(member) == set()
    # Anyone may view a registered cooperative.
    assert can(member, "view", coop_tehran)


# --- audit events ---------------------------------------------------------------------------


@pytest.fixture
def placed_events(
    khorramabad: County, dorud: County, tehran_county: County
) -> dict[str, AuditEvent]:
    """One audit event per place, plus one with no place (e.g. a login)."""
    events = {
        c.slug: audit_record(
            actor=None, action="geo.county.import", county_id=c.pk, province_id=c.province_id
        )
        for c in (khorramabad, dorud, tehran_county)
    }
    events["nowhere"] = audit_record(actor=None, action="geo.reference.load")
    return events


def slugs(qs, events: dict[str, AuditEvent]) -> set[str]:
    by_pk = {e.pk: slug for slug, e in events.items()}
    return {by_pk[pk] for pk in qs.values_list("pk", flat=True) if pk in by_pk}


def test_county_officer_sees_audit_only_of_their_county(
    county_officer: User, placed_events: dict[str, AuditEvent]
) -> None:
    assert slugs(visible(county_officer, AuditEvent), placed_events) == {"khorramabad"}


def test_provincial_officer_sees_audit_of_their_province(
    provincial_officer: User, placed_events: dict[str, AuditEvent]
) -> None:
    assert slugs(visible(provincial_officer, AuditEvent), placed_events) == {
        "khorramabad",
        "dorud",
    }


def test_national_officer_sees_all_audit(
    national_officer: User, placed_events: dict[str, AuditEvent]
) -> None:
    assert slugs(visible(national_officer, AuditEvent), placed_events) == set(placed_events)


def test_member_and_manager_see_no_audit(
    member: User, coop_manager: User, placed_events: dict[str, AuditEvent]
) -> None:
    assert not visible(member, AuditEvent).exists()
    assert not visible(coop_manager, AuditEvent).exists()
    assert not visible(None, AuditEvent).exists()


# --- get_visible_or_404 / require -----------------------------------------------------------


def test_get_visible_or_404_returns_an_object_in_scope(
    county_officer: User, founding_coops: dict[str, Cooperative]
) -> None:
    own = founding_coops["khorramabad"]
    assert get_visible_or_404(county_officer, Cooperative, pk=own.pk) == own


def test_missing_and_out_of_scope_objects_look_the_same(
    county_officer: User, founding_coops: dict[str, Cooperative]
) -> None:
    with pytest.raises(NotFoundError) as missing:
        get_visible_or_404(county_officer, Cooperative, pk=10**9)
    with pytest.raises(NotFoundError) as forbidden:
        get_visible_or_404(county_officer, Cooperative, pk=founding_coops["dorud"].pk)
    assert (missing.value.message, missing.value.code, missing.value.status_code) == (
        forbidden.value.message,
        forbidden.value.code,
        forbidden.value.status_code,
    )
    assert missing.value.message == "موردی یافت نشد."


@pytest.mark.parametrize("bad_pk", ["abc", None, "1; DROP TABLE x"])
def test_malformed_lookups_are_not_found(county_officer: User, bad_pk: object) -> None:
    with pytest.raises(NotFoundError):
        get_visible_or_404(county_officer, Cooperative, pk=bad_pk)


def test_get_visible_or_404_accepts_a_queryset(
    national_officer: User, founding_coops: dict[str, Cooperative]
) -> None:
    qs = Cooperative.objects.filter(county__slug="dorud")
    assert get_visible_or_404(national_officer, qs, pk=founding_coops["dorud"].pk)
    with pytest.raises(NotFoundError):
        get_visible_or_404(national_officer, qs, pk=founding_coops["khorramabad"].pk)


def test_require_raises_not_found_when_not_allowed(
    county_officer: User, coop_dorud: Cooperative, coop_khorramabad: Cooperative
) -> None:
    require(county_officer, "manage", coop_khorramabad)
    with pytest.raises(NotFoundError):
        require(county_officer, "manage", coop_dorud)


def test_users_see_themselves_and_sysadmins_see_everyone(
    member: User, county_officer: User, sysadmin: User
) -> None:
    assert list(visible(member, User)) == [member]
    assert visible(sysadmin, User).count() == User.objects.count()
    assert not visible(None, User).exists()
    with pytest.raises(NotFoundError):
        get_visible_or_404(member, User, pk=county_officer.pk)


def test_geography_is_public_and_changed_only_by_national_staff(
    member: User, national_officer: User, lorestan: Province
) -> None:
    assert visible(None, Province).count() == 31
    assert can(member, "view", lorestan)
    assert not can(member, "change", lorestan)
    assert can(national_officer, "change", lorestan)


def test_a_model_without_policy_is_refused_loudly(member: User) -> None:
    from taavon.notifications.models import Notification

    with pytest.raises(LookupError):
        visible(member, Notification)
