"""No query string and no form input may produce a 500: garbage is sent to every list and form."""

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from doingoai.core.testing import api_client
from doingoai.organizations.choices import Role

NASTY = [
    "",
    "'",
    '"; DROP TABLE x; --',
    "\x00",
    "%",
    "%00",
    "😀",
    "a" * 5000,
    "-1",
    "0",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "[]",
    "{}",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "2026-13-45",
    "true",
    "null",
    "Sở Công Thương",
]


def named_routes(resolver=None, namespace=""):
    """(full name, pattern) of every named URL, walking the include tree."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from named_routes(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


def list_urls() -> list[str]:
    # Django's own admin is left out: it is not our code and answers bad lookups itself.
    names = sorted(
        name for name, _ in named_routes() if name.endswith(("_list", "-list")) and not name.startswith("admin:")
    )
    return [reverse(name) for name in names]


def filter_names() -> set[str]:
    names = {"q", "page", "per_page", "sort", "ordering", "page_size", "export", "format", "cursor"}
    for _, pattern in named_routes():
        view = getattr(pattern.callback, "view_class", None) or getattr(pattern.callback, "cls", None)
        filterset = getattr(view, "filterset_class", None)
        if filterset is not None:
            names.update(filterset.base_filters)
    return names


LIST_URLS = list_urls()
FILTERS = sorted(filter_names())


def test_the_walk_finds_the_lists():
    assert "/organizations/agencies/" in LIST_URLS
    assert "/api/agencies/" in LIST_URLS
    assert "/api/users/" in LIST_URLS
    assert {"kind", "is_border", "role", "agency"} <= set(FILTERS)


def get_everywhere(client, value):
    for url in LIST_URLS:
        for params in (
            {name: value for name in FILTERS if name not in ("format", "export")},
            {"export": value},
            {"format": value},
        ):
            response = client.get(url, params)
            assert response.status_code < 500, (url, params, response.status_code)


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.AGENCY_OFFICER])
@pytest.mark.parametrize("value", NASTY)
def test_lists_survive_nasty_query_strings(client, users, role, value):
    client.force_login(users[role])
    get_everywhere(client, value)


@pytest.mark.django_db
@settings(max_examples=25)
@given(value=st.text(st.characters(exclude_categories=["Cs"]), max_size=60))
def test_lists_survive_any_query_string(client, users, value):
    client.force_login(users[Role.FOCAL_OFFICER])
    get_everywhere(client, value)


@pytest.mark.django_db
def test_lists_survive_bytes_that_are_not_utf8(client, users):
    client.force_login(users[Role.ADMINISTRATOR])
    for url in LIST_URLS:
        response = client.get(url, QUERY_STRING="q=%ED%A0%80&page=%FF%FE&sort=%C0")
        assert response.status_code < 500, url


# Workflow pages whose URL names an object of another model than their own.
OBJECT_OF_ROUTE = {
    "programs:measurement_add": "programs.Target",
    "programs:task_report": "programs.Task",
    "programs:task_contribute": "programs.Task",
    "organizations:user_set_password": "organizations.User",
}


def form_urls():
    """Every page with a form to post to (add, edit and workflow pages), outside Django's admin."""
    urls = []
    for name, pattern in named_routes():
        if name.startswith("admin:") or not name.endswith(("_add", "_edit", "_set_password", "_report", "_contribute")):
            continue
        if "<int:pk>" not in str(pattern.pattern):
            urls.append(reverse(name))
            continue
        view = getattr(pattern.callback, "view_class", None)
        model = apps.get_model(OBJECT_OF_ROUTE[name]) if name in OBJECT_OF_ROUTE else view.model
        urls.append(reverse(name, args=[model.objects.order_by("pk").first().pk]))
    return urls


def admin_add_urls():
    return [reverse(name) for name, _ in named_routes() if name.startswith("admin:") and name.endswith("_add")]


@pytest.fixture
def one_of_everything(users, agency):
    """A record of every kind a form edits, so that every form page can be posted to."""
    from doingoai.organizations.tests.factories import AgencyGroupFactory
    from doingoai.programs.models import Phase
    from doingoai.programs.tests.factories import ProgramFactory, TargetFactory, make_task, open_period

    AgencyGroupFactory()
    program = ProgramFactory(focal_agency=agency)
    make_task(program, leads=[agency], user=users[Role.FOCAL_OFFICER])
    TargetFactory(program=program, lead_agency=agency)
    open_period(program, user=users[Role.FOCAL_OFFICER])
    Phase.objects.create(program=program, name="Giai đoạn 1", start_year=2026, end_year=2027)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "payload",
    [
        {"code": None, "name": 5, "kind": [], "parent": "x", "aliases": {"a": 1}, "is_border": "maybe"},
        {"aliases": [None, 3, {"x": 1}], "members": ["a"], "member_kinds": "department"},
        {"role": {"x": 1}, "agency": -1, "password": None, "username": "\x00"},
        {"parent": 10**30, "email": "@", "is_active": "yes"},
        [],
        "chuỗi",
    ],
)
def test_api_survives_malformed_payloads(users, agency, payload):
    client = api_client(users[Role.ADMINISTRATOR])
    for url in ("/api/agencies/", "/api/agency-groups/", "/api/users/"):
        assert client.post(url, payload, format="json").status_code == 400
    assert client.patch(f"/api/agencies/{agency.pk}/", payload, format="json").status_code in (200, 400)
