# SPDX-License-Identifier: EUPL-1.2
"""Settings, driven by environment variables. Every variable is documented in README.md."""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from jeugdregie.conf.env import env_bool, env_int, env_list, env_str, secret_from_var

BASE_DIR = Path(__file__).resolve().parent.parent  # src/jeugdregie
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(env_str("JEUGDREGIE_VAR_DIR", str(PROJECT_DIR / "var")))

DEBUG = env_bool("DJANGO_DEBUG", default=False)
# Demo mode (`make run`, the test settings): plain http on 127.0.0.1, the synthetic demo
# regions and their published password. Never set it in a real installation.
JEUGDREGIE_DEMO = env_bool("JEUGDREGIE_DEMO", default=False)
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "") or secret_from_var(VAR_DIR, "django_secret_key")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "jeugdregie.core",
    "jeugdregie.accounts",
    "jeugdregie.audit",
    "jeugdregie.regions",
    "jeugdregie.contracting",
    "jeugdregie.clients",
    "jeugdregie.allocations",
    "jeugdregie.budgets",
    "jeugdregie.notifications",
    "jeugdregie.monitoring",
    "jeugdregie.demo",
    "jeugdregie.messaging",
    "jeugdregie.framework",
    "jeugdregie.waitinglists",
    "jeugdregie.trajectories",
    "jeugdregie.casetable",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "jeugdregie.conf.urls"
WSGI_APPLICATION = "jeugdregie.conf.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "jeugdregie.core.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'jeugdregie.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
if DATABASES["default"]["ENGINE"].endswith("postgresql") and env_bool(
    "DATABASE_PREPARED_STATEMENTS", default=True
):
    # Parameters bound by the server, and a statement run five times on a connection is
    # prepared once: PostgreSQL parses and plans the hot queries (the message import) once.
    # Switch off (0) behind a connection pooler in transaction mode.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=5
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "jeugdregie.demo.auth.NotTheDemoPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # the published demo password works in demo mode only (JEUGDREGIE_DEMO)
    "jeugdregie.demo.auth.DemoPasswordRefusalBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# The UI is Dutch for everyone, whatever the browser asks (no LocaleMiddleware).
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise serves from finders; keep it quiet
STATICFILES_DIRS = [PROJECT_DIR / "build" / "static"]  # filled by `jeugdregie build_assets`
STATICFILES_DIRS[0].mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", default=False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_AGE = env_int("JEUGDREGIE_SESSION_SECONDS", 8 * 3600)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.BasicAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "jeugdregie API",
    "DESCRIPTION": "REST API of jeugdregie. Every endpoint applies the same visibility "
    "rules as the screens.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "ENUM_NAME_OVERRIDES": {
        "StatusEnum": "jeugdregie.allocations.constants.AllocationStatus",
        "ClientStopStatusEnum": "jeugdregie.budgets.constants.ClientStopStatus",
    },
}

# Privacy: keys for personal data come from the environment, never from SECRET_KEY.
# In development a key file is generated under var/ on first use.
JEUGDREGIE_ENCRYPTION_KEYS = env_list("JEUGDREGIE_ENCRYPTION_KEYS", [])
JEUGDREGIE_BLIND_INDEX_KEY = env_str("JEUGDREGIE_BLIND_INDEX_KEY", "")
JEUGDREGIE_KEY_FILE = VAR_DIR / "keys" / "personal-data.json"

# iJw messages: optional folder with the official XSDs for an extra check, and the size limit.
IJW_XSD_DIR = env_str("IJW_XSD_DIR", "")
IJW_MAX_BYTES = env_int("IJW_MAX_BYTES", 10 * 1024 * 1024)

# Code lists: CBS municipality codes (a CSV with a `code` column); optional.
JEUGDREGIE_CBS_CODES_FILE = env_str(
    "JEUGDREGIE_CBS_CODES_FILE",
    str(PROJECT_DIR.parent / "shared" / "ijw" / "codelists" / "CBS_gemeentecodes_2026.csv"),
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("JEUGDREGIE_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
