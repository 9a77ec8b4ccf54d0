"""membership_admit: valid national IDs, one active membership per person, the profile's
maximum, and register numbers that only grow."""

from __future__ import annotations

import pytest

from taavon.core.errors import ApplicationError
from taavon.core.permissions import SYSTEM
from taavon.registry.models import CooperativeStatus, Membership, Person, RuleProfile
from taavon.registry.services.members import membership_admit, membership_exit
from taavon.registry.services.people import PersonData
from tests.capital.builders import DAY, admit, person


def _admit(coop, data: PersonData) -> Membership:
    return membership_admit(actor=SYSTEM, cooperative_id=coop.pk, person=data, joined_on=DAY)


def test_admission_gives_sequential_register_numbers(coop_dorud) -> None:
    members = admit(coop_dorud, 3)

    assert [m.register_number for m in members] == [1, 2, 3]
    coop_dorud.refresh_from_db()
    assert coop_dorud.last_register_number == 3


def test_national_id_in_persian_digits_is_normalised(coop_dorud) -> None:
    data = person(1)
    persian = data.national_id.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))

    membership = _admit(coop_dorud, PersonData(persian, "علي", "كريمي"))

    assert membership.person.national_id == data.national_id
    assert membership.person.first_name == "علی"  # Arabic yeh and kaf folded
    assert membership.person.last_name == "کریمی"


@pytest.mark.parametrize("national_id", ["1234567890", "12345", "abcdefghij", "0000000000", ""])
def test_invalid_national_id_is_refused_and_nothing_is_created(coop_dorud, national_id) -> None:
    with pytest.raises(ApplicationError) as exc:
        _admit(coop_dorud, PersonData(national_id, "مریم", "کریمی"))
    assert exc.value.fields["national_id"] == [exc.value.message]

    assert not Person.objects.exists()
    assert not Membership.objects.exists()


def test_a_current_member_cannot_be_admitted_twice(coop_dorud) -> None:
    _admit(coop_dorud, person(1))

    with pytest.raises(ApplicationError) as exc:
        _admit(coop_dorud, person(1))

    assert exc.value.code == "already_member"
    assert Membership.objects.count() == 1
    coop_dorud.refresh_from_db()
    assert coop_dorud.last_register_number == 1


def test_same_person_may_belong_to_several_cooperatives(coop_dorud, coop_khorramabad) -> None:
    a = _admit(coop_dorud, person(1))
    b = _admit(coop_khorramabad, person(1))

    assert a.person_id == b.person_id


@pytest.mark.parametrize(
    "change",
    [
        {"first_name": "زهرا"},
        {"last_name": "کریمی"},
        {"father_name": "حسن"},
        {"birth_date": DAY.replace(year=1990)},
    ],
)
def test_a_known_national_id_with_other_details_is_refused(
    coop_dorud, coop_khorramabad, change
) -> None:
    """A mistyped or borrowed ID must not attach a membership to somebody else, and the error
    must not say what is stored for that ID."""
    known = PersonData(
        **{**person(1).__dict__, "father_name": "علی", "birth_date": DAY.replace(year=1980)}
    )
    _admit(coop_dorud, known)
    with pytest.raises(ApplicationError) as caught:
        _admit(coop_khorramabad, PersonData(**{**known.__dict__, **change}))

    assert caught.value.code == "identity_mismatch"
    assert set(change) <= set(caught.value.fields) and "national_id" in caught.value.fields
    assert known.first_name not in caught.value.message
    assert not Membership.objects.filter(cooperative=coop_khorramabad).exists()


def test_the_same_person_typed_differently_is_still_the_same_person(
    coop_dorud, coop_khorramabad
) -> None:
    """Arabic letters, ZWNJ and spacing are not differences; a blank father's name is none."""
    a = _admit(coop_dorud, person(2, first="علی", last="میرزایی‌پور"))
    typed = PersonData(national_id=person(2).national_id, first_name="علي", last_name="ميرزايي پور")
    b = _admit(coop_khorramabad, typed)
    assert a.person_id == b.person_id


def test_names_are_required(coop_dorud) -> None:
    with pytest.raises(ApplicationError):
        _admit(coop_dorud, PersonData(person(1).national_id, " ", "کریمی"))


def test_over_max_members_is_refused(coop_dorud) -> None:
    coop_dorud.rule_profile = RuleProfile.objects.create(
        name="سقف آزمایشی",
        effective_from=DAY,
        version=99,
        min_members=1,
        max_members=2,
    )
    coop_dorud.save()
    admit(coop_dorud, 2)

    with pytest.raises(ApplicationError) as exc:
        _admit(coop_dorud, person(10))

    assert exc.value.code == "over_max_members"
    assert "سقف ۲ نفر" in exc.value.message  # Persian digits in a Persian message
    assert Membership.objects.filter(cooperative=coop_dorud).count() == 2


def test_exited_members_free_a_place_under_the_maximum(coop_dorud) -> None:
    coop_dorud.rule_profile = RuleProfile.objects.create(
        name="سقف آزمایشی",
        effective_from=DAY,
        version=99,
        min_members=1,
        max_members=2,
    )
    coop_dorud.save()
    first, _second = admit(coop_dorud, 2)
    membership_exit(actor=SYSTEM, membership_id=first.pk, status="resigned", exit_date=DAY)

    third = _admit(coop_dorud, person(10))

    assert third.register_number == 3


def test_register_numbers_are_never_reused_after_exit(coop_dorud) -> None:
    members = admit(coop_dorud, 3)
    membership_exit(actor=SYSTEM, membership_id=members[2].pk, status="deceased", exit_date=DAY)

    newcomer = _admit(coop_dorud, person(50))
    returning = _admit(coop_dorud, person(coop_dorud.pk * 1000 + 2))  # the one who left

    assert newcomer.register_number == 4
    assert returning.register_number == 5
    assert returning.person_id == members[2].person_id


@pytest.mark.parametrize("status", [CooperativeStatus.LIQUIDATION, CooperativeStatus.DISSOLVED])
def test_closed_cooperative_admits_nobody(coop_dorud, status) -> None:
    coop_dorud.status = status
    coop_dorud.save(update_fields=["status"])

    with pytest.raises(ApplicationError) as exc:
        _admit(coop_dorud, person(1))

    assert exc.value.code == "cooperative_closed"


def test_admission_is_audited(coop_dorud) -> None:
    from taavon.audit.models import AuditEvent

    membership = _admit(coop_dorud, person(1))

    event = AuditEvent.objects.get(action="registry.member.admit")
    assert event.object_id == str(membership.pk)
