"""Signing in and out, throttling, the language switch, and the Vietnamese error pages."""

import pytest
from django.test import override_settings
from django.urls import reverse

from doingoai.organizations.choices import Role


@pytest.mark.django_db
def test_login_page_is_vietnamese_even_for_an_english_browser(client):
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Đăng nhập" in html and "Tên đăng nhập" in html and "Mật khẩu" in html


@pytest.mark.django_db
def test_login_with_the_right_password_lands_an_officer_on_their_work(client, users):
    response = client.post(reverse("login"), {"username": "canbo", "password": "MatKhau@2026"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("programs:my_work")
    html = response.content.decode()
    assert "Cán bộ cơ quan, đơn vị" in html and "Sở Công Thương" in html


@pytest.mark.django_db
def test_wrong_password_is_refused_in_vietnamese(client, users):
    response = client.post(reverse("login"), {"username": "canbo", "password": "sai"})
    assert response.status_code == 200
    assert "mật khẩu chính xác" in response.content.decode()


@pytest.mark.django_db
def test_repeated_wrong_passwords_lock_the_account_for_a_while(client, users):
    for _ in range(5):
        client.post(reverse("login"), {"username": "canbo", "password": "sai"})
    response = client.post(reverse("login"), {"username": "canbo", "password": "MatKhau@2026"})
    assert response.status_code == 429
    assert "Tạm khóa đăng nhập" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_leader_lands_on_the_home_page(client, users):
    response = client.post(reverse("login"), {"username": "lanhdao", "password": "MatKhau@2026"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("home")
    assert "Xin chào" in response.content.decode()


@pytest.mark.django_db
def test_logout_is_a_post_and_says_goodbye(client, users):
    client.force_login(users[Role.LEADER])
    response = client.post(reverse("logout"), follow=True)
    assert "Bạn đã đăng xuất" in response.content.decode()
    assert client.get(reverse("home")).status_code == 302


@pytest.mark.django_db
def test_login_does_not_add_a_history_record(client, users):
    user = users[Role.LEADER]
    before = user.history.count()
    client.post(reverse("login"), {"username": user.username, "password": "MatKhau@2026"})
    user.refresh_from_db()
    assert user.last_login is not None
    assert user.history.count() == before


@pytest.mark.django_db
def test_language_switch_turns_the_interface_english_and_back(client, users):
    client.force_login(users[Role.LEADER])
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("organizations:agency_list")).content.decode()
    assert '<html lang="en">' in html and "Agencies" in html and "Export to Excel" in html
    client.post(reverse("set_language"), {"language": "vi", "next": "/"})
    assert "Xuất Excel" in client.get(reverse("organizations:agency_list")).content.decode()


@pytest.mark.django_db
def test_403_page_is_vietnamese(client, users):
    client.force_login(users[Role.LEADER])
    response = client.get(reverse("organizations:agency_add"))
    assert response.status_code == 403
    assert "Không có quyền truy cập" in response.content.decode()


@pytest.mark.django_db
def test_404_page_is_vietnamese(client, users):
    client.force_login(users[Role.LEADER])
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_500_page_is_vietnamese(client, users):
    from django.urls import path

    from doingoai import urls

    def broken(request):
        raise RuntimeError("lỗi thử nghiệm")

    client.raise_request_exception = False
    with override_settings(ROOT_URLCONF=type("U", (), {"urlpatterns": [path("loi/", broken), *urls.urlpatterns]})):
        client.force_login(users[Role.LEADER])
        response = client.get("/loi/")
    assert response.status_code == 500
    assert "Lỗi hệ thống" in response.content.decode()


def test_production_settings_are_secure(monkeypatch):
    import subprocess
    import sys

    code = (
        "import django, os; from django.conf import settings; django.setup();"
        "print(settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, settings.SECURE_HSTS_SECONDS > 0,"
        " settings.PASSWORD_HASHERS[0].endswith('Argon2PasswordHasher'), 'whitenoise' in ' '.join(settings.MIDDLEWARE))"
    )
    env = {
        "DJANGO_SETTINGS_MODULE": "doingoai.settings",
        "DEBUG": "0",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "a.b",
        "PATH": "",
    }
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True"] * 5
    missing = subprocess.run(
        [sys.executable, "-c", code], env={**env, "SECRET_KEY": ""}, capture_output=True, text=True
    )
    assert missing.returncode != 0 and "SECRET_KEY must be set" in missing.stderr
