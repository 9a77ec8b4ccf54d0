"""Benchmark entries. Each module registers its entries with ``@entry``; import it here.

Planned next (registry issue): public search latency vs raw SQL, member import rows/s vs COPY,
ledger postings/s vs raw INSERT, chain verification entries/s vs hashing alone.
"""

from . import web  # noqa: F401
