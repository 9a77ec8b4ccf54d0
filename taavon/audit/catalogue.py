"""The catalogue of audit actions: every code an audit event may carry, with its label.

Each context declares its actions in one place, its `events.py`, as a `TextChoices` whose values
are the codes ("capital.subscribe") and whose labels are Persian (English through gettext), and
registers the class with `@catalogued`. `audit_record` refuses a code that is not in the
catalogue, so a misspelt or invented action fails at once, in the tests, instead of leaving rows
nobody can filter for. The audit log page offers the catalogue as its list of actions.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import TextChoices
from django.utils.functional import Promise
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Entry:
    code: str
    label: str | Promise
    context: str  # the code's first part: "capital", "founding", ...
    declared_by: str  # the events class, "taavon.capital.events.CapitalEvent"


_ENTRIES: dict[str, Entry] = {}

# Context names for grouping the list of actions on the audit page.
CONTEXT_LABELS: dict[str, Promise] = {
    "accounts": _("حساب‌ها و نقش‌ها"),
    "admin": _("مدیریت سامانه"),
    "audit": _("ممیزی"),
    "capital": _("دفتر سرمایه"),
    "documents": _("اسناد"),
    "founding": _("تأسیس"),
    "geo": _("تقسیمات کشوری"),
    "imports": _("ورود فهرست اعضا"),
    "notifications": _("اعلان‌ها"),
    "registry": _("ثبت تعاونی‌ها و اعضا"),
    "workflow": _("گردش کار"),
}


def catalogued[T: type[TextChoices]](choices: T) -> T:
    """Class decorator: add every member of a context's events `TextChoices` to the catalogue."""
    owner = f"{choices.__module__}.{choices.__qualname__}"
    entries = []
    for member in choices:
        code = str(member.value)
        context = code.split(".", 1)[0]
        if context not in CONTEXT_LABELS:
            raise ValueError(f"audit action {code!r}: unknown context {context!r}")
        # Compared by owner, not label: a lazy label cannot be read before the apps are ready.
        existing = _ENTRIES.get(code)
        if existing is not None and existing.declared_by != owner:
            raise ValueError(f"audit action {code!r} is declared twice")
        entries.append(Entry(code, member.label, context, owner))
    _ENTRIES.update((entry.code, entry) for entry in entries)
    return choices


def load_catalogue() -> None:
    """Import every installed app's `events` module, so the catalogue is whole before the
    audit page lists it (a context's services import their own events anyway)."""
    autodiscover_modules("events")


# Codes recorded before the registry was split into its contexts: the log is append-only, so
# their rows keep them; they are shown with the label of the code that replaced them and found
# by the same filter.
LEGACY: dict[str, str] = {
    **{
        f"registry.founding.{verb}": f"founding.{verb}"
        for verb in (
            "create",
            "update",
            "founder_add",
            "founder_remove",
            "capital",
            "submit",
            "return",
            "reject",
            "approve",
            "record_assembly",
            "register",
            "withdraw",
        )
    },
    **{
        f"registry.import.{verb}": f"imports.{verb}"
        for verb in ("upload", "checked", "invalid", "commit", "failed")
    },
    "registry.member.import": "imports.members",
    "capital.pay.bulk": "capital.pay",
}
_ADMIN_VERBS = ("add", "change", "delete")


def canonical(code: str) -> str:
    """The catalogue's code for a code as it was recorded (an older one is translated)."""
    if code in LEGACY:
        return LEGACY[code]
    # Admin writes were once recorded as admin.<app>.<model>.<verb>; the model is now in
    # the event's object type.
    parts = code.split(".")
    if parts[0] == "admin" and len(parts) == 4 and parts[3] in _ADMIN_VERBS:
        return f"admin.{parts[3]}"
    return code


def recorded_as(code: str) -> list[str]:
    """Every code an action may have been recorded under: itself and its older names."""
    return [code, *sorted(old for old, new in LEGACY.items() if new == code)]


def is_catalogued(code: str) -> bool:
    return code in _ENTRIES


def action_label(code: str) -> str:
    """The action's label in the active language; an unknown code is shown as it is."""
    entry = _ENTRIES.get(canonical(code))
    return str(entry.label) if entry else code


def catalogue() -> list[Entry]:
    """Every action, grouped by context then by code."""
    return sorted(_ENTRIES.values(), key=lambda e: (e.context, e.code))


def action_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Grouped (context label, [(code, label)]) pairs for a select box."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for entry in catalogue():
        groups.setdefault(entry.context, []).append((entry.code, str(entry.label)))
    return [(str(CONTEXT_LABELS[context]), rows) for context, rows in groups.items()]
