"""/api/agencies/, /api/agency-groups/, /api/users/ and /api/users/me/."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from doingoai.core.testing import api_client
from doingoai.organizations.choices import Role
from doingoai.organizations.models import Agency
from doingoai.organizations.tests.factories import AgencyFactory


@pytest.mark.django_db
def test_q_searches_agencies_without_diacritics(users, agency):
    AgencyFactory(code="STC", name="Sở Tài chính")
    response = api_client(users[Role.AGENCY_OFFICER]).get(reverse("api:agency-list"), {"q": "so cong thuong"})
    assert [row["code"] for row in response.json()["results"]] == ["SCT"]


@pytest.mark.django_db
def test_agency_filters_are_those_of_the_list_page(users, agency):
    AgencyFactory(code="X1", kind="commune", is_border=True)
    AgencyFactory(code="X2", kind="commune", is_border=False)
    response = api_client(users[Role.LEADER]).get(reverse("api:agency-list"), {"kind": "commune", "is_border": "true"})
    assert [row["code"] for row in response.json()["results"]] == ["X1"]


@pytest.mark.django_db
def test_malformed_payload_gets_400_with_vietnamese_field_messages(users, agency):
    response = api_client(users[Role.FOCAL_OFFICER]).post(
        reverse("api:agency-list"),
        {"code": "có dấu", "name": "", "kind": "khong-co", "parent": 999999, "aliases": "không phải danh sách"},
        format="json",
    )
    assert response.status_code == 400
    errors = response.json()
    assert "chữ cái không dấu" in errors["code"][0]
    assert errors["name"] == ["Trường này không được bỏ trống."]
    assert errors["kind"] == ["“khong-co” không phải là lựa chọn hợp lệ."]
    assert errors["parent"] == ["Mã “999999” không hợp lệ: bản ghi không tồn tại."]
    assert errors["aliases"] == ["Cần một danh sách nhưng nhận được kiểu “str”."]
    assert not Agency.objects.filter(name="").exists()


@pytest.mark.django_db
def test_model_rules_apply_to_the_api_as_to_the_forms(users, agency, other_agency):
    response = api_client(users[Role.FOCAL_OFFICER]).patch(
        reverse("api:agency-detail", args=[other_agency.pk]), {"aliases": ["so cong thuong"]}, format="json"
    )
    assert response.status_code == 400
    assert "đã dùng cho cơ quan khác" in response.json()["aliases"][0]


@pytest.mark.django_db
def test_body_that_is_not_json_gets_400(users):
    response = api_client(users[Role.FOCAL_OFFICER]).post(
        reverse("api:agency-list"), data="{không phải json", content_type="application/json"
    )
    assert response.status_code == 400


@pytest.mark.django_db
def test_api_changes_are_in_history_with_the_api_user(users, agency):
    focal = users[Role.FOCAL_OFFICER]
    api_client(focal).patch(reverse("api:agency-detail", args=[agency.pk]), {"short_name": "SCT"}, format="json")
    latest = agency.history.latest()
    assert latest.history_user == focal
    assert latest.short_name == "SCT"


@pytest.mark.django_db
def test_me_describes_the_signed_in_user(users):
    officer = users[Role.AGENCY_OFFICER]
    data = api_client(officer).get(reverse("api:user-me")).json()
    assert data["username"] == officer.username
    assert data["role"] == "agency_officer"
    assert data["role_display"] == "Cán bộ cơ quan, đơn vị"
    assert data["agency_name"] == "Sở Công Thương"
    assert "password" not in data


@pytest.mark.django_db
def test_token_from_drf_create_token_authenticates(users):
    officer = users[Role.AGENCY_OFFICER]
    call_command("drf_create_token", officer.username, stdout=open("/dev/null", "w"))  # noqa: SIM115
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get(user=officer).key}")
    assert client.get(reverse("api:user-me")).json()["username"] == officer.username
    client.credentials(HTTP_AUTHORIZATION="Token sai-ma")
    response = client.get(reverse("api:user-me"))
    assert response.status_code == 401
    assert response.json()["detail"] == "Mã truy cập (token) không hợp lệ."


@pytest.mark.django_db
def test_user_api_validates_passwords_and_agency(users, agency):
    client = api_client(users[Role.ADMINISTRATOR])
    response = client.post(reverse("api:user-list"), {"username": "moi", "role": "agency_officer", "password": "123"})
    assert response.status_code == 400
    assert "Mật khẩu quá ngắn: cần ít nhất 10 ký tự." in response.json()["password"]
    response = client.post(
        reverse("api:user-list"), {"username": "moi", "role": "agency_officer", "password": "Mot-Mat-Khau-Dai-2026"}
    )
    assert response.status_code == 400
    assert "phải thuộc một cơ quan" in response.json()["agency"][0]


@pytest.mark.django_db
def test_group_api_lists_the_agencies_a_group_resolves_to(users, agency):
    border = AgencyFactory(kind="commune", is_border=True)
    client = api_client(users[Role.FOCAL_OFFICER])
    created = client.post(
        reverse("api:agencygroup-list"),
        {
            "code": "XBG",
            "name": "UBND các xã biên giới",
            "member_kinds": ["commune"],
            "border_only": True,
            "members": [agency.pk],
        },
        format="json",
    )
    assert created.status_code == 201, created.json()
    assert created.json()["resolved_agencies"] == sorted([agency.pk, border.pk])
    bad = client.post(
        reverse("api:agencygroup-list"), {"code": "X", "name": "X", "member_kinds": ["khong-co"]}, format="json"
    )
    assert bad.status_code == 400 and "khong-co" in bad.json()["member_kinds"][0]


@pytest.mark.django_db
def test_schema_and_docs_are_served_from_this_server(users):
    client = api_client(users[Role.LEADER])
    assert client.get("/api/schema/").status_code == 200
    html = client.get("/api/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in html
    # "cdn." and not "cdn": the page's random CSRF token may hold those three letters, never a dot.
    assert "cdn." not in html.lower() and "https://" not in html


def test_schema_generates_without_warnings():
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", "/dev/null")
