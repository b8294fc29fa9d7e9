"""Lists of the monitoring core run a fixed number of queries, however many rows they show."""

import pytest
from django.urls import reverse

from doingoai.core.testing import api_client
from doingoai.organizations.choices import Role
from doingoai.organizations.tests.factories import AgencyFactory
from doingoai.programs.tests.factories import ProgramFactory, TargetFactory, make_task, open_period, report


def build(count, users, agency):
    focal = users[Role.FOCAL_OFFICER]
    program = ProgramFactory(focal_agency=agency)
    period = open_period(program, year=2026, user=focal)
    for number in range(count):
        helper = AgencyFactory()
        task = make_task(
            program,
            leads=[agency, helper],
            coordinating=[AgencyFactory()],
            due="Giai đoạn 2026-2030",
            user=focal,
            number=f"I.{number}",
        )
        report(task, agency, period, users[Role.AGENCY_OFFICER])
        TargetFactory(program=program, lead_agency=agency)
    return program


# Pinned per page: session, user with agency, the notification badge, then the page's own queries.
PAGES = {
    "programs:task_list": 9,  # count, rows with their status, filter choices (programmes, agencies x2, phases)
    "programs:target_list": 8,  # count, rows, measurements, filter choices (programmes, agencies)
    "programs:program_list": 6,  # count, rows with their counts, filter choice (agencies)
    "programs:my_work": 7,  # shares by urgency, open periods, and per open period its shares and reports
}
# API: count, rows, and one query per prefetched relation (tasks: leads, their agencies, lead
# groups, coordinating agencies and groups; targets: measurements).
ENDPOINTS = {"api:task-list": 7, "api:target-list": 3, "api:program-list": 2, "api:progressreport-list": 2}


@pytest.mark.django_db
@pytest.mark.parametrize(("url_name", "expected"), PAGES.items())
@pytest.mark.parametrize("rows", [2, 12])
def test_monitoring_pages_have_pinned_query_counts(
    client, users, agency, django_assert_num_queries, url_name, expected, rows
):
    build(rows, users, agency)
    client.force_login(users[Role.AGENCY_OFFICER])
    with django_assert_num_queries(expected):
        assert client.get(reverse(url_name)).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(("url_name", "expected"), ENDPOINTS.items())
@pytest.mark.parametrize("rows", [2, 12])
def test_monitoring_endpoints_have_pinned_query_counts(
    users, agency, django_assert_num_queries, url_name, expected, rows
):
    build(rows, users, agency)
    client = api_client(users[Role.AGENCY_OFFICER])
    with django_assert_num_queries(expected):
        assert client.get(reverse(url_name)).status_code == 200
