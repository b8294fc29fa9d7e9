"""Fixtures shared by every test: an agency and a user for each role, clients, the browser."""

import pytest
from hypothesis import HealthCheck, settings

from doingoai.core import testing
from doingoai.organizations.choices import Role

settings.register_profile(
    "doingoai", deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
settings.load_profile("doingoai")


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Argon2 is the production hasher (see settings); tests only need passwords to round-trip.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    # Background jobs run at once in tests; the database backend has its own test.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def agency(db):
    from doingoai.organizations.tests.factories import AgencyFactory

    return AgencyFactory(code="SCT", name="Sở Công Thương", aliases=["Sở Công thương tỉnh"])


@pytest.fixture
def other_agency(db):
    from doingoai.organizations.tests.factories import AgencyFactory

    return AgencyFactory(code="SNGV", name="Sở Ngoại vụ")


@pytest.fixture
def users(db, agency, other_agency):
    """One user per role; the agency officer belongs to `agency`, the others to `other_agency`."""
    return {
        Role.ADMINISTRATOR: testing.make_user(Role.ADMINISTRATOR, other_agency, username="quantri"),
        Role.FOCAL_OFFICER: testing.make_user(Role.FOCAL_OFFICER, other_agency, username="daumoi"),
        Role.LEADER: testing.make_user(Role.LEADER, other_agency, username="lanhdao"),
        Role.AGENCY_OFFICER: testing.make_user(Role.AGENCY_OFFICER, agency, username="canbo"),
    }


@pytest.fixture(scope="session")
def browser():
    with testing.browser_session() as browser:
        yield browser


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-US", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
