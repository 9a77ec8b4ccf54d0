"""`taavon demo`: migrate, load demo data, print URLs and logins, serve on 127.0.0.1:8000."""

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from taavon.audit.context import in_channel


class Command(BaseCommand):
    help = "Prepare the SQLite demo database and run the development server."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-serve", action="store_true", help="Prepare only.")
        parser.add_argument("--addrport", default="127.0.0.1:8000")

    @in_channel("cli")
    def handle(self, *args: Any, no_serve: bool, addrport: str, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        call_command("seed_demo")
        base = f"http://{addrport}"
        self.stdout.write(
            f"\nTaavon demo\n  site:     {base}/\n  login:    {base}/login/\n"
            f"  API docs: {base}/api/v1/docs\n  admin:    {base}/admin/\n"
        )
        if not no_serve:
            call_command("runserver", addrport, use_reloader=False)
