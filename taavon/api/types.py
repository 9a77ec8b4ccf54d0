"""Constrained types for query parameters, so the OpenAPI document says what is accepted."""

from typing import Annotated

from ninja import Field

# PostgreSQL text cannot hold NUL; saying so in the schema keeps clients and fuzzers honest.
NO_NUL = r"^[^\x00]*$"


ProvinceCode = Annotated[
    str, Field(pattern=r"^[Ii][Rr]-[0-9]{2}$", description="ISO 3166-2:IR code, e.g. IR-15")
]
