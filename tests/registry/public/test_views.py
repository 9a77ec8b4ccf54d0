"""The public registry pages: search (with its htmx partial), a cooperative's page, no login,
no person, and a constant number of queries."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from taavon.geo.models import County
from taavon.registry.models import Cooperative
from tests.registry.public.conftest import Secrets, admit, make_coop

pytestmark = pytest.mark.django_db

SEARCH = reverse("web:public-search")


def detail(coop: Cooperative) -> str:
    return reverse("web:public-detail", args=[coop.pk])


def test_routes() -> None:
    assert SEARCH == "/registry/"
    assert reverse("web:public-export") == "/registry/export/"
    assert reverse("web:public-detail", args=[7]) == "/registry/7/"


def test_search_page_needs_no_login(anon: Client, registry: dict[str, Cooperative]) -> None:
    response = anon.get(SEARCH)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="results"' in html and 'hx-get="/registry/"' in html
    assert "تعاونی‌های فرش دستباف دورود" in html


def test_search_by_name_without_zwnj(anon: Client, registry: dict[str, Cooperative]) -> None:
    html = anon.get(SEARCH, {"q": "تعاونیها"}).content.decode()
    assert "تعاونی‌های فرش دستباف دورود" in html
    assert "تعاونی کشاورزی یاسوکند" not in html


def test_htmx_request_gets_only_the_results_partial(
    anon: Client, registry: dict[str, Cooperative]
) -> None:
    response = anon.get(SEARCH, {"q": "فرش"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="results"')
    assert "<html" not in html and "<form" not in html
    assert "تعاونی‌های فرش دستباف دورود" in html


def test_founding_cooperatives_are_not_listed(
    anon: Client, registry: dict[str, Cooperative]
) -> None:
    html = anon.get(SEARCH, {"q": "فرش"}).content.decode()
    assert "در حال تأسیس" not in html


def test_results_are_paged(anon: Client, dorud: County) -> None:
    for i in range(30):
        make_coop(f"تعاونی آزمایشی صفحه {i}", dorud)
    first = anon.get(SEARCH, {"q": "صفحه"}).content.decode()
    second = anon.get(SEARCH, {"q": "صفحه", "page": "2"}).content.decode()
    assert first.count('href="/registry/') - second.count('href="/registry/') > 0
    assert "صفحهٔ ۱ از ۲" in first and "صفحهٔ ۲ از ۲" in second
    assert "page=2" in first and "q=" in first


def test_bad_filters_show_persian_errors(anon: Client, registry: dict[str, Cooperative]) -> None:
    response = anon.get(SEARCH, {"status": "founding", "county": "abc"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "شهرستان ناشناخته است." in html
    assert "مقدار «founding» مجاز نیست." in html
    assert "تعاونی‌های فرش دستباف دورود" not in html


def test_detail_page(anon: Client, registry: dict[str, Cooperative], members: Secrets) -> None:
    coop = registry["carpet"]
    Cooperative.objects.filter(pk=coop.pk).update(
        address="دورود، خیابان امام، پلاک ۱۲", phone="06643212345", activity="بافت و فروش فرش"
    )
    response = anon.get(detail(coop))
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "تعاونی‌های فرش دستباف دورود",
        "۱۰۸۶۰۱۲۳۴۵۶",
        "۴۵۲۱",
        "۱۴۰۲/۰۱/۰۱",
        "خیابان امام",
        "۰۶۶۴۳۲۱۲۳۴۵",
        "بافت و فروش فرش",
        "۴۰٬۰۰۰٬۰۰۰",
        "۴٬۰۰۰٬۰۰۰",
        "دورود",
        "لرستان",
        "عام",
    ):
        assert text in html, text
    members.assert_absent(html)


@pytest.mark.parametrize("which", ["founding", "unknown"])
def test_detail_is_404_for_founding_and_unknown(
    anon: Client, registry: dict[str, Cooperative], which: str
) -> None:
    pk = registry["founding"].pk if which == "founding" else 999_999
    assert anon.get(reverse("web:public-detail", args=[pk])).status_code == 404


def test_no_personal_data_on_public_pages(
    client: Client, registry: dict[str, Cooperative], members: Secrets
) -> None:
    for url in (SEARCH, f"{SEARCH}?q=فرش", detail(registry["carpet"])):
        members.assert_absent(client.get(url).content.decode())


def test_no_personal_data_even_for_a_national_officer(
    login_client: Callable, national_officer, registry: dict[str, Cooperative], members: Secrets
) -> None:
    client = login_client(national_officer)
    html = client.get(detail(registry["carpet"])).content.decode()
    members.assert_absent(html)
    assert client.get(detail(registry["founding"])).status_code == 404


def test_search_page_queries_do_not_grow_with_results(
    anon: Client, dorud: County, count_queries: Callable
) -> None:
    def fill(start: int, stop: int) -> None:
        for i in range(start, stop):
            coop = make_coop(f"تعاونی شمارش {i}", dorud, registration_number=str(i))
            admit(coop, 2000 + i, first="سامان", last="شمارشی")

    fill(0, 10)
    params = {"q": "شمارش", "county": "dorud", "sector": "services"}
    few = count_queries(lambda: anon.get(SEARCH, params))
    few_partial = count_queries(lambda: anon.get(SEARCH, params, headers={"HX-Request": "1"}))
    fill(10, 60)
    # With many matches the similar names (PostgreSQL) are not looked up: one query fewer.
    many = count_queries(lambda: anon.get(SEARCH, params))
    assert many <= few <= 8
    many_partial = count_queries(lambda: anon.get(SEARCH, params, headers={"HX-Request": "1"}))
    assert many_partial <= few_partial


def test_detail_page_queries_are_constant(
    anon: Client, dorud: County, count_queries: Callable
) -> None:
    coop = make_coop("تعاونی پرعضو", dorud)
    admit(coop, 3000, first="سامان", last="یکم")
    one = count_queries(lambda: anon.get(detail(coop)))
    for i in range(1, 20):
        admit(coop, 3000 + i, first="سامان", last="دیگر")
    assert count_queries(lambda: anon.get(detail(coop))) == one


def test_detail_with_an_impossible_id_is_404(anon: Client) -> None:
    assert anon.get("/registry/99999999999999999999999/").status_code == 404


def test_htmx_partial_lists_the_errors(anon: Client, registry: dict[str, Cooperative]) -> None:
    html = anon.get(SEARCH, {"county": "abc"}, headers={"HX-Request": "true"}).content.decode()
    assert "شهرستان: شهرستان ناشناخته است." in html
