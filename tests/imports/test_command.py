"""`manage.py import_members`: report, progress line, exit status, --commit and --user."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from taavon.audit.models import AuditEvent
from taavon.imports.models import ImportStatus, MemberImport
from taavon.registry.models import Membership
from tests.imports.conftest import member_row, rows


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_members", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_dry_run_of_a_clean_file(coop, xlsx) -> None:
    out, err = run(str(xlsx(rows(5))), "--cooperative", str(coop.pk))

    assert "5 rows are valid" in out
    assert "\r" in err and "100%" in err
    assert not Membership.objects.exists()


def test_errors_are_printed_and_exit_1(coop, xlsx) -> None:
    path = xlsx([*rows(5), member_row(6, national_id="0084575949")])

    with pytest.raises(CommandError) as error:
        run(str(path), "--cooperative", str(coop.pk), "--commit")

    assert error.value.returncode == 1
    assert "nothing was imported" in str(error.value)
    assert not Membership.objects.exists()


def test_report_lines(coop, xlsx, capsys) -> None:
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_members",
            str(xlsx([*rows(5), member_row(6, gender="؟")])),
            "--cooperative",
            str(coop.pk),
            stdout=out,
            stderr=io.StringIO(),
        )

    assert "row 7 · جنسیت: «؟» پذیرفته نیست" in out.getvalue()


def test_commit(coop, xlsx) -> None:
    before = AuditEvent.objects.count()
    out, _err = run(str(xlsx(rows(5))), "--cooperative", str(coop.pk), "--commit")

    assert "5 members imported" in out
    assert Membership.objects.filter(cooperative=coop).count() == 5
    written = AuditEvent.objects.order_by("pk")[before:]
    assert {e.channel for e in written} == {"cli"}  # recorded as coming from the command line


def test_commit_recorded_as_a_user(coop, manager, xlsx) -> None:
    out, _err = run(
        str(xlsx(rows(5))), "--cooperative", str(coop.pk), "--commit", "--user", manager.national_id
    )

    member_import = MemberImport.objects.get()
    assert member_import.status == ImportStatus.COMMITTED
    assert member_import.uploaded_by == manager
    assert f"import #{member_import.pk}" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.xlsx", "--cooperative", "1"], "no such file"),
        (["{path}", "--cooperative", "999999"], "no cooperative"),
        (["{path}", "--cooperative", "{coop}", "--user", "nobody"], "no user"),
    ],
)
def test_bad_arguments(coop, xlsx, args: list[str], message: str) -> None:
    path = str(xlsx(rows(1)))
    args = [a.format(path=path, coop=coop.pk) for a in args]

    with pytest.raises(CommandError, match=message):
        run(*args)
