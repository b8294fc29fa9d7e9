"""Partners: names in three scripts, ISO countries, parents; search, permissions, pinned queries."""

import pytest
from django.urls import reverse

from doingoai.core.testing import api_client
from doingoai.organizations.choices import Role
from doingoai.partners.models import Partner, PartnerContact

ADMIN, FOCAL, LEADER, OFFICER = Role.ADMINISTRATOR, Role.FOCAL_OFFICER, Role.LEADER, Role.AGENCY_OFFICER
ROLES = [ADMIN, FOCAL, LEADER, OFFICER]
# Partners are reference data (core/permissions.py, REFERENCE): the focal officer keeps them.
ALLOWED = {ADMIN: {"view", "add", "change", "delete"}, FOCAL: {"view", "add", "change", "delete"}}
VIEW_ONLY = {"view"}


@pytest.fixture
def yunnan(db):
    return Partner.objects.create(
        name="tỉnh Vân Nam", name_en="Yunnan Province", name_native="云南省", kind="province", country="CN"
    )


@pytest.fixture
def wenshan(yunnan):
    return Partner.objects.create(
        name="châu Văn Sơn",
        name_en="Wenshan Zhuang and Miao Autonomous Prefecture",
        name_native="文山壮族苗族自治州",
        kind="prefecture",
        country="CN",
        parent=yunnan,
        relation="established",
    )


def form(**changes):
    data = {
        "name": "tỉnh Gyeonggi",
        "name_en": "Gyeonggi Province",
        "kind": "province",
        "country": "KR",
        "relation": "none",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"country": "XX"}, "country", "Mã quốc gia “XX” không có trong danh mục ISO 3166-1"),
        ({"name": ""}, "name", "Trường này là bắt buộc."),
        ({"kind": "planet"}, "kind", "Hãy chọn một lựa chọn hợp lệ"),
        ({"since": "2099-01-01", "relation": "established"}, "since", "không được sau hôm nay"),
        ({"since": "2020-01-01", "relation": "potential"}, "relation", "quan hệ phải là"),
    ],
)
def test_bad_partner_input_is_refused_in_vietnamese_and_saves_nothing(client, users, changes, field, message):
    client.force_login(users[FOCAL])
    response = client.post(reverse("partners:partner_add"), form(**changes))
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert not Partner.objects.filter(name="tỉnh Gyeonggi").exists()


def test_unknown_country_code_through_the_api(users):
    response = api_client(users[FOCAL]).post(reverse("api:partner-list"), form(country="ZZ"))
    assert response.status_code == 400
    assert "ISO 3166-1" in response.json()["country"][0]
    assert not Partner.objects.exists()


def test_a_partner_cannot_be_its_own_ancestor(client, users, yunnan, wenshan):
    client.force_login(users[FOCAL])
    response = client.post(
        reverse("partners:partner_edit", args=[yunnan.pk]),
        form(name=yunnan.name, kind="province", country="CN", parent=wenshan.pk),
    )
    # Văn Sơn is not offered as Yunnan's parent at all, and refused if forced.
    assert response.status_code == 400
    yunnan.refresh_from_db()
    assert yunnan.parent is None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("van son", ["châu Văn Sơn"]),
        ("Văn Sơn", ["châu Văn Sơn"]),
        ("wenshan", ["châu Văn Sơn"]),
        ("文山", ["châu Văn Sơn"]),
        ("云南", ["tỉnh Vân Nam"]),
        ("trung quoc", ["châu Văn Sơn", "tỉnh Vân Nam"]),
    ],
)
def test_partners_are_found_in_every_script_without_diacritics(client, users, wenshan, query, expected):
    client.force_login(users[OFFICER])
    response = client.get(reverse("partners:partner_list"), {"q": query})
    assert [row.record.name for row in response.context["table"].page.object_list] == expected


def test_partner_page_shows_names_contacts_and_children(client, users, yunnan, wenshan):
    PartnerContact.objects.create(partner=wenshan, name="Lý Minh", title="Phó Chủ nhiệm Văn phòng Ngoại vụ")
    client.force_login(users[LEADER])
    page = client.get(wenshan.get_absolute_url()).content.decode()
    assert "文山壮族苗族自治州" in page and "Lý Minh" in page and "Trung Quốc" in page
    assert "châu Văn Sơn" in client.get(yunnan.get_absolute_url()).content.decode()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ["view", "add", "change", "delete"])
def test_partner_permission_matrix_pages_and_api(client, users, yunnan, role, action):
    allowed = action in ALLOWED.get(role, VIEW_ONLY)
    client.force_login(users[role])
    api = api_client(users[role])
    detail = reverse("api:partner-detail", args=[yunnan.pk])
    if action == "view":
        assert client.get(reverse("partners:partner_list")).status_code == 200
        assert client.get(yunnan.get_absolute_url()).status_code == 200
        assert api.get(reverse("api:partner-list")).status_code == 200
        return
    if action == "add":
        page = client.post(reverse("partners:partner_add"), form())
        created = api.post(reverse("api:partner-list"), form(name="tỉnh Ibaraki", country="JP"))
        assert page.status_code == (302 if allowed else 403)
        assert created.status_code == (201 if allowed else 403)
        assert Partner.objects.filter(name__in=["tỉnh Gyeonggi", "tỉnh Ibaraki"]).count() == (2 if allowed else 0)
    elif action == "change":
        page = client.post(
            reverse("partners:partner_edit", args=[yunnan.pk]), form(name=yunnan.name, country="CN", name_en="Yunnan")
        )
        assert page.status_code == (302 if allowed else 403)
        assert api.patch(detail, {"note": "Đối tác chính"}).status_code == (200 if allowed else 403)
        yunnan.refresh_from_db()
        assert (yunnan.name_en, yunnan.note) == (("Yunnan", "Đối tác chính") if allowed else ("Yunnan Province", ""))
    else:
        page = client.post(reverse("partners:partner_deactivate", args=[yunnan.pk]))
        assert page.status_code == (302 if allowed else 403)
        yunnan.refresh_from_db()
        assert yunnan.is_active is not allowed
        assert Partner.objects.filter(pk=yunnan.pk).exists(), "a partner is never hard-deleted"


def add_partners(count):
    parent = Partner.objects.create(name="tỉnh mẹ", kind="province", country="CN")
    for number in range(count):
        partner = Partner.objects.create(name=f"đối tác {number}", kind="city", country="LA", parent=parent)
        PartnerContact.objects.create(partner=partner, name=f"Người {number}")


# Pinned: session, user, the unread-notification badge, then count + rows + the parent filter's choices.
@pytest.mark.parametrize("rows", [3, 20])
def test_partner_list_and_api_have_pinned_query_counts(client, users, django_assert_num_queries, rows):
    add_partners(rows)
    client.force_login(users[FOCAL])
    with django_assert_num_queries(6):
        assert client.get(reverse("partners:partner_list")).status_code == 200
    api = api_client(users[FOCAL])
    with django_assert_num_queries(3):
        assert api.get(reverse("api:partner-list")).status_code == 200
    with django_assert_num_queries(2):
        assert api.get(reverse("api:partnercontact-list")).status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_contacts_are_kept_by_the_focal_officer_and_read_by_all(client, users, yunnan, role):
    allowed = role in ALLOWED
    client.force_login(users[role])
    page = client.post(reverse("partners:partnercontact_add"), {"partner": yunnan.pk, "name": "Vương Lâm"})
    assert page.status_code == (302 if allowed else 403)
    api = api_client(users[role])
    created = api.post(reverse("api:partnercontact-list"), {"partner": yunnan.pk, "name": "Trương Vĩ"})
    assert created.status_code == (201 if allowed else 403)
    assert PartnerContact.objects.filter(partner=yunnan).count() == (2 if allowed else 0)
    assert api.get(reverse("api:partnercontact-list")).status_code == 200
