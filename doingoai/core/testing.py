"""Helpers every app's tests use: users per role, permission variants, API clients, the browser."""

import os
import shutil
from contextlib import contextmanager

import pytest
from rest_framework.test import APIClient

from doingoai.core.permissions import Action
from doingoai.organizations.choices import Role

ROLES = [Role.ADMINISTRATOR, Role.FOCAL_OFFICER, Role.LEADER, Role.AGENCY_OFFICER]
ACTIONS = [Action.VIEW, Action.ADD, Action.CHANGE, Action.DELETE]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def tools_required() -> bool:
    """In CI (DOINGOAI_REQUIRE_TOOLS=1) a missing browser or gettext fails the run instead of skipping."""
    return os.environ.get("DOINGOAI_REQUIRE_TOOLS") == "1"


def require_tool(available: bool, what: str) -> None:
    if available:
        return
    if tools_required():
        pytest.fail(f"{what} is missing and DOINGOAI_REQUIRE_TOOLS=1")
    pytest.skip(f"{what} is not installed")


def make_user(role, agency=None, **fields):
    from doingoai.organizations.tests.factories import UserFactory

    if agency is not None:
        fields["agency"] = agency
    return UserFactory(role=role, **fields)


def api_client(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@contextmanager
def browser_session():
    """Debian's chromium driven by Playwright; never a downloaded browser."""
    require_tool(os.path.exists(CHROMIUM), "chromium (/usr/bin/chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the ORM calls the tests make
    # around it are still synchronous.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def login(page, username: str, password: str = "MatKhau@2026") -> None:
    """Sign in through the real login form, as a user would."""
    page.goto("/account/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/account/login/" not in url)
