"""Local development and the demo: SQLite under var/, immediate tasks, console email/SMS."""

import os

from .base import *  # noqa: F403
from .base import VAR_DIR

DEBUG = True
VAR_DIR.mkdir(parents=True, exist_ok=True)

# The demo sends SMS for every founding step; keep them in var/sms/outbox.jsonl, not the console.
TAAVON_SMS_BACKEND = "taavon.notifications.sms.FileSmsGateway"

# The demo's largest registers (200-250 members) show the background build of PDF registers;
# production keeps the base default (1,000 rows).
TAAVON_PDF_SYNC_MAX_ROWS = int(os.environ.get("TAAVON_PDF_SYNC_MAX_ROWS", "150"))
