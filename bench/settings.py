"""Bench-only settings: the app's base settings served the way production would serve them.

DEBUG is off (no query log, real error pages), any host is allowed (the server only listens on
127.0.0.1) and the root URLconf adds the bare baseline views next to the app's own URLs.
DATABASE_URL is chosen by bench.dataset before Django starts.
"""

import warnings

from taavon.settings.base import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "bench.urls"
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
TAAVON_SMS_BACKEND = "taavon.notifications.sms.MemorySmsGateway"

# No collected static files in a bench run; WhiteNoise warns once per process about that.
warnings.filterwarnings("ignore", message="No directory at")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
