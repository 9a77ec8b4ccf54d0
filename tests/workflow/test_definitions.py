"""A workflow is checked when it is built: every stage reachable, every transition between
known stages, one action per stage, known roles and reaches, sane target days."""

from __future__ import annotations

from typing import Any

import pytest

from taavon.founding.workflow import FOUNDING
from taavon.registry.workflow import COOPERATIVE_STATUS
from taavon.workflow.definitions import (
    DefinitionError,
    Reach,
    Role,
    Stage,
    Transition,
    Workflow,
    code_workflow,
    code_workflows,
    register_workflow,
    workflow_from_data,
)


def flow(**changes: Any) -> Workflow:
    values: dict[str, Any] = {
        "code": "support_loan",
        "version": 1,
        "initial": "submitted",
        "stages": (
            Stage("submitted", "در انتظار بررسی", 10),
            Stage("approved", "موافقت شد"),
            Stage("rejected", "رد شد"),
        ),
        "transitions": (
            Transition(
                "submitted", "approve", "approved", (Role.OFFICER,), Reach.PROVINCE, label="موافقت"
            ),
            Transition("submitted", "reject", "rejected", (Role.OFFICER,), label="رد"),
        ),
    }
    return Workflow(**(values | changes))


def problems(**changes: Any) -> list[str]:
    with pytest.raises(DefinitionError) as caught:
        flow(**changes)
    return caught.value.problems


def test_a_sound_workflow_is_built() -> None:
    built = flow()
    assert built.actions == ("approve", "reject")
    assert built.transition("submitted", "approve").target == "approved"  # type: ignore[union-attr]
    assert built.transition("approved", "approve") is None
    assert built.is_terminal("approved") and not built.is_terminal("submitted")
    assert built.stage("submitted").target_days == 10  # type: ignore[union-attr]


def test_a_transition_to_an_unknown_stage_is_refused() -> None:
    found = problems(
        transitions=(Transition("submitted", "approve", "paid", (Role.OFFICER,)),),
        stages=(Stage("submitted", "x"),),
    )
    assert any("«paid»" in p for p in found)


def test_a_stage_that_cannot_be_reached_is_refused() -> None:
    found = problems(
        transitions=(Transition("submitted", "approve", "approved", (Role.OFFICER,), label="ت"),)
    )
    assert found == ["به مرحلهٔ «rejected» از مرحلهٔ آغاز هیچ راهی نیست."]


def test_the_same_action_twice_from_one_stage_is_refused() -> None:
    found = problems(
        transitions=(
            Transition("submitted", "decide", "approved", (Role.OFFICER,)),
            Transition("submitted", "decide", "rejected", (Role.OFFICER,)),
        )
    )
    assert any("دو بار" in p for p in found)


@pytest.mark.parametrize(
    ("changes", "needle"),
    [
        ({"initial": "paid"}, "مرحلهٔ آغاز"),
        ({"code": "Support Loan"}, "کد گردش کار"),
        ({"stages": ()}, "دست‌کم یک مرحله"),
        (
            {
                "transitions": (
                    Transition("submitted", "approve", "approved", ("judge",)),
                    Transition("submitted", "reject", "rejected", (Role.OFFICER,)),
                )
            },
            "نقش «judge»",
        ),
        (
            {
                "transitions": (
                    Transition("submitted", "approve", "approved", (Role.OFFICER,), "city"),
                    Transition("submitted", "reject", "rejected", (Role.OFFICER,)),
                )
            },
            "سطح «city»",
        ),
        (
            {
                "transitions": (
                    Transition("submitted", "approve", "approved", ()),
                    Transition("submitted", "reject", "rejected", (Role.OFFICER,)),
                )
            },
            "هیچ نقشی",
        ),
        (
            {
                "stages": (
                    Stage("submitted", "x", 0),
                    Stage("approved", "y"),
                    Stage("rejected", "z"),
                )
            },
            "مهلت",
        ),
        (
            {
                "stages": (
                    Stage("submitted", "x", True),  # type: ignore[arg-type]
                    Stage("approved", "y"),
                    Stage("rejected", "z"),
                )
            },
            "مهلت",
        ),
        (
            {
                "stages": (
                    Stage("submitted", "x"),
                    Stage("submitted", "x2"),
                    Stage("approved", "y"),
                    Stage("rejected", "z"),
                )
            },
            "دو بار تعریف",
        ),
    ],
)
def test_each_mistake_is_named(changes: dict[str, Any], needle: str) -> None:
    assert any(needle in p for p in problems(**changes)), problems(**changes)


def test_a_code_with_a_trailing_newline_is_refused() -> None:
    found = problems(
        stages=(Stage("submitted\n", "x"), Stage("approved", "y"), Stage("rejected", "z"))
    )
    assert any("submitted" in p and "نامعتبر" in p for p in found)


def test_every_stage_and_transition_needs_a_label() -> None:
    found = problems(
        stages=(Stage("submitted", " "), Stage("approved", "y"), Stage("rejected", "z")),
        transitions=(
            Transition("submitted", "approve", "approved", (Role.OFFICER,)),
            Transition("submitted", "reject", "rejected", (Role.OFFICER,), label="رد"),
        ),
    )
    assert any("«submitted» عنوانی" in p for p in found)
    assert any("«approve» عنوانی" in p for p in found)


def test_a_final_stage_has_no_target() -> None:
    found = problems(
        stages=(Stage("submitted", "x", 10), Stage("approved", "y", 5), Stage("rejected", "z"))
    )
    assert found == ["مرحلهٔ پایانی «approved» مهلت ندارد: از آن بیرون رفتنی نیست."]


def test_data_round_trips() -> None:
    built = flow()
    again = workflow_from_data("support_loan", 1, built.as_data())
    assert again.as_data() == built.as_data()
    assert again.stages == built.stages and again.transitions == built.transitions


@pytest.mark.parametrize(
    "data",
    [
        [],
        "text",
        {"stages": "x"},
        {"stages": [{"label": "no code"}]},
        {"stages": [{"code": "a"}], "transitions": [{"source": "a"}]},
        {
            "stages": [{"code": "a"}],
            "transitions": [{"source": "a", "action": "x", "target": "a", "roles": "officer"}],
        },
    ],
)
def test_malformed_data_is_refused_with_a_persian_message(data: Any) -> None:
    with pytest.raises(DefinitionError) as caught:
        workflow_from_data("support_loan", 1, data)
    assert caught.value.problems and all(p for p in caught.value.problems)


def test_labels_follow_the_language() -> None:
    from django.utils import translation

    built = workflow_from_data(
        "support_loan",
        1,
        {
            "stages": [{"code": "a", "label": {"fa": "الف", "en": "A"}}],
            "transitions": [],
        },
    )
    assert built.stage_name("a") == "الف"
    with translation.override("en"):
        assert built.stage_name("a") == "A"


def test_the_laws_workflows_live_in_code() -> None:
    assert code_workflow("founding") is FOUNDING
    assert code_workflow("cooperative_status") is COOPERATIVE_STATUS
    assert {f.code for f in code_workflows()} >= {"founding", "cooperative_status"}
    with pytest.raises(DefinitionError):
        register_workflow(flow(code="founding"))
