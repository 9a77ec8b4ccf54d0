"""Demo data: one login per role and a handful of cooperatives, built through the services."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from taavon.accounts.models import Role, User
from taavon.accounts.services import role_assign, user_create
from taavon.capital.models import ShareClass
from taavon.capital.services import Subscription, capital_pay, capital_subscribe
from taavon.core.permissions import SYSTEM
from taavon.demo.founding import seed_founding
from taavon.demo.registry import DEMO_COOPERATIVES, seed_registry
from taavon.geo.models import County, Province
from taavon.notifications.services import notification_send
from taavon.persian.text import search_key
from taavon.registry.models import Cooperative, Membership
from taavon.registry.services.members import membership_admit
from taavon.registry.services.people import PersonData

DEMO_PASSWORD = "taavon-1404"


@dataclass(frozen=True)
class DemoLogin:
    role: str
    login: str
    password: str
    note: str


# (login, first, last, role, scope) — national IDs below pass the check digit.
STAFF = [
    ("admin", "مدیر", "سامانه", Role.SYSADMIN, None),
    ("national", "مریم", "احمدی", Role.NATIONAL_OFFICER, None),
    ("lorestan", "علی", "رضایی", Role.PROVINCIAL_OFFICER, "IR-15"),
    ("khorramabad", "زهرا", "کرمی", Role.COUNTY_OFFICER, "khorramabad"),
    ("dorud", "حسین", "بیرانوند", Role.COUNTY_OFFICER, "dorud"),
    ("judge", "فاطمه", "موسوی", Role.FESTIVAL_JUDGE, "IR-15"),
]
CITIZENS = [
    ("0084575948", "رضا", "سپهوند", "09161234567", Role.COOP_MANAGER),
    ("0013542419", "لیلا", "میرزایی", "09121234567", Role.MEMBER),
]
FOUNDER = ("0076229645", "سارا", "چگینی", "09161112233")


def _user(login: str, first: str, last: str, **extra: Any) -> tuple[User, bool]:
    existing = User.objects.filter(username=login).first()
    if existing:
        return existing, False
    user = user_create(
        actor=SYSTEM,
        password=DEMO_PASSWORD,
        first_name=first,
        last_name=last,
        username=None if extra.get("national_id") else login,
        **extra,
    )
    return user, True


def _demo_membership(
    cooperative: Cooperative, person: PersonData, *, shares: int, paid_shares: int
) -> None:
    """Admit a demo citizen with a subscription and payments, once."""
    if Membership.objects.filter(
        cooperative=cooperative, person__national_id=person.national_id
    ).exists():
        return
    joined = datetime.date(2020, 3, 20)
    membership = membership_admit(
        actor=SYSTEM, cooperative_id=cooperative.pk, joined_on=joined, person=person
    )
    share_class = ShareClass.objects.get(cooperative=cooperative, code="A")
    capital_subscribe(
        actor=SYSTEM,
        cooperative_id=cooperative.pk,
        effective_on=joined,
        items=[Subscription(membership, share_class, shares)],
    )
    capital_pay(
        actor=SYSTEM,
        membership=membership,
        share_class=share_class,
        amount=paid_shares * share_class.nominal_value,
        effective_on=joined + datetime.timedelta(days=30),
    )


def seed_demo() -> list[DemoLogin]:
    counties = {c.slug: c for c in County.objects.filter(province__code="IR-15")}
    seed_registry()
    managed = Cooperative.objects.get(name_key=search_key(DEMO_COOPERATIVES[0][0]))
    logins: list[DemoLogin] = []
    for login, first, last, role, scope in STAFF:
        user, created = _user(login, first, last, email=f"{login}@demo.taavon.local")
        province = Province.objects.get(code=scope) if scope and scope.startswith("IR-") else None
        county = counties.get(scope or "")
        role_assign(actor=SYSTEM, user=user, role=role, province=province, county=county)
        logins.append(
            DemoLogin(str(role.label), login, DEMO_PASSWORD, str(county or province or ""))
        )
        if created:
            notification_send(
                recipient=user,
                code="demo.welcome",
                title="به سامانهٔ تعاون خوش آمدید",
                body="این یک حساب نمایشی است.",
                channels=[],
            )
    for national_id, first, last, mobile, role in CITIZENS:
        user, created = _user(national_id, first, last, national_id=national_id, mobile=mobile)
        cooperative_id = managed.pk if role == Role.COOP_MANAGER else None
        role_assign(actor=SYSTEM, user=user, role=role, cooperative_id=cooperative_id)
        person = PersonData(
            national_id=national_id, first_name=first, last_name=last, mobile=mobile
        )
        _demo_membership(managed, person, shares=12, paid_shares=8)
        if role == Role.MEMBER:  # a member of two cooperatives, one fully paid
            other = Cooperative.objects.get(name_key=search_key(DEMO_COOPERATIVES[1][0]))
            _demo_membership(other, person, shares=20, paid_shares=20)
        joined = Membership.objects.filter(person__national_id=national_id).values_list(
            "cooperative__name", flat=True
        )
        logins.append(
            DemoLogin(
                str(role.label),
                national_id,
                DEMO_PASSWORD,
                managed.name if cooperative_id else "، ".join(sorted(joined)),
            )
        )
        if created:
            notification_send(
                recipient=user,
                code="demo.welcome",
                title="به سامانهٔ تعاون خوش آمدید",
                body="ورود شما با کد ملی انجام می‌شود.",
                channels=[],
            )
    nid, first, last, mobile = FOUNDER
    founder, _created = _user(nid, first, last, national_id=nid, mobile=mobile)
    role_assign(actor=SYSTEM, user=founder, role=Role.MEMBER)
    officers = {slug: User.objects.get(username=slug) for slug in ("khorramabad", "dorud")}
    seed_founding(founder=founder, officers=officers)
    logins.append(
        DemoLogin("متقاضی تأسیس (شهروند)", nid, DEMO_PASSWORD, "درخواست‌های تأسیس در هر مرحله")
    )
    return logins
