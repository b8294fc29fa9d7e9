"""Agency, group and user pages as their users meet them."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from doingoai.organizations.choices import Role
from doingoai.organizations.models import Agency, AgencyGroup, User
from doingoai.organizations.tests.factories import AgencyFactory, AgencyGroupFactory


@pytest.fixture
def focal_client(client, users):
    client.force_login(users[Role.FOCAL_OFFICER])
    return client


@pytest.mark.django_db
def test_search_without_diacritics_finds_the_agency(focal_client, agency):
    AgencyFactory(code="STC", name="Sở Tài chính")
    response = focal_client.get(reverse("organizations:agency_list"), {"q": "so cong thuong"})
    names = [row.record.name for row in response.context["table"].page.object_list]
    assert names == ["Sở Công Thương"]


@pytest.mark.django_db
def test_search_matches_aliases(focal_client, agency):
    response = focal_client.get(reverse("organizations:agency_list"), {"q": "cong thuong tinh"})
    assert [row.record for row in response.context["table"].page.object_list] == [agency]


@pytest.mark.django_db
def test_excel_export_holds_exactly_the_filtered_rows_of_every_page(focal_client, agency):
    for number in range(60):
        AgencyFactory(
            code=f"X{number:02d}", name=f"Ủy ban nhân dân xã Biên Giới {number:02d}", kind="commune", is_border=True
        )
    AgencyFactory(code="P1", name="Ủy ban nhân dân phường Một", kind="ward")
    response = focal_client.get(reverse("organizations:agency_list"), {"q": "bien gioi", "export": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("Mã", "Tên cơ quan, đơn vị")
    assert sorted(row[0] for row in rows[1:]) == [f"X{number:02d}" for number in range(60)]
    assert {row[5] for row in rows[1:]} == {"Có"}


@pytest.mark.django_db
def test_list_filters_by_kind_and_border_flag(focal_client, agency):
    AgencyFactory(code="X1", name="Ủy ban nhân dân xã Một", kind="commune", is_border=True)
    AgencyFactory(code="X2", name="Ủy ban nhân dân xã Hai", kind="commune", is_border=False)
    response = focal_client.get(reverse("organizations:agency_list"), {"kind": "commune", "is_border": "true"})
    assert [row.record.code for row in response.context["table"].page.object_list] == ["X1"]


@pytest.mark.django_db
def test_invalid_filter_shows_the_error_and_no_rows(focal_client, agency):
    response = focal_client.get(reverse("organizations:agency_list"), {"kind": "khong-co"})
    assert response.status_code == 200
    assert "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()
    assert response.context["table"].paginator.count == 0


@pytest.mark.django_db
def test_htmx_requests_get_only_the_table(focal_client, agency):
    response = focal_client.get(
        reverse("organizations:agency_list"), {"q": "cong"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="object-table"
    )
    html = response.content.decode()
    assert html.startswith('<div id="object-table"')
    assert "<nav" not in html.split("table-container")[0]


@pytest.mark.django_db
def test_empty_list_says_so_in_vietnamese(focal_client, agency):
    response = focal_client.get(reverse("organizations:agency_list"), {"q": "khong co co quan nao ten nay"})
    assert "Không có dữ liệu phù hợp" in response.content.decode()


@pytest.mark.django_db
def test_invalid_agency_form_shows_vietnamese_field_errors(focal_client, agency):
    response = focal_client.post(
        reverse("organizations:agency_add"),
        {"code": "có dấu cách", "name": "Sở Công Thương", "kind": "khong-co", "email": "khong-phai-email"},
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "chữ cái không dấu" in errors["code"][0]
    assert "đã tồn tại" in errors["name"][0]
    assert "Hãy chọn một lựa chọn hợp lệ" in errors["kind"][0]
    assert errors["email"] == ["Nhập địa chỉ thư điện tử hợp lệ."]
    html = response.content.decode()
    assert "is-invalid" in html and "Chưa lưu được" in html
    assert Agency.objects.count() == 2


@pytest.mark.django_db
def test_an_alias_may_not_name_another_agency(focal_client, agency, other_agency):
    response = focal_client.post(
        reverse("organizations:agency_edit", args=[other_agency.pk]),
        {"code": other_agency.code, "name": other_agency.name, "kind": "department", "aliases": "So Cong Thuong"},
    )
    assert response.status_code == 400
    assert "đã dùng cho cơ quan khác" in response.context["form"].errors["aliases"][0]


@pytest.mark.django_db
def test_an_agency_cannot_be_its_own_ancestor(focal_client, agency):
    child = AgencyFactory(parent=agency)
    response = focal_client.post(
        reverse("organizations:agency_edit", args=[agency.pk]),
        {"code": agency.code, "name": agency.name, "kind": "department", "parent": child.pk},
    )
    assert response.status_code == 400
    assert "cấp trên" in response.context["form"].errors["parent"][0]


@pytest.mark.django_db
def test_aliases_are_entered_one_per_line_and_tidied(focal_client, agency):
    focal_client.post(
        reverse("organizations:agency_edit", args=[agency.pk]),
        {"code": "SCT", "name": agency.name, "kind": "department", "aliases": " Sở CT \n\nSo CT\nCông Thương "},
    )
    agency.refresh_from_db()
    assert agency.aliases == ["Sở CT", "Công Thương"]


@pytest.mark.django_db
def test_every_change_to_an_agency_appears_in_its_history(focal_client, users, agency):
    focal_client.post(
        reverse("organizations:agency_edit", args=[agency.pk]),
        {"code": "SCT", "name": "Sở Công Thương tỉnh", "kind": "board", "aliases": "Sở Công thương tỉnh"},
    )
    focal_client.post(reverse("organizations:agency_deactivate", args=[agency.pk]))
    response = focal_client.get(reverse("organizations:agency_history", args=[agency.pk]))
    entries = response.context["page"].object_list
    latest, edit = entries[0], entries[1]
    focal = users[Role.FOCAL_OFFICER]
    assert latest.user == focal and edit.user == focal
    assert [(c.label, c.before, c.after) for c in latest.changes] == [("Đang hoạt động", "Có", "Không")]
    assert {(c.label, c.before, c.after) for c in edit.changes} == {
        ("Tên cơ quan, đơn vị", "Sở Công Thương", "Sở Công Thương tỉnh"),
        ("Loại", "Sở, ngành", "Ban"),
    }
    html = response.content.decode()
    assert "Sở Công Thương tỉnh" in html and str(focal) in html


@pytest.mark.django_db
def test_group_membership_changes_are_in_the_history(focal_client, agency, other_agency):
    group = AgencyGroupFactory(name="Nhóm thử")
    focal_client.post(
        reverse("organizations:agencygroup_edit", args=[group.pk]),
        {"code": group.code, "name": group.name, "members": [agency.pk, other_agency.pk]},
    )
    entries = (
        focal_client.get(reverse("organizations:agencygroup_history", args=[group.pk])).context["page"].object_list
    )
    assert ("Thành viên", "—", "Sở Công Thương, Sở Ngoại vụ") in {
        (c.label, c.before, c.after) for c in entries[0].changes
    }


@pytest.mark.django_db
def test_a_group_resolves_to_members_and_agencies_of_its_kinds(agency):
    border = AgencyFactory(code="X1", kind="commune", is_border=True)
    AgencyFactory(code="X2", kind="commune", is_border=False)
    AgencyFactory(code="X3", kind="commune", is_border=True, is_active=False)
    group = AgencyGroup.objects.create(
        code="G", name="UBND các xã biên giới", member_kinds=["commune"], border_only=True
    )
    group.members.add(agency)
    assert set(group.resolve()) == {agency, border}


@pytest.mark.django_db
def test_deactivated_agency_is_kept_and_can_be_reactivated(focal_client, agency):
    focal_client.post(reverse("organizations:agency_deactivate", args=[agency.pk]))
    agency.refresh_from_db()
    assert not agency.is_active
    focal_client.post(reverse("organizations:agency_reactivate", args=[agency.pk]))
    agency.refresh_from_db()
    assert agency.is_active


@pytest.mark.django_db
def test_focal_and_agency_officers_must_belong_to_an_agency(client, users):
    client.force_login(users[Role.ADMINISTRATOR])
    response = client.post(
        reverse("organizations:user_add"),
        {
            "username": "moi",
            "role": Role.AGENCY_OFFICER,
            "password1": "Mot-Mat-Khau-Dai-2026",
            "password2": "Mot-Mat-Khau-Dai-2026",
        },
    )
    assert response.status_code == 400
    assert "phải thuộc một cơ quan" in response.context["form"].errors["agency"][0]


@pytest.mark.django_db
def test_new_user_password_is_validated_in_vietnamese(client, users, agency):
    client.force_login(users[Role.ADMINISTRATOR])
    response = client.post(
        reverse("organizations:user_add"),
        {"username": "moi", "agency": agency.pk, "role": Role.LEADER, "password1": "123", "password2": "1234"},
    )
    assert response.status_code == 400
    assert "Hai trường mật khẩu không giống nhau" in str(response.context["form"].errors)


@pytest.mark.django_db
def test_user_changes_own_password_and_history_records_it_without_the_hash(client, users):
    user = users[Role.AGENCY_OFFICER]
    client.force_login(user)
    response = client.post(
        reverse("password_change"),
        {"old_password": "MatKhau@2026", "new_password1": "Mat-Khau-Moi-2026!", "new_password2": "Mat-Khau-Moi-2026!"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Mat-Khau-Moi-2026!")
    latest = user.history.latest()
    assert latest.history_change_reason == "Đổi mật khẩu"
    assert latest.history_user == user
    assert not hasattr(latest, "password")
    assert client.get(reverse("programs:my_work")).status_code == 200, "the session survives the change"


@pytest.mark.django_db
def test_administrator_sets_a_new_password(client, users):
    target = users[Role.LEADER]
    client.force_login(users[Role.ADMINISTRATOR])
    url = reverse("organizations:user_set_password", args=[target.pk])
    assert (
        client.post(
            url, {"new_password1": "Mot-Mat-Khau-Dai-2026", "new_password2": "Mot-Mat-Khau-Dai-2026"}
        ).status_code
        == 302
    )
    target.refresh_from_db()
    assert target.check_password("Mot-Mat-Khau-Dai-2026")
    assert target.history.latest().history_change_reason == "Đặt lại mật khẩu"


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.FOCAL_OFFICER, Role.LEADER, Role.AGENCY_OFFICER])
def test_only_administrators_set_other_users_passwords(client, users, role):
    client.force_login(users[role])
    # The agency officer's own account: no role but the administrator may reset it.
    url = reverse("organizations:user_set_password", args=[users[Role.AGENCY_OFFICER].pk])
    assert (
        client.post(
            url, {"new_password1": "Mot-Mat-Khau-Dai-2026", "new_password2": "Mot-Mat-Khau-Dai-2026"}
        ).status_code
        == 403
    )


@pytest.mark.django_db
def test_agency_page_lists_its_users_children_and_groups(focal_client, users, agency):
    child = AgencyFactory(name="Phòng Quản lý thương mại", parent=agency)
    group = AgencyGroupFactory(name="Các sở, ban, ngành")
    group.members.add(agency)
    html = focal_client.get(agency.get_absolute_url()).content.decode()
    assert child.name in html and group.name in html and str(users[Role.AGENCY_OFFICER]) in html


@pytest.mark.django_db
def test_user_list_is_searchable_by_name_without_diacritics(focal_client, users):
    User.objects.create(username="tranthuy", last_name="Trần Thị", first_name="Thủy", role=Role.LEADER)
    response = focal_client.get(reverse("organizations:user_list"), {"q": "tran thi thuy"})
    assert [row.record.username for row in response.context["table"].page.object_list] == ["tranthuy"]
