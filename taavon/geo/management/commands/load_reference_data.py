"""Load the shipped provinces and Lorestan counties (idempotent)."""

from typing import Any

from django.core.management.base import BaseCommand

from taavon.audit.context import in_channel
from taavon.core.permissions import SYSTEM
from taavon.geo.services import reference_data_load


class Command(BaseCommand):
    help = "Load provinces and Lorestan counties from the CSVs shipped in taavon/geo/data."

    @in_channel("cli")
    def handle(self, *args: Any, **options: Any) -> None:
        result = reference_data_load(actor=SYSTEM)
        self.stdout.write(f"reference data: {result.created} created, {result.updated} updated")
