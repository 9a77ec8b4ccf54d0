"""A workflow as data: its stages (each with a target number of days) and its transitions
(from, action, to), each naming who may take it and how high in the offices they must sit.

The same `Workflow` is built from code (founding and a cooperative's status, fixed by law) or
from a versioned `WorkflowDefinition` row that an office publishes (support programmes). Either
way it is checked once, when it is built: a transition to an unknown stage, a stage that cannot
be reached, the same action twice from one stage, an unknown role or reach are refused.

Keyed by stable codes; labels are for display only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import TextChoices
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

CODE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
MAX_TARGET_DAYS = 3650


class Role(TextChoices):
    """Who may take a transition, relative to the object it moves."""

    APPLICANT = "applicant", _("متقاضی")  # the person who filed the object
    MANAGER = "manager", _("مدیر تعاونی")  # a manager of the object's cooperative
    OFFICER = "officer", _("کارشناس اداره")  # an office employee whose area covers the object


class Reach(TextChoices):
    """How high an officer must sit over the object's county to take a transition."""

    COUNTY = "county", _("اداره شهرستان یا بالاتر")
    PROVINCE = "province", _("اداره کل استان یا معاونت")
    NATIONAL = "national", _("معاونت امور تعاون")


class DefinitionError(ValueError):
    """A workflow that cannot be used, with one Persian message per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def _text(value: str | Promise | Mapping[str, str]) -> str:
    """A label in the active language: a lazy gettext string, or {"fa": ..., "en": ...}."""
    if isinstance(value, Mapping):
        language = (get_language() or "fa").split("-")[0]
        return str(value.get(language) or value.get("fa") or next(iter(value.values()), ""))
    return str(value)


@dataclass(frozen=True)
class Stage:
    code: str
    label: str | Promise | Mapping[str, str]
    target_days: int | None = None  # the office's target for leaving this stage

    @property
    def name(self) -> str:
        return _text(self.label)


@dataclass(frozen=True)
class Transition:
    source: str
    action: str
    target: str
    roles: tuple[str, ...]
    reach: str = Reach.COUNTY
    label: str | Promise | Mapping[str, str] = ""
    style: str = "primary"  # a Bootstrap button style, display only

    @property
    def name(self) -> str:
        return _text(self.label) or self.action


@dataclass(frozen=True)
class Workflow:
    """One version of a workflow. `key` names it in history and audit rows: the code, and for a
    database definition its version too ("support_loan@3")."""

    code: str
    version: int
    initial: str
    stages: tuple[Stage, ...]
    transitions: tuple[Transition, ...]
    name: str | Promise | Mapping[str, str] = ""
    _stages: dict[str, Stage] = field(init=False, repr=False, compare=False)
    _rows: dict[tuple[str, str], Transition] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        problems = _problems(self)
        if problems:
            raise DefinitionError(problems)
        object.__setattr__(self, "_stages", {s.code: s for s in self.stages})
        object.__setattr__(self, "_rows", {(t.source, t.action): t for t in self.transitions})

    @property
    def title(self) -> str:
        return _text(self.name) or self.code

    @property
    def actions(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t.action for t in self.transitions))

    def stage(self, code: str) -> Stage | None:
        return self._stages.get(code)

    def stage_name(self, code: str) -> str:
        stage = self._stages.get(code)
        return stage.name if stage else code

    def transition(self, source: str, action: str) -> Transition | None:
        return self._rows.get((source, action))

    def transitions_from(self, source: str) -> list[Transition]:
        return [t for t in self.transitions if t.source == source]

    def action_label(self, action: str) -> str:
        for row in self.transitions:
            if row.action == action:
                return row.name
        return action

    def is_terminal(self, code: str) -> bool:
        return not self.transitions_from(code)

    def as_data(self) -> dict[str, Any]:
        """The JSON a `WorkflowDefinition` stores (labels as {"fa", "en"} or plain text)."""

        def label(value: Any) -> Any:
            return dict(value) if isinstance(value, Mapping) else str(value)

        return {
            "initial": self.initial,
            "stages": [
                {"code": s.code, "label": label(s.label), "target_days": s.target_days}
                for s in self.stages
            ],
            "transitions": [
                {
                    "source": t.source,
                    "action": t.action,
                    "target": t.target,
                    "roles": list(t.roles),
                    "reach": t.reach,
                    "label": label(t.label),
                }
                for t in self.transitions
            ],
        }


def _problems(flow: Workflow) -> list[str]:
    problems: list[str] = []

    def say(message: Any, **values: Any) -> None:
        problems.append(str(message) % values if values else str(message))

    if not CODE.fullmatch(flow.code):
        say(_("کد گردش کار «%(c)s» نامعتبر است (حروف کوچک لاتین، رقم و _)."), c=flow.code)
    codes = [s.code for s in flow.stages]
    if not codes:
        say(_("گردش کار دست‌کم یک مرحله لازم دارد."))
    for code in codes:
        if not CODE.fullmatch(code):
            say(_("کد مرحلهٔ «%(c)s» نامعتبر است (حروف کوچک لاتین، رقم و _)."), c=code)
    for code in {c for c in codes if codes.count(c) > 1}:
        say(_("مرحلهٔ «%(c)s» دو بار تعریف شده است."), c=code)
    for stage in flow.stages:
        if not stage.name.strip():
            say(_("برای مرحلهٔ «%(c)s» عنوانی نوشته نشده است."), c=stage.code)
        days = stage.target_days
        if days is not None and (
            isinstance(days, bool) or not isinstance(days, int) or not 0 < days <= MAX_TARGET_DAYS
        ):
            say(_("مهلت مرحلهٔ «%(c)s» باید عددی از ۱ تا ۳۶۵۰ روز باشد."), c=stage.code)
    known = set(codes)
    if flow.initial not in known:
        say(_("مرحلهٔ آغاز «%(c)s» در فهرست مراحل نیست."), c=flow.initial)
    seen: set[tuple[str, str]] = set()
    for row in flow.transitions:
        for end in (row.source, row.target):
            if end not in known:
                say(_("گذار «%(a)s» به مرحلهٔ ناشناختهٔ «%(c)s» اشاره می‌کند."), a=row.action, c=end)
        if not CODE.fullmatch(row.action):
            say(_("کد اقدام «%(a)s» نامعتبر است (حروف کوچک لاتین، رقم و _)."), a=row.action)
        if (row.source, row.action) in seen:
            say(_("اقدام «%(a)s» از مرحلهٔ «%(c)s» دو بار آمده است."), a=row.action, c=row.source)
        seen.add((row.source, row.action))
        if not row.roles:
            say(_("برای گذار «%(a)s» هیچ نقشی تعیین نشده است."), a=row.action)
        if not _text(row.label).strip():
            say(_("برای گذار «%(a)s» عنوانی نوشته نشده است."), a=row.action)
        for role in row.roles:
            if role not in Role.values:
                say(_("نقش «%(r)s» در گذار «%(a)s» ناشناخته است."), r=role, a=row.action)
        if row.reach not in Reach.values:
            say(_("سطح «%(r)s» در گذار «%(a)s» ناشناخته است."), r=row.reach, a=row.action)
    leaving = {row.source for row in flow.transitions}
    for stage in flow.stages:
        if stage.target_days and stage.code not in leaving:
            say(_("مرحلهٔ پایانی «%(c)s» مهلت ندارد: از آن بیرون رفتنی نیست."), c=stage.code)
    if flow.initial in known:
        for code in sorted(known - _reachable(flow.initial, flow.transitions)):
            say(_("به مرحلهٔ «%(c)s» از مرحلهٔ آغاز هیچ راهی نیست."), c=code)
    return problems


def _reachable(start: str, transitions: Iterable[Transition]) -> set[str]:
    edges: dict[str, set[str]] = {}
    for row in transitions:
        edges.setdefault(row.source, set()).add(row.target)
    found, todo = {start}, [start]
    while todo:
        for target in edges.get(todo.pop(), set()):
            if target not in found:
                found.add(target)
                todo.append(target)
    return found


def workflow_from_data(code: str, version: int, data: Any, name: Any = "") -> Workflow:
    """A `Workflow` from a definition's JSON; DefinitionError (Persian) for anything malformed."""
    if not isinstance(data, Mapping):
        raise DefinitionError([str(_("تعریف گردش کار باید یک شیء JSON باشد."))])
    try:
        stages = tuple(
            Stage(
                code=str(s["code"]),
                label=_label(s.get("label", "")),
                target_days=s.get("target_days"),
            )
            for s in _list(data, "stages")
        )
        transitions = tuple(
            Transition(
                source=str(t["source"]),
                action=str(t["action"]),
                target=str(t["target"]),
                roles=tuple(str(r) for r in _list(t, "roles")),
                reach=str(t.get("reach") or Reach.COUNTY),
                label=_label(t.get("label", "")),
            )
            for t in _list(data, "transitions")
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise DefinitionError(
            [str(_("ساختار تعریف گردش کار نادرست است: %(e)s")) % {"e": exc}]
        ) from None
    return Workflow(
        code=code,
        version=version,
        initial=str(data.get("initial") or (stages[0].code if stages else "")),
        stages=stages,
        transitions=transitions,
        name=name,
    )


def _list(data: Mapping[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise TypeError(f"{key} must be a list")
    return value


def _label(value: Any) -> str | dict[str, str]:
    if isinstance(value, Mapping):
        return {str(k): str(v) for k, v in value.items()}
    return str(value)


# --- workflows defined in code ---------------------------------------------------------------

_CODE_WORKFLOWS: dict[str, Workflow] = {}


def register_workflow(flow: Workflow) -> Workflow:
    """Declare a workflow that lives in code (fixed by law); its code is reserved."""
    existing = _CODE_WORKFLOWS.get(flow.code)
    if existing is not None and existing != flow:
        raise DefinitionError([f"workflow {flow.code!r} is already registered"])
    _CODE_WORKFLOWS[flow.code] = flow
    return flow


def code_workflow(code: str) -> Workflow | None:
    return _CODE_WORKFLOWS.get(code)


def code_workflows() -> list[Workflow]:
    return sorted(_CODE_WORKFLOWS.values(), key=lambda f: f.code)
