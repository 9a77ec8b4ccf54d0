"""Home page and dashboards: Persian, right-to-left, scoped, with a constant number of queries."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from taavon.accounts.models import Role, User
from taavon.geo.models import County
from taavon.registry.models import Cooperative, CooperativeStatus
from tests.factories import CooperativeFactory

pytestmark = pytest.mark.django_db


def html(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


# --- home -----------------------------------------------------------------------------------


def test_home_is_persian_and_right_to_left() -> None:
    page = html(Client().get("/"))
    assert '<html lang="fa" dir="rtl">' in page
    assert "vendor/bootstrap/bootstrap.rtl.min.css" in page
    assert "تعاون: سامانهٔ بخش تعاونی کشور" in page


def test_home_links_the_vazirmatn_font() -> None:
    page = html(Client().get("/"))
    assert '<link rel="stylesheet" href="/static/taavon/css/app.css">' in page
    css_path = Path(str(finders.find("taavon/css/app.css")))
    css = css_path.read_text(encoding="utf-8")
    assert 'font-family: "Vazirmatn"' in css
    # The @font-face url is relative to the stylesheet and points at the vendored font.
    font = css_path.parent / "../../vendor/vazirmatn/fonts/webfonts/Vazirmatn[wght].woff2"
    assert "../../vendor/vazirmatn/fonts/webfonts/Vazirmatn[wght].woff2" in css
    assert font.resolve().is_file()


def test_home_counts_are_in_persian_digits(khorramabad: County) -> None:
    CooperativeFactory.create_batch(12, county=khorramabad)
    CooperativeFactory(county=khorramabad, status=CooperativeStatus.FOUNDING)
    page = html(Client().get("/"))
    assert ">۳۱</div>" in page  # provinces
    assert ">۱۱</div>" in page  # Lorestan's counties
    assert ">۱۲</div>" in page  # active cooperatives
    assert ">۱</div>" in page  # being founded
    assert ">31</div>" not in page


def test_browser_language_does_not_switch_to_english() -> None:
    page = html(Client().get("/", headers={"Accept-Language": "en-US,en;q=0.9"}))
    assert '<html lang="fa" dir="rtl">' in page


def test_switching_to_english_renders_left_to_right() -> None:
    client = Client()
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    page = html(client.get("/"))
    assert '<html lang="en" dir="ltr">' in page
    assert "vendor/bootstrap/bootstrap.min.css" in page
    assert "bootstrap.rtl" not in page
    assert ">31</div>" in page  # Latin digits in English

    client.post("/i18n/setlang/", {"language": "fa", "next": "/"})
    assert '<html lang="fa" dir="rtl">' in html(client.get("/"))


def test_unknown_language_is_ignored() -> None:
    client = Client()
    client.post("/i18n/setlang/", {"language": "xx", "next": "/"})
    assert '<html lang="fa" dir="rtl">' in html(client.get("/"))


def test_anonymous_navigation(db: None) -> None:
    page = html(Client().get("/"))
    assert "/login/" in page
    assert "/audit/" not in page


# --- dashboard ------------------------------------------------------------------------------


def test_dashboard_needs_login() -> None:
    response = Client().get("/dashboard/")
    assert response.status_code == 302
    assert response.url == "/login/?next=/dashboard/"


def listed(response) -> set[str]:
    return {c.name for c in response.context["cooperatives"]}


@pytest.fixture
def coops(
    coop_khorramabad: Cooperative,
    coop_dorud: Cooperative,
    coop_tehran: Cooperative,
    founding_coops: dict[str, Cooperative],
) -> dict[str, Cooperative]:
    return {
        "khorramabad": coop_khorramabad,
        "dorud": coop_dorud,
        "tehran": coop_tehran,
        **{f"founding-{k}": v for k, v in founding_coops.items()},
    }


def test_county_officer_dashboard_lists_only_their_county(
    county_officer: User, login_client: Callable[[User], Client], coops: dict[str, Cooperative]
) -> None:
    response = login_client(county_officer).get("/dashboard/")
    assert listed(response) == {coops["khorramabad"].name, coops["founding-khorramabad"].name}
    assert response.context["cooperative_count"] == 2
    page = html(response)
    assert coops["dorud"].name not in page
    assert "کارشناس اداره شهرستان" in page
    assert "/audit/" in page  # officers get the audit log in the menu


def test_provincial_officer_dashboard_lists_their_province(
    provincial_officer: User,
    login_client: Callable[[User], Client],
    coops: dict[str, Cooperative],
) -> None:
    response = login_client(provincial_officer).get("/dashboard/")
    assert response.context["cooperative_count"] == 4
    assert coops["tehran"].name not in listed(response)


def test_national_officer_dashboard_lists_all(
    national_officer: User, login_client: Callable[[User], Client], coops: dict[str, Cooperative]
) -> None:
    response = login_client(national_officer).get("/dashboard/")
    assert response.context["cooperative_count"] == len(coops)


def test_coop_manager_dashboard_lists_their_cooperative(
    coop_manager: User, login_client: Callable[[User], Client], coops: dict[str, Cooperative]
) -> None:
    response = login_client(coop_manager).get("/dashboard/")
    assert listed(response) == {coops["dorud"].name}
    assert "/audit/" not in html(response)


def test_member_dashboard_has_no_cooperatives(
    member: User, login_client: Callable[[User], Client], coops: dict[str, Cooperative]
) -> None:
    response = login_client(member).get("/dashboard/")
    assert listed(response) == set()
    # A member without memberships is pointed to founding and the public registry instead.
    assert "با کد ملی شما عضویتی در هیچ تعاونی ثبت نشده است." in html(response)
    assert "تعاونی‌های حوزهٔ شما" not in html(response)


def test_dashboard_shows_latest_notifications_and_unread_badge(
    member: User, login_client: Callable[[User], Client]
) -> None:
    from taavon.notifications.services import notification_send

    for i in range(7):
        notification_send(recipient=member, code="t", title=f"اعلان {i}", channels=[])
    response = login_client(member).get("/dashboard/")
    assert [n.title for n in response.context["notifications"]] == [
        f"اعلان {i}" for i in (6, 5, 4, 3, 2)
    ]
    assert 'badge text-bg-danger">۷</span>' in html(response)


# --- query counts do not grow with the data ------------------------------------------------


def count_queries(client: Client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    ("who", "url"),
    [
        (None, "/"),
        ("county_officer", "/"),
        ("county_officer", "/dashboard/"),
        ("provincial_officer", "/dashboard/"),
        ("national_officer", "/dashboard/"),
        ("coop_manager", "/dashboard/"),
    ],
)
def test_query_count_is_constant_as_cooperatives_grow(
    request: pytest.FixtureRequest,
    login_client: Callable[[User], Client],
    khorramabad: County,
    dorud: County,
    who: str | None,
    url: str,
    django_assert_max_num_queries,
) -> None:
    client = login_client(request.getfixturevalue(who)) if who else Client()
    counts = []
    for total in (5, 50):
        missing = total - Cooperative.objects.count()
        for i in range(missing):
            county = khorramabad if i % 2 else dorud
            status = CooperativeStatus.ACTIVE if i % 3 else CooperativeStatus.FOUNDING
            CooperativeFactory(county=county, status=status)
        client.get(url)  # warm per-process caches (content types, translations)
        counts.append(count_queries(client, url))
    assert counts[0] == counts[1]
    with django_assert_max_num_queries(12):
        client.get(url)


def test_role_label_uses_get_role_display(
    make_user: Callable[..., User], khorramabad: County, login_client: Callable[[User], Client]
) -> None:
    officer = make_user(Role.COUNTY_OFFICER, county=khorramabad)
    assert "شهرستان خرم\u200cآباد" in html(login_client(officer).get("/dashboard/"))


# --- the shell's menus ----------------------------------------------------------------------


def menu_urls(response, key: str) -> list[str]:
    return [item["url"] for item in response.context[key]]


def test_a_member_has_profile_and_logout_under_their_name(
    member: User, login_client: Callable[[User], Client]
) -> None:
    response = login_client(member).get("/dashboard/")
    assert "/me/" in menu_urls(response, "user_menu_items")
    assert "/audit/" not in menu_urls(response, "user_menu_items")
    assert "/audit/" not in menu_urls(response, "nav_items")
    page = html(response)
    assert 'id="user-menu"' in page and member.display_name in page
    assert 'action="/logout/"' in page


def test_officer_tools_sit_in_the_user_menu_not_the_bar(
    county_officer: User, sysadmin: User, login_client: Callable[[User], Client]
) -> None:
    officer_page = login_client(county_officer).get("/dashboard/")
    assert "/audit/" in menu_urls(officer_page, "user_menu_items")
    assert "/admin/" not in menu_urls(officer_page, "user_menu_items")
    admin_page = login_client(sysadmin).get("/dashboard/")
    assert "/admin/" in menu_urls(admin_page, "user_menu_items")
    assert not {"/audit/", "/admin/"} & set(menu_urls(admin_page, "nav_items"))


def test_anonymous_visitors_get_no_user_menu(db: None) -> None:
    response = Client().get("/")
    assert menu_urls(response, "user_menu_items") == []
    assert 'id="user-menu"' not in html(response)
