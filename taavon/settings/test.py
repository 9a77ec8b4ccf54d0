"""Test settings: fast hashing, in-memory mail, immediate tasks, file SMS."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
TAAVON_SMS_BACKEND = "taavon.notifications.sms.MemorySmsGateway"
TAAVON_SMS_FILE_DIR = Path(tempfile.gettempdir()) / "taavon-test-sms"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Cached aggregates (home page counts) must reflect each test's own data.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
# WhiteNoise warns when STATIC_ROOT does not exist; tests serve through the finders.
STATIC_ROOT = Path(tempfile.gettempdir()) / "taavon-test-static"
STATIC_ROOT.mkdir(exist_ok=True)
