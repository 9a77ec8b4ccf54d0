"""Checks against the cooperative: existing members, maximum members, the cap, its capital."""

from __future__ import annotations

import datetime

import pytest

from taavon.core.permissions import SYSTEM
from taavon.imports.engine import commit, dry_run
from taavon.registry.models import (
    Cooperative,
    CooperativeStatus,
    Membership,
    MembershipStatus,
    Person,
    RuleProfile,
)
from taavon.registry.services.members import membership_admit, membership_exit
from taavon.registry.services.people import PersonData
from tests.factories import CooperativeFactory
from tests.imports.conftest import member_row, messages, rows, source


def admit(coop: Cooperative, nid: str, first: str = "حسین", last: str = "پیشین") -> Membership:
    return membership_admit(
        actor=SYSTEM,
        cooperative_id=coop.pk,
        joined_on=datetime.date(2020, 1, 1),
        person=PersonData(national_id=nid, first_name=first, last_name=last),
    )


def test_a_person_already_a_member(coop: Cooperative, xlsx) -> None:
    data = rows(5)
    admit(coop, *data[2][:3])  # the same person (same names) is already a member

    outcome = dry_run(source(xlsx(data)), coop.pk)

    (problem,) = outcome.problems
    assert (problem.row, problem.column) == (4, "کد ملی")
    assert "هم‌اکنون عضو این تعاونی است (شمارهٔ عضویت ۱)" in problem.message


def test_a_former_member_may_join_again(coop: Cooperative, xlsx) -> None:
    data = rows(5)
    former = admit(coop, *data[2][:3])
    membership_exit(
        actor=SYSTEM,
        membership_id=former.pk,
        status=MembershipStatus.RESIGNED,
        exit_date=datetime.date(2021, 1, 1),
    )

    outcome = commit(source(xlsx(data)), coop.pk, actor=SYSTEM, reference="t")

    assert outcome.ok, messages(outcome.problems)
    assert Membership.objects.filter(person=former.person).count() == 2


@pytest.fixture
def small_profile(db: None) -> RuleProfile:
    return RuleProfile.objects.create(
        name="آزمایشی",
        kind="production",
        sector="mining",
        version=99,
        effective_from=datetime.date(2000, 1, 1),
        min_founders=1,
        min_members=1,
        max_members=5,
    )


def test_over_the_maximum_members(coop: Cooperative, xlsx, small_profile: RuleProfile) -> None:
    coop.rule_profile = small_profile
    coop.save()
    admit(coop, "0084575948")

    outcome = dry_run(source(xlsx(rows(5))), coop.pk)

    (problem,) = outcome.problems
    assert problem.row is None
    assert "به ۶ نفر می‌رسد که از سقف ۵ نفر بیشتر است" in problem.message


def test_a_member_over_the_cap_of_the_final_capital(coop: Cooperative, xlsx) -> None:
    """4 × 10 shares and one of 30: 30/70 = 43% > 30%; the others are 14% each."""
    data = [*rows(4), member_row(5, shares=30)]

    outcome = dry_run(source(xlsx(data)), coop.pk)

    (problem,) = outcome.problems
    assert (problem.row, problem.column) == (6, "سهام تعهدی")
    assert "۳٬۰۰۰٬۰۰۰ ریال" in problem.message and "سقف ۳۰ درصد" in problem.message


def test_cap_counts_capital_already_subscribed(coop: Cooperative, xlsx) -> None:
    """Alone, two members of 10 shares are 50% each; after 8 × 10 shares they are 10%."""
    assert not dry_run(source(xlsx(rows(2))), coop.pk).ok
    assert commit(source(xlsx(rows(8))), coop.pk, actor=SYSTEM, reference="a").ok

    outcome = commit(source(xlsx(rows(2, start=20))), coop.pk, actor=SYSTEM, reference="b")

    assert outcome.ok, messages(outcome.problems)


def test_paid_more_than_subscribed(coop: Cooperative, xlsx) -> None:
    data = [*rows(4), member_row(5, shares=10, paid=1_000_001)]

    (problem,) = dry_run(source(xlsx(data)), coop.pk).problems

    assert (problem.row, problem.column) == (6, "مبلغ پرداختی")
    assert "از مبلغ تعهد (۱٬۰۰۰٬۰۰۰ ریال) بیشتر است" in problem.message


def test_shares_need_a_share_class(db: None, xlsx) -> None:
    bare = CooperativeFactory()

    (problem,) = dry_run(source(xlsx(rows(5))), bare.pk).problems

    assert "هنوز نوع سهمی تعریف نشده است" in problem.message


def test_members_without_capital_need_no_share_class(db: None, xlsx) -> None:
    bare = CooperativeFactory()
    data = [member_row(i, shares=None, paid=None) for i in range(1, 3)]

    outcome = commit(source(xlsx(data)), bare.pk, actor=SYSTEM, reference="t")

    assert outcome.ok and outcome.created == 2


@pytest.mark.parametrize("status", [CooperativeStatus.LIQUIDATION, CooperativeStatus.DISSOLVED])
def test_a_closed_cooperative_admits_nobody(coop: Cooperative, xlsx, status: str) -> None:
    Cooperative.objects.filter(pk=coop.pk).update(status=status)

    outcome = commit(source(xlsx(rows(5))), coop.pk, actor=SYSTEM, reference="t")

    assert "عضو نمی‌پذیرد" in messages(outcome.problems)
    assert not Membership.objects.exists()


def test_an_inactive_cooperative_takes_members_but_not_capital(coop: Cooperative, xlsx) -> None:
    Cooperative.objects.filter(pk=coop.pk).update(status=CooperativeStatus.INACTIVE)

    with_capital = dry_run(source(xlsx(rows(5))), coop.pk)
    without = dry_run(
        source(xlsx([member_row(i, shares=None, paid=None) for i in (1, 2)])), coop.pk
    )

    assert "نمی‌توان سرمایه ثبت کرد" in messages(with_capital.problems)
    assert without.ok


def test_a_known_person_keeps_their_details_and_gets_blanks_filled(coop: Cooperative, xlsx) -> None:
    other = CooperativeFactory()
    data = rows(5)
    admit(other, data[0][0])
    data[0][1], data[0][2] = "حسين", "پیشین"  # the stored names (Arabic ي is the same letter)

    outcome = commit(source(xlsx(data)), coop.pk, actor=SYSTEM, reference="t")

    assert outcome.ok, messages(outcome.problems)
    person = Person.objects.get(national_id=data[0][0])
    assert (person.first_name, person.last_name) == ("حسین", "پیشین")  # the registry's own
    assert person.father_name == "علی" and person.mobile == "+989160000001"  # were blank
    assert person.memberships.count() == 2


def test_a_known_national_id_with_other_names_is_a_row_error(coop: Cooperative, xlsx) -> None:
    """A mistyped but valid ID must not attach the membership to somebody else, and the report
    must not say whose ID it is."""
    other = CooperativeFactory()
    data = rows(5)
    admit(other, data[3][0])

    outcome = dry_run(source(xlsx(data)), coop.pk)

    assert not outcome.ok
    (problem,) = outcome.problems
    assert problem.row == 5 and "یکسان نیست" in problem.message
    assert "حسین" not in problem.message and "پیشین" not in problem.message
    assert Person.objects.get(national_id=data[3][0]).memberships.count() == 1
