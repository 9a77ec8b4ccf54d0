"""Local development and the demo: SQLite under var/, immediate tasks, console email/SMS."""

from .base import *  # noqa: F403
from .base import VAR_DIR

DEBUG = True
VAR_DIR.mkdir(parents=True, exist_ok=True)

# The demo sends SMS for every founding step; keep them in var/sms/outbox.jsonl, not the console.
TAAVON_SMS_BACKEND = "taavon.notifications.sms.FileSmsGateway"
