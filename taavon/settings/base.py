"""Settings shared by every environment; values come from environment variables."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("TAAVON_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "ninja",  # serves Swagger UI from its own static files, not a CDN
    "django_tasks_db",
    "taavon.core",
    "taavon.persian",
    "taavon.geo",
    "taavon.accounts",
    "taavon.audit",
    "taavon.notifications",
    "taavon.workflow",
    "taavon.registry",
    "taavon.capital",
    "taavon.founding",
    "taavon.imports",
    "taavon.documents",
    "taavon.demo",
    "taavon.api",
    "taavon.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "taavon.web.middleware.PersianFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "taavon.audit.middleware.RequestContextMiddleware",
]

ROOT_URLCONF = "taavon.urls"
WSGI_APPLICATION = "taavon.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "taavon" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "taavon.web.context_processors.shell",
            ],
            "builtins": ["taavon.persian.templatetags.persian"],
        },
    },
]

DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'taavon.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["taavon.accounts.backends.NationalIdOrUsernameBackend"]
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:dashboard"
LOGOUT_REDIRECT_URL = "web:home"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fa"
LANGUAGES = [("fa", _("فارسی")), ("en", _("انگلیسی"))]
LANGUAGES_BIDI = ["fa"]
LOCALE_PATHS = [BASE_DIR / "taavon" / "locale"]
TIME_ZONE = "Asia/Tehran"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "taavon" / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))

MAILERS = {
    "default": {
        "BACKEND": os.environ.get(
            "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
        )
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "no-reply@taavon.local")

# SMS: a dotted path to a taavon.notifications.sms.SmsGateway subclass.
TAAVON_SMS_BACKEND = os.environ.get(
    "TAAVON_SMS_BACKEND", "taavon.notifications.sms.ConsoleSmsGateway"
)
TAAVON_SMS_FILE_DIR = Path(os.environ.get("TAAVON_SMS_FILE_DIR", VAR_DIR / "sms"))

# Only trust X-Forwarded-For when a reverse proxy we run sets it.
TAAVON_TRUSTED_PROXY_COUNT = int(os.environ.get("TAAVON_TRUSTED_PROXY_COUNT", "0"))

TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TAAVON_TASKS_BACKEND", "django.tasks.backends.immediate.ImmediateBackend"
        )
    }
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from a meta tag, not the cookie
LANGUAGE_COOKIE_NAME = "taavon_language"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("TAAVON_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
    },
}

NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_PER_PAGE_SIZE = 500

# Member import and document limits (bytes and rows); the reverse proxy's upload limit must be
# at least TAAVON_IMPORT_MAX_BYTES.
TAAVON_IMPORT_MAX_BYTES = int(os.environ.get("TAAVON_IMPORT_MAX_BYTES", str(20 * 1024 * 1024)))
TAAVON_IMPORT_MAX_ROWS = int(os.environ.get("TAAVON_IMPORT_MAX_ROWS", "200000"))
TAAVON_IMPORT_MAX_UNZIPPED_BYTES = int(
    os.environ.get("TAAVON_IMPORT_MAX_UNZIPPED_BYTES", str(50 * TAAVON_IMPORT_MAX_BYTES))
)
TAAVON_PDF_REGISTER_MAX_ROWS = int(os.environ.get("TAAVON_PDF_REGISTER_MAX_ROWS", "10000"))
# PDF registers above this many rows are built by the background worker, not in the request.
TAAVON_PDF_SYNC_MAX_ROWS = int(os.environ.get("TAAVON_PDF_SYNC_MAX_ROWS", "1000"))
