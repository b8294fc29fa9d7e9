"""List pages and endpoints run a fixed number of queries, however many rows they show."""

import pytest
from django.urls import reverse

from doingoai.core.testing import api_client
from doingoai.organizations.choices import Role
from doingoai.organizations.tests.factories import AgencyFactory, AgencyGroupFactory, UserFactory


def add_rows(count, parent):
    for _ in range(count):
        agency = AgencyFactory(parent=parent, aliases=["một tên khác"])
        UserFactory(agency=agency)
        AgencyGroupFactory().members.add(agency)


# Pinned: session, user with agency, the unread-notification badge, then the page's own queries
# (count + rows + filter choices).
PAGE_QUERIES = {
    "organizations:agency_list": 6,
    "organizations:agencygroup_list": 5,
    "organizations:user_list": 6,
}
# API: count + rows (+ members prefetch and the active agencies once, for groups).
API_QUERIES = {"api:agency-list": 2, "api:agencygroup-list": 4, "api:user-list": 2}


@pytest.mark.django_db
@pytest.mark.parametrize(("url_name", "expected"), PAGE_QUERIES.items())
@pytest.mark.parametrize("rows", [3, 20])
def test_list_pages_have_pinned_query_counts(
    client, users, agency, django_assert_num_queries, url_name, expected, rows
):
    add_rows(rows, agency)
    client.force_login(users[Role.FOCAL_OFFICER])
    with django_assert_num_queries(expected):
        assert client.get(reverse(url_name)).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(("url_name", "expected"), API_QUERIES.items())
@pytest.mark.parametrize("rows", [3, 20])
def test_list_endpoints_have_pinned_query_counts(users, agency, django_assert_num_queries, url_name, expected, rows):
    add_rows(rows, agency)
    client = api_client(users[Role.FOCAL_OFFICER])
    with django_assert_num_queries(expected):
        assert client.get(reverse(url_name)).status_code == 200


@pytest.mark.django_db
def test_excel_export_runs_a_fixed_number_of_queries(client, users, agency, django_assert_max_num_queries):
    add_rows(30, agency)
    client.force_login(users[Role.FOCAL_OFFICER])
    with django_assert_max_num_queries(6):
        assert client.get(reverse("organizations:agency_list"), {"export": "xlsx"}).status_code == 200
