"""The audit actions of accounts: signing in and out, users, roles and API tokens."""

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from taavon.audit.catalogue import catalogued


@catalogued
class AccountsEvent(TextChoices):
    LOGIN = "accounts.login", _("ورود کاربر")
    LOGOUT = "accounts.logout", _("خروج کاربر")
    LOGIN_FAILED = "accounts.login_failed", _("ورود ناموفق")
    USER_CREATE = "accounts.user.create", _("ایجاد کاربر")
    ROLE_ASSIGN = "accounts.role.assign", _("واگذاری نقش")
    ROLE_ADMIN_RIGHTS = "accounts.role.admin_rights", _("اعطای دسترسی مدیر سامانه")
    TOKEN_CREATE = "accounts.token.create", _("ساخت توکن API")
    TOKEN_REVOKE = "accounts.token.revoke", _("ابطال توکن API")
