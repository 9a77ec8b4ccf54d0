"""Fixtures for import tests: a cooperative with a share class, and file builders."""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from taavon.accounts.models import Role, User
from taavon.capital.models import ShareClass
from taavon.capital.services import share_class_create
from taavon.core.permissions import SYSTEM
from taavon.imports.engine import Source
from taavon.registry.models import Cooperative
from tests.factories import CooperativeFactory, national_id

HEADER = [
    "کد ملی",
    "نام",
    "نام خانوادگی",
    "نام پدر",
    "تاریخ تولد",
    "جنسیت",
    "تلفن همراه",
    "تاریخ عضویت",
    "سهام تعهدی",
    "مبلغ پرداختی",
]
NOMINAL = 100_000


def member_row(serial: int, **overrides: Any) -> list[Any]:
    """A valid row; 10 shares (1,000,000 rials), half paid."""
    values = {
        "national_id": national_id(10_000 + serial),
        "first_name": "مریم",
        "last_name": f"احمدی{serial}",
        "father_name": "علی",
        "birth_date": "1365/04/12",
        "gender": "زن",
        "mobile": f"0916{serial:07d}",
        "joined_on": "1402/05/01",
        "shares": 10,
        "paid": 500_000,
    }
    values.update(overrides)
    return list(values.values())


def rows(count: int, start: int = 1) -> list[list[Any]]:
    return [member_row(i) for i in range(start, start + count)]


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def coop(db: None) -> Cooperative:
    cooperative = CooperativeFactory(name="تعاونی فرش دستباف دورود")
    share_class_create(
        actor=SYSTEM, cooperative_id=cooperative.pk, code="A", name="عادی", nominal_value=NOMINAL
    )
    return cooperative


@pytest.fixture
def share_class(coop: Cooperative) -> ShareClass:
    return ShareClass.objects.get(cooperative=coop)


@pytest.fixture
def manager(make_user: Callable[..., User], coop: Cooperative) -> User:
    return make_user(Role.COOP_MANAGER, cooperative_id=coop.pk)


@pytest.fixture
def xlsx(tmp_path: Path) -> Callable[..., Path]:
    """`xlsx(rows, header=HEADER, name=..., merge=[...], before=[...])` → a file built by openpyxl."""

    def build(
        data: Sequence[Sequence[Any]],
        *,
        header: Sequence[Any] | None = HEADER,
        name: str = "members.xlsx",
        merge: Sequence[str] = (),
        before: Sequence[Sequence[Any]] = (),
    ) -> Path:
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        for line in before:
            sheet.append(list(line))
        if header is not None:
            sheet.append(list(header))
        for line in data:
            sheet.append(list(line))
        for cells in merge:
            sheet.merge_cells(cells)
        path = tmp_path / name
        workbook.save(path)
        return path

    return build


@pytest.fixture
def csv_file(tmp_path: Path) -> Callable[..., Path]:
    def build(
        data: Sequence[Sequence[Any]],
        *,
        header: Sequence[Any] = HEADER,
        encoding: str = "utf-8-sig",
        delimiter: str = ",",
        name: str = "members.csv",
    ) -> Path:
        path = tmp_path / name
        with path.open("w", encoding=encoding, newline="") as handle:
            writer = csv.writer(handle, delimiter=delimiter)
            writer.writerow(header)
            writer.writerows(data)
        return path

    return build


def source(path: Path) -> Source:
    return Source.from_path(path)


def messages(problems: Sequence[Any]) -> str:
    return " | ".join(f"{p.row}:{p.column}:{p.message}" for p in problems)
