# SPDX-License-Identifier: EUPL-1.2
"""Settings, driven by environment variables. Every variable is documented in README.md."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from jeugdregie.conf.env import (
    cache_from_url,
    env_bool,
    env_int,
    env_list,
    env_str,
    secret_from_var,
)
from jeugdregie.conf.headers import content_security_policy, proxy_ssl_header
from jeugdregie.conf.logs import configure_structlog, log_format, log_level, logging_config

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
    "django_filters",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "django_structlog",
    "jeugdregie.core",
    "jeugdregie.accounts",
    "jeugdregie.authentication",
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
    "jeugdregie.apiclients",
    "jeugdregie.workflows",
    "jeugdregie.jobs",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",  # Content-Security-Policy (CONTENT_SECURITY_POLICY)
    "jeugdregie.core.middleware.NoStoreForSignedInUsersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # audit records know the request's address and session; 403/404 to a user is logged
    "jeugdregie.audit.middleware.AuditMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # request_id, user_id and role on every log line; X-Request-ID on every response
    "jeugdregie.core.request_logs.RequestLogMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Sign-in: log out after the idle time, then the second factor for every route.
    "jeugdregie.authentication.middleware.IdleTimeoutMiddleware",
    "jeugdregie.authentication.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a lockout into the lockout page
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
                "jeugdregie.homes.context_processors.navigation",
                "jeugdregie.web.context_processors.theme",
                "jeugdregie.notifications.context_processors.unread",
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
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "jeugdregie.demo.auth.NotTheDemoPasswordValidator"},
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

# Static files. With JEUGDREGIE_STATIC_ROOT (the container image) `jeugdregie collectstatic`
# copies them there with a content hash in every name, and whitenoise serves them from there
# only, cached for a year. Without it (development, the tests) nothing is collected: whitenoise
# serves the files where they are (the apps and build/static, through the finders).
# The region's own design tokens and logo (a JSON token file, see core/theme.py and the
# README); empty: the NL Design System example theme.
JEUGDREGIE_THEME = env_str("JEUGDREGIE_THEME", "")
STATIC_URL = "/static/"
STATIC_COLLECTED = bool(env_str("JEUGDREGIE_STATIC_ROOT", ""))
STATIC_ROOT = Path(env_str("JEUGDREGIE_STATIC_ROOT", "") or VAR_DIR / "static")
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise serves from finders; keep it quiet
STATICFILES_DIRS = [PROJECT_DIR / "build" / "static"]  # filled by `jeugdregie build_assets`
STATICFILES_DIRS[0].mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_COLLECTED
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not STATIC_COLLECTED

SESSION_COOKIE_HTTPONLY = True
# Cookies only over https, except in demo mode (plain http on 127.0.0.1).
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", default=not JEUGDREGIE_DEMO)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_AGE = env_int("JEUGDREGIE_SESSION_SECONDS", 8 * 3600)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# The number of trusted reverse proxies in front of jeugdregie that append the client's address
# to X-Forwarded-For. 0: only the connection's address counts (REMOTE_ADDR), never a header a
# client could send. One value for the lockout, the API throttles and the audit log.
JEUGDREGIE_TRUSTED_PROXIES = env_int("JEUGDREGIE_TRUSTED_PROXIES", 0)

REST_FRAMEWORK = {
    # Software: a registered API client's token (`Authorization: Bearer`). The browser: the
    # session with CSRF. No HTTP Basic (removed, see CHANGELOG.md).
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "jeugdregie.apiclients.authentication.ApiClientAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_THROTTLE_CLASSES": [
        "jeugdregie.apiclients.throttling.ClientRateThrottle",
        "jeugdregie.apiclients.throttling.AnonymousRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "user": env_str("JEUGDREGIE_API_RATE", "600/minute"),
        "anon": env_str("JEUGDREGIE_API_ANON_RATE", "60/minute"),
    },
    # Proxies in front of the application that append to X-Forwarded-For (0: REMOTE_ADDR).
    "NUM_PROXIES": JEUGDREGIE_TRUSTED_PROXIES,
    "DEFAULT_SCHEMA_CLASS": "jeugdregie.apiclients.schema.ScopedAutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
}
# Failed token authentication from one IP address: after the limit, 429 for the cool-off.
JEUGDREGIE_API_AUTH_FAILURE_LIMIT = env_int("JEUGDREGIE_API_AUTH_FAILURE_LIMIT", 10)
JEUGDREGIE_API_AUTH_COOLOFF_SECONDS = env_int("JEUGDREGIE_API_AUTH_COOLOFF_SECONDS", 900)
# Throttling counts live in the cache; the default is per process. With several workers or
# servers use one shared cache, e.g. `db://jeugdregie_cache` (then `createcachetable`).
CACHES = {"default": cache_from_url(env_str("JEUGDREGIE_CACHE_URL", "locmem://"))}
SPECTACULAR_SETTINGS = {
    "TITLE": "jeugdregie API",
    "DESCRIPTION": "REST API of jeugdregie. Every endpoint applies the same visibility "
    "rules as the screens.\n\n"
    "**Authentication.** Software calls the API as a registered API client of one "
    "organisation, with its token in the header `Authorization: Bearer <token>`. The "
    "functional administrator or contract management of the region registers the client, "
    "chooses its scopes and hands over the token, which is shown once; the client acts as a "
    "service user of its organisation, so it sees what that organisation may see, and every "
    "read is in the access log under that service user. HTTP Basic is no longer accepted "
    "(answered 401). The screens' own calls use the session with a CSRF token.\n\n"
    "**Scopes.** Each operation names the scope it needs (e.g. `jeugdigen:lezen`); a client "
    "without it gets 403. A revoked or expired token gets 401 on its next request.\n\n"
    "**Throttling.** Requests are limited per client (and per signed-in user); over the "
    "limit the answer is 429 with `Retry-After`. Repeated failed authentication from one "
    "IP address blocks every token request from that address for a cool-off period (429).\n\n"
    "This description itself needs a signed-in user or a valid token.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "ENUM_NAME_OVERRIDES": {
        "StatusEnum": "jeugdregie.allocations.constants.AllocationStatus",
        "ClientStopStatusEnum": "jeugdregie.budgets.constants.ClientStopStatus",
    },
}

# Privacy: keys for personal data come from the environment, never from SECRET_KEY; newest
# first (jeugdregie keys_rotate). Outside demo mode jeugdregie refuses to start without them
# (core.crypto, check E301); in demo mode a key file is generated under var/ on first use.
JEUGDREGIE_ENCRYPTION_KEYS = env_list("JEUGDREGIE_ENCRYPTION_KEYS", [])
JEUGDREGIE_BLIND_INDEX_KEYS = env_list("JEUGDREGIE_BLIND_INDEX_KEYS", [])
JEUGDREGIE_BLIND_INDEX_KEY = env_str("JEUGDREGIE_BLIND_INDEX_KEY", "")  # one key: the same
JEUGDREGIE_KEY_FILE = VAR_DIR / "keys" / "personal-data.json"

# iJw messages: optional folder with the official XSDs for an extra check, and the size limit.
IJW_XSD_DIR = env_str("IJW_XSD_DIR", "")
IJW_MAX_BYTES = env_int("IJW_MAX_BYTES", 10 * 1024 * 1024)

# Dated policy: a region's own tree (`<region>/<kind>/<file>`) beside the built-in one in
# `jeugdregie/policy/`; its files replace the built-in files of the same region and kind
# (jeugdregie.core.policy). Empty: the built-in tree only.
JEUGDREGIE_POLICY_DIR = env_str("JEUGDREGIE_POLICY_DIR", "")

# Code lists: CBS municipality codes (a CSV with a `code` column); optional.
JEUGDREGIE_CBS_CODES_FILE = env_str(
    "JEUGDREGIE_CBS_CODES_FILE",
    str(PROJECT_DIR.parent / "shared" / "ijw" / "codelists" / "CBS_gemeentecodes_2026.csv"),
)

# Background work (django-tasks with its database backend, django-tasks-db): tasks wait in
# the default database until a worker (`jeugdregie worker`, on this machine or another one
# against the same database) runs them; `jeugdregie scheduler` enqueues the nightly jobs
# (jeugdregie.jobs). A worker records a heartbeat; /readyz/ fails when the newest one is
# older than JEUGDREGIE_WORKER_HEARTBEAT_MAX_AGE seconds.
# "ijw": the message import (messaging.constants.IMPORT_QUEUE), one task per provider.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "ijw"]}}
JEUGDREGIE_WORKER_HEARTBEAT_MAX_AGE = env_int("JEUGDREGIE_WORKER_HEARTBEAT_MAX_AGE", 300)
# The nightly audit-log prune removes records older than this many years (NEN 7513: the
# region decides the period); 0 keeps every record (the job then prunes nothing).
JEUGDREGIE_AUDIT_LOG_RETENTION_YEARS = env_int("JEUGDREGIE_AUDIT_LOG_RETENTION_YEARS", 0)

# Structured logs (README "Wat wordt gelogd, en waar", jeugdregie.conf.logs): JSON lines on
# standard output (console lines in demo mode) with request_id, user_id and role; never a
# BSN, a name, a message body, a query string or an IP address.
LOGGING = logging_config(
    level=log_level(env_str("JEUGDREGIE_LOG_LEVEL", "INFO")),
    fmt=log_format(env_str("JEUGDREGIE_LOG_FORMAT", ""), demo=JEUGDREGIE_DEMO),
)
configure_structlog()
DJANGO_STRUCTLOG_TRUST_UPSTREAM_REQUEST_ID = True  # checked first by RequestLogMiddleware
DJANGO_STRUCTLOG_IP_LOGGING_ENABLED = False

# Sign-in (README "Beveiliging"): single sign-on with the organisation's identity provider
# (OpenID Connect, mozilla-django-oidc, configured only here from the environment), local
# accounts with a second factor (TOTP, django-otp), lockout (django-axes), idle timeout.
# django-otp: the admin never shows a device's key (nor its QR code).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out username + address
    # the published demo password works in demo mode only (JEUGDREGIE_DEMO)
    "jeugdregie.demo.auth.DemoPasswordRefusalBackend",
    "django.contrib.auth.backends.ModelBackend",
    "jeugdregie.authentication.oidc.OIDCBackend",
]
# Single sign-on is on when a client id is set. Endpoints from the provider's discovery
# document (/.well-known/openid-configuration).
OIDC_RP_CLIENT_ID = env_str("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = env_str("OIDC_RP_CLIENT_SECRET", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = env_str("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = env_str("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = env_str("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_OP_LOGOUT_ENDPOINT = env_str("OIDC_OP_LOGOUT_ENDPOINT", "")
OIDC_RP_SIGN_ALGO = env_str("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = env_str("OIDC_RP_SCOPES", "openid email profile")
OIDC_USE_PKCE = True
OIDC_USE_NONCE = True
OIDC_TIMEOUT = env_int("OIDC_TIMEOUT", 10)  # seconds per call to the provider
OIDC_STORE_ID_TOKEN = True  # the id_token_hint of the logout at the provider
OIDC_CREATE_USER = True
# Which claim names the user and which carries the groups; which group gives which role in
# which organisation: "group=role@organisation-code;group2=role@code2" (first match wins).
JEUGDREGIE_OIDC_USERNAME_CLAIM = env_str("JEUGDREGIE_OIDC_USERNAME_CLAIM", "preferred_username")
JEUGDREGIE_OIDC_GROUPS_CLAIM = env_str("JEUGDREGIE_OIDC_GROUPS_CLAIM", "groups")
JEUGDREGIE_OIDC_GROUPS = env_str("JEUGDREGIE_OIDC_GROUPS", "")
# Second factor for local accounts: always for functional administrators, privacy officers,
# contract management and staff users; for these other roles too (comma-separated).
JEUGDREGIE_SECOND_FACTOR_ROLES = env_list("JEUGDREGIE_SECOND_FACTOR_ROLES", ["provider"])
OTP_TOTP_ISSUER = env_str("JEUGDREGIE_TOTP_ISSUER", "jeugdregie")
# Lockout: after AXES_FAILURE_LIMIT failed sign-ins of one username from one address, even
# the right password is refused for the cool-off period.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = False  # a password step does not wipe failed second-factor codes
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # the cool-off runs from the lockout
AXES_LOCKOUT_CALLABLE = "jeugdregie.authentication.views.locked_out"
AXES_VERBOSE = False
AXES_WHITELIST_CALLABLE = "jeugdregie.authentication.lockout.is_not_a_password_attempt"
# The client address is REMOTE_ADDR unless a number of trusted proxies is configured: a
# client-supplied X-Forwarded-For would otherwise give every attempt a fresh address.
AXES_IPWARE_PROXY_COUNT = JEUGDREGIE_TRUSTED_PROXIES or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)
# Sessions end after this many minutes without a request, and when the browser closes.
JEUGDREGIE_IDLE_SECONDS = env_int("JEUGDREGIE_IDLE_MINUTES", 15) * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Headers and transport security (README "Beveiliging"). Outside demo mode the site is served
# over https only: HSTS (one year, subdomains included) unless switched off explicitly.
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if JEUGDREGIE_DEMO else 365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=False)
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=False)
# Behind a proxy that terminates TLS: the header it sets, e.g. "X-Forwarded-Proto: https".
SECURE_PROXY_SSL_HEADER = proxy_ssl_header(env_str("DJANGO_SECURE_PROXY_SSL_HEADER", ""))
# Everything from this site only; forms may also go to the sign-in provider (log-out).
CONTENT_SECURITY_POLICY = content_security_policy(
    form_targets=[
        OIDC_OP_AUTHORIZATION_ENDPOINT,
        OIDC_OP_LOGOUT_ENDPOINT,
        *env_list("JEUGDREGIE_CSP_FORM_ACTION", []),
    ],
    report_uri=env_str("JEUGDREGIE_CSP_REPORT_URI", ""),
)
