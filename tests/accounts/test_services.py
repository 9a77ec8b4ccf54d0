"""user_create and role_assign: validation in Persian, nothing saved on error, audited."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from taavon.accounts.models import Role, RoleAssignment, User
from taavon.accounts.services import role_assign, user_create
from taavon.audit.models import AuditEvent
from taavon.core.errors import ApplicationError
from taavon.core.permissions import SYSTEM, scope_of
from taavon.geo.models import County, Province
from taavon.registry.models import Cooperative
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def create(**kwargs: object) -> User:
    return user_create(actor=SYSTEM, password=PASSWORD, **kwargs)  # type: ignore[arg-type]


def assert_nothing_saved() -> None:
    assert not User.objects.exists()
    assert not AuditEvent.objects.filter(action="accounts.user.create").exists()


# --- user_create ----------------------------------------------------------------------------


def test_citizen_is_created_with_normalised_fields() -> None:
    user = create(
        national_id="۰۰۸۴۵۷۵۹۴۸",
        mobile="۰۹۱۶ ۱۲۳ ۴۵۶۷",
        first_name="  رضا ",
        last_name="سپهوند",
        email=" reza@example.test ",
    )
    assert user.national_id == "0084575948"
    assert user.username == "0084575948"
    assert user.mobile == "+989161234567"
    assert (user.first_name, user.email) == ("رضا", "reza@example.test")
    assert user.check_password(PASSWORD)


def test_staff_user_is_created_by_username() -> None:
    user = create(username="lorestan", is_staff=True)
    assert (user.username, user.national_id, user.is_staff) == ("lorestan", None, True)


def test_user_create_is_audited(sysadmin: User) -> None:
    actor = sysadmin
    user = user_create(actor=actor, password=PASSWORD, national_id="0013542419")
    event = AuditEvent.objects.get(action="accounts.user.create", object_id=str(user.pk))
    assert event.actor == actor
    assert event.object_type == "accounts.user"


def test_only_administrators_create_users_or_give_roles(member: User) -> None:
    from taavon.core.errors import NotFoundError

    before = (User.objects.count(), AuditEvent.objects.count())
    for actor in (member, None):
        with pytest.raises(NotFoundError):
            user_create(actor=actor, password=PASSWORD, national_id="0013542419")
        with pytest.raises(NotFoundError):
            role_assign(actor=actor, user=member, role=Role.NATIONAL_OFFICER)
    assert (User.objects.count(), AuditEvent.objects.count()) == before
    assert not RoleAssignment.objects.filter(user=member, role=Role.NATIONAL_OFFICER).exists()


@pytest.mark.parametrize(
    ("national_id", "message"),
    [
        ("0084575949", "کد ملی معتبر نیست."),  # wrong check digit
        ("1111111111", "کد ملی معتبر نیست."),  # all digits the same (check digit passes)
        ("0000000000", "کد ملی معتبر نیست."),
        ("12345", "کد ملی باید ۱۰ رقم باشد."),
        ("00845759481", "کد ملی باید ۱۰ رقم باشد."),
        ("abcdefghij", "کد ملی باید ۱۰ رقم باشد."),
    ],
)
def test_invalid_national_id_is_rejected(national_id: str, message: str) -> None:
    with pytest.raises(ApplicationError) as excinfo:
        create(national_id=national_id)
    assert excinfo.value.message == message
    assert excinfo.value.fields == {"national_id": [message]}
    assert_nothing_saved()


def test_duplicate_national_id_is_rejected() -> None:
    create(national_id="0084575948")
    with pytest.raises(ApplicationError) as excinfo:
        create(national_id="84575948")  # the same person, leading zeros dropped
    assert excinfo.value.message == "کاربری با این کد ملی وجود دارد."
    assert excinfo.value.code == "duplicate"
    assert "national_id" in excinfo.value.fields
    assert User.objects.count() == 1


def test_duplicate_username_is_rejected_case_insensitively() -> None:
    create(username="dorud")
    with pytest.raises(ApplicationError, match="این نام کاربری گرفته شده است."):
        create(username="Dorud")
    assert User.objects.count() == 1


@pytest.mark.parametrize("mobile", ["02188776655", "0912123456", "+447700900123", "موبایل"])
def test_invalid_mobile_is_rejected(mobile: str) -> None:
    with pytest.raises(ApplicationError) as excinfo:
        create(national_id="0084575948", mobile=mobile)
    assert excinfo.value.message.startswith("شماره تلفن همراه معتبر نیست")
    assert list(excinfo.value.fields) == ["mobile"]
    assert_nothing_saved()


def test_national_id_or_username_is_required() -> None:
    with pytest.raises(ApplicationError, match="کد ملی یا نام کاربری لازم است."):
        create(username="  ")
    assert_nothing_saved()


# --- role_assign ----------------------------------------------------------------------------


@pytest.fixture
def user() -> User:
    return UserFactory()


def test_county_officer_gets_their_county(user: User, khorramabad: County) -> None:
    assignment = role_assign(actor=SYSTEM, user=user, role=Role.COUNTY_OFFICER, county=khorramabad)
    assert (assignment.role, assignment.county) == (Role.COUNTY_OFFICER, khorramabad)
    assert scope_of(user).county_ids == {khorramabad.pk}


def test_role_assign_is_audited_with_its_place(
    user: User, khorramabad: County, sysadmin: User
) -> None:
    actor = sysadmin
    role_assign(actor=actor, user=user, role=Role.COUNTY_OFFICER, county=khorramabad)
    event = AuditEvent.objects.get(action="accounts.role.assign", object_id=str(user.pk))
    assert (event.actor, event.object_id) == (actor, str(user.pk))
    assert (event.county_id, event.province_id) == (khorramabad.pk, khorramabad.province_id)


def test_role_assign_twice_is_a_no_op(user: User, lorestan: Province) -> None:
    first = role_assign(actor=SYSTEM, user=user, role=Role.PROVINCIAL_OFFICER, province=lorestan)
    again = role_assign(actor=SYSTEM, user=user, role=Role.PROVINCIAL_OFFICER, province=lorestan)
    assert first == again
    assert AuditEvent.objects.filter(action="accounts.role.assign").count() == 1


def test_new_role_refreshes_the_cached_scope(user: User, lorestan: Province) -> None:
    assert not scope_of(user).is_officer
    role_assign(actor=SYSTEM, user=user, role=Role.PROVINCIAL_OFFICER, province=lorestan)
    assert scope_of(user).province_ids == {lorestan.pk}


def test_sysadmin_role_makes_a_superuser(user: User) -> None:
    role_assign(actor=SYSTEM, user=user, role=Role.SYSADMIN)
    user.refresh_from_db()
    assert user.is_staff and user.is_superuser


def test_sysadmin_role_makes_an_existing_staff_user_a_superuser(
    make_user: Callable[..., User],
) -> None:
    staff = make_user(staff=True)
    assert staff.is_staff and not staff.is_superuser
    role_assign(actor=SYSTEM, user=staff, role=Role.SYSADMIN)
    staff.refresh_from_db()
    assert staff.is_superuser


@pytest.mark.parametrize(
    ("role", "scope"),
    [
        (Role.COUNTY_OFFICER, {}),
        (Role.PROVINCIAL_OFFICER, {}),
        (Role.COOP_MANAGER, {}),
        (Role.COUNTY_OFFICER, {"province": True}),
        (Role.COUNTY_OFFICER, {"county": True, "province": True}),
        (Role.PROVINCIAL_OFFICER, {"county": True}),
        (Role.MEMBER, {"county": True}),
        (Role.NATIONAL_OFFICER, {"province": True}),
        (Role.SYSADMIN, {"cooperative": True}),
        (Role.FESTIVAL_JUDGE, {"county": True}),
        (Role.COOP_MANAGER, {"cooperative": True, "county": True}),
    ],
)
def test_scope_that_does_not_fit_the_role_is_rejected(
    user: User,
    lorestan: Province,
    khorramabad: County,
    coop_dorud: Cooperative,
    role: Role,
    scope: dict[str, bool],
) -> None:
    kwargs = {
        "province": lorestan if scope.get("province") else None,
        "county": khorramabad if scope.get("county") else None,
        "cooperative_id": coop_dorud.pk if scope.get("cooperative") else None,
    }
    with pytest.raises(ApplicationError) as excinfo:
        role_assign(actor=SYSTEM, user=user, role=role, **kwargs)
    assert excinfo.value.code == "scope"
    assert "نقش" in excinfo.value.message
    assert not RoleAssignment.objects.filter(user=user).exists()


def test_festival_judge_may_have_a_province_or_none(user: User, lorestan: Province) -> None:
    role_assign(actor=SYSTEM, user=user, role=Role.FESTIVAL_JUDGE, province=lorestan)
    role_assign(actor=SYSTEM, user=user, role=Role.FESTIVAL_JUDGE)
    assert RoleAssignment.objects.filter(user=user).count() == 2


def test_unknown_role_is_rejected(user: User) -> None:
    with pytest.raises(ValueError):
        role_assign(actor=SYSTEM, user=user, role="mayor")
