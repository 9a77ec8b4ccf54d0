"""Benchmark entries. Each module registers its entries with ``@entry``; import it here."""

from . import registry, web  # noqa: F401
