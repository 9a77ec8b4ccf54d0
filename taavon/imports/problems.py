"""A problem found in an import file: the row as Excel numbers it, the column header, a message."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from taavon.core.errors import ApplicationError


@dataclass(frozen=True)
class Problem:
    row: int | None  # None: about the file or the cooperative, not one row
    column: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": str(self.message)}


class ImportRejected(ApplicationError):
    """The file cannot be imported as it is; `problems` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        first = problems[0].message if problems else _("فایل قابل ورود نیست.")
        super().__init__(
            str(first),
            code="import_rejected",
            extra={"problems": [p.as_dict() for p in problems[:50]]},
        )
        self.problems = problems


def file_problem(message: str) -> ImportRejected:
    return ImportRejected([Problem(None, "", message)])
