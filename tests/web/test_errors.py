"""Persian error pages for 404, 403 and 500."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_404_is_persian() -> None:
    response = Client().get("/no-such-page/")
    page = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="fa" dir="rtl">' in page
    assert "صفحه‌ای که خواستید یافت نشد." in page
    assert "۴۰۴" in page


@pytest.mark.urls("tests.web.urls_errors")
def test_403_is_persian() -> None:
    response = Client().get("/test-errors/403/")
    page = response.content.decode()
    assert response.status_code == 403
    assert '<html lang="fa" dir="rtl">' in page
    assert "دسترسی به این صفحه برای شما ممکن نیست." in page
    assert "۴۰۳" in page


@pytest.mark.urls("tests.web.urls_errors")
def test_500_is_persian_and_reveals_nothing() -> None:
    response = Client(raise_request_exception=False).get("/test-errors/500/")
    page = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="fa" dir="rtl">' in page
    assert "خطایی در سامانه رخ داد." in page
    assert "boom" not in page and "Traceback" not in page


def test_404_for_a_logged_in_user_keeps_the_shell(member, login_client) -> None:
    response = login_client(member).get("/no-such-page/")
    assert response.status_code == 404
    assert "خروج" in response.content.decode()  # the logout button of the shell
