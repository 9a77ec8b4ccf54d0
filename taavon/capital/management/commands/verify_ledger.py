"""Verify the hash chain of cooperatives' share-capital ledgers.

    manage.py verify_ledger --cooperative 12     # one cooperative
    manage.py verify_ledger --all                # every cooperative that has entries

Prints one line per cooperative and, for a broken chain, the first bad entry. Exits with
status 1 if any chain is broken (for cron and monitoring), 0 otherwise.
"""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from taavon.capital.chain import verify_chain
from taavon.capital.models import LedgerEntry
from taavon.registry.models import Cooperative


class Command(BaseCommand):
    help = "Verify share-capital ledger hash chains; exit status 1 if any chain is broken."

    def add_arguments(self, parser: CommandParser) -> None:
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("--cooperative", type=int, metavar="ID", help="one cooperative's id")
        target.add_argument("--all", action="store_true", help="every cooperative with entries")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["all"]:
            ids = list(
                LedgerEntry.objects.order_by("cooperative_id")
                .values_list("cooperative_id", flat=True)
                .distinct()
            )
        else:
            if not Cooperative.objects.filter(pk=options["cooperative"]).exists():
                raise CommandError(f"cooperative {options['cooperative']} does not exist")
            ids = [options["cooperative"]]
        names = dict(Cooperative.objects.filter(pk__in=ids).values_list("pk", "name"))
        broken = checked = 0
        for coop_id in ids:
            report = verify_chain(coop_id)
            checked += report.checked
            label = f"cooperative {coop_id} ({names.get(coop_id, '?')})"
            if report.ok:
                self.stdout.write(f"OK      {label}: {report.checked} entries")
            else:
                broken += 1
                self.stdout.write(
                    self.style.ERROR(
                        f"BROKEN  {label}: first bad entry seq={report.first_bad_seq}: "
                        f"{report.problem} ({report.checked} entries before it verified)"
                    )
                )
        summary = f"{len(ids)} ledgers, {checked} entries verified, {broken} broken"
        if broken:
            self.stderr.write(self.style.ERROR(summary))
            sys.exit(1)
        self.stdout.write(self.style.SUCCESS(summary))
