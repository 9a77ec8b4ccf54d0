"""Managing a cooperative through the API (/api/v1/cooperatives): the same operations and the
same access rule as the /cooperatives/ pages (missing and out-of-scope both answer 404). Money
is in rials as integers: amounts and counts are strict positive integers, so 1.5, "1.5", "100",
0 and -1 get a 422 in the one error shape."""

from . import ledger, members
from .common import router

__all__ = ["ledger", "members", "router"]
