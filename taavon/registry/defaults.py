"""Default rule profiles from DOMAIN.md; national officers publish newer versions as data."""

from __future__ import annotations

import datetime
from typing import Any

# The Cooperative Sector Law was approved on 13 Shahrivar 1370.
LAW_1370 = datetime.date(1991, 9, 4)
SOURCE_GENERAL = (
    "Cooperative Sector Law 1370 (amended 1377, 1393): Art. 21 one third of capital paid to "
    "register [law]; founders' board of at least 7 [secondary]; one member's share capped, "
    "value unverified, 30% default [unsure]; board 3-7 with alternates 1/3, 2-year term; "
    "statute adopted by 2/3 [secondary]."
)
SOURCE_TABLE = "Minimum members by kind, older ministry table [secondary]."

BASE: dict[str, Any] = {
    "min_founders": 7,
    "min_members": 7,
    "max_members": None,
    "max_member_share_num": 30,
    "max_member_share_den": 100,
    "min_paid_num": 1,
    "min_paid_den": 3,
    "board_min": 3,
    "board_max": 7,
    "alternates_num": 1,
    "alternates_den": 3,
    "board_term_years": 2,
    "inspector_term_years": 1,
    "statute_majority_num": 2,
    "statute_majority_den": 3,
}

# (name, kind, sector, overrides)
PROFILES: list[tuple[str, str, str, dict[str, Any]]] = [
    ("ضوابط عمومی تعاونی‌ها", "", "", {}),
    ("تعاونی‌های مسکن", "", "housing", {"min_members": 20, "max_members": 1000}),
    ("تعاونی‌های صیادی", "", "fisheries", {"min_members": 50, "max_members": 500}),
    ("تعاونی‌های فرش دستباف", "", "carpet", {"min_members": 50, "max_members": 500}),
    ("تعاونی‌های صنایع دستی", "", "handicrafts", {"min_members": 50, "max_members": 500}),
    ("تعاونی‌های اعتبار", "", "credit", {"min_members": 50}),
    ("تعاونی‌های مصرف کارکنان", "", "consumer", {"min_members": 250}),
    ("تعاونی‌های حمل و نقل", "", "transport", {"min_members": 7}),
    ("تعاونی‌های چندمنظورهٔ عام", "multipurpose", "", {"min_members": 200}),
]


def default_profile_rows() -> list[dict[str, Any]]:
    rows = []
    for name, kind, sector, overrides in PROFILES:
        rows.append(
            {
                "name": name,
                "kind": kind,
                "sector": sector,
                "version": 1,
                "effective_from": LAW_1370,
                "source_note": SOURCE_GENERAL
                if not overrides
                else f"{SOURCE_TABLE} {SOURCE_GENERAL}",
                **BASE,
                **overrides,
            }
        )
    return rows
