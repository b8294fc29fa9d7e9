"""Settings, read from environment variables only (see .env.example).

The defaults give a local demo on SQLite with DEBUG on. With DEBUG off the secure settings apply:
SECRET_KEY and ALLOWED_HOSTS must be given, cookies are secure, HSTS is sent.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def email_settings(url: str) -> dict:
    """Translate EMAIL_URL (smtp://user:pass@host:587?tls=1, console://, locmem://, file:///path) to settings."""
    parsed = urlparse(url)
    backends = {
        "smtp": "django.core.mail.backends.smtp.EmailBackend",
        "smtps": "django.core.mail.backends.smtp.EmailBackend",
        "console": "django.core.mail.backends.console.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
        "file": "django.core.mail.backends.filebased.EmailBackend",
        "dummy": "django.core.mail.backends.dummy.EmailBackend",
    }
    if parsed.scheme not in backends:
        raise ImproperlyConfigured(f"EMAIL_URL: unsupported scheme {parsed.scheme!r}")
    query = {key: values[-1] for key, values in parse_qs(parsed.query).items()}
    result = {"EMAIL_BACKEND": backends[parsed.scheme]}
    if parsed.scheme in {"smtp", "smtps"}:
        result.update(
            EMAIL_HOST=parsed.hostname or "localhost",
            EMAIL_PORT=parsed.port or (465 if parsed.scheme == "smtps" else 25),
            EMAIL_HOST_USER=unquote(parsed.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parsed.password or ""),
            EMAIL_USE_SSL=parsed.scheme == "smtps",
            EMAIL_USE_TLS=query.get("tls", "0") in {"1", "true"},
        )
    if parsed.scheme == "file":
        result["EMAIL_FILE_PATH"] = parsed.path
    return result


DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-local-demo-key-never-use-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "django_tables2",
    "django_htmx",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "django_countries",
    "doingoai.core",
    "doingoai.organizations",
    "doingoai.programs",
    "doingoai.partners",
    "doingoai.cooperation",
    "doingoai.exchanges",
    "doingoai.border",
    "doingoai.reports",
    "doingoai.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "doingoai.core.middleware.PreferredLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "doingoai.core.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # django-axes must come last so that it sees every failed login.
    "axes.middleware.AxesMiddleware",
]

if not DEBUG:
    # In production the application serves its own static files from STATIC_ROOT (after
    # `collectstatic`), so that it needs no separate web server to run.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "doingoai.urls"
WSGI_APPLICATION = "doingoai.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "doingoai.core.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{PROJECT_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The demo's server and its job worker write to one SQLite file: a reader must not wait for an
    # import's long write (WAL), and a writer waits its turn instead of failing at once.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "organizations.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "doingoai.organizations.backends.AgencyModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login throttling: five wrong passwords for one user name from one address lock it for 15 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("Tiếng Anh"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
FORMAT_MODULE_PATH = ["doingoai.formats"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Ho_Chi_Minh")
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", PROJECT_DIR / "staticfiles"))
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", PROJECT_DIR / "media"))

vars().update(email_settings(os.environ.get("EMAIL_URL", "console://")))
# The address users reach the site at, for links in e-mails.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "doingoai@localhost")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["doingoai.core.permissions.RolePermission"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "doingoai.core.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Đối ngoại số API",
    "DESCRIPTION": "API của cơ sở dữ liệu số về đối ngoại và hội nhập quốc tế.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # The ISO country list appears in partners, delegations and their filters: one enum for all.
    "ENUM_NAME_OVERRIDES": {"CountryEnum": "django_countries.countries"},
}

# Background jobs: the database backend, worked by `python -m doingoai db_worker`.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

DJANGO_TABLES2_TEMPLATE = "core/table.html"
DJANGO_TABLES2_TABLE_ATTRS = {"class": "table table-sm table-hover"}

SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 3600)))
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = 0 if DEBUG else int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# Domain settings. Each is a province's choice, not a rule of the code.
SITE_NAME = os.environ.get("SITE_NAME", "Đối ngoại số")
PROVINCE_NAME = os.environ.get("PROVINCE_NAME", "Tuyên Quang")
# The account that commands act as when no --user is given; it cannot log in.
SYSTEM_USERNAME = os.environ.get("SYSTEM_USERNAME", "he-thong")
LIST_PAGE_SIZES = (25, 50, 100)
EXPORT_MAX_ROWS = int(os.environ.get("EXPORT_MAX_ROWS", "200000"))

# Monitoring rules (programs/services/rules.py). Each is a province's choice, not code.
DUE_SOON_DAYS = int(os.environ.get("DUE_SOON_DAYS", "30"))
REPORT_DEADLINE_DAYS_AFTER_PERIOD = int(os.environ.get("REPORT_DEADLINE_DAYS_AFTER_PERIOD", "4"))
REMIND_REPORT_DAYS_BEFORE = int(os.environ.get("REMIND_REPORT_DAYS_BEFORE", "5"))
ESCALATE_OVERDUE_DAYS = int(os.environ.get("ESCALATE_OVERDUE_DAYS", "30"))
TARGET_APPROX_TOLERANCE = float(os.environ.get("TARGET_APPROX_TOLERANCE", "0.05"))
TARGET_AT_RISK_MARGIN = float(os.environ.get("TARGET_AT_RISK_MARGIN", "0.10"))
SCORE_LEAD_WEIGHT = float(os.environ.get("SCORE_LEAD_WEIGHT", "0.7"))
SCORE_REPORT_WEIGHT = float(os.environ.get("SCORE_REPORT_WEIGHT", "0.3"))
SCORE_LATE_CREDIT = float(os.environ.get("SCORE_LATE_CREDIT", "0.5"))
# International agreements (Law on International Agreements 2020): the report after signing is due
# within 15 days; expiry is announced these many days ahead.
AGREEMENT_SIGNING_REPORT_DAYS = int(os.environ.get("AGREEMENT_SIGNING_REPORT_DAYS", "15"))
AGREEMENT_EXPIRY_ALERT_DAYS = tuple(int(d) for d in env_list("AGREEMENT_EXPIRY_ALERT_DAYS", "180,90,30"))
# Delegations: the results report is due this many days after return (7-15 by province).
DELEGATION_REPORT_DAYS = int(os.environ.get("DELEGATION_REPORT_DAYS", "15"))
# International conferences (Decision 06/2020/QĐ-TTg): the request goes in at least 30 days ahead
# (40 where the Prime Minister approves); the results report is due 15 days after the event.
CONFERENCE_REQUEST_DAYS = {"province": 30, "prime_minister": 40}
CONFERENCE_REPORT_DAYS = int(os.environ.get("CONFERENCE_REPORT_DAYS", "15"))
# Agencies (by code) whose officers may enter and import border-trade figures, besides the focal officer.
TRADE_DATA_AGENCIES = tuple(env_list("TRADE_DATA_AGENCIES", "SCT,BQLKKT"))
# A year of monthly figures by gate, flow and commodity group is a few thousand rows; 100 MB is a
# million-row CSV, which the background job handles in minutes.
TRADE_IMPORT_MAX_BYTES = int(os.environ.get("TRADE_IMPORT_MAX_MB", "100")) * 1024 * 1024
EVIDENCE_MAX_BYTES = int(os.environ.get("EVIDENCE_MAX_MB", "20")) * 1024 * 1024
EVIDENCE_EXTENSIONS = ("pdf", "docx", "xlsx", "png", "jpg", "jpeg")
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
