"""`python -m doingoai demo`: the reference agencies, the groups and one user per role, idempotently."""

import io

import pytest
import yaml
from django.core.management import call_command

from doingoai.demo.loaders import DATA_DIR
from doingoai.organizations.choices import Role
from doingoai.organizations.models import Agency, AgencyGroup, User


def run_demo() -> str:
    out = io.StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_demo_loads_every_reference_agency_and_a_user_per_role():
    output = run_demo()
    reference = yaml.safe_load((DATA_DIR / "agencies.yaml").read_text(encoding="utf-8"))
    assert set(Agency.objects.values_list("code", flat=True)) == {row["code"] for row in reference}
    roles = set(User.objects.exclude(username="he-thong").values_list("role", flat=True))
    assert roles == set(Role.values)
    for username in ("quantri", "daumoi", "canbo.sct", "lanhdao"):
        assert username in output
        assert User.objects.get(username=username).check_password("DoiNgoai@2026")
    related = AgencyGroup.objects.get(code="DON-VI-LIEN-QUAN")
    assert related.aliases == ["Các cơ quan, đơn vị liên quan", "Các đơn vị có liên quan", "Đơn vị liên quan"]
    border = AgencyGroup.objects.get(code="UBND-XA-BIEN-GIOI")
    assert set(border.resolve().values_list("code", flat=True)) == {"X-THANHTHUY", "X-XINMAN", "X-SONVI", "X-PHOBANG"}


@pytest.mark.django_db
def test_demo_run_twice_keeps_what_users_changed():
    run_demo()
    agency = Agency.objects.get(code="SCT")
    agency.short_name = "SCT"
    agency.save()
    user = User.objects.get(username="canbo.sct")
    user.set_password("Mat-Khau-Rieng-2026")
    user.save()
    counts = (Agency.objects.count(), AgencyGroup.objects.count(), User.objects.count())
    run_demo()
    assert (Agency.objects.count(), AgencyGroup.objects.count(), User.objects.count()) == counts
    assert Agency.objects.get(code="SCT").short_name == "SCT"
    assert User.objects.get(username="canbo.sct").check_password("Mat-Khau-Rieng-2026")


@pytest.mark.django_db
def test_changes_made_by_commands_carry_their_acting_user():
    run_demo()
    record = Agency.objects.get(code="SCT").history.earliest()
    assert record.history_user.username == "he-thong"
    assert not record.history_user.has_usable_password()


@pytest.mark.django_db
def test_commands_act_as_the_named_user():
    run_demo()
    Agency.objects.filter(code="SCT").update(search_text="")
    call_command("reindex", "--user", "daumoi", stdout=io.StringIO())
    assert Agency.objects.get(code="SCT").search_text == "sct so cong thuong"
