"""Demo data: one login per role and a handful of cooperatives, built through the services."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from taavon.accounts.models import Role, User
from taavon.accounts.services import role_assign, user_create
from taavon.geo.models import County, Province
from taavon.notifications.models import Channel
from taavon.notifications.services import notification_send
from taavon.registry.models import Cooperative, CooperativeStatus

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
COOPERATIVES = [
    ("تعاونی فرش دستباف بانوان دورود", "dorud", CooperativeStatus.ACTIVE, "1204"),
    ("تعاونی پرورش ماهی سردابی الشتر", "selseleh", CooperativeStatus.ACTIVE, "873"),
    ("تعاونی گردشگری و بوم‌گردی خرم‌آباد", "khorramabad", CooperativeStatus.ACTIVE, "2210"),
    ("تعاونی صنایع دستی گلیم کوهدشت", "kuhdasht", CooperativeStatus.ACTIVE, "655"),
    ("تعاونی دانش‌بنیان داروهای گیاهی بروجرد", "borujerd", CooperativeStatus.ACTIVE, "3107"),
    ("تعاونی کشاورزی گندم‌کاران ازنا", "azna", CooperativeStatus.INACTIVE, "412"),
    ("تعاونی تولیدی عسل کوهپایه", "khorramabad", CooperativeStatus.FOUNDING, ""),
]


def _user(login: str, first: str, last: str, **extra: str) -> tuple[User, bool]:
    existing = User.objects.filter(username=login).first()
    if existing:
        return existing, False
    user = user_create(
        actor=None,
        password=DEMO_PASSWORD,
        first_name=first,
        last_name=last,
        username=None if extra.get("national_id") else login,
        **extra,
    )
    return user, True


@transaction.atomic
def seed_demo() -> list[DemoLogin]:
    counties = {c.slug: c for c in County.objects.filter(province__code="IR-15")}
    coops = []
    for name, slug, status, reg in COOPERATIVES:
        county = counties.get(slug) or counties["khorramabad"]
        coop, _ = Cooperative.objects.get_or_create(
            name=name, county=county, defaults={"status": status, "registration_number": reg}
        )
        coops.append(coop)
    logins: list[DemoLogin] = []
    for login, first, last, role, scope in STAFF:
        user, created = _user(login, first, last, email=f"{login}@demo.taavon.local")
        province = Province.objects.get(code=scope) if scope and scope.startswith("IR-") else None
        county = counties.get(scope or "")
        role_assign(actor=None, user=user, role=role, province=province, county=county)
        logins.append(
            DemoLogin(str(role.label), login, DEMO_PASSWORD, str(county or province or ""))
        )
        if created:
            notification_send(
                recipient=user,
                code="demo.welcome",
                title="به سامانهٔ تعاون خوش آمدید",
                body="این یک حساب نمایشی است.",
                channels=[Channel.EMAIL],
            )
    for national_id, first, last, mobile, role in CITIZENS:
        user, created = _user(national_id, first, last, national_id=national_id, mobile=mobile)
        cooperative_id = coops[0].pk if role == Role.COOP_MANAGER else None
        role_assign(actor=None, user=user, role=role, cooperative_id=cooperative_id)
        logins.append(
            DemoLogin(
                str(role.label), national_id, DEMO_PASSWORD, coops[0].name if cooperative_id else ""
            )
        )
        if created:
            notification_send(
                recipient=user,
                code="demo.welcome",
                title="به سامانهٔ تعاون خوش آمدید",
                body="ورود شما با کد ملی انجام می‌شود.",
                channels=[Channel.SMS],
            )
    return logins
