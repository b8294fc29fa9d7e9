"""Each role × {view, add, change, delete} on agencies and users, through the pages and the API.

Expected (see core/permissions.py): administrator everything; focal officer everything on agencies
and only viewing users; leader only viewing; agency officer viewing agencies and the users of their
own agency.
"""

import pytest
from django.urls import reverse

from doingoai.core.testing import api_client
from doingoai.organizations.choices import Role
from doingoai.organizations.models import Agency, User

ADMIN, FOCAL, LEADER, OFFICER = Role.ADMINISTRATOR, Role.FOCAL_OFFICER, Role.LEADER, Role.AGENCY_OFFICER

AGENCY_ALLOWED = {
    ADMIN: {"view", "add", "change", "delete"},
    FOCAL: {"view", "add", "change", "delete"},
    LEADER: {"view"},
    OFFICER: {"view"},
}
USER_ALLOWED = {
    ADMIN: {"view", "add", "change", "delete"},
    FOCAL: {"view"},
    LEADER: {"view"},
    OFFICER: {"view"},
}
ROLES = [ADMIN, FOCAL, LEADER, OFFICER]
ACTIONS = ["view", "add", "change", "delete"]


def page_client(client, user):
    client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ACTIONS)
def test_agency_pages(client, users, agency, role, action):
    page_client(client, users[role])
    allowed = action in AGENCY_ALLOWED[role]
    if action == "view":
        assert client.get(reverse("organizations:agency_list")).status_code == 200
        assert client.get(agency.get_absolute_url()).status_code == 200
        return
    if action == "add":
        response = client.post(
            reverse("organizations:agency_add"), {"code": "SXD", "name": "Sở Xây dựng", "kind": "department"}
        )
        assert Agency.objects.filter(code="SXD").exists() is allowed
    elif action == "change":
        response = client.post(
            reverse("organizations:agency_edit", args=[agency.pk]),
            {"code": agency.code, "name": "Sở Công Thương (đổi tên)", "kind": "department"},
        )
        agency.refresh_from_db()
        assert (agency.name == "Sở Công Thương (đổi tên)") is allowed
    else:
        response = client.post(reverse("organizations:agency_deactivate", args=[agency.pk]))
        agency.refresh_from_db()
        assert agency.is_active is not allowed
        assert Agency.objects.filter(pk=agency.pk).exists(), "an agency is never hard-deleted"
    assert response.status_code == (302 if allowed else 403)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ACTIONS)
def test_agency_api(users, agency, role, action):
    client = api_client(users[role])
    allowed = action in AGENCY_ALLOWED[role]
    url = reverse("api:agency-detail", args=[agency.pk])
    if action == "view":
        assert client.get(reverse("api:agency-list")).status_code == 200
        assert client.get(url).status_code == 200
        return
    if action == "add":
        response = client.post(reverse("api:agency-list"), {"code": "SXD", "name": "Sở Xây dựng", "kind": "department"})
        assert response.status_code == (201 if allowed else 403)
        assert Agency.objects.filter(code="SXD").exists() is allowed
    elif action == "change":
        response = client.patch(url, {"short_name": "SCT"})
        assert response.status_code == (200 if allowed else 403)
        agency.refresh_from_db()
        assert (agency.short_name == "SCT") is allowed
    else:
        response = client.delete(url)
        assert response.status_code == (204 if allowed else 403)
        agency.refresh_from_db()
        assert agency.is_active is not allowed


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ACTIONS)
def test_user_pages(client, users, agency, other_agency, role, action):
    page_client(client, users[role])
    allowed = action in USER_ALLOWED[role]
    colleague = User.objects.create(username="dongnghiep", agency=agency, role=OFFICER)
    stranger = User.objects.create(username="nguoila", agency=other_agency, role=OFFICER)
    if action == "view":
        assert client.get(reverse("organizations:user_list")).status_code == 200
        assert client.get(colleague.get_absolute_url()).status_code == 200
        # An agency officer sees only the users of their own agency.
        assert client.get(stranger.get_absolute_url()).status_code == (404 if role == OFFICER else 200)
        return
    if action == "add":
        response = client.post(
            reverse("organizations:user_add"),
            {
                "username": "moi",
                "agency": agency.pk,
                "role": OFFICER,
                "password1": "Mot-Mat-Khau-Dai-2026",
                "password2": "Mot-Mat-Khau-Dai-2026",
            },
        )
        assert User.objects.filter(username="moi").exists() is allowed
    elif action == "change":
        response = client.post(
            reverse("organizations:user_edit", args=[colleague.pk]),
            {"username": "dongnghiep", "agency": agency.pk, "role": OFFICER, "title": "Chuyên viên"},
        )
        colleague.refresh_from_db()
        assert (colleague.title == "Chuyên viên") is allowed
    else:
        response = client.post(reverse("organizations:user_deactivate", args=[colleague.pk]))
        colleague.refresh_from_db()
        assert colleague.is_active is not allowed
    assert response.status_code == (302 if allowed else 403)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ACTIONS)
def test_user_api(users, agency, other_agency, role, action):
    client = api_client(users[role])
    allowed = action in USER_ALLOWED[role]
    colleague = User.objects.create(username="dongnghiep", agency=agency, role=OFFICER)
    stranger = User.objects.create(username="nguoila", agency=other_agency, role=OFFICER)
    url = reverse("api:user-detail", args=[colleague.pk])
    if action == "view":
        listed = {row["username"] for row in client.get(reverse("api:user-list")).json()["results"]}
        assert "dongnghiep" in listed
        assert ("nguoila" in listed) is (role != OFFICER)
        assert client.get(reverse("api:user-detail", args=[stranger.pk])).status_code == (
            404 if role == OFFICER else 200
        )
        return
    if action == "add":
        response = client.post(
            reverse("api:user-list"),
            {"username": "moi", "agency": agency.pk, "role": OFFICER, "password": "Mot-Mat-Khau-Dai-2026"},
        )
        assert response.status_code == (201 if allowed else 403)
        assert User.objects.filter(username="moi").exists() is allowed
    elif action == "change":
        response = client.patch(url, {"title": "Chuyên viên"})
        assert response.status_code == (200 if allowed else 403)
        colleague.refresh_from_db()
        assert (colleague.title == "Chuyên viên") is allowed
    else:
        response = client.delete(url)
        assert response.status_code == (204 if allowed else 403)
        colleague.refresh_from_db()
        assert colleague.is_active is not allowed


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["organizations:agency_list", "organizations:user_list", "home"])
def test_anonymous_visitors_are_sent_to_the_login_page(client, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
def test_anonymous_api_calls_are_refused(agency):
    assert api_client().get(reverse("api:agency-list")).status_code in (401, 403)
    assert api_client().post(reverse("api:agency-list"), {"code": "X"}).status_code in (401, 403)
