"""The ledger fixtures of tests/capital are shared here (members and capital go together)."""

from tests.capital.conftest import LedgerCoop, ledger

__all__ = ["LedgerCoop", "ledger"]
