"""Load demo data (idempotent) and print the demo logins."""

from typing import Any

from django.core.management.base import BaseCommand

from taavon.audit.context import in_channel
from taavon.demo.seed import seed_demo


class Command(BaseCommand):
    help = "Create demo users for every role and a few cooperatives; prints the logins."

    @in_channel("cli")
    def handle(self, *args: Any, **options: Any) -> None:
        logins = seed_demo()
        self.stdout.write(f"Demo logins (password for all: {logins[0].password}):")
        for item in logins:
            self.stdout.write(f"  {item.role:<28} {item.login:<14} {item.note}")
